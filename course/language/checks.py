"""The course's language checks in one call: termbase, stale future tense, number drift.

`make check` prints what this finds; the build logs it as warnings, so the strict
(published) build stops on it. Both read the course through course_texts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from course.language import numbers as course_numbers
from course.language import termbase as course_termbase
from course.language import texts as course_texts
from course.language import timewords as course_timewords
from course.problems import Problem
from course.sources import Sources


@dataclass(frozen=True)
class LanguageFinding:
    """A finding and the check that made it ('termbase', 'future-tense' or 'numbers')."""

    check: str
    finding: Problem


def facts_years(sources: Sources, modules: list, owners: dict[str, str]) -> tuple[dict[str, int], int]:
    """The year of facts_as_of for every module page and quiz, and the course's newest year."""
    years: dict[str, int] = {}
    newest = 0
    for module in modules:
        for page in module.pages.values():
            year = course_timewords.as_of_year(page.meta, 0)
            if year:
                years[sources.where(page.path)] = year
                newest = max(newest, year)
    fallback = newest or datetime.date.today().year
    by_folder = {}
    for module in modules:
        english = module.pages.get("en")
        if english is not None:
            by_folder[module.folder] = years.get(sources.where(english.path), fallback)
    for quiz, folder in owners.items():
        if folder in by_folder:
            years[quiz] = by_folder[folder]
    return years, fallback


def check_course(sources: Sources, modules: list, terms: list[dict], owners: dict[str, str]) -> list[LanguageFinding]:
    """Every termbase, future-tense and number finding in the course's text (owners: quiz -> module)."""
    texts = course_texts.all_texts(sources)
    years, fallback = facts_years(sources, modules, owners)
    found = [
        LanguageFinding("termbase", f) for f in course_termbase.check_texts(texts, course_termbase.avoid_forms(terms))
    ]
    found += [LanguageFinding("future-tense", f) for f in course_timewords.check_texts(texts, years, fallback)]
    found += [LanguageFinding("numbers", f) for f in course_numbers.check_texts(texts)]
    return [LanguageFinding(f.check, replace(f.finding, severity="warning")) for f in found]
