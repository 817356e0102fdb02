"""Quizzes as Moodle GIFT text: one language per file, or all three through multilang spans.

Texts are HTML (each question starts with the [html] marker; answers and feedback inherit
it). Scoring matches the site: a multiple-choice question gives each correct option an equal
share of 100% and each wrong option the same share negative, so one wrong pick cancels one
right one (Moodle keeps the total between 0 and 100%); an order question becomes a matching
question of positions to items, so each item in place earns its share, as on the site.
"""

from __future__ import annotations

import html
import re

from course.export.common import LANGUAGES, LanguageText, all_accepted_answers
from course.quizzes.types import QUESTION_TYPES

SPECIAL = "~=#{}:"
SPAN_TAG = re.compile(r"</?span\b[^>]*>")


def escape(text: str) -> str:
    """Backslash before every character GIFT reads as syntax; line breaks as '\\n'."""
    text = text.replace("\\", "\\\\")
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def weight(percent: float) -> str:
    """A Moodle grade percentage: 33.33333, 50, -25."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")


class MultilangText:
    """The same interface as LanguageText, every text holding all languages in multilang spans."""

    def __init__(self, texts: dict[str, LanguageText]):
        self.texts = texts

    def _spans(self, value: object, part: str) -> str:
        if not isinstance(value, dict):
            return getattr(self.texts["en"], part)(value)
        # Moodle's filter ends a language at the first '</span>', so none may appear inside.
        return "".join(
            f'<span lang="{lang}" class="multilang">{SPAN_TAG.sub("", getattr(text, part)(value))}</span>'
            for lang, text in self.texts.items()
        )

    def html(self, value: object) -> str:
        return self._spans(value, "inline")

    def inline(self, value: object) -> str:
        return self._spans(value, "inline")

    def plain(self, value: object) -> str:
        return self._spans(value, "plain")

    def review_link(self, see: str | None) -> str:
        if not see:
            return ""
        links = "".join(
            f'<span lang="{lang}" class="multilang">{_link(url, text.ui_text("quiz_review"))}</span>'
            for lang, text in self.texts.items()
            if (url := text.see_url(see))
        )
        return f"<p>{links}</p>"

    def answers(self, question: dict) -> list[str]:
        return all_accepted_answers(question)


def _link(url: str, label: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(label, quote=False)}</a>'


def review_link(text: LanguageText | MultilangText, see: str | None) -> str:
    """'Review this section', opening the published course in the question's language."""
    if isinstance(text, MultilangText):
        return text.review_link(see)
    url = text.see_url(see)
    return f"<p>{_link(url, text.ui_text('quiz_review'))}</p>" if url else ""


def question_name(question: dict, number: int) -> str:
    return f"{number:02d} {question['id']}"


def question_gift(question: dict, number: int, text: LanguageText | MultilangText) -> str:
    """One GIFT question: ::name::[html]prompt{answers ####general feedback}."""
    lines = QUESTION_TYPES[question["type"]].gift(question, _GiftWriter(text))
    general = text.html(question["explanation"]) + review_link(text, question.get("see"))
    prompt = escape(text.html(question["prompt"]))
    body = "\n".join("\t" + line for line in lines)
    return f"::{escape(question_name(question, number))}::[html]{prompt}{{\n{body}\n\t####{escape(general)}\n}}"


class _GiftWriter:
    """What a question type sees of GIFT: the texts (one language or multilang) and the syntax."""

    def __init__(self, text: LanguageText | MultilangText):
        self._text = text

    def html(self, value: object) -> str:
        return self._text.html(value)

    def inline(self, value: object) -> str:
        return self._text.inline(value)

    def plain(self, value: object) -> str:
        return self._text.plain(value)

    def answers(self, question: dict) -> list[str]:
        return self._text.answers(question)

    def escape(self, text: str) -> str:
        return escape(text)

    def weight(self, percent: float) -> str:
        return weight(percent)

    def feedback(self, option: dict) -> str:
        return "#" + escape(self._text.html(option["feedback"])) if "feedback" in option else ""


def quiz_gift(quiz_id: str, data: dict, text: LanguageText | MultilangText, category: str) -> str:
    """A whole GIFT file: a category line, then the questions separated by blank lines."""
    questions = [question_gift(q, n, text) for n, q in enumerate(data["questions"], start=1)]
    header = f"// {quiz_id}: exported from the UPR course; import in Moodle as GIFT format\n$CATEGORY: {category}\n"
    return header + "\n\n" + "\n\n".join(questions) + "\n"


def language_gift(quiz_id: str, data: dict, text: LanguageText) -> str:
    return quiz_gift(quiz_id, data, text, f"$course$/UPR course/{quiz_id} ({text.language})")


def multilang_gift(quiz_id: str, data: dict, texts: dict[str, LanguageText]) -> str:
    ordered = {lang: texts[lang] for lang in LANGUAGES}
    return quiz_gift(quiz_id, data, MultilangText(ordered), f"$course$/UPR course/{quiz_id}")
