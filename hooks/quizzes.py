"""Quiz files become self-assessment pages in every language, placed beside their module.

Each language build adds its own generated page per quiz (static-i18n does not handle
generated files, so this runs after it), links the language siblings for the switcher,
and renders the quiz body into the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from course.site import i18n as course_i18n
from course.site import quiz_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation

log = get_plugin_logger(__name__)


@event_priority(-200)  # after static-i18n, which would drop generated files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = course_i18n.current_language(config)
    quiz_set = quiz_pages.load(config)
    if course_i18n.language_root(config, language) == "":
        for warning in quiz_set.warnings:  # once per build, not once per language
            log.warning(warning.text())
        drafting = quiz_pages.draft_quiz_files(config)
        for finding in quiz_set.quality:
            # a draft module's quiz is being written: what it still lacks is news, not a failure
            (log.info if finding.file in drafting else log.warning)(finding.text())
    for file in quiz_pages.quiz_files(config, language):
        files.append(file)
    return files


@event_priority(-200)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    quiz_pages.place_in_nav(nav, config, files)
    course_i18n.relink_pages(nav)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if quiz_pages.MODULE_QUIZ_MARKER not in markdown:
        return markdown
    links, missing = quiz_pages.module_quiz_links(page, config)
    page.meta["course_progress"] = True  # the module's standing beside its quiz link (assets/progress.js)
    if missing:
        log.warning(missing)
    return markdown.replace(quiz_pages.MODULE_QUIZ_MARKER, links)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    quiz_id = page.meta.get("course_quiz")
    if quiz_id and quiz_pages.QUIZ_BODY_MARKER in html:
        quiz = next(q for q in quiz_pages.load(config).quizzes if q.id == quiz_id)
        return html.replace(quiz_pages.QUIZ_BODY_MARKER, quiz_pages.render_quiz(quiz, page, config, files))
    if quiz_pages.PROGRESS_MARKER in html:
        return html.replace(quiz_pages.PROGRESS_MARKER, quiz_pages.render_progress(page, config, files))
    return html
