"""The course model: one per build, and every source file read and parsed once by it."""

from __future__ import annotations

import builtins
import io
import os
import sys
import sysconfig
from collections import Counter
from pathlib import Path

import pytest
import sitebuild

from course.model import Course
from course.site import session

PACKAGE = (sitebuild.PROJECT / "course").resolve()
STDLIB = str(Path(sysconfig.get_paths()["stdlib"]).resolve())
SOURCE_PARTS = ("modules", "quizzes", "docs")
SOURCE_FILES = ("glossary.yml", "ui_strings.yml")


def _count_course_reads(monkeypatch: pytest.MonkeyPatch, project: Path) -> Counter[str]:
    """Every opening of a course source file by the course's own code (package or hooks).

    MkDocs reads a page to render it; that is MkDocs' reading, not a second parse by the course,
    so only openings whose nearest caller outside the standard library is ours count.
    """
    reads: Counter[str] = Counter()
    hooks = (project / "hooks").resolve()
    real_open = io.open

    def ours(filename: str) -> bool:
        return filename.startswith((str(PACKAGE), str(hooks)))

    def counting_open(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)):
            path = Path(os.fspath(file)).resolve()
            if path.is_relative_to(project):
                relative = path.relative_to(project)
                if relative.parts[0] in SOURCE_PARTS or relative.as_posix() in SOURCE_FILES:
                    frame = sys._getframe(1)
                    while frame is not None and frame.f_code.co_filename.startswith(STDLIB):
                        frame = frame.f_back
                    if frame is not None and ours(frame.f_code.co_filename):
                        reads[relative.as_posix()] += 1
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", counting_open)
    monkeypatch.setattr(builtins, "open", counting_open)
    return reads


def test_a_three_language_build_reads_each_source_file_once(small_project, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    project = small_project.resolve()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project.parent / "site"))
    reads = _count_course_reads(monkeypatch, project)
    build(config)
    assert (project.parent / "site" / "tg" / "index.html").is_file(), "all three languages were built"
    # the course read its modules, quizzes, glossary and interface strings...
    assert any(name.startswith("modules/") for name in reads) and "glossary.yml" in reads
    assert any(name.startswith("quizzes/") for name in reads) and "ui_strings.yml" in reads
    # ...each of them once, however many languages and hooks looked at it
    assert {name: count for name, count in reads.items() if count > 1} == {}
    # and through one course model, made once for the three language builds
    assert set(session.course_for(config).sources.reads.values()) == {1}


def test_make_check_reads_each_source_file_once(small_project, monkeypatch):
    from course import check

    project = small_project.resolve()
    reads = _count_course_reads(monkeypatch, project)
    result = check.run(project)
    assert result.rows and any(name.startswith("modules/") for name in reads)
    assert {name: count for name, count in reads.items() if count > 1} == {}


def test_the_course_hides_draft_modules_unless_drafts_are_shown(small_project):
    english = small_project / "modules" / "01-sample" / "index.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("---\n", "---\ndraft: true\n", 1), encoding="utf-8")
    published, served = Course(small_project), Course(small_project, show_drafts=True)
    assert published.drafts == {"01-sample"} == published.hidden
    assert "01-sample" not in [m.folder for m in published.published_modules]
    assert "01-sample" in [m.folder for m in served.published_modules] and served.hidden == set()
    assert all(quiz.module != "01-sample" for quiz in published.published_quiz_set.quizzes)
