"""`make bench`: build times, sizes, first-visit transfer per language, and the quiz engine's cost.

Prints one Markdown table and writes it to dist/bench.md. Not part of `make test`.

- Builds the website and the offline bundle once each (timed) into a temporary folder.
- First visit: each page is opened in Chromium from a local server; every file it loads
  (HTML, CSS, JS, images and the search index's stub) is counted at its gzip-compressed size,
  as a server with compression would send it. The first search then adds the language's
  search pages, Material's search worker and lunr's language files: counted apart.
- Lighthouse (course/lighthouse.py): performance, accessibility, best practices and SEO of
  the home, a module, a quiz, the progress page and the glossary in each language, with
  Lighthouse's mobile defaults against the website served with gzip.
- Quiz engine: a synthetic bank of 100 quizzes x 20 questions (every question type) in
  three languages, built into a temporary copy of the test fixture site, against the same
  site with 100 ordinary pages of similar length instead, and against neither. The hook
  course/bench_timer.py times every page from its first build event to its last; the quiz
  files' loading and checking (once per build) is shared out over the quiz pages. Quiz
  pages stay out of the search index by design (no answers in search results); the
  ordinary pages are indexed, as real course pages are.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Literal

import yaml

from course import browsing, mkdocs_run
from course import build as course_build
from course import lighthouse as course_lighthouse
from course.languages import LANGUAGE_ROOTS

PROJECT = Path(__file__).resolve().parent.parent

LANGUAGES = LANGUAGE_ROOTS
MODULE_TARGET = 400 * 1024
SEARCH_WORDS = {"en": "review", "ru": "обзор", "tg": "ҳуқуқ"}
ZIP_TARGET = 25 * 1024 * 1024
QUIZZES, QUESTIONS = 100, 20
RUNS = 3  # each variant is built this often; the fastest run counts (the machine is shared)
TIMER_HOOK = PROJECT / "course" / "bench_timer.py"
QUIZ_PAGE = re.compile(r"^quizzes/bench-\d+\.md@")
ORDINARY_PAGE = re.compile(r"^bench-\d+(\.\w\w)?\.md@")


def timed_build(config: Path, site: Path) -> float:
    start = time.perf_counter()
    if mkdocs_run.mkdocs_build(config, site) != 0:
        raise SystemExit(f"bench: the build of {config.name} failed")
    return time.perf_counter() - start


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def pages_per_language(site: Path) -> dict[str, int]:
    counts = {}
    for language, root in LANGUAGES.items():
        others = tuple(r for r in LANGUAGES.values() if r and r != root)
        pages = [p.relative_to(site).as_posix() for p in (site / root).rglob("index.html")]
        counts[language] = len([p for p in pages if not p.startswith(others)])
    return counts


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def first_visits(
    site: Path, paths: dict[str, dict[str, str]], service_workers: Literal["allow", "block"] = "block"
) -> dict[str, dict[str, int]]:
    """Compressed bytes each page's first visit loads, by language and page kind.

    With service_workers="allow", the course's service worker also saves the reader's
    language for offline reading in the background; that is counted too.
    """
    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, int]] = {}
    with browsing.serve(site) as url, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=browsing.CHROMIUM, args=browsing.CHROMIUM_ARGS)
        for language, pages in paths.items():
            for kind, path in pages.items():
                context = chromium.new_context(service_workers=service_workers)
                page = context.new_page()
                loaded: set[str] = set()

                def note(request, loaded: set[str] = loaded) -> None:
                    loaded.add(request.url.split("?")[0].split("#")[0])

                page.on("request", note)
                context.on("request", note)
                page.goto(url + path, wait_until="networkidle")
                page.wait_for_timeout(1500 if service_workers == "block" else 8000)  # late loads, offline copy
                if kind == "search":
                    before = set(loaded)
                    box = page.locator("input.md-search__input")
                    box.click()
                    box.fill(SEARCH_WORDS[language])
                    box.press("End")
                    page.locator(".md-search-result__item").first.wait_for(timeout=30000)
                    page.wait_for_load_state("networkidle")
                    loaded -= before  # what the first search adds to the page's own load
                results.setdefault(language, {})[kind] = compressed_bytes(site, url, loaded)
                context.close()
        chromium.close()
    return results


def compressed_bytes(site: Path, url: str, addresses: set[str]) -> int:
    """The gzip size of the site's files at these addresses, as a compressing server sends them."""
    total = 0
    for address in addresses:
        if not address.startswith(url):
            continue
        local = site / address[len(url) :]
        local = local / "index.html" if address.endswith("/") else local
        if local.is_file():
            total += gzip_size(local)
    return total


