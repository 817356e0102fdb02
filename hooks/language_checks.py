"""Warn about forms to avoid, stale future tense and numbers that differ between languages.

Runs once per build (with the default language); the published build is strict, so any of
these warnings stops it, as `make check` reports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger

from course.site import i18n as course_i18n
from course.site import session

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger(__name__)


def on_pre_build(config: MkDocsConfig) -> None:
    if course_i18n.language_root(config, course_i18n.current_language(config)) != "":
        return  # the other languages' builds: already checked
    course = session.course_for(config)
    if course.module_problems or course.glossary_problems:
        return  # the hooks that use them stop the build with the located problem
    for found in course.language_findings:
        if course.module_of(found.finding.file) not in course.drafts:
            log.warning(found.finding.text())
