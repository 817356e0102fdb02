"""One letter table (LETTER_FOLD in course/languages.py) for everything that treats Tajik letters
typed on a Russian keyboard as the Tajik ones: quiz short answers in the browser take it from
the quiz page, search from the generated Tajik search support (see test_search.py)."""

from __future__ import annotations

import json
import re

import pytest
import sitebuild
from playwright.sync_api import expect

from course.languages import LETTER_FOLD

QUIZ = "tg/quizzes/01-human-rights-obligations/"
QUESTION = "iccpr-committee"  # accepts "Кумитаи ҳуқуқи инсон"


def test_quiz_script_holds_no_letter_table_of_its_own():
    script = (sitebuild.PROJECT / "docs/assets/quiz.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", script, flags=re.DOTALL)  # comments may name the letters
    assert not set("ӣӯҳқғҷ") & set(code), "quiz.js spells out Tajik letters: take them from data-letter-fold"


def test_quiz_pages_carry_the_one_table(course_site):
    for root in ("", "ru/", "tg/"):
        html = course_site.page(root + QUIZ.removeprefix("tg/"))
        found = re.search(r"data-letter-fold='([^']*)'", html)
        assert found and json.loads(found.group(1)) == LETTER_FOLD, root


@pytest.mark.browser
@pytest.mark.parametrize("typed", ["Кумитаи хукуки инсон", "кумитаи ҳуқуқи инсон"])
def test_short_answer_typed_on_a_russian_keyboard_counts(page_in, course_server, typed):
    page = page_in()
    page.goto(course_server + QUIZ)
    question = page.locator(f"[data-question='{QUESTION}']")
    question.locator("input").click()
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    expect(question.locator(".mdx-q__short")).to_have_attribute("data-mark", "correct")