def sample_pages(site: Path) -> dict[str, dict[str, str]]:
    module = sorted(p.parent.name for p in (site / "modules").glob("*/index.html"))[0]
    quiz = sorted(p.parent.name for p in (site / "quizzes").glob("*/index.html"))[0]
    return {
        language: {
            "home": root,
            "module": f"{root}modules/{module}/",
            "quiz": f"{root}quizzes/{quiz}/",
            "search": root,  # the home page, then a first search: only what the search adds
        }
        for language, root in LANGUAGES.items()
    }


# --- the quiz engine -----------------------------------------------------------------------


def synthetic_quiz(sample: dict, number: int) -> dict:
    """A course-wide quiz (no 'module:'), so its page stays out of the navigation like the
    ordinary pages it is compared with: both then carry the same navigation.

    Each question is a sample question whose English words carry a code of their own
    (question_code), so that the build's item-writing check, which stops a build on a
    question repeated in another quiz, sees a new question each time."""
    questions = []
    for n in range(QUESTIONS):
        question = dict(sample["questions"][n % len(sample["questions"])])
        question["id"] = f"q{n + 1:02d}"
        if "objective" in question:
            question["objective"] = f"{sample['module']}/{question['objective']}"
        code = question_code(number * QUESTIONS + n)
        question["prompt"] = _coded(question["prompt"], code)
        for key in ("options", "items", "pairs"):
            if key in question:
                question[key] = [_coded_part(part, code) for part in question[key]]
        questions.append(question)
    quiz = {key: value for key, value in sample.items() if key != "module"}
    return {
        **quiz,
        "title": {lang: f"{text} {number}" for lang, text in sample["title"].items()},
        "questions": questions,
    }


def question_code(index: int) -> str:
    """Three letters, different for each of up to 26**3 questions."""
    letters = ""
    for _ in range(3):
        index, digit = divmod(index, 26)
        letters += chr(ord("a") + digit)
    return letters


def _coded(text, code: str):
    """The English text (or a text for every language) with each word of four letters or more
    prefixed by code (or, with no such word, code after it); other languages as they are."""
    if isinstance(text, dict):
        return {**text, "en": _coded(text["en"], code)} if "en" in text else text
    coded = re.sub(r"[^\W\d_]{4,}", lambda word: code + word[0], str(text))
    return coded if coded != str(text) else f"{text} {code}"


def _coded_part(part, code: str):
    """An option ({text: ...}), an item, or a pair ({left: ..., right: ...}) with code."""
    if isinstance(part, dict) and "text" in part:
        return {**part, "text": _coded(part["text"], code)}
    if isinstance(part, dict) and "left" in part:
        return {**part, "left": _coded(part["left"], code)}
    return _coded(part, code)


def ordinary_page(quiz: dict, language: str) -> str:
    """A page with the same text as one quiz, as headings, paragraphs and lists."""
    lines = [f"# {quiz['title'][language]}", ""]
    for question in quiz["questions"]:
        lines += [f"## {question['id']}", "", _text(question.get("prompt"), language), ""]
        for option in question.get("options", []) + question.get("items", []):
            lines.append(f"- {_text(option.get('text', option) if isinstance(option, dict) else option, language)}")
        lines += ["", _text(question.get("explanation"), language), ""]
    return "\n".join(lines)


def _text(value, language: str) -> str:
    if isinstance(value, dict):
        return str(value.get(language) or value.get("en") or "")
    return str(value or "")


