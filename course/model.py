"""The course as one object: modules, glossary, quizzes, interface strings and their problems.

One `Course` is made per build (course.site.session hands it to the hooks), per `make check`
and per `make export`. Each part is worked out on first use and kept; every source file is
read through the course's `Sources`, so it is read and parsed once.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import yaml

from course import check_links
from course.content import catalog as course_catalog
from course.content import glossary as course_glossary
from course.language import checks as course_language
from course.languages import LANGUAGES
from course.problems import Problem
from course.quizzes import load as quiz_load
from course.quizzes import validate as quiz_validate
from course.sources import Sources

UI_STRINGS_FILE = "ui_strings.yml"
GLOSSARY_MARKER = "<!-- course:glossary -->"


class Course:
    def __init__(self, root: Path, show_drafts: bool = False):
        self.sources = Sources(root)
        self.root = self.sources.root
        self.show_drafts = show_drafts  # `mkdocs serve` shows draft modules; a published build does not

    # Modules ---------------------------------------------------------------------------------
    @cached_property
    def _modules_read(self) -> tuple[list[course_catalog.Module], list[Problem]]:
        return course_catalog.read_modules(self.sources)

    @property
    def modules(self) -> list[course_catalog.Module]:
        """Every module, drafts included, with whatever front matter parses."""
        return self._modules_read[0]

    @property
    def module_problems(self) -> list[Problem]:
        return self._modules_read[1]

    @property
    def drafts(self) -> set[str]:
        """Folders of the modules marked `draft: true`."""
        return {module.folder for module in self.modules if module.draft}

    @property
    def hidden(self) -> set[str]:
        """Folders left out of this build: the drafts, unless drafts are shown."""
        return set() if self.show_drafts else self.drafts

    @property
    def published_modules(self) -> list[course_catalog.Module]:
        """The modules this build shows, in order."""
        return [module for module in self.modules if module.folder not in self.hidden]

    # Glossary --------------------------------------------------------------------------------
    @cached_property
    def _glossary_read(self) -> tuple[list[dict], list[Problem]]:
        return course_glossary.read_glossary(self.sources)

    @property
    def terms(self) -> list[dict]:
        return self._glossary_read[0]

    @property
    def glossary_problems(self) -> list[Problem]:
        return self._glossary_read[1]

    # Interface strings -----------------------------------------------------------------------
    @cached_property
    def _ui_read(self) -> tuple[dict[str, dict[str, str]], list[Problem]]:
        path = self.root / UI_STRINGS_FILE
        try:
            table = self.sources.yaml_data(path) if path.is_file() else {}
        except yaml.MarkedYAMLError as error:
            line = error.problem_mark.line + 1 if error.problem_mark else 1
            return {}, [
                Problem(UI_STRINGS_FILE, line, f"not valid YAML ({error.problem})", "check indentation and quotes")
            ]
        if not isinstance(table, dict):
            return {}, [
                Problem(UI_STRINGS_FILE, 1, "the file must map each key to its texts", "key: {en: ..., ru: ...}")
            ]
        missing = [key for key, values in table.items() if not isinstance(values, dict) or "en" not in values]
        if missing:
            return {}, [Problem(UI_STRINGS_FILE, None, f"'{missing[0]}' needs at least an 'en:' text", "add one")]
        return table, []

    @property
    def ui_strings(self) -> dict[str, dict[str, str]]:
        """Every interface string in every language it has: key -> language -> text."""
        return self._ui_read[0]

    @property
    def ui_problems(self) -> list[Problem]:
        return self._ui_read[1]

    @cached_property
    def _ui_by_language(self) -> dict[str, dict[str, str]]:
        table = self._ui_read[0]
        return {
            language: {key: values.get(language) or values["en"] for key, values in table.items()}
            for language in LANGUAGES
        }

    def ui_text(self, language: str) -> dict[str, str]:
        """The interface strings in one language (English where one is missing)."""
        return dict(self._ui_by_language.get(language) or self._ui_by_language["en"])

    # Pages and quizzes -----------------------------------------------------------------------
    @cached_property
    def site(self) -> check_links.Site:
        """Every page and file as the site places it, for links and anchors."""
        return check_links.collect_site(self.sources, self.drafts, [str(t.get("id")) for t in self.terms])

    @cached_property
    def index(self) -> quiz_validate.CourseIndex:
        """What quizzes may point at: modules, objectives, pages and their anchors (MkDocs' rules)."""
        index = quiz_validate.CourseIndex()
        for module in self.modules:
            index.modules[module.folder] = module.objective_ids
            index.levels[module.folder] = module.objective_levels
        for key in sorted(self.site.files):
            if not key.endswith(".md"):
                continue
            language = check_links.language_of(key)
            page = check_links.page_address(key)
            index.pages.setdefault(page, {})[language] = self.site.anchors(key)
        return index

    @cached_property
    def quiz_owners(self) -> dict[str, str]:
        """quizzes/x.yml -> the module folder it names (even when the file does not parse)."""
        return quiz_load.quiz_owners(self.sources)

    @cached_property
    def quiz_set(self) -> quiz_load.QuizSet:
        """Every quiz, checked against the schema, the course and the item-writing rules."""
        return quiz_load.load_quizzes(self.sources, self.index)

    @cached_property
    def published_quiz_set(self) -> quiz_load.QuizSet:
        """The quiz set without the quizzes (and problems) of hidden draft modules."""
        quizzes, hidden = self.quiz_set, self.hidden
        if not hidden:
            return quizzes
        drafts = {quiz for quiz, folder in self.quiz_owners.items() if folder in hidden}
        return quiz_load.QuizSet(
            [q for q in quizzes.quizzes if q.module not in hidden],
            [e for e in quizzes.errors if e.file not in drafts],
            [w for w in quizzes.warnings if w.file not in drafts],
            [f for f in quizzes.quality if f.file not in drafts],
        )

    def module_of(self, file: str) -> str | None:
        """The module a source file belongs to: its folder, or the module its quiz names."""
        parts = file.split("/")
        if len(parts) > 2 and parts[0] == "modules":
            return parts[1]
        return self.quiz_owners.get(file)

    @cached_property
    def language_findings(self) -> list[course_language.LanguageFinding]:
        """Forms to avoid, stale future tense and numbers that differ between languages."""
        return course_language.check_course(self.sources, self.modules, self.terms, self.quiz_owners)
