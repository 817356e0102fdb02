"""Links between the course's pages, checked from the Markdown sources (no MkDocs build).

A page's links resolve the way mkdocs-static-i18n resolves them: `about.md` from a Russian
page means `about.ru.md` when it exists, else `about.en.md`. Module pages live in the site
at `modules/<folder>/index.<lang>.md`, as hooks/course_modules.py mounts them. Anchors are
checked against explicit ids (`{#id}`, `id="..."`), the slugs the toc extension gives to
headings without one, and `term-<id>` on the glossary page. A quiz's page, which the build
makes from `quizzes/<id>.yml`, is linked as `quizzes/<id>.md`. Links in raw HTML (`<a href>`,
`<img src>`) are not checked.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from markdown.extensions.toc import slugify, unique

from course.languages import LANGUAGES
from course.quizzes import load as quiz_load
from course.sources import Sources

FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
INLINE_LINK = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
REFERENCE = re.compile(r"^[ \t]{0,3}\[(?!\^)([^\]\n]+)\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)
HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
ATTR_LIST = re.compile(r"[ \t]*\{:?([^}\n]*)\}[ \t]*$")
EXPLICIT_ID = re.compile(r"\{[^}\n]*#([A-Za-z0-9_:.-]+)[^}\n]*\}|\bid=\"([^\"]+)\"")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
GLOSSARY_MARKER = "<!-- course:glossary -->"


@dataclass
class LinkProblem:
    file: str
    line: int
    message: str
    fix: str


@dataclass
class Site:
    """Every source file by its path in the site ('about.ru.md', 'modules/02-x/index.en.md')."""

    sources: Sources
    files: dict[str, Path] = field(default_factory=dict)
    drafts: set[str] = field(default_factory=set)  # folders of draft modules
    glossary_anchors: set[str] = field(default_factory=set)
    quiz_pages: dict[str, str | None] = field(default_factory=dict)  # 'quizzes/<id>.md' -> its module, if any
    _anchors: dict[str, set[str]] = field(default_factory=dict)
    _titles: dict[str, dict[str, str]] = field(default_factory=dict)

    def where(self, key: str) -> str:
        return self.sources.where(self.files[key])

    def text(self, key: str) -> str:
        return self.sources.text(self.files[key])

    def titles(self, key: str) -> dict[str, str]:
        """The page's heading ids and their titles (read once per page)."""
        if key not in self._titles:
            self._titles[key] = heading_titles(self.text(key))
        return self._titles[key]

    def anchors(self, key: str) -> set[str]:
        if key not in self._anchors:
            text = self.text(key)
            found = heading_anchors(text)
            if GLOSSARY_MARKER in text:
                found |= self.glossary_anchors
            self._anchors[key] = found
        return self._anchors[key]


def collect_site(sources: Sources, drafts: set[str], glossary_ids: list[str]) -> Site:
    root = sources.root
    site = Site(sources, drafts=drafts, glossary_anchors={f"term-{i}" for i in glossary_ids})
    docs = root / "docs"
    for path in sorted(docs.rglob("*")) if docs.is_dir() else []:
        if path.is_file():
            site.files[path.relative_to(docs).as_posix()] = path
    modules = root / "modules"
    for path in sorted(modules.rglob("*")) if modules.is_dir() else []:
        relative = path.relative_to(root)
        if path.is_file() and not any(part.startswith((".", "_")) for part in relative.parts):
            site.files[relative.as_posix()] = path
    owners = quiz_load.quiz_owners(sources)
    for path in sources.glob("quizzes/*.yml"):
        site.quiz_pages[f"quizzes/{path.stem}.md"] = owners.get(f"quizzes/{path.name}")
    return site


def language_of(key: str) -> str:
    stem = posixpath.splitext(posixpath.basename(key))[0]
    suffix = stem.rpartition(".")[2] if "." in stem else ""
    return suffix if suffix in LANGUAGES else "en"


def page_address(key: str) -> str:
    """A source's page in the site, without language: 'about.ru.md' -> 'about/',
    'modules/02-x/index.en.md' -> 'modules/02-x/', 'index.md' -> ''."""
    base = key[:-3]
    name, dot, suffix = base.rpartition(".")
    if dot and suffix in LANGUAGES:
        base = name
    if base == "index":
        return ""
    return (base[: -len("/index")] if base.endswith("/index") else base) + "/"


def module_of(key: str) -> str | None:
    parts = key.split("/")
    return parts[1] if parts[0] == "modules" and len(parts) > 2 else None


