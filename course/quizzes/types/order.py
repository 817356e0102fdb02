"""Order: 'items' written in their right order, shown in a fixed shuffled one.

Each item in its right place earns its share of the question.
"""

from __future__ import annotations

from course.quizzes.types.base import Checks, Gift, Paper, QuestionType, Texts


def check(question: dict, checks: Checks) -> None:
    checks.unique("items", question["items"])
    if "shuffle" in question:
        checks.warning(("shuffle",), f"{checks.name}: 'order' questions are always shown shuffled", "remove 'shuffle'")


def view(question: dict, texts: Texts) -> dict:
    items = [{"index": i, "html": texts.inline(texts.text(item, "items"))} for i, item in enumerate(question["items"])]
    return {"order_items": items, "display_order": texts.shuffle(len(items))}


def worksheet(view: dict, paper: Paper) -> dict:
    return {
        "items": [
            {"letter": paper.letter(n), "html": view["order_items"][i]["html"]}
            for n, i in enumerate(view["display_order"])
        ]
    }


def answer_key(view: dict, paper: Paper) -> dict:
    return {"sequence": [item["html"] for item in view["order_items"]]}


def gift(question: dict, gift: Gift) -> list[str]:
    # GIFT has no ordering question: a matching question of positions to items scores the same
    return [
        f"={position} -> " + gift.escape(gift.plain(item)) for position, item in enumerate(question["items"], start=1)
    ]


def qti_response(item, question: dict, text, qti) -> None:
    qti.declare(item, "ordered", "identifier", [f"ITEM_{i}" for i in range(len(question["items"]))])


def qti_interaction(body, question: dict, text, qti) -> None:
    interaction = qti.sub(body, "orderInteraction", responseIdentifier="RESPONSE", shuffle="true")
    for index, entry in enumerate(question["items"]):
        qti.add_html(qti.sub(interaction, "simpleChoice", identifier=f"ITEM_{index}"), text.inline(entry))


def qti_scoring(processing, question: dict, qti) -> None:
    qti.share_in_place(processing, len(question["items"]))


ORDER = QuestionType(
    name="order",
    answer_field="items",
    author_shuffle=False,
    check=check,
    view=view,
    worksheet=worksheet,
    answer_key=answer_key,
    gift=gift,
    qti_response=qti_response,
    qti_interaction=qti_interaction,
    qti_scoring=qti_scoring,
    qti_counters=(("PLACED", "integer"),),
)
