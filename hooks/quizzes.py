"""Quiz files become self-assessment pages in every language, placed beside their module.

Each language build adds its own generated page per quiz (static-i18n does not handle
generated files, so this runs after it), links the language siblings for the switcher,
and renders the quiz body into the page.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import course_catalog
import course_glossary
import course_i18n
import course_templates
import quiz_load
import quiz_render
import quiz_validate
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation

log = get_plugin_logger(__name__)
LANGUAGES = ("en", "ru", "tg")
QUIZ_BODY_MARKER = "<!-- course:quiz-body -->"
MODULE_QUIZ_MARKER = "<!-- course:quiz -->"
PROGRESS_MARKER = "<!-- course:progress -->"
_state: dict = {}
MODULE_LINE = re.compile(r"^module:[ \t]*[\"']?([0-9a-z-]+)", re.MULTILINE)


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
        raise PluginError("quizzes/quiz.schema.json is missing: the build checks every quiz against it; restore it from the repository")
    quizzes = quiz_load.load_quizzes(root, index)
    if config.extra.get("course_hidden_modules"):
        quizzes = without_drafts(quizzes, root, tuple(config.extra["course_hidden_modules"]))
    if quizzes.errors:
        raise PluginError("Problems in the quiz files:\n" + "\n".join(quizzes.errors))
    return quizzes


def without_drafts(quizzes: quiz_load.QuizSet, root: Path, hidden: tuple) -> quiz_load.QuizSet:
    """Leave out the quizzes of draft modules, and their problems, from a published build."""
    cached = _state.get("published")
    if cached and cached[0] is quizzes and cached[1] == hidden:
        return cached[2]
    drafts = set()
    for path in (root / "quizzes").glob("*.yml"):
        named = MODULE_LINE.search(path.read_text(encoding="utf-8-sig"))
        if named and named.group(1) in hidden:
            drafts.add(f"quizzes/{path.name}")
    kept = quiz_load.QuizSet(
        [q for q in quizzes.quizzes if q.module not in hidden],
        [e for e in quizzes.errors if e.split(":", 1)[0] not in drafts],
        [w for w in quizzes.warnings if w.split(":", 1)[0] not in drafts],
        [f for f in quizzes.quality if f.file not in drafts],
    )
    _state["published"] = (quizzes, hidden, kept)
    return kept


def _dest_uri(config: MkDocsConfig, language: str, quiz_id: str) -> str:
    page = f"quizzes/{quiz_id}/index.html" if config.use_directory_urls else f"quizzes/{quiz_id}.html"
    return course_i18n.language_root(config, language) + page


@event_priority(-200)  # after static-i18n, which would drop generated files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = course_i18n.current_language(config)
    quiz_set = load(config)
    if course_i18n.language_root(config, language) == "":
        for warning in quiz_set.warnings:  # once per build, not once per language
            log.warning(warning)
        drafting = _draft_quiz_files(config)
        for finding in quiz_set.quality:
            # a draft module's quiz is being written: what it still lacks is news, not a failure
            (log.info if finding.file in drafting else log.warning)(finding.text())
    for quiz in quiz_set.quizzes:
        siblings = {}
        for lang in LANGUAGES:
            sibling = File(f"quizzes/{quiz.id}.md", None, config.site_dir, config.use_directory_urls,
                           dest_uri=_dest_uri(config, lang, quiz.id), inclusion=InclusionLevel.NOT_IN_NAV)
            siblings[lang] = sibling
        file = siblings[language]
        title, _ = quiz_render.localized(quiz.data["title"], language)
        status = (quiz.data.get("translation") or {}).get(language, "")
        # Out of the search index: a result must never show a question's answer or explanation;
        # learners reach a quiz from its module page and from the progress page.
        file.content_string = (f"---\ntitle: {_yaml_text(title)}\ncourse_quiz: {quiz.id}\ntranslation: {status or 'none'}\n"
                               f"search:\n  exclude: true\n---\n\n{QUIZ_BODY_MARKER}\n")
        file.generated_by = "hooks/quizzes.py"
        file.locale = language
        file.locale_alternate_of = language
        file.alternates = siblings
        file.project_path = f"quizzes/{quiz.id}.yml"
        files.append(file)
    return files


def _draft_quiz_files(config: MkDocsConfig) -> set[str]:
    """Quiz files of the draft modules this build shows (`mkdocs serve`)."""
    drafts = {module.folder for module in config.extra.get("course_modules", []) if module.draft}
    return {f"quizzes/{quiz.id}.yml" for quiz in load(config).quizzes if quiz.module in drafts}


def _yaml_text(text: object) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


@event_priority(-200)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    language = course_i18n.current_language(config)
    text = course_i18n.ui_text(config, language)
    quiz_pages = {f.src_uri[len("quizzes/"):-3]: f.page for f in files if f.generated_by == "hooks/quizzes.py" and f.page}
    for quiz in load(config).quizzes:
        page = quiz_pages.get(quiz.id)
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
    for quiz in load(config).quizzes:
        if quiz.module == folder:
            title, _ = quiz_render.localized(quiz.data["title"], language)
            target = get_relative_url(f"quizzes/{quiz.id}.md", page.file.src_uri)
            links.append(f"[{text['quiz_take'].replace('#', str(title))}]({target}){{ .md-button .md-button--primary }}")
    if not links:
        log.warning(f"{getattr(page.file, 'project_path', page.file.src_uri)}: the page asks for its quiz (<!-- course:quiz -->) but no quiz file names 'module: {folder}'; create quizzes/{folder}.yml")
    return markdown.replace(MODULE_QUIZ_MARKER, "\n\n".join(links))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    quiz_id = page.meta.get("course_quiz")
    if quiz_id and QUIZ_BODY_MARKER in html:
        quiz = next(q for q in load(config).quizzes if q.id == quiz_id)
        return html.replace(QUIZ_BODY_MARKER, render_quiz(quiz, page, config, files))
    if PROGRESS_MARKER in html:
        return html.replace(PROGRESS_MARKER, render_progress(page, config, files))
    return html


def storage_namespace(config: MkDocsConfig) -> str:
    return quiz_load.storage_namespace(config.site_url)


def text_renderer(config: MkDocsConfig) -> quiz_render.TextRenderer:
    """Quiz texts to HTML with the site's Markdown extensions (one renderer per config)."""
    key = id(config)
    if _state.get("renderer_key") != key:
        _state["renderer"] = quiz_render.TextRenderer(config.markdown_extensions, config.mdx_configs)
        _state["renderer_key"] = key
    return _state["renderer"]


