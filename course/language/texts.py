"""Every piece of course text in one language, with the file and line it starts on.

The language checks (forms to avoid, stale future tense, numbers that differ between
languages) read the course through this one module, so they agree on what counts as text:
page paragraphs (front matter included, code and HTML comments left out), quiz and glossary
strings under a language key, interface strings, and the words drawn in SVG diagrams.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from course.languages import LANGUAGES
from course.sources import Sources

FENCE = re.compile(r"^\s*(```|~~~)")
# A list item, table row or heading starts a block of its own (a sentence never spans two).
BLOCK_START = re.compile(r"^\s{0,3}([-*+]\s|\d+\.\s|\||#{1,6}\s|!!!|\?\?\?)")
INLINE_CODE = re.compile(r"`[^`\n]*`")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
SVG_TEXT = re.compile(r"<(text|tspan|title|desc)\b[^>]*>([^<]*)", re.IGNORECASE)
HTML_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Text:
    """A block of text in one language: where it starts and which page or question it belongs to."""

    file: str  # project-relative path
    line: int  # 1-based line of the block's first character
    language: str
    text: str
    group: str  # what its translations share: a page ('modules/01-x/index') or a quiz question

    def line_at(self, offset: int) -> int:
        """The file line of a character inside the block."""
        return self.line + self.text.count("\n", 0, offset)


def blank_out(text: str, pattern: re.Pattern[str]) -> str:
    """Replace what pattern matches by spaces of the same shape, so offsets and lines stay put."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def page_language(path: Path) -> tuple[str, str]:
    """('ru', 'about') for about.ru.md; pages without a language suffix are English."""
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    base, dot, suffix = stem.rpartition(".")
    if dot and suffix in LANGUAGES:
        return suffix, base
    return "en", stem


def markdown_blocks(text: str, where: str, language: str, group: str) -> Iterator[Text]:
    """Paragraphs of a Markdown page (lines joined, so a phrase broken over two lines is found)."""
    text = blank_out(text, COMMENT)
    lines = text.split("\n")
    in_fence = False
    block: list[str] = []
    start = 0
    for number, line in enumerate(lines, start=1):
        if FENCE.match(line):
            in_fence = not in_fence
            line = ""
        elif in_fence:
            line = ""
        if line.strip() in ("", "---"):
            if block:
                yield Text(where, start, language, blank_out("\n".join(block), INLINE_CODE), group)
            block = []
            continue
        if block and BLOCK_START.match(line):
            yield Text(where, start, language, blank_out("\n".join(block), INLINE_CODE), group)
            block = []
        if not block:
            start = number
        block.append(line)
    if block:
        yield Text(where, start, language, blank_out("\n".join(block), INLINE_CODE), group)


def svg_texts(text: str, where: str, language: str, group: str) -> Iterator[Text]:
    """The words a diagram shows (text, tspan, title and desc elements)."""
    for match in SVG_TEXT.finditer(text):
        words = match.group(2).strip()
        if words:
            line = text.count("\n", 0, match.start(2)) + 1
            yield Text(where, line, language, words, group)


def localized_strings(
    node: yaml.Node, where: str, group: str, skip: frozenset[str] = frozenset(), path: tuple = ()
) -> Iterator[Text]:
    """Strings under 'en:', 'ru:' or 'tg:' keys anywhere in a YAML tree, with their lines.

    The group of a string is the path of the mapping that holds the language keys' nearest
    list item (a quiz question, a glossary term), so its translations can be compared.
    """
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = str(key.value)
            if name in skip:
                continue
            if name in LANGUAGES:
                for item in _scalars(value):
                    yield Text(where, item.start_mark.line + 1, name, str(item.value), group)
            else:
                yield from localized_strings(value, where, group, skip, path + (name,))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            # the first list level names the unit whose translations belong together
            inner = f"{where}#{'/'.join(map(str, path + (index,)))}" if group == where else group
            yield from localized_strings(item, where, inner, skip, path + (index,))


def _scalars(node: yaml.Node) -> Iterator[yaml.ScalarNode]:
    if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) and node.value:
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item)


def yaml_strings(path: Path, sources: Sources, skip: frozenset[str] = frozenset()) -> list[Text]:
    """Language strings of one YAML file; a file that does not parse is left to its own check."""
    where = sources.where(path)
    try:
        node = sources.yaml_node(path)
    except yaml.YAMLError:
        return []
    return list(localized_strings(node, where, where, skip)) if node is not None else []


def page_files(sources: Sources) -> list[Path]:
    """Module pages and site pages, in a stable order."""
    return sources.glob("modules/*/index.*.md") + sources.glob("docs/**/*.md")


def page_texts(sources: Sources) -> list[Text]:
    """Every paragraph of every module and site page."""
    texts: list[Text] = []
    for path in page_files(sources):
        language, base = page_language(path)
        where = sources.where(path)
        group = f"{where.rpartition('/')[0]}/{base}"
        texts += markdown_blocks(sources.text(path), where, language, group)
    return texts


def svg_files(sources: Sources) -> list[Path]:
    return sources.glob("modules/*/*.svg") + sources.glob("docs/**/*.svg")


def diagram_texts(sources: Sources) -> list[Text]:
    """Words drawn in the localized diagrams (name.ru.svg and so on)."""
    texts: list[Text] = []
    for path in svg_files(sources):
        language, base = page_language(path)
        where = sources.where(path)
        if path.name.count(".") < 2:
            continue  # a picture without words in a language (the logo)
        texts += svg_texts(sources.text(path), where, language, f"{where.rpartition('/')[0]}/{base}.svg")
    return texts


def quiz_texts(sources: Sources) -> list[Text]:
    """Every language string of every quiz, grouped by question."""
    texts = []
    for path in sources.glob("quizzes/*.yml"):
        texts += yaml_strings(path, sources, skip=frozenset({"translation", "accept"}))
    return texts


def glossary_texts(sources: Sources) -> list[Text]:
    """Terms and definitions of the glossary (not its lists of forms to avoid)."""
    path = sources.root / "glossary.yml"
    return yaml_strings(path, sources, skip=frozenset({"avoid"})) if path.is_file() else []


def interface_texts(sources: Sources) -> list[Text]:
    """The project's interface strings and the Tajik theme translation."""
    texts = []
    strings = sources.root / "ui_strings.yml"
    if strings.is_file():
        texts += yaml_strings(strings, sources)
    theme = sources.root / "overrides" / "partials" / "languages" / "tg.html"
    if theme.is_file():
        where = sources.where(theme)
        for number, line in enumerate(sources.text(theme).split("\n"), start=1):
            words = HTML_TAG.sub(" ", line)
            if re.search(r"[\u0400-\u04FF]", words):
                texts.append(Text(where, number, "tg", words, where))
    return texts


def all_texts(sources: Sources) -> list[Text]:
    """Everything a reader sees, in every language."""
    return (
        page_texts(sources)
        + quiz_texts(sources)
        + glossary_texts(sources)
        + interface_texts(sources)
        + diagram_texts(sources)
    )
