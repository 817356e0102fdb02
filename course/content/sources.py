"""A module's sources as links a reader can follow.

Web addresses in the text become links by themselves (pymdownx.magiclink in mkdocs.yml). In a
module's "Sources" section (the heading with id 'sources'), UN documents link to the UN's
document server: symbols such as A/HRC/19/3 or CCPR/C/133/D/3258/2018, and resolutions and
decisions of the General Assembly and the Human Rights Council named by their number in any of
the course's languages ("Human Rights Council resolution 5/1", "Қатъномаи 60/251-и Маҷмаи
умумии СММ"). Russian and Tajik pages open the Russian version (the UN publishes none in
Tajik). The links only open when the reader follows them: the pages load nothing from there.
"""

from __future__ import annotations

import re

DOCUMENTS = "https://undocs.org/"
DOCUMENT_LANGUAGE = {"en": "en", "ru": "ru", "tg": "ru"}
SECTION = re.compile(r"^(#{2,6})[^\n]*\{[^}\n]*#sources\b[^}\n]*\}[ \t]*\n", re.MULTILINE)
# The UN's symbols: the body's letters, then parts separated by slashes (A/HRC/55/51/Add.2).
SYMBOL = re.compile(
    r"(?<![\w/.\[(])"
    r"((?:A|E|S|CCPR|CAT|CERD|CEDAW|CRC|CRPD|CED|CMW|HRI)"
    r"(?:/(?:[A-Z]{1,6}|\d+(?:\.\d+)?|Add\.\d+|Rev\.\d+|Corr\.\d+|Sub\.\d+)){2,})"
    r"(?![\w/\])])"
)


# What a resolution or decision is called, and which body adopted it, in each language.
KINDS = {"RES": r"resolution|резолюци|қатъном", "DEC": r"decision|решени|қарор"}
BODIES = {
    "A/RES/": r"General Assembly|Генеральн\w* Ассамбле\w*|Маҷмаи умумӣ|Маҷмаи умумии",
    "A/HRC/": r"Human Rights Council|HRC|Совет\w* по правам человека|СПЧ|Шӯрои ҳуқуқи инсон",
}
NUMBER = re.compile(r"(?<![\w/.\[-])(\d{1,2}/\d{1,3})(?![\w/\]])")


def _symbol(text: str, at: int) -> str | None:
    """The symbol of the resolution or decision whose number is at text[at]: its kind is the
    nearest such word before it, its body the nearest body named around it."""
    kinds = [(m.end(), kind) for kind, words in KINDS.items() for m in re.finditer(words, text[:at], re.IGNORECASE)]
    bodies = [
        (min(abs(m.end() - at), abs(m.start() - at)), prefix)
        for prefix, words in BODIES.items()
        for m in re.finditer(words, text, re.IGNORECASE)
    ]
    if not kinds or not bodies:
        return None
    kind = max(kinds)[1]
    body = min(bodies)[1]
    if body == "A/RES/":
        return "A/RES/" if kind == "RES" else None  # the Assembly's decisions have other symbols
    return f"A/HRC/{kind}/"


def _link_numbers(item: str, prefix: str) -> str:
    def link(match: re.Match) -> str:
        symbol = _symbol(item, match.start())
        return f"[{match.group(1)}]({prefix}{symbol}{match.group(1)})" if symbol else match.group(0)

    return NUMBER.sub(link, item)


def link_document_symbols(markdown: str, language: str) -> str:
    """The page's Markdown with the UN documents of its Sources section written as links."""
    match = SECTION.search(markdown)
    if match is None:
        return markdown
    level = len(match.group(1))
    following = re.compile(rf"^#{{2,{level}}}[ \t]", re.MULTILINE).search(markdown, match.end())
    end = following.start() if following else len(markdown)
    prefix = DOCUMENTS + DOCUMENT_LANGUAGE.get(language, "en") + "/"
    items = re.split(r"(?m)^(?=[-*] )", markdown[match.end() : end])  # one list item each
    section = "".join(_link_numbers(item, prefix) for item in items)
    section = SYMBOL.sub(lambda m: f"[{m.group(1)}]({prefix}{m.group(1)})", section)
    return markdown[: match.end()] + section + markdown[end:]
