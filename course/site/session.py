"""The course model of the MkDocs build that is running.

static-i18n builds every language with the same config object, and `mkdocs serve` loads a
new config for each rebuild, so one course model per config object is one per build: the
hooks ask for it with `course_for(config)`, and it reads the sources the first time.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from course.model import Course
from course.problems import Problem
from course.quizzes import render as quiz_render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

SHOW_DRAFTS_VARIABLE = "COURSE_SHOW_DRAFTS"


class _Session:
    """The command that started MkDocs, and the course of the build that runs now."""

    def __init__(self) -> None:
        self.command = "build"
        self.config: object | None = None
        self.course: Course | None = None
        self.renderer: quiz_render.TextRenderer | None = None


_session = _Session()


def started(command: str) -> None:
    """MkDocs' on_startup: 'serve' shows draft modules; 'build' and 'gh-deploy' do not."""
    _session.command = command


def course_for(config: MkDocsConfig) -> Course:
    if _session.config is not config or _session.course is None:
        show_drafts = _session.command == "serve" or os.environ.get(SHOW_DRAFTS_VARIABLE) == "1"
        _session.course = Course(Path(config.config_file_path).resolve().parent, show_drafts)
        _session.config = config
        _session.renderer = None
    return _session.course


def renderer_for(config: MkDocsConfig) -> quiz_render.TextRenderer:
    """Quiz texts to HTML with the site's Markdown extensions (one renderer per build)."""
    course_for(config)
    if _session.renderer is None:
        _session.renderer = quiz_render.TextRenderer(config.markdown_extensions, config.mdx_configs)
    return _session.renderer


def stop_on(problems: list[Problem], heading: str) -> None:
    """End the build with every problem listed under a heading, if there is any."""
    if problems:
        raise PluginError(heading + ":\n" + "\n".join(problem.text() for problem in problems))
