"""Abbreviations with tooltips in the reader's language.

static-i18n forbids per-language markdown_extensions, so each page gets the definitions of
its own language appended here; Material's content.tooltips shows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from course.content import glossary as course_glossary
from course.site import i18n as course_i18n
from course.site import session

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    course = session.course_for(config)
    session.stop_on(course.glossary_problems, "Problems in glossary.yml")
    terms = course.terms
    # A page shown in English while its translation is missing keeps English expansions.
    language = getattr(page.file, "locale", None) or course_i18n.current_language(config)
    definitions = course_glossary.abbreviation_definitions(terms, language)
    return f"{markdown}\n\n{definitions}\n" if definitions else markdown
