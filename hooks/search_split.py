"""Search in the reader's language: a search on a Tajik page lists Tajik pages only.

static-i18n writes one index for every language. Once the last language is built, this hook
splits it into search/search_index.json at the root (English), ru/search/... and
tg/search/... (on the website a stub whose pages come on the first search; in the offline
bundle the search_index.js form read on file://), fills the letter table into the Tajik search
support, and points each page's search at its own language's folder and at the course's
search worker. Logic: course/site/search.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course.site import bundle as course_bundle
from course.site import i18n as course_i18n
from course.site import search as course_search

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    root = course_i18n.language_root(config, course_i18n.current_language(config))
    return course_search.point_search_at(output, root)


@event_priority(-200)  # after static-i18n's final post_build wrote the combined index, and after offline
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # one language inside static-i18n's loop; the outer build splits all of them
    site = Path(config.site_dir)
    combined = site / course_search.INDEX_JSON
    if not combined.is_file():
        return  # search plugin disabled
    try:
        data = json.loads(combined.read_text(encoding="utf-8"))
    except ValueError as error:
        raise PluginError(
            f"{combined}: the search index written by the search plugin is not valid JSON ({error}); rebuild with a clean site folder"
        ) from None
    roots = course_i18n.language_roots(config)
    offline = course_bundle.is_offline_build(config)
    try:
        worker = course_search.material_worker(site)
        course_search.write_letter_fold(site)
    except ValueError as error:
        raise PluginError(str(error)) from None
    indexes = course_search.split_index(data, roots, worker, lazy=not offline)
    course_search.write_indexes(site, indexes, roots, script=offline)
