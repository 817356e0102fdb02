"""`make bench`'s own measures (course/bench.py) that could silently go wrong."""

from __future__ import annotations

from pathlib import Path

from course import bench


def test_a_build_parses_each_quiz_file_once_and_the_count_sees_every_parse(small_project: Path, tmp_path: Path):
    quizzes = sorted((small_project / "quizzes").glob("*.yml"))
    assert quizzes
    assert bench.parse_count(small_project, tmp_path / "site") == len(quizzes)
