"""`make handouts`: PDF files of the trainers' handouts and answer keys, in every language.

Each PDF is made with WeasyPrint from a built page: the page's article is taken out of the
site's frame and printed on A4 with docs/assets/print.css (DejaVu Sans, which has ӣ ӯ ҳ қ ғ ҷ).
The files go to dist/handouts/<lang>/ and into the site at trainers/pdf/<lang>/, where the
trainer materials page links them (course/trainer/pages.py, pdf_path).

    python -m course.handouts              build the site into a temporary folder, write dist/
                                          (and copy into site/ when site/ exists)
    python -m course.handouts --site site  use an already built site and add the PDFs to it
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from course.languages import LANGUAGE_ROOTS
from course.mkdocs_run import strict_build

PROJECT = Path(__file__).resolve().parent.parent
LANGUAGES = LANGUAGE_ROOTS
KINDS = {"handouts": "handout", "answer-keys": "answer-key"}
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
PRINT_MARKS = re.compile(r'<style media="print" class="mdx-print-marks">.*?</style>', re.DOTALL)
LINK = re.compile(r'<a\b([^>]*?)\shref="(?!https?:|mailto:)[^"]*"')
PRINT_CSS = "assets/print.css"


@dataclass(frozen=True)
class Job:
    page: Path  # the built page, e.g. site/tg/trainers/handouts/01-x/index.html
    site: Path  # the built site's root
    language: str
    name: str  # handout-01-x, answer-key-01-x

    def pdf_relative(self) -> str:
        return f"{self.language}/{self.name}.pdf"


def find_pages(site: Path) -> list[Job]:
    """Every handout and answer key page of a built site (directory URLs)."""
    jobs = []
    for language, root in LANGUAGES.items():
        for folder, kind in KINDS.items():
            for page in sorted((site / root / "trainers" / folder).glob("*/index.html")):
                jobs.append(Job(page, site, language, f"{kind}-{page.parent.name}"))
    return jobs


def print_document(page_html: str, language: str, css_href: str) -> str:
    """The page's article alone, as a document for paper; links inside the site become text.
    The page's margin texts (the course's name and the page's address) come along."""
    match = ARTICLE.search(page_html)
    if match is None:
        raise ValueError("no <article> in the page: was it built with Material?")
    article = LINK.sub(r"<a\1", match.group(1))
    title = TITLE.search(page_html)
    marks = PRINT_MARKS.search(page_html)
    return (
        f'<!doctype html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title.group(1).strip() if title else ''}</title>\n"
        f'<link rel="stylesheet" href="{html.escape(css_href)}">\n{marks.group(0) if marks else ""}\n</head>\n'
        f'<body class="mdx-pdf">\n<article class="md-typeset">{article}</article>\n</body>\n</html>\n'
    )


def render_pdf(job: Job, target: Path) -> Path:
    """Write one PDF and return its path."""
    import weasyprint  # loaded here: only this step needs Pango

    page_html = job.page.read_text(encoding="utf-8")
    depth = len(job.page.relative_to(job.site).parts) - 1
    document = print_document(page_html, job.language, "../" * depth + PRINT_CSS)
    target.parent.mkdir(parents=True, exist_ok=True)
    weasyprint.HTML(string=document, base_url=str(job.page)).write_pdf(target)
    return target


def _render(arguments: tuple[Job, Path]) -> Path:
    return render_pdf(*arguments)


def render_all(site: Path, dist: Path, workers: int = 2) -> list[Path]:
    jobs = find_pages(site)
    if not jobs:
        raise SystemExit(f"{site}: no handout or answer key pages found; build the site first (make build)")
    tasks = [(job, dist / job.pdf_relative()) for job in jobs]
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            return list(pool.map(_render, tasks))
    return [_render(task) for task in tasks]


def copy_into_site(dist: Path, site: Path) -> None:
    target = site / "trainers" / "pdf"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(dist, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site to read and to add the PDFs to")
    parser.add_argument("--dist", type=Path, default=PROJECT / "dist" / "handouts", help="where the PDF files go")
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args(argv)
    dist = options.dist.resolve()
    if dist.exists():
        shutil.rmtree(dist)
    if options.site:
        written = render_all(options.site, dist, options.workers)
        copy_into_site(dist, options.site)
    else:
        with tempfile.TemporaryDirectory(prefix="handouts-") as scratch:
            site = Path(scratch) / "site"
            if strict_build(PROJECT / "mkdocs.yml", site) != 0:
                print("Build failed: no PDF files were written. Fix the problems listed above.", file=sys.stderr)
                return 1
            written = render_all(site, dist, options.workers)
        if (PROJECT / "site").is_dir():
            copy_into_site(dist, PROJECT / "site")
    print(f"Wrote {len(written)} PDF files to {dist.relative_to(PROJECT) if dist.is_relative_to(PROJECT) else dist}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
