"""Choice questions: 'single' (one right option) and 'multiple' (choose all that apply).

Options carry their own feedback. On the page they are shuffled unless the author says
'shuffle: false'; on paper each question has one seeded order (course.trainer.views).
Scoring: single is right or wrong; multiple gives each right option an equal share and takes
the same share off for each wrong one (never below zero).
"""

from __future__ import annotations

from course.quizzes.types.base import Checks, Gift, Paper, QuestionType, Texts


def _correct(question: dict) -> list[int]:
    return [i for i, option in enumerate(question["options"]) if option.get("correct") is True]


def check_single(question: dict, checks: Checks) -> None:
    correct = len(_correct(question))
    if correct == 0:
        checks.error((), f"{checks.name} has no correct option", "mark one with 'correct: true'")
    elif correct > 1:
        checks.error(
            (),
            f"{checks.name} has {correct} correct options but a single-choice question needs exactly one",
            "use 'type: multiple' or unmark the others",
        )
    checks.unique("options", [option["text"] for option in question["options"]])


def check_multiple(question: dict, checks: Checks) -> None:
    if not _correct(question):
        checks.error((), f"{checks.name} has no correct option", "mark at least one with 'correct: true'")
    checks.unique("options", [option["text"] for option in question["options"]])


def view(question: dict, texts: Texts) -> dict:
    options = [
        {
            "index": i,
            "html": texts.inline(texts.text(option["text"], "options")),
            "correct": bool(option.get("correct")),
            "feedback": texts.text(option["feedback"], "feedback") if "feedback" in option else "",
        }
        for i, option in enumerate(question["options"])
    ]
    shuffled = question.get("shuffle", True)
    return {"options": options, "display_order": texts.shuffle(len(options)) if shuffled else list(range(len(options)))}


def worksheet(view: dict, paper: Paper) -> dict:
    return {"options": [{"letter": o["letter"], "html": o["html"]} for o in paper.options(view)]}


def answer_key(view: dict, paper: Paper) -> dict:
    options = paper.options(view)
    return {"options": options, "correct": [o for o in options if o["correct"]]}


def gift_single(question: dict, gift: Gift) -> list[str]:
    return [
        ("=" if option.get("correct") else "~") + gift.escape(gift.inline(option["text"])) + gift.feedback(option)
        for option in question["options"]
    ]


def gift_multiple(question: dict, gift: Gift) -> list[str]:
    share = 100 / len(_correct(question))
    return [
        f"~%{gift.weight(share if option.get('correct') else -share)}%"
        + gift.escape(gift.inline(option["text"]))
        + gift.feedback(option)
        for option in question["options"]
    ]


def _right_choices(question: dict) -> list[str]:
    return [f"CHOICE_{i}" for i in _correct(question)]


def qti_response_single(item, question: dict, text, qti) -> None:
    qti.declare(item, "single", "identifier", _right_choices(question))


def qti_response_multiple(item, question: dict, text, qti) -> None:
    declaration = qti.declare(item, "multiple", "identifier", _right_choices(question))
    entries = [(f"CHOICE_{i}", 1 if o.get("correct") else -1) for i, o in enumerate(question["options"])]
    qti.mapping(declaration, entries, len(_correct(question)))


def _interaction(body, question: dict, text, qti, max_choices: str):
    interaction = qti.sub(
        body,
        "choiceInteraction",
        responseIdentifier="RESPONSE",
        shuffle=str(question.get("shuffle", True)).lower(),
        maxChoices=max_choices,
    )
    return interaction


def _choices(interaction, question: dict, text, qti) -> None:
    for index, option in enumerate(question["options"]):
        qti.add_html(qti.sub(interaction, "simpleChoice", identifier=f"CHOICE_{index}"), text.inline(option["text"]))


def qti_interaction_single(body, question: dict, text, qti) -> None:
    _choices(_interaction(body, question, text, qti, "1"), question, text, qti)


def qti_interaction_multiple(body, question: dict, text, qti) -> None:
    interaction = _interaction(body, question, text, qti, str(len(question["options"])))
    interaction.set("minChoices", "0")
    _choices(interaction, question, text, qti)


def qti_scoring_single(processing, question: dict, qti) -> None:
    qti.all_or_nothing(processing)


def qti_scoring_multiple(processing, question: dict, qti) -> None:
    qti.mapped_score(processing, len(_correct(question)))


SINGLE = QuestionType(
    name="single",
    answer_field="options",
    author_shuffle=True,
    check=check_single,
    view=view,
    worksheet=worksheet,
    answer_key=answer_key,
    gift=gift_single,
    qti_response=qti_response_single,
    qti_interaction=qti_interaction_single,
    qti_scoring=qti_scoring_single,
    qti_option_feedback=True,
)

MULTIPLE = QuestionType(
    name="multiple",
    answer_field="options",
    author_shuffle=True,
    check=check_multiple,
    view=view,
    worksheet=worksheet,
    answer_key=answer_key,
    gift=gift_multiple,
    qti_response=qti_response_multiple,
    qti_interaction=qti_interaction_multiple,
    qti_scoring=qti_scoring_multiple,
    qti_option_feedback=True,
)
