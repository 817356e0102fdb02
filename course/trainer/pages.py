"""Trainer materials of one build: the generated handout and answer-key files and their HTML.

hooks/trainer_materials.py places them in the site; this module makes the files and renders
the worksheet, the answer key and the materials list from the partials in overrides/.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from course.content import catalog as course_catalog
from course.languages import LANGUAGES
from course.quizzes import render as quiz_render
from course.site import i18n as course_i18n
from course.site import links, quiz_pages, session
from course.site import templates as course_templates
from course.trainer import views as trainer_views

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation

GENERATOR = "hooks/trainer_materials.py"
HANDOUT_MARKER = "<!-- course:handout -->"
MODULE_TEXT_MARKER = "<!-- course:handout-module-text -->"
KEY_MARKER = "<!-- course:answer-key -->"
MATERIALS_MARKER = "<!-- course:trainer-materials -->"
# Set by course/build.py (make build), which prints the PDF files into the website and the
# offline bundle: only then do pages link them. Other builds (make serve, a plain mkdocs
# build) link the printable handout pages instead, so no link is ever dead.
HANDOUT_PDFS = "COURSE_HANDOUT_PDFS"


def with_pdfs() -> bool:
    return os.environ.get(HANDOUT_PDFS) == "1"


def pdf_path(language: str, kind: str, name: str) -> str:
    """Site path of a PDF that course/handouts.py writes: trainers/pdf/tg/handout-01-x.pdf."""
    return f"trainers/pdf/{language}/{kind}-{name}.pdf"


def print_link(config: MkDocsConfig, page: Page, language: str) -> dict | None:
    """A module page's 'Print or save as PDF': its handout (module text and worksheet) in the
    reader's language, as a PDF when the build makes them, else as the printable page."""
    parts = page.file.src_uri.split("/")
    if len(parts) != 3 or parts[0] != "modules" or not parts[2].startswith("index."):
        return None
    folder = parts[1]
    if not any(module.folder == folder for module in shown_modules(config)):
        return None
    if with_pdfs():
        return {"href": get_relative_url(pdf_path(language, "handout", folder), page.url), "pdf": True}
    target = dest_uri(config, language, "handouts", folder)
    target = target[: -len("index.html")] if target.endswith("/index.html") else target
    return {"href": get_relative_url(target, page.url), "pdf": False}


def shown_modules(config: MkDocsConfig) -> list[course_catalog.Module]:
    return session.course_for(config).published_modules


def dest_uri(config: MkDocsConfig, language: str, folder: str, name: str) -> str:
    page = f"trainers/{folder}/{name}/index.html" if config.use_directory_urls else f"trainers/{folder}/{name}.html"
    return course_i18n.language_root(config, language) + page


def generated_file(config: MkDocsConfig, language: str, folder: str, name: str, front_matter: dict, body: str) -> File:
    siblings = {
        lang: File(
            f"trainers/{folder}/{name}.md",
            None,
            config.site_dir,
            config.use_directory_urls,
            dest_uri=dest_uri(config, lang, folder, name),
        )
        for lang in LANGUAGES
    }
    file = siblings[language]
    lines = [f"{key}: {quiz_pages.yaml_text(value)}" for key, value in front_matter.items()]
    file.content_string = (
        "---\n" + "\n".join(lines) + "\nsearch:\n  exclude: true\nhide:\n  - navigation\n  - toc\n---\n\n" + body + "\n"
    )
    file.generated_by = GENERATOR
    course_i18n.mark_file(file, language, siblings)
    return file


