"""What an exercise answer is stored under: the module, or the page outside modules/."""

from __future__ import annotations

import re

import pytest

from course.site import module_pages

# docs/assets/quiz.js accepts only keys of this shape ('owner/exercise'): anything else is dropped
STORED_KEY = re.compile(r"^[a-z0-9-]+/[a-z0-9-]+$")


@pytest.mark.parametrize(
    "src_uri, owner",
    [
        ("modules/01-human-rights-obligations/index.en.md", "01-human-rights-obligations"),
        ("modules/04-national-report/index.tg.md", "04-national-report"),
        ("about.ru.md", "about"),
        ("trainers/index.en.md", "index"),
        ("How_To.md", "how-to"),
    ],
)
def test_answers_are_kept_under_a_key_the_browser_accepts(src_uri, owner):
    assert module_pages.answer_owner(src_uri) == owner
    assert STORED_KEY.match(f"{owner}/exercise-1")