def _template(config: MkDocsConfig, name: str):
    return course_templates.template(config, name)


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
        quiz_render.question_view(q, n, len(questions), language, render, _see_href(q.get("see"), page, files), quiz.question_hashes[q["id"]])
        for n, q in enumerate(questions, start=1)
    ]
    intro = render(quiz_render.localized(quiz.data["intro"], language)[0]) if "intro" in quiz.data else ""
    script_text = {key[5:]: value for key, value in text.items() if key.startswith("quiz_")}
    return _template(config, "partials/quiz.html").render(
        quiz=quiz, questions=views, intro=intro, text=text, language=language,
        store=storage_namespace(config), script_text=script_text,
    )


def render_progress(page: Page, config: MkDocsConfig, files: Files) -> str:
    language = course_i18n.current_language(config)
    text = course_i18n.ui_text(config, language)
    quizzes = load(config).quizzes
    groups = []
    modules = config.extra["course_modules"]  # without draft modules in a published build
    for module in modules:
        module_file = files.get_file_from_path(f"modules/{module.folder}/index.md")
        groups.append({
            "title": module.title(language),
            "href": get_relative_url(module_file.url, page.url) if module_file else "",
            "quizzes": [_progress_row(q, page, files, language) for q in quizzes if q.module == module.folder],
        })
    general = [_progress_row(q, page, files, language) for q in quizzes if q.module not in {m.folder for m in modules}]
    if general:
        groups.append({"title": text["progress_quiz"], "href": "", "quizzes": general})
    script_text = {key: value for key, value in text.items() if key.startswith("progress_")}
    return _template(config, "partials/quiz-progress.html").render(
        groups=groups, text=text, store=storage_namespace(config), script_text=script_text,
    )


def _progress_row(quiz: quiz_load.Quiz, page: Page, files: Files, language: str) -> dict:
    title, _ = quiz_render.localized(quiz.data["title"], language)
    file = files.get_file_from_path(f"quizzes/{quiz.id}.md")
    return {
        "id": quiz.id, "title": title,
        "href": get_relative_url(file.url, page.url) if file else "",
        "questions": " ".join(f"{q['id']}:{quiz.question_hashes[q['id']]}" for q in quiz.data["questions"]),
        "pass_mark": quiz.pass_mark,
    }
