"""Languages of the course: which one is being built, and the project's interface text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.structure.pages import Page

from course.site import session

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation

def current_language(config: MkDocsConfig) -> str:
    """The language of the build in progress (static-i18n builds one language at a time)."""
    i18n = config.plugins.get("i18n")
    language = getattr(i18n, "current_language", None)
    return language or config.theme.get("language", "en")


def language_root(config: MkDocsConfig, language: str) -> str:
    """Site-relative folder of a language: '' for English, 'ru/' for Russian."""
    i18n = config.plugins.get("i18n")
    default = getattr(i18n, "default_language", "en") if i18n else "en"
    return "" if language == default else f"{language}/"


def language_roots(config: MkDocsConfig) -> dict[str, str]:
    """Every language this build writes, with its site-relative folder ('' for the default)."""
    i18n = config.plugins.get("i18n")
    languages = [item.locale for item in i18n.config.languages if item.build] if i18n else [config.theme.get("language", "en")]
    return {language: language_root(config, language) for language in languages}


def ui_text(config: MkDocsConfig, language: str) -> dict[str, str]:
    """The project's interface strings in one language (English where one is missing)."""
    course = session.course_for(config)
    session.stop_on(course.ui_problems, "Problems in the interface strings")
    return course.ui_text(language)


def relink_pages(nav: Navigation) -> None:
    """Recompute nav.pages and previous/next links after pages were inserted."""
    pages: list[Page] = []

    def collect(items: list) -> None:
        for item in items:
            if isinstance(item, Page):
                pages.append(item)
            elif getattr(item, "children", None):
                collect(item.children)

    collect(nav.items)
    nav.pages = pages
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index > 0 else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None


def mark_file(file: object, language: str | None = None, alternates: dict | None = None,
              project_path: str | None = None) -> None:
    """Set the attributes that static-i18n and the course read on a File they did not make.

    static-i18n adds `locale`, `locale_alternate_of` and `alternates` to the files it sorts;
    a generated page sets them itself. `project_path` is the source an author recognises.
    """
    if language is not None:
        setattr(file, "locale", language)
    if alternates is not None:
        setattr(file, "locale_alternate_of", language)
        setattr(file, "alternates", alternates)
    if project_path is not None:
        setattr(file, "project_path", project_path)
