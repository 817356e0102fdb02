"""Golden HTML: the rendered fieldset of each question type, from the fixture quiz page.

The fixture quiz (tests/fixtures/site/quizzes/01-sample.yml) holds one question of each type;
tests/golden/quiz-<type>.html is that question as the English quiz page renders it, with
indentation and blank lines removed so that only the markup itself counts.

After an intended change to overrides/partials/quiz.html or course/quizzes/render.py, regenerate
the files and review the difference before committing:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_quiz_golden.py
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"
TYPES = ("single", "multiple", "true_false", "order", "match", "short")


def normalize(fragment: str) -> str:
    """One tag or text run per line as written, without indentation or blank lines."""
    lines = (line.strip() for line in fragment.splitlines())
    return "\n".join(line for line in lines if line) + "\n"


def rendered_question(html: str, kind: str) -> str:
    match = re.search(rf'<fieldset class="mdx-q"[^>]*\bdata-type="{kind}".*?</fieldset>', html, re.DOTALL)
    assert match, f"no question of type {kind} on the quiz page"
    return normalize(match.group(0))


@pytest.mark.parametrize("kind", TYPES)
def test_question_markup_matches_golden_file(small_site, kind):
    actual = rendered_question(small_site.page("quizzes/01-sample/"), kind)
    golden = GOLDEN / f"quiz-{kind}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing; create it with UPDATE_GOLDEN=1"
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"tests/golden/{golden.name}",
                tofile="rendered now",
            )
        )
        pytest.fail(
            f"the {kind} question renders differently from its golden file "
            f"(regenerate with UPDATE_GOLDEN=1 if intended):\n{diff}",
            pytrace=False,
        )
