"""The course's modules as plain data: folders, languages, front matter, objectives.

Reads `modules/<folder>/index.<lang>.md`; knows nothing of MkDocs so tests call it directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from course.content.frontmatter import FrontMatterProblem, parse_front_matter
from course.languages import LANGUAGES
from course.problems import Problem
from course.sources import Sources

MODULE_FOLDER = re.compile(r"^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")
OBJECTIVE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LEVELS = ("remember", "understand", "apply", "analyse")
REQUIRED_KEYS = ("title", "summary", "study_time", "facts_as_of", "objectives")


@dataclass
class ModulePage:
    """One language version of a module."""

    language: str
    path: Path
    meta: dict


@dataclass
class Module:
    folder: str
    pages: dict[str, ModulePage] = field(default_factory=dict)

    @property
    def objective_ids(self) -> list[str]:
        english = self.pages.get("en")
        return [o["id"] for o in english.meta.get("objectives", [])] if english else []

    @property
    def objective_levels(self) -> dict[str, str | None]:
        """Objective id -> its 'level:' (remember, understand, apply, analyse) or None."""
        english = self.pages.get("en")
        objectives = english.meta.get("objectives", []) if english else []
        return {o["id"]: o.get("level") for o in objectives if isinstance(o, dict) and "id" in o}

    @property
    def draft(self) -> bool:
        english = self.pages.get("en")
        return bool(english and english.meta.get("draft"))

    def title(self, language: str) -> str:
        page = self.pages.get(language) or self.pages.get("en")
        return str(page.meta.get("title", self.folder)) if page else self.folder


class CatalogError(Exception):
    """All problems found in the modules (as data; the message lists them one a line)."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(problem.text() for problem in problems))
        self.problems = problems


def load_catalog(project_root: Path) -> list[Module]:
    """Read and check every module; raise CatalogError listing every problem at once."""
    modules, problems = read_modules(Sources(project_root))
    if problems:
        raise CatalogError(problems)
    return modules


def read_modules(sources: Sources) -> tuple[list[Module], list[Problem]]:
    """Every module with whatever front matter parses, and the problems found in them."""
    problems: list[Problem] = []
    modules: list[Module] = []
    project_root = sources.root
    modules_dir = project_root / "modules"
    if not modules_dir.is_dir():
        return [], []
    for folder in sorted(p for p in modules_dir.iterdir() if p.is_dir()):
        if folder.name.startswith((".", "_")):
            continue
        if not MODULE_FOLDER.match(folder.name):
            problems.append(
                Problem(
                    f"modules/{folder.name}",
                    None,
                    "a module folder is named like '05-my-topic' (two digits, a hyphen, lower-case words joined by hyphens)",
                    "",
                )
            )
            continue
        module = Module(folder.name)
        for language in LANGUAGES:
            path = folder / f"index.{language}.md"
            if path.is_file():
                meta = _read_meta(path, sources, problems)
                module.pages[language] = ModulePage(language, path, meta)
        if "en" not in module.pages:
            problems.append(
                Problem(
                    f"modules/{folder.name}",
                    None,
                    "the English page index.en.md is missing",
                    "every module needs it (other languages fall back to it)",
                )
            )
            continue
        problems.extend(check_module(module, project_root))
        modules.append(module)
    return modules, problems


def _read_meta(path: Path, sources: Sources, problems: list[Problem]) -> dict:
    try:
        return parse_front_matter(sources.text(path))
    except FrontMatterProblem as problem:
        problems.append(problem.problem(sources.where(path)))
        return {}


def check_module(module: Module, project_root: Path) -> list[Problem]:
    """Required front matter and objective ids that agree across languages."""
    problems: list[Problem] = []
    english_ids = module.objective_ids
    for language, page in module.pages.items():
        where = page.path.relative_to(project_root).as_posix()
        if not page.meta:
            continue  # a parse problem was already reported, or the page has no front matter
        for key in REQUIRED_KEYS:
            if key not in page.meta:
                problems.append(
                    Problem(where, 1, f"front matter lacks '{key}'", f"add '{key}: ...' (see the trainer guide)")
                )
        objectives = page.meta.get("objectives", [])
        if not isinstance(objectives, list) or not all(
            isinstance(o, dict) and "id" in o and "text" in o for o in objectives
        ):
            problems.append(
                Problem(where, 1, "'objectives' must be a list of '- id: some-id' / '  text: ...' entries", "")
            )
            continue
        ids = [str(o["id"]) for o in objectives]
        bad = [i for i in ids if not OBJECTIVE_ID.match(i)]
        if bad:
            problems.append(
                Problem(where, 1, f"objective id '{bad[0]}' is not a slug", "use lower-case words joined by hyphens")
            )
        for objective in objectives:
            level = objective.get("level")
            if level is not None and level not in LEVELS:
                problems.append(
                    Problem(
                        where,
                        1,
                        f"objective '{objective['id']}' has level '{level}'",
                        f"use one of {', '.join(LEVELS)} (or leave 'level' out)",
                    )
                )
        if language != "en" and ids != english_ids:
            problems.append(
                Problem(
                    where,
                    1,
                    f"objective ids {ids} differ from index.en.md {english_ids}",
                    "use the same ids in the same order in every language",
                )
            )
    return problems
