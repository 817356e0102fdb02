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
from course.site import session
from course.site import templates as course_templates

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

THEME_COLOUR = "#0b5a7a"  # --md-primary-fg-color in docs/assets/course.css
STORAGE_MARKER = "<!-- course:offline-storage -->"  # on the download pages


def site_names(config: MkDocsConfig) -> dict[str, tuple[str, str | None]]:
    """Each language's site name and description, as static-i18n set them for its build."""
    return session.once_per_build(config, "site_names", dict)


def storage_pages(config: MkDocsConfig) -> set[tuple[str, str]]:
    """(language, page file) of the pages that show the offline storage box."""
    return session.once_per_build(config, "storage_pages", set)


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
    sources = session.course_for(config).sources
    versioned = {name: path for name, path in own.items() if name.startswith(course_offline.SHARED_FOLDERS)}
    session.once_per_build(config, "asset_versions", lambda: course_offline.asset_versions(versioned, sources.bytes))
    return files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if course_bundle.is_offline_build(config):
        context["course_offline"] = None
        return context
    language = course_i18n.current_language(config)
    site_names(config)[language] = (config.site_name, config.site_description)  # this language's, as i18n set them
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
    storage_pages(config).add((language, page.file.dest_uri))
    box = course_templates.template(config, "partials/course-offline-storage.html").render(
        text=course_i18n.ui_text(config, language)
    )
    return html.replace(STORAGE_MARKER, box)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if course_bundle.is_offline_build(config):
        return output  # the zip is replaced whole; its addresses stay plain
    return course_offline.version_references(
        output, page.file.dest_uri, session.once_per_build(config, "asset_versions", dict)
    )


@event_priority(-500)  # after static-i18n (and any search rework) finished every language
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if course_bundle.is_offline_build(config) or getattr(i18n, "building", False):
        return  # a language build inside static-i18n's loop: the outer build writes for all
    roots = course_i18n.language_roots(config)
    page = course_templates.template(config, "partials/course-offline-page.html")
    apps = {}
    for language, root in roots.items():
        name, description = site_names(config).get(language, (config.site_name, config.site_description))
        text = course_i18n.ui_text(config, language)
        homes = {other: "../" * root.count("/") + other_root or "./" for other, other_root in roots.items()}
        offline_page = page.render(language=language, text=text, homes=homes)
        apps[language] = course_offline.LanguageApp(name, description or "", text, offline_page)
    course_offline.publish(
        Path(config.site_dir),
        roots,
        apps,
        storage_pages(config),
        session.once_per_build(config, "asset_versions", dict),
        Path(config.docs_dir, course_offline.WORKER_SOURCE).read_text(encoding="utf-8"),
        THEME_COLOUR,
    )
