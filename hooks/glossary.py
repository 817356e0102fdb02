"""Glossary pages in every language, drawn from glossary.yml."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from course.content import glossary as course_glossary
from course.site import i18n as course_i18n
from course.site import templates as course_templates

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

GLOSSARY_MARKER = "<!-- course:glossary -->"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if GLOSSARY_MARKER not in markdown:
        return markdown
    root = Path(config.config_file_path).resolve().parent
    try:
        terms = course_glossary.load_terms(root)
    except course_glossary.GlossaryError as error:
        raise PluginError(str(error)) from None
    language = course_i18n.current_language(config)
    entries = course_glossary.glossary_entries(terms, language)
    template = course_templates.template(config, "partials/course-glossary.html", autoescape=False)
    html = template.render(entries=entries, text=course_i18n.ui_text(config, language))
    return markdown.replace(GLOSSARY_MARKER, html)
