"""Problems are data: every check hands over file, line, message and fix, and the one text form
authors read is made from those fields, never parsed back."""

from __future__ import annotations

import pytest

from course.content import catalog, glossary
from course.problems import Problem


def test_text_form_names_file_line_what_and_fix():
    problem = Problem("quizzes/x.yml", 42, "question 'troika' has no correct option", "mark one with 'correct: true'")
    assert problem.text() == "quizzes/x.yml:42: question 'troika' has no correct option; mark one with 'correct: true'"
    assert Problem("modules/5-x", None, "a module folder is named like '05-my-topic'", "").text() == (
        "modules/5-x: a module folder is named like '05-my-topic'"
    )


def test_module_problems_arrive_as_fields(small_project):
    page = small_project / "modules/01-sample/index.ru.md"
    page.write_text(page.read_text(encoding="utf-8").replace("study_time: 10\n", ""), encoding="utf-8")
    with pytest.raises(catalog.CatalogError) as raised:
        catalog.load_catalog(small_project)
    [problem] = raised.value.problems
    assert (problem.file, problem.line, problem.message) == (
        "modules/01-sample/index.ru.md",
        1,
        "front matter lacks 'study_time'",
    )
    assert problem.fix.startswith("add 'study_time: ...'") and str(raised.value) == problem.text()


def test_glossary_problems_arrive_as_fields(small_project):
    path = small_project / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - id: upr\n", "  - id: ohchr\n"), encoding="utf-8")
    with pytest.raises(glossary.GlossaryError) as raised:
        glossary.load_terms(small_project)
    [problem] = raised.value.problems
    assert problem.file == "glossary.yml" and problem.line == 7 and problem.fix == "give each term its own id"
