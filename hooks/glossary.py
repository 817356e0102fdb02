"""Glossary pages in every language, drawn from glossary.yml."""

from __future__ import annotations

from typing import TYPE_CHECKING

from course.content import glossary as course_glossary
from course.site import i18n as course_i18n
from course.site import session
from course.site import templates as course_templates

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

GLOSSARY_MARKER = "<!-- course:glossary -->"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if GLOSSARY_MARKER not in markdown:
        return markdown
    course = session.course_for(config)
    session.stop_on(course.glossary_problems, "Problems in glossary.yml")
    terms = course.terms
    language = course_i18n.current_language(config)
    entries = course_glossary.glossary_entries(terms, language)
    template = course_templates.template(config, "partials/course-glossary.html", autoescape=False)
    html = template.render(entries=entries, text=course_i18n.ui_text(config, language))
    return markdown.replace(GLOSSARY_MARKER, html)