def quiz_bench(scratch: Path) -> dict[str, float]:
    """Per-page build times from course/bench_timer.py, in three builds of the fixture site:
    with the quiz bank, with ordinary pages of the same text instead, and with neither."""
    from tests import sitebuild  # the test suite's fixture site

    sample = yaml.safe_load((sitebuild.FIXTURE_SITE / "quizzes/01-sample.yml").read_text(encoding="utf-8"))
    variants = {}
    for variant in ("base", "quizzes", "pages"):
        project = sitebuild.make_project(scratch / variant / "project")
        config = project / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8").replace("\nhooks:\n", f"\nhooks:\n  - {TIMER_HOOK}\n", 1),
            encoding="utf-8",
        )
        for number in range(1, QUIZZES + 1):
            quiz = synthetic_quiz(sample, number)
            if variant == "quizzes":
                (project / f"quizzes/bench-{number:03d}.yml").write_text(
                    yaml.safe_dump(quiz, allow_unicode=True, sort_keys=False), encoding="utf-8"
                )
            elif variant == "pages":
                for language in LANGUAGES:
                    (project / f"docs/bench-{number:03d}.{language}.md").write_text(
                        ordinary_page(quiz, language), encoding="utf-8"
                    )
        variants[variant] = project
    runs = {
        name: [timed_run(project, project.parent / f"site-{i}") for i in range(RUNS)]
        for name, project in variants.items()
    }
    extra_pages = QUIZZES * len(LANGUAGES)
    base_files = min(run["files_seconds"] for run in runs["base"])
    best = min(runs["quizzes"], key=lambda run: mean_page(run, QUIZ_PAGE))
    loading_per_page = (
        max(best["files_seconds"] - base_files, 0.0) / extra_pages
    )  # parse and check, shared by 3 languages
    per_quiz = (mean_page(best, QUIZ_PAGE) + loading_per_page) * 1000
    engine = (mean_page(best, QUIZ_PAGE, phase=0) + loading_per_page) * 1000
    per_page = min(mean_page(run, ORDINARY_PAGE) for run in runs["pages"]) * 1000
    whole = {name: min(run["build_s"] for run in variant_runs) for name, variant_runs in runs.items()}
    return {
        "per_quiz_page_ms": per_quiz,
        "per_question_ms": per_quiz / QUESTIONS,
        "per_ordinary_page_ms": per_page,
        "engine_per_question_ms": engine / QUESTIONS,
        "loading_per_file_ms": loading_per_page * len(LANGUAGES) * 1000,
        "quiz_build_s": whole["quizzes"],
        "pages_build_s": whole["pages"],
        "base_build_s": whole["base"],
        "parses": parse_count(variants["quizzes"], scratch / "counted"),
    }


def timed_run(project: Path, site: Path) -> dict:
    """One strict build with the timer hook; its per-page times and the whole build's."""
    timings = site.with_suffix(".json")
    timings.unlink(missing_ok=True)
    os.environ["BENCH_TIMINGS"] = str(timings)
    try:
        build_s = timed_build(project / "mkdocs.yml", site)
    finally:
        del os.environ["BENCH_TIMINGS"]
    found = json.loads(timings.read_text(encoding="utf-8"))
    return {"pages": found["pages"], "files_seconds": sum(found["files"].values()), "build_s": build_s}


def mean_page(run: dict, kind: re.Pattern, phase: int | None = None) -> float:
    """Mean seconds per page of one kind: both phases, or only one (0: Markdown and the
    hooks' content, where the quiz engine works; 1: the theme and the search index)."""
    times = [
        sum(phases) if phase is None else phases[phase] for name, phases in run["pages"].items() if kind.match(name)
    ]
    if len(times) != QUIZZES * len(LANGUAGES):
        raise SystemExit(
            f"bench: expected {QUIZZES * len(LANGUAGES)} timed pages matching {kind.pattern}, found {len(times)}"
        )
    return sum(times) / len(times)


