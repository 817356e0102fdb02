"""The question types, one module each, and the one list of them (QUESTION_TYPES).

A type's module says what the validator checks beyond the schema, its view data for the quiz
page, its part of a worksheet and an answer key, and its GIFT and QTI forms. To add a type:
1. its fields in quizzes/quiz.schema.json;
2. a module here with its QuestionType, and its line in QUESTION_TYPES below;
3. its branch in overrides/partials/quiz.html, trainer-handout.html and trainer-answer-key.html;
4. its entry in docs/assets/quiz.js (how a learner answers it and how it is scored);
5. tests: a case in tests/quiz_cases/ and a golden page in tests/golden/.
"""

from __future__ import annotations

from course.quizzes.types.base import QuestionType
from course.quizzes.types.choice import MULTIPLE, SINGLE
from course.quizzes.types.match import MATCH
from course.quizzes.types.order import ORDER
from course.quizzes.types.short import SHORT
from course.quizzes.types.true_false import TRUE_FALSE

QUESTION_TYPES: dict[str, QuestionType] = {
    kind.name: kind for kind in (SINGLE, MULTIPLE, TRUE_FALSE, ORDER, MATCH, SHORT)
}

__all__ = ["QUESTION_TYPES", "QuestionType"]
