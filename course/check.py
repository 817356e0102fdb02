"""`make check`: fast feedback on the course sources, without building the site.

Checks every module's front matter, the glossary, every page's front matter, every quiz
file (with its 'see:' links and objectives), and the links between pages; then prints the
translation status of every page and quiz. Uses the same code as the build (the course
package), so a problem reads the same here and there.

Problems in a draft module (`draft: true`) are warnings: the published build leaves it
out. Exit status 1 when there is an error (with --strict, also a warning).

    python -m course.check [--format json] [--strict] [--root PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from course import check_links, check_status
from course.content import studytime as course_studytime
from course.content.frontmatter import FrontMatterProblem, parse_front_matter
from course.model import Course
from course.problems import Problem
from course.quizzes import load as quiz_load
from course.quizzes import quality as quiz_quality

PROJECT = Path(__file__).resolve().parent.parent

PLACEHOLDER = "TODO:"
QUIZ_MARKER = "<!-- course:quiz -->"


@dataclass
class Result:
    problems: list[Problem]
    rows: list[check_status.Row]
    levels: dict[str, dict[str, int]] = field(default_factory=dict)  # quiz -> level -> questions

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def run(root: Path) -> Result:
    course = Course(root)
    problems: list[Problem] = course.module_problems + course.glossary_problems + course.ui_problems
    problems += check_docs_front_matter(course)
    problems += check_quizzes(course)
    problems += check_pages(course)
    language_problems = check_language(course)
    problems += [problem for problem, _, _ in language_problems]
    rows = (
        check_status.module_rows(course.sources, course.drafts)
        + check_status.quiz_rows(course.sources, course.drafts)
        + check_status.site_page_rows(course.sources)
    )
    check_status.count_term_problems(
        rows, [(p.file, language) for p, check, language in language_problems if check == "termbase" and language]
    )
    quizzes = course.quiz_set.quizzes
    levels = {quiz.id: dict(quiz_quality.level_mix(quiz_load.items_of(quiz, course.root))) for quiz in quizzes}
    problems += check_study_times(course)
    return Result(problems, rows, levels)


def check_docs_front_matter(course: Course) -> list[Problem]:
    problems = []
    for path in course.sources.glob("docs/**/*.md"):
        try:
            parse_front_matter(course.sources.text(path))
        except FrontMatterProblem as problem:
            problems.append(problem.problem(course.sources.where(path)))
    return problems


def check_quizzes(course: Course) -> list[Problem]:
    quizzes = course.quiz_set
    problems = quizzes.errors + quizzes.warnings + [replace(p, severity="warning") for p in quizzes.quality]
    for path in course.sources.glob("quizzes/*.yml"):
        problems += placeholders(course.sources.where(path), course.sources.text(path))
    return [in_module(problem, course.quiz_owners.get(problem.file), course.drafts) for problem in problems]


def in_module(problem: Problem, folder: str | None, drafts: set[str]) -> Problem:
    """Problems of a draft module do not stop the published build: they become warnings."""
    if folder not in drafts:
        return problem
    return replace(problem, severity="warning", draft=True, message=f"(draft module {folder}) {problem.message}")


def check_pages(course: Course) -> list[Problem]:
    site = course.site
    quizzed = set(course.quiz_owners.values())
    problems = []
    for key in sorted(k for k in site.files if k.endswith(".md")):
        found = [Problem(p.file, p.line, p.message, p.fix) for p in check_links.check_page(site, key)]
        text = site.text(key)
        folder = check_links.module_of(key)
        if folder and QUIZ_MARKER in text and folder not in quizzed:
            line = text[: text.index(QUIZ_MARKER)].count("\n") + 1
            found.append(
                Problem(
                    site.where(key),
                    line,
                    f"the page asks for its quiz ({QUIZ_MARKER}) but no quiz file names 'module: {folder}'",
                    f"create one with 'make new-quiz MODULE={folder}'",
                )
            )
        if folder:
            found += placeholders(site.where(key), text)
        problems += [in_module(p, folder, course.drafts) for p in found]
    return problems


def check_study_times(course: Course) -> list[Problem]:
    """Each module's stated study time against its words and its quiz's questions."""
    problems = []
    quizzes = course.quiz_set.quizzes
    for module in course.modules:
        english = module.pages["en"]
        if "study_time" not in english.meta:
            continue  # reported as missing front matter
        source = course.sources.text(english.path)
        words = check_status.count_words(source)
        levels = [q.get("level") for quiz in quizzes if quiz.module == module.folder for q in quiz.data["questions"]]
        where = course.sources.where(english.path)
        lines = source.split("\n")
        line = next((number for number, text in enumerate(lines, start=1) if text.startswith("study_time")), 1)
        for message, fix in course_studytime.problems(english.meta["study_time"], words, levels):
            problem = Problem(where, line, message, fix, severity="warning")
            problems.append(in_module(problem, module.folder, course.drafts))
    return problems


def check_language(course: Course) -> list[tuple[Problem, str, str]]:
    """Forms to avoid, stale future tense and numbers that differ between languages: warnings,
    each with its check ('termbase', ...) and the language of the text it was found in ('' when
    it concerns several)."""
    problems = []
    for found in course.language_findings:
        finding = found.finding
        problem = in_module(finding, course.module_of(finding.file), course.drafts)
        problems.append((problem, found.check, finding.language))
    return problems


def placeholders(where: str, text: str) -> list[Problem]:
    """Scaffold placeholders ('TODO: ...') left in a file: fine in a draft, not when published."""
    count = text.count(PLACEHOLDER)
    if not count:
        return []
    line = text[: text.index(PLACEHOLDER)].count("\n") + 1
    return [
        Problem(
            where,
            line,
            f"{count} placeholder(s) '{PLACEHOLDER} ...' left, the first here",
            "replace each with the real text",
        )
    ]


def render_levels(levels: dict[str, dict[str, int]]) -> str:
    """Each quiz's mix of question levels, and its share of apply/analyse questions."""
    out = ["Question levels (remember / understand / apply / analyse)"]
    for quiz, mix in sorted(levels.items()):
        total = sum(mix.values()) or 1
        higher = sum(mix.get(level, 0) for level in quiz_quality.HIGHER_ORDER)
        counts = " / ".join(str(mix.get(level, 0)) for level in quiz_quality.LEVELS)
        unset = f", {mix['unset']} without a level" if mix.get("unset") else ""
        out.append(f"  {quiz}: {counts}  ({higher / total:.0%} apply or analyse{unset})")
    return "\n".join(out)


