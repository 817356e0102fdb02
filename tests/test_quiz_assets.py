"""The quiz script and stylesheet stay small and load only on pages that need them."""

from __future__ import annotations

import gzip
import re

import pytest
import sitebuild

from course.site import minify

ASSETS = sitebuild.PROJECT / "docs" / "assets"
LIMIT = 10 * 1024
# module pages with an exercise answer box use the same script and styles
QUIZ_PAGES = [
    "quizzes/01-sample/",
    "ru/quizzes/01-sample/",
    "tg/quizzes/01-sample/",
    "progress/",
    "ru/progress/",
    "tg/progress/",
    "modules/01-sample/",
    "ru/modules/01-sample/",
    "tg/modules/01-sample/",
]
OTHER_PAGES = ["", "tg/", "glossary/", "about/", "how-to-use/"]


def test_quiz_script_and_stylesheet_are_under_10_kb_gzipped_as_they_ship(small_site):
    shipped = (small_site.site / "assets/quiz.js").read_text(encoding="utf-8")
    shipped += (small_site.site / "assets/quiz.css").read_text(encoding="utf-8")
    size = len(gzip.compress(shipped.encode(), compresslevel=9))
    assert size < LIMIT, f"quiz.js + quiz.css are {size} bytes gzipped as built; the budget is {LIMIT}"


@pytest.mark.parametrize("name", ["quiz.js", "quiz.css", "progress.js", "course.css"])
def test_the_course_ships_its_scripts_and_styles_minified(small_site, name):
    source = (ASSETS / name).read_text(encoding="utf-8")
    built = (small_site.site / "assets" / name).read_text(encoding="utf-8")
    assert built == minify.minified("assets/" + name, source) and len(built) < 0.85 * len(source)


def quiz_assets(html: str) -> set[str]:
    return set(re.findall(r'(?:href|src)="[^"]*assets/(quiz\.(?:js|css))(?:\?v=[0-9a-f]+)?"', html))


@pytest.mark.parametrize("path", QUIZ_PAGES)
def test_quiz_and_progress_pages_load_the_quiz_assets(small_site, path):
    assert quiz_assets(small_site.page(path)) == {"quiz.js", "quiz.css"}


@pytest.mark.parametrize("path", OTHER_PAGES)
def test_other_pages_do_not_load_the_quiz_assets(small_site, path):
    assert quiz_assets(small_site.page(path)) == set()


def test_progress_script_is_small_and_loads_only_on_the_progress_page_after_the_quiz_script(small_site):
    size = len(gzip.compress((ASSETS / "progress.js").read_bytes(), compresslevel=9))
    assert size < 4 * 1024, f"progress.js is {size} bytes gzipped; the budget is 4 KB"
    for path in QUIZ_PAGES + OTHER_PAGES:
        html = small_site.page(path)
        scripts = re.findall(r'<script src="[^"]*assets/((?:quiz|progress)\.js)(?:\?v=[0-9a-f]+)?"', html)
        assert scripts == (["quiz.js", "progress.js"] if path.endswith("progress/") else scripts[:1]), path
        assert "progress.js" not in scripts or path.endswith("progress/")