def parse_count(project: Path, site: Path) -> int:
    """How many times a build parses quiz YAML: once per file means no re-parse per language.

    Counts every parse of a quiz file's text, whichever way it goes: the course's sources
    (course/sources.py, yaml.compose) and the located loader of the quiz checks."""
    code = (
        "import collections, pathlib, yaml\n"
        "from course.quizzes import located_yaml as quiz_yaml\n"
        "quiz_texts = {p.read_text(encoding='utf-8-sig') for p in pathlib.Path('quizzes').glob('*.yml')}\n"
        "calls = collections.Counter()\n"
        "def counting(original):\n"
        "    def counted(text, *a, **k):\n"
        "        if isinstance(text, str) and text in quiz_texts:\n"
        "            calls[hash(text)] += 1\n"
        "        return original(text, *a, **k)\n"
        "    return counted\n"
        "yaml.compose = counting(yaml.compose)\n"
        "quiz_yaml.load_located = counting(quiz_yaml.load_located)\n"
        "from mkdocs.config import load_config\n"
        "from mkdocs.commands.build import build\n"
        f"build(load_config({str(project / 'mkdocs.yml')!r}, site_dir={str(site)!r}))\n"
        "print(sum(calls.values()), len(calls))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=project,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        raise SystemExit(f"bench: counting quiz parses failed:\n{result.stderr[-2000:]}")
    total, distinct = (int(x) for x in result.stdout.split()[-2:])
    files = len(list((project / "quizzes").glob("*.yml")))
    return total if distinct == files else -total


# --- the report ----------------------------------------------------------------------------


def kb(size: int) -> str:
    return f"{size / 1024:,.0f} KB"


def report(numbers: dict) -> str:
    met = lambda ok: "met" if ok else "NOT met"  # noqa: E731
    rows = [
        ("Full build, website (mkdocs.yml)", f"{numbers['online_s']:.1f} s", ""),
        ("Full build, offline bundle (mkdocs.offline.yml)", f"{numbers['offline_s']:.1f} s", ""),
        (
            "Pages per language (en / ru / tg)",
            " / ".join(str(numbers["pages"][language]) for language in LANGUAGES),
            "",
        ),
        ("Size of site/ (website, with the zip)", f"{numbers['site_bytes'] / 1e6:.1f} MB", ""),
        (
            "Size of the offline zip",
            f"{numbers['zip_bytes'] / 1e6:.1f} MB",
            f"< 25 MB: {met(numbers['zip_bytes'] < ZIP_TARGET)}",
        ),
    ]
    for language, kinds in numbers["visits"].items():
        for kind, size in kinds.items():
            if kind == "search":
                name = (
                    f"First search ({language}): what it adds (the language's search pages, search worker, lunr files)"
                )
                rows.append((name, kb(size), ""))
                continue
            target = f"< 400 KB: {met(size < MODULE_TARGET)}" if kind == "module" else ""
            rows.append(
                (
                    f"First visit, {kind} page ({language}), gzip (the search index comes with the first search)",
                    kb(size),
                    target,
                )
            )
    for language, kinds in numbers["with_offline_copy"].items():
        rows.append(
            (
                f"First visit, home ({language}), plus the offline copy its service worker saves in the background",
                kb(kinds["home"]),
                "",
            )
        )
    quiz = numbers["quiz"]
    parses = quiz["parses"]
    rows += [
        (
            f"Quiz page build, per page ({QUIZZES} quizzes x {QUESTIONS} questions x 3 languages; its share of loading the files included)",
            f"{quiz['per_quiz_page_ms']:.1f} ms per page",
            f"<= 1.5x ordinary: {met(quiz['per_quiz_page_ms'] <= 1.5 * quiz['per_ordinary_page_ms'])} ({quiz['per_quiz_page_ms'] / quiz['per_ordinary_page_ms']:.2f}x)",
        ),
        (
            "Ordinary page of similar length (same text as headings, paragraphs and lists)",
            f"{quiz['per_ordinary_page_ms']:.1f} ms per page",
            "",
        ),
        ("Quiz page build, per question", f"{quiz['per_question_ms']:.2f} ms per question", ""),
        (
            "Quiz engine's own time per question (loading, checking and rendering the questions into HTML)",
            f"{quiz['engine_per_question_ms']:.2f} ms per question",
            f"< 0.8 ms: {met(quiz['engine_per_question_ms'] < 0.8)}",
        ),
        (
            "Loading and checking one quiz file (once per build, all languages)",
            f"{quiz['loading_per_file_ms']:.1f} ms per file",
            "",
        ),
        (
            "Whole builds: fixture site alone / + quiz bank (with answer keys) / + ordinary pages",
            f"{quiz['base_build_s']:.1f} s / {quiz['quiz_build_s']:.1f} s / {quiz['pages_build_s']:.1f} s",
            "",
        ),
        (
            "Quiz files parsed per build",
            f"{abs(parses)} parses of {QUIZZES + 1} files",
            "once per file: met" if parses == QUIZZES + 1 else "NOT once per file",
        ),
    ]
    lines = ["| measure | value | target |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {target} |" for name, value, target in rows]
    return "\n".join(lines) + "\n"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="upr-bench-") as scratch_name:
        scratch = Path(scratch_name)
        numbers: dict = {}
        site, bundle = scratch / "site", scratch / "bundle"
        numbers["online_s"] = timed_build(PROJECT / "mkdocs.yml", site)
        numbers["offline_s"] = timed_build(PROJECT / "mkdocs.offline.yml", bundle)
        archive = scratch / course_build.ZIP_NAME
        course_build.package_bundle(bundle, archive)
        (site / course_build.ZIP_IN_SITE).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(archive, site / course_build.ZIP_IN_SITE)
        numbers["zip_bytes"] = archive.stat().st_size
        numbers["site_bytes"] = folder_size(site)
        numbers["pages"] = pages_per_language(site)
        numbers["visits"] = first_visits(site, sample_pages(site))
        homes = {language: {"home": pages["home"]} for language, pages in sample_pages(site).items()}
        numbers["with_offline_copy"] = first_visits(site, homes, service_workers="allow")
        lighthouse = course_lighthouse.table(course_lighthouse.measure(site, PROJECT / "dist" / "lighthouse"))
        numbers["quiz"] = quiz_bench(scratch / "quiz")
    table = report(numbers) + "\n" + lighthouse
    print(table)
    (PROJECT / "dist").mkdir(exist_ok=True)
    (PROJECT / "dist" / "bench.md").write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
