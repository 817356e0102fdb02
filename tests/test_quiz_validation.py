"""Quiz files: every mistake an author can make is reported with file, line and a fix.

The catalogue in tests/quiz_cases/ holds one malformed quiz per mistake. Each file states in
its header what it must produce, one line per problem:

    # expect error 6: question 'troika-size' (single) has no correct option
    # expect warning 14: unknown key 'corect' in question 'obligations'; did you mean 'correct'?

The number is the line the message must name; the text is a part of the message. A case must
produce exactly the problems it lists, no more, errors and warnings apart.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import fastjsonschema
import pytest
import sitebuild

from course.languages import LANGUAGES
from course.model import Course
from course.quizzes import load as quiz_load
from course.quizzes import located_yaml as quiz_yaml
from course.quizzes import validate as quiz_validate
from course.sources import Sources

CASES_DIR = Path(__file__).resolve().parent / "quiz_cases"
CASES = sorted(CASES_DIR.glob("*.yml"))
EXPECT = re.compile(r"^# expect (error|warning) (\d+): (.+)$")

# A small course as plain data: two modules; the Tajik page of 02-review lacks one heading id.
COURSE = quiz_validate.CourseIndex(
    modules={"01-sample": ["sample-1", "sample-2"], "02-review": ["review-1"]},
    pages={
        "": {lang: set() for lang in LANGUAGES},
        "modules/01-sample/": {lang: {"why-it-matters", "objectives", "troika", "quiz"} for lang in LANGUAGES},
        "modules/02-review/": {"en": {"troika-role", "outcome"}, "ru": {"troika-role", "outcome"}, "tg": {"outcome"}},
        "glossary/": {lang: {"term-upr"} for lang in LANGUAGES},
    },
)


@dataclass
class Expected:
    kind: str  # 'error' or 'warning'
    line: int
    text: str


def expectations(case: Path) -> list[Expected]:
    found = []
    for line in case.read_text(encoding="utf-8").splitlines():
        match = EXPECT.match(line)
        if match:
            found.append(Expected(match[1], int(match[2]), match[3]))
    return found


def load_case(root: Path, source: Path, index: quiz_validate.CourseIndex = COURSE) -> quiz_load.QuizSet:
    """Check one quiz file the way the build does, in a project folder of its own."""
    (root / "quizzes").mkdir(parents=True, exist_ok=True)
    shutil.copy(source, root / "quizzes" / source.name)
    return quiz_load.load_quizzes(Sources(root), index)


def describe(result: quiz_load.QuizSet) -> str:
    return "\n".join([f"error:   {e}" for e in result.errors] + [f"warning: {w}" for w in result.warnings])


# ---------------------------------------------------------------- the catalogue


def test_catalogue_holds_at_least_24_malformed_quizzes_each_with_expectations():
    assert len(CASES) >= 24
    for case in CASES:
        assert expectations(case), f"{case.name} states no '# expect ...' line"


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_malformed_quiz_reports_each_problem_with_file_line_and_fix(case, tmp_path):
    expected = expectations(case)
    result = load_case(tmp_path, case)
    where = f"quizzes/{case.name}"
    for kind, messages in (("error", result.errors), ("warning", result.warnings)):
        wanted = [e for e in expected if e.kind == kind]
        assert len(messages) == len(wanted), f"expected {len(wanted)} {kind}(s), got:\n{describe(result)}"
        for expectation, problem in zip(wanted, messages, strict=True):
            assert (problem.file, problem.line) == (where, expectation.line), f"wrong file or line:\n{describe(result)}"
            assert expectation.text in problem.text(), describe(result)
            assert problem.severity == kind and problem.message and problem.fix.strip(), f"no fix: {problem}"
            assert "Traceback" not in problem.text() and "\n" not in problem.text()


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_quiz_with_errors_is_left_out_and_quiz_with_only_warnings_is_kept(case, tmp_path):
    result = load_case(tmp_path, case)
    if any(e.kind == "error" for e in expectations(case)):
        assert result.quizzes == []
    else:
        assert [quiz.id for quiz in result.quizzes] == [case.stem]


def test_catalogue_cases_differ_from_a_valid_quiz_only_by_their_mistake(tmp_path):
    """The fixture site's quiz passes against the same course, so each case fails for its own reason."""
    result = load_case(tmp_path, sitebuild.FIXTURE_SITE / "quizzes" / "01-sample.yml")
    assert (result.errors, result.warnings) == ([], [])
    assert [quiz.id for quiz in result.quizzes] == ["01-sample"]


