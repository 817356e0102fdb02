"""Site-wide checks on the real course, online and as the offline bundle.

Every internal link and heading anchor of every built page resolves (all three languages);
axe-core finds no serious or critical violation on each page type in each language; and a
browser that blocks every request leaving the site records none.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import axe
import browser
import pytest

from course.languages import LANGUAGE_ROOTS

LANGUAGES = LANGUAGE_ROOTS
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")
# Files that tools add to the website after MkDocs has built it (so absent from a plain
# build): the offline zip (course/build.py) and the trainers' PDFs (course/handouts.py).
ADDED_AFTER_BUILD = ("download/upr-course-offline.zip", "trainers/pdf/*/*.pdf")


@dataclass
class BuiltSite:
    kind: str  # "online" (served over http, folder URLs) or "bundle" (file://, .html URLs)
    site: Path
    site_url: str  # the address the build was made for; absolute links under it are internal


@pytest.fixture(scope="module")
def bundle_site(course_bundle_build) -> BuiltSite:
    """The offline bundle, built as course/build.py builds it (from mkdocs.offline.yml)."""
    return BuiltSite("bundle", course_bundle_build.site, "http://127.0.0.1:8000/")


@pytest.fixture(scope="module", params=["online", "bundle"])
def built(request, course_site) -> BuiltSite:
    if request.param == "online":
        return BuiltSite("online", course_site.site, "http://127.0.0.1:8000/")
    return request.getfixturevalue("bundle_site")


# ---------------------------------------------------------------- links and anchors


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        if tag in ("a", "area") and "href" in values:
            self.links.append(values["href"].strip())


def _parse(path: Path) -> _Page:
    parsed = _Page()
    parsed.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parsed


def broken_links(built: BuiltSite) -> list[str]:
    """'page: link (why)' for every internal link or anchor that leads nowhere."""
    site, pages = built.site, {}
    base_path = urlsplit(built.site_url).path
    problems = []
    for path in sorted(site.rglob("*.html")):
        pages[path] = _parse(path)
    for path, parsed in pages.items():
        if built.kind == "bundle" and path == site / "404.html":
            continue  # only a web server shows it; its links are absolute on purpose
        page_url = "file:///" + path.relative_to(site).as_posix()
        for href in parsed.links:
            if not href or href.lower().startswith(SKIPPED_SCHEMES):
                continue
            why = _resolve(built, path, page_url, href, base_path, pages)
            if why:
                problems.append(f"{path.relative_to(site).as_posix()}: {href} ({why})")
    return problems


def _resolve(built: BuiltSite, path: Path, page_url: str, href: str, base_path: str, pages: dict) -> str | None:
    parts = urlsplit(href)
    if parts.scheme in ("http", "https") or href.startswith("//"):
        if not href.startswith(built.site_url):
            return None  # another website: not checked here (no network)
        if built.kind == "bundle":
            return "absolute address: does not open from the file system"
        href = "/" + href[len(built.site_url) :]
        parts = urlsplit(href)
    if href.startswith("/"):
        if built.kind == "bundle":
            return "absolute path: does not open from the file system"
        if not parts.path.startswith(base_path):
            return "outside the site"
        target = built.site / unquote(parts.path[len(base_path) :])
    elif parts.path:
        target_url = urljoin(page_url, unquote(parts.path))
        target = built.site / target_url[len("file:///") :]
    else:
        target = path
    if target.is_dir() or str(target).endswith("/"):
        if built.kind == "bundle":
            return "a folder: on file:// it opens a file listing, link the .html file"
        target = target / "index.html"
    if not target.is_file():
        added_later = any(fnmatch(target.relative_to(built.site).as_posix(), pattern) for pattern in ADDED_AFTER_BUILD)
        return None if added_later and built.kind == "online" else "no such file"
    if parts.fragment and target.suffix == ".html":
        target_page = pages.get(target) or _parse(target)
        if unquote(parts.fragment) not in target_page.ids:
            return f"no element with id '{unquote(parts.fragment)}'"
    return None


def test_every_internal_link_and_anchor_resolves(built):
    assert broken_links(built) == []


def test_link_checker_reports_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "about").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="about/">ok</a><a href="about/#team">ok</a><a href="gone/">x</a><a href="about/#nobody">x</a>'
        '<a href="https://example.org/">other site</a><a href="#top" id="top">self</a>',
        encoding="utf-8",
    )
    (tmp_path / "about" / "index.html").write_text('<h2 id="team">Team</h2>', encoding="utf-8")
    problems = broken_links(BuiltSite("online", tmp_path, "http://127.0.0.1:8000/"))
    assert problems == ["index.html: gone/ (no such file)", "index.html: about/#nobody (no element with id 'nobody')"]


# ---------------------------------------------------------------- pages of each type


def page_types(built: BuiltSite, language: str) -> dict[str, str]:
    """Site-relative paths of one page of each type in a language (types the site has)."""
    root = built.site / LANGUAGES[language]
    found: dict[str, str] = {}

    def page(*candidates: str) -> str | None:
        for candidate in candidates:
            for path in sorted(root.glob(candidate)):
                if path.is_file():
                    return path.relative_to(built.site).as_posix()
        return None

    wanted = {
        "home": ("index.html",),
        "module": ("modules/*/index.html",),
        "quiz": ("quizzes/*/index.html", "quizzes/*.html"),
        "progress": ("progress/index.html", "progress.html"),
        "glossary": ("glossary/index.html", "glossary.html"),
        "trainer guide": ("trainers/index.html", "trainers.html"),
        "download": ("download/index.html", "download.html"),
    }
    for name, candidates in wanted.items():
        path = page(*candidates)
        if path:
            found[name] = path
    return found


def test_every_language_has_the_main_page_types(course_site):
    for language in LANGUAGES:
        types = page_types(BuiltSite("online", course_site.site, ""), language)
        assert {"home", "module", "quiz", "progress", "glossary"} <= set(types), language


@pytest.fixture(scope="module")
def address(built):
    """How a browser reaches the built site: a loopback server, or file://."""
    if built.kind == "bundle":
        yield lambda path: (built.site / path).as_uri()
        return
    with browser.serve(built.site) as url:
        yield lambda path: url + (path[: -len("index.html")] if path.endswith("index.html") else path)


