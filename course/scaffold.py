"""`make new-module SLUG=...` and `make new-quiz MODULE=...`: start a module or a quiz.

The files come from course/templates/ (`${name}` marks what is filled in): a module in three
languages with its front matter and the standard sections, marked `draft: true`, and a
starter quiz of two questions that passes the quiz checks.

    python -m course.scaffold module 09-follow-up [--root PATH]
    python -m course.scaffold quiz 09-follow-up [--root PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from string import Template

from course.content import catalog as course_catalog
from course.content.frontmatter import FrontMatterProblem, parse_front_matter
from course.languages import LANGUAGES

PROJECT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"

HEADING_ID = re.compile(r"^#{2,6} .*\{[^}\n]*#([A-Za-z0-9_-]+)[^}\n]*\}[ \t]*$", re.MULTILINE)


class ScaffoldError(Exception):
    """A request that cannot be done, with what to do instead."""


def render(name: str, **values: str) -> str:
    return Template((TEMPLATES / name).read_text(encoding="utf-8")).safe_substitute(values)


def next_number(root: Path) -> str:
    used = [int(p.name[:2]) for p in (root / "modules").glob("[0-9][0-9]-*") if p.is_dir()]
    return f"{max(used, default=0) + 1:02d}"


def new_module(root: Path, slug: str) -> list[Path]:
    """Create modules/<slug>/index.{en,ru,tg}.md and quizzes/<slug>.yml."""
    example = f"{next_number(root)}-my-topic"
    if not slug:
        raise ScaffoldError(f"name the module: make new-module SLUG={example}")
    if not course_catalog.MODULE_FOLDER.match(slug):
        raise ScaffoldError(
            f"'{slug}' is not a module folder name; write two digits, a hyphen and lower-case words "
            f"joined by hyphens, e.g. SLUG={example}"
        )
    folder = root / "modules" / slug
    if folder.exists():
        raise ScaffoldError(
            f"modules/{slug} already exists; edit that module, or choose another name such as {example}"
        )
    taken = sorted(p.name for p in (root / "modules").glob(f"{slug[:2]}-*") if p.is_dir())
    if taken:
        raise ScaffoldError(
            f"number {slug[:2]} is already used by modules/{taken[0]}; use the next free number: SLUG={example}"
        )
    quiz = root / "quizzes" / f"{slug}.yml"
    if quiz.exists():
        raise ScaffoldError(f"quizzes/{slug}.yml already exists; move or delete it first, or choose another name")
    prefix = slug.split("-")[-1]
    folder.mkdir(parents=True)
    created = []
    for language in LANGUAGES:
        path = folder / f"index.{language}.md"
        path.write_text(render(f"module/index.{language}.md", prefix=prefix), encoding="utf-8")
        created.append(path)
    created.append(new_quiz(root, slug))
    return created


def new_quiz(root: Path, module: str) -> Path:
    """Create quizzes/<module>.yml for an existing module, aimed at its objectives and headings."""
    if not module:
        raise ScaffoldError("name the module the quiz belongs to: make new-quiz MODULE=02-upr-mechanism")
    folder = root / "modules" / module
    english = folder / "index.en.md"
    if not english.is_file():
        known = ", ".join(sorted(p.name for p in (root / "modules").glob("[0-9][0-9]-*") if p.is_dir())) or "(none yet)"
        raise ScaffoldError(
            f"there is no module modules/{module}/index.en.md; use one of: {known} (or make new-module SLUG={module})"
        )
    target = root / "quizzes" / f"{module}.yml"
    if target.exists():
        raise ScaffoldError(f"quizzes/{module}.yml already exists; edit it, or move it away to start again")
    pages = {lang: folder / f"index.{lang}.md" for lang in LANGUAGES if (folder / f"index.{lang}.md").is_file()}
    metas = {lang: _meta(path, root) for lang, path in pages.items()}
    objectives = [str(o["id"]) for o in metas["en"].get("objectives") or [] if isinstance(o, dict) and "id" in o]
    if not objectives:
        raise ScaffoldError(
            f"modules/{module}/index.en.md declares no objectives; add '- id: ...' entries under 'objectives:' first"
        )
    ids = {lang: HEADING_ID.findall(path.read_text(encoding="utf-8-sig")) for lang, path in pages.items()}
    common = [i for i in ids["en"] if all(i in found for found in ids.values())]
    if not common:
        raise ScaffoldError(
            f"modules/{module}: no heading id is shared by all languages; give the headings ids like '## Why it matters {{#why-it-matters}}' first"
        )
    titles = {lang: str(metas.get(lang, {}).get("title") or metas["en"].get("title") or module) for lang in LANGUAGES}
    text = render(
        "quiz.yml",
        module=module,
        **{f"title_{lang}": json.dumps(title, ensure_ascii=False) for lang, title in titles.items()},
        objective_1=objectives[0],
        objective_2=objectives[1 if len(objectives) > 1 else 0],
        see_1="why-it-matters" if "why-it-matters" in common else common[0],
        see_2="key-points" if "key-points" in common else common[-1],
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def _meta(path: Path, root: Path) -> dict:
    try:
        return parse_front_matter(path.read_text(encoding="utf-8-sig"))
    except FrontMatterProblem as problem:
        raise ScaffoldError(problem.problem(path.relative_to(root).as_posix()).text()) from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course.scaffold", description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=("module", "quiz"))
    parser.add_argument("name", nargs="?", default="", help="module folder name, e.g. 09-follow-up")
    parser.add_argument("--root", type=Path, default=PROJECT, help="the project folder (default: this one)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        created = new_module(root, args.name.strip()) if args.kind == "module" else [new_quiz(root, args.name.strip())]
    except ScaffoldError as error:
        print(f"Nothing created: {error}", file=sys.stderr)
        return 2
    for path in created:
        print(f"created {path.relative_to(root).as_posix()}")
    if args.kind == "module":
        print("The module is a draft: `make serve` shows it, the published build leaves it out until you delete")
        print("'draft: true' from its index.en.md. Replace every 'TODO: ...'; `make check` lists what is left.")
    else:
        print("Replace every 'TODO: ...' and add questions; `make check` validates the quiz.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
