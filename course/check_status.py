"""The translation status of every module page, site page and quiz, per language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from course.content.frontmatter import FrontMatterProblem, parse_front_matter
from course.languages import LANGUAGES
from course.sources import Sources

FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
NOT_WORDS = re.compile(r"<!--.*?-->|\{[^}\n]*\}|\]\([^)\n]*\)|<[^>\n]+>|https?://\S+", re.DOTALL)
WORD = re.compile(r"\w*[^\W\d_]\w*")


@dataclass
class Row:
    """One line of the table: kind ('module', 'quiz', 'page'), name and each language."""

    kind: str
    name: str
    draft: bool = False
    languages: dict[str, dict] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"kind": self.kind, "name": self.name, "draft": self.draft, "languages": self.languages}


def count_words(text: str) -> int:
    """Words a reader sees: no front matter, comments, attribute lists, link targets or tags."""
    return len(WORD.findall(NOT_WORDS.sub(" ", FRONT_MATTER.sub("", text, count=1))))


def page_status(path: Path, language: str, sources: Sources) -> dict:
    if not path.is_file():
        return {"status": "missing", "words": 0, "file": None}
    text = sources.text(path)
    try:
        meta = parse_front_matter(text)
    except FrontMatterProblem:
        meta = {}
    flag = str(meta.get("translation", "")).lower()
    status = flag if language != "en" and flag in ("draft", "reviewed") else "present"
    return {"status": status, "words": count_words(text), "file": sources.where(path)}


def module_rows(sources: Sources, drafts: set[str]) -> list[Row]:
    rows = []
    for folder in (p for p in sources.glob("modules/*") if p.is_dir() and not p.name.startswith((".", "_"))):
        row = Row("module", folder.name, folder.name in drafts)
        for language in LANGUAGES:
            row.languages[language] = page_status(folder / f"index.{language}.md", language, sources)
        rows.append(row)
    return rows


def site_page_rows(sources: Sources) -> list[Row]:
    docs = sources.root / "docs"
    names = set()
    for path in docs.rglob("*.md") if docs.is_dir() else []:
        relative = path.relative_to(docs).as_posix()[:-3]
        names.add(re.sub(r"\.(en|ru|tg)$", "", relative))
    rows = []
    for name in sorted(names):
        row = Row("page", name)
        for language in LANGUAGES:
            path = docs / f"{name}.{language}.md"
            if language == "en" and not path.is_file():
                path = docs / f"{name}.md"
            row.languages[language] = page_status(path, language, sources)
        rows.append(row)
    return rows


def quiz_rows(sources: Sources, drafts: set[str]) -> list[Row]:
    rows = []
    for path in sources.glob("quizzes/*.yml"):
        try:
            data = sources.yaml_data(path)
        except yaml.YAMLError:
            data = None
        row = Row("quiz", path.stem, isinstance(data, dict) and data.get("module") in drafts)
        where = sources.where(path)
        if not isinstance(data, dict):
            row.languages = {
                lang: {"status": "unreadable", "words": 0, "file": where, "translated": 0.0} for lang in LANGUAGES
            }
            rows.append(row)
            continue
        localized = list(_localized_values(data))
        statuses: dict = data["translation"] if isinstance(data.get("translation"), dict) else {}
        for language in LANGUAGES:
            done = sum(1 for value in localized if value.get(language) not in (None, "", []))
            share = round(done / len(localized), 3) if localized else 1.0
            words = sum(count_words(_text(v.get(language))) for v in localized) + _plain_words(data)
            if language == "en":
                status = "present"
            elif done == 0:
                status = "missing"
            else:
                status = str(statuses[language]) if statuses.get(language) in ("draft", "reviewed") else "present"
            row.languages[language] = {"status": status, "words": words, "file": where, "translated": share}
        rows.append(row)
    return rows


def _localized_values(value: object):
    """Every {en: ..., ru: ..., tg: ...} text of a quiz (not the translation map itself)."""
    if isinstance(value, dict):
        if "en" in value:
            yield value
            return
        for key, item in value.items():
            if key != "translation":
                yield from _localized_values(item)
    elif isinstance(value, list):
        for item in value:
            yield from _localized_values(item)


def _plain_words(data: dict) -> int:
    """Texts written once for all languages (names, numbers) count in every language."""
    total = 0
    for question in data.get("questions") or []:
        if not isinstance(question, dict):
            continue
        for part in ("options", "pairs"):
            for entry in question.get(part) or []:
                for key in ("text", "left", "right"):
                    if isinstance(entry, dict) and isinstance(entry.get(key), (str, int, float)):
                        total += count_words(str(entry[key]))
        total += sum(count_words(str(i)) for i in question.get("items") or [] if isinstance(i, (str, int, float)))
    return total


def _text(value: object) -> str:
    if isinstance(value, list):
        return " ".join(map(str, value))
    return "" if value is None else str(value)


def count_term_problems(rows: list[Row], found: list[tuple[str, str]]) -> None:
    """Add to each row's language the number of termbase problems in its file and language."""
    for row in rows:
        for language, info in row.languages.items():
            info["term_problems"] = sum(1 for file, lang in found if file == info.get("file") and lang == language)


def render_table(rows: list[Row]) -> str:
    """The table as aligned text, one row per page or quiz."""
    header = ["", "", *LANGUAGES]
    lines = [header]
    for row in rows:
        name = row.name + (" (draft module)" if row.draft else "")
        cells = [row.kind, name]
        for language in LANGUAGES:
            info = row.languages[language]
            cell = (
                info["status"]
                if info["status"] in ("missing", "unreadable")
                else f"{info['status']} {info['words']:,}w"
            )
            if "translated" in info and info["status"] not in ("unreadable",):
                cell += f" {round(info['translated'] * 100)}%"
            if info.get("term_problems"):
                cell += f" terms:{info['term_problems']}"
            cells.append(cell)
        lines.append(cells)
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = ["Translation status (w = words; quizzes: share of texts translated; terms:N = forms to avoid found)"]
    for line in lines:
        out.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=False)).rstrip())
    return "\n".join(out)
