"""The quizzes of one MkDocs build: loaded and checked once, and rendered into pages.

hooks/quizzes.py places the quiz pages; this module holds what the hooks share: the quiz set
of the build (without draft modules in a published build), the text renderer, and the HTML
of a quiz page and of the progress page.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from course.content import catalog as course_catalog
from course.content import glossary as course_glossary
from course.languages import LANGUAGES
from course.quizzes import load as quiz_load
from course.quizzes import render as quiz_render
from course.quizzes import validate as quiz_validate
from course.site import i18n as course_i18n
from course.site import templates as course_templates

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_state: dict = {}


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def course_index(root: Path, docs_dir: Path) -> quiz_validate.CourseIndex:
    """The pages and heading ids that quiz 'see:' links and objectives may name."""
    index = quiz_validate.CourseIndex()
    modules = course_catalog.load_catalog(root)
    for module in modules:
        index.modules[module.folder] = module.objective_ids
        index.levels[module.folder] = module.objective_levels
        index.pages[f"modules/{module.folder}/"] = {
            lang: quiz_load.heading_ids(page.path.read_text(encoding="utf-8")) for lang, page in module.pages.items()
        }
    terms = course_glossary.load_terms(root)
    for path in sorted(docs_dir.rglob("*.md")):
        base = path.relative_to(docs_dir).as_posix()[:-3]  # 'glossary.ru', 'trainers/index.en'
        name, dot, suffix = base.rpartition(".")
        language = suffix if dot and suffix in LANGUAGES else "en"
        base = name if dot and suffix in LANGUAGES else base
        key = "" if base == "index" else (base[: -len("/index")] if base.endswith("/index") else base) + "/"
        anchors = quiz_load.heading_ids(path.read_text(encoding="utf-8"))
        if "<!-- course:glossary -->" in path.read_text(encoding="utf-8"):
            anchors |= {f"term-{t['id']}" for t in terms}
        index.pages.setdefault(key, {})[language] = anchors
    return index


def load(config: MkDocsConfig) -> quiz_load.QuizSet:
    """The checked quizzes of this build: loaded by the first language build, reused by the
    others (static-i18n keeps the config; `mkdocs serve` loads a new one for each rebuild)."""
    cached = config.extra.get("course_quiz_set")
    if cached is None:
        cached = config.extra["course_quiz_set"] = _load(config)
    return cached


def _load(config: MkDocsConfig) -> quiz_load.QuizSet:
    root = project_root(config)
    try:
        index = course_index(root, Path(config.docs_dir))
    except (course_catalog.CatalogError, course_glossary.GlossaryError):
        return quiz_load.QuizSet([], [], [])  # reported by the hooks that own those files
    if not quiz_validate.SCHEMA_FILE.is_file():
        raise PluginError(
            "quizzes/quiz.schema.json is missing: the build checks every quiz against it; restore it from the repository"
        )
    quizzes = quiz_load.load_quizzes(root, index)
    if config.extra.get("course_hidden_modules"):
        quizzes = without_drafts(quizzes, root, tuple(config.extra["course_hidden_modules"]))
    if quizzes.errors:
        raise PluginError("Problems in the quiz files:\n" + "\n".join(problem.text() for problem in quizzes.errors))
    return quizzes


def without_drafts(quizzes: quiz_load.QuizSet, root: Path, hidden: tuple) -> quiz_load.QuizSet:
    """Leave out the quizzes of draft modules, and their problems, from a published build."""
    cached = _state.get("published")
    if cached and cached[0] is quizzes and cached[1] == hidden:
        return cached[2]
    drafts = {quiz for quiz, folder in quiz_load.quiz_owners(root).items() if folder in hidden}
    kept = quiz_load.QuizSet(
        [q for q in quizzes.quizzes if q.module not in hidden],
        [e for e in quizzes.errors if e.file not in drafts],
        [w for w in quizzes.warnings if w.file not in drafts],
        [f for f in quizzes.quality if f.file not in drafts],
    )
    _state["published"] = (quizzes, hidden, kept)
    return kept


def draft_quiz_files(config: MkDocsConfig) -> set[str]:
    """Quiz files of the draft modules this build shows (`mkdocs serve`)."""
    drafts = {module.folder for module in config.extra.get("course_modules", []) if module.draft}
    return {f"quizzes/{quiz.id}.yml" for quiz in load(config).quizzes if quiz.module in drafts}


def yaml_text(text: object) -> str:
    """A text as a double-quoted YAML scalar (for generated front matter)."""
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def storage_namespace(config: MkDocsConfig) -> str:
    return quiz_load.storage_namespace(config.site_url)


def text_renderer(config: MkDocsConfig) -> quiz_render.TextRenderer:
    """Quiz texts to HTML with the site's Markdown extensions (one renderer per config)."""
    key = id(config)
    if _state.get("renderer_key") != key:
        _state["renderer"] = quiz_render.TextRenderer(config.markdown_extensions, config.mdx_configs)
        _state["renderer_key"] = key
    return _state["renderer"]


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


HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*\{[^}\n]*#([\w-]+)[^}\n]*\}[ \t]*$", re.MULTILINE)
INLINE_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`]")


@lru_cache(maxsize=64)
def _headings(path: str, _mtime: float) -> dict[str, str]:
    """Heading id -> heading text (without Markdown) of a page's source."""
    text = Path(path).read_text(encoding="utf-8")
    return {
        ident: INLINE_MARKUP.sub(lambda m: m.group(1) or "", title).strip() for title, ident in HEADING.findall(text)
    }


def section_title(see: str | None, language: str, config: MkDocsConfig) -> str:
    """The title of the section a question's 'see:' link names, in the reader's language, for
    the review links of the quiz summary ('' when it cannot be found)."""
    if not see or "#" not in see:
        return ""
    target, _, anchor = see.partition("#")
    target = target.strip("/")
    root = project_root(config)
    if target.startswith("modules/"):
        candidates = [root / target / f"index.{lang}.md" for lang in (language, "en")]
    else:
        name = f"{target}/index" if (Path(config.docs_dir) / target).is_dir() else (target or "index")
        candidates = [Path(config.docs_dir) / f"{name}.{lang}.md" for lang in (language, "en")]
    for path in candidates:
        if path.is_file():
            title = _headings(str(path), path.stat().st_mtime).get(anchor)
            if title:
                return title
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
    )


def render_progress(page: Page, config: MkDocsConfig, files: Files) -> str:
    language = course_i18n.current_language(config)
    text = course_i18n.ui_text(config, language)
    quizzes = load(config).quizzes
    groups = []
    modules = config.extra["course_modules"]  # without draft modules in a published build
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
