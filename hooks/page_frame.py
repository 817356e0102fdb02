"""What surrounds every page: the reader's language, notices, footer and 404 links.

The HTML lives in overrides/ (main.html, partials/course-*.html); this hook only hands the
templates plain values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from course.languages import LANGUAGE_ROOTS, LANGUAGES
from course.site import corrections as course_corrections
from course.site import i18n as course_i18n
from course.site import page_html
from course.site import printing as course_printing
from course.site import templates as course_templates

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return page_html.repaired_content(html, course_i18n.ui_text(config, course_i18n.current_language(config)))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return page_html.labelled_search_dialog(output, course_i18n.ui_text(config, course_i18n.current_language(config)))


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    language = course_i18n.current_language(config)
    context["course_language"] = language
    context["course_text"] = course_i18n.ui_text(config, language)
    page_locale = getattr(page.file, "locale", language)
    context["course_fallback"] = page_locale != language
    context["course_draft"] = (
        str(page.meta.get("translation", "")).lower() == "draft" and not context["course_fallback"]
    )
    try:
        context["course_correction"] = course_corrections.correction(
            config.extra, page.title or "", page.canonical_url or page.url, context["course_text"]
        )
    except course_corrections.CorrectionsError as error:
        raise PluginError(str(error)) from None
    context["course_print"] = course_printing.page_marks(config.site_name, config.site_url or "", page.url)
    return context


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["course_languages"] = LANGUAGES
    env.globals["course_language_roots"] = LANGUAGE_ROOTS
    env.globals["course_all_text"] = {lang: course_i18n.ui_text(config, lang) for lang in LANGUAGES}
    base = urlsplit(config.site_url or "/").path.rstrip("/")
    env.globals["course_homes"] = {lang: f"{base}/{root}" for lang, root in LANGUAGE_ROOTS.items()}
    env.globals["course_theme_bundle"] = course_templates.theme_bundle(config)
    return env
