"""Reading built pages: resources they load, links they contain."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# Attributes through which a page makes the browser fetch something.
_LOADING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "embed": ("src",),
    "object": ("data",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href",),
    "use": ("href",),
}
_LOADING_LINK_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "modulepreload",
    "manifest",
    "apple-touch-icon",
    "shortcut",
}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""")
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""")


class _LoadCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in _LOADING_ATTRIBUTES.get(tag, ()):
            if values.get(name):
                self.urls.extend(part.split()[0] for part in values[name].split(",") if part.strip())
        if tag == "link" and set(values.get("rel", "").lower().split()) & _LOADING_LINK_RELS:
            self.urls.append(values.get("href", ""))
        if "style" in values:
            self.urls.extend(_CSS_URL.findall(values["style"]))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls.extend(_CSS_URL.findall(data) + _CSS_IMPORT.findall(data))


def loaded_urls(path: Path) -> list[str]:
    """Every URL a built HTML or CSS file makes the browser fetch."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".css":
        return sorted(set(_CSS_URL.findall(text) + _CSS_IMPORT.findall(text)))
    collector = _LoadCollector()
    collector.feed(text)
    return collector.urls


def is_third_party(url: str) -> bool:
    """True for a URL that reaches another host (http(s), protocol-relative)."""
    parts = urlsplit(url.strip())
    if parts.scheme in ("http", "https") or url.strip().startswith("//"):
        return parts.hostname not in ("127.0.0.1", "localhost")
    return False


def third_party_loads(site: Path) -> dict[str, list[str]]:
    """Built HTML/CSS files that load anything from another host, with those URLs."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".css") or not path.is_file():
            continue
        bad = [url for url in loaded_urls(path) if is_third_party(url)]
        if bad:
            found[path.relative_to(site).as_posix()] = bad
    return found
