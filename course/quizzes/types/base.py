"""What every question type provides, and the tools the course hands it.

A type never imports the validator, the renderer or the exporters: each of them passes its
own tools in (the protocols below), so the types sit below all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol


class Checks(Protocol):
    """The validator's view of one question: report problems at a field, compare texts."""

    name: str  # "question 'troika' (single)", the way problems name it

    def error(self, field: tuple, message: str, fix: str) -> None: ...
    def warning(self, field: tuple, message: str, fix: str) -> None: ...
    def unique(self, field: str, values: list) -> None: ...


class Texts(Protocol):
    """The renderer's view of one question in one language."""

    language: str

    def text(self, value: object, field: str) -> str: ...  # Markdown in the reader's language to HTML
    def inline(self, fragment: str) -> str: ...
    def plain(self, fragment: str) -> str: ...
    def shuffle(self, count: int) -> list[int]: ...  # a fixed order for this question, never the answer's
    def untranslated(self, field: str) -> None: ...
    def normalize(self, answer: str) -> str: ...


class Paper(Protocol):
    """How worksheets and answer keys letter things."""

    def letter(self, index: int) -> str: ...
    def options(self, view: dict) -> list[dict]: ...  # a choice question's options in their paper order


class Gift(Protocol):
    """The GIFT writer: texts of one language (or all, as multilang) and GIFT's own syntax."""

    def html(self, value: object) -> str: ...
    def inline(self, value: object) -> str: ...
    def plain(self, value: object) -> str: ...
    def answers(self, question: dict) -> list[str]: ...
    def escape(self, text: str) -> str: ...
    def weight(self, percent: float) -> str: ...
    def feedback(self, option: dict) -> str: ...


@dataclass(frozen=True)
class QuestionType:
    name: str  # the value of 'type:' in a quiz file
    answer_field: str  # the key that holds the answer ('options', 'answer', 'items', 'pairs', 'accept')
    author_shuffle: bool  # 'shuffle: false' keeps the author's order (choice questions only)
    check: Callable[[dict, Checks], None]  # what the schema cannot say
    view: Callable[[dict, Texts], dict]  # the type's part of the quiz page's view data
    worksheet: Callable[[dict, Paper], dict]  # the type's part of a printed question
    answer_key: Callable[[dict, Paper], dict]  # the type's part of an answer-key entry
    gift: Callable[[dict, Gift], list[str]]  # the answer lines of a GIFT question
    qti_response: Callable[[Any, dict, Any, Any], None]  # (item, question, text, qti): the RESPONSE declaration
    qti_interaction: Callable[[Any, dict, Any, Any], None]  # (body, question, text, qti): what the learner works with
    qti_scoring: Callable[[Any, dict, Any], None]  # (processing, question, qti): how SCORE is set
    qti_counters: tuple[tuple[str, str], ...] = ()  # extra outcome variables (name, base type)
    qti_option_feedback: bool = False  # the chosen options' feedback is shown


def no_checks(question: dict, checks: Checks) -> None:
    """A type whose shape the schema says all about."""


def nothing(*_: object) -> dict:
    return {}
