"""A small GIFT reader for the tests: enough of Moodle's format to read our exports back.

It follows Moodle's own reading: comments ('//') dropped, questions separated by blank
lines, escaped characters (\\~ \\= \\# \\{ \\} \\: \\\\ \\n) hidden before the syntax is split,
'####' starts the general feedback, '~' makes a multiple-choice question, '=' with '->' a
matching one, TRUE/FALSE a true/false one, and '=' alone a short-answer one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ESCAPES = {
    "\\\\": "\ue000",
    "\\~": "\ue001",
    "\\=": "\ue002",
    "\\#": "\ue003",
    "\\{": "\ue004",
    "\\}": "\ue005",
    "\\:": "\ue006",
}
RESTORE = {"\ue000": "\\", "\ue001": "~", "\ue002": "=", "\ue003": "#", "\ue004": "{", "\ue005": "}", "\ue006": ":"}
WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")


class GiftError(ValueError):
    pass


@dataclass
class Answer:
    text: str
    fraction: float  # 1.0 for '=', 0.0 for '~', the weight for '~%n%'
    feedback: str = ""


@dataclass
class Question:
    category: str
    name: str
    format: str
    text: str
    type: str = ""
    answers: list[Answer] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    truth: bool | None = None
    general_feedback: str = ""


def _hide(text: str) -> str:
    for escaped, placeholder in ESCAPES.items():
        text = text.replace(escaped, placeholder)
    return text.replace("\\n", "\n")


def _restore(text: str) -> str:
    for placeholder, char in RESTORE.items():
        text = text.replace(placeholder, char)
    return text.strip()


def parse(source: str) -> list[Question]:
    """Every question of a GIFT file, with its texts unescaped."""
    questions, category = [], ""
    lines = [line for line in source.splitlines() if not line.lstrip().startswith("//")]
    for block in re.split(r"\n\s*\n", "\n".join(lines)):
        block = block.strip()
        if not block:
            continue
        if block.startswith("$CATEGORY:"):
            category = block[len("$CATEGORY:") :].strip()
            continue
        questions.append(_question(_hide(block), category))
    return questions


def _question(block: str, category: str) -> Question:
    name = ""
    if block.startswith("::"):
        name, _, block = block[2:].partition("::")
    start, end = block.find("{"), block.rfind("}")
    if start < 0 or end < start:
        raise GiftError(f"no answer block in {_restore(block)[:60]!r}")
    text, answers = block[:start], block[start + 1 : end]
    if block[end + 1 :].strip():
        raise GiftError(f"text after the answer block in {name!r}")
    fmt = ""
    match = re.match(r"^\[(\w+)\]", text)
    if match:
        fmt, text = match.group(1), text[match.end() :]
    question = Question(category, _restore(name), fmt, _restore(text))
    answers, _, general = answers.partition("####")
    question.general_feedback = _restore(general)
    _read_answers(question, answers.strip())
    return question


def _read_answers(question: Question, answers: str) -> None:
    if answers.upper() in ("T", "TRUE", "F", "FALSE"):
        question.type, question.truth = "truefalse", answers.upper().startswith("T")
        return
    parts = [p for p in re.split(r"(?=[=~])", answers) if p.strip()]
    if "~" in answers:
        question.type = "multichoice"
    elif "->" in answers:
        question.type = "matching"
    else:
        question.type = "shortanswer"
    for part in parts:
        mark, body = part[0], part[1:].strip()
        if question.type == "matching":
            left, arrow, right = body.partition("->")
            if not arrow:
                raise GiftError(f"matching answer without '->': {_restore(body)!r}")
            question.pairs.append((_restore(left), _restore(right)))
            continue
        fraction = 1.0 if mark == "=" else 0.0
        weight = WEIGHT.match(body)
        if weight:
            fraction, body = float(weight.group(1)) / 100, body[weight.end() :]
        body, _, feedback = body.partition("#")
        question.answers.append(Answer(_restore(body), fraction, _restore(feedback)))
