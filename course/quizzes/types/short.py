"""Short answer: the learner types a word or two; any of the 'accept' forms is right.

Answers compare without case, extra spaces, ё/е or the Tajik letters typed as Russian ones.
"""

from __future__ import annotations

from course.quizzes.types.base import Checks, Gift, Paper, QuestionType, Texts, nothing


def check(question: dict, checks: Checks) -> None:
    if "shuffle" in question:
        checks.warning(
            ("shuffle",), f"{checks.name}: 'shuffle' only applies to single and multiple questions", "remove it"
        )


def view(question: dict, texts: Texts) -> dict:
    accept = question["accept"]
    if isinstance(accept, dict):
        values = accept.get(texts.language) or accept.get("en")
        if not accept.get(texts.language) and texts.language != "en":
            texts.untranslated("accept")
    else:
        values = accept
    values = values if isinstance(values, list) else [values]
    return {"accept": [texts.normalize(v) for v in values], "accept_shown": [str(v) for v in values]}


def answer_key(view: dict, paper: Paper) -> dict:
    return {"accepted": view["accept_shown"]}


def gift(question: dict, gift: Gift) -> list[str]:
    # '*' is Moodle's short-answer wildcard; a literal one is written '\*'.
    return ["=" + gift.escape(answer.replace("*", "\\*")) for answer in gift.answers(question)]


def qti_response(item, question: dict, text, qti) -> None:
    answers = text.answers(question)
    declaration = qti.declare(item, "single", "string", answers[:1])
    qti.mapping(declaration, [(answer, 1) for answer in answers], 1, case_sensitive=False)


def qti_interaction(body, question: dict, text, qti) -> None:
    longest = max(len(answer) for answer in text.answers(question))
    paragraph = qti.sub(body, "p", text.ui_text("quiz_your_answer") + ": ")
    qti.sub(paragraph, "textEntryInteraction", responseIdentifier="RESPONSE", expectedLength=str(max(longest, 10)))


def qti_scoring(processing, question: dict, qti) -> None:
    qti.mapped_score(processing, 1)


SHORT = QuestionType(
    name="short",
    answer_field="accept",
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
