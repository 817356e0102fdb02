"""The quiz engine in real Chromium: every question type by mouse, keyboard and touch,
scoring, retry, stored progress, the progress page, file://, no JavaScript, print and axe.

The fixture quiz (tests/fixtures/site/quizzes/01-sample.yml) has one question of each type
and a pass mark of 60 %.
"""

from __future__ import annotations

import json
import re

import axe
import browser
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

QUIZ = "quizzes/01-sample/"
KEYBOARD_GUARD_MS = 750  # quiz.js ignores "Try again" by keyboard for 700 ms after a check
PROGRESS = "progress/"
QUESTIONS = ("troika-size", "obligations", "peer-review", "steps", "pairs", "name-it")
# What a learner picks, by the labels they see: the right answer and a wrong one.
ANSWERS = {
    "troika-size": {"right": "3", "wrong": "2"},
    "obligations": {"right": ["Respect", "Protect"], "wrong": ["Ignore"]},
    "peer-review": {"right": "True", "wrong": "False"},
    "steps": {"right": [0, 1, 2], "wrong": [2, 0, 1]},  # item indices, top to bottom
    "pairs": {"right": ["The State", "OHCHR"], "wrong": ["OHCHR", "The State"]},
    "name-it": {"right": " шуд ", "wrong": "UN"},
}


def open_page(page_in, url: str, **options):
    """A page that records errors raised or logged by the quiz script (page.script_errors)."""
    page = page_in(**options)
    errors: list[str] = []
    page.on("pageerror", lambda error: "quiz.js" in (error.stack or "") and errors.append(error.stack))
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and message.location.get("url", "").endswith("quiz.js")
            and errors.append(message.text)
        ),
    )
    page.script_errors = errors
    page.goto(url)
    return page


def question(page, qid: str):
    return page.locator(f"[data-question='{qid}']")


def store_key(page) -> str:
    quiz = page.locator("[data-quiz]")
    return f"{quiz.get_attribute('data-store')}:v1:{quiz.get_attribute('data-quiz')}"


def stored(page) -> dict:
    return json.loads(page.evaluate("key => localStorage.getItem(key)", store_key(page)) or "null")


# --- answering -----------------------------------------------------------------------------


def answer_by_mouse(page, qid: str, answer) -> None:
    q = question(page, qid)
    kind = q.get_attribute("data-type")
    if kind in ("single", "true_false"):
        q.get_by_label(answer, exact=True).click()
    elif kind == "multiple":
        for label in answer:
            q.get_by_label(label, exact=True).click()
    elif kind == "order":
        for position, item in enumerate(answer):
            row = q.locator(f"li[data-item='{item}']")
            while current_order(q).index(item) > position:
                row.locator("[data-move='-1']").click()
    elif kind == "match":
        for select, label in zip(q.locator("select").all(), answer, strict=False):
            select.click()
            select.select_option(label=label)
    elif kind == "short":
        q.locator("input").click()
        q.locator("input").fill(answer)
    q.locator("[data-action=check]").click()


def tab_to(page, target, limit: int = 120) -> None:
    """Move focus to target with Tab / Shift+Tab only, as a keyboard user does."""
    handle = target.element_handle()
    for _ in range(limit):
        if page.evaluate("el => document.activeElement === el", handle):
            return
        past = page.evaluate(
            "el => { const a = document.activeElement;"
            " return !!a && a !== document.body && !!(el.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING); }",
            handle,
        )
        page.keyboard.press("Shift+Tab" if past else "Tab")
    raise AssertionError(f"Tab never reached {target}")


