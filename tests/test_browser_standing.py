"""Where am I, and did I finish? A module's standing beside its quiz link and on the progress
page, 'Continue where you left off' on the home page, and the printable completion summary."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from test_browser_quiz import QUIZ, answer_all

pytestmark = pytest.mark.browser

MODULE = "modules/01-sample/"
NOT_STARTED = {"en": "not started", "ru": "не начат", "tg": "оғоз нашудааст"}
LANGUAGE_ROOTS = {"en": "", "ru": "ru/", "tg": "tg/"}


def standing(page):
    return page.locator(".mdx-module-state")


def test_a_module_goes_from_not_started_to_in_progress_to_passed(small_server, page_in):
    page = page_in(viewport={"width": 360, "height": 740})
    page.goto(small_server + MODULE)
    expect(standing(page)).to_have_text(re.compile("not started"))
    expect(page.locator(".mdx-continue", has_text="Continue")).to_have_count(0)
    page.goto(small_server + QUIZ)
    answer_all(page, {"steps": "wrong", "pairs": "wrong", "name-it": "wrong", "obligations": "wrong"})
    page.goto(small_server + MODULE)
    expect(standing(page)).to_have_text(re.compile("in progress"))  # a first attempt below the pass mark
    page.goto(small_server)  # the home page now says where to continue
    cont = page.locator(".mdx-continue")
    expect(cont).to_be_visible()
    expect(cont).to_contain_text("module 1: Sample module")
    cont.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/modules/01-sample/$"))


def test_a_passed_module_shows_its_first_attempt_everywhere(small_server, page_in):
    page = page_in()
    page.goto(small_server + QUIZ)
    answer_all(page, {})
    page.goto(small_server + MODULE)
    expect(standing(page)).to_have_text(re.compile(r"passed \(quiz, first attempt: 100 %\)"))
    page.goto(small_server + "progress/")
    cell = page.locator("[data-progress-module='01-sample']")
    expect(cell).to_have_attribute("data-state", "passed")
    expect(page.locator(".mdx-progress__overall")).to_have_text("Modules passed: 1 of 1.")


def test_a_written_exercise_answer_counts_as_started(small_server, page_in):
    page = page_in()
    page.goto(small_server + MODULE)
    box = page.locator(".mdx-answer__input").first
    if box.count() == 0:
        pytest.skip("the fixture module has no exercise")
    box.fill("My own answer")
    box.press("Tab")  # leaving the box saves it
    expect(page.locator(".mdx-answer__status").first).not_to_be_empty()
    page.reload()
    expect(standing(page)).to_have_text(re.compile("in progress"))


@pytest.mark.parametrize("language", ["en", "ru", "tg"])
def test_the_completion_summary_prints_on_one_a4_page(small_server, page_in, language):
    page = page_in()
    root = LANGUAGE_ROOTS[language]
    page.goto(small_server + QUIZ)
    answer_all(page, {})  # progress is kept across languages
    page.goto(small_server + root + "progress/")
    page.locator(".mdx-summary__name").fill("Зарина Раҳимова")
    sheet = page.locator(".mdx-summary__sheet")
    expect(sheet).to_contain_text("Зарина Раҳимова")
    expect(sheet.locator("tbody tr")).to_have_count(1)
    page.reload()  # the name is kept
    expect(page.locator(".mdx-summary__name")).to_have_value("Зарина Раҳимова")
    page.evaluate("window.print = () => {}")  # the dialog itself is the browser's
    page.locator("[data-action=print-summary]").click()
    page.emulate_media(media="print")
    expect(page.locator("h1")).to_be_hidden()  # only the summary prints
    expect(sheet).to_be_visible()
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"{language}: the summary printed on {pages} pages"
