"""The course on a cheap Android phone (360x740): what the activist in Khujand saw, in Tajik."""

from __future__ import annotations

import axe
import pytest
from browser import PHONE
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MODULE = "tg/modules/01-human-rights-obligations/"


def phone(page_in):
    return page_in(**PHONE)


def test_draft_notice_is_one_line_under_the_title_and_the_text_starts_on_the_first_screen(page_in, course_server):
    page = phone(page_in)
    page.goto(course_server + MODULE)
    title = page.locator("article h1").first
    notice = page.locator("article .mdx-notice--draft")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Тарҷумаи пешакӣ")
    box, title_box = notice.bounding_box(), title.bounding_box()
    line = notice.evaluate("node => parseFloat(getComputedStyle(node).lineHeight)")
    assert box["height"] <= 1.5 * line, box  # one line
    assert 0 <= box["y"] - (title_box["y"] + title_box["height"]) <= 24, (title_box, box)  # right under the title
    summary = page.locator("article .mdx-module-summary")
    assert summary.bounding_box()["y"] < 740 - 120  # the module's own text starts on the first screen


# --- nothing hidden off-screen without a cue ------------------------------------------------

HIDDEN_WITHOUT_CUE = """() => {
  const article = document.querySelector("article");
  const found = [];
  for (const node of article.querySelectorAll("*")) {
    const style = getComputedStyle(node);
    if (!["auto", "scroll", "hidden"].includes(style.overflowX)) continue;
    if (node.clientWidth <= 2 || node.scrollWidth <= node.clientWidth + 1 || !node.checkVisibility()) continue;
    const anchor = node.matches("pre > code") ? node.parentNode : node;
    const cue = anchor.previousElementSibling;
    if (!(cue && cue.matches(".mdx-scroll-hint") && cue.checkVisibility() && cue.textContent.trim())) {
      found.push(node.tagName + "." + node.className + ": " + node.textContent.trim().slice(0, 60));
    }
  }
  return found;
}"""
PAGES = [
    "tg/",
    "tg/modules/",
    *[
        f"tg/modules/{folder}/"
        for folder in (
            "01-human-rights-obligations",
            "02-upr-mechanism",
            "03-stakeholders-and-roles",
            "04-national-report",
        )
    ],
    "tg/quizzes/01-human-rights-obligations/",
    "tg/progress/",
    "tg/glossary/",
    "tg/trainers/",
    "tg/trainers/materials/",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_content_is_hidden_without_a_visible_scroll_cue(page_in, course_server, path):
    page = phone(page_in)
    page.goto(course_server + path)
    page.wait_for_load_state("load")
    for summary in page.locator("article details:not([open]) > summary").all():
        if summary.is_visible():
            summary.click()  # what is folded away is read too
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360  # the page itself never scrolls sideways
    page.wait_for_timeout(300)  # the cues follow each box's size
    assert page.evaluate(HIDDEN_WITHOUT_CUE) == []


def test_treaty_table_shows_a_cue_and_its_committee_column_can_be_reached(page_in, course_server):
    page = phone(page_in)
    page.goto(course_server + MODULE)
    cell = page.locator("td", has_text="Кумита оид ба ҳуқуқи кӯдак")
    region = page.locator("article [data-mdx-scroll]", has=cell)
    committee = region.locator("td", has_text="Кумита оид ба ҳуқуқи кӯдак")
    expect(region).to_have_count(1)
    expect(page.locator("article .mdx-scroll-hint:visible").first).to_contain_text("ба паҳлӯ")
    page.mouse.wheel(0, committee.bounding_box()["y"] - 300)  # down to the row
    page.wait_for_timeout(300)
    where = committee.bounding_box()
    assert where["x"] > 360 and 0 < where["y"] < 740, where  # on the screen's height, off its right edge
    page.mouse.move(180, where["y"] + 5)
    page.mouse.wheel(600, 0)  # a sideways swipe on the table
    expect(committee).to_be_in_viewport()
    region.evaluate("node => { node.scrollLeft = 0; }")
    region.focus()  # by keyboard too
    for _ in range(12):
        page.keyboard.press("ArrowRight")
    assert region.evaluate("node => node.scrollLeft") > 0


def test_module_list_number_column_leaves_the_width_to_the_titles(page_in, course_server):
    page = phone(page_in)
    page.goto(course_server + "tg/modules/")
    article = page.locator("article").bounding_box()
    title = page.locator("article").get_by_role("link", name="Ӯҳдадориҳои ҳуқуқи инсон ва низоми СММ").first
    expect(title).to_be_visible()
    assert title.bounding_box()["x"] - article["x"] < 0.2 * article["width"]


def test_matching_answers_are_shown_in_full_on_a_phone(page_in, course_server):
    page = phone(page_in)
    page.goto(course_server + "tg/quizzes/01-human-rights-obligations/")
    question = page.locator("fieldset[data-type=match]").first
    selects = question.locator("select")
    cut = 0
    for number in range(selects.count()):
        select = selects.nth(number)
        options = select.locator("option").all_inner_texts()[1:]
        longest = max(options, key=len)
        select.select_option(label=longest)
        shown_width = select.evaluate(
            """(select, text) => { const probe = document.createElement("span");
                 probe.style.font = getComputedStyle(select).font; probe.style.whiteSpace = "nowrap";
                 probe.textContent = text; document.body.append(probe);
                 const wide = probe.getBoundingClientRect().width; probe.remove(); return wide; }""",
            longest,
        )
        if shown_width > select.bounding_box()["width"] - 30:  # more than the closed drop-down shows
            cut += 1
            chosen = select.locator("xpath=following-sibling::*[1]")
            expect(chosen).to_be_visible()
            expect(chosen).to_have_text(longest)
            assert chosen.bounding_box()["x"] + chosen.bounding_box()["width"] <= 360
    assert cut > 0, "no answer was too long for its drop-down: the test checks nothing"


def test_back_to_top_button_covers_no_question_number(page_in, course_server):
    page = phone(page_in)
    page.goto(course_server + "tg/quizzes/01-human-rights-obligations/")
    button = page.locator(".md-top")
    for number in (3, 6, 9):
        legend = page.locator(".mdx-q__number").nth(number)
        legend.scroll_into_view_if_needed()
        offset = legend.bounding_box()["y"] - 90  # put it just under the header ...
        page.mouse.wheel(0, offset + 200)
        page.wait_for_timeout(200)
        page.mouse.wheel(0, -200)  # ... by scrolling back up, which calls the button
        expect(button).to_be_visible()
        page.wait_for_timeout(300)
        top = button.bounding_box()
        for label in page.locator(".mdx-q__number").all():
            if not label.is_visible():
                continue
            box = label.bounding_box()
            apart = (
                box["x"] + box["width"] <= top["x"]
                or top["x"] + top["width"] <= box["x"]
                or box["y"] + box["height"] <= top["y"]
                or top["y"] + top["height"] <= box["y"]
            )
            assert apart, (label.inner_text(), box, top)


@pytest.mark.parametrize("path", ["tg/progress/", "tg/trainers/materials/"])
def test_progress_and_materials_tables_are_styled_and_fit_the_screen(page_in, course_server, path):
    page = phone(page_in)
    page.goto(course_server + path)
    table = page.locator("article table").first
    expect(table).to_be_visible()
    article_width = page.locator("article").bounding_box()["width"]
    assert table.bounding_box()["width"] <= article_width + 1
    cell = table.locator("tbody td").first
    style = cell.evaluate(
        "cell => { const s = getComputedStyle(cell); return [parseFloat(s.paddingLeft), parseFloat(s.borderTopWidth)]; }"
    )
    assert style[0] >= 4 and style[1] > 0, style  # room around the text, lines between rows
    for column in table.locator("thead th").all():
        assert column.bounding_box()["width"] >= 70, column.inner_text()  # no column squeezed to a letter


@pytest.mark.parametrize(
    "path", [MODULE, "tg/modules/", "tg/quizzes/01-human-rights-obligations/", "tg/progress/", "tg/trainers/materials/"]
)
def test_phone_pages_have_no_serious_accessibility_violations(page_in, course_server, path):
    page = phone(page_in)
    page.goto(course_server + path)
    page.wait_for_load_state("load")
    assert axe.serious_violations(page) == []
