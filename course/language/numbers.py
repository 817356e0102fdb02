"""Numbers that one language's version of a page or question has and another lacks.

Translations are written by hand, so a date, a count or a document symbol can drift: the
Russian page says 16/21 where the English one says 16/12. Each number written in digits
(years, counts, percentages, resolution numbers, document symbols such as A/HRC/33/11) is
compared between the versions of the same page, quiz question, glossary term or diagram.
Thousands separators and decimal marks follow each language (en 10,700 and 4.5; ru and tg
10 700 and 4,5) and are read as the same number. Ordinals (4th, 4-й, 4-ум) are left out:
languages write them in words as often as in digits.
"""

from __future__ import annotations

import re
from collections import defaultdict

from course.language.texts import Text
from course.problems import Problem

SYMBOL = re.compile(r"\b[A-Z]{1,6}(?:/[A-Z0-9.]+)+(?:/\d+)*\b|\b\d+/\d+(?:/\d+)*\b")
THOUSANDS = {"en": re.compile(r"\b\d{1,3}(?:,\d{3})+\b"), "other": re.compile(r"\b\d{1,3}(?:[ \u00a0\u202f]\d{3})+\b")}
# Russian and Tajik write 4,5; version numbers (CC BY 4.0, Python 3.11) keep their dot.
DECIMAL = {"en": re.compile(r"\b\d+\.\d+\b"), "other": re.compile(r"\b\d+[,.]\d+\b")}
NUMBER = re.compile(r"\b\d+\b")
ORDINAL = {
    "en": re.compile(r"\b(\d+)(?:st|nd|rd|th)\b", re.IGNORECASE),
    "ru": re.compile(r"\b(\d+)-(?:й|го|му|м|е|я|ю|х|ми|ое|ой|ая|ую|ых|ым|ого|ому|ом|ые)\b"),
    "tg": re.compile(r"\b(\d+)-(?:ум|юм|ом)\b"),
}
# What is not text: link targets, attribute lists ({#exercise-1}), addresses, ISO dates of front matter.
NOT_TEXT = re.compile(
    r"\]\([^)]*\)|\{[^}\n]*\}|https?://\S+|\b\d{4}-\d{2}-\d{2}\b|\b[\w.-]+\.(?:svg|png|yml|md|html|pdf|zip)\b"
)


def ordinals_in(text: str, language: str) -> set[str]:
    """Numbers written as ordinals (4th, 13-й, 4-ум): a translation may spell them in words."""
    ordinal = ORDINAL.get(language)
    return {m.group(1) for m in ordinal.finditer(text)} if ordinal else set()


def numbers_in(text: str, language: str) -> dict[str, int]:
    """Each number in the text, in one spelling for every language, with its first offset."""
    kind = "en" if language == "en" else "other"
    found: dict[str, int] = {}
    text = NOT_TEXT.sub(lambda m: " " * len(m.group(0)), text)
    ordinal = ORDINAL.get(language)
    if ordinal:
        text = ordinal.sub(lambda m: " " * len(m.group(0)), text)

    def take(pattern: re.Pattern[str], spell) -> None:
        nonlocal text
        for match in pattern.finditer(text):
            found.setdefault(spell(match.group(0)), match.start())
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)

    take(SYMBOL, lambda s: s)
    take(THOUSANDS[kind], lambda s: re.sub(r"[,\s\u00a0\u202f]", "", s))
    take(DECIMAL[kind], lambda s: s.replace(",", "."))
    take(NUMBER, lambda s: s)
    return found


def check_texts(texts: list[Text]) -> list[Problem]:
    """A finding for each number that one language version has and another lacks."""
    groups: dict[str, dict[str, list[Text]]] = defaultdict(lambda: defaultdict(list))
    for text in texts:
        groups[text.group][text.language].append(text)
    findings = []
    for by_language in groups.values():
        if len(by_language) < 2:
            continue
        where_first: dict[str, dict[str, tuple[Text, int]]] = {}
        as_ordinal: dict[str, set[str]] = {}
        for language, blocks in by_language.items():
            seen: dict[str, tuple[Text, int]] = {}
            as_ordinal[language] = set()
            for block in blocks:
                for number, offset in numbers_in(block.text, language).items():
                    seen.setdefault(number, (block, offset))
                as_ordinal[language] |= ordinals_in(NOT_TEXT.sub(" ", block.text), language)
            where_first[language] = seen
        for language, seen in where_first.items():
            for number, (block, offset) in seen.items():
                lacking = [
                    other
                    for other in where_first
                    if other != language and number not in where_first[other] and number not in as_ordinal[other]
                ]
                if lacking:
                    files = ", ".join(sorted({by_language[other][0].file for other in lacking}))
                    findings.append(
                        Problem(
                            block.file,
                            block.line_at(offset),
                            f"number drift: '{number}' appears in the {language} version but not in the "
                            f"{'/'.join(lacking)} version ({files})",
                            "write the same number in every language (in digits in all, or in words in all), "
                            "after checking which version is right",
                        )
                    )
    return findings
