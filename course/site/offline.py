"""The offline copy for phones: what each language needs, the worker and the app manifests.

Plain functions over the built site folder; hooks/offline_app.py calls them once every
language has been built. Paths in the lists are relative to the site root, so the same
worker runs at the root of a server and under a project site's /<repository>/ path.

The course's own scripts and style sheets are referenced with their content's hash
('assets/quiz.js?v=1a2b3c4d5e'): after a new publication, a page never runs with the
previous build's files, even while the previous worker still answers (it knows no such
address and asks the network).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
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
OFFLINE_PAGE = "offline.html"  # per language root: what a reader sees offline for a page never saved
# Material's search scripts for lunr's languages: a reader needs only those of the index's
# languages (Material's search worker loads the same ones).
LUNR_FOLDER = "assets/javascripts/lunr/"
LUNR_SEGMENTERS = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}
VERSIONED_SUFFIXES = (".css", ".js")
_LOADED = re.compile(r"""\s(?:src|href)="([^"#?:]+)""")
_REFERENCE = re.compile(r'"([^"?#:\s]*assets/[^"?#:\s]+)([?#][^"\s]*)?"')


def language_files(site: Path, roots: dict[str, str], versions: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Files each language's reader needs offline, as paths relative to the site root.

    roots maps a language to its folder ('' for the default, 'ru/' ...). A language gets its
    own folder (pages as directory URLs), the shared assets, its search index with the lunr
    scripts of that index's languages only, and any other root file its pages load (images
    of pages shown in English, for instance). An asset in versions is listed at the address
    the pages use for it ('assets/quiz.js?v=...').
    """
    versions = versions or {}
    everything = [path.relative_to(site).as_posix() for path in sorted(site.rglob("*")) if path.is_file()]
    everything = [name for name in everything if _publishable(name)]
    searching = [name for name in everything if name.startswith(LUNR_FOLDER)]
    everything = [name for name in everything if not name.startswith(LUNR_FOLDER)]
    others = {root for root in roots.values() if root}
    shared = [name for name in everything if name.startswith(SHARED_FOLDERS)]
    lists: dict[str, list[str]] = {}
    for language, root in roots.items():
        own = [name for name in everything if name.startswith(root) and not _under(name, others - {root})]
        if root and SEARCH_INDEX in everything and f"{root}{SEARCH_INDEX}" not in own:
            own.append(SEARCH_INDEX)
        wanted = set(own) | set(shared)
        index = next((name for name in (f"{root}{SEARCH_INDEX}", SEARCH_INDEX) if name in own), None)
        if index:
            wanted |= set(search_scripts(_index_languages(site / index))) & set(searching)
        for page in [name for name in own if name.endswith(".html")]:
            wanted |= _loaded_files(site, page, set(everything))
        lists[language] = sorted(_as_url(name) + (f"?v={versions[name]}" if name in versions else "") for name in wanted)
    return lists


def search_scripts(languages: list[str]) -> list[str]:
    """Material's lunr scripts that a search index in these languages loads (none for English)."""
    others = [language for language in languages if language != "en"]
    if not others:
        return []
    scripts = [f"{LUNR_FOLDER}min/lunr.stemmer.support.min.js"]
    for language in others:
        if language in LUNR_SEGMENTERS:
            scripts.append(LUNR_FOLDER + LUNR_SEGMENTERS[language])
        scripts.append(f"{LUNR_FOLDER}min/lunr.{language}.min.js")
    if len(languages) > 1:
        scripts.append(f"{LUNR_FOLDER}min/lunr.multi.min.js")
    return scripts


def size(site: Path, urls: list[str]) -> int:
    """Bytes a language's offline copy takes (the files as published, before compression)."""
    return sum(_file_of(site, url.split("?", 1)[0]).stat().st_size for url in urls)


def size_text(size_bytes: int, text: dict[str, str], language: str) -> str:
    """'about 3.1 MB' in the reader's language (a decimal comma outside English)."""
    megabytes = f"{max(size_bytes / 1_000_000, 0.1):.1f}"
    return text["offline_size"].replace("#", megabytes if language == "en" else megabytes.replace(".", ","))


