"""A module's sources are links to follow: web addresses, UN document symbols and resolutions
named by number, in every language; following one leaves the course, nothing loads by itself."""

from __future__ import annotations

import re

import browser
import pytest
from playwright.sync_api import expect

from course.content import sources


@pytest.mark.browser
def test_tajik_reader_follows_a_web_source_and_a_un_document_from_the_sources(page_in, course_server):
    page = page_in(**browser.PHONE)
    outside = browser.keep_requests_inside(page.context, course_server)
    page.goto(course_server + "tg/modules/02-upr-mechanism/")
    section = page.locator("article #sources ~ ul").first
    assert outside == []  # the page loads nothing from the sources' websites
    page.context.unroute("**/*")
    web = section.get_by_role("link", name="https://www.ohchr.org/en/hr-bodies/upr/tj-index")
    expect(web).to_be_visible()
    assert browser.followed_address(page, web) == "https://www.ohchr.org/en/hr-bodies/upr/tj-index"

    page.goto(course_server + "tg/modules/02-upr-mechanism/")
    section = page.locator("article #sources ~ ul").first
    assert (
        browser.followed_address(page, section.get_by_role("link", name="A/HRC/33/11"))
        == "https://undocs.org/ru/A/HRC/33/11"
    )
    page.goto(course_server + "tg/modules/02-upr-mechanism/")
    resolution = (
        page.locator("article #sources ~ ul")
        .first.locator("li", has_text="Қатъномаи 60/251")
        .get_by_role("link", name="60/251")
    )
    assert browser.followed_address(page, resolution) == "https://undocs.org/ru/A/RES/60/251"


@pytest.mark.parametrize("language", ["en", "ru", "tg"])
def test_every_address_and_un_document_in_the_sources_is_a_link(course_site, language):
    root = "" if language == "en" else f"{language}/"
    for module in sorted(p.name for p in (course_site.site / "modules").iterdir() if p.is_dir()):
        html = course_site.page(f"{root}modules/{module}/")
        part = html[html.index('id="sources"') :]
        part = part[: part.index("<h2", 1)] if "<h2" in part[1:] else part
        text = re.sub(r"<a\b[^>]*>.*?</a>", " ", part, flags=re.DOTALL)  # what is left unlinked
        text = re.sub(r"<[^>]+>", " ", text)
        assert not re.search(r"https?://", text), (module, text)
        assert not sources.SYMBOL.search(text), (module, text)
        assert not re.search(r"(?<![\w/.-])\d{1,2}/\d{1,3}(?![\w/])", text), (module, text)
        expected = "ru" if language != "en" else "en"
        # the document links open the reader's language (English for English pages, else Russian)
        assert f'href="https://undocs.org/{expected}/' in part or module.startswith("03"), module


def test_document_links_name_the_right_body_and_kind_in_each_language():
    cases = {
        "en": "- General Assembly resolution 60/251 (2006), establishing the Human Rights Council\n"
        "- HRC decision 31/116; HRC resolution 51/30 (2022)\n- OHCHR guide HR/PUB/16/1 (2016)\n",
        "ru": "- Резолюция 16/21 (2011) и решение 17/119 (2011) Совета по правам человека\n",
        "tg": "- Қатъномаҳои 12/2 (2009), 24/24 ва 36/21-и Шӯрои ҳуқуқи инсони СММ\n",
    }
    found = {
        language: re.findall(
            r"\]\(https://undocs\.org/(\w+/[^)]+)\)",
            sources.link_document_symbols(f"## S {{#sources}}\n\n{text}", language),
        )
        for language, text in cases.items()
    }
    assert found == {
        "en": ["en/A/RES/60/251", "en/A/HRC/DEC/31/116", "en/A/HRC/RES/51/30"],  # HR/PUB/16/1 is no UN document symbol
        "ru": ["ru/A/HRC/RES/16/21", "ru/A/HRC/DEC/17/119"],
        "tg": ["ru/A/HRC/RES/12/2", "ru/A/HRC/RES/24/24", "ru/A/HRC/RES/36/21"],
    }
