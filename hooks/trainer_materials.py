"""Handouts and answer keys for trainers, generated per language, outside the learners' nav.

- trainers/handouts/<module>/: the module text and its quiz as a paper worksheet;
- trainers/answer-keys/<quiz>/: right answers, explanations, objectives and scoring;
- `<!-- course:trainer-materials -->` in docs/trainers/materials.*.md lists them with their
  PDF files, which course/handouts.py writes to trainers/pdf/<lang>/ after the build.
Both page kinds carry `search: exclude`, so they never reach the search index.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from course.site import i18n as course_i18n
from course.trainer import html as trainer_html
from course.trainer import pages as trainer_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation


@event_priority(-200)  # after static-i18n, which would drop generated files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in trainer_pages.generated_files(config, course_i18n.current_language(config)):
        files.append(file)
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = course_i18n.current_language(config)
    if page.meta.get("course_answer_key") and trainer_pages.KEY_MARKER in html:
        return html.replace(
            trainer_pages.KEY_MARKER, trainer_pages.render_answer_key(page.meta["course_answer_key"], config, language)
        )
    if page.meta.get("course_handout") and trainer_pages.HANDOUT_MARKER in html:
        return html.replace(
            trainer_pages.HANDOUT_MARKER, trainer_pages.render_handout(page.meta["course_handout"], config, language)
        )
    if trainer_pages.MATERIALS_MARKER in html:
        return html.replace(
            trainer_pages.MATERIALS_MARKER, trainer_pages.render_materials(page, config, files, language)
        )
    return html


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Every page's content is ready now: copy the module's text into its handout; a module
    page links its handout for printing."""
    context["course_print_link"] = trainer_pages.print_link(config, page, course_i18n.current_language(config))
    folder = page.meta.get("course_handout")
    if folder and page.content and trainer_pages.MODULE_TEXT_MARKER in page.content:
        module_page = trainer_pages.module_page(nav, folder)
        text = ""
        if module_page is not None and module_page.content:
            text = trainer_html.rebase(
                trainer_html.without_quiz_buttons(module_page.content), module_page.url, page.url
            )
        page.content = page.content.replace(trainer_pages.MODULE_TEXT_MARKER, text)
    return context
