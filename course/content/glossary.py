"""The glossary data file (glossary.yml): every term in every language, in one place.

It feeds the glossary pages and the abbreviation tooltips.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

from course.languages import LANGUAGES, text_in
from course.problems import Problem
from course.sources import Sources

GLOSSARY_FILE = "glossary.yml"


class GlossaryError(Exception):
    """The problems of glossary.yml (as data; the message lists them one a line)."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(problem.text() for problem in problems))
        self.problems = problems


def load_terms(project_root: Path) -> list[dict]:
    """The checked terms of glossary.yml; GlossaryError lists every problem at once."""
    terms, problems = read_glossary(Sources(project_root))
    if problems:
        raise GlossaryError(problems)
    return terms


def read_glossary(sources: Sources) -> tuple[list[dict], list[Problem]]:
    """The terms of glossary.yml and the problems found in it (no file: no terms)."""
    path = sources.root / GLOSSARY_FILE
    if not path.is_file():
        return [], []
    try:
        data = sources.yaml_node(path)
        plain = sources.yaml_data(path)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = Problem(
            GLOSSARY_FILE,
            mark.line + 1 if mark else 1,
            f"not valid YAML ({error.problem})",
            "check indentation and quote texts containing ': '",
        )
        return [], [where]
    if not isinstance(plain, dict) or not isinstance(plain.get("terms"), list):
        return [], [Problem(GLOSSARY_FILE, 1, "the file must start with 'terms:' followed by a list of terms", "")]
    lines = _term_lines(data)
    problems: list[Problem] = []
    seen_ids: set[str] = set()
    seen_abbr: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for index, term in enumerate(plain["terms"]):
        line = lines[index] if index < len(lines) else 1
        if not isinstance(term, dict) or "id" not in term:
            problems.append(Problem(GLOSSARY_FILE, line, "each term needs an 'id' (a slug such as 'troika')", ""))
            continue
        if term["id"] in seen_ids:
            problems.append(
                Problem(GLOSSARY_FILE, line, f"term id '{term['id']}' is used twice", "give each term its own id")
            )
        seen_ids.add(term["id"])
        for key in ("term", "definition"):
            value = term.get(key)
            if not isinstance(value, dict) or not value.get("en"):
                problems.append(
                    Problem(
                        GLOSSARY_FILE, line, f"term '{term['id']}' needs '{key}: {{en: ..., ru: ..., tg: ...}}'", ""
                    )
                )
        abbr = term.get("abbr") or {}
        for language, short in abbr.items() if isinstance(abbr, dict) else []:
            if short in seen_abbr.get(language, set()):
                problems.append(
                    Problem(
                        GLOSSARY_FILE,
                        line,
                        f"abbreviation '{short}' ({language}) is defined twice",
                        "keep it on one term",
                    )
                )
            seen_abbr.setdefault(language, set()).add(short)
        problems += _avoid_list_problems(term, line)
    return plain["terms"], problems


def _avoid_list_problems(term: dict, line: int) -> list[Problem]:
    """Mistakes in a term's 'avoid:' lists (the forms course.language.termbase looks for)."""
    avoid = term.get("avoid")
    if avoid is None:
        return []
    if not isinstance(avoid, dict):
        fix = 'write \'avoid: {tg: [{form: "...", note: "..."}]}\''
        return [
            Problem(GLOSSARY_FILE, line, f"term '{term['id']}': 'avoid' must map a language to a list of forms", fix)
        ]
    problems = []
    for language, entries in avoid.items():
        if language not in LANGUAGES:
            problems.append(
                Problem(
                    GLOSSARY_FILE,
                    line,
                    f"term '{term['id']}': 'avoid' names an unknown language '{language}'",
                    f"use one of {', '.join(LANGUAGES)}",
                )
            )
        for entry in entries if isinstance(entries, list) else [entries]:
            form = entry.get("form") if isinstance(entry, dict) else entry
            if not isinstance(form, str) or not form.strip():
                problems.append(
                    Problem(
                        GLOSSARY_FILE,
                        line,
                        f"term '{term['id']}': an 'avoid' entry for {language} has no form",
                        "give each entry a 'form: \"...\"' (and optionally a 'note')",
                    )
                )
    return problems


def _term_lines(node: yaml.Node | None) -> list[int]:
    """1-based line of each entry of the 'terms' list, for error messages."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "terms" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def abbreviation_definitions(terms: list[dict], language: str) -> str:
    """Markdown abbreviation lines ('*[UPR]: Universal Periodic Review') for one language.

    An abbreviation has an entry for every language whose pages use it, even when it is the
    same Latin letters (a Tajik page writes 'OPCAT'): the tooltip then names the term in the
    reader's language. A term whose letters stand for words, not for its name (SMART), gives
    them as 'expansion'.
    """
    return "\n".join(f"*[{abbr}]: {expansion}" for abbr, expansion in abbreviation_map(terms, language).items())


def abbreviation_map(terms: list[dict], language: str) -> dict[str, str]:
    """Abbreviation -> its expansion in one language (what the tooltips show)."""
    found = {}
    for term in terms:
        abbr = term.get("abbr")
        if isinstance(abbr, dict) and abbr.get(language):
            found[str(abbr[language])] = text_in(term.get("expansion") or term.get("term"), language).replace("\n", " ")
    return found


def mark_abbreviations(text: str, expansions: dict[str, str]) -> str:
    """Plain text as HTML with each abbreviation given its tooltip, for texts that templates
    draw from front matter (a module's summary), which the Markdown abbreviations never see."""
    if not expansions:
        return html.escape(text, quote=False)
    # Longest first, so that ФП-КПП is one abbreviation; a suffix may follow a hyphen (ШУД-ро).
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(map(re.escape, sorted(expansions, key=len, reverse=True))) + r")(?!\w)"
    )
    parts = []
    last = 0
    for match in pattern.finditer(text):
        parts.append(html.escape(text[last : match.start()], quote=False))
        title = html.escape(expansions[match.group(1)], quote=True)
        parts.append(f'<abbr tabindex="0" title="{title}">{html.escape(match.group(1))}</abbr>')
        last = match.end()
    parts.append(html.escape(text[last:], quote=False))
    return "".join(parts)


def glossary_entries(terms: list[dict], language: str) -> list[dict]:
    """Terms sorted in the reader's language, each with its forms in all three languages."""
    entries = []
    for term in terms:
        forms = {lang: text_in(term.get("term"), lang) for lang in LANGUAGES}
        abbr: dict = term["abbr"] if isinstance(term.get("abbr"), dict) else {}
        entries.append(
            {
                "id": f"term-{term['id']}",
                "name": forms[language],
                "abbr": abbr.get(language, ""),
                "definition": text_in(term.get("definition"), language),
                "forms": forms,
                "abbrs": abbr,
                "tg_proposed": term.get("tg_status", "proposed") != "seen",
            }
        )
    return sorted(entries, key=lambda entry: entry["name"].casefold())