def answer_by_keyboard(page, qid: str, answer) -> None:
    q = question(page, qid)
    kind = q.get_attribute("data-type")
    if kind in ("single", "true_false"):
        tab_to(page, q.locator("input").first)
        page.keyboard.press("Space")
        target = q.get_by_label(answer, exact=True)
        for _ in range(q.locator("input").count()):
            if target.is_checked():
                break
            page.keyboard.press("ArrowDown")
        assert target.is_checked()
    elif kind == "multiple":
        for label in answer:
            tab_to(page, q.get_by_label(label, exact=True))
            page.keyboard.press("Space")
    elif kind == "order":
        for position, item in enumerate(answer):
            tab_to(page, q.locator(f"li[data-item='{item}'] [data-move='-1']"))
            for _ in range(current_order(q).index(item) - position):
                page.keyboard.press("Enter")
        assert current_order(q) == list(answer)
    elif kind == "match":
        for select, label in zip(q.locator("select").all(), answer, strict=False):
            tab_to(page, select)
            wanted = select.locator("option", has_text=label).get_attribute("value")
            for _ in range(select.locator("option").count()):
                if select.input_value() == wanted:
                    break
                page.keyboard.press("ArrowDown")
            assert select.input_value() == wanted
    elif kind == "short":
        tab_to(page, q.locator("input"))
        page.keyboard.type(answer)
        page.keyboard.press("Enter")  # Enter in the field checks the answer
        return
    tab_to(page, q.locator("[data-action=check]"))
    page.keyboard.press("Enter")


def current_order(q) -> list[int]:
    return [int(i) for i in q.locator("li[data-item]").evaluate_all("items => items.map(li => li.dataset.item)")]


def answer_all(page, results: dict, how=answer_by_mouse) -> None:
    for qid in QUESTIONS:
        how(page, qid, ANSWERS[qid][results.get(qid, "right")])


# --- one question of each type -------------------------------------------------------------


def assert_checked(page, qid: str, result: str, status: str, announced: bool = True) -> None:
    q = question(page, qid)
    expect(q.locator(".mdx-q__status")).to_have_text(status)
    expect(q.locator(".mdx-q__status")).to_have_attribute("data-result", result)
    expect(q.locator(".mdx-q__explanation")).to_be_visible()
    expect(q.locator("[data-action=check]")).to_be_hidden()
    expect(q.locator("[data-action=retry]")).to_be_visible()
    for control in q.locator("input, select, .mdx-q__move").all():
        expect(control).to_be_disabled()
    if announced:
        expect(page.locator(".mdx-quiz__live")).to_contain_text(status)


def assert_marks(page, qid: str, result: str) -> None:
    """Per-option feedback: which options were right or wrong, and the author's comments."""
    q = question(page, qid)
    kind = q.get_attribute("data-type")
    if kind in ("single", "true_false", "multiple"):
        for option in q.locator("label.mdx-q__option").all():
            correct = option.locator("input[data-correct]").count() == 1
            chosen = option.locator("input").is_checked()
            expected = "correct" if correct else ("wrong" if chosen else None)
            assert option.get_attribute("data-mark") == expected, option.inner_text()
    if qid == "troika-size":
        shown, not_shown = (
            ("Yes, three rapporteurs.", "Too few.") if result == "correct" else ("Too few.", "Yes, three rapporteurs.")
        )
        expect(q.get_by_text(shown)).to_be_visible()
        expect(q.get_by_text(not_shown)).to_be_hidden()
    elif kind == "order":
        marks = q.locator("li[data-item]").evaluate_all("items => items.map(li => li.dataset.mark)")
        assert marks == ["correct" if result == "correct" else "wrong"] * 3
    elif kind == "match":
        marks = q.locator(".mdx-q__pair").evaluate_all("pairs => pairs.map(p => p.dataset.mark)")
        assert marks == ["correct" if result == "correct" else "wrong"] * 2
    elif kind == "short":
        expect(q.locator(".mdx-q__short")).to_have_attribute("data-mark", "correct" if result == "correct" else "wrong")


