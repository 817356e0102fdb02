"""What the LMS exports share: quiz texts in one language, review links, accepted answers.

Texts are the quiz's Markdown rendered to safe HTML by the same renderer as the site
(quiz_render.TextRenderer), so an LMS shows what the course shows.
"""

from __future__ import annotations

from collections.abc import Callable

from course.languages import LANGUAGE_ROOTS, LANGUAGES, LETTER_FOLD_BOTH_CASES
from course.quizzes import render as quiz_render

Render = Callable[[object], str]


def see_url(see: str | None, language: str, site_url: str) -> str | None:
    """'modules/02-x/#troika' -> '<site_url>ru/modules/02-x/#troika' on the Russian export."""
    if not see:
        return None
    page, _, anchor = see.partition("#")
    page = page.strip("/")
    url = site_url.rstrip("/") + "/" + LANGUAGE_ROOTS[language] + (page + "/" if page else "")
    return url + ("#" + anchor if anchor else "")


def accepted_answers(question: dict, language: str) -> list[str]:
    """A short question's answers in one language, plus the spellings the site also accepts.

    The site compares ignoring case, spacing and Tajik letters typed as Russian ones; an LMS
    only ignores case, so each answer also goes out with those letters folded.
    """
    accept = question["accept"]
    if isinstance(accept, dict):
        accept = accept.get(language) or accept["en"]
    values = accept if isinstance(accept, list) else [accept]
    answers: list[str] = []
    for value in values:
        text = " ".join(str(value).split())
        for variant in (text, text.translate(LETTER_FOLD_BOTH_CASES)):
            if variant.casefold() not in {a.casefold() for a in answers}:
                answers.append(variant)
    return answers


def all_accepted_answers(question: dict) -> list[str]:
    """Answers in every language, for a multilingual question that accepts any of them."""
    answers: list[str] = []
    for language in LANGUAGES:
        for answer in accepted_answers(question, language):
            if answer.casefold() not in {a.casefold() for a in answers}:
                answers.append(answer)
    return answers


class LanguageText:
    """Quiz texts in one language: block HTML, inline HTML (no <p>) and plain text."""

    def __init__(self, render: Render, language: str, site_url: str, ui: dict[str, dict[str, str]]):
        self.render, self.language, self.site_url, self.ui = render, language, site_url, ui

    def html(self, value: object) -> str:
        return self.render(quiz_render.localized(value, self.language)[0])

    def inline(self, value: object) -> str:
        return quiz_render.inline(self.html(value))

    def plain(self, value: object) -> str:
        return quiz_render.plain_text(self.html(value))

    def ui_text(self, key: str) -> str:
        values = self.ui[key]
        return values.get(self.language) or values["en"]

    def see_url(self, see: str | None) -> str | None:
        return see_url(see, self.language, self.site_url)

    def answers(self, question: dict) -> list[str]:
        return accepted_answers(question, self.language)
