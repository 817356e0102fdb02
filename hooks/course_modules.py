"""Mount modules/ into the site, check the modules, and list them in the navigation.

Module files live in the top-level `modules/` folder, not in `docs/`. They are added as
ordinary files under a virtual path in docs_dir (so that static-i18n sorts them by their
language suffix), then pointed back at their real location once i18n is done.

A module whose index.en.md says `draft: true` is shown by `mkdocs serve` (or any build run
with COURSE_SHOW_DRAFTS=1) and left out of `mkdocs build`: its pages, nav entry and list row.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from course.content import sources as course_sources
from course.site import i18n as course_i18n
from course.site import module_pages, session

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation

OVERVIEW_PAGE = "modules.md"


def on_startup(command: str, dirty: bool) -> None:
    session.started(command)  # 'serve' shows draft modules; 'build' and 'gh-deploy' do not


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    session.stop_on(session.course_for(config).module_problems, "Problems in the course modules")
    return config


@event_priority(50)  # before static-i18n (-100), which must see the module files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if (Path(config.docs_dir) / "modules").exists():
        raise PluginError(
            "docs/modules/ exists but course modules live in the top-level modules/ folder; move them there"
        )
    for file in module_pages.module_files(config, session.course_for(config)):
        files.append(file)
    return files


@event_priority(-200)  # after static-i18n rebuilt the file list
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    module_pages.place_modules(nav, files, session.course_for(config).root, OVERVIEW_PAGE)
    course_i18n.relink_pages(nav)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = course_i18n.current_language(config)
    if page.file.src_uri.startswith("modules/"):  # its UN documents become links
        markdown = course_sources.link_document_symbols(markdown, getattr(page.file, "locale", None) or language)
    markdown = module_pages.expand_markers(markdown, config, page, files, language)
    if page.file.src_uri.startswith("modules/") and page.file.src_uri.rsplit("/", 1)[-1].startswith("index."):
        markdown += module_pages.module_nav(config, page, files, language)
    if module_pages.ANSWER_MARKER.search(markdown):
        page.meta["course_answers"] = True  # main.html loads the quiz script and styles
        markdown = module_pages.ANSWER_MARKER.sub(
            lambda match: module_pages.answer_box(config, page, language, match.group(1)), markdown
        )
    return markdown


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    language = getattr(page.file, "locale", None) or course_i18n.current_language(config)
    context["course_title_html"] = module_pages.with_abbreviations(config, page.title or config.site_name, language)
    summary = page.meta.get("summary")
    if summary and page.meta.get("facts_as_of"):  # the module header draws it
        context["course_summary"] = module_pages.with_abbreviations(config, str(summary), language)
    if getattr(page.file, "norm_src_uri", page.file.src_uri) == "index.md":  # each language's home page
        # "Next" on the home page leads into the course, not to "About"
        page.next_page = module_pages.first_module_page(nav.pages) or page.next_page
    return context
