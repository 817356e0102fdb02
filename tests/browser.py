"""Real-browser helpers: Debian's Chromium driven by Playwright, pages served on loopback."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require_chromium() -> None:
    """Skip locally without Chromium; on CI a missing browser is a failure, never a skip."""
    if Path(CHROMIUM).exists() and shutil.which(CHROMIUM):
        return
    message = f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    no_store = False
    requested: list[str] | None = None

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass

    def send_head(self):
        if self.requested is not None:
            self.requested.append(self.path)
        return super().send_head()

    def end_headers(self) -> None:
        if self.no_store:
            self.send_header("Cache-Control", "no-store")
        super().end_headers()


@contextmanager
def serve(directory: Path, no_store: bool = False, requested: list[str] | None = None) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 and yield its base URL.

    no_store sends `Cache-Control: no-store` with every answer, so that the browser's HTTP
    cache cannot stand in for the service worker; requested, when given, collects the path
    of every GET or HEAD request the server answers.
    """
    options = {"no_store": no_store, "requested": requested}
    handler = functools.partial(type("_Handler", (_QuietHandler,), options), directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


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
        for option in question.locator("label.mdx-q__option").all()[:1]:
            option.click()
        for select in question.locator("select").all():
            select.select_option(index=1)
        for field in question.locator("input[type=text]").all():
            field.fill("x")
        question.locator("[data-action=check]").click()
