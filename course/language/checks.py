"""The course's language checks in one call: termbase, stale future tense, number drift.

`make check` prints what this finds; the build logs it as warnings, so the strict
(published) build stops on it. Both read the course through course_texts.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from course.language import numbers as course_numbers
from course.language import termbase as course_termbase
from course.language import texts as course_texts
from course.language import timewords as course_timewords
from course.problems import Problem
from course.yaml_loader import FAST_LOADER

GLOSSARY_FILE = "glossary.yml"
MODULE_LINE = re.compile(r"^module:[ \t]*[\"']?([0-9a-z-]+)", re.MULTILINE)


@dataclass(frozen=True)
class LanguageFinding:
    """A finding and the check that made it ('termbase', 'future-tense' or 'numbers')."""

    check: str
    finding: Problem


def quiz_owners(root: Path) -> dict[str, str]:
    """quizzes/x.yml -> the module folder its 'module:' line names (read plainly)."""
    owners = {}
    for path in sorted((root / "quizzes").glob("*.yml")):
        named = MODULE_LINE.search(path.read_text(encoding="utf-8-sig"))
        if named:
            owners[f"quizzes/{path.name}"] = named.group(1)
    return owners


def facts_years(root: Path, modules: list) -> tuple[dict[str, int], int]:
    """The year of facts_as_of for every module page and quiz, and the course's newest year."""
    years: dict[str, int] = {}
    newest = 0
    for module in modules:
        for page in module.pages.values():
            year = course_timewords.as_of_year(page.meta, 0)
            if year:
                years[page.path.relative_to(root).as_posix()] = year
                newest = max(newest, year)
    fallback = newest or datetime.date.today().year
    by_folder = {}
    for module in modules:
        english = module.pages.get("en")
        if english is not None:
            by_folder[module.folder] = years.get(english.path.relative_to(root).as_posix(), fallback)
    for quiz, folder in quiz_owners(root).items():
        if folder in by_folder:
            years[quiz] = by_folder[folder]
    return years, fallback


def glossary_lines(root: Path) -> list[int]:
    """1-based line of each glossary term, for problems in its 'avoid' list."""
    path = root / GLOSSARY_FILE
    try:
        node = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=FAST_LOADER)
    except (OSError, yaml.YAMLError):
        return []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "terms" and isinstance(value, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in value.value]
    return []


def check_course(root: Path, modules: list, terms: list[dict]) -> list[LanguageFinding]:
    """Every termbase, future-tense and number finding in the course's text."""
    texts = course_texts.all_texts(root)
    years, fallback = facts_years(root, modules)
    found = [
        LanguageFinding("termbase", f)
        for f in course_termbase.check_avoid_entries(terms, glossary_lines(root), GLOSSARY_FILE)
    ]
    found += [
        LanguageFinding("termbase", f) for f in course_termbase.check_texts(texts, course_termbase.avoid_forms(terms))
    ]
    found += [LanguageFinding("future-tense", f) for f in course_timewords.check_texts(texts, years, fallback)]
    found += [LanguageFinding("numbers", f) for f in course_numbers.check_texts(texts)]
    return [LanguageFinding(f.check, replace(f.finding, severity="warning")) for f in found]


def module_of(file: str) -> str | None:
    """The module folder a file belongs to ('modules/03-x/index.ru.md' -> '03-x'), if any."""
    parts = file.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "modules" else None
