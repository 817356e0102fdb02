"""YAML with line numbers: plain data plus the line of every mapping key and list item."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from course.yaml_loader import FAST_LOADER

Path = tuple  # a location inside the data: ('questions', 3, 'options', 0, 'correct')


@dataclass
class LocatedYaml:
    data: Any  # plain data as YAML gives it: mappings, lists, strings, numbers
    lines: dict[Path, int] = field(default_factory=dict)
    # keys written twice in one mapping (YAML silently keeps the last): (line, key, first line)
    duplicates: list[tuple[int, str, int]] = field(default_factory=list)

    def line(self, path: Path) -> int:
        """The line of path, or of its nearest located parent (1-based)."""
        path = tuple(path)
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return 1
            path = path[:-1]


GENERAL_FIX = "check the indentation and quote texts that contain ': ' or start with a special character"


class YamlSyntaxError(Exception):
    """Where the text stops being YAML, what is wrong there, and what to write instead."""

    def __init__(self, line: int, column: int, problem: str, fix: str = GENERAL_FIX):
        super().__init__(f"{line}:{column}: {problem}; {fix}")
        self.line, self.column, self.problem, self.fix = line, column, problem, fix


def load_located(text: str) -> LocatedYaml:
    """Parse YAML safely, remembering where each key and item starts."""
    try:
        node, data = _compose_and_construct(text, FAST_LOADER)
    except yaml.MarkedYAMLError:
        try:  # the pure-Python parser words its errors best; only a broken file pays for it
            node, data = _compose_and_construct(text, yaml.SafeLoader)
        except yaml.MarkedYAMLError as error:
            raise _syntax_error(error) from None
    located = LocatedYaml(data)
    if node is not None:
        _walk(node, (), located)
    return located


def located(node: yaml.Node | None, data: Any) -> LocatedYaml:
    """Data already parsed (course.sources) with the lines of its node tree."""
    found = LocatedYaml(data)
    if node is not None:
        _walk(node, (), found)
    return found


def _compose_and_construct(text: str, loader_class: type) -> tuple:
    """One parse gives both the node tree (for line numbers) and the plain data."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


def _syntax_error(error: yaml.MarkedYAMLError) -> YamlSyntaxError:
    """Where the author has to look: an unclosed quote is reported where it opens."""
    mark, start = error.problem_mark or error.context_mark, error.context_mark
    unclosed = "end of stream" in (error.problem or "") or "document separator" in (error.problem or "")
    if start is not None and "quoted scalar" in (error.context or "") and unclosed:
        return YamlSyntaxError(
            start.line + 1, start.column + 1, "a quoted text starting here is never closed", "add the closing quote"
        )
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or str(error)
    if "'\\t'" in problem or "tab character" in problem:
        return YamlSyntaxError(line, column, "a tab character", "indent with spaces, not tabs")
    if error.context:
        started = f" that starts on line {start.line + 1}" if start is not None and start.line + 1 != line else ""
        problem = f"{problem} ({error.context}{started})"
    return YamlSyntaxError(line, column, problem)


def _walk(node: yaml.Node, path: Path, located: LocatedYaml) -> None:
    lines = located.lines
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key, value in node.value:
            child = path + (key.value,)
            line = key.start_mark.line + 1
            if key.value in seen:
                located.duplicates.append((line, str(key.value), seen[key.value]))
            seen.setdefault(key.value, line)
            lines[child] = line
            _walk(value, child, located)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = path + (index,)
            lines[child] = item.start_mark.line + 1
            _walk(item, child, located)
