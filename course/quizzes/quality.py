"""Item-writing rules: a quiz that a learner who knows nothing cannot pass by its patterns.

A self-assessment is honest when guessing does not pay: true/false answers are balanced,
"choose all" questions are not mostly correct, the right option is not simply the longest,
every wrong option explains itself, and each objective is assessed at its own level. These
rules read checked quizzes (quiz_load.Quiz) and return findings as data; `make check` prints
them and the build logs them as warnings, so the published (strict) build keeps them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from course.languages import english, text_in
from course.problems import Problem

LEVELS = ("remember", "understand", "apply", "analyse")
HIGHER_ORDER = ("apply", "analyse")
TRUE_FALSE_MOST = 0.65  # neither answer above this share
TRUE_FALSE_MIN_QUESTIONS = 4
LONGEST_CORRECT_MOST = 0.40  # share of single questions whose key is the longest option
LENGTH_RATIO_MOST = 2.0  # one option against the mean of the others
HIGHER_ORDER_LEAST = 0.40  # share of apply/analyse questions in a module quiz
KNOW_NOTHING_BELOW = 0.40
PROMPTS_ALIKE = 0.5  # share of shared content words between two prompts
ANSWERS_ALIKE = 0.6  # share of shared options (or items, or pairs) between two questions
ABSOLUTE_WORDS = {
    "en": r"never|only|always|all|cannot|can't|none|every",
    "ru": r"никогда|только|всегда|все|всё|всех|всем|не может|не могут|ни один|ни одна|ни одно",
    "tg": r"ҳеҷ гоҳ|ҳаргиз|танҳо|фақат|ҳамеша|ҳама|ҳамаи|наметавонад|наметавонанд",
}
ABSOLUTE = {lang: re.compile(rf"(?<![\w])({words})(?![\w])", re.IGNORECASE) for lang, words in ABSOLUTE_WORDS.items()}


@dataclass(frozen=True)
class QuizItems:
    """What the rules need of a quiz: its file, questions, pass mark and the lines of its parts."""

    file: str
    module: str | None
    questions: list[dict]
    pass_mark: int
    lines: dict

    def line(self, *path: object) -> int:
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def options_of(question: dict) -> list[dict]:
    return [o for o in question.get("options") or [] if isinstance(o, dict)]


def know_nothing_score(question: dict) -> float:
    """The score of a learner who knows nothing and plays the patterns.

    Single: the longest option. Multiple: every option ticked (scored as the quiz does:
    right minus wrong ticks over the number of right options). True/false: "False".
    Order and match: a random arrangement (1/n expected). Short answer: nothing.
    """
    kind = question.get("type")
    options = options_of(question)
    if kind == "single" and options:
        longest = max(options, key=lambda o: len(english(o.get("text"))))
        return 1.0 if longest.get("correct") else 0.0
    if kind == "multiple" and options:
        right = sum(1 for o in options if o.get("correct"))
        return max(0.0, (right - (len(options) - right)) / right) if right else 0.0
    if kind == "true_false":
        return 1.0 if question.get("answer") is False else 0.0
    if kind in ("order", "match"):
        count = len(question.get("items") or question.get("pairs") or [])
        return 1 / count if count else 0.0
    return 0.0


def quiz_know_nothing_score(quiz: QuizItems) -> float:
    return sum(know_nothing_score(q) for q in quiz.questions) / len(quiz.questions) if quiz.questions else 0.0


def level_mix(quiz: QuizItems) -> Counter:
    """How many questions ask for each level ('unset' for questions without one)."""
    return Counter(q.get("level") or "unset" for q in quiz.questions)


def check_true_false(quiz: QuizItems) -> list[Problem]:
    answers = [(i, q) for i, q in enumerate(quiz.questions) if q.get("type") == "true_false"]
    findings = []
    if len(answers) >= TRUE_FALSE_MIN_QUESTIONS:
        falses = sum(1 for _, q in answers if q.get("answer") is False)
        for value, count in (("False", falses), ("True", len(answers) - falses)):
            if count / len(answers) > TRUE_FALSE_MOST:
                findings.append(
                    Problem(
                        quiz.file,
                        quiz.line("questions", answers[0][0]),
                        f"item writing: {count} of {len(answers)} true/false answers are '{value}': always answering "
                        f"'{value}' pays",
                        f"make about as many statements true as false (at most {TRUE_FALSE_MOST:.0%} either way)",
                    )
                )
    for index, question in answers:
        for language, pattern in ABSOLUTE.items():
            word = (
                pattern.search(text_in(question.get("prompt"), language))
                if language == "en" or (isinstance(question.get("prompt"), dict) and question["prompt"].get(language))
                else None
            )
            if word:
                findings.append(
                    Problem(
                        quiz.file,
                        quiz.line("questions", index, "prompt"),
                        f"item writing: question '{question.get('id')}' is a true/false statement with the absolute word "
                        f"'{word.group(0)}' ({language}): such statements are almost always false",
                        "state the rule with its real conditions instead of 'never', 'only', 'always' and the like",
                    )
                )
    return findings


def check_multiple(quiz: QuizItems) -> list[Problem]:
    findings = []
    shares = []
    for index, question in enumerate(quiz.questions):
        if question.get("type") != "multiple":
            continue
        options = options_of(question)
        right = sum(1 for o in options if o.get("correct"))
        if options:
            shares.append(right / len(options))
        tick_all = know_nothing_score(question)
        if tick_all * 100 >= quiz.pass_mark:
            findings.append(
                Problem(
                    quiz.file,
                    quiz.line("questions", index),
                    f"item writing: ticking every option of question '{question.get('id')}' scores {tick_all:.0%}, "
                    f"at or above the pass mark ({quiz.pass_mark}%)",
                    "add wrong options or make fewer options right",
                )
            )
    if shares and sum(shares) / len(shares) >= 0.5:
        first = next(i for i, q in enumerate(quiz.questions) if q.get("type") == "multiple")
        findings.append(
            Problem(
                quiz.file,
                quiz.line("questions", first),
                f"item writing: on average {sum(shares) / len(shares):.0%} of the options of 'choose all' questions are right",
                "make fewer than half of the options right, on average, so that ticking everything does not pay",
            )
        )
    return findings


def check_lengths(quiz: QuizItems) -> list[Problem]:
    findings = []
    singles = longest_right = 0
    first_single = None
    for index, question in enumerate(quiz.questions):
        options = options_of(question)
        if question.get("type") not in ("single", "multiple") or len(options) < 2:
            continue
        if question.get("type") == "single":
            singles += 1
            first_single = index if first_single is None else first_single
            lengths = [len(english(o.get("text"))) for o in options]
            if any(
                o.get("correct") and lengths[i] == max(lengths) and lengths.count(max(lengths)) == 1
                for i, o in enumerate(options)
            ):
                longest_right += 1
        for language in ("en", "ru", "tg"):
            lengths = [len(text_in(o.get("text"), language)) for o in options]
            for position, length in enumerate(lengths):
                others = [x for i, x in enumerate(lengths) if i != position]
                mean = sum(others) / len(others)
                if mean and length > LENGTH_RATIO_MOST * mean:
                    findings.append(
                        Problem(
                            quiz.file,
                            quiz.line("questions", index, "options", position),
                            f"item writing: option {position + 1} of question '{question.get('id')}' is {length / mean:.1f} times "
                            f"as long as the others on average ({language}): length gives it away",
                            "shorten it or give the other options the same detail",
                        )
                    )
                    break
    if singles >= 3 and longest_right / singles > LONGEST_CORRECT_MOST:
        findings.append(
            Problem(
                quiz.file,
                quiz.line("questions", first_single),
                f"item writing: the right option is the longest in {longest_right} of {singles} single-choice questions",
                f"make distractors as long and specific as the key (at most {LONGEST_CORRECT_MOST:.0%} of questions)",
            )
        )
    return findings


def check_feedback(quiz: QuizItems) -> list[Problem]:
    findings = []
    for index, question in enumerate(quiz.questions):
        if question.get("type") not in ("single", "multiple"):
            continue
        for position, option in enumerate(options_of(question)):
            if not option.get("correct") and not english(option.get("feedback")):
                findings.append(
                    Problem(
                        quiz.file,
                        quiz.line("questions", index, "options", position),
                        f"item writing: wrong option {position + 1} of question '{question.get('id')}' has no feedback",
                        "add 'feedback: {en: ..., ru: ..., tg: ...}' saying why it is wrong",
                    )
                )
    return findings


def reaches(level: str | None, wanted: str | None) -> bool:
    """Whether a question's level is at least the objective's."""
    if wanted not in LEVELS:
        return True
    return level in LEVELS and LEVELS.index(level) >= LEVELS.index(wanted)


def check_objectives(quiz: QuizItems, objectives: dict[str, str | None]) -> list[Problem]:
    """Each objective of the quiz's module: at least 2 questions, one at its level or above."""
    findings: list[Problem] = []
    if quiz.module is None:
        return findings
    questions_line = quiz.line("questions")
    for objective, level in objectives.items():
        asking = [q for q in quiz.questions if q.get("objective") == objective]
        if len(asking) < 2:
            findings.append(
                Problem(
                    quiz.file,
                    questions_line,
                    f"item writing: objective '{objective}' is assessed by {len(asking)} question(s)",
                    "assess every objective with at least 2 questions",
                )
            )
        elif level and not any(reaches(q.get("level"), level) for q in asking):
            findings.append(
                Problem(
                    quiz.file,
                    questions_line,
                    f"item writing: no question assesses objective '{objective}' at its level ({level})",
                    f"add or rewrite a question with 'level: {level}' (or higher) for it",
                )
            )
    return findings


