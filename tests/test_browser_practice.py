"""In the browser: an exercise asks for the learner's own answer before the model answer
opens, keeps it (on the device, in the progress file, on paper), and a quiz is passed or not
by its first complete attempt, with retries shown as practice."""

from __future__ import annotations

import json
import re

import axe
import pytest
from playwright.sync_api import expect
from test_browser_quiz import ANSWERS, PROGRESS, QUIZ, answer_all, answer_by_mouse, open_page, progress_status, question

pytestmark = pytest.mark.browser

MODULE = "modules/01-sample/"
KEY = "01-sample/exercise-duties"


def box(page):
    return page.locator(".mdx-answer")


def model_answer(page):
    return page.locator(".mdx-answer + details")


def write_answer(page, text: str) -> None:
    """Type as a learner does: focus the box with the keyboard's Tab, then type."""
    box(page).locator("textarea").focus()
    page.keyboard.type(text)


def test_model_answer_opens_only_after_the_learner_has_written_one(page_in, small_server):
    page = open_page(page_in, small_server + MODULE)
    expect(box(page).get_by_label("Your answer")).to_be_visible()
    expect(model_answer(page)).to_be_hidden()
    expect(page.locator(".mdx-answer ~ details")).to_have_count(2)
    expect(page.locator(".mdx-answer ~ details:visible")).to_have_count(0)
    box(page).get_by_role("button", name="Compare with the model answer").click()
    expect(box(page).locator(".mdx-answer__status")).to_have_text(
        "Write your answer first, or show the model answer without answering."
    )
    expect(box(page).locator("textarea")).to_be_focused()
    expect(model_answer(page)).to_be_hidden()
    page.keyboard.type("Respect: no torture. Protect: laws against violence.")
    box(page).get_by_role("button", name="Compare with the model answer").click()
    expect(model_answer(page)).to_be_visible()
    expect(model_answer(page)).to_have_attribute("open", "")
    expect(model_answer(page).locator("summary")).to_be_focused()
    expect(page.locator(".mdx-answer ~ details:visible")).to_have_count(2)  # the checklist too
    expect(box(page).locator(".mdx-answer__status")).to_have_text("Saved on this device.")
    assert page.script_errors == []


def test_written_answer_is_kept_after_a_reload_and_in_another_language(page_in, small_server):
    page = open_page(page_in, small_server + MODULE)
    write_answer(page, "My own answer")
    expect(box(page).locator(".mdx-answer__status")).to_have_text("Saved on this device.")
    page.reload()
    expect(box(page).locator("textarea")).to_have_value("My own answer")
    expect(model_answer(page)).to_be_visible()  # written once: no need to write again
    page.goto(small_server + "ru/" + MODULE)
    expect(box(page).get_by_label("Ваш ответ")).to_have_value("My own answer")
    assert page.script_errors == []


def test_model_answer_can_be_shown_without_answering(page_in, small_server):
    page = open_page(page_in, small_server + MODULE)
    box(page).get_by_role("button", name="Show the model answer without answering").click()
    expect(model_answer(page)).to_be_visible()
    expect(model_answer(page)).to_contain_text("Respect, protect and fulfil.")


def test_exercise_answers_travel_in_the_progress_file(page_in, small_server, tmp_path):
    page = open_page(page_in, small_server + MODULE)
    write_answer(page, "Answer to carry")
    expect(box(page).locator(".mdx-answer__status")).to_have_text("Saved on this device.")
    page.goto(small_server + PROGRESS)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Save progress to a file").click()
    saved = tmp_path / "progress.json"
    download_info.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["answers"][KEY]["t"] == "Answer to carry"

    fresh = open_page(page_in, small_server + PROGRESS)
    fresh.locator("input[data-action=load]").set_input_files(saved)
    expect(fresh.locator(".mdx-progress__message")).to_contain_text("Progress loaded")
    fresh.goto(small_server + MODULE)
    expect(box(fresh).locator("textarea")).to_have_value("Answer to carry")
    fresh.goto(small_server + PROGRESS)
    fresh.once("dialog", lambda dialog: dialog.accept())
    fresh.locator("[data-action=reset]").click()
    fresh.goto(small_server + MODULE)
    expect(box(fresh).locator("textarea")).to_have_value("")


def test_printed_module_shows_the_learners_answer_as_text(page_in, small_server):
    page = open_page(page_in, small_server + MODULE)
    write_answer(page, "Printed answer\nsecond line")
    page.emulate_media(media="print")
    expect(box(page).locator("textarea")).to_be_hidden()
    expect(box(page).locator(".mdx-answer__print")).to_be_visible()
    expect(box(page).locator(".mdx-answer__print")).to_have_text("Printed answer\nsecond line")
    expect(box(page).locator("button:visible")).to_have_count(0)


