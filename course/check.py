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
from dataclasses import asdict, dataclass, field
from pathlib import Path

from course import check_links, check_status
from course import problems as course_problems
from course.content import catalog as course_catalog
from course.content import glossary as course_glossary
from course.content import studytime as course_studytime
from course.content.frontmatter import FrontMatterProblem, parse_front_matter
from course.language import checks as course_language
from course.languages import LANGUAGES
from course.quizzes import load as quiz_load
from course.quizzes import quality as quiz_quality
from course.quizzes import validate as quiz_validate

PROJECT = Path(__file__).resolve().parent.parent

PLACEHOLDER = "TODO:"
QUIZ_MARKER = "<!-- course:quiz -->"


@dataclass
class Problem:
    file: str
    line: int | None
    message: str
    fix: str
    severity: str = "error"
    draft: bool = False  # in a draft module, which the published build leaves out

    def text(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity}: {self.message}\n    fix: {self.fix or 'see the message'}"


def reported(problem: course_problems.Problem, severity: str | None = None) -> Problem:
    """A course problem as make check reports it (with its severity, or the one given)."""
    return Problem(problem.file, problem.line, problem.message, problem.fix, severity or problem.severity)


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
    problems: list[Problem] = []
    modules = lenient_modules(root)
    drafts = {m.folder for m in modules if m.draft}
    try:
        course_catalog.load_catalog(root)
    except course_catalog.CatalogError as error:
        problems += [reported(p) for p in error.problems]
    terms: list[dict] = []
    try:
        terms = course_glossary.load_terms(root)
    except course_glossary.GlossaryError as error:
        problems += [reported(p) for p in error.problems]
    problems += check_docs_front_matter(root)
    problems += check_quizzes(root, modules, terms, drafts)
    problems += check_pages(root, modules, terms, drafts)
    language_problems = check_language(root, modules, terms, drafts)
    problems += [problem for problem, _, _ in language_problems]
    rows = (
        check_status.module_rows(root, drafts)
        + check_status.quiz_rows(root, drafts)
        + check_status.site_page_rows(root)
    )
    check_status.count_term_problems(
        rows, [(p.file, language) for p, check, language in language_problems if check == "termbase" and language]
    )
    quizzes = quiz_load.load_quizzes(root, course_index(root, modules, terms)).quizzes  # cached: no second parse
    levels = {quiz.id: dict(quiz_quality.level_mix(quiz_load.items_of(quiz, root))) for quiz in quizzes}
    problems += check_study_times(root, modules, quizzes, drafts)
    return Result(problems, rows, levels)


def lenient_modules(root: Path) -> list[course_catalog.Module]:
    """Every module folder with whatever front matter parses (problems are reported elsewhere)."""
    modules = []
    for folder in sorted(p for p in (root / "modules").glob("*") if p.is_dir() and not p.name.startswith((".", "_"))):
        module = course_catalog.Module(folder.name)
        for language in LANGUAGES:
            path = folder / f"index.{language}.md"
            if path.is_file():
                try:
                    meta = parse_front_matter(path.read_text(encoding="utf-8-sig"))
                except FrontMatterProblem:
                    meta = {}
                module.pages[language] = course_catalog.ModulePage(language, path, meta)
        if "en" in module.pages:
            modules.append(module)
    return modules


def check_docs_front_matter(root: Path) -> list[Problem]:
    problems = []
    for path in sorted((root / "docs").rglob("*.md")):
        try:
            parse_front_matter(path.read_text(encoding="utf-8-sig"))
        except FrontMatterProblem as problem:
            problems.append(reported(problem.problem(path.relative_to(root).as_posix())))
    return problems