def check_levels(quiz: QuizItems) -> list[Problem]:
    findings: list[Problem] = []
    if quiz.module is None or not quiz.questions:
        return findings
    for index, question in enumerate(quiz.questions):
        if question.get("level") is None:
            findings.append(
                Problem(
                    quiz.file,
                    quiz.line("questions", index),
                    f"item writing: question '{question.get('id')}' has no level",
                    f"add 'level:' ({', '.join(LEVELS)})",
                )
            )
    higher = sum(1 for q in quiz.questions if q.get("level") in HIGHER_ORDER)
    if higher / len(quiz.questions) < HIGHER_ORDER_LEAST:
        findings.append(
            Problem(
                quiz.file,
                quiz.line("questions"),
                f"item writing: {higher} of {len(quiz.questions)} questions ask to apply or analyse",
                f"make at least {HIGHER_ORDER_LEAST:.0%} scenarios: a recommendation to classify, a draft to diagnose, "
                "a decision to justify",
            )
        )
    score = quiz_know_nothing_score(quiz)
    if score >= KNOW_NOTHING_BELOW:
        findings.append(
            Problem(
                quiz.file,
                quiz.line("questions"),
                f"item writing: a learner who knows nothing scores {score:.0%} (longest option, tick all, 'False')",
                f"fix the patterns above until guessing scores below {KNOW_NOTHING_BELOW:.0%}",
            )
        )
    return findings


