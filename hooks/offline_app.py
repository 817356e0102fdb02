"""Offline reading on phones: a service worker at the site root and a manifest per language.

The worker's code lives in docs/assets/sw.js; once every language is built, it is published
as sw.js at the site root with this build's file lists and version (course_offline.py). The
offline zip bundle (Material's offline plugin, file://) gets neither: a worker cannot run there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from course.site import bundle as course_bundle
from course.site import i18n as course_i18n
from course.site import offline as course_offline

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

THEME_COLOUR = "#0b5a7a"  # --md-primary-fg-color in docs/assets/course.css
_names: dict[str, tuple[str, str | None]] = {}  # language -> site name and description


def on_files(files: Files, config: MkDocsConfig) -> Files:
    source = files.get_file_from_path(course_offline.WORKER_SOURCE)
    if source is not None:
        files.remove(source)  # published at the root by on_post_build, not under assets/
    return files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if course_bundle.is_offline_build(config):
        context["course_offline"] = None
        return context
    language = course_i18n.current_language(config)
    _names[language] = (config.site_name, config.site_description)  # this language's, as i18n set them
    context["course_offline"] = {
        "worker": course_offline.WORKER,
        "manifest": course_i18n.language_root(config, language) + course_offline.MANIFEST,
    }
    return context


@event_priority(-500)  # after static-i18n (and any search rework) finished every language
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if course_bundle.is_offline_build(config) or getattr(i18n, "building", False):
        return  # a language build inside static-i18n's loop: the outer build writes for all
    site = Path(config.site_dir)
    roots = course_i18n.language_roots(config)
    for language, root in roots.items():
        name, description = _names.get(language, (config.site_name, config.site_description))
        short_name = course_i18n.ui_text(config, language)["offline_short_name"]
        text = course_offline.manifest(language, root, name, short_name, description or "", THEME_COLOUR)
        (site / root).mkdir(parents=True, exist_ok=True)
        (site / root / course_offline.MANIFEST).write_text(text, encoding="utf-8")
    lists = course_offline.language_files(site, roots)
    source = Path(config.docs_dir, course_offline.WORKER_SOURCE).read_text(encoding="utf-8")
    worker = course_offline.worker_text(source, course_offline.version(site, lists), lists)
    (site / course_offline.WORKER).write_text(worker, encoding="utf-8")
