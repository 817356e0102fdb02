"""The quizzes of one MkDocs build: loaded and checked once, and rendered into pages.

hooks/quizzes.py places the quiz pages; this module holds what the hooks share: the quiz set
of the build (without draft modules in a published build), the text renderer, and the HTML
of a quiz page and of the progress page.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from course import check_links
from course.languages import LANGUAGES, LETTER_FOLD
from course.quizzes import load as quiz_load
from course.quizzes import render as quiz_render
from course.quizzes import validate as quiz_validate
from course.site import i18n as course_i18n
from course.site import links, module_pages, session
from course.site import templates as course_templates

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation


QUIZ_BODY_MARKER = "<!-- course:quiz-body -->"
MODULE_QUIZ_MARKER = "<!-- course:quiz -->"
PROGRESS_MARKER = "<!-- course:progress -->"
GENERATOR = "hooks/quizzes.py"
MODULES_OVERVIEW = "modules.md"  # the page listing the modules; its nav section holds them


def load(config: MkDocsConfig) -> quiz_load.QuizSet:
    """The checked quizzes of this build (without draft modules in a published build); a quiz
    problem ends the build. Loaded once per build by the course model (course.site.session)."""
    course = session.course_for(config)
    if course.module_problems or course.glossary_problems:
        return quiz_load.QuizSet([], [], [])  # reported by the hooks that own those files
    if not quiz_validate.SCHEMA_FILE.is_file():
        raise PluginError(
            "quizzes/quiz.schema.json is missing: the build checks every quiz against it; restore it from the repository"
        )
    quizzes = course.published_quiz_set
    session.stop_on(quizzes.errors, "Problems in the quiz files")
    return quizzes


def draft_quiz_files(config: MkDocsConfig) -> set[str]:
    """Quiz files of the draft modules this build shows (`mkdocs serve`)."""
    drafts = session.course_for(config).drafts
    return {f"quizzes/{quiz.id}.yml" for quiz in load(config).quizzes if quiz.module in drafts}


def _dest_uri(config: MkDocsConfig, language: str, quiz_id: str) -> str:
    page = f"quizzes/{quiz_id}/index.html" if config.use_directory_urls else f"quizzes/{quiz_id}.html"
    return course_i18n.language_root(config, language) + page


def quiz_files(config: MkDocsConfig, language: str) -> list[File]:
    """One generated page per quiz in the language being built, linked to its siblings.

    Out of the search index: a result must never show a question's answer or explanation;
    learners reach a quiz from its module page and from the progress page.
    """
    files = []
    for quiz in load(config).quizzes:
        siblings = {
            lang: File(
                f"quizzes/{quiz.id}.md",
                None,
                config.site_dir,
                config.use_directory_urls,
                dest_uri=_dest_uri(config, lang, quiz.id),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
            for lang in LANGUAGES
        }
        file = siblings[language]
        title, _ = quiz_render.localized(quiz.data["title"], language)
        status = (quiz.data.get("translation") or {}).get(language, "")
        file.content_string = (
            f"---\ntitle: {yaml_text(title)}\ncourse_quiz: {quiz.id}\ntranslation: {status or 'none'}\n"
            f"search:\n  exclude: true\n---\n\n{QUIZ_BODY_MARKER}\n"
        )
        file.generated_by = GENERATOR
        course_i18n.mark_file(file, language, siblings, f"quizzes/{quiz.id}.yml")
        files.append(file)
    return files


def place_in_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> None:
    """Each quiz page right after its module's page, titled in the reader's language; the
    diagnostic first in the modules' section (right after the overview), the final assessment last."""
    language = course_i18n.current_language(config)
    text = course_i18n.ui_text(config, language)
    generated = {f.src_uri[len("quizzes/") : -3]: f.page for f in files if f.generated_by == GENERATOR and f.page}
    for quiz in load(config).quizzes:
        page = generated.get(quiz.id)
        if page is None:
            continue
        title, _ = quiz_render.localized(quiz.data["title"], language)
        purpose = quiz.data.get("purpose")
        page.title = str(title) if purpose else text["quiz_nav_title"].replace("#", str(title))
        section = module_pages.section_holding(nav.items, MODULES_OVERVIEW) if purpose else None
        if section is not None:
            overview = next(i for i, item in enumerate(section.children) if _is_page(item, MODULES_OVERVIEW))
            section.children.insert(overview + 1 if purpose == "diagnostic" else len(section.children), page)
            page.parent = section
            continue
        module_page = _find_module_page(nav.items, quiz.module) if quiz.module else None
        if module_page is not None and isinstance(module_page.parent, Section):
            siblings = module_page.parent.children
            siblings.insert(siblings.index(module_page) + 1, page)
            page.parent = module_page.parent


def _is_page(item: object, src_uri: str) -> bool:
    return isinstance(item, Page) and getattr(item.file, "norm_src_uri", None) == src_uri


def course_wide(config: MkDocsConfig, purpose: str) -> quiz_load.Quiz | None:
    """The course's diagnostic or final assessment, if it has one."""
    return next((quiz for quiz in load(config).quizzes if quiz.data.get("purpose") == purpose), None)


def _find_module_page(items: list, folder: str) -> Page | None:
    for item in items:
        if isinstance(item, Page) and item.file.src_uri.startswith(f"modules/{folder}/index."):
            return item
        found = _find_module_page(getattr(item, "children", None) or [], folder)
        if found:
            return found
    return None


