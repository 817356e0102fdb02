"""The module pages' generated parts: the module list, the home page's module cards and start
button, the answer boxes and the modules' place in the nav.

hooks/course_modules.py mounts the modules and calls these; their HTML lives in
overrides/partials/course-*.html. Everything listed comes from the module catalogue, so a new
module appears in the list, on the home page's cards and in the navigation by itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from course.content import glossary as course_glossary
from course.content import studytime as course_studytime
from course.quizzes import load as quiz_load
from course.site import i18n as course_i18n
from course.site import templates as course_templates

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

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


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def with_abbreviations(config: MkDocsConfig, text: str, language: str) -> str:
    """A text the templates draw (a title, a module's summary) as HTML, its abbreviations with
    their tooltips: the Markdown abbreviations only reach a page's own text."""
    terms = course_glossary.load_terms(project_root(config))
    return course_glossary.mark_abbreviations(text, course_glossary.abbreviation_map(terms, language))


def module_rows(config: MkDocsConfig, page: Page, files: Files, language: str) -> list[dict]:
    """Every published module in order, in the reader's language, linked from page."""
    text = course_i18n.ui_text(config, language)
    expansions = course_glossary.abbreviation_map(course_glossary.load_terms(project_root(config)), language)
    rows = []
    for number, module in enumerate(config.extra["course_modules"], start=1):
        meta = (module.pages.get(language) or module.pages["en"]).meta
        file = files.get_file_from_path(f"modules/{module.folder}/index.md")
        study = course_studytime.parse(meta.get("study_time"))
        rows.append(
            {
                "number": number,
                "title": meta.get("title", module.folder),
                "summary": meta.get("summary", ""),
                "summary_html": course_glossary.mark_abbreviations(str(meta.get("summary", "")), expansions),
                "title_html": course_glossary.mark_abbreviations(str(meta.get("title", module.folder)), expansions),
                "href": get_relative_url(file.url, page.url) if file else "",
                "minutes": text["minutes"].replace("#", str(study.total)) if study else "",
            }
        )
    return rows


def _block(config: MkDocsConfig, name: str, **values: object) -> str:
    """A partial as a raw HTML block that Markdown leaves as it is."""
    return "\n\n" + course_templates.template(config, f"partials/{name}").render(**values).strip() + "\n\n"


def module_list(config: MkDocsConfig, page: Page, files: Files, language: str) -> str:
    """The modules page's list: number, title, summary and study time of each module."""
    text = course_i18n.ui_text(config, language)
    return _block(config, "course-module-list.html", modules=module_rows(config, page, files, language), text=text)


def module_cards(config: MkDocsConfig, page: Page, files: Files, language: str) -> str:
    """The home page's cards, one a module, each a link to it."""
    text = course_i18n.ui_text(config, language)
    return _block(config, "course-module-cards.html", modules=module_rows(config, page, files, language), text=text)


def start_button(config: MkDocsConfig, page: Page, files: Files, language: str) -> str:
    """The home page's one 'Start the course' button, to the first module."""
    rows = module_rows(config, page, files, language)
    text = course_i18n.ui_text(config, language)
    return _block(config, "course-start.html", first=rows[0] if rows else None, text=text)


def first_module_page(nav_pages: list[Page]) -> Page | None:
    """The first module in the navigation: where the home page's 'Next' leads."""
    return next((p for p in nav_pages if p.file.src_uri.startswith("modules/")), None)
