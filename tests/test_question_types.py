"""The question-type registry: the one list of types, and every place a type must be known."""

from __future__ import annotations

import json
import re

import pytest
import sitebuild

from course.quizzes.types import QUESTION_TYPES

PROJECT = sitebuild.PROJECT
SCHEMA = json.loads((PROJECT / "quizzes/quiz.schema.json").read_text(encoding="utf-8"))
# where, besides its module in course/quizzes/types/, a type needs its own branch
TEMPLATES = (
    "overrides/partials/quiz.html",
    "overrides/partials/trainer-handout.html",
    "overrides/partials/trainer-answer-key.html",
)


def test_the_schema_and_the_registry_list_the_same_types_in_the_same_order():
    enum = SCHEMA["definitions"]["question"]["properties"]["type"]["enum"]
    assert enum == list(QUESTION_TYPES)


@pytest.mark.parametrize("name", list(QUESTION_TYPES))
def test_every_type_has_its_branch_in_the_templates_and_the_quiz_script(name):
    for template in TEMPLATES:
        text = (PROJECT / template).read_text(encoding="utf-8")
        assert re.search(rf"q\.type (==|in \([^)]*)\s*\"{name}\"", text), f"{template} has no branch for '{name}'"
    script = (PROJECT / "docs/assets/quiz.js").read_text(encoding="utf-8")
    assert f'"{name}"' in script, f"docs/assets/quiz.js does not handle '{name}'"


@pytest.mark.parametrize("name", list(QUESTION_TYPES))
def test_a_question_without_its_answer_field_or_with_another_types_field_is_refused(name, tmp_path):
    from course.quizzes import validate

    kind = QUESTION_TYPES[name]
    other = next(t.answer_field for t in QUESTION_TYPES.values() if t.answer_field != kind.answer_field)
    problems = []

    class Located:
        def line(self, path):
            return 7

    class Report:
        def error(self, line, message, fix):
            problems.append((line, message, fix))

        def warning(self, line, message, fix):
            pass

    question = {"id": "q", "type": name, other: [], kind.answer_field: []}
    if kind.answer_field == "options":
        question["options"] = [{"text": "a"}]
    validate._check_answer_shape("quizzes/x.yml", Located(), ("questions", 0), question, "question 'q'", Report())
    assert (7, f"question 'q' cannot have '{other}'", f"a {name} question uses '{kind.answer_field}'") in problems
