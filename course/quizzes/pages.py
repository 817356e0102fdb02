"""The quizzes of one MkDocs build: loaded and checked once, and rendered into pages.

hooks/quizzes.py places the quiz pages; this module holds what the hooks share: the quiz set
of the build (without draft modules in a published build), the text renderer, and the HTML
of a quiz page and of the progress page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from course.quizzes import load as quiz_load
from course.quizzes import render as quiz_render
from course.quizzes import validate as quiz_validate
from course.site import i18n as course_i18n
from course.site import session
from course.site import templates as course_templates

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


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
    )


def render_progress(page: Page, config: MkDocsConfig, files: Files) -> str:
    language = course_i18n.current_language(config)
    text = course_i18n.ui_text(config, language)
    quizzes = load(config).quizzes
    groups = []
    modules = session.course_for(config).published_modules
    for module in modules:
        module_file = files.get_file_from_path(f"modules/{module.folder}/index.md")
        groups.append(
            {
                "title": module.title(language),
                "href": get_relative_url(module_file.url, page.url) if module_file else "",
                "quizzes": [_progress_row(q, page, files, language) for q in quizzes if q.module == module.folder],
            }
        )
    general = [_progress_row(q, page, files, language) for q in quizzes if q.module not in {m.folder for m in modules}]
    if general:
        groups.append({"title": text["progress_quiz"], "href": "", "quizzes": general})
    script_text = {key: value for key, value in text.items() if key.startswith("progress_")}
    return course_templates.template(config, "partials/quiz-progress.html").render(
        groups=groups,
        text=text,
        store=storage_namespace(config),
        script_text=script_text,
    )


def _progress_row(quiz: quiz_load.Quiz, page: Page, files: Files, language: str) -> dict:
    title, _ = quiz_render.localized(quiz.data["title"], language)
    file = files.get_file_from_path(f"quizzes/{quiz.id}.md")
    return {
        "id": quiz.id,
        "title": title,
        "href": get_relative_url(file.url, page.url) if file else "",
        "questions": " ".join(f"{q['id']}:{quiz.question_hashes[q['id']]}" for q in quiz.data["questions"]),
        "pass_mark": quiz.pass_mark,
    }
