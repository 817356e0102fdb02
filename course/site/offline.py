"""The offline copy for phones: what each language needs, the worker and the app manifests.

Plain functions over the built site folder; hooks/offline_app.py calls them once every
language has been built. Paths in the lists are relative to the site root, so the same
worker runs at the root of a server and under a project site's /<repository>/ path.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

WORKER_SOURCE = "assets/sw.js"  # in docs_dir; never published there
WORKER = "sw.js"  # published at the site root so that its scope covers every language
MANIFEST = "manifest.webmanifest"
DATA_MARKER = "/* course:offline-data */ null"
SKIPPED_NAMES = {WORKER, "404.html", "sitemap.xml", "sitemap.xml.gz"}
SKIPPED_SUFFIXES = (".zip", ".gz", ".map")
SHARED_FOLDERS = ("assets/",)
SEARCH_INDEX = "search/search_index.json"
_LOADED = re.compile(r"""\s(?:src|href)="([^"#?:]+)""")


def language_files(site: Path, roots: dict[str, str]) -> dict[str, list[str]]:
    """Files each language's reader needs offline, as paths relative to the site root.

    roots maps a language to its folder ('' for the default, 'ru/' ...). A language gets its
    own folder (pages as directory URLs), the shared assets, its search index and any other
    root file its pages load (images of pages shown in English, for instance).
    """
    everything = [path.relative_to(site).as_posix() for path in sorted(site.rglob("*")) if path.is_file()]
    everything = [name for name in everything if _publishable(name)]
    others = {root for root in roots.values() if root}
    shared = [name for name in everything if name.startswith(SHARED_FOLDERS)]
    lists: dict[str, list[str]] = {}
    for language, root in roots.items():
        own = [name for name in everything if name.startswith(root) and not _under(name, others - {root})]
        if root and SEARCH_INDEX in everything and f"{root}{SEARCH_INDEX}" not in own:
            own.append(SEARCH_INDEX)
        wanted = set(own) | set(shared)
        for page in [name for name in own if name.endswith(".html")]:
            wanted |= _loaded_files(site, page, set(everything))
        lists[language] = sorted(_as_url(name) for name in wanted)
    return lists


def version(site: Path, lists: dict[str, list[str]]) -> str:
    """A short hash of every listed file: a new build with any change gets a new version."""
    digest = hashlib.sha256()
    for url in sorted({url for urls in lists.values() for url in urls}):
        digest.update(url.encode("utf-8") + b"\0")
        digest.update(_file_of(site, url).read_bytes())
    return digest.hexdigest()[:16]


def worker_text(source: str, build_version: str, lists: dict[str, list[str]]) -> str:
    """The worker's source with this build's version and file lists filled in."""
    if DATA_MARKER not in source:
        raise PluginError(f"docs/{WORKER_SOURCE}: the line holding '{DATA_MARKER}' is missing; put it back")
    data = json.dumps({"version": build_version, "languages": lists}, ensure_ascii=False, separators=(",", ":"))
    return source.replace(DATA_MARKER, data)


def manifest(language: str, root: str, name: str, short_name: str, description: str, colour: str) -> str:
    """The web app manifest of one language, written at <root>manifest.webmanifest."""
    to_site_root = "../" * root.count("/") or "./"
    data = {
        "id": "./",
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": language,
        "dir": "ltr",
        "start_url": "./",
        "scope": to_site_root,
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": colour,
        "icons": [
            {"src": f"{to_site_root}assets/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any maskable"},
            {"src": f"{to_site_root}assets/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any maskable"},
            {"src": f"{to_site_root}assets/logo.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _publishable(name: str) -> bool:
    return name.rsplit("/", 1)[-1] not in SKIPPED_NAMES and not name.endswith(SKIPPED_SUFFIXES)


def _under(name: str, roots: set[str]) -> bool:
    return any(name.startswith(root) for root in roots)


def _as_url(name: str) -> str:
    """'ru/about/index.html' -> 'ru/about/' (how readers reach pages); root index -> './'."""
    if name == "index.html":
        return "./"
    return name[: -len("index.html")] if name.endswith("/index.html") else name


def _file_of(site: Path, url: str) -> Path:
    return site / ("index.html" if url == "./" else f"{url}index.html" if url.endswith("/") else url)


def _loaded_files(site: Path, page: str, existing: set[str]) -> set[str]:
    """Site files a page refers to by a relative src or href (pages, images, scripts)."""
    folder = page.rsplit("/", 1)[0] + "/" if "/" in page else ""
    found = set()
    for target in _LOADED.findall((site / page).read_text(encoding="utf-8", errors="replace")):
        if target.startswith("/") or target.endswith("/"):
            continue
        resolved = _normalise(folder + target)
        if resolved in existing and not resolved.endswith(".html"):
            found.add(resolved)
    return found


def _normalise(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)
