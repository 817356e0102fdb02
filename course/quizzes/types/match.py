"""Match: 'pairs' of a left text and its right-hand answer, the right column shown shuffled.

Each left text matched to its own answer earns its share of the question.
"""

from __future__ import annotations

from course.quizzes.types.base import Checks, Gift, Paper, QuestionType, Texts


def check(question: dict, checks: Checks) -> None:
    checks.unique("pairs", [pair["left"] for pair in question["pairs"]])
    checks.unique("pairs", [pair["right"] for pair in question["pairs"]])
    if "shuffle" in question:
        checks.warning(("shuffle",), f"{checks.name}: 'match' questions are always shown shuffled", "remove 'shuffle'")


def view(question: dict, texts: Texts) -> dict:
    pairs = [
        {
            "index": i,
            "left": texts.inline(texts.text(pair["left"], "pairs")),
            "right": texts.plain(texts.text(pair["right"], "pairs")),
        }
        for i, pair in enumerate(question["pairs"])
    ]
    return {"pairs": pairs, "right_order": texts.shuffle(len(pairs))}


def worksheet(view: dict, paper: Paper) -> dict:
    return {
        "left": [{"number": p["index"] + 1, "html": p["left"]} for p in view["pairs"]],
        "right": [
            {"letter": paper.letter(n), "text": view["pairs"][i]["right"]} for n, i in enumerate(view["right_order"])
        ],
    }


def answer_key(view: dict, paper: Paper) -> dict:
    letters = {i: paper.letter(n) for n, i in enumerate(view["right_order"])}
    return {
        "pairs": [
            {"number": p["index"] + 1, "left": p["left"], "letter": letters[p["index"]], "right": p["right"]}
            for p in view["pairs"]
        ]
    }


def gift(question: dict, gift: Gift) -> list[str]:
    return [
        "=" + gift.escape(gift.inline(pair["left"])) + " -> " + gift.escape(gift.plain(pair["right"]))
        for pair in question["pairs"]
    ]


def qti_response(item, question: dict, text, qti) -> None:
    pairs = [f"L_{i} R_{i}" for i in range(len(question["pairs"]))]
    declaration = qti.declare(item, "multiple", "directedPair", pairs)
    qti.mapping(declaration, [(pair, 1) for pair in pairs], len(pairs))


def qti_interaction(body, question: dict, text, qti) -> None:
    count = str(len(question["pairs"]))
    interaction = qti.sub(
        body, "matchInteraction", responseIdentifier="RESPONSE", shuffle="true", maxAssociations=count
    )
    for side, prefix in (("left", "L"), ("right", "R")):
        match_set = qti.sub(interaction, "simpleMatchSet")
        for index, pair in enumerate(question["pairs"]):
            qti.add_html(
                qti.sub(match_set, "simpleAssociableChoice", identifier=f"{prefix}_{index}", matchMax="1"),
                text.inline(pair[side]),
            )


def qti_scoring(processing, question: dict, qti) -> None:
    qti.mapped_score(processing, len(question["pairs"]))


MATCH = QuestionType(
    name="match",
    answer_field="pairs",
    author_shuffle=False,
    check=check,
    view=view,
    worksheet=worksheet,
    answer_key=answer_key,
    gift=gift,
    qti_response=qti_response,
    qti_interaction=qti_interaction,
    qti_scoring=qti_scoring,
)