def module_quiz_links(page: Page, config: MkDocsConfig) -> tuple[str, str]:
    """The buttons to a module's quizzes, and a warning when the page asks for a quiz it has not."""
    folder = page.file.src_uri.split("/")[1] if page.file.src_uri.startswith("modules/") else None
    language = course_i18n.current_language(config)
    text = course_i18n.ui_text(config, language)
    links = []
    for quiz in load(config).quizzes:
        if quiz.module == folder:
            title, _ = quiz_render.localized(quiz.data["title"], language)
            target = get_relative_url(f"quizzes/{quiz.id}.md", page.file.src_uri)
            links.append(
                f"[{text['quiz_take'].replace('#', str(title))}]({target}){{ .md-button .md-button--primary }}"
            )
    missing = ""
    if not links:
        where = getattr(page.file, "project_path", page.file.src_uri)
        missing = (
            f"{where}: the page asks for its quiz ({MODULE_QUIZ_MARKER}) but no quiz file names "
            f"'module: {folder}'; create quizzes/{folder}.yml"
        )
    if links and folder:
        links.append(module_pages.module_state(config, folder, language))
    return "\n\n".join(links), missing


def yaml_text(text: object) -> str:
    """A text as a double-quoted YAML scalar (for generated front matter)."""
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def storage_namespace(config: MkDocsConfig) -> str:
    return quiz_load.storage_namespace(config.site_url)


def text_renderer(config: MkDocsConfig) -> quiz_render.TextRenderer:
    return session.renderer_for(config)


def _see_href(see: str | None, page: Page, files: Files) -> str | None:
    if not see:
        return None
    target, _, anchor = see.partition("#")
    target = target.strip("/")
    src = f"{target}/index.md" if target.startswith("modules/") else (f"{target}.md" if target else "index.md")
    file = files.get_file_from_path(src)
    if file is None:
        return None
    url = get_relative_url(file.url, page.url)
    return f"{url}#{anchor}" if anchor else url




def section_title(see: str | None, language: str, config: MkDocsConfig) -> str:
    """The title of the section a question's 'see:' link names, in the reader's language, for
    the review links of the quiz summary ('' when it cannot be found). Pages and anchors are
    found as `make check` finds them (course/check_links.py)."""
    if not see or "#" not in see:
        return ""
    target, _, anchor = see.partition("#")
    target = target.strip("/")
    site = session.course_for(config).site
    for joined in (f"{target}/index.md", f"{target or 'index'}.md"):
        key = check_links.resolve(site, joined, language)
        if key is not None:
            return site.titles(key).get(anchor, "")
    return ""


def render_quiz(quiz: quiz_load.Quiz, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = course_i18n.current_language(config)
    text = course_i18n.ui_text(config, language)
    render = text_renderer(config)
    questions = quiz.data["questions"]
    views = [
        quiz_render.question_view(
            q, n, len(questions), language, render, _see_href(q.get("see"), page, files), quiz.question_hashes[q["id"]]
        )
        for n, q in enumerate(questions, start=1)
    ]
    for view, question in zip(views, questions, strict=True):
        view["see_title"] = section_title(question.get("see"), language, config)
    intro = render(quiz_render.localized(quiz.data["intro"], language)[0]) if "intro" in quiz.data else ""
    script_text = {key[5:]: value for key, value in text.items() if key.startswith("quiz_")}
    return course_templates.template(config, "partials/quiz.html").render(
        quiz=quiz,
        questions=views,
        intro=intro,
        text=text,
        language=language,
        store=storage_namespace(config),
        script_text=script_text,
        advice=diagnostic_advice(quiz, page, config, files, language),
        letter_fold=LETTER_FOLD,  # short answers: the learner's letters folded as the accepted ones were
    )


def diagnostic_advice(quiz: quiz_load.Quiz, page: Page, config: MkDocsConfig, files: Files, language: str) -> list:
    """For a diagnostic: each module it probes, in course order, with the questions that probe it
    (objectives are written 'module/objective'); the page shows those the learner missed."""
    if quiz.data.get("purpose") != "diagnostic":
        return []
    probed: dict[str, list[str]] = {}
    for question in quiz.data["questions"]:
        folder = str(question.get("objective", "")).partition("/")[0]
        probed.setdefault(folder, []).append(question["id"])
    advice = []
    for module in session.course_for(config).published_modules:
        if module.folder in probed:
            advice.append(
                {
                    "folder": module.folder,
                    "title": module.title(language),
                    "href": links.href(links.module_source(module.folder), page, files),
                    "questions": " ".join(probed[module.folder]),
                }
            )
    return advice


def render_progress(page: Page, config: MkDocsConfig, files: Files) -> str:
    language = course_i18n.current_language(config)
    text = course_i18n.ui_text(config, language)
    quizzes = load(config).quizzes
    groups = []
    modules = session.course_for(config).published_modules
    for module in modules:
        groups.append(
            {
                "folder": module.folder,
                "title": module.title(language),
                "href": links.href(links.module_source(module.folder), page, files),
                "quizzes": [_progress_row(q, page, files, language) for q in quizzes if q.module == module.folder],
            }
        )
    general = [_progress_row(q, page, files, language) for q in quizzes if q.module not in {m.folder for m in modules}]
    if general:
        groups.append({"folder": "", "title": text["progress_quiz"], "href": "", "quizzes": general})
    script_text = {key: value for key, value in text.items() if key.startswith("progress_")}
    return course_templates.template(config, "partials/quiz-progress.html").render(
        groups=groups,
        text=text,
        store=storage_namespace(config),
        script_text=script_text,
    )


def _progress_row(quiz: quiz_load.Quiz, page: Page, files: Files, language: str) -> dict:
    title, _ = quiz_render.localized(quiz.data["title"], language)
    return {
        "id": quiz.id,
        "title": title,
        "href": links.href(f"quizzes/{quiz.id}.md", page, files),
        "questions": quiz.stored_questions,
        "purpose": quiz.data.get("purpose", ""),
        "pass_mark": quiz.pass_mark,
    }
