"""Move a module page's rendered HTML into a handout page at another address."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

from mkdocs.utils import get_relative_url

URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')
EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|/|#)")
QUIZ_BUTTON = re.compile(r'<p>\s*(?:<a class="md-button[^"]*" href="[^"]*quizzes/[^"]*">.*?</a>\s*)+</p>', re.DOTALL)
SCREEN_ONLY = re.compile(r"<nav [^>]*data-course-screen-only[^>]*>.*?</nav>", re.DOTALL)
FAKE_HOST = "http://course.invalid/"


def rebase(fragment: str, from_url: str, to_url: str) -> str:
    """Rewrite relative links and image sources written for from_url so they work at to_url."""

    def fix(match: re.Match) -> str:
        attribute, value = match.group(1), match.group(2)
        if not value or EXTERNAL.match(html.unescape(value)):  # a mailto: link may come entity-encoded
            return match.group(0)
        absolute = urljoin(FAKE_HOST + from_url, html.unescape(value))
        path, hash_mark, fragment_id = absolute[len(FAKE_HOST) :].partition("#")
        target = get_relative_url(path or ".", to_url) if path else get_relative_url(".", to_url)
        if path.endswith("/") and not target.endswith("/"):
            target += "/"
        return f'{attribute}="{html.escape(target + hash_mark + fragment_id, quote=True)}"'

    return URL_ATTRIBUTE.sub(fix, fragment)


def without_quiz_buttons(fragment: str) -> str:
    """A printed module needs no 'Take the quiz' button (the worksheet follows it), nor the
    links to the other modules."""
    return SCREEN_ONLY.sub("", QUIZ_BUTTON.sub("", fragment))
