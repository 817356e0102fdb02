"""The project's source files, each read from disk once.

A build, `make check` and `make export` each make one `Sources` (inside the course model,
course.model) and every reader of Markdown, YAML and SVG sources goes through it, so a file
is read and parsed once however many checks and languages look at it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from course.yaml_loader import FAST_LOADER


class Sources:
    def __init__(self, root: Path):
        self.root = root.resolve()
        self.reads: Counter[str] = Counter()  # project path -> times read from disk (1 at most)
        self._texts: dict[Path, str] = {}
        self._data: dict[Path, Any] = {}
        self._nodes: dict[Path, yaml.Node | yaml.YAMLError | None] = {}

    def where(self, path: Path) -> str:
        """The path as an author writes it: relative to the project, with '/'."""
        return path.resolve().relative_to(self.root).as_posix()

    def text(self, path: Path) -> str:
        """The file's text (a byte-order mark dropped), read on first use."""
        key = path.resolve()
        if key not in self._texts:
            self._texts[key] = key.read_text(encoding="utf-8-sig")
            self.reads[self.where(key)] += 1
        return self._texts[key]

    def yaml_node(self, path: Path) -> yaml.Node | None:
        """The file's YAML as a node tree (with line marks), composed on first use.

        Raises the file's yaml.YAMLError, every time it is asked, when the file does not parse.
        """
        key = path.resolve()
        if key not in self._nodes:
            try:
                self._nodes[key] = yaml.compose(self.text(key), Loader=FAST_LOADER)
            except yaml.YAMLError as error:
                self._nodes[key] = error
        found = self._nodes[key]
        if isinstance(found, yaml.YAMLError):
            raise found
        return found

    def yaml_data(self, path: Path) -> Any:
        """The file's YAML as plain data, built once from the node tree (no second parse).

        Shared by every reader: treat it as read-only.
        """
        key = path.resolve()
        if key not in self._data:
            node = self.yaml_node(key)
            self._data[key] = None if node is None else FAST_LOADER("").construct_document(node)
        return self._data[key]

    def glob(self, pattern: str) -> list[Path]:
        return sorted(self.root.glob(pattern))