LOCALES = {"en": "en-US", "ru": "ru-RU", "tg": "tg-TJ"}


@pytest.mark.browser
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_no_serious_accessibility_violations_on_any_page_type(built, address, page_in, language):
    page = page_in(locale=LOCALES[language])
    found = []
    for name, path in page_types(built, language).items():
        page.goto(address(path))
        page.wait_for_load_state("load")
        if built.kind == "online":  # audit the footer's offline indicator as readers see it
            page.locator("[data-offline-state=ready]").wait_for(timeout=15000)
        found += [f"{name} ({path}): {line}" for line in axe.serious_violations(page)]
        if name == "quiz":
            browser.answer_every_question(page)
            found += [f"checked quiz ({path}): {line}" for line in axe.serious_violations(page)]
    if language != "en":  # the English home page, offering this language
        page.goto(address("index.html"))
        page.locator(f"[data-language-offer={language}]").wait_for(timeout=5000)
        found += [f"language offer: {line}" for line in axe.serious_violations(page)]
    assert found == []


@pytest.mark.browser
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_no_request_leaves_the_site_on_any_page_type(built, address, page_in, language):
    page = page_in()
    inside = built.site.resolve().as_uri() + "/" if built.kind == "bundle" else address("")
    outside = browser.keep_requests_inside(page.context, inside)
    for name, path in page_types(built, language).items():
        page.goto(address(path))
        page.wait_for_load_state("load")
        if name == "quiz":
            browser.answer_every_question(page)
        page.wait_for_timeout(200)
    assert outside == []
