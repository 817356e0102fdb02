"""robots.txt for the website: every page may be crawled, and the sitemap is named.

The sitemap (static-i18n's) lists each page with its language versions as hreflang links
with absolute addresses; page heads carry none (see overrides/main.html). A search engine
reads robots.txt at the root of a host: on a custom domain or a user site this file is that
one; on a project site (user.github.io/<repository>/) submit sitemap.xml in the search
engine's webmaster tools instead.
"""

from __future__ import annotations

NAME = "robots.txt"


def robots_txt(site_url: str) -> str:
    """The file's text; site_url is the published address ending in '/'."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
