"""Real-browser helpers: Debian's Chromium driven by Playwright, pages served on loopback."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from course.browsing import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: F401 - used by the tests through this module

# A cheap Android phone, as the course's readers in Tajikistan have: page_in(**PHONE)
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


def require_chromium() -> None:
    """Skip locally without Chromium; on CI a missing browser is a failure, never a skip."""
    if Path(CHROMIUM).exists() and shutil.which(CHROMIUM):
        return
    message = f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def keep_requests_inside(context, inside: str) -> list[str]:
    """Let the pages load only what starts with `inside` (plus data:, blob:, about:); every
    other request is blocked and listed in the returned list, which fills as pages load."""
    outside: list[str] = []

    def guard(route) -> None:
        url = route.request.url
        if url.startswith(inside) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    return outside


def answer_every_question(page) -> None:
    """Some answer to every question of a quiz page (whatever its language), each checked."""
    for question in page.locator("fieldset.mdx-q").all():
        answer_hurriedly(question)


def answer_hurriedly(question) -> None:
    """Some answer to one question, as a hurried learner gives it (the first choice, the
    first of each list, "x" in each field), then checked."""
    for option in question.locator("label.mdx-q__option").all()[:1]:
        option.click()
    for select in question.locator("select").all():
        select.select_option(index=1)
    for field in question.locator("input[type=text]").all():
        field.fill("x")
    question.locator("[data-action=check]").click()


def followed_address(page, link) -> str:
    """Tap or click a link to another website as a reader does; the address the browser then
    asked for (stopped there: the tests reach no host but the local one)."""
    asked: list[str] = []
    page.context.route(
        re.compile(r"^https?://(?!127\.0\.0\.1[:/]).*"), lambda route: (asked.append(route.request.url), route.abort())
    )
    link.click()
    page.wait_for_timeout(300)
    assert asked, "following the link asked for nothing"
    return asked[0]
