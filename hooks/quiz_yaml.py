"""YAML with line numbers: plain data plus the line of every mapping key and list item."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

Path = tuple  # a location inside the data: ('questions', 3, 'options', 0, 'correct')


@dataclass
class LocatedYaml:
    data: object
    lines: dict[Path, int] = field(default_factory=dict)

    def line(self, path: Path) -> int:
        """The line of path, or of its nearest located parent (1-based)."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


class YamlSyntaxError(Exception):
    def __init__(self, line: int, column: int, problem: str):
        super().__init__(f"{line}:{column}: {problem}")
        self.line, self.column, self.problem = line, column, problem


def load_located(text: str) -> LocatedYaml:
    """Parse YAML safely, remembering where each key and item starts."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or str(error)
        if error.context:
            problem = f"{problem} ({error.context})"
        raise YamlSyntaxError(line, column, problem) from None
    located = LocatedYaml(data)
    if node is not None:
        _walk(node, (), located.lines)
    return located


def _walk(node: yaml.Node, path: Path, lines: dict[Path, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = path + (key.value,)
            lines[child] = key.start_mark.line + 1
            _walk(value, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = path + (index,)
            lines[child] = item.start_mark.line + 1
            _walk(item, child, lines)
