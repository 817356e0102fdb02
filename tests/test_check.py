"""`make check` (course/check.py): problems named with file, line and fix; the translation table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from course import check

PROJECT = Path(__file__).resolve().parent.parent


def run_check(project: Path, capsys, *args: str) -> tuple[int, str]:
    code = check.main(["--root", str(project), *args])
    return code, capsys.readouterr().out


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return path.read_text(encoding="utf-8")[: path.read_text(encoding="utf-8").index(needle)].count("\n") + 1


def test_clean_fixture_passes_and_prints_the_translation_table(small_project, capsys):
    code, out = run_check(small_project, capsys)
    assert code == 0, out
    assert "No problems found." in out
    rows = {tuple(line.split()[:2]): line for line in out.splitlines() if line.startswith(("module", "quiz", "page"))}
    module = rows[("module", "01-sample")]
    assert "present" in module and "draft" in module and module.rstrip().endswith("missing")  # no Tajik page
    assert "%" in rows[("quiz", "01-sample")]
    assert rows[("page", "about")].count("missing") == 2


def test_real_course_has_no_problems():
    """`make check` on the course itself: no error and no warning (speed is measured by make bench)."""
    result = subprocess.run(
        [sys.executable, "-m", "course.check", "--strict"], cwd=PROJECT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "module  01-human-rights-obligations" in result.stdout and "No problems found." in result.stdout


def test_broken_quiz_fails_naming_file_line_and_fix(small_project, capsys):
    quiz = small_project / "quizzes/01-sample.yml"
    edit(quiz, "    type: true_false\n", "    type: yes_no\n")
    code, out = run_check(small_project, capsys)
    assert code == 1
    line = line_of(quiz, "type: yes_no")
    assert f"quizzes/01-sample.yml:{line}: error: question 'peer-review' has unknown type 'yes_no'" in out
    assert "fix: use one of single, multiple, true_false" in out


def test_quiz_that_is_not_yaml_fails_with_its_line(small_project, capsys):
    quiz = small_project / "quizzes/01-sample.yml"
    edit(quiz, "pass_mark: 60\n", "pass_mark: [60\n")
    code, out = run_check(small_project, capsys)
    assert code == 1
    assert "quizzes/01-sample.yml:" in out and "not valid YAML" in out


def test_mismatched_objective_ids_fail_naming_the_page(small_project, capsys):
    edit(small_project / "modules/01-sample/index.ru.md", "id: sample-2", "id: sample-two")
    code, out = run_check(small_project, capsys)
    assert code == 1
    assert "modules/01-sample/index.ru.md:1: error: objective ids ['sample-1', 'sample-two'] differ" in out
    assert "fix: use the same ids in the same order in every language" in out


def test_broken_link_and_anchor_fail_with_line_and_suggestion(small_project, capsys):
    page = small_project / "docs/index.en.md"
    edit(page, "[About](about.md)", "[About](abuot.md)\n\n[Home](index.md#nowhere)")
    code, out = run_check(small_project, capsys)
    assert code == 1
    assert f"docs/index.en.md:{line_of(page, 'abuot.md')}: error: link 'abuot.md' points to no file" in out
    assert "did you mean 'about.md'?" in out
    assert f"docs/index.en.md:{line_of(page, '#nowhere')}: error: link 'index.md#nowhere'" in out
    assert "{#nowhere}" in out  # the fix shows how to give a heading that id


def test_links_resolve_per_language_with_english_fallback(small_project, capsys):
    # From a Russian page, 'about.md' means about.ru.md, which does not exist: about.en.md is used.
    edit(small_project / "docs/index.ru.md", "УВКПЧ помогает.", "УВКПЧ помогает. [О курсе](about.md#about-the-fixture)")
    # A section that exists in English but not in the Russian module page is an error on the Russian link.
    edit(
        small_project / "modules/01-sample/index.en.md",
        "## The troika {#troika}",
        "## The troika {#troika}\n\n### Only English {#only-en}",
    )
    edit(
        small_project / "modules/01-sample/index.ru.md",
        "Три государства.",
        "Три государства. [См.](index.md#only-en) ![схема](diagram.svg)",
    )
    code, out = run_check(small_project, capsys)
    assert code == 1
    assert "docs/index.ru.md" not in out  # auto-generated slug of '# About the fixture' in the English fallback
    assert "modules/01-sample/index.ru.md:" in out and "index.ru.md has no heading with id 'only-en'" in out


def test_missing_image_is_an_error(small_project, capsys):
    edit(small_project / "modules/01-sample/index.en.md", "(diagram.svg)", "(diagramm.svg)")
    code, out = run_check(small_project, capsys)
    assert code == 1
    assert "link 'diagramm.svg' points to no file" in out


def test_json_output_has_the_same_rows_as_the_table(small_project, capsys):
    edit(small_project / "docs/index.en.md", "[About](about.md)", "[About](abuot.md)")
    code_text, text = run_check(small_project, capsys)
    code_json, out = run_check(small_project, capsys, "--format", "json")
    assert code_text == code_json == 1
    data = json.loads(out)
    assert data["ok"] is False
    table_rows = [tuple(line.split()[:2]) for line in text.splitlines() if line.startswith(("module", "quiz", "page"))]
    assert [(row["kind"], row["name"]) for row in data["translations"]] == table_rows
    sample = next(r for r in data["translations"] if r["kind"] == "module")
    assert sample["languages"]["ru"]["status"] == "draft"
    assert sample["languages"]["tg"]["status"] == "missing"
    assert sample["languages"]["en"]["words"] > 10
    error = data["errors"][0]
    assert error["file"] == "docs/index.en.md" and error["line"] and error["fix"]


def test_quiz_translation_share_counts_missing_texts(small_project, capsys):
    edit(small_project / "quizzes/01-sample.yml", ', tg: "Санҷиши намунавӣ"}', "}")
    code, out = run_check(small_project, capsys, "--format", "json")
    data = json.loads(out)
    quiz = next(r for r in data["translations"] if r["kind"] == "quiz")
    assert 0.9 < quiz["languages"]["tg"]["translated"] < 1.0
    assert quiz["languages"]["ru"]["translated"] == 1.0
    assert any("has no tg translation" in w["message"] for w in data["warnings"])
    assert code == 0  # a warning alone does not fail
    assert check.main(["--root", str(small_project), "--strict"]) == 1
    capsys.readouterr()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_problems_in_a_draft_module_are_warnings(small_project, capsys, language):
    edit(small_project / "modules/01-sample/index.en.md", "study_time: 10", "study_time: 10\ndraft: true")
    edit(
        small_project / f"modules/01-sample/index.{language}.md",
        "{#why-it-matters}\n",
        "{#why-it-matters}\n\n[x](nowhere.md)\n",
    )
    edit(small_project / "quizzes/01-sample.yml", "    type: true_false\n", "    type: yes_no\n")
    code, out = run_check(small_project, capsys)
    assert code == 0, out
    assert "warning: (draft module 01-sample) link 'nowhere.md' points to no file" in out
    assert "warning: (draft module 01-sample) question 'peer-review' has unknown type" in out
    assert "01-sample (draft module)" in out


def test_published_page_linking_a_draft_module_is_an_error(small_project, capsys):
    edit(small_project / "modules/01-sample/index.en.md", "study_time: 10", "study_time: 10\ndraft: true")
    edit(
        small_project / "docs/index.en.md",
        "[About](about.md)",
        "[About](about.md) [Sample](modules/01-sample/index.md)",
    )
    code, out = run_check(small_project, capsys)
    assert code == 1
    assert "points to draft module '01-sample'" in out


# page, text to put the link after, the broken link, what both reports must name
BROKEN_LINKS = [
    ("docs/index.en.md", "[About](about.md)", "[Gone](abuot.md)", "abuot.md"),
    ("docs/index.en.md", "[About](about.md)", "[Home](index.md#nowhere)", "nowhere"),
    ("docs/index.en.md", "[About](about.md)", "[Module](modules/09-none/index.md)", "09-none"),
    ("modules/01-sample/index.en.md", "## The troika {#troika}", "![Plan](diagramm.svg)", "diagramm.svg"),
    ("modules/01-sample/index.ru.md", "Три государства.", "[См.](index.md#only-en)", "only-en"),
]


def test_make_check_and_the_strict_build_flag_the_same_broken_links(small_project, capsys):
    """make check finds in seconds what the strict build would stop on, and the other way round."""
    import sitebuild

    for page, after, link, _ in BROKEN_LINKS:
        edit(small_project / page, after, f"{after}\n\n{link}\n")
    code, out = run_check(small_project, capsys)
    build = sitebuild.build(small_project)
    assert code == 1 and build.returncode != 0
    warnings = [line for line in build.output.splitlines() if line.startswith("WARNING")]
    for page, _, link, named in BROKEN_LINKS:
        checked = [line for line in out.splitlines() if line.startswith(f"{page}:") and named in line]
        assert checked, f"make check missed {link} in {page}:\n{out}"
        built = [line for line in warnings if named in line]
        assert built, f"the strict build missed {link} in {page}:\n{build.output}"
    assert len(warnings) == len(BROKEN_LINKS), "the build flags nothing that make check does not"
