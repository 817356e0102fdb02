"""Quiz texts and answers as a learner meets them: safe HTML, fair comparison, stable order."""

from __future__ import annotations

import copy

import pytest
import sitebuild

from course.quizzes import load as quiz_load
from course.quizzes import render as quiz_render


@pytest.fixture(scope="module")
def render() -> quiz_render.TextRenderer:
    """The renderer with the site's own Markdown extensions, as the build uses it."""
    from mkdocs.config import load_config

    config = load_config(str(sitebuild.PROJECT / "mkdocs.yml"))
    return quiz_render.TextRenderer(config.markdown_extensions, config.mdx_configs)


# ---------------------------------------------------------------- short answers


@pytest.mark.parametrize(
    ("typed", "accepted"),
    [
        ("Шуро", "Шӯро"),  # ӯ typed as у on a Russian keyboard
        ("хукук", "ҳуқуқ"),  # ҳ and қ
        ("гайри хукумати", "ғайри ҳукуматӣ"),  # ғ and ӣ
        ("чамъият", "ҷамъият"),  # ҷ
        ("елка", "ёлка"),  # ё typed as е
        ("шуд", "ШУД"),  # case
        ("  Human Rights   Council ", "human rights council"),  # surrounding and repeated spaces
    ],
)
def test_short_answer_matches_despite_case_spacing_and_letter_variants(typed, accepted):
    assert quiz_render.normalize_answer(typed) == quiz_render.normalize_answer(accepted)


@pytest.mark.parametrize(("typed", "accepted"), [("Шура", "Шӯро"), ("ШУ", "ШУД"), ("troika", "troyka")])
def test_short_answer_with_a_different_word_does_not_match(typed, accepted):
    assert quiz_render.normalize_answer(typed) != quiz_render.normalize_answer(accepted)


def test_short_answers_keep_their_accepted_spellings_for_display():
    question = {
        "id": "name-it",
        "type": "short",
        "prompt": {"en": "?"},
        "explanation": {"en": "."},
        "accept": {"en": ["ШУД", "SHUD"], "ru": ["ШУД"], "tg": ["ШУД"]},
    }
    view = quiz_render.question_view(question, 1, 1, "en", str, None, "h")
    assert view["accept_shown"] == ["ШУД", "SHUD"]
    assert view["accept"] == ["шуд", "shud"]


# ---------------------------------------------------------------- sanitizer


def test_markdown_formatting_and_links_survive(render):
    html = render("**Bold** and *italic* with [a link](https://example.org/upr) and `code`")
    assert "<strong>Bold</strong>" in html and "<em>italic</em>" in html and "<code>code</code>" in html
    assert '<a href="https://example.org/upr"' in html


def test_plain_sentence_is_escaped_and_wrapped():
    assert quiz_render.TextRenderer([], {})("The State reports") == "<p>The State reports</p>"


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("Before <script>alert('x')</script> after", ["<script", "alert("]),
        ('<iframe src="https://example.org"></iframe> text', ["<iframe"]),
        ("<style>body {display: none}</style> text", ["<style", "display: none"]),
        ('<a href="https://example.org" onclick="steal()">link</a>', ["onclick", "steal"]),
        ('<img src="x" onerror="steal()">', ["onerror", "<img"]),
        ("[click](javascript:alert(1))", ["javascript:"]),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', ["javascript:"]),
        ('A paragraph\n{: onclick="steal()" }', ["onclick"]),  # attr_list would add the attribute
        ('<details open ontoggle="steal()">x</details>', ["ontoggle"]),
    ],
)
def test_nothing_executable_reaches_the_page_from_a_quiz_text(render, text, forbidden):
    html = render(text)
    for part in forbidden:
        assert part.lower() not in html.lower(), html


def test_text_around_removed_markup_is_kept(render):
    html = render("Before <script>alert(1)</script> **after**")
    assert "<strong>after</strong>" in html


def test_quiz_text_cannot_include_files_through_snippets(render):
    html = render('--8<-- "mkdocs.yml"')
    assert "site_name" not in html and "--8&lt;--" in html


# ---------------------------------------------------------------- shuffling


@pytest.mark.parametrize("count", [2, 3, 4, 7])
def test_shuffled_order_is_never_the_answer_order(count):
    for number in range(3000):
        order = quiz_render.stable_shuffle(count, f"question-{number}")
        assert sorted(order) == list(range(count))
        assert order != list(range(count)), f"question-{number}"


