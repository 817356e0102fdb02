"""Front matter parsing that reports mistakes instead of hiding them.

MkDocs 1.6 silently renders malformed front matter as page text; these helpers re-read
the block so that an author learns the file, the line and the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from course.problems import Problem
from course.yaml_loader import FAST_LOADER

# The same block MkDocs recognises: '---' on the first line, closed by '---' or '...'.
_BLOCK = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)
_OPENING_ONLY = re.compile(r"\A-{3}[ \t]*\n")


@dataclass(frozen=True)
class FrontMatterProblem(Exception):
    """A mistake in a page's front matter, located by line (1-based, in the file)."""

    line: int
    message: str
    fix: str = ""

    def problem(self, file: str) -> Problem:
        """The same, as a course problem of a file."""
        return Problem(file, self.line, self.message, self.fix)


def parse_front_matter(source: str) -> dict:
    """Return the page's front matter as a dict ({} when there is none).

    Raises FrontMatterProblem for YAML that does not parse or is not a mapping.
    """
    if not _OPENING_ONLY.match(source):
        return {}
    block = _BLOCK.match(source)
    if block is None:
        raise FrontMatterProblem(1, "front matter opened with '---' is never closed", "end it with a line '---'")
    text = block.group(1) or ""
    try:
        data = yaml.load(text, Loader=FAST_LOADER)  # noqa: S506 - a safe loader, in C when PyYAML has it
    except yaml.YAMLError:
        data = None  # worded below by the pure-Python parser, which points better
    else:
        return _as_mapping(data)
    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        # The context mark points where the broken construct began (an unclosed '['),
        # which is where the author has to look; the problem mark is often the end of the block.
        mark = error.context_mark or error.problem_mark
        line = mark.line + 2 if mark else 2
        column = mark.column + 1 if mark else 1
        problem = error.problem or "invalid YAML"
        raise FrontMatterProblem(
            line,
            f"column {column}: front matter is not valid YAML ({problem})",
            "write one 'key: value' per line and quote values that contain ': ' or start with a special character",
        ) from None
    return _as_mapping(data)


def _as_mapping(data: object) -> dict:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterProblem(2, "front matter must be 'key: value' lines (a mapping), not a list or a single value")
    return data


def source_path(page: object) -> str:
    """The path an author recognises for a MkDocs page: relative to the project, not to docs_dir."""
    file = page.file  # type: ignore[attr-defined]
    return getattr(file, "project_path", None) or f"docs/{file.src_uri}"