def course_index(root: Path, modules: list[course_catalog.Module], terms: list[dict]) -> quiz_validate.CourseIndex:
    """What quizzes may point at: the same index the build makes (hooks/quizzes.py)."""
    index = quiz_validate.CourseIndex()
    for module in modules:
        ids = [o["id"] for o in module.pages["en"].meta.get("objectives") or [] if isinstance(o, dict) and "id" in o]
        index.modules[module.folder] = ids
        index.levels[module.folder] = module.objective_levels
        index.pages[f"modules/{module.folder}/"] = {
            lang: quiz_load.heading_ids(page.path.read_text(encoding="utf-8")) for lang, page in module.pages.items()
        }
    docs = root / "docs"
    for path in sorted(docs.rglob("*.md")):
        base = path.relative_to(docs).as_posix()[:-3]
        name, dot, suffix = base.rpartition(".")
        language = suffix if dot and suffix in LANGUAGES else "en"
        base = name if dot and suffix in LANGUAGES else base
        key = "" if base == "index" else (base[: -len("/index")] if base.endswith("/index") else base) + "/"
        text = path.read_text(encoding="utf-8")
        anchors = quiz_load.heading_ids(text)
        if "<!-- course:glossary -->" in text:
            anchors |= {f"term-{t['id']}" for t in terms}
        index.pages.setdefault(key, {})[language] = anchors
    return index


def check_quizzes(root: Path, modules: list, terms: list[dict], drafts: set[str]) -> list[Problem]:
    quizzes = quiz_load.load_quizzes(root, course_index(root, modules, terms))
    owners = quiz_load.quiz_owners(root)
    problems = [reported(p) for p in quizzes.errors + quizzes.warnings]
    problems += [reported(p, "warning") for p in quizzes.quality]
    for path in sorted((root / "quizzes").glob("*.yml")):
        where = path.relative_to(root).as_posix()
        problems += placeholders(where, path.read_text(encoding="utf-8-sig"))
    for problem in problems:
        if owners.get(problem.file) in drafts:
            as_draft(problem, owners[problem.file])
    return problems


def as_draft(problem: Problem, folder: str) -> Problem:
    """Problems of a draft module do not stop the published build: they become warnings."""
    problem.severity, problem.draft = "warning", True
    problem.message = f"(draft module {folder}) {problem.message}"
    return problem


def check_pages(root: Path, modules: list, terms: list[dict], drafts: set[str]) -> list[Problem]:
    site = check_links.collect_site(root, drafts, [str(t.get("id")) for t in terms if isinstance(t, dict)])
    quizzed = set(quiz_load.quiz_owners(root).values())
    problems = []
    for key in sorted(k for k in site.files if k.endswith(".md")):
        found = [Problem(p.file, p.line, p.message, p.fix) for p in check_links.check_page(site, key)]
        text = site.files[key].read_text(encoding="utf-8-sig")
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
        problems += [as_draft(p, folder) for p in found] if folder in drafts else found
    return problems


def check_study_times(root: Path, modules: list, quizzes: list, drafts: set[str]) -> list[Problem]:
    """Each module's stated study time against its words and its quiz's questions."""
    problems = []
    for module in modules:
        english = module.pages["en"]
        if "study_time" not in english.meta:
            continue  # reported as missing front matter
        source = english.path.read_text(encoding="utf-8-sig")
        words = check_status.count_words(source)
        levels = [q.get("level") for quiz in quizzes if quiz.module == module.folder for q in quiz.data["questions"]]
        where = english.path.relative_to(root).as_posix()
        lines = source.split("\n")
        line = next((number for number, text in enumerate(lines, start=1) if text.startswith("study_time")), 1)
        for message, fix in course_studytime.problems(english.meta["study_time"], words, levels):
            problem = Problem(where, line, message, fix, "warning")
            problems.append(as_draft(problem, module.folder) if module.folder in drafts else problem)
    return problems


def check_language(root: Path, modules: list, terms: list[dict], drafts: set[str]) -> list[tuple[Problem, str, str]]:
    """Forms to avoid, stale future tense and numbers that differ between languages: warnings,
    each with its check ('termbase', ...) and the language of the text it was found in ('' when
    it concerns several)."""
    owners = quiz_load.quiz_owners(root)
    problems = []
    for found in course_language.check_course(root, modules, terms):
        finding = found.finding
        problem = reported(finding, "warning")
        folder = course_language.module_of(finding.file) or owners.get(finding.file)
        problems.append((as_draft(problem, folder) if folder in drafts else problem, found.check, finding.language))
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


def report_text(result: Result, strict: bool) -> str:
    out = [check_status.render_table(result.rows), "", render_levels(result.levels), ""]
    for problem in result.errors + result.warnings:
        out.append(problem.text())
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
