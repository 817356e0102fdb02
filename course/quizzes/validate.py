"""Check a quiz file: the JSON Schema first, then what a schema cannot say.

Every problem becomes one line 'quizzes/x.yml:LINE: what is wrong; what to write instead'.
Errors stop the build; warnings (unknown keys, missing translations) fail it under --strict.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema

from course.languages import LANGUAGES, TRANSLATED, text_in
from course.problems import Problem
from course.quizzes.located_yaml import LocatedYaml
from course.quizzes.types import QUESTION_TYPES

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "quizzes" / "quiz.schema.json"
ALWAYS_LOCALIZED = ("title", "intro", "prompt", "explanation", "feedback", "hint")


@dataclass
class CourseIndex:
    """What quiz files may point at, as plain data.

    modules: folder -> objective ids (levels: their 'level:', if any). pages: site page ('modules/02-x/' or 'glossary/')
    -> language -> heading ids present in that language's page.
    """

    modules: dict[str, list[str]] = field(default_factory=dict)
    pages: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    levels: dict[str, dict[str, str | None]] = field(default_factory=dict)  # folder -> objective -> level


@dataclass
class Report:
    """The problems of one quiz file, as data (course.problems.Problem)."""

    file: str = ""
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def error(self, line: int, message: str, fix: str) -> None:
        self.errors.append(Problem(self.file, line, message, fix))

    def warning(self, line: int, message: str, fix: str) -> None:
        self.warnings.append(Problem(self.file, line, message, fix, severity="warning"))


@lru_cache(maxsize=2)
def _validator(schema_path: str) -> jsonschema.Draft7Validator:
    """Reports every problem with its path: used only for a file the quick check rejects."""
    with open(schema_path, encoding="utf-8") as handle:
        return jsonschema.Draft7Validator(json.load(handle))


@lru_cache(maxsize=2)
def _quick_check(schema_path: str):
    """The same schema compiled to Python: about thirty times faster on a valid file."""
    with open(schema_path, encoding="utf-8") as handle:
        return fastjsonschema.compile(json.load(handle))


def schema_errors(data: object, schema_path: Path = SCHEMA_FILE) -> list[jsonschema.ValidationError]:
    """Every schema problem of the data, in file order; none for a valid quiz."""
    try:
        _quick_check(str(schema_path))(data)
        return []
    except fastjsonschema.JsonSchemaException:
        errors = _validator(str(schema_path)).iter_errors(data)
        return sorted(errors, key=lambda e: list(map(str, e.absolute_path)))


def validate(where: str, located: LocatedYaml, index: CourseIndex, schema_path: Path = SCHEMA_FILE) -> Report:
    """All problems of one quiz file at once."""
    report = Report(where)
    data = located.data
    if not isinstance(data, dict):
        report.error(
            located.line(()),
            "the file holds no quiz",
            "a quiz file is a mapping: start it with 'title: {en: ..., ru: ..., tg: ...}' followed by 'questions:'",
        )
        return report
    for line, key, first in located.duplicates:
        report.error(
            line,
            f"'{key}' is written twice in the same place (first on line {first})",
            "keep one of them, YAML would silently use the last",
        )
    broken: set[tuple] = set()  # ('module',), ('questions', 2): parts the schema rejected
    for error in schema_errors(data, schema_path):
        _schema_problem(where, located, error, report)
        if error.validator != "additionalProperties":
            broken.add(tuple(error.absolute_path)[:2])
    if isinstance(data.get("questions"), list) and ("questions",) not in broken:
        _check_meaning(where, located, index, report, broken)  # the parts the schema accepted
    report.errors.sort(key=lambda problem: problem.line or 0)  # in the order of the file
    report.warnings.sort(key=lambda problem: problem.line or 0)
    return report


def _question_name(data: dict, path: tuple) -> str:
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        question = data["questions"][path[1]]
        if isinstance(question, dict) and question.get("id"):
            return f"question '{question['id']}'"
        return f"question {path[1] + 1}"
    return "the quiz"


def _schema_problem(where: str, located: LocatedYaml, error: jsonschema.ValidationError, report: Report) -> None:
    path = tuple(error.absolute_path)
    owner = _question_name(located.data, path)
    key = path[-1] if path else None
    at = located.line(path)
    kind = error.validator
    schema: Any = error.schema  # jsonschema types it loosely; it is the schema's mapping here
    value: Any = error.validator_value
    if kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        instance: Any = error.instance
        for extra in sorted(set(instance) - set(known)):
            guess = difflib.get_close_matches(str(extra), known, n=1)
            hint = f"did you mean '{guess[0]}'?" if guess else f"allowed keys: {', '.join(known)}"
            report.warning(located.line(path + (extra,)), f"unknown key '{extra}' in {owner}", f"{hint}")
        return
    if kind == "required":
        missing = error.message.split("'")[1]
        example = {
            "explanation": "explanation: {en: ..., ru: ..., tg: ...}",
            "options": "options: with '- text: ...' entries",
            "answer": "answer: true (or false)",
            "items": "items: in the right order",
            "pairs": "pairs: of '- left: ...' / '  right: ...'",
            "accept": "accept: {en: [...], ru: [...], tg: [...]}",
            "prompt": "prompt: {en: ..., ru: ..., tg: ...}",
            "title": "title: {en: ..., ru: ..., tg: ...}",
            "questions": "questions: followed by a list",
            "en": "en: the English text",
        }.get(missing, f"{missing}: ...")
        report.error(at, f"{owner} lacks '{missing}'", f"add '{example}'")
    elif kind == "enum" and key == "type":
        report.error(
            at,
            f"{owner} has unknown type '{error.instance}'",
            f"use one of {', '.join(QUESTION_TYPES)}",
        )
    elif kind == "enum":
        report.error(at, f"'{key}' cannot be '{error.instance}'", f"use one of {', '.join(map(str, value))}")
    elif kind == "pattern" and key == "id":
        report.error(
            at,
            f"question id '{error.instance}' is not a slug",
            "use lower-case letters, digits and hyphens, e.g. 'troika-role'",
        )
    elif kind == "pattern" and key == "module":
        report.error(at, f"module '{error.instance}' is not a module folder name", "write it like '02-upr-mechanism'")
    elif kind == "minItems" and key == "questions":
        report.error(
            at,
            "the quiz has no questions",
            "add at least one under 'questions:' ('- id: ...', 'type: ...', 'prompt: ...')",
        )
    elif kind == "minItems":
        entry = {"options": "'- text: ...'", "items": "'- ...'", "pairs": "'- left: ...' with 'right: ...'"}.get(
            str(key), "entry"
        )
        report.error(at, f"{owner} needs at least {error.validator_value} entries in '{key}'", f"add another {entry}")
    elif kind in ("minimum", "maximum") or (kind == "type" and key == "pass_mark"):
        report.error(
            at,
            f"'pass_mark' must be a whole number from 0 to 100 (a percentage), not '{error.instance}'",
            "write e.g. 'pass_mark: 70'",
        )
    elif kind == "type" and key in ALWAYS_LOCALIZED:
        report.error(at, f"'{key}' of {owner} must give each language", f"write '{key}: {{en: ..., ru: ..., tg: ...}}'")
    elif kind == "oneOf" and key == "accept":
        report.error(
            at,
            f"'accept' of {owner} must list the accepted answers",
            "write 'accept: [..., ...]' or 'accept: {en: [...], ru: [...], tg: [...]}'",
        )
    elif kind == "oneOf" or (kind == "type" and key in ("text", "left", "right")):
        report.error(
            at,
            f"'{key}' of {owner} must be one text for all languages or one per language",
            f"""write '{key}: "..."' or '{key}: {{en: ..., ru: ..., tg: ...}}'""",
        )
    elif kind == "type":
        expected = value if isinstance(value, str) else " or ".join(value)
        fix = {
            "boolean": ("true or false", f"write '{key}: true' or '{key}: false', without quotes"),
            "array": ("a list", f"put each entry on its own '- ...' line under '{key}:'"),
            "object": ("a mapping", f"write its keys on indented 'name: value' lines under '{key}:'"),
            "string": ("a text", f"write '{key}: \"...\"'"),
        }.get(expected, (expected, "see quizzes/quiz.schema.json"))
        report.error(at, f"'{key}' of {owner} must be {fix[0]}, not {error.instance!r}", f"{fix[1]}")
    else:
        report.error(at, f"{owner}: {error.message}", "see quizzes/quiz.schema.json for the expected form")


def _check_meaning(where: str, located: LocatedYaml, index: CourseIndex, report: Report, broken: set[tuple]) -> None:
    data = located.data
    module = data.get("module")
    objectives: set[str] | None = None  # None: cannot be checked (the module is wrong)
    declared_by = "the module does not declare"
    if ("module",) in broken:
        pass
    elif module is not None:
        if module not in index.modules:
            report.error(
                located.line(("module",)),
                f"module '{module}' does not exist",
                f"use one of {', '.join(sorted(index.modules)) or '(no modules yet)'}",
            )
        else:
            objectives = set(index.modules[module])
    else:
        objectives = {f"{folder}/{objective}" for folder, ids in index.modules.items() for objective in ids}
        declared_by = "no module declares"
    if "purpose" in data and module is not None and ("purpose",) not in broken:
        report.error(
            located.line(("purpose",)),
            f"a module's quiz has 'purpose: {data['purpose']}', which only a course-wide quiz has",
            "remove 'purpose', or remove 'module' to make the quiz course-wide",
        )
    if ("title",) not in broken:
        _check_translations(where, located, ("title",), data.get("title"), "the quiz", report)
    if "intro" in data and ("intro",) not in broken:
        _check_translations(where, located, ("intro",), data["intro"], "the quiz", report)
    seen_ids: dict[str, int] = {}
    for number, question in enumerate(data["questions"]):
        path = ("questions", number)
        if path in broken:
            continue
        qid = question["id"]
        name = f"question '{qid}' ({question['type']})"
        at = located.line(path + ("id",))
        if qid in seen_ids:
            report.error(
                at, f"question id '{qid}' is already used on line {seen_ids[qid]}", "give each question its own id"
            )
        seen_ids.setdefault(qid, located.line(path + ("id",)))
        _check_answer_shape(where, located, path, question, name, report)
        objective = question.get("objective")
        if objective is not None and objectives is not None and objective not in objectives:
            choices = ", ".join(sorted(objectives)) or "(none declared)"
            report.error(
                located.line(path + ("objective",)),
                f"{name} names objective '{objective}', which {declared_by}",
                f"use one of {choices}",
            )
        if "see" in question:
            _check_see(where, located, path, question["see"], name, index, report)
        for key in ("prompt", "explanation", "hint"):
            if key in question:
                _check_translations(where, located, path + (key,), question[key], name, report)
        for part, values in (
            ("options", question.get("options") or []),
            ("items", question.get("items") or []),
            ("pairs", question.get("pairs") or []),
        ):
            for position, value in enumerate(values):
                if part == "options":
                    _check_translations(
                        where, located, path + (part, position, "text"), value["text"], name, report, plain_ok=True
                    )
                    if "feedback" in value:
                        _check_translations(
                            where, located, path + (part, position, "feedback"), value["feedback"], name, report
                        )
                elif part == "pairs":
                    for side in ("left", "right"):
                        _check_translations(
                            where, located, path + (part, position, side), value[side], name, report, plain_ok=True
                        )
                else:
                    _check_translations(where, located, path + (part, position), value, name, report, plain_ok=True)
        if isinstance(question.get("accept"), dict):
            _check_translations(where, located, path + ("accept",), question["accept"], name, report)


class _QuestionChecks:
    """What a question type's check sees: problems located at one question's fields."""

    def __init__(self, where: str, located: LocatedYaml, path: tuple, name: str, report: Report):
        self.where, self.located, self.path, self.name, self.report = where, located, path, name, report

    def error(self, field: tuple, message: str, fix: str) -> None:
        self.report.error(self.located.line(self.path + field), message, fix)

    def warning(self, field: tuple, message: str, fix: str) -> None:
        self.report.warning(self.located.line(self.path + field), message, fix)

    def unique(self, field: str, values: list) -> None:
        _check_unique(self.where, self.located, self.path, field, values, self.name, self.report)


def _check_answer_shape(
    where: str, located: LocatedYaml, path: tuple, question: dict, name: str, report: Report
) -> None:
    kind = QUESTION_TYPES[question["type"]]
    for other in sorted({t.answer_field for t in QUESTION_TYPES.values()} - {kind.answer_field}):
        if other in question:
            report.error(
                located.line(path + (other,)),
                f"{name} cannot have '{other}'",
                f"a {kind.name} question uses '{kind.answer_field}'",
            )
    kind.check(question, _QuestionChecks(where, located, path, name, report))


def _check_unique(
    where: str, located: LocatedYaml, path: tuple, part: str, texts: list, name: str, report: Report
) -> None:
    for language in LANGUAGES:
        values = [text_in(value, language) for value in texts]
        duplicates = sorted({v for v in values if v and values.count(v) > 1})
        if duplicates:
            report.error(
                located.line(path + (part,)),
                f"{name} lists '{duplicates[0]}' twice in '{part}' ({language})",
                "every entry must differ so the answer can be told apart",
            )
            return


def _check_translations(
    where: str, located: LocatedYaml, path: tuple, value: object, owner: str, report: Report, plain_ok: bool = False
) -> None:
    if not isinstance(value, dict):
        return
    for language in TRANSLATED:
        if value.get(language) in (None, "", []):
            field_name = ".".join(str(p) for p in path[2:]) if path[:1] == ("questions",) else ".".join(map(str, path))
            report.warning(
                located.line(path),
                f"{owner}: '{field_name}' has no {language} translation",
                f"add '{language}: ...' (the page shows the English text until then)",
            )


def _check_see(
    where: str, located: LocatedYaml, path: tuple, see: str, name: str, index: CourseIndex, report: Report
) -> None:
    at = located.line(path + ("see",))
    page, _, anchor = see.partition("#")
    page = page.strip("/") + "/" if page.strip("/") else ""
    if page not in index.pages:
        known = difflib.get_close_matches(page, list(index.pages), n=1)
        hint = f"did you mean '{known[0]}'?" if known else "write it like 'modules/02-upr-mechanism/#troika'"
        report.error(at, f"{name}: 'see: {see}' points to no page", f"{hint}")
        return
    if not anchor:
        return
    for language in LANGUAGES:
        anchors = index.pages[page].get(language) or index.pages[page].get("en", set())
        if anchor not in anchors:
            report.error(
                at,
                f"{name}: 'see: {see}': the {language} page has no heading with id '{anchor}'",
                f"give the heading an explicit id ('## Title {{#{anchor}}}') in every language, or link an existing one",
            )
            return
