"""The offline bundle: the course zipped, unzipped into a folder and opened from file://.

Every browser test lets through only file:// requests inside the unzipped folder, aborts
any other and fails when there was one.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import unquote

import browser
import htmlscan
import pytest
import sitebuild
from playwright.sync_api import expect
from test_search import RUSSIAN_FORM, RUSSIAN_OTHER_ENDING, RUSSIAN_OTHER_FORMS, RUSSIAN_STEM, TAJIK_WORDS, search

from course import build as course_build
from course.site.bundle import SHIM_FOLDER

ZIP_TOP = course_build.ZIP_FOLDER


@pytest.fixture(scope="session")
def bundle(tmp_path_factory, course_bundle_build) -> Path:
    """The real course's offline bundle, zipped once, unzipped into a tmp folder."""
    work = tmp_path_factory.mktemp("offline")
    archive = work / course_build.ZIP_NAME
    built = shutil.copytree(course_bundle_build.site, work / "built")  # packaging leaves files out
    course_build.package_bundle(built, archive)
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(work / "unzipped")
    return work / "unzipped" / ZIP_TOP


class OfflinePage:
    """A browser page that reaches only files inside the bundle folder."""

    def __init__(self, page_in, folder: Path, **options):
        self.folder = folder.resolve().as_uri() + "/"
        self.errors: list[str] = []
        self.page = page_in(accept_downloads=True, **options)
        self.outside = browser.keep_requests_inside(self.page.context, self.folder)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, path: str):
        self.page.goto(self.folder + path)
        return self.page

    def check_nothing_left_the_folder(self) -> None:
        assert self.outside == [], f"requests outside the bundle: {self.outside}"
        assert self.errors == [], f"script errors: {self.errors}"


# --- the zip and its contents ------------------------------------------------------------


def test_zip_holds_the_course_in_three_languages_with_search_scripts(bundle):
    for root in ("", "ru/", "tg/"):
        assert (bundle / root / "index.html").is_file()
        assert (bundle / root / "search/search_index.js").read_text(encoding="utf-8").startswith("var __index = {")
    assert (bundle / "assets/third-party/iframe-worker/shim.js").is_file()
    assert (bundle / "assets/third-party/iframe-worker/LICENSE").is_file()
    assert not (bundle / "sitemap.xml").exists()


def test_bundle_references_no_third_party_script_or_font(bundle):
    assert htmlscan.third_party_loads(bundle) == {}


def test_download_page_says_the_reader_already_has_the_copy(bundle, course_site):
    offline = (bundle / "download.html").read_text(encoding="utf-8")
    online = course_site.page("download/")
    assert "You already have the offline copy" in offline and "upr-course-offline.zip" not in offline
    assert "You already have the offline copy" not in online
    assert 'href="upr-course-offline.zip"' in online
    assert 'href="../../download/upr-course-offline.zip"' in course_site.page("tg/download/")
    assert "Офлайн-копия у вас уже есть" in (bundle / "ru/download.html").read_text(encoding="utf-8")


def test_build_writes_site_and_zip_and_a_failed_build_changes_neither(small_project, tmp_path):
    shutil.copy2(sitebuild.PROJECT / "mkdocs.offline.yml", small_project)
    shutil.copytree(sitebuild.PROJECT / SHIM_FOLDER, small_project / SHIM_FOLDER)  # the offline search shim
    site, dist = tmp_path / "out" / "site", tmp_path / "out" / "dist"
    assert course_build.build_all(small_project, site, dist) == 0
    archive = dist / course_build.ZIP_NAME
    assert (site / course_build.ZIP_IN_SITE).read_bytes() == archive.read_bytes()
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
    assert f"{ZIP_TOP}/index.html" in names and f"{ZIP_TOP}/tg/index.html" in names
    assert f"{ZIP_TOP}/tg/search/search_index.js" in names
    before = (archive.read_bytes(), (site / "index.html").read_text(encoding="utf-8"))

    (small_project / "docs/about.en.md").write_text("# About\n\n[broken](nope.md)\n", encoding="utf-8")
    assert course_build.build_all(small_project, site, dist) != 0
    assert (archive.read_bytes(), (site / "index.html").read_text(encoding="utf-8")) == before
    assert not list(site.parent.glob(".site-build-*")), "the staging folder was left behind"


def test_zip_is_the_same_for_the_same_input(bundle, tmp_path):
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    course_build.zip_folder(bundle, first)
    course_build.zip_folder(bundle, second)
    assert first.read_bytes() == second.read_bytes()


# --- in the browser, from file:// ----------------------------------------------------------


@pytest.mark.browser
def test_pages_in_three_languages_and_the_language_switcher(page_in, bundle):
    offline = OfflinePage(page_in, bundle)
    page = offline.open("index.html")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    for language, folder in (("ru", "/ru/"), ("tg", "/tg/"), ("en", "/upr-course/")):
        page.locator(f"a.md-select__link[hreflang={language}]").first.evaluate("link => link.click()")
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert folder in page.url and page.url.endswith("index.html")
    page.goto(offline.folder + "tg/modules.html")
    next_page = page.locator("a.md-footer__link--next")
    next_page.click()
    expect(page.locator("html")).to_have_attribute("lang", "tg")
    assert page.url.startswith(offline.folder + "tg/")
    offline.check_nothing_left_the_folder()