def test_shuffled_order_is_the_same_at_every_build():
    assert quiz_render.stable_shuffle(6, "troika-size") == quiz_render.stable_shuffle(6, "troika-size")


def test_single_item_or_none_is_left_as_it_is():
    assert quiz_render.stable_shuffle(1, "x") == [0]
    assert quiz_render.stable_shuffle(0, "x") == []


# ---------------------------------------------------------------- question view

QUESTION = {
    "id": "troika-size",
    "type": "single",
    "prompt": {
        "en": "How many States form the troika?",
        "ru": "Сколько государств входит в тройку?",
        "tg": "Сегона аз чанд давлат иборат аст?",
    },
    "options": [
        {"text": "2"},
        {"text": {"en": "Three", "ru": "Три"}, "correct": True},
        {"text": {"en": "Five", "ru": "Пять", "tg": "Панҷ"}},
    ],
    "explanation": {"en": "Three rapporteurs.", "ru": "Три докладчика."},
}


def test_question_view_marks_fields_shown_in_english_for_lack_of_translation():
    tajik = quiz_render.question_view(QUESTION, 1, 1, "tg", str, None, "h")
    assert tajik["untranslated"] == ["explanation", "options"]
    assert tajik["explanation"] == "Three rapporteurs."
    assert [o["html"] for o in tajik["options"]] == ["2", "Three", "Панҷ"]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_question_view_marks_nothing_when_every_field_is_translated(language):
    assert quiz_render.question_view(QUESTION, 1, 1, language, str, None, "h")["untranslated"] == []


def test_question_view_keeps_which_option_is_correct_in_every_language():
    for language in ("en", "ru", "tg"):
        view = quiz_render.question_view(QUESTION, 1, 1, language, str, None, "h")
        assert [o["correct"] for o in view["options"]] == [False, True, False]


# ---------------------------------------------------------------- answer hash


def test_answer_hash_changes_when_the_correct_option_changes():
    changed = copy.deepcopy(QUESTION)
    changed["options"][1]["correct"], changed["options"][2]["correct"] = False, True
    assert quiz_load.answer_hash(changed) != quiz_load.answer_hash(QUESTION)


def test_answer_hash_stays_when_only_a_russian_translation_changes():
    polished = copy.deepcopy(QUESTION)
    polished["prompt"]["ru"] = "Из скольких государств состоит тройка?"
    polished["options"][1]["text"]["ru"] = "Трёх"
    polished["explanation"]["ru"] = "Три докладчика по жребию."
    assert quiz_load.answer_hash(polished) == quiz_load.answer_hash(QUESTION)


def test_answer_hash_changes_when_a_true_false_answer_flips():
    question = {"id": "peer", "type": "true_false", "answer": True, "prompt": {"en": "?"}, "explanation": {"en": "."}}
    assert quiz_load.answer_hash(question) != quiz_load.answer_hash({**question, "answer": False})


# --- compiled partials ---------------------------------------------------------------------


class _Theme(dict):
    def __init__(self, folder):
        super().__init__(language="en")
        self.dirs = [str(folder)]

    def get_env(self):
        import jinja2

        return jinja2.Environment(loader=jinja2.FileSystemLoader(self.dirs))


def test_an_edited_partial_shows_on_the_next_build_and_pages_carry_no_indentation(tmp_path):
    """`mkdocs serve` reuses the process: a partial is compiled once, yet an edit shows."""
    import os
    import types

    from course.site import templates as course_templates

    partial = tmp_path / "partials" / "demo.html"
    partial.parent.mkdir()
    partial.write_text(
        "<ul>\n    {% for x in items %}\n    <li>{{ x }}</li>\n    {% endfor %}\n</ul>\n", encoding="utf-8"
    )
    config = types.SimpleNamespace(theme=_Theme(tmp_path))
    first = course_templates.template(config, "partials/demo.html")
    assert first.render(items=["a<b"]) == "<ul>\n<li>a&lt;b</li>\n</ul>"  # escaped, unindented
    assert course_templates.template(config, "partials/demo.html") is first  # not compiled again
    partial.write_text("<ol>{% for x in items %}<li>{{ x }}</li>{% endfor %}</ol>\n", encoding="utf-8")
    stat = partial.stat()
    os.utime(partial, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert course_templates.template(config, "partials/demo.html").render(items=["a"]) == "<ol><li>a</li></ol>"
