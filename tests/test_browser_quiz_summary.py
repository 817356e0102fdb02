"""The quiz summary on the real course, in Tajik: how many questions are checked while some are
left, and, once all are, the sections to review by name with their questions."""

from __future__ import annotations

import re
from collections import defaultdict

import axe
import pytest
from browser import PHONE, answer_hurriedly
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

QUIZ = "tg/quizzes/02-upr-mechanism/"


def test_while_questions_are_left_the_summary_counts_them_and_links_the_first_one_left(page_in, course_server):
    page = page_in(**PHONE)
    page.goto(course_server + QUIZ)
    questions = page.locator("fieldset.mdx-q")
    total = questions.count()
    for number in (0, 1, 2, 4):  # the fourth is skipped
        answer_hurriedly(questions.nth(number))
    progress = page.locator(".mdx-quiz__progress")
    expect(progress).to_be_visible()
    expect(progress.locator(".mdx-quiz__count")).to_have_text(f"Аз {total} савол 4 санҷида шуд.")
    expect(page.locator(".mdx-quiz__result")).to_be_hidden()
    skipped = questions.nth(3)
    link = progress.get_by_role("link", name=re.compile(r"^Ба саволи 4,"))
    link.click()
    assert page.url.endswith("#" + skipped.get_attribute("id"))
    expect(skipped.locator("input, select, .mdx-q__move").first).to_be_focused()
    expect(skipped.locator(".mdx-q__number")).to_be_in_viewport()


def test_finished_quiz_names_each_section_to_review_with_its_questions(page_in, course_server):
    page = page_in(**PHONE)
    page.goto(course_server + QUIZ)
    questions = page.locator("fieldset.mdx-q")
    total = questions.count()
    for number in range(total):
        answer_hurriedly(questions.nth(number))
    expect(page.locator(".mdx-quiz__score")).to_be_visible()
    expect(page.locator(".mdx-quiz__progress")).to_be_hidden()
    # what the page says about each question, as the learner saw it
    expected: dict[str, list[str]] = defaultdict(list)
    for number in range(total):
        question = questions.nth(number)
        if question.locator(".mdx-q__status").get_attribute("data-result") == "correct":
            continue
        see = question.locator(".mdx-q__see")
        expected[see.get_attribute("href") if see.count() else ""].append(str(number + 1))
    assert expected, "every answer was right: nothing to review"
    items = page.locator(".mdx-quiz__review li")
    expect(items).to_have_count(len(expected))
    listed: dict[str, list[str]] = {}
    for item in items.all():
        section = item.locator("a.mdx-quiz__section")
        href = section.get_attribute("href") if section.count() else ""
        assert "Ин бахшро такрор кардан" not in item.inner_text()  # named, not "review this section"
        listed[href] = [link.inner_text() for link in item.locator("a:not(.mdx-quiz__section)").all()]
        for link in item.locator("a:not(.mdx-quiz__section)").all():
            assert re.fullmatch(rf"Саволи {link.inner_text()} аз {total}", link.get_attribute("aria-label"))
    assert listed == dict(expected)
    # each section link is named as the module names that section, and lands on it
    first = items.first.locator("a.mdx-quiz__section")
    name = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r".*/tg/modules/02-upr-mechanism/#[\w-]+$"))
    anchor = page.url.split("#")[1]
    heading = page.locator(f"article [id='{anchor}']")
    expect(heading).to_have_text(re.compile(re.escape(name)))


def test_summary_has_no_serious_accessibility_violations(page_in, course_server):
    page = page_in(**PHONE)
    page.goto(course_server + QUIZ)
    questions = page.locator("fieldset.mdx-q")
    answer_hurriedly(questions.nth(0))
    assert axe.serious_violations(page) == []
    for number in range(1, questions.count()):
        answer_hurriedly(questions.nth(number))
    assert axe.serious_violations(page) == []


def test_failed_quiz_shows_not_passed_with_its_score_and_pass_mark_on_the_progress_page(page_in, course_server):
    """The activist's case (issue 13, item 3): a failed quiz must not read as 'Completed'."""
    page = page_in(**PHONE)
    page.goto(course_server + QUIZ)
    questions = page.locator("fieldset.mdx-q")
    for number in range(questions.count()):
        answer_hurriedly(questions.nth(number))
    score = int(page.locator("[data-quiz-score]").get_attribute("data-quiz-score"))
    pass_mark = int(page.locator("[data-quiz]").get_attribute("data-pass"))
    assert score < pass_mark
    page.goto(course_server + "tg/progress/")
    row = page.locator("[data-progress-quiz='02-upr-mechanism']")
    expect(row).to_have_attribute("data-status", "not-passed")
    status = row.locator(".mdx-progress__status")
    expect(status).to_have_text(
        re.compile(rf"^Супорида нашуд: кӯшиши аввал {score} % \(холи гузариш {pass_mark} %\) · Беҳтарин: {score} %")
    )
    expect(status).not_to_contain_text("Анҷом ёфт")
