"""The module pages' generated parts: the module list, the home page's module cards and start
button, the answer boxes, the links to the previous and next module, and the modules' place in
the nav.

hooks/course_modules.py mounts the modules and calls these; their HTML lives in
overrides/partials/course-*.html. Everything listed comes from the course model, so a new
module appears in the list, on the home page's cards and in the navigation by itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from course.content import glossary as course_glossary
from course.content import studytime as course_studytime
from course.languages import text_in
from course.quizzes import load as quiz_load
from course.site import i18n as course_i18n
from course.site import links, session
from course.site import templates as course_templates

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation

    from course.model import Course

MODULE_LIST_MARKER = "<!-- course:module-list -->"
MODULE_CARDS_MARKER = "<!-- course:module-cards -->"
START_MARKER = "<!-- course:start -->"
OBJECTIVES_MARKER = "<!-- course:objectives -->"
ANSWER_MARKER = re.compile(r"^<!-- course:answer ([a-z0-9]+(?:-[a-z0-9]+)*) -->[ \t]*$", re.MULTILINE)


def section_holding(items: list, src_uri: str) -> Section | None:
    for item in items:
        if isinstance(item, Section):
            for child in item.children:
                if isinstance(child, Page) and getattr(child.file, "norm_src_uri", None) == src_uri:
                    return item
            found = section_holding(item.children, src_uri)
            if found:
                return found
    return None


def answer_owner(src_uri: str) -> str:
    """What an answer is stored under: the module folder ('01-x'), or the page's name ('about')."""
    if src_uri.startswith("modules/"):
        return src_uri.split("/")[1]
    name = src_uri.rsplit("/", 1)[-1].split(".", 1)[0]
    return re.sub(r"[^a-z0-9-]+", "-", name.lower()) or "page"


def answer_box(config: MkDocsConfig, page: Page, language: str, exercise: str) -> str:
    """The learner's answer box for one exercise, kept under 'module/exercise' in the browser."""
    folder = answer_owner(page.file.src_uri)
    text = course_i18n.ui_text(config, language)
    strings = {key[len("answer_") :]: value for key, value in text.items() if key.startswith("answer_")}
    html = course_templates.template(config, "partials/course-answer.html").render(
        key=f"{folder}/{exercise}",
        element_id=f"answer-{exercise}",
        store=quiz_load.storage_namespace(config.site_url),
        text=strings,
        script_text=strings,
    )
    return "\n" + html.strip() + "\n"


def with_abbreviations(config: MkDocsConfig, text: str, language: str) -> str:
    """A text the templates draw (a title, a module's summary) as HTML, its abbreviations with
    their tooltips: the Markdown abbreviations only reach a page's own text."""
    terms = session.course_for(config).terms
    return course_glossary.mark_abbreviations(text, course_glossary.abbreviation_map(terms, language))


def module_rows(config: MkDocsConfig, page: Page, files: Files, language: str) -> list[dict]:
    """Every published module in order, in the reader's language, linked from page."""
    text = course_i18n.ui_text(config, language)
    expansions = course_glossary.abbreviation_map(session.course_for(config).terms, language)
    rows = []
    for number, module in enumerate(session.course_for(config).published_modules, start=1):
        meta = (module.pages.get(language) or module.pages["en"]).meta
        study = course_studytime.parse(meta.get("study_time"))
        rows.append(
            {
                "number": number,
                "folder": module.folder,
                "title": meta.get("title", module.folder),
                "summary": meta.get("summary", ""),
                "summary_html": course_glossary.mark_abbreviations(str(meta.get("summary", "")), expansions),
                "title_html": course_glossary.mark_abbreviations(str(meta.get("title", module.folder)), expansions),
                "href": links.href(links.module_source(module.folder), page, files),
                "minutes": text["minutes"].replace("#", str(study.total)) if study else "",
            }
        )
    return rows


def _block(config: MkDocsConfig, name: str, **values: object) -> str:
    """A partial as a raw HTML block that Markdown leaves as it is."""
    return "\n\n" + course_templates.template(config, f"partials/{name}").render(**values).strip() + "\n\n"


def expand_markers(markdown: str, config: MkDocsConfig, page: Page, files: Files, language: str) -> str:
    """A page's objectives, module list, module cards and start button where its Markdown asks
    for them. The start button's page shows where to continue: page.meta["course_progress"]
    makes main.html load assets/progress.js."""
    if OBJECTIVES_MARKER in markdown:
        objectives = page.meta.get("objectives") or []
        markdown = markdown.replace(OBJECTIVES_MARKER, "\n".join(f"- {o['text']}" for o in objectives))
    for marker, part in (
        (MODULE_LIST_MARKER, module_list),
        (MODULE_CARDS_MARKER, module_cards),
        (START_MARKER, start_button),
    ):
        if marker in markdown:
            markdown = markdown.replace(marker, part(config, page, files, language))
            page.meta["course_progress"] = marker == START_MARKER or page.meta.get("course_progress")
    return markdown