def try_again(page, qid: str, by_keyboard: bool) -> None:
    q = question(page, qid)
    retry = q.locator("[data-action=retry]")
    if by_keyboard:
        expect(retry).to_be_focused()  # focus moved to the result's button after checking
        page.wait_for_timeout(KEYBOARD_GUARD_MS)  # reading the result; a quicker key was meant for Check
        page.keyboard.press("Space")
    else:
        retry.click()
    expect(q.locator("[data-action=check]")).to_be_visible()
    expect(q.locator(".mdx-q__status")).to_be_hidden()
    expect(q.locator(".mdx-q__explanation")).to_be_hidden()
    assert q.locator("[data-mark]").count() == 0
    for control in q.locator("input, select, .mdx-q__move").all():
        expect(control).to_be_enabled()


@pytest.mark.parametrize("by_keyboard", [False, True], ids=["mouse", "keyboard"])
@pytest.mark.parametrize("qid", QUESTIONS)
def test_each_question_type_wrong_then_right(page_in, small_server, qid, by_keyboard):
    page = open_page(page_in, small_server + QUIZ)
    answer = answer_by_keyboard if by_keyboard else answer_by_mouse
    answer(page, qid, ANSWERS[qid]["wrong"])
    assert_checked(page, qid, "incorrect", "Not correct.")
    assert_marks(page, qid, "incorrect")
    assert stored(page)["q"][qid]["s"] == 0
    try_again(page, qid, by_keyboard)
    answer(page, qid, ANSWERS[qid]["right"])
    assert_checked(page, qid, "correct", "Correct.")
    assert_marks(page, qid, "correct")
    assert stored(page)["q"][qid]["s"] == 1
    assert page.script_errors == []


