"""Search in the reader's language: one index per language instead of static-i18n's single one.

static-i18n gathers every language's entries into search/search_index.json. These plain
functions split it by the entries' location prefix ('ru/', 'tg/'; everything else is the
default language), write each part under its language's folder with locations relative to
that folder, and point a page's search at its language's folder and at the course's search
worker (docs/assets/javascripts/workers/course-search.js), which loads Material's. Material's
search fetches 'search/search_index.json' (or, on file://, loads 'search/search_index.js')
relative to the `base` in the page's `__config` block and resolves result links against it.

On the website the index a page fetches is a stub, the settings without the pages; the pages
(search/search_docs.json) are fetched by the course's worker when the reader first searches.
The offline bundle keeps the whole index in its script, which Material loads itself only when
the search box is opened.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from jinja2.utils import htmlsafe_json_dumps

from course.languages import LETTER_FOLD

INDEX_JSON = "search/search_index.json"
INDEX_SCRIPT = "search/search_index.js"
DOCS_JSON = "search/search_docs.json"  # the pages of a stub index, fetched on the first search
# Languages whose query words are reduced to their stem by lunr-languages' stemmer.
QUERY_STEMMERS = ("ru",)
# Languages searched through the course's own lunr support (lunr.<code>.min.js in
# docs/assets/javascripts/lunr/min/), which folds letters in the index and the queries.
OWN_LUNR = ("tg",)
LUNR_FOLDER = "assets/javascripts/lunr/min"
FOLD_MARKER = "/* course:letter-fold */ null"
WORKERS = "assets/javascripts/workers"  # Material's search worker and the course's beside it
COURSE_WORKER = "course-search.js"
_CONFIG_BLOCK = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def split_index(data: dict, roots: dict[str, str], worker: str, lazy: bool) -> dict[str, dict]:
    """One index per language; roots maps a language to its folder ('' for the default one).

    Locations lose their language prefix, because each index is read relative to its own
    language folder. The default language gets lunr's English pipeline only: its pages hold
    no Cyrillic, and the reader's browser then loads no Russian stemmer for it. A language in
    OWN_LUNR gets the course's lunr support only.

    The pipeline stays Material's (no stemmer): Material turns every query word into a
    prefix query ("доклад*"), which lunr does not stem, so a stemmed index would stop
    matching whole words ("тройка*" against the stem "тройк"). Instead, for a language in
    QUERY_STEMMERS, the course's search worker stems the query words ("тройке" -> "тройк*"),
    so every form of a word finds the others.

    Each config names Material's worker (`worker`) for the course's worker to load, and with
    lazy, where the pages are (`docs`, relative to the workers' folder).
    """
    prefixes = {language: root for language, root in roots.items() if root}
    default = next((language for language, root in roots.items() if not root), None)
    parts: dict[str, list[dict]] = {language: [] for language in roots}
    for entry in data.get("docs", []):
        location = entry.get("location", "")
        language = next((lang for lang, root in prefixes.items() if location.startswith(root)), default)
        if language is None:
            continue
        parts[language].append({**entry, "location": location[len(roots[language]) :]})
    indexes = {}
    for language, docs in parts.items():
        config = dict(data.get("config", {}))
        if language == default and "en" in config.get("lang", []):
            config["lang"] = ["en"]
        if language in OWN_LUNR:
            config["lang"] = [language]
        if language in QUERY_STEMMERS and language in config.get("lang", []):
            config["query_stemmer"] = language  # read by the course's worker, ignored by Material's
        config["worker"] = worker
        if lazy:
            config["docs"] = "../" * (WORKERS.count("/") + 1) + roots[language] + DOCS_JSON
        indexes[language] = {"config": config, "docs": docs}
    return indexes


def index_text(index: dict) -> str:
    """Compact JSON that keeps Cyrillic as UTF-8 (2 bytes a letter, not 6 for a \\uXXXX escape)."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str)


def write_indexes(site: Path, indexes: dict[str, dict], roots: dict[str, str], script: bool) -> list[Path]:
    """Write each language's index (and, for file://, its script form); return the paths.

    An index whose config names its `docs` is written as a stub plus the pages apart.
    """
    written = []
    for language, index in indexes.items():
        folder = site / roots[language]
        (folder / INDEX_JSON).parent.mkdir(parents=True, exist_ok=True)
        if "docs" in index["config"]:
            (folder / INDEX_JSON).write_text(index_text({**index, "docs": []}), encoding="utf-8")
            (folder / DOCS_JSON).write_text(index_text(index["docs"]), encoding="utf-8")
            written += [folder / INDEX_JSON, folder / DOCS_JSON]
        else:
            (folder / INDEX_JSON).write_text(index_text(index), encoding="utf-8")
            written.append(folder / INDEX_JSON)
        if script:
            # Material's offline search reads the global `__index` set by this script.
            (folder / INDEX_SCRIPT).write_text(f"var __index = {index_text(index)}", encoding="utf-8")
            written.append(folder / INDEX_SCRIPT)
    return written


def material_worker(site: Path) -> str:
    """The file name of Material's search worker in the built site (hashed by the theme)."""
    found = sorted(path.name for path in (site / WORKERS).glob("search.*.min.js"))
    if len(found) != 1:
        raise ValueError(f"{site / WORKERS}: expected one search.*.min.js from the theme, found {found or 'none'}")
    return found[0]


def write_letter_fold(site: Path) -> list[Path]:
    """Fill LETTER_FOLD into the course's lunr support files (the one table the quizzes use)."""
    written = []
    for language in OWN_LUNR:
        path = site / LUNR_FOLDER / f"lunr.{language}.min.js"
        text = path.read_text(encoding="utf-8")
        if FOLD_MARKER not in text:
            raise ValueError(f"{path}: the line holding '{FOLD_MARKER}' is missing; put it back")
        table = json.dumps(LETTER_FOLD, ensure_ascii=False)
        path.write_text(text.replace(FOLD_MARKER, table), encoding="utf-8")
        written.append(path)
    return written


def point_search_at(html: str, root: str) -> str:
    """Make the page's search use the index under root ('ru/') and the course's worker.

    The base is the relative path to the site root ('../..'); the language folder is
    appended. Only the search index and result links are resolved against it.
    """
    match = _CONFIG_BLOCK.search(html)
    if match is None:
        return html
    config = json.loads(match.group(2))
    if root:
        base = str(config.get("base", "."))
        config["base"] = base.rstrip("/") + "/" + root
    worker = str(config.get("search", ""))
    if "/" in worker:
        config["search"] = worker.rpartition("/")[0] + "/" + COURSE_WORKER
    block = match.group(1) + str(htmlsafe_json_dumps(config, ensure_ascii=False)) + match.group(3)
    return html[: match.start()] + block + html[match.end() :]
