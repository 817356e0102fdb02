"""The course's own scripts and stylesheets ship minified (course/site/minify.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from course.site import minify

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


@event_priority(-300)  # after static-i18n and the other hooks settled the list of files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files:
        if file.abs_src_path and minify.is_minified_on_the_way(file.src_uri):
            file.content_string = minify.minified(file.src_uri, Path(file.abs_src_path).read_text(encoding="utf-8"))
    return files
