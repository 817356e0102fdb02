"""The course's own scripts and stylesheets (docs/assets/) ship minified (course/site/minify.py);
the theme's come minified already."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from course.site import minify, session

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


@event_priority(-300)  # after static-i18n and the other hooks settled the list of files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs = Path(config.docs_dir).resolve()
    for file in files:
        path = Path(file.abs_src_path).resolve() if file.abs_src_path else None
        if path and docs in path.parents and minify.is_minified_on_the_way(file.src_uri):
            source = session.course_for(config).sources.text(path)
            file.content_string = minify.minified(file.src_uri, source)
    return files
