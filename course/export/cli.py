"""`make export`: every quiz as Moodle GIFT and as IMS QTI 2.1 packages, in dist/export/.

    dist/export/gift/<quiz>.<lang>.gift      one language (en, ru, tg)
    dist/export/gift/<quiz>.multilang.gift   all three, through Moodle's multilang spans
    dist/export/qti/<quiz>.<lang>.zip        one QTI content package per quiz and language

'See' links point at the published course: set SITE_URL as for `make build`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from course.export import gift as export_gift
from course.export import qti as export_qti
from course.export.common import LANGUAGES, LanguageText

PROJECT = Path(__file__).resolve().parents[2]
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


class ExportError(Exception):
    """The quizzes cannot be exported; the message says which file to fix and how."""


def load_course(project: Path):
    """The quizzes the build publishes, the site's Markdown settings and the interface texts."""
    from mkdocs.config import load_config

    from course.model import Course

    config = load_config(str(project / "mkdocs.yml"))
    course = Course(project)  # as the published build sees it: draft modules and their quizzes stay out
    problems = course.module_problems + course.glossary_problems + course.ui_problems
    problems = problems or course.published_quiz_set.errors
    if problems:
        listed = "\n".join(problem.text() for problem in problems)
        raise ExportError(f"{listed}\nFix these first: `make build` reports the same.")
    return course.published_quiz_set.quizzes, config, course.ui_strings


def export_files(project: Path = PROJECT, site_url: str | None = None, course: tuple | None = None) -> dict[str, bytes]:
    """Every export file, by its path under dist/export/ (course: load_course's result, if at hand)."""
    from course.quizzes import render as quiz_render

    quizzes, config, ui = course or load_course(project)
    site_url = site_url or os.environ.get("SITE_URL") or config.site_url or DEFAULT_SITE_URL
    site_url = site_url.rstrip("/") + "/"
    render = quiz_render.TextRenderer(config.markdown_extensions, config.mdx_configs)
    files: dict[str, bytes] = {}
    for quiz in quizzes:
        texts = {lang: LanguageText(render, lang, site_url, ui) for lang in LANGUAGES}
        for lang, text in texts.items():
            files[f"gift/{quiz.id}.{lang}.gift"] = export_gift.language_gift(quiz.id, quiz.data, text).encode("utf-8")
            files[f"qti/{quiz.id}.{lang}.zip"] = export_qti.qti_package(quiz.id, quiz.data, text)
        files[f"gift/{quiz.id}.multilang.gift"] = export_gift.multilang_gift(quiz.id, quiz.data, texts).encode("utf-8")
    return files


def write(files: dict[str, bytes], out: Path) -> None:
    """Replace the gift/ and qti/ folders, so a deleted quiz leaves no stale export behind."""
    for folder in {name.split("/")[0] for name in files} | {"gift", "qti"}:
        shutil.rmtree(out / folder, ignore_errors=True)
    for name, content in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Export the quizzes as Moodle GIFT and QTI 2.1 packages.")
    parser.add_argument(
        "--out", type=Path, default=PROJECT / "dist" / "export", help="output folder (default: dist/export)"
    )
    parser.add_argument(
        "--site-url", help="the published course's address (default: $SITE_URL or mkdocs.yml's site_url)"
    )
    args = parser.parse_args(argv)
    try:
        files = export_files(PROJECT, args.site_url)
    except ExportError as problem:
        print(problem, file=sys.stderr)
        return 1
    write(files, args.out)
    quizzes = len([name for name in files if name.endswith(".multilang.gift")])
    print(
        f"Exported {quizzes} quizzes into {args.out}: GIFT ({len(LANGUAGES)} languages and multilang) and QTI 2.1 packages"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
