"""Turn a checked quiz into view data for overrides/partials/quiz.html, in one language.

Quiz texts are Markdown rendered with the site's extensions and then cleaned with an
allow-list sanitizer, so nothing executable can reach the page from a quiz file.
"""

from __future__ import annotations

import html
import random
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import markdown
import nh3

from course.languages import LETTER_FOLD_BOTH_CASES
from course.quizzes.types import QUESTION_TYPES

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "em",
    "i",
    "kbd",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
    "del",
    "ins",
    "mark",
    "dl",
    "dt",
    "dd",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "*": {"lang"},
    "td": {"align"},
    "th": {"align"},
}
PLAIN = re.compile(r"^[^*_`\[\]<>#|!\\&~^=:{}\n]*$")
SINGLE_PARAGRAPH = re.compile(r"^<p>((?:(?!</?p>).)*)</p>$", re.DOTALL)
NOT_FOR_QUIZ_TEXT = {"pymdownx.snippets"}


class TextRenderer:
    """Markdown to safe HTML; plain sentences skip the Markdown pass (most quiz texts)."""

    def __init__(self, extensions: list, extension_configs: dict):
        # Snippets would let a quiz text pull in any file ('--8<-- "mkdocs.yml"') and a missing
        # one ends the build with a traceback; quiz texts never need it.
        extensions = [e for e in extensions if e not in NOT_FOR_QUIZ_TEXT]
        configs = {name: value for name, value in extension_configs.items() if name not in NOT_FOR_QUIZ_TEXT}
        self._markdown = markdown.Markdown(extensions=extensions, extension_configs=configs)

    def __call__(self, text: object) -> str:
        text = "" if text is None else str(text).strip()
        if PLAIN.match(text):
            return f"<p>{html.escape(text, quote=False)}</p>" if text else ""
        self._markdown.reset()
        return sanitize(self._markdown.convert(text))


def sanitize(fragment: str) -> str:
    return nh3.clean(
        fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"}
    )


def inline(fragment: str) -> str:
    """A one-paragraph fragment without its <p>, for legends and labels."""
    match = SINGLE_PARAGRAPH.match(fragment.strip())
    return match.group(1) if match else fragment


def plain_text(fragment: str) -> str:
    """Text without tags, for <option> elements, which hold text only."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def normalize_answer(text: str) -> str:
    """Compare short answers ignoring case, spacing, ё/е and Tajik letters typed as Russian ones."""
    text = unicodedata.normalize("NFC", str(text)).casefold().translate(LETTER_FOLD_BOTH_CASES)
    return " ".join(text.split())


def localized(value: object, language: str) -> tuple[object, bool]:
    """(text, translated?) — English stands in for a missing translation."""
    if isinstance(value, dict):
        if value.get(language) not in (None, ""):
            return value[language], True
        return value.get("en"), language == "en"
    return value, True


def stable_shuffle(count: int, seed: str) -> list[int]:
    """The same shuffled order at every build, never the answer order (for pages without JS)."""
    return list(_shuffled(count, seed))


@lru_cache(maxsize=4096)
def _shuffled(count: int, seed: str) -> tuple[int, ...]:
    order = list(range(count))
    generator = random.Random(seed)
    for _ in range(10):
        generator.shuffle(order)
        if order != sorted(order) or count < 2:
            return tuple(order)
    return tuple(order[1:] + order[:1])  # still the answer order after ten tries (two items: 1 in 1024)


def question_view(
    question: dict,
    number: int,
    total: int,
    language: str,
    render: Callable[[object], str],
    see_href: str | None,
    answer_hash: str,
) -> dict:
    """Everything the template needs for one question, in one language."""
    untranslated: list[str] = []

    def text(value: object, field: str) -> str:
        raw, translated = localized(value, language)
        if not translated:
            untranslated.append(field)
        return render(raw)

    kind = QUESTION_TYPES[question["type"]]
    view = {
        "id": question["id"],
        "type": kind.name,
        "number": number,
        "total": total,
        "hash": answer_hash,
        "prompt": text(question["prompt"], "prompt"),
        "explanation": text(question["explanation"], "explanation"),
        "hint": text(question["hint"], "hint") if "hint" in question else "",
        "see_href": see_href,
        "objective": question.get("objective", ""),
        "shuffle": kind.author_shuffle and question.get("shuffle", True),  # the other types: always
    }
    view.update(kind.view(question, _QuestionTexts(language, text, question["id"], untranslated)))
    view["untranslated"] = sorted(set(untranslated))
    return view


class _QuestionTexts:
    """What a question type's view sees: its texts in the reader's language, and a fixed shuffle."""

    def __init__(self, language: str, text: Callable[[object, str], str], question_id: str, untranslated: list[str]):
        self.language = language
        self.text = text
        self._id = question_id
        self._untranslated = untranslated

    def inline(self, fragment: str) -> str:
        return inline(fragment)

    def plain(self, fragment: str) -> str:
        return plain_text(fragment)

    def shuffle(self, count: int) -> list[int]:
        return stable_shuffle(count, self._id)

    def untranslated(self, field: str) -> None:
        self._untranslated.append(field)

    def normalize(self, answer: str) -> str:
        return normalize_answer(answer)
