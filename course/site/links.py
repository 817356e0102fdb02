"""Addresses of the built pages, relative to the page that links them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.utils import get_relative_url

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def module_source(folder: str) -> str:
    """Where a module's page sits among the build's files (hooks/course_modules.py mounts it)."""
    return f"modules/{folder}/index.md"


def href(source: str, page: Page, files: Files) -> str:
    """The address of the page built from source, relative to page ('' when it is not built)."""
    file = files.get_file_from_path(source)
    return get_relative_url(file.url, page.url) if file else ""
