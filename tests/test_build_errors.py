"""Authors' mistakes end the build with a message naming the file, and no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import sitebuild

from course.content.frontmatter import FrontMatterProblem, parse_front_matter
from course.mkdocs_run import strict_build
from course.model import Course


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def assert_clean_failure(result: sitebuild.BuildResult, *expected: str) -> None:
    assert result.returncode != 0
    for text in expected:
        assert text in result.output, result.output
    assert "Traceback" not in result.output


def test_malformed_front_matter_names_file_and_line(small_project):
    write(small_project / "docs/about.en.md", "---\ntitle: About\nsummary: [unclosed\n---\n\n# About\n")
    result = sitebuild.build(small_project)
    assert_clean_failure(result, "docs/about.en.md:3:", "not valid YAML")


def test_malformed_front_matter_in_module_names_module_file(small_project):
    path = small_project / "modules/01-sample/index.ru.md"
    path.write_text(path.read_text(encoding="utf-8").replace("study_time: 10", "study_time: 10: min"), encoding="utf-8")
    result = sitebuild.build(small_project)
    assert_clean_failure(result, "modules/01-sample/index.ru.md:4:")


def test_unclosed_front_matter_is_reported():
    with pytest.raises(FrontMatterProblem) as raised:
        parse_front_matter("---\ntitle: About\n\n# About\n")
    problem = raised.value.problem("docs/about.en.md")
    assert (problem.file, problem.line) == ("docs/about.en.md", 1) and "never closed" in problem.message


# Broken links and images: tests/test_check.py shows that make check and the strict build flag
# the same ones, each naming the page.


def module_problems(project: Path) -> list[str]:
    return [problem.text() for problem in Course(project).module_problems]


def test_objective_ids_that_differ_between_languages_are_reported(small_project):
    path = small_project / "modules/01-sample/index.ru.md"
    path.write_text(path.read_text(encoding="utf-8").replace("id: sample-2", "id: sample-two"), encoding="utf-8")
    [problem] = module_problems(small_project)
    assert problem.startswith("modules/01-sample/index.ru.md:") and "sample-two" in problem and "same ids" in problem


def test_module_front_matter_without_required_key_is_reported(small_project):
    path = small_project / "modules/01-sample/index.en.md"
    path.write_text(path.read_text(encoding="utf-8").replace("study_time: 10\n", ""), encoding="utf-8")
    [problem] = module_problems(small_project)
    assert problem.startswith("modules/01-sample/index.en.md:1:") and "'study_time'" in problem


def test_a_failed_build_leaves_the_previous_site_and_a_good_one_replaces_it(small_project, tmp_path):
    target = tmp_path / "published"
    target.mkdir()
    (target / "stale.html").write_text("old", encoding="utf-8")
    assert strict_build(small_project / "mkdocs.yml", target) == 0
    assert not (target / "stale.html").exists()
    assert (target / "tg" / "index.html").exists()
    index = (target / "index.html").read_text(encoding="utf-8")
    write(small_project / "docs/about.en.md", "# About\n\n[broken](nope.md)\n")
    assert strict_build(small_project / "mkdocs.yml", target) != 0
    assert (target / "index.html").read_text(encoding="utf-8") == index
    assert not list(tmp_path.glob(".published-build-*")), "the staging folder was left behind"
