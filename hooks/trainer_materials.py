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

from course.quizzes import render as quiz_render
from course.site import i18n as course_i18n
from course.site import quiz_pages
from course.trainer import html as trainer_html
from course.trainer import pages as trainer_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation


@event_priority(-200)  # after static-i18n, which would drop generated files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = course_i18n.current_language(config)
    text = course_i18n.ui_text(config, language)
    for module in trainer_pages.shown_modules(config):
        page = module.pages.get(language) or module.pages["en"]
        file = trainer_pages.generated_file(
            config,
            language,
            "handouts",
            module.folder,
            {
                "title": text["trainer_handout_title"].replace("#", module.title(language)),
                "course_handout": module.folder,
                "translation": page.meta.get("translation", "") if language in module.pages else "",
            },
            trainer_pages.HANDOUT_MARKER,
        )
        course_i18n.mark_file(file, project_path=f"modules/{module.folder}/index.{page.language}.md")
        if language not in module.pages:
            course_i18n.mark_file(file, "en")  # shown in English: the frame says so
        files.append(file)
    for quiz in quiz_pages.load(config).quizzes:
        title, _ = quiz_render.localized(quiz.data["title"], language)
        file = trainer_pages.generated_file(
            config,
            language,
            "answer-keys",
            quiz.id,
            {
                "title": text["trainer_key_title"].replace("#", str(title)),
                "course_answer_key": quiz.id,
                "translation": (quiz.data.get("translation") or {}).get(language, ""),
            },
            trainer_pages.KEY_MARKER,
        )
        course_i18n.mark_file(file, project_path=f"quizzes/{quiz.id}.yml")
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
