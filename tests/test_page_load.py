"""What a page makes the browser do before the reader sees it: no script holds up the first
paint (each is deferred), and Material's script is found by name in the installed theme."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from course.site import templates as course_templates

PAGES = ("", "ru/modules/01-human-rights-obligations/", "tg/quizzes/01-human-rights-obligations/", "tg/progress/")


@pytest.mark.parametrize("path", PAGES)
def test_no_script_file_blocks_the_page(course_site, path):
    html = course_site.page(path)
    scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
    assert any("bundle." in tag for tag in scripts), "Material's script is missing"
    blocking = [tag for tag in scripts if not re.search(r"\s(defer|async)[\s>]", tag)]
    assert blocking == [], f"{path}: scripts that stop the page until they have run"


def test_a_theme_without_its_bundle_stops_the_build_with_a_clear_message(tmp_path):
    config = SimpleNamespace(theme=SimpleNamespace(dirs=[str(tmp_path)]))
    with pytest.raises(PluginError, match="THEME_BUNDLE in course/site/templates.py"):
        course_templates.theme_bundle(config)  # type: ignore[arg-type]
    (tmp_path / "assets/javascripts").mkdir(parents=True)
    (tmp_path / "assets/javascripts/bundle.0123abcd.min.js").write_text("", encoding="utf-8")
    assert course_templates.theme_bundle(config) == "assets/javascripts/bundle.0123abcd.min.js"  # type: ignore[arg-type]
