"""The course on a cheap Android phone (360x740): what the activist in Khujand saw, in Tajik."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
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
