"""True/false: a statement and 'answer: true' or 'answer: false'. Right or wrong."""

from __future__ import annotations

from course.quizzes.types.base import Checks, Gift, Paper, QuestionType, Texts, nothing


def check(question: dict, checks: Checks) -> None:
    if "shuffle" in question:
        checks.warning(
            ("shuffle",), f"{checks.name}: 'shuffle' only applies to single and multiple questions", "remove it"
        )


def view(question: dict, texts: Texts) -> dict:
    return {"answer": bool(question["answer"])}


def answer_key(view: dict, paper: Paper) -> dict:
    return {"answer": view["answer"]}


def gift(question: dict, gift: Gift) -> list[str]:
    return ["TRUE" if question["answer"] else "FALSE"]


def qti_response(item, question: dict, text, qti) -> None:
    qti.declare(item, "single", "identifier", ["TRUE" if question["answer"] else "FALSE"])


def qti_interaction(body, question: dict, text, qti) -> None:
    interaction = qti.sub(body, "choiceInteraction", responseIdentifier="RESPONSE", shuffle="false", maxChoices="1")
    qti.sub(interaction, "simpleChoice", text.ui_text("quiz_true"), identifier="TRUE")
    qti.sub(interaction, "simpleChoice", text.ui_text("quiz_false"), identifier="FALSE")


def qti_scoring(processing, question: dict, qti) -> None:
    qti.all_or_nothing(processing)


TRUE_FALSE = QuestionType(
    name="true_false",
    answer_field="answer",
    author_shuffle=False,
    check=check,
    view=view,
    worksheet=nothing,
    answer_key=answer_key,
    gift=gift,
    qti_response=qti_response,
    qti_interaction=qti_interaction,
    qti_scoring=qti_scoring,
)
