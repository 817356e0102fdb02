"""Worksheets and answer keys as plain view data, in one language, questions in the file's order.

Knows nothing of MkDocs: it takes a quiz's data as written, a Markdown renderer and the
module's objectives, and returns what overrides/partials/trainer-*.html draw.

Quiz files list the right option first more often than not, so paper never prints options in
the file's order: each choice question gets one order (paper_orders), the same in the worksheet
and in its answer key, the same at every build, with the right answers spread over the letters.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

from course.quizzes import render as quiz_render
from course.quizzes.types import QUESTION_TYPES

LETTERS = string.ascii_uppercase


def letter(index: int) -> str:
    """A, B, ... Z, AA, AB ... for option labels on paper."""
    return LETTERS[index] if index < len(LETTERS) else letter(index // len(LETTERS) - 1) + LETTERS[index % len(LETTERS)]


def paper_orders(questions: list[dict]) -> dict[str, list[int]]:
    """Question id -> the order its options are printed in (file indices), for choice questions.

    Seeded by the question id, so every build prints the same letters. Going through the
    quiz in the file's order, each question puts its right options on the letters that have
    held right answers least often so far (single-choice and 'choose all' counted apart), and
    'choose all' never prints its right options as the first ones. A question marked
    'shuffle: false' keeps the author's order (an option such as 'all of the above').
    """
    orders: dict[str, list[int]] = {}
    used: dict[str, list[int]] = {"single": [], "multiple": []}  # right answers per letter so far
    for question in questions:
        kind = question.get("type")
        if kind not in ("single", "multiple"):
            continue
        count = len(question["options"])
        correct = [i for i, option in enumerate(question["options"]) if option.get("correct")]
        if question.get("shuffle", True) is False or count < 2 or not 0 < len(correct) < count:
            orders[question["id"]] = list(range(count))
            continue
        generator = random.Random(f"paper:{question['id']}")
        tally = used[kind]
        tally += [0] * (count - len(tally))
        places: list[int] = []
        while not places or (kind == "multiple" and places == list(range(len(correct)))):
            ranked = sorted(range(count), key=lambda place: (tally[place], generator.random()))
            places = sorted(ranked[: len(correct)])
        others = [i for i in range(count) if i not in correct]
        generator.shuffle(others)
        right = correct[:]
        generator.shuffle(right)
        order = [right.pop() if place in places else others.pop() for place in range(count)]
        for place in places:
            tally[place] += 1
        orders[question["id"]] = order
    return orders


def _questions(quiz_data: dict, language: str, render: Callable[[object], str]) -> list[dict]:
    questions = quiz_data["questions"]
    return [
        quiz_render.question_view(q, n, len(questions), language, render, None, "")
        for n, q in enumerate(questions, start=1)
    ]


def _paper_options(view: dict, order: list[int]) -> list[dict]:
    """A choice question's options as printed: lettered by their place on paper."""
    return [
        {"letter": letter(place), "html": view["options"][i]["html"], "correct": view["options"][i]["correct"]}
        for place, i in enumerate(order)
    ]


class _Paper:
    """What a question type sees of paper: letters, and a choice question's options in paper order."""

    def __init__(self, orders: dict[str, list[int]]):
        self._orders = orders

    def letter(self, index: int) -> str:
        return letter(index)

    def options(self, view: dict) -> list[dict]:
        return _paper_options(view, self._orders[view["id"]])


def worksheet(quiz_data: dict, language: str, render: Callable[[object], str]) -> list[dict]:
    """Questions for paper, without any answer.

    No list prints in the file's order, which is often the answer: options follow
    paper_orders; the items of an 'order' question and the right-hand column of a 'match'
    question follow the quiz page's fixed order, which is never the right one.
    """
    sheet = []
    paper = _Paper(paper_orders(quiz_data["questions"]))
    for view in _questions(quiz_data, language, render):
        item = {
            "id": view["id"],
            "type": view["type"],
            "number": view["number"],
            "prompt": view["prompt"],
            "untranslated": view["untranslated"],
        }
        item.update(QUESTION_TYPES[view["type"]].worksheet(view, paper))
        sheet.append(item)
    return sheet


def answer_key(
    quiz_data: dict, language: str, render: Callable[[object], str], objectives: dict[str, str]
) -> list[dict]:
    """Questions with their right answers named by letter and text, explanations and objectives.

    Options carry the letters the worksheet prints (paper_orders), so a trainer marks paper
    with it; a match question's pairs name the worksheet's letter of each right-hand answer.
    """
    key = []
    paper = _Paper(paper_orders(quiz_data["questions"]))
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
        item.update(QUESTION_TYPES[view["type"]].answer_key(view, paper))
        key.append(item)
    return key


def objective_texts(module_meta: dict | None, english_meta: dict | None) -> dict[str, str]:
    """Objective id -> text in the reader's language, English where a translation lacks one."""
    texts = {str(o["id"]): str(o["text"]) for o in (english_meta or {}).get("objectives") or [] if isinstance(o, dict)}
    texts.update(
        {str(o["id"]): str(o["text"]) for o in (module_meta or {}).get("objectives") or [] if isinstance(o, dict)}
    )
    return texts