def module_list(config: MkDocsConfig, page: Page, files: Files, language: str) -> str:
    """The modules page's list (number, title, summary and study time of each module), between
    the invitations to the diagnostic and to the final assessment."""
    text = course_i18n.ui_text(config, language)
    course_wide = {
        quiz.data["purpose"]: quiz
        for quiz in session.course_for(config).published_quiz_set.quizzes
        if quiz.data.get("purpose")
    }

    def invitation(purpose: str) -> str:
        quiz = course_wide.get(purpose)
        if quiz is None:
            return ""
        title = text_in(quiz.data["title"], language)
        return text[f"modules_{purpose}"].replace("#", f"[{title}](quizzes/{quiz.id}.md)")

    table = _block(config, "course-module-list.html", modules=module_rows(config, page, files, language), text=text)
    return "\n\n".join(part.strip("\n") for part in (invitation("diagnostic"), table, invitation("final")) if part)


def module_cards(config: MkDocsConfig, page: Page, files: Files, language: str) -> str:
    """The home page's cards, one a module, each a link to it."""
    text = course_i18n.ui_text(config, language)
    return _block(config, "course-module-cards.html", modules=module_rows(config, page, files, language), text=text)


def start_button(config: MkDocsConfig, page: Page, files: Files, language: str) -> str:
    """The home page's one 'Start the course' button, to the first module; once the reader has
    started, quiz.js adds 'Continue where you left off' (the modules' standing goes with it)."""
    rows = module_rows(config, page, files, language)
    text = course_i18n.ui_text(config, language)
    standings = [
        {"title": row["title"], "href": row["href"], **standing_data(config, row["folder"])} for row in rows
    ]
    return _block(
        config,
        "course-start.html",
        first=rows[0] if rows else None,
        text=text,
        modules=standings,
        store=quiz_load.storage_namespace(config.site_url),
    )


def standing_data(config: MkDocsConfig, folder: str) -> dict:
    """What quiz.js needs to tell a module's standing: its quiz's id, questions and pass mark."""
    quiz = next((q for q in session.course_for(config).published_quiz_set.quizzes if q.module == folder), None)
    if quiz is None:
        return {"folder": folder, "quiz": "", "questions": "", "pass": 0}
    return {"folder": folder, "quiz": quiz.id, "questions": quiz.stored_questions, "pass": quiz.pass_mark}


def module_state(config: MkDocsConfig, folder: str, language: str) -> str:
    """The reader's standing in a module (not started, in progress, passed), beside its quiz link."""
    text = course_i18n.ui_text(config, language)
    labels = {key[len("module_state_") :]: value for key, value in text.items() if key.startswith("module_state_")}
    return _block(
        config,
        "course-module-state.html",
        module=standing_data(config, folder),
        labels=labels,
        store=quiz_load.storage_namespace(config.site_url),
    )


def first_module_page(nav_pages: list[Page]) -> Page | None:
    """The first module in the navigation: where the home page's 'Next' leads."""
    return next((p for p in nav_pages if p.file.src_uri.startswith("modules/")), None)


def module_files(config: MkDocsConfig, course: Course) -> list[File]:
    """Every file of the modules this build shows, under its path in the site (modules/...).

    Added before static-i18n sorts files by language; `place_modules` points them back at
    their real folder afterwards.
    """
    files = []
    for path in course.sources.glob("modules/**/*"):
        relative = path.relative_to(course.root)
        if not path.is_file() or any(part.startswith((".", "_")) for part in relative.parts):
            continue
        if relative.parts[1] in course.hidden:
            continue  # a draft module: not published
        files.append(
            File(
                relative.as_posix(),
                config.docs_dir,
                config.site_dir,
                config.use_directory_urls,
                inclusion=InclusionLevel.NOT_IN_NAV,  # placed in the navigation by place_modules
            )
        )
    return files


def place_modules(nav: Navigation, files: Files, root: Path, overview_page: str) -> None:
    """Module pages, in folder order, into the nav section that holds the module overview."""
    for file in files:
        if file.src_uri.startswith("modules/"):
            file.abs_src_path = str(root / file.src_uri)
            course_i18n.mark_file(file, project_path=file.src_uri)
    pages = [
        f.page
        for f in sorted(files.documentation_pages(), key=lambda f: f.src_uri)
        if f.src_uri.startswith("modules/") and f.page is not None
    ]
    section = section_holding(nav.items, overview_page)
    if section is not None:
        for page in pages:
            page.parent = section
            section.children.append(page)


def module_nav(config: MkDocsConfig, page: Page, files: Files, language: str) -> str:
    """Links to the previous and the next module of the course, for the end of a module page."""
    folder = answer_owner(page.file.src_uri) if page.file.src_uri.startswith("modules/") else None
    modules = session.course_for(config).published_modules
    folders = [module.folder for module in modules]
    if folder not in folders:
        return ""
    position = folders.index(folder)

    def neighbour(index: int) -> dict | None:
        if not 0 <= index < len(modules):
            return None
        module = modules[index]
        file = files.get_file_from_path(f"modules/{module.folder}/index.md")
        return {"href": get_relative_url(file.url, page.url), "title": module.title(language)} if file else None

    html = course_templates.template(config, "partials/course-module-nav.html").render(
        previous=neighbour(position - 1), next=neighbour(position + 1), text=course_i18n.ui_text(config, language)
    )
    return "\n\n" + html.strip() + "\n"
