"""Worksheets and answer keys as plain view data, in one language, in the quiz file's order.

Knows nothing of MkDocs: it takes a quiz's data as written, a Markdown renderer and the
module's objectives, and returns what overrides/partials/trainer-*.html draw.
"""

from __future__ import annotations

import string
from collections.abc import Callable

from course.quizzes import render as quiz_render

LETTERS = string.ascii_uppercase


def letter(index: int) -> str:
    """A, B, ... Z, AA, AB ... for option labels on paper."""
    return LETTERS[index] if index < len(LETTERS) else letter(index // len(LETTERS) - 1) + LETTERS[index % len(LETTERS)]


def _questions(quiz_data: dict, language: str, render: Callable[[object], str]) -> list[dict]:
    questions = quiz_data["questions"]
    return [
        quiz_render.question_view(q, n, len(questions), language, render, None, "")
        for n, q in enumerate(questions, start=1)
    ]


def worksheet(quiz_data: dict, language: str, render: Callable[[object], str]) -> list[dict]:
    """Questions for paper, without any answer.

    Options keep the file's order. Two lists cannot: the items of an 'order' question and the
    right-hand column of a 'match' question are written in the file in their right order, so
    the worksheet prints them in the quiz page's fixed order, which is never the answer.
    """
    sheet = []
    for view in _questions(quiz_data, language, render):
        item = {
            "id": view["id"],
            "type": view["type"],
            "number": view["number"],
            "prompt": view["prompt"],
            "untranslated": view["untranslated"],
        }
        if view["type"] in ("single", "multiple"):
            item["options"] = [{"letter": letter(o["index"]), "html": o["html"]} for o in view["options"]]
        elif view["type"] == "order":
            item["items"] = [
                {"letter": letter(n), "html": view["order_items"][i]["html"]}
                for n, i in enumerate(view["display_order"])
            ]
        elif view["type"] == "match":
            item["left"] = [{"number": p["index"] + 1, "html": p["left"]} for p in view["pairs"]]
            item["right"] = [
                {"letter": letter(n), "text": view["pairs"][i]["right"]} for n, i in enumerate(view["right_order"])
            ]
        sheet.append(item)
    return sheet


def answer_key(
    quiz_data: dict, language: str, render: Callable[[object], str], objectives: dict[str, str]
) -> list[dict]:
    """Questions with their right answers named by text, explanations and objectives."""
    key = []
    for view in _questions(quiz_data, language, render):
        item = {
            "id": view["id"],
            "type": view["type"],
            "number": view["number"],
            "prompt": view["prompt"],
            "explanation": view["explanation"],
            "objective": view["objective"],
            "objective_text": objectives.get(view["objective"], "") if view["objective"] else "",
            "untranslated": view["untranslated"],
        }
        if view["type"] in ("single", "multiple"):
            item["options"] = [
                {"letter": letter(o["index"]), "html": o["html"], "correct": o["correct"]} for o in view["options"]
            ]
            item["correct"] = [o["html"] for o in view["options"] if o["correct"]]
        elif view["type"] == "true_false":
            item["answer"] = view["answer"]
        elif view["type"] == "order":
            item["sequence"] = [i["html"] for i in view["order_items"]]
        elif view["type"] == "match":
            item["pairs"] = [{"left": p["left"], "right": p["right"]} for p in view["pairs"]]
        elif view["type"] == "short":
            item["accepted"] = view["accept_shown"]
        key.append(item)
    return key


def objective_texts(module_meta: dict | None, english_meta: dict | None) -> dict[str, str]:
    """Objective id -> text in the reader's language, English where a translation lacks one."""
    texts = {str(o["id"]): str(o["text"]) for o in (english_meta or {}).get("objectives") or [] if isinstance(o, dict)}
    texts.update(
        {str(o["id"]): str(o["text"]) for o in (module_meta or {}).get("objectives") or [] if isinstance(o, dict)}
    )
    return texts