def blank(text: str) -> str:
    """The text with code and comments replaced by spaces (line numbers stay right)."""

    def spaces(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return CODE_SPAN.sub(spaces, COMMENT.sub(spaces, FENCE.sub(spaces, text)))


def heading_anchors(text: str) -> set[str]:
    """Explicit ids plus the toc extension's slugs for headings that have none."""
    return {a or b for a, b in EXPLICIT_ID.findall(blank(text))} | set(heading_titles(text))


def heading_titles(text: str) -> dict[str, str]:
    """Each heading's id (its explicit one, else the toc extension's slug) and its title as
    plain text, the first heading winning where ids repeat."""
    body = blank(text)
    taken = {a or b for a, b in EXPLICIT_ID.findall(body)}
    titles: dict[str, str] = {}
    for match in HEADING.finditer(body):
        line = HEADING.match(text, match.start(), match.end())  # code spans blanked only to find headings
        title = line.group(2) if line else match.group(2)
        attrs = ATTR_LIST.search(title)
        explicit = re.search(r"#([A-Za-z0-9_:.-]+)", attrs.group(1)) if attrs else None
        plain = plain_heading(ATTR_LIST.sub("", title))
        ident = explicit.group(1) if explicit else unique(slugify(plain, "-"), taken)
        titles.setdefault(ident, plain)
    return titles


def plain_heading(title: str) -> str:
    """A heading's Markdown as the text a reader sees: link texts kept, markup and tags dropped."""
    title = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", title)
    return re.sub(r"<[^>]+>|[*_`]", "", title).strip()


def check_page(site: Site, key: str) -> list[LinkProblem]:
    """Every Markdown link and image of one page."""
    body = blank(site.text(key))
    problems = []
    targets = [(m.start(), m.group(3)) for m in INLINE_LINK.finditer(body)]
    targets += [(m.start(), m.group(2)) for m in REFERENCE.finditer(body)]
    for start, target in sorted(targets):
        line = body.count("\n", 0, start) + 1
        problem = check_target(site, key, target.strip("<>").strip())
        if problem:
            problems.append(LinkProblem(site.where(key), line, *problem))
    return problems


def check_target(site: Site, key: str, target: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for one link target, or None when it is fine."""
    if not target or SCHEME.match(target) or target.startswith("//"):
        return None
    path, _, anchor = target.partition("#")
    path = unquote(path.split("?", 1)[0])
    if path.startswith("/"):
        return (f"link '{target}' is absolute", "link pages by their relative path, e.g. '../about.md'")
    if not path:
        return _check_anchor(site, key, key, anchor, target)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(key), path))
    if joined == ".." or joined.startswith("../"):
        return (f"link '{target}' points outside the site", "link a page inside docs/ or modules/ by its relative path")
    if path.endswith("/") or any(k.startswith(joined + "/") for k in site.files):
        return (
            f"link '{target}' points to a folder",
            f"link the page file instead: '{posixpath.join(path.rstrip('/'), 'index.md')}'",
        )
    found = resolve(site, joined, language_of(key))
    if found is None and joined in site.quiz_pages:
        return _check_quiz_page(site, key, site.quiz_pages[joined], target)
    if found is None:
        return (f"link '{target}' points to no file", _suggestion(site, key, joined))
    if module_of(found) in site.drafts and module_of(found) != module_of(key) and module_of(key) not in site.drafts:
        return (
            f"link '{target}' points to draft module '{module_of(found)}', which the published build leaves out",
            "remove the link until that module is published (or remove 'draft: true' from its index.en.md)",
        )
    if anchor and found.endswith(".md"):
        return _check_anchor(site, key, found, anchor, target)
    return None


def _check_quiz_page(site: Site, key: str, folder: str | None, target: str) -> tuple[str, str] | None:
    """A link to the page the build makes from a quiz: wrong only when the quiz's module is a draft."""
    if folder in site.drafts and folder != module_of(key) and module_of(key) not in site.drafts:
        return (
            f"link '{target}' points to the quiz of draft module '{folder}', which the published build leaves out",
            "remove the link until that module is published (or remove 'draft: true' from its index.en.md)",
        )
    return None


def resolve(site: Site, joined: str, language: str) -> str | None:
    """The file a link means for a page in language (static-i18n suffix rules)."""
    name, ext = posixpath.splitext(joined)
    if name.rpartition(".")[2] in LANGUAGES and "." in posixpath.basename(name):
        candidates = [joined]
    else:
        candidates = [f"{name}.{language}{ext}", f"{name}.en{ext}", joined]
    return next((c for c in candidates if c in site.files), None)


def _check_anchor(site: Site, key: str, found: str, anchor: str, target: str) -> tuple[str, str] | None:
    anchors = site.anchors(found)
    if not anchor or anchor in anchors:
        return None
    close = difflib.get_close_matches(anchor, sorted(anchors), n=1)
    hint = f"did you mean '#{close[0]}'?" if close else "link an existing heading"
    return (
        f"link '{target}': {site.where(found)} has no heading with id '{anchor}'",
        f"{hint} or give the heading an explicit id ('## Title {{#{anchor}}}') in every language",
    )


def _suggestion(site: Site, key: str, joined: str) -> str:
    name, ext = posixpath.splitext(joined)
    pages = sorted({re.sub(r"\.(en|ru|tg)(\.[^./]+)$", r"\2", k) for k in site.files if k.endswith(ext or ".md")})
    close = difflib.get_close_matches(name + ext, pages, n=1, cutoff=0.5)
    if close:
        return f"correct the path; did you mean '{posixpath.relpath(close[0], posixpath.dirname(key) or '.')}'?"
    return "correct the path (relative to this page; modules are at '../<folder>/index.md' from a module page)"
