"""The course frame in a real browser: tooltips, language switching, accessibility."""

from __future__ import annotations

import axe
import pytest

pytestmark = pytest.mark.browser


def test_abbreviation_tooltip_opens_by_keyboard(page_in, small_server):
    page = page_in()
    page.goto(small_server)
    abbr = page.locator("article abbr", has_text="UPR").first
    abbr.focus()
    tooltip = page.locator(".mdx-tooltip")
    tooltip.first.wait_for(state="visible", timeout=3000)
    assert "Universal Periodic Review" in tooltip.first.inner_text()


def test_abbreviation_tooltip_opens_by_touch(page_in, small_server):
    page = page_in(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800})
    page.goto(small_server + "ru/")
    page.locator("article abbr", has_text="УПО").first.tap()
    tooltip = page.locator(".mdx-tooltip")
    tooltip.first.wait_for(state="visible", timeout=3000)
    assert "Универсальный периодический обзор" in tooltip.first.inner_text()


def test_language_switcher_opens_same_page_in_tajik(page_in, small_server):
    page = page_in()
    page.goto(small_server + "modules/01-sample/")
    page.locator(".md-select__link[hreflang=tg]").first.evaluate("link => link.click()")
    page.wait_for_url("**/tg/modules/01-sample/")
    assert page.locator("html").get_attribute("lang") == "tg"


@pytest.mark.parametrize("path", ["", "ru/modules/01-sample/", "tg/about/", "tg/glossary/"])
def test_no_serious_accessibility_violations(page_in, small_server, path):
    page = page_in()
    page.goto(small_server + path)
    assert axe.serious_violations(page) == []
