"""The offline zip as `make build` makes it: the trainers' PDF files inside, and trainers' pages
that speak of what the copy holds. Opened from file://, with no request leaving the folder."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import browser
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from course import bench, handouts
from course import build as course_build


@pytest.fixture(scope="module")
def unzipped(published, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(published.archive) as archive:
        archive.extractall(folder)
    return folder / course_build.ZIP_FOLDER


def file_page(page_in, folder: Path):
    page = page_in()
    page.outside = browser.keep_requests_inside(page.context, folder.resolve().as_uri() + "/")
    return page


def left_the_folder(page) -> list[str]:
    """Requests that went beyond the copy, leaving out the browser's own PDF viewer."""
    return [url for url in page.outside if not url.startswith(("chrome://", "chrome-extension://"))]


def opened_file(page, link) -> Path:
    """Click a link as a reader does; the file the browser then shows."""
    link.click()
    page.wait_for_url(re.compile(r".*\.pdf$"))
    return Path(unquote(urlsplit(page.url).path))


def test_zip_holds_every_pdf_handout_and_answer_key_and_keeps_its_size_goal(published, unzipped):
    expected = {job.pdf_relative() for job in handouts.find_pages(published.site)}
    held = {p.relative_to(unzipped / "trainers" / "pdf").as_posix() for p in unzipped.glob("trainers/pdf/*/*.pdf")}
    assert held == expected and len(held) >= 24
    assert published.archive.stat().st_size < bench.ZIP_TARGET


@pytest.mark.browser
def test_trainer_opens_each_pdf_from_the_materials_page_of_the_unzipped_copy(page_in, unzipped):
    page = file_page(page_in, unzipped)
    page.goto((unzipped / "tg" / "trainers" / "materials.html").as_uri())
    links = page.locator(".mdx-materials a.mdx-materials__pdf")
    count = links.count()
    assert count >= 8
    for number in range(count):
        page.goto((unzipped / "tg" / "trainers" / "materials.html").as_uri())
        shown = opened_file(page, page.locator(".mdx-materials a.mdx-materials__pdf").nth(number))
        assert shown.is_relative_to(unzipped / "trainers" / "pdf" / "tg") and shown.is_file()
        assert "ҳ" in PdfReader(shown).pages[0].extract_text()  # a Tajik PDF
    assert left_the_folder(page) == []


@pytest.mark.browser
def test_module_in_the_copy_prints_or_saves_its_handout_pdf(page_in, unzipped):
    page = file_page(page_in, unzipped)
    page.goto((unzipped / "ru" / "modules" / "03-stakeholders-and-roles" / "index.html").as_uri())
    link = page.get_by_role("link", name="Распечатать или сохранить в PDF")
    expect(link).to_be_visible()
    shown = opened_file(page, link)
    assert shown == unzipped / "trainers" / "pdf" / "ru" / "handout-03-stakeholders-and-roles.pdf"
    assert left_the_folder(page) == []


@pytest.mark.browser
def test_trainers_pages_in_the_copy_speak_of_what_the_copy_holds(page_in, unzipped):
    page = file_page(page_in, unzipped)
    page.goto((unzipped / "trainers" / "materials.html").as_uri())
    article = page.locator("article")
    expect(article).to_contain_text("This offline copy holds the PDF files")
    assert "make " not in article.inner_text() and "dist/" not in article.inner_text()
    page.goto((unzipped / "trainers" / "index.html").as_uri())
    handouts_section = page.locator("#handouts ~ p").first
    expect(handouts_section).to_be_visible()
    text = page.locator("article").inner_text()
    part = text[text.index("Printing handouts and answer keys") : text.index("Exporting to Moodle and QTI")]
    assert "trainers/pdf/" in part and "dist/" not in part and "make handouts" not in part
    maintaining = text[text.index("Maintaining the course") :]
    assert maintaining.index("Not in this offline copy") < maintaining.index("make")
