"""Quiz files become self-assessment pages in every language, placed beside their module.

Each language build adds its own generated page per quiz (static-i18n does not handle
generated files, so this runs after it), links the language siblings for the switcher,
and renders the quiz body into the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from course.languages import LANGUAGES
from course.quizzes import pages as quiz_pages
from course.quizzes import render as quiz_render
from course.site import i18n as course_i18n

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation

log = get_plugin_logger(__name__)

QUIZ_BODY_MARKER = "<!-- course:quiz-body -->"
MODULE_QUIZ_MARKER = "<!-- course:quiz -->"
PROGRESS_MARKER = "<!-- course:progress -->"


def _dest_uri(config: MkDocsConfig, language: str, quiz_id: str) -> str:
    page = f"quizzes/{quiz_id}/index.html" if config.use_directory_urls else f"quizzes/{quiz_id}.html"
    return course_i18n.language_root(config, language) + page


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
    for quiz in quiz_set.quizzes:
        siblings = {}
        for lang in LANGUAGES:
            sibling = File(
                f"quizzes/{quiz.id}.md",
                None,
                config.site_dir,
                config.use_directory_urls,
                dest_uri=_dest_uri(config, lang, quiz.id),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
            siblings[lang] = sibling
        file = siblings[language]
        title, _ = quiz_render.localized(quiz.data["title"], language)
        status = (quiz.data.get("translation") or {}).get(language, "")
        # Out of the search index: a result must never show a question's answer or explanation;
        # learners reach a quiz from its module page and from the progress page.
        file.content_string = (
            f"---\ntitle: {quiz_pages.yaml_text(title)}\ncourse_quiz: {quiz.id}\ntranslation: {status or 'none'}\n"
            f"search:\n  exclude: true\n---\n\n{QUIZ_BODY_MARKER}\n"
        )
        file.generated_by = "hooks/quizzes.py"
        course_i18n.mark_file(file, language, siblings, f"quizzes/{quiz.id}.yml")
        files.append(file)
    return files


@event_priority(-200)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    language = course_i18n.current_language(config)
    text = course_i18n.ui_text(config, language)
    generated = {
        f.src_uri[len("quizzes/") : -3]: f.page for f in files if f.generated_by == "hooks/quizzes.py" and f.page
    }
    for quiz in quiz_pages.load(config).quizzes:
        page = generated.get(quiz.id)
        if page is None:
            continue
        title, _ = quiz_render.localized(quiz.data["title"], language)
        page.title = text["quiz_nav_title"].replace("#", str(title))
        module_page = _find_module_page(nav.items, quiz.module) if quiz.module else None
        if module_page is not None and isinstance(module_page.parent, Section):
            siblings = module_page.parent.children
            siblings.insert(siblings.index(module_page) + 1, page)
            page.parent = module_page.parent
    course_i18n.relink_pages(nav)
    return nav


def _find_module_page(items: list, folder: str) -> Page | None:
    for item in items:
        if isinstance(item, Page) and item.file.src_uri.startswith(f"modules/{folder}/index."):
            return item
        found = _find_module_page(getattr(item, "children", None) or [], folder)
        if found:
            return found
    return None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MODULE_QUIZ_MARKER not in markdown:
        return markdown
    folder = page.file.src_uri.split("/")[1] if page.file.src_uri.startswith("modules/") else None
    language = course_i18n.current_language(config)
    text = course_i18n.ui_text(config, language)
    links = []
    for quiz in quiz_pages.load(config).quizzes:
        if quiz.module == folder:
            title, _ = quiz_render.localized(quiz.data["title"], language)
            target = get_relative_url(f"quizzes/{quiz.id}.md", page.file.src_uri)
            links.append(
                f"[{text['quiz_take'].replace('#', str(title))}]({target}){{ .md-button .md-button--primary }}"
            )
    if not links:
        log.warning(
            f"{getattr(page.file, 'project_path', page.file.src_uri)}: the page asks for its quiz (<!-- course:quiz -->) but no quiz file names 'module: {folder}'; create quizzes/{folder}.yml"
        )
    return markdown.replace(MODULE_QUIZ_MARKER, "\n\n".join(links))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    quiz_id = page.meta.get("course_quiz")
    if quiz_id and QUIZ_BODY_MARKER in html:
        quiz = next(q for q in quiz_pages.load(config).quizzes if q.id == quiz_id)
        return html.replace(QUIZ_BODY_MARKER, quiz_pages.render_quiz(quiz, page, config, files))
    if PROGRESS_MARKER in html:
        return html.replace(PROGRESS_MARKER, quiz_pages.render_progress(page, config, files))
    return html