def problem_text(problem: Problem) -> str:
    """A problem as make check prints it: where, how serious, what, and the fix on its own line."""
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    return f"{where}: {problem.severity}: {problem.message}\n    fix: {problem.fix or 'see the message'}"


def report_text(result: Result, strict: bool) -> str:
    out = [check_status.render_table(result.rows), "", render_levels(result.levels), ""]
    for problem in result.errors + result.warnings:
        out.append(problem_text(problem))
    errors, warnings = len(result.errors), len(result.warnings)
    if errors or warnings:
        out.append("")
    published = any(not p.draft for p in result.warnings)
    note = (
        " (the published build, make build, also stops on the warnings outside draft modules)"
        if published and not strict
        else ""
    )
    out.append(f"{errors} error(s), {warnings} warning(s){note}" if errors or warnings else "No problems found.")
    return "\n".join(out)


def report_json(result: Result, strict: bool) -> str:
    return json.dumps(
        {
            "ok": not result.errors and not (strict and result.warnings),
            "errors": [asdict(p) for p in result.errors],
            "warnings": [asdict(p) for p in result.warnings],
            "translations": [row.as_dict() for row in result.rows],
            "quiz_levels": result.levels,
        },
        ensure_ascii=False,
        indent=2,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course.check", description=__doc__.split("\n\n")[0])
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too, like the published build")
    parser.add_argument("--root", type=Path, default=PROJECT, help="the project folder (default: this one)")
    args = parser.parse_args(argv)
    result = run(args.root.resolve())
    print(report_json(result, args.strict) if args.format == "json" else report_text(result, args.strict))
    return 1 if result.errors or (args.strict and result.warnings) else 0


if __name__ == "__main__":
    sys.exit(main())