# ---------------------------------------------------------------- specific behaviour


def test_yaml_syntax_error_names_line_and_column(tmp_path):
    result = load_case(tmp_path, CASES_DIR / "yaml-syntax-error.yml")
    assert re.match(r"quizzes/yaml-syntax-error\.yml:7: column 42: not valid YAML", result.errors[0].text())


def test_unknown_key_is_a_warning_suggesting_the_known_key(tmp_path):
    result = load_case(tmp_path, CASES_DIR / "unknown-key-typo-corect.yml")
    assert result.errors == []
    assert [w.text() for w in result.warnings] == [
        "quizzes/unknown-key-typo-corect.yml:14: unknown key 'corect' in question 'obligations'; did you mean 'correct'?"
    ]


def test_missing_translation_warning_names_quiz_field_and_language(tmp_path):
    result = load_case(tmp_path, CASES_DIR / "missing-ru-translation.yml")
    assert result.errors == []
    [warning] = result.warnings
    assert (warning.file, warning.line) == ("quizzes/missing-ru-translation.yml", 10)
    assert (
        "'explanation'" in warning.message
        and "no ru translation" in warning.message
        and warning.fix.startswith("add 'ru: ...'")
    )


def test_schema_error_does_not_hide_a_meaning_error_in_another_question(tmp_path):
    result = load_case(tmp_path, CASES_DIR / "two-problems.yml")
    assert [problem.line for problem in result.errors] == [9, 16], describe(result)


def test_missing_anchor_names_the_language_that_lacks_it(tmp_path):
    result = load_case(tmp_path, CASES_DIR / "see-missing-anchor.yml")
    [error] = result.errors
    assert "the tg page has no heading with id 'troika-role'" in error.message


def test_see_link_is_checked_against_each_language_page(tmp_path):
    """The same link passes once the Tajik page has the heading too."""
    course = quiz_validate.CourseIndex(
        COURSE.modules, {**COURSE.pages, "modules/02-review/": {lang: {"troika-role"} for lang in LANGUAGES}}
    )
    result = load_case(tmp_path, CASES_DIR / "see-missing-anchor.yml", course)
    assert (result.errors, result.warnings) == ([], [])


def test_problems_of_a_file_are_listed_in_line_order(tmp_path):
    text = (CASES_DIR / "two-problems.yml").read_text(encoding="utf-8").replace("pass_mark: 60", "pass_mark: 600")
    source = tmp_path / "source" / "ordered.yml"
    source.parent.mkdir()
    source.write_text(text, encoding="utf-8")
    result = load_case(tmp_path / "project", source)
    lines = [problem.line or 0 for problem in result.errors]
    assert lines == sorted(lines) and len(lines) == 3, describe(result)


def test_all_files_are_reported_not_only_the_first(tmp_path):
    for name in ("single-without-correct.yml", "pass-mark-over-100.yml"):
        load_case(tmp_path, CASES_DIR / name)
    result = quiz_load.load_quizzes(Sources(tmp_path), COURSE)
    assert {problem.file for problem in result.errors} == {
        "quizzes/single-without-correct.yml",
        "quizzes/pass-mark-over-100.yml",
    }


def test_line_of_the_whole_file_is_where_its_first_key_is():
    located = quiz_yaml.load_located("# a comment\n\ntitle: {en: T}\n")
    assert located.line(()) == 3
    assert located.line(("questions", 4)) == 3


# ---------------------------------------------------------------- the real quizzes