def fill_size(html: str, size_text: str) -> str:
    """Write the copy's size into the download page's storage box (course-offline-storage.html)."""
    return html.replace('data-offline-size=""', f'data-offline-size="{escape(size_text, quote=True)}"')


def asset_versions(assets: dict[str, Path], read: Callable[[Path], bytes] = Path.read_bytes) -> dict[str, str]:
    """The version each course script and style sheet's address carries: a short hash of its
    content. assets maps a site path ('assets/quiz.js') to the file it is published from."""
    return {
        name: hashlib.sha256(read(path)).hexdigest()[:10]
        for name, path in sorted(assets.items())
        if name.endswith(VERSIONED_SUFFIXES) and not name.endswith(".min.js")  # scripts a worker imports by name
    }


def version_references(html: str, page_dest: str, versions: dict[str, str]) -> str:
    """Give every reference in a page to a versioned course asset its version.

    page_dest is the page's file relative to the site root ('ru/about/index.html'); versions
    maps an asset's site path ('assets/quiz.js') to its version. Attribute values and the
    addresses in Material's page configuration are both rewritten; a fragment is kept.
    """
    folder = page_dest.rsplit("/", 1)[0] + "/" if "/" in page_dest else ""

    def stamp(match: re.Match) -> str:
        target, rest = match.group(1), match.group(2) or ""
        version = versions.get(_normalise(folder + target))
        if version is None:
            return match.group(0)
        query, hash_mark, fragment = rest.partition("#")
        query = f"{query}&v={version}" if query.startswith("?") else f"?v={version}"
        return f'"{target}{query}{hash_mark}{fragment}"'

    return _REFERENCE.sub(stamp, html)


@dataclass(frozen=True)
class LanguageApp:
    """What one language's offline app shows: its names, its interface text and its offline page."""

    name: str
    description: str
    text: dict[str, str]
    offline_page: str  # the rendered "no connection" page (HTML)


def publish(
    site: Path,
    roots: dict[str, str],
    apps: dict[str, LanguageApp],
    storage_pages: set[tuple[str, str]],
    versions: dict[str, str],
    worker_source: str,
    colour: str,
) -> None:
    """Write each language's manifest and offline page, the sizes on the download pages that
    show the storage box ((language, page file) pairs) and the worker at the site root."""
    for language, root in roots.items():
        app = apps[language]
        (site / root).mkdir(parents=True, exist_ok=True)
        text = manifest(language, root, app.name, app.text["offline_short_name"], app.description, colour)
        (site / root / MANIFEST).write_text(text, encoding="utf-8")
        (site / root / OFFLINE_PAGE).write_text(app.offline_page, encoding="utf-8")
    lists = language_files(site, roots, versions)
    for language, dest in sorted(storage_pages):
        target = site / dest
        if target.is_file() and language in lists:
            shown = size_text(size(site, lists[language]), apps[language].text, language)
            target.write_text(fill_size(target.read_text(encoding="utf-8"), shown), encoding="utf-8")
    worker = worker_text(worker_source, version(site, lists), lists, roots)
    (site / WORKER).write_text(worker, encoding="utf-8")


def version(site: Path, lists: dict[str, list[str]]) -> str:
    """A short hash of every listed file: a new build with any change gets a new version."""
    digest = hashlib.sha256()
    for url in sorted({url for urls in lists.values() for url in urls}):
        digest.update(url.encode("utf-8") + b"\0")
        digest.update(_file_of(site, url.split("?", 1)[0]).read_bytes())
    return digest.hexdigest()[:16]


def worker_text(source: str, build_version: str, lists: dict[str, list[str]], roots: dict[str, str]) -> str:
    """The worker's source with this build's version, file lists and language folders filled in."""
    if DATA_MARKER not in source:
        raise PluginError(f"docs/{WORKER_SOURCE}: the line holding '{DATA_MARKER}' is missing; put it back")
    data = {"version": build_version, "languages": lists, "roots": roots, "offlinePage": OFFLINE_PAGE}
    return source.replace(DATA_MARKER, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


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


def _index_languages(index: Path) -> list[str]:
    try:
        languages = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", [])
    except (OSError, ValueError, AttributeError):
        return []
    return [str(language) for language in languages] if isinstance(languages, list) else []


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
