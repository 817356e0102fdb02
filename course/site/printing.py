"""What a printed page carries in its margins: the course's name and the page's address.

overrides/main.html writes them into an @page rule (print only) from the values made here;
docs/assets/print.css does the rest. The PDF handouts (course/handouts.py) keep the rule too.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

_UNSAFE = re.compile(r'[\\"<>\n\r\f]')


def css_string(text: str) -> str:
    """A CSS string literal holding text as it is, safe inside a <style> element."""
    return '"' + _UNSAFE.sub(lambda match: f"\\{ord(match.group(0)):x} ", text) + '"'


def page_address(site_url: str, page_url: str) -> str:
    """The published address of a page, also for the offline bundle's .html pages."""
    if page_url.endswith("index.html"):
        page_url = page_url[: -len("index.html")]
    elif page_url.endswith(".html"):
        page_url = page_url[: -len(".html")] + "/"
    return urljoin(site_url or "", page_url)


def page_marks(site_name: str, site_url: str, page_url: str) -> dict[str, str]:
    """The margin texts of a printed page, as CSS string literals."""
    return {"course": css_string(site_name), "address": css_string(page_address(site_url, page_url))}
