"""Abbreviation tooltips (docs/assets/course.js): one tooltip and a few document listeners for
the whole page, shown by pointer, keyboard and touch, dismissible, hoverable, on screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MODULE = "ru/modules/01-human-rights-obligations/"


def test_abbreviations_carry_no_listeners_of_their_own(page_in, course_server):
    """Per-abbreviation machinery (a dozen observers each, a hundred abbreviations on a module
    page) is what made module pages slow to start on phones."""
    page = page_in()
    page.goto(course_server + MODULE, wait_until="networkidle")
    abbreviations = page.locator("article abbr[title]")
    assert abbreviations.count() > 20
    cdp = page.context.new_cdp_session(page)
    document = cdp.send("Runtime.evaluate", {"expression": "document.querySelectorAll('article abbr[title]')"})
    listed = cdp.send("Runtime.getProperties", {"objectId": document["result"]["objectId"], "ownProperties": True})
    with_listeners = 0
    for item in listed["result"]:
        handle = item.get("value", {}).get("objectId")
        if handle and item["name"].isdigit():
            with_listeners += bool(cdp.send("DOMDebugger.getEventListeners", {"objectId": handle})["listeners"])
    assert with_listeners == 0


def test_tooltip_follows_the_pointer_onto_itself_and_leaves_with_it(page_in, course_server):
    page = page_in()
    page.goto(course_server + MODULE)
    abbr = page.locator("article abbr", has_text="УПО").first
    abbr.hover()
    tooltip = page.locator(".mdx-tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text("Универсальный периодический обзор")
    expect(abbr).to_have_attribute("aria-describedby", "mdx-tooltip")
    tooltip.hover()  # moving onto the tooltip keeps it (WCAG 1.4.13: hoverable)
    page.wait_for_timeout(600)
    expect(tooltip).to_be_visible()
    page.mouse.move(5, 400)
    expect(tooltip).to_be_hidden()
    expect(abbr).to_have_attribute("title", "Универсальный периодический обзор")


def test_escape_dismisses_the_tooltip_of_a_focused_abbreviation(page_in, course_server):
    page = page_in()
    page.goto(course_server + MODULE)
    abbr = page.locator("article abbr", has_text="ООН").first
    abbr.focus()
    tooltip = page.locator(".mdx-tooltip")
    expect(tooltip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    assert abbr.evaluate("element => element === document.activeElement")
    page.keyboard.press("Tab")
    expect(abbr).not_to_have_attribute("aria-describedby", "mdx-tooltip")


def test_tapped_tooltip_stays_on_a_phone_screen(page_in, course_server):
    page = page_in(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(course_server + MODULE)
    longest = page.locator("article abbr", has_text="УВКПЧ").first  # the longest expansion
    longest.scroll_into_view_if_needed()
    longest.tap()
    tooltip = page.locator(".mdx-tooltip")
    expect(tooltip).to_be_visible()
    box = tooltip.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, box
