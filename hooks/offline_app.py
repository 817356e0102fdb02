"""Offline reading on phones: a service worker at the site root and a manifest per language.

The worker's code lives in docs/assets/sw.js; once every language is built, it is published
as sw.js at the site root with this build's file lists and version (course/site/offline.py),
beside one small "no connection" page per language. Pages refer to the course's own scripts
and style sheets by versioned addresses. The offline zip bundle (Material's offline plugin,
file://) gets none of this: a worker cannot run there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from course.quizzes import load as quiz_load
from course.site import bundle as course_bundle
from course.site import i18n as course_i18n
from course.site import offline as course_offline
from course.site import templates as course_templates

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

THEME_COLOUR = "#0b5a7a"  # --md-primary-fg-color in docs/assets/course.css
STORAGE_MARKER = "<!-- course:offline-storage -->"  # on the download pages
_names: dict[str, tuple[str, str | None]] = {}  # language -> site name and description
_storage_pages: set[tuple[str, str]] = set()  # (language, page file) showing the offline storage box


def on_files(files: Files, config: MkDocsConfig) -> Files:
    source = files.get_file_from_path(course_offline.WORKER_SOURCE)
    if source is not None:
        files.remove(source)  # published at the root by on_post_build, not under assets/
    docs = Path(config.docs_dir).resolve()
    own = {
        f.dest_uri: Path(f.abs_src_path)
        for f in files
        if f.abs_src_path and docs in Path(f.abs_src_path).resolve().parents
    }
    config.extra["course_asset_versions"] = course_offline.asset_versions(
        {name: path for name, path in own.items() if name.startswith(course_offline.SHARED_FOLDERS)}
    )
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
        "store": quiz_load.storage_namespace(config.site_url),
    }
    return context


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if STORAGE_MARKER not in html or course_bundle.is_offline_build(config):
        return html
    language = course_i18n.current_language(config)
    _storage_pages.add((language, page.file.dest_uri))
    box = course_templates.template(config, "partials/course-offline-storage.html").render(
        text=course_i18n.ui_text(config, language)
    )
    return html.replace(STORAGE_MARKER, box)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if course_bundle.is_offline_build(config):
        return output  # the zip is replaced whole; its addresses stay plain
    return course_offline.version_references(output, page.file.dest_uri, config.extra.get("course_asset_versions", {}))


@event_priority(-500)  # after static-i18n (and any search rework) finished every language
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if course_bundle.is_offline_build(config) or getattr(i18n, "building", False):
        return  # a language build inside static-i18n's loop: the outer build writes for all
    site = Path(config.site_dir)
    roots = course_i18n.language_roots(config)
    for language, root in roots.items():
        name, description = _names.get(language, (config.site_name, config.site_description))
        text = course_i18n.ui_text(config, language)
        manifest = course_offline.manifest(
            language, root, name, text["offline_short_name"], description or "", THEME_COLOUR
        )
        (site / root).mkdir(parents=True, exist_ok=True)
        (site / root / course_offline.MANIFEST).write_text(manifest, encoding="utf-8")
        page = course_templates.template(config, "partials/course-offline-page.html")
        homes = {other: "../" * root.count("/") + other_root or "./" for other, other_root in roots.items()}
        html = page.render(language=language, text=text, homes=homes)
        (site / root / course_offline.OFFLINE_PAGE).write_text(html, encoding="utf-8")
    lists = course_offline.language_files(site, roots, config.extra.get("course_asset_versions", {}))
    for language, dest in sorted(_storage_pages):
        target = site / dest
        if target.is_file() and language in lists:
            size = course_offline.size_text(
                course_offline.size(site, lists[language]), course_i18n.ui_text(config, language), language
            )
            target.write_text(course_offline.fill_size(target.read_text(encoding="utf-8"), size), encoding="utf-8")
    source = Path(config.docs_dir, course_offline.WORKER_SOURCE).read_text(encoding="utf-8")
    worker = course_offline.worker_text(source, course_offline.version(site, lists), lists, roots)
    (site / course_offline.WORKER).write_text(worker, encoding="utf-8")