def test_multiple_choice_scores_part_of_the_right_options(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    answer_by_mouse(page, "obligations", ["Protect"])
    assert_checked(page, "obligations", "partly", "Partly correct: 50 %.")
    answer_by_mouse(page, "steps", [1, 0, 2])  # only the last step in place
    assert_checked(page, "steps", "partly", "Partly correct: 33 %.")


def test_checking_an_unanswered_question_asks_for_an_answer(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    q = question(page, "pairs")
    q.locator("[data-action=check]").click()
    expect(q.locator(".mdx-q__status")).to_have_text("Answer the question before checking.")
    expect(q.locator("[data-action=check]")).to_be_visible()
    assert stored(page) is None


def test_keyboard_focus_is_visible(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    for target in (
        question(page, "steps").locator(".mdx-q__move").first,
        question(page, "troika-size").locator("input").first,
    ):
        tab_to(page, target)
        outline = target.evaluate("el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth")
        assert outline.startswith("solid") and not outline.endswith(" 0px"), outline


def test_options_are_shuffled_on_each_attempt(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    q = question(page, "troika-size")
    orders = set()
    for _ in range(12):
        orders.add(tuple(q.locator("label.mdx-q__option").evaluate_all("ls => ls.map(l => l.dataset.option)")))
        answer_by_mouse(page, "troika-size", "3")
        q.locator("[data-action=retry]").click()
    assert len(orders) > 1


# --- the whole quiz --------------------------------------------------------------------------


def test_total_appears_only_when_every_question_is_checked(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    for qid in QUESTIONS[:-1]:
        answer_by_mouse(page, qid, ANSWERS[qid]["right"])
    expect(page.locator(".mdx-quiz__result")).to_be_hidden()
    expect(page.locator(".mdx-quiz__progress")).to_contain_text("5 of 6 questions checked.")
    assert page.locator("[data-quiz-score]").count() == 0
    answer_by_mouse(page, "name-it", ANSWERS["name-it"]["right"])
    expect(page.locator("[data-quiz-score]")).to_have_attribute("data-quiz-score", "100")
    expect(page.locator(".mdx-quiz__score")).to_have_text("Your score: 100 %")
    expect(page.locator(".mdx-quiz__verdict")).to_have_text("Passed: the pass mark is 60 %.")
    expect(page.locator(".mdx-quiz__review")).to_be_hidden()
    expect(page.locator(".mdx-quiz__live")).to_contain_text("Your score: 100 %")
    expect(page.locator(".mdx-quiz__summary")).to_be_focused()
    assert stored(page)["best"]["s"] == 1


def test_failed_attempt_lists_questions_to_review_with_links(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    answer_all(page, {"troika-size": "wrong", "obligations": "wrong", "peer-review": "wrong"}, answer_by_keyboard)
    expect(page.locator("[data-quiz-score]")).to_have_attribute("data-quiz-score", "50")
    expect(page.locator(".mdx-quiz__verdict")).to_have_attribute("data-passed", "false")
    expect(page.locator(".mdx-quiz__verdict")).to_contain_text("Not passed yet: the pass mark is 60 %.")
    review = page.locator(".mdx-quiz__review li")
    expect(review).to_have_count(3)  # one a section, then the questions that name none
    expect(review.nth(0)).to_have_text("The troika — questions: 1")
    assert review.nth(0).locator("a").nth(0).get_attribute("href") == "../../modules/01-sample/#troika"
    expect(review.nth(1)).to_have_text("Why it matters — questions: 2")
    expect(review.nth(2)).to_have_text("Other questions — questions: 3")
    review.nth(2).get_by_role("link", name="Question 3 of 6").click()
    assert page.url.endswith("#q-peer-review")
    review = page.locator(".mdx-quiz__review li")
    review.nth(0).get_by_role("link", name="The troika").click()
    page.wait_for_url("**/modules/01-sample/#troika")


def test_score_at_the_pass_mark_passes(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    answer_all(page, {"peer-review": "wrong", "steps": "wrong"})  # 4 of 6 = 66.7 %, shown rounded down
    expect(page.locator("[data-quiz-score]")).to_have_attribute("data-quiz-score", "66")
    expect(page.locator(".mdx-quiz__verdict")).to_have_attribute("data-passed", "true")


def test_retrying_one_question_hides_the_total_until_it_is_checked_again(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    answer_all(page, {"pairs": "wrong"})
    expect(page.locator("[data-quiz-score]")).to_have_attribute("data-quiz-score", "83")
    question(page, "pairs").locator("[data-action=retry]").click()
    expect(page.locator(".mdx-quiz__result")).to_be_hidden()
    answer_by_mouse(page, "pairs", ANSWERS["pairs"]["right"])
    expect(page.locator("[data-quiz-score]")).to_have_attribute("data-quiz-score", "100")
    assert stored(page)["last"]["s"] == 1 and stored(page)["best"]["s"] == 1


def test_new_attempt_clears_every_question_but_keeps_the_best_score(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    answer_all(page, {})
    page.locator("[data-action=restart]").click()
    expect(page.locator(".mdx-quiz__result")).to_be_hidden()
    expect(page.locator(".mdx-quiz__progress")).to_contain_text("0 of 6 questions checked.")
    expect(page.locator(".mdx-q__status[data-result]")).to_have_count(0)
    expect(page.locator("[data-action=check]:visible")).to_have_count(6)
    expect(question(page, "troika-size").locator("input").first).to_be_focused()
    assert stored(page)["q"] == {} and stored(page)["best"]["s"] == 1


# --- stored progress -------------------------------------------------------------------------


def test_answers_and_score_survive_a_reload(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    answer_by_mouse(page, "troika-size", "2")
    answer_by_mouse(page, "steps", [0, 1, 2])
    options = question(page, "troika-size").locator("label").all_inner_texts()
    page.reload()
    assert question(page, "troika-size").locator("label").all_inner_texts() == options
    expect(question(page, "troika-size").get_by_label("2", exact=True)).to_be_checked()
    assert_checked(page, "troika-size", "incorrect", "Not correct.", announced=False)
    expect(question(page, "troika-size").get_by_text("Too few.")).to_be_visible()
    assert current_order(question(page, "steps")) == [0, 1, 2]
    assert_checked(page, "steps", "correct", "Correct.", announced=False)
    expect(question(page, "pairs").locator(".mdx-q__status")).to_be_hidden()
    for qid in QUESTIONS[1:]:
        if qid != "steps":
            answer_by_mouse(page, qid, ANSWERS[qid]["right"])
    page.reload()
    expect(page.locator("[data-quiz-score]")).to_have_attribute("data-quiz-score", "83")
    assert page.script_errors == []


def test_progress_is_kept_when_switching_to_russian(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    answer_by_mouse(page, "troika-size", "3")
    answer_by_mouse(page, "name-it", "SHUD")
    page.goto(small_server + "ru/" + QUIZ)
    assert_checked(page, "troika-size", "correct", "Верно.", announced=False)
    expect(question(page, "name-it").locator("input")).to_have_value("SHUD")
    expect(question(page, "troika-size").get_by_text("Да, три докладчика.")).to_be_visible()
    expect(question(page, "pairs").locator("[data-action=check]")).to_have_text("Проверить")


def test_stored_answer_to_a_changed_question_is_dropped(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    answer_by_mouse(page, "troika-size", "3")
    answer_by_mouse(page, "peer-review", "True")
    state = stored(page)
    state["q"]["troika-size"]["h"] = "0123456789"  # as if the question's right answer had changed
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [store_key(page), json.dumps(state)])
    page.reload()
    expect(question(page, "troika-size").locator(".mdx-q__status")).to_be_hidden()
    expect(question(page, "troika-size").locator("input:checked")).to_have_count(0)
    expect(question(page, "troika-size").locator("[data-action=check]")).to_be_visible()
    assert_checked(page, "peer-review", "correct", "Correct.", announced=False)
    answer_by_mouse(page, "steps", [0, 1, 2])
    assert "troika-size" not in stored(page)["q"]


CORRUPT = [
    "{not json",
    "[]",
    "null",
    '"text"',
    '{"q": []}',
    '{"q": {"troika-size": "yes", "steps": null, "pairs": {"h": 5}}}',
    '{"q": {"troika-size": {"h": "@troika-size", "a": "3", "s": 1}}, "best": {"s": "high"}, "last": 7}',
    '{"q": {"steps": {"h": "@steps", "a": {"length": 3}, "s": 1, "o": "012"}}, "best": {"s": 0.5, "d": {}}}',
    '{"q": {"pairs": {"h": "@pairs", "a": [9, "x"], "s": 0.5, "o": [7]}, "name-it": {"h": "@name-it", "a": 42, "s": 5}}}',
]


@pytest.mark.parametrize("raw", CORRUPT)
def test_corrupt_storage_never_breaks_the_quiz_or_progress_page(page_in, small_server, raw):
    page = open_page(page_in, small_server + QUIZ)
    hashes = {qid: question(page, qid).get_attribute("data-hash") for qid in QUESTIONS}
    raw = re.sub(r"@([a-z-]+)", lambda m: hashes[m.group(1)], raw)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [store_key(page), raw])
    page.reload()
    expect(page.locator(".mdx-quiz--ready")).to_have_count(1)
    for qid in ("troika-size", "steps", "pairs", "name-it"):  # the ones the bad data names
        q = question(page, qid)
        if q.locator("[data-action=retry]").is_visible():
            q.locator("[data-action=retry]").click()
        answer_by_mouse(page, qid, ANSWERS[qid]["right"])
        expect(q.locator(".mdx-q__status")).to_have_text("Correct.")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [store_key(page), raw])
    page.goto(small_server + PROGRESS)
    expect(page.locator("[data-progress-quiz='01-sample'] .mdx-progress__status")).not_to_be_empty()
    assert page.script_errors == []


# --- the progress page -----------------------------------------------------------------------


def progress_status(page):
    return page.locator("[data-progress-quiz='01-sample'] .mdx-progress__status")


def test_progress_page_shows_status_and_best_score(page_in, small_server):
    page = open_page(page_in, small_server + PROGRESS)
    expect(progress_status(page)).to_have_text("Not started")
    link = page.locator("[data-progress-quiz='01-sample']").get_by_role("link", name="Sample quiz", exact=True)
    expect(link).to_have_attribute("href", "../quizzes/01-sample/")
    page.goto(small_server + QUIZ)
    answer_by_mouse(page, "troika-size", "3")
    answer_by_mouse(page, "obligations", ["Ignore"])
    page.goto(small_server + PROGRESS)
    expect(progress_status(page)).to_have_text("In progress: 2 of 6 questions checked")
    page.goto(small_server + QUIZ)
    for qid in QUESTIONS[2:]:
        answer_by_mouse(page, qid, ANSWERS[qid]["right"])
    page.goto(small_server + "tg/" + PROGRESS)
    expect(progress_status(page)).to_have_text(
        re.compile(r"^Супорида шуд: кӯшиши аввал 83 % \(холи гузариш 60 %\) · Беҳтарин: 83 % \(\d{4}-\d\d-\d\d\)$")
    )
    page.goto(small_server + QUIZ)
    page.locator("[data-action=restart]").click()
    answer_all(page, {"troika-size": "wrong", "obligations": "wrong", "peer-review": "wrong", "steps": "wrong"})
    page.goto(small_server + PROGRESS)
    expect(progress_status(page)).to_contain_text("Passed: first attempt 83 % (pass mark 60 %) · Best: 83 %")
    assert page.script_errors == []


def test_reset_asks_first_and_then_deletes_progress(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    answer_all(page, {})
    page.goto(small_server + PROGRESS)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator("[data-action=reset]").click()
    expect(progress_status(page)).to_contain_text("Passed")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("[data-action=reset]").click()
    expect(progress_status(page)).to_have_text("Not started")
    expect(page.locator(".mdx-progress__message")).to_have_text("Your progress was deleted.")
    page.goto(small_server + QUIZ)
    expect(page.locator(".mdx-q__status[data-result]")).to_have_count(0)


def test_progress_saved_to_a_file_loads_in_a_fresh_browser(page_in, small_server, tmp_path):
    page = open_page(page_in, small_server + QUIZ)
    answer_all(page, {"steps": "wrong"})
    page.goto(small_server + "ru/" + PROGRESS)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Сохранить прогресс в файл").click()
    download = download_info.value
    assert re.fullmatch(r"upr-course-progress-\d{4}-\d\d-\d\d\.json", download.suggested_filename)
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "upr-course-progress" and data["quizzes"]["01-sample"]["best"]["s"] == pytest.approx(5 / 6)

    fresh = open_page(page_in, small_server + PROGRESS)
    expect(progress_status(fresh)).to_have_text("Not started")
    fresh.locator("input[data-action=load]").set_input_files(saved)
    expect(fresh.locator(".mdx-progress__message")).to_have_text("Progress loaded: 1 quizzes.")
    expect(progress_status(fresh)).to_contain_text("Passed: first attempt 83 %")
    fresh.goto(small_server + QUIZ)
    expect(fresh.locator("[data-quiz-score]")).to_have_attribute("data-quiz-score", "83")
    assert_checked(fresh, "steps", "incorrect", "Not correct.", announced=False)
    assert current_order(question(fresh, "steps")) == ANSWERS["steps"]["wrong"]


def test_loading_a_file_that_is_not_saved_progress_is_refused(page_in, small_server, tmp_path):
    page = open_page(page_in, small_server + QUIZ)
    answer_by_mouse(page, "troika-size", "3")
    page.goto(small_server + PROGRESS)
    for content in ("not json at all", json.dumps({"format": "something-else", "quizzes": {}})):
        bad = tmp_path / "bad.json"
        bad.write_text(content, encoding="utf-8")
        page.locator("input[data-action=load]").set_input_files(bad)
        expect(page.locator(".mdx-progress__message")).to_have_text(
            "This file is not a saved progress file of this course."
        )
        expect(progress_status(page)).to_have_text("In progress: 1 of 6 questions checked")
        page.locator(".mdx-progress__message").evaluate("node => node.textContent = ''")


# --- without a server, without JavaScript, on paper, by touch --------------------------------


def test_quiz_works_from_a_file_url(page_in, small_site):
    page = open_page(page_in, (small_site.site / QUIZ / "index.html").as_uri())
    answer_by_mouse(page, "troika-size", "3")
    answer_by_keyboard(page, "steps", [0, 1, 2])
    assert_checked(page, "steps", "correct", "Correct.")
    page.reload()
    assert_checked(page, "troika-size", "correct", "Correct.", announced=False)
    page.goto((small_site.site / PROGRESS / "index.html").as_uri())
    expect(progress_status(page)).to_have_text("In progress: 2 of 6 questions checked")
    assert page.script_errors == []


def test_without_javascript_answers_can_be_revealed(page_in, small_server):
    page = page_in(java_script_enabled=False)
    page.goto(small_server + QUIZ)
    expect(page.locator(".mdx-quiz__noscript")).to_be_visible()
    expect(page.locator("[data-action=check]")).to_have_count(6)
    expect(page.locator("[data-action=check]:visible")).to_have_count(0)
    q = question(page, "pairs")
    expect(q.locator(".mdx-q__explanation")).to_be_hidden()
    q.get_by_text("Show the answer and explanation").click()
    expect(q.locator(".mdx-q__answer")).to_contain_text("Answer: National report → The State; Compilation → OHCHR")
    expect(q.locator(".mdx-q__explanation")).to_be_visible()
    q.locator("select").first.select_option(label="The State")  # answering on screen still works
    expect(question(page, "steps").locator("li")).to_have_count(3)


def test_printed_quiz_is_a_worksheet_without_answers(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    answer_by_mouse(page, "troika-size", "3")
    page.emulate_media(media="print")
    expect(page.locator(".mdx-q__legend")).to_have_count(6)
    for legend in page.locator(".mdx-q__legend").all():
        expect(legend).to_be_visible()
    expect(page.locator("button:visible")).to_have_count(0)
    expect(page.locator(".mdx-q__answer:visible")).to_have_count(1)  # only the one checked
    expect(question(page, "troika-size").locator(".mdx-q__explanation")).to_be_visible()
    expect(question(page, "pairs").get_by_text("The State writes its report")).to_be_hidden()
    expect(page.locator(".mdx-q__hint:visible")).to_have_count(0)


def test_order_and_match_by_touch_on_a_phone(page_in, small_server):
    page = open_page(
        page_in, small_server + QUIZ, has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800}
    )
    q = question(page, "steps")
    for position, item in enumerate([0, 1, 2]):
        while current_order(q).index(item) > position:
            q.locator(f"li[data-item='{item}'] [data-move='-1']").tap()
    q.locator("[data-action=check]").tap()
    assert_checked(page, "steps", "correct", "Correct.")
    m = question(page, "pairs")
    for select, label in zip(m.locator("select").all(), ANSWERS["pairs"]["right"], strict=False):
        select.tap()
        select.select_option(label=label)
    m.locator("[data-action=check]").tap()
    assert_checked(page, "pairs", "correct", "Correct.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing sticks out sideways
    for control in page.locator(".mdx-q__move, .mdx-q select").all():
        box = control.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24


# --- accessibility ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["", "tg/"])
def test_quiz_page_has_no_serious_accessibility_violations(page_in, small_server, language):
    page = open_page(page_in, small_server + language + QUIZ)
    assert axe.serious_violations(page) == []
    browser.answer_every_question(page)
    expect(page.locator("[data-quiz-score]")).to_be_visible()
    page.locator(".mdx-q__hint summary").first.click()
    assert axe.serious_violations(page) == []


def test_progress_page_has_no_serious_accessibility_violations(page_in, small_server):
    page = open_page(page_in, small_server + QUIZ)
    answer_by_mouse(page, "troika-size", "3")
    page.goto(small_server + PROGRESS)
    expect(progress_status(page)).to_contain_text("In progress")
    assert axe.serious_violations(page) == []
