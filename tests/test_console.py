"""No error or warning in the browser's console on any page type in any language, online
(a local server) and from file:// (the unzipped offline bundle): a reader walks through
every kind of page of their language and searches once; every console message of type
error or warning, and every uncaught script error, fails the test."""

from __future__ import annotations

import pytest
from test_offline import bundle  # noqa: F401 - the session's offline bundle
from test_search import search

from course.languages import LANGUAGE_ROOTS

pytestmark = pytest.mark.browser

MODULE = "01-human-rights-obligations"
PAGE_TYPES = (
    "",  # home
    "about/",
    "how-to-use/",
    "download/",
    "modules/",
    f"modules/{MODULE}/",
    f"quizzes/{MODULE}/",
    "progress/",
    "glossary/",
    "trainers/",
    "trainers/materials/",
    f"trainers/handouts/{MODULE}/",
    f"trainers/answer-keys/{MODULE}/",
)
SEARCH_WORD = {"en": "review", "ru": "обзор", "tg": "ҳуқуқ"}


class Console:
    """Console errors and warnings, and uncaught errors, of every page a browser page opens."""

    def __init__(self, page) -> None:
        self.messages: list[str] = []
        self.where = ""
        page.on("console", self.note)
        page.on("pageerror", lambda error: self.messages.append(f"{self.where}: uncaught {error}"))

    def note(self, message) -> None:
        if message.type in ("error", "warning"):
            self.messages.append(f"{self.where}: {message.type}: {message.text} ({message.location.get('url', '')})")


def walk(page, console: Console, addresses: list[str], language: str) -> None:
    for address in addresses:
        console.where = address
        page.goto(address, wait_until="networkidle")
        page.wait_for_timeout(300)  # late work: the search index, the offline copy
    console.where = f"search on {addresses[0]}"
    page.goto(addresses[0], wait_until="networkidle")
    assert search(page, SEARCH_WORD[language]), "search found nothing"
    page.wait_for_timeout(300)


@pytest.mark.parametrize("language", list(LANGUAGE_ROOTS))
def test_no_console_message_online(page_in, course_server, language):
    page = page_in()
    console = Console(page)
    root = course_server + LANGUAGE_ROOTS[language]
    walk(page, console, [root + path for path in PAGE_TYPES] + [root + "no-such-page/"], language)
    expected_404 = f"{root}no-such-page/: error: Failed to load resource: the server responded with a status of 404"
    found = [m for m in console.messages if not m.startswith(expected_404)]
    assert not found, "\n".join(found)


def bundle_file(root, path: str) -> str:
    """The bundle's file for a page address: 'about/' is about.html, 'modules/x/' modules/x/index.html."""
    for name in (path[:-1] + ".html", path + "index.html"):
        if (root / name).is_file():
            return name
    raise AssertionError(f"no file for {path} in {root}")


@pytest.mark.parametrize("language", list(LANGUAGE_ROOTS))
def test_no_console_message_from_file(page_in, bundle, language):  # noqa: F811 - the fixture imported above
    import browser

    folder = bundle.resolve().as_uri() + "/"
    page = page_in()
    outside = browser.keep_requests_inside(page.context, folder)
    console = Console(page)
    root = folder + LANGUAGE_ROOTS[language]
    assert not (bundle / "404.html").exists(), "a page no reader can reach from file://, that loads nothing there"
    pages = [root + bundle_file(bundle / LANGUAGE_ROOTS[language], path) for path in PAGE_TYPES]
    walk(page, console, pages, language)
    assert not console.messages, "\n".join(console.messages)
    assert outside == []
