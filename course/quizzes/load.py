"""Load every quiz file once per build (not once per language) and check it."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from course.problems import Problem
from course.quizzes import located_yaml
from course.quizzes import quality as quiz_quality
from course.quizzes import validate as quiz_validate
from course.sources import Sources


@dataclass
class Quiz:
    """A checked quiz: its id (file name), the data as written, and answer hashes."""

    id: str
    path: Path
    data: dict
    question_hashes: dict[str, str] = field(default_factory=dict)
    lines: dict = field(default_factory=dict)  # location in the data -> line in the file

    @property
    def module(self) -> str | None:
        return self.data.get("module")

    @property
    def pass_mark(self) -> int:
        return int(self.data.get("pass_mark", 70))

    @property
    def stored_questions(self) -> str:
        """'id:hash id:hash ...': what the browser checks a stored answer against (quiz.js)."""
        return " ".join(f"{q['id']}:{self.question_hashes[q['id']]}" for q in self.data["questions"])


@dataclass
class QuizSet:
    quizzes: list[Quiz]
    errors: list[Problem]
    warnings: list[Problem]
    quality: list[Problem] = field(default_factory=list)  # item-writing findings (warnings)


def load_quizzes(sources: Sources, index: quiz_validate.CourseIndex) -> QuizSet:
    """Every quizzes/*.yml, checked (the course model calls this once and keeps the result)."""
    quizzes: list[Quiz] = []
    errors: list[Problem] = []
    warnings: list[Problem] = []
    project_root = sources.root
    for path in sources.glob("quizzes/*.yml"):
        where = sources.where(path)
        try:
            found = located_yaml.located(sources.yaml_node(path), sources.yaml_data(path))
        except yaml.YAMLError:
            try:  # parsed again only to word the problem for the author
                found = located_yaml.load_located(sources.text(path))
            except located_yaml.YamlSyntaxError as problem:
                errors.append(
                    Problem(
                        where, problem.line, f"column {problem.column}: not valid YAML ({problem.problem})", problem.fix
                    )
                )
                continue
        report = quiz_validate.validate(where, found, index)
        errors.extend(report.errors)
        warnings.extend(report.warnings)
        if not report.errors:
            quiz = Quiz(path.stem, path, found.data, lines=found.lines)
            quiz.question_hashes = {q["id"]: answer_hash(q) for q in found.data["questions"]}
            quizzes.append(quiz)
    quality = quiz_quality.check_quizzes([items_of(quiz, project_root) for quiz in quizzes], index.levels)
    return QuizSet(quizzes, errors, warnings, quality)


def items_of(quiz: Quiz, project_root: Path) -> quiz_quality.QuizItems:
    """What the item-writing rules read of a checked quiz."""
    return quiz_quality.QuizItems(
        quiz.path.relative_to(project_root).as_posix(), quiz.module, quiz.data["questions"], quiz.pass_mark, quiz.lines
    )


def answer_hash(question: dict) -> str:
    """Changes when what counts as the right answer changes, not when a translation is polished."""

    def english(value: object) -> object:
        return value.get("en") if isinstance(value, dict) else value

    essence = {
        "type": question["type"],
        "prompt": english(question["prompt"]),
        "options": [[english(o["text"]), bool(o.get("correct"))] for o in question.get("options", [])],
        "answer": question.get("answer"),
        "items": [english(i) for i in question.get("items", [])],
        "pairs": [[english(p["left"]), english(p["right"])] for p in question.get("pairs", [])],
        "accept": question.get("accept"),
    }
    return hashlib.sha1(json.dumps(essence, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:10]


MODULE_LINE = re.compile(r"^module:[ \t]*[\"']?([0-9a-z-]+)", re.MULTILINE)


def quiz_owners(sources: Sources) -> dict[str, str]:
    """quizzes/x.yml -> the module folder its 'module:' line names (read plainly, so that a
    quiz that does not parse still belongs to its module, draft or not)."""
    owners = {}
    for path in sources.glob("quizzes/*.yml"):
        named = MODULE_LINE.search(sources.text(path))
        if named:
            owners[f"quizzes/{path.name}"] = named.group(1)
    return owners


def storage_namespace(site_url: str | None) -> str:
    """Keys in localStorage start with this, so courses on one origin never collide."""
    return f"upr-course:{urlsplit(site_url or '/').path.rstrip('/') or '/'}"