def test_answer_box_works_from_a_file_url(page_in, small_site):
    page = open_page(page_in, (small_site.site / MODULE / "index.html").as_uri())
    write_answer(page, "Offline answer")
    box(page).get_by_role("button", name="Compare with the model answer").click()
    expect(model_answer(page)).to_be_visible()
    page.reload()
    expect(box(page).locator("textarea")).to_have_value("Offline answer")
    assert page.script_errors == []


def test_answer_box_fits_a_phone_screen(page_in, small_server):
    page = open_page(
        page_in, small_server + MODULE, viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True
    )
    textarea = box(page).locator("textarea")
    textarea.tap()
    page.keyboard.type("From my phone")
    width = textarea.evaluate("el => el.getBoundingClientRect().right")
    assert width <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    box(page).get_by_role("button", name="Compare with the model answer").tap()
    expect(model_answer(page)).to_be_visible()


def test_without_javascript_the_model_answer_is_still_there(page_in, small_server):
    page = page_in(java_script_enabled=False)
    page.goto(small_server + MODULE)
    expect(model_answer(page)).to_be_visible()
    expect(box(page).locator("button:visible")).to_have_count(0)


def test_module_page_with_answer_box_has_no_serious_accessibility_violations(page_in, small_server):
    page = open_page(page_in, small_server + MODULE)
    write_answer(page, "x")
    assert axe.serious_violations(page) == []


# --- first attempt decides ---------------------------------------------------------------------


def test_first_complete_attempt_decides_and_retries_are_practice(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    answer_all(page, {"troika-size": "wrong", "obligations": "wrong", "peer-review": "wrong"})  # 3 of 6
    expect(page.locator(".mdx-quiz__first")).to_have_attribute("data-first-score", "50")
    expect(page.locator(".mdx-quiz__verdict")).to_have_attribute("data-passed", "false")
    for qid in ("troika-size", "obligations", "peer-review"):
        question(page, qid).locator("[data-action=retry]").click()
        answer_by_mouse(page, qid, ANSWERS[qid]["right"])
    expect(page.locator("[data-quiz-score]")).to_have_attribute("data-quiz-score", "100")
    expect(page.locator(".mdx-quiz__first")).to_have_text(re.compile(r"^First attempt: 50 %.*practice"))
    expect(page.locator(".mdx-quiz__verdict")).to_have_attribute("data-passed", "false")
    page.goto(small_server + PROGRESS)
    expect(progress_status(page)).to_have_text(
        re.compile(r"^Not passed: first attempt 50 % \(pass mark 60 %\) · Best: 100 %")
    )
    page.goto(small_server + "tg/" + PROGRESS)
    expect(progress_status(page)).not_to_contain_text("Анҷом ёфт")
    assert page.script_errors == []


def test_first_attempt_at_the_pass_mark_passes_and_says_so_on_the_progress_page(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    answer_all(page, {"troika-size": "wrong", "obligations": "wrong"})  # 4 of 6 = 66.7 %, shown as 66 %
    expect(page.locator(".mdx-quiz__verdict")).to_have_attribute("data-passed", "true")
    page.locator("[data-action=restart]").click()
    answer_all(page, {q: "wrong" for q in ANSWERS})
    expect(page.locator(".mdx-quiz__verdict")).to_have_attribute("data-passed", "true")  # still the first attempt
    page.goto(small_server + PROGRESS)
    expect(progress_status(page)).to_have_text(re.compile(r"^Passed: first attempt 66 % \(pass mark 60 %\)"))


def test_first_attempt_decides_from_a_file_url_too(page_in, small_site):
    page = open_page(page_in, (small_site.site / QUIZ / "index.html").as_uri())
    answer_all(page, {"troika-size": "wrong", "obligations": "wrong", "peer-review": "wrong"})  # 3 of 6
    question(page, "troika-size").locator("[data-action=retry]").click()
    answer_by_mouse(page, "troika-size", ANSWERS["troika-size"]["right"])
    expect(page.locator("[data-quiz-score]")).to_have_attribute("data-quiz-score", "66")  # 4 of 6, rounded down
    expect(page.locator(".mdx-quiz__first")).to_have_attribute("data-first-score", "50")
    expect(page.locator(".mdx-quiz__verdict")).to_have_attribute("data-passed", "false")
    page.goto((small_site.site / PROGRESS / "index.html").as_uri())
    expect(progress_status(page)).to_have_text(re.compile(r"^Not passed: first attempt 50 % \(pass mark 60 %\)"))
    assert page.script_errors == []