def generated_files(config: MkDocsConfig, language: str) -> list[File]:
    """This language's handout page for each shown module and answer-key page for each quiz,
    marked for static-i18n with the source they come from."""
    generated = []
    text = course_i18n.ui_text(config, language)
    for module in shown_modules(config):
        page = module.pages.get(language) or module.pages["en"]
        file = generated_file(
            config,
            language,
            "handouts",
            module.folder,
            {
                "title": text["trainer_handout_title"].replace("#", module.title(language)),
                "course_handout": module.folder,
                "translation": page.meta.get("translation", "") if language in module.pages else "",
            },
            HANDOUT_MARKER,
        )
        course_i18n.mark_file(file, project_path=f"modules/{module.folder}/index.{page.language}.md")
        if language not in module.pages:
            course_i18n.mark_file(file, "en")  # shown in English: the frame says so
        generated.append(file)
    for quiz in quiz_pages.load(config).quizzes:
        title, _ = quiz_render.localized(quiz.data["title"], language)
        file = generated_file(
            config,
            language,
            "answer-keys",
            quiz.id,
            {
                "title": text["trainer_key_title"].replace("#", str(title)),
                "course_answer_key": quiz.id,
                "translation": (quiz.data.get("translation") or {}).get(language, ""),
            },
            KEY_MARKER,
        )
        course_i18n.mark_file(file, project_path=f"quizzes/{quiz.id}.yml")
        generated.append(file)
    return generated


def objectives(config: MkDocsConfig, folder: str | None, language: str) -> dict[str, str]:
    module = next((m for m in shown_modules(config) if m.folder == folder), None)
    if module is None:
        return {}
    own = module.pages.get(language)
    return trainer_views.objective_texts(own.meta if own else None, module.pages["en"].meta)


def module_page(nav: Navigation, folder: str) -> Page | None:
    for page in nav.pages:
        if page.file.src_uri.startswith(f"modules/{folder}/index."):
            return page
    return None


def render_handout(folder: str, config: MkDocsConfig, language: str) -> str:
    text = course_i18n.ui_text(config, language)
    module = next(m for m in shown_modules(config) if m.folder == folder)
    meta = (module.pages.get(language) or module.pages["en"]).meta
    quiz = next((q for q in quiz_pages.load(config).quizzes if q.module == folder), None)
    sheet = trainer_views.worksheet(quiz.data, language, quiz_pages.text_renderer(config)) if quiz else []
    quiz_title = str(quiz_render.localized(quiz.data["title"], language)[0]) if quiz else ""
    return course_templates.template(config, "partials/trainer-handout.html").render(
        module=module,
        meta=meta,
        text=text,
        language=language,
        questions=sheet,
        quiz_title=quiz_title,
        module_text_marker=MODULE_TEXT_MARKER,
    )


def render_answer_key(quiz_id: str, config: MkDocsConfig, language: str) -> str:
    text = course_i18n.ui_text(config, language)
    quiz = next(q for q in quiz_pages.load(config).quizzes if q.id == quiz_id)
    key = trainer_views.answer_key(
        quiz.data, language, quiz_pages.text_renderer(config), objectives(config, quiz.module, language)
    )
    intro = (
        quiz_pages.text_renderer(config)(quiz_render.localized(quiz.data["intro"], language)[0])
        if "intro" in quiz.data
        else ""
    )
    return course_templates.template(config, "partials/trainer-answer-key.html").render(
        quiz=quiz,
        questions=key,
        text=text,
        language=language,
        intro=intro,
    )


def render_materials(page: Page, config: MkDocsConfig, files: Files, language: str) -> str:
    text = course_i18n.ui_text(config, language)

    def link(source: str) -> str:
        return links.href(source, page, files)

    rows = []
    quiz_list = quiz_pages.load(config).quizzes
    for module in shown_modules(config):
        quiz = next((q for q in quiz_list if q.module == module.folder), None)
        rows.append(
            {
                "title": module.title(language),
                "handout": link(f"trainers/handouts/{module.folder}.md"),
                "handout_pdf": get_relative_url(pdf_path(language, "handout", module.folder), page.url),
                "key": link(f"trainers/answer-keys/{quiz.id}.md") if quiz else "",
                "key_pdf": get_relative_url(pdf_path(language, "answer-key", quiz.id), page.url) if quiz else "",
            }
        )
    modules = {m.folder for m in shown_modules(config)}
    for quiz in quiz_list:
        if quiz.module not in modules:
            rows.append(
                {
                    "title": str(quiz_render.localized(quiz.data["title"], language)[0]),
                    "handout": "",
                    "handout_pdf": "",
                    "key": link(f"trainers/answer-keys/{quiz.id}.md"),
                    "key_pdf": get_relative_url(pdf_path(language, "answer-key", quiz.id), page.url),
                }
            )
    return course_templates.template(config, "partials/trainer-materials.html").render(
        rows=rows, text=text, language=language, pdf=with_pdfs()
    )