@pytest.mark.browser
def test_tajik_search_lists_tajik_pages_only(page_in, bundle):
    offline = OfflinePage(page_in, bundle)
    page = offline.open("tg/index.html")
    for word in TAJIK_WORDS:
        results = search(page, word)
        assert results, word
        assert all(unquote(url).startswith(unquote(offline.folder) + "tg/") for url in results), results
    # typed on a Russian keyboard (х for ҳ, к for қ): the same pages, from file:// too
    results = search(page, "хукук")
    assert results and all(unquote(url).startswith(unquote(offline.folder) + "tg/") for url in results), results
    assert "ҳуқуқ" in page.locator(".md-search-result").inner_text().lower()
    offline.check_nothing_left_the_folder()


@pytest.mark.browser
@pytest.mark.parametrize(
    "word, shown",
    [(RUSSIAN_FORM, RUSSIAN_OTHER_FORMS), (RUSSIAN_OTHER_ENDING, (RUSSIAN_STEM,))],
    ids=["longer-forms", "another-ending"],
)
def test_russian_search_finds_other_word_forms(page_in, bundle, word, shown):
    offline = OfflinePage(page_in, bundle)
    page = offline.open("ru/about.html")
    results = search(page, word)
    assert results and all(unquote(url).startswith(unquote(offline.folder) + "ru/") for url in results), results
    found = page.locator(".md-search-result").inner_text().lower()
    assert any(form in found for form in shown), found[:500]
    offline.check_nothing_left_the_folder()


@pytest.mark.browser
def test_quiz_to_a_score_then_progress_saved_and_loaded(page_in, bundle, tmp_path):
    quiz = sorted((bundle / "tg/quizzes").glob("*.html"))[0].relative_to(bundle).as_posix()
    offline = OfflinePage(page_in, bundle)
    page = offline.open(quiz)
    browser.answer_every_question(page)
    score = page.locator("[data-quiz-score]")
    expect(score).to_have_count(1)
    value = score.get_attribute("data-quiz-score")

    page.goto(offline.folder + "tg/progress.html")
    expect(page.locator(".mdx-progress__status").first).not_to_have_text("")
    with page.expect_download() as download_info:
        page.locator("[data-action=save]").click()
    saved = tmp_path / "progress.json"
    download_info.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    quiz_id = Path(quiz).stem
    assert math.floor(data["quizzes"][quiz_id]["last"]["s"] * 100 + 1e-9) == int(value)  # shown rounded down
    offline.check_nothing_left_the_folder()

    # Another copy of the course on another computer: a fresh browser profile.
    fresh = OfflinePage(page_in, bundle)
    other = fresh.open("ru/progress.html")
    other.locator("input[data-action=load]").set_input_files(saved)
    expect(other.locator(".mdx-progress__message")).not_to_have_text("")
    row = other.locator(f"[data-progress-quiz='{quiz_id}'] .mdx-progress__status")
    expect(row).to_contain_text(f"{value} %")
    other.goto(fresh.folder + quiz.replace("tg/", "ru/"))
    expect(other.locator("[data-quiz-score]")).to_have_attribute("data-quiz-score", value)
    fresh.check_nothing_left_the_folder()


@pytest.mark.browser
def test_from_file_a_written_answer_shows_as_in_progress_on_the_module_the_progress_page_and_home(bundle, page_in):
    offline = OfflinePage(page_in, bundle, viewport={"width": 360, "height": 740})
    page = offline.open("tg/modules/01-human-rights-obligations/index.html")
    state = page.locator(".mdx-module-state")
    expect(state).to_have_text("Пешрафти шумо дар ин модул: оғоз нашудааст")
    box = page.locator(".mdx-answer__input").first
    box.fill("Ҷавоби ман")
    box.press("Tab")  # leaving the box saves it
    expect(page.locator(".mdx-answer__status").first).not_to_be_empty()
    page.reload()
    expect(state).to_have_text("Пешрафти шумо дар ин модул: дар ҷараён")
    page = offline.open("tg/progress.html")
    expect(page.locator("[data-progress-module='01-human-rights-obligations']")).to_have_attribute(
        "data-state", "progress"
    )
    expect(page.locator(".mdx-summary__sheet tbody tr")).to_have_count(8)
    page = offline.open("tg/index.html")
    expect(page.locator(".mdx-continue")).to_be_visible()
    expect(page.locator(".mdx-continue__button")).to_have_attribute("href", re.compile(r"01-human-rights-obligations"))
    offline.check_nothing_left_the_folder()


@pytest.mark.browser
def test_from_file_the_diagnostic_points_to_modules_to_start_with(bundle, page_in):
    offline = OfflinePage(page_in, bundle, viewport={"width": 360, "height": 740})
    page = offline.open("ru/quizzes/course-diagnostic.html")
    advice = page.locator(".mdx-quiz__advice")
    expect(advice).to_be_hidden()
    browser.answer_every_question(page)
    expect(advice).to_be_visible()
    expect(page.locator(".mdx-quiz__verdict")).to_be_hidden()  # no pass or fail for a diagnostic
    suggested = advice.locator("li:visible a")
    if suggested.count():
        first = suggested.first.get_attribute("href")
        suggested.first.click()
        expect(page).to_have_url(re.compile(re.escape(first.split("/")[-2]) + r"/index\.html$"))
    else:
        expect(advice.locator(".mdx-quiz__advice-none")).to_be_visible()
    offline.check_nothing_left_the_folder()
