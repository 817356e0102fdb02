"""Search in the reader's language: one index per language instead of static-i18n's single one.

static-i18n gathers every language's entries into search/search_index.json. These plain
functions split it by the entries' location prefix ('ru/', 'tg/'; everything else is the
default language), write each part under its language's folder with locations relative to
that folder, and point a page's search at its language's folder. Material's search fetches
'search/search_index.json' (or, on file://, loads 'search/search_index.js') relative to the
`base` in the page's `__config` block and resolves result links against the same base.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from jinja2.utils import htmlsafe_json_dumps

INDEX_JSON = "search/search_index.json"
INDEX_SCRIPT = "search/search_index.js"
# Languages whose query words are reduced to their stem by lunr-languages' stemmer.
QUERY_STEMMERS = ("ru",)
STEMMING_WORKER = "course-search.js"  # docs/assets/javascripts/workers/, beside Material's worker
_CONFIG_BLOCK = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def split_index(data: dict, roots: dict[str, str]) -> dict[str, dict]:
    """One index per language; roots maps a language to its folder ('' for the default one).

    Locations lose their language prefix, because each index is read relative to its own
    language folder. The default language gets lunr's English pipeline only: its pages hold
    no Cyrillic, and the reader's browser then loads no Russian stemmer for it.

    The pipeline stays Material's (no stemmer): Material turns every query word into a
    prefix query ("доклад*"), which lunr does not stem, so a stemmed index would stop
    matching whole words ("тройка*" against the stem "тройк"). Instead, for a language in
    QUERY_STEMMERS, the pages' search worker stems the query words ("тройке" -> "тройк*"),
    so every form of a word finds the others.
    """
    prefixes = {language: root for language, root in roots.items() if root}
    default = next((language for language, root in roots.items() if not root), None)
    parts: dict[str, list[dict]] = {language: [] for language in roots}
    for entry in data.get("docs", []):
        location = entry.get("location", "")
        language = next((lang for lang, root in prefixes.items() if location.startswith(root)), default)
        if language is None:
            continue
        parts[language].append({**entry, "location": location[len(roots[language]):]})
    indexes = {}
    for language, docs in parts.items():
        config = dict(data.get("config", {}))
        if language == default and "en" in config.get("lang", []):
            config["lang"] = ["en"]
        if language in QUERY_STEMMERS and language in config.get("lang", []):
            config["query_stemmer"] = language  # read by STEMMING_WORKER, ignored by Material's
        indexes[language] = {"config": config, "docs": docs}
    return indexes


def index_text(index: dict) -> str:
    """Compact JSON that keeps Cyrillic as UTF-8 (2 bytes a letter, not 6 for a \\uXXXX escape)."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str)


def write_indexes(site: Path, indexes: dict[str, dict], roots: dict[str, str], script: bool) -> list[Path]:
    """Write each language's index (and, for file://, its script form); return the paths."""
    written = []
    for language, index in indexes.items():
        text = index_text(index)
        target = site / roots[language] / INDEX_JSON
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
        if script:
            # Material's offline search reads the global `__index` set by this script.
            script_path = site / roots[language] / INDEX_SCRIPT
            script_path.write_text(f"var __index = {text}", encoding="utf-8")
            written.append(script_path)
    return written


def point_search_at(html: str, root: str, stem_queries: bool = False) -> str:
    """Make the page's search use the index under root ('ru/'): rebase `__config`'s base.

    The base is the relative path to the site root ('../..'); the language folder is
    appended. Only the search index and result links are resolved against it. With
    stem_queries, the page's search worker becomes STEMMING_WORKER, which loads Material's
    worker (named after '#') and stems the query words first.
    """
    match = _CONFIG_BLOCK.search(html)
    if not (root or stem_queries) or match is None:
        return html
    config = json.loads(match.group(2))
    if root:
        base = str(config.get("base", "."))
        config["base"] = base.rstrip("/") + "/" + root
    worker = str(config.get("search", ""))
    if stem_queries and "/" in worker:
        folder, _, material = worker.rpartition("/")
        config["search"] = f"{folder}/{STEMMING_WORKER}#{material}"
    block = match.group(1) + str(htmlsafe_json_dumps(config)) + match.group(3)
    return html[: match.start()] + block + html[match.end():]
