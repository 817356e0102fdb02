"""What surrounds every page: the reader's language, notices, footer and 404 links.

The HTML lives in overrides/ (main.html, partials/course-*.html); this hook only hands the
templates plain values.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from course.languages import LANGUAGE_ROOTS, LANGUAGES
from course.site import corrections as course_corrections
from course.site import i18n as course_i18n
from course.site import printing as course_printing
from course.site import templates as course_templates

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

PERMALINK_TITLE = 'title="Link to this section"'
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
ABBREVIATION = re.compile(r"<abbr title=")
# pymdownx.tasklist: '<li class="task-list-item"><label ...><input ... disabled/>...</label> text</li>'
TASK_ITEM = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled'
    r"(?: checked)?)(/>.*?</label>)(.*?)(?=</li>|<ul|<ol)",
    re.DOTALL,
)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    text = course_i18n.ui_text(config, course_i18n.current_language(config))
    # The toc extension takes one permalink title for all languages; translate it here.
    html = html.replace(PERMALINK_TITLE, f'title="{text["permalink_title"]}"')
    # Focusable abbreviations: the tooltip then opens by keyboard as well as by pointer.
    html = ABBREVIATION.sub('<abbr tabindex="0" title=', html)
    return _label_task_checkboxes(html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Material's search dialog has no accessible name (axe: aria-dialog-name).
    text = course_i18n.ui_text(config, course_i18n.current_language(config))
    labelled = SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{text["search_dialog"]}"')
    return output.replace(SEARCH_DIALOG, labelled)


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


def _label_task_checkboxes(html: str) -> str:
    """Name each task-list checkbox by its item's text (axe: label), as screen readers need."""
    count = iter(range(1, 10_000))

    def labelled(match: re.Match) -> str:
        ident = f"mdx-task-{next(count)}"
        return f'{match[1]} aria-labelledby="{ident}"{match[2]}<span id="{ident}">{match[3]}</span>'

    return TASK_ITEM.sub(labelled, html)
