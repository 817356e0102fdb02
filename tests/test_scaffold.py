"""`make new-module` / `make new-quiz` (course/scaffold.py) and draft modules in the build."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import sitebuild

from course import check
from course.content.frontmatter import parse_front_matter
from course.languages import LANGUAGES
from course.model import Course

PROJECT = Path(__file__).resolve().parent.parent

SLUG = "02-follow-up"


def scaffold(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "course.scaffold", *args, "--root", str(project)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def drafted(tmp_path_factory) -> Path:
    """The fixture site plus a module made by new-module (still a draft)."""
    project = sitebuild.make_project(tmp_path_factory.mktemp("drafted") / "project")
    result = scaffold(project, "module", SLUG)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def published(drafted) -> sitebuild.BuildResult:
    result = sitebuild.build(drafted)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def served(drafted, tmp_path_factory):
    """`mkdocs serve --strict` of the drafted project: the author's view."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (tmp_path_factory.mktemp("serve") / "serve.log").open("w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=drafted,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and process.poll() is None:
            try:
                urllib.request.urlopen(base, timeout=5).close()
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        log.seek(0)
        assert process.poll() is None, "mkdocs serve stopped:\n" + log.read()
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def test_new_module_creates_three_languages_and_a_quiz(drafted):
    folder = drafted / "modules" / SLUG
    metas = {lang: parse_front_matter((folder / f"index.{lang}.md").read_text(encoding="utf-8")) for lang in LANGUAGES}
    assert metas["en"]["draft"] is True
    assert [m.get("translation") for m in metas.values()] == [None, "draft", "draft"]
    ids = [[o["id"] for o in meta["objectives"]] for meta in metas.values()]
    assert ids[0] == ids[1] == ids[2] == ["up-1", "up-2", "up-3"]
    assert "## Why it matters {#why-it-matters}" in (folder / "index.en.md").read_text(encoding="utf-8")
    assert "## Почему это важно {#why-it-matters}" in (folder / "index.ru.md").read_text(encoding="utf-8")
    assert "## Тоҷикистон дар маркази таваҷҷуҳ {#tajikistan-in-focus}" in (folder / "index.tg.md").read_text(
        encoding="utf-8"
    )
    assert (drafted / "quizzes" / f"{SLUG}.yml").is_file()


def test_starter_quiz_validates_and_check_only_lists_placeholders(drafted, capsys):
    code = check.main(["--root", str(drafted)])
    out = capsys.readouterr().out
    assert code == 0, out
    problems = [line for line in out.splitlines() if ": warning: " in line or ": error: " in line]
    assert problems and all("(draft module 02-follow-up)" in line for line in problems)
    # what is left to write: the placeholders, and the questions a finished quiz still needs
    assert all("placeholder" in line or "item writing: objective" in line for line in problems), problems
    assert any("placeholder" in line for line in problems)


def test_draft_module_left_out_of_the_published_build(published):
    site = published.site
    assert not (site / "modules" / SLUG).exists()
    assert not (site / "ru" / "modules" / SLUG).exists()
    assert not (site / "quizzes" / SLUG).exists()
    for page in ("", "modules/", "progress/", "tg/modules/"):
        html = published.page(page)
        assert SLUG not in html and "TODO: Module title" not in html and "TODO: Номи модул" not in html
    assert 'href="01-sample/"' in published.page("modules/")  # the published module stays listed


def test_export_leaves_out_a_draft_module_even_with_a_broken_quiz(drafted, tmp_path):
    """Like the published build: a half-written draft never stops `make export`."""
    from course.export import cli as export

    project = sitebuild.make_project(tmp_path / "project")
    for part in (f"modules/{SLUG}", f"quizzes/{SLUG}.yml"):
        source, target = drafted / part, project / part
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.write_text(
                source.read_text(encoding="utf-8").replace("correct: true", "correct: maybe"), encoding="utf-8"
            )
    assert "correct: maybe" in (project / f"quizzes/{SLUG}.yml").read_text(encoding="utf-8")
    quizzes, _, _ = export.load_course(project)
    assert [quiz.id for quiz in quizzes] == ["01-sample"]


def test_draft_module_shown_by_serve(served):
    html = fetch(served + f"modules/{SLUG}/")
    assert "TODO: Module title" in html and 'id="why-it-matters"' in html
    assert "TODO: Номи модул" in fetch(served + f"tg/modules/{SLUG}/")
    quiz = fetch(served + f"quizzes/{SLUG}/")
    assert "data-quiz" in quiz and "TODO: The right answer." in quiz
    assert f'href="{SLUG}/"' in fetch(served + "modules/")  # listed and in the navigation


def test_new_quiz_for_an_existing_module_validates(small_project):
    (small_project / "quizzes/01-sample.yml").unlink()
    result = scaffold(small_project, "quiz", "01-sample")
    assert result.returncode == 0, result.stderr
    quiz = small_project / "quizzes/01-sample.yml"
    text = quiz.read_text(encoding="utf-8")
    assert "objective: sample-1" in text and "objective: sample-2" in text
    assert 'title: {en: "Sample module", ru: "Пример модуля", tg: "Sample module"}' in text
    loaded = Course(small_project).quiz_set
    assert loaded.errors == [] and loaded.warnings == []
    # a starter quiz validates; the item-writing check says it lacks a second question per objective
    assert loaded.quality and all("assessed by 1 question" in f.message for f in loaded.quality)
    assert len(loaded.quizzes[0].data["questions"]) == 2


@pytest.mark.parametrize(
    "slug, says",
    [
        ("9-follow-up", "is not a module folder name"),
        ("02-Follow_Up", "is not a module folder name"),
        ("01-sample", "modules/01-sample already exists"),
        ("01-other", "number 01 is already used by modules/01-sample"),
        ("", "name the module: make new-module SLUG=02-my-topic"),
    ],
)
def test_bad_module_name_refused_and_nothing_created(small_project, slug, says):
    before = sorted(p.relative_to(small_project) for p in small_project.rglob("*"))
    result = scaffold(small_project, "module", slug)
    assert result.returncode == 2
    assert says in result.stderr and "Nothing created" in result.stderr
    assert sorted(p.relative_to(small_project) for p in small_project.rglob("*")) == before


def test_new_quiz_refuses_an_unknown_module_or_an_existing_quiz(small_project):
    result = scaffold(small_project, "quiz", "07-nothing")
    assert result.returncode == 2 and "use one of: 01-sample" in result.stderr
    result = scaffold(small_project, "quiz", "01-sample")
    assert result.returncode == 2 and "quizzes/01-sample.yml already exists" in result.stderr