def test_real_quizzes_load_without_errors_or_warnings():
    result = Course(sitebuild.PROJECT).quiz_set
    assert result.errors == [] and result.warnings == [] and result.quality == [], describe(result)
    assert len(result.quizzes) == len(list((sitebuild.PROJECT / "quizzes").glob("*.yml"))) >= 1


def test_a_quiz_is_parsed_once_per_course_and_read_again_by_the_next_build(small_project):
    """A build (or make check) reads each quiz file once; the next build (mkdocs serve) sees an edit."""
    shutil.copy(CASES_DIR / "missing-ru-translation.yml", small_project / "quizzes" / "second.yml")
    course = Course(small_project)
    for _language in LANGUAGES:
        result = course.quiz_set
    assert len(result.quizzes) == 2
    assert course.sources.reads["quizzes/second.yml"] == 1
    (small_project / "quizzes" / "second.yml").write_text(
        (CASES_DIR / "single-without-correct.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = Course(small_project).quiz_set
    assert result.errors and (result.errors[0].file, result.errors[0].line) == ("quizzes/second.yml", 6)


def add_case(project: Path, name: str) -> None:
    shutil.copy(CASES_DIR / name, project / "quizzes" / name)


def test_build_with_malformed_quiz_fails_naming_file_line_and_every_problem(small_project):
    add_case(small_project, "two-problems.yml")
    result = sitebuild.build(small_project)
    assert result.returncode != 0
    assert (
        "quizzes/two-problems.yml:9: question 'troika-size' (single) has no correct option; mark one with 'correct: true'"
        in result.output
    )
    assert "quizzes/two-problems.yml:16: question 'peer-review' lacks 'answer'" in result.output
    assert "Traceback" not in result.output


def test_build_with_quiz_yaml_syntax_error_fails_with_line_and_column(small_project):
    add_case(small_project, "tab-indentation.yml")
    result = sitebuild.build(small_project)
    assert result.returncode != 0
    assert "quizzes/tab-indentation.yml:6: column 1: not valid YAML" in result.output
    assert "Traceback" not in result.output


def test_missing_translation_fails_the_strict_build_with_a_warning(small_project):
    add_case(small_project, "missing-ru-translation.yml")
    result = sitebuild.build(small_project)
    assert result.returncode != 0
    warnings = [line for line in result.output.splitlines() if "quizzes/missing-ru-translation.yml:10:" in line]
    assert len(warnings) == 1, (
        f"reported once per build (the quizzes are read once), not per language:\n{result.output}"
    )
    assert warnings[0].startswith("WARNING") and "'explanation'" in warnings[0] and "no ru translation" in warnings[0]
    assert "Traceback" not in result.output


# --- the quick schema check must agree with the full one ----------------------------------


def parsed_quiz_files() -> list[tuple[str, object]]:
    """Every case and course quiz that is YAML at all (the others never reach the schema)."""
    found = []
    for source in CASES + sorted((Path(__file__).resolve().parents[1] / "quizzes").glob("*.yml")):
        try:
            found.append(
                (f"{source.parent.name}/{source.name}", quiz_yaml.load_located(source.read_text(encoding="utf-8")).data)
            )
        except quiz_yaml.YamlSyntaxError:
            continue
    return found


@pytest.mark.parametrize("name, data", parsed_quiz_files(), ids=lambda value: value if isinstance(value, str) else "")
def test_quick_schema_check_accepts_exactly_what_the_full_check_accepts(name, data):
    """The compiled check, which alone decides for a valid file, passes a file exactly when
    the full check finds no problem in it."""
    full = list(quiz_validate._validator(str(quiz_validate.SCHEMA_FILE)).iter_errors(data))
    try:
        quiz_validate._quick_check(str(quiz_validate.SCHEMA_FILE))(data)
        quick_passes = True
    except fastjsonschema.JsonSchemaException:
        quick_passes = False
    assert quick_passes == (not full)
    assert bool(quiz_validate.schema_errors(data)) == bool(full)
