"""A first visit to the English home page offers the browser's preferred course language."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

OFFERS = {
    # browser locale: (notice language, its home, the third language and its home)
    "ru-RU": ("ru", "ru/", "Тоҷикӣ", "tg/"),
    "tg-TJ": ("tg", "tg/", "Русский", "ru/"),
}


def visible_offer(page):
    page.wait_for_load_state("load")
    return page.locator("[data-language-offer]:visible")


@pytest.mark.parametrize("locale", sorted(OFFERS))
def test_reader_preferring_russian_or_tajik_is_offered_that_language_and_told_of_the_third(
    page_in, course_server, locale
):
    language, home, third_name, third_home = OFFERS[locale]
    page = page_in(locale=locale)
    page.goto(course_server)
    offer = visible_offer(page)
    offer.wait_for(timeout=5000)
    assert offer.get_attribute("lang") == language
    switch = offer.locator(f"a[data-language-choice={language}]")
    assert switch.get_attribute("href") == home
    third = offer.locator("a", has_text=third_name)
    assert third.get_attribute("href") == third_home
    assert page.url == course_server  # a notice, never a redirect
    switch.click()
    page.wait_for_url(course_server + home)
    assert page.locator("html").get_attribute("lang") == language


def test_russian_notice_speaks_russian(page_in, course_server):
    page = page_in(locale="ru-RU")
    page.goto(course_server)
    offer = visible_offer(page)
    offer.wait_for(timeout=5000)
    text = offer.inner_text()
    assert "на русском" in text and "таджикском" in text
    assert offer.locator("button").inner_text() == "Продолжить на английском"


def test_dismissed_notice_stays_dismissed_after_reload(page_in, course_server):
    page = page_in(locale="tg-TJ")
    page.goto(course_server)
    offer = visible_offer(page)
    offer.wait_for(timeout=5000)
    assert "тоҷикӣ" in offer.inner_text()
    offer.locator("button[data-language-dismiss]").click()
    assert visible_offer(page).count() == 0
    page.reload()
    page.wait_for_timeout(300)
    assert visible_offer(page).count() == 0


def test_a_choice_is_remembered_on_the_next_visit(page_in, course_server):
    page = page_in(locale="ru-RU")
    page.goto(course_server)
    offer = visible_offer(page)
    offer.wait_for(timeout=5000)
    offer.locator("a[data-language-choice=ru]").click()
    page.wait_for_url(course_server + "ru/")
    page.goto(course_server)
    page.wait_for_timeout(300)
    assert visible_offer(page).count() == 0


@pytest.mark.parametrize("locale", ["en-US", "en-GB"])
def test_english_preferring_browser_sees_no_notice(page_in, course_server, locale):
    page = page_in(locale=locale)
    page.goto(course_server)
    page.wait_for_timeout(300)
    assert visible_offer(page).count() == 0
    assert page.locator("[data-language-offer]").count() == 2  # present, and kept hidden


def test_no_notice_on_other_pages(page_in, course_server):
    page = page_in(locale="ru-RU")
    page.goto(course_server + "about/")
    assert page.locator("[data-language-offer]").count() == 0
