"""Fail the build, with file and line, when a page's front matter is malformed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from course.content.frontmatter import FrontMatterProblem, parse_front_matter, source_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        parse_front_matter(page.file.content_string)
    except FrontMatterProblem as problem:
        raise PluginError(problem.problem(source_path(page)).text()) from None
    return markdown
