"""Statements that speak of a year in the future tense after that year has begun.

"The fourth review is scheduled for 2026" was true when it was written and misleads a reader
in 2027. A sentence that names a year and speaks in the future tense is reported when the
year is not after the year of the page's `facts_as_of`: by then the plan has happened (or
not), and the text should say what was planned and where to check what happened.
"""

from __future__ import annotations

import datetime
import re

from course.language.texts import Text
from course.problems import Problem

YEAR = re.compile(r"(?<![\d/.-])(19|20)\d{2}(?![\d/])")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZА-ЯЁӢӮҲҚҒҶ«\"(])")
# A past form just before a marker turns it into a past statement ("was planned", "был намечен").
FUTURE_MARKERS = {
    "en": re.compile(
        r"\b(will|shall|won't|is going to|are going to|upcoming|forthcoming|"
        r"(?<!was )(?<!were )(?:is|are) (?:scheduled|planned|expected|due|set) (?:for|to|in))\b",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?<![\w])(будет|будут|состоится|состоятся|пройд[её]т|предстоящ\w*|ожидается|ожидаются|"
        r"(?<!был )(?<!была )(?<!было )(?<!были )(?:запланирован|намечен|назначен)\w*)(?![\w])",
        re.IGNORECASE,
    ),
    "tg": re.compile(
        r"(?<![\w])(хоҳад|хоҳанд|баргузор мегардад|баргузор мешавад|баргузор мегарданд|"
        r"ба нақша гирифта шудааст|пешбинӣ шудааст|интизор меравад|дар пеш аст|оянда|ояндаи)(?![\w])",
        re.IGNORECASE,
    ),
}


def as_of_year(meta: dict, fallback: int) -> int:
    """The year of a page's facts_as_of, or the course's when the page has none."""
    value = meta.get("facts_as_of") if isinstance(meta, dict) else None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.year
    match = re.match(r"\s*(\d{4})", str(value or ""))
    return int(match.group(1)) if match else fallback


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs of a block of text."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        spans.append((start, text[start : match.start()]))
        start = match.end()
    spans.append((start, text[start:]))
    return spans


def check_text(text: Text, year_of_facts: int) -> list[Problem]:
    """Future-tense sentences of one block tied to a year that is not after year_of_facts."""
    marker = FUTURE_MARKERS.get(text.language)
    if marker is None:
        return []
    findings = []
    for offset, sentence in sentences(text.text):
        future = marker.search(sentence)
        years = list(YEAR.finditer(sentence))
        if not future or not years:
            continue
        # the year the future statement is about: the one nearest to the marker
        year = min(years, key=lambda y: abs(y.start() - future.start()))
        if int(year.group(0)) > year_of_facts:
            continue
        words = " ".join(sentence.split())
        quoted = words if len(words) <= 90 else words[:87] + "..."
        findings.append(
            Problem(
                text.file,
                text.line_at(offset + year.start()),
                f"stale future tense: '{future.group(0)}' with {year.group(0)}, which is not after "
                f'the facts\' date ({year_of_facts}): "{quoted}"',
                "say what was planned and by whom, and where to check what happened (the OHCHR UPR calendar "
                "and country page); or move facts_as_of back if the facts were not re-checked",
            )
        )
    return findings


def check_texts(texts: list[Text], years: dict[str, int], fallback: int) -> list[Problem]:
    """Every stale future-tense statement; years maps a file (or a quiz) to its facts' year."""
    findings = []
    for text in texts:
        findings += check_text(text, years.get(text.file, fallback))
    return findings