def normalized(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


# Words every quiz uses ("Choose all that apply", "Match each ... with ..."): not content.
QUIZ_WORDS = frozenset(
    "which what these those this that with from each match choose apply true false does have "
    "about into their there where when most best order statement following".split()
)
PROMPT_WORDS_LEAST = 4


def content_words(text: str) -> frozenset[str]:
    """Words of four letters or more, cut to five letters: a paraphrase keeps most of them."""
    words = [w for w in re.findall(r"[^\W\d_]{4,}", text.casefold()) if w not in QUIZ_WORDS]
    return frozenset(word[:5] for word in words)


def alike(first: frozenset[str], second: frozenset[str]) -> float:
    return len(first & second) / len(first | second) if first and second else 0.0


def answer_set(question: dict) -> frozenset[str]:
    parts = [english(o.get("text")) for o in options_of(question)]
    parts += [english(i) for i in question.get("items") or []]
    parts += [
        english(p.get("left")) + "=" + english(p.get("right"))
        for p in question.get("pairs") or []
        if isinstance(p, dict)
    ]
    return frozenset(normalized(p) for p in parts)


def check_duplicates(quizzes: list[QuizItems]) -> list[Problem]:
    """Questions of different quizzes with the same prompt or the same set of options."""
    findings = []
    seen: list[tuple[QuizItems, int, frozenset[str], frozenset[str]]] = []
    for quiz in quizzes:
        for index, question in enumerate(quiz.questions):
            prompt = content_words(english(question.get("prompt")))
            answers = answer_set(question)
            for other, other_index, other_prompt, other_answers in seen:
                if other.file == quiz.file:
                    continue
                same_prompt = (
                    min(len(prompt), len(other_prompt)) >= PROMPT_WORDS_LEAST
                    and alike(prompt, other_prompt) >= PROMPTS_ALIKE
                )
                same_answers = len(answers) >= 3 and alike(answers, other_answers) >= ANSWERS_ALIKE
                if same_prompt or same_answers:
                    findings.append(
                        Problem(
                            quiz.file,
                            quiz.line("questions", index),
                            f"item writing: question '{question.get('id')}' repeats question "
                            f"'{other.questions[other_index].get('id')}' of {other.file}:{other.line('questions', other_index)} "
                            f"({'same prompt' if same_prompt else 'same options'})",
                            "ask something else here, or keep the question in one quiz only",
                        )
                    )
                    break
            seen.append((quiz, index, prompt, answers))
    return findings


def check_quizzes(quizzes: list[QuizItems], objective_levels: dict[str, dict[str, str | None]]) -> list[Problem]:
    """Every item-writing finding of every quiz: warnings (the published build stops on them)."""
    findings: list[Problem] = []
    for quiz in quizzes:
        findings += check_true_false(quiz) + check_multiple(quiz) + check_lengths(quiz) + check_feedback(quiz)
        findings += check_objectives(quiz, objective_levels.get(quiz.module or "", {})) + check_levels(quiz)
    return [replace(finding, severity="warning") for finding in findings + check_duplicates(quizzes)]
