"""Study time: stated per part (reading, exercises, quiz), shown so on the module page and in
the module list, and held by `make check` to an estimate from the words and the quiz."""

from __future__ import annotations

from pathlib import Path

import pytest
import sitebuild

from course import check
from course.content import studytime as course_studytime

PROJECT = Path(__file__).resolve().parent.parent

SPLIT = "study_time: {reading: 1, exercise: 5, quiz: 9}"  # the fixture quiz: 3 one-minute and 3 two-minute questions


def split_study_time(project: Path, value: str = SPLIT) -> None:
    for language in ("en", "ru"):
        page = project / f"modules/01-sample/index.{language}.md"
        page.write_text(page.read_text(encoding="utf-8").replace("study_time: 10", value), encoding="utf-8")


@pytest.mark.parametrize(
    "value, total",
    [
        (45, 45),
        ({"reading": 15, "exercise": 20, "quiz": 12}, 47),
        ("an hour", None),
        ({"reading": 15, "quiz": 12}, None),
        (True, None),
    ],
)
def test_study_time_is_minutes_or_three_parts(value, total):
    parsed = course_studytime.parse(value)
    assert (parsed.total if parsed else None) == total


def test_estimate_reads_180_words_a_minute_and_two_minutes_for_a_scenario():
    assert course_studytime.estimate_reading(1800) == 10
    assert course_studytime.estimate_quiz(["remember", "apply", "analyse", None]) == 6


def test_stated_part_off_by_more_than_a_third_is_reported():
    words = 2700  # 15 minutes
    assert course_studytime.problems({"reading": 15, "exercise": 20, "quiz": 4}, words, ["remember"] * 4) == []
    found = course_studytime.problems({"reading": 30, "exercise": 20, "quiz": 4}, words, ["remember"] * 4)
    assert len(found) == 1 and "reading is 30 min but the estimate is 15 min" in found[0][0]
    too_short = course_studytime.problems(10, words, ["apply"] * 10)
    assert len(too_short) == 1 and "split it" in too_short[0][1]


def test_make_check_warns_about_a_quiz_time_that_is_off(small_project, capsys):
    split_study_time(small_project, "study_time: {reading: 1, exercise: 5, quiz: 20}")
    problems = [p for p in check.run(small_project).warnings if "study_time" in p.message]
    assert [(p.file, p.line) for p in problems] == [("modules/01-sample/index.en.md", 4)]
    assert "quiz is 20 min but the estimate is 9 min" in problems[0].message
    split_study_time(small_project)


def test_split_study_time_passes_and_shows_its_parts(small_project):
    split_study_time(small_project)
    assert [p for p in check.run(small_project).warnings if "study_time" in p.message] == []
    built = sitebuild.build(small_project)
    assert built.returncode == 0, built.output
    page = built.page("modules/01-sample/")
    assert "Study time: 15 min" in page and "(reading 1, exercises 5, quiz 9)" in page
    assert "чтение — 1, упражнения — 5, тест — 9" in built.page("ru/modules/01-sample/")
    listing = built.page("modules/")
    assert "15 min" in listing
