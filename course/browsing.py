"""A built site served on 127.0.0.1, and the Chromium that opens it: for the browser tests
and `make bench`.

Chromium is Debian's (`apt-get install chromium`), never one Playwright downloads. One small static server with three switches: gzip for text files with GitHub Pages' ten-minute
cache lifetime (what Lighthouse should measure), `Cache-Control: no-store` (so that the
browser's HTTP cache cannot stand in for the service worker), and a list that collects the
path of every request answered.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest", ".map"}
PAGES_CACHE = "max-age=600"  # what GitHub Pages sends


class _Handler(http.server.SimpleHTTPRequestHandler):
    compress = False
    no_store = False
    requested: list[str] | None = None
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".webmanifest": "application/manifest+json",
    }

    def send_head(self):  # type: ignore[no-untyped-def]
        if self.requested is not None:
            self.requested.append(self.path)
        if not self.compress or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        if not path.is_file() or path.suffix not in COMPRESSED:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def end_headers(self) -> None:
        if self.no_store:
            self.send_header("Cache-Control", "no-store")
        elif self.compress:
            self.send_header("Cache-Control", PAGES_CACHE)
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass


class _Body:
    """A file-like object over bytes already in memory (what send_head must return)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        """A browser that drops a connection it no longer needs (a page left while it loads)
        is normal here; anything else is printed as the base class does."""
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(
    site: Path,
    *,
    compress: bool = False,
    no_store: bool = False,
    requested: list[str] | None = None,
    port: int = 0,
    share_port: bool = False,
) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 and yield its base URL ("http://127.0.0.1:<port>/").

    port 0 takes a free one. share_port lets other processes serve the same folder on the same
    port at once (SO_REUSEPORT; the system hands each connection to one of them): the test
    processes share one site built for one address."""
    options = {"compress": compress, "no_store": no_store, "requested": requested}
    handler = functools.partial(type("Handler", (_Handler,), options), directory=str(site))
    server_class = type("Server", (_Server,), {"allow_reuse_port": share_port})
    server = server_class(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
