"""Warn about forms to avoid, stale future tense and numbers that differ between languages.

Runs once per build (with the default language); the published build is strict, so any of
these warnings stops it, as `make check` reports them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger

from course.content import catalog as course_catalog
from course.content import glossary as course_glossary
from course.language import checks as course_language
from course.quizzes import load as quiz_load
from course.site import i18n as course_i18n

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger(__name__)


def on_pre_build(config: MkDocsConfig) -> None:
    if course_i18n.language_root(config, course_i18n.current_language(config)) != "":
        return  # the other languages' builds: already checked
    root = Path(config.config_file_path).resolve().parent
    try:
        modules = course_catalog.load_catalog(root)
        terms = course_glossary.load_terms(root)
    except (course_catalog.CatalogError, course_glossary.GlossaryError):
        return  # the hooks that use them stop the build with the located problem
    drafts = {module.folder for module in modules if module.draft}
    owners = quiz_load.quiz_owners(root)
    for found in course_language.check_course(root, modules, terms):
        folder = course_language.module_of(found.finding.file) or owners.get(found.finding.file)
        if folder not in drafts:
            log.warning(found.finding.text())
