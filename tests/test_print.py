"""Printing a module, and its handout as a PDF, as learners and trainers do in Chromium.

A page is printed with Chromium's own print engine (print media, A4) into a PDF and read back
page by page, as the paper would come out of the printer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from course import handouts

pytestmark = pytest.mark.browser

MODULE = "tg/modules/01-human-rights-obligations/"
COURSE_NAME = "Курси ШУД: воситаи таҳкими ҳуқуқи инсон"  # the Tajik site name in mkdocs.yml
A4_CONTENT = (57, 791)  # points from the bottom: inside print.css's @page margins (20mm, 18mm)


def printed(page, target: Path) -> list[dict]:
    """Print the page as Chromium does (A4, print media) and read each sheet's text and the
    height of its lowest line of text inside the page's margins."""
    page.emulate_media(media="print")
    page.pdf(path=str(target), prefer_css_page_size=True)
    sheets = []
    for sheet in PdfReader(target).pages:
        heights: list[float] = []

        def seen(text, cm, tm, font, size, heights=heights) -> None:
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if text.strip() and A4_CONTENT[0] < y < A4_CONTENT[1]:
                heights.append(y)

        text = sheet.extract_text(visitor_text=seen)
        sheets.append({"text": text, "lowest": min(heights) if heights else A4_CONTENT[1]})
    return sheets


def test_printed_module_names_the_course_and_its_address_on_every_sheet_without_screen_parts(
    page_in, published, tmp_path
):
    page = page_in()
    page.goto(published.url + MODULE)
    quiz_button = page.locator("article a.md-button", has_text="Супоридани санҷиш")
    expect(quiz_button).to_be_visible()
    expect(page.locator("article .mdx-notice--draft")).to_be_visible()
    sheets = printed(page, tmp_path / "module.pdf")
    assert len(sheets) > 3
    for number, sheet in enumerate(sheets, start=1):
        assert COURSE_NAME in sheet["text"], number
        assert published.url + MODULE in sheet["text"].replace("\n", ""), number
    everything = "\n".join(sheet["text"] for sheet in sheets)
    for screen_only in ("Супоридани санҷиш", "Тарҷумаи пешакӣ", "Чоп кардан ё ҳамчун PDF"):
        assert screen_only not in everything, screen_only
    expect(quiz_button).to_be_hidden()  # still in print media
    # the treaty table prints whole: its last column, the committee the quiz asks about
    assert "Кумита оид ба ҳуқуқи кӯдак" in everything


def test_printed_module_has_no_half_empty_sheet_before_a_table(page_in, published, tmp_path):
    page = page_in()
    page.goto(published.url + MODULE)
    sheets = printed(page, tmp_path / "module.pdf")
    height = A4_CONTENT[1] - A4_CONTENT[0]
    gaps = [round((sheet["lowest"] - A4_CONTENT[0]) / height, 2) for sheet in sheets[:-1]]
    assert max(gaps) <= 0.25, gaps  # every sheet but the last is at least three-quarters full


def test_module_link_prints_or_saves_its_handout_pdf_in_the_readers_language(page_in, published):
    page = page_in()
    page.goto(published.url + "tg/modules/02-upr-mechanism/")
    link = page.get_by_role("link", name="Чоп кардан ё ҳамчун PDF нигоҳ доштан")
    expect(link).to_be_visible()
    with page.expect_response(lambda response: response.url.endswith(".pdf")) as opened:
        link.click()
    response = opened.value
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.url == published.url + "trainers/pdf/tg/handout-02-upr-mechanism.pdf"
    page.wait_for_url("**/handout-02-upr-mechanism.pdf")  # the browser shows it, to print or save
    saved = published.site / "trainers" / "pdf" / "tg" / "handout-02-upr-mechanism.pdf"  # the file served
    text = "".join(sheet.extract_text() for sheet in PdfReader(saved).pages)
    assert "Механизми ШУД" in text and "Варақаи корӣ" in text  # the module, then its worksheet
    assert "Тарҷумаи пешакӣ" not in text  # no draft notice on paper
    assert COURSE_NAME in PdfReader(saved).pages[-1].extract_text()


def test_draft_notice_stays_out_of_the_trainers_pdf_files(published):
    for job in handouts.find_pages(published.site):
        if job.language == "en":
            continue
        pdf = published.site / "trainers" / "pdf" / job.pdf_relative()
        text = "".join(sheet.extract_text() for sheet in PdfReader(pdf).pages)
        assert "Тарҷумаи пешакӣ" not in text and "Черновик перевода" not in text, job.name
