"""Study time: what a module says it takes, and what its text and quiz suggest.

A module's front matter gives `study_time` either as one number of minutes or split into
reading, exercises and quiz (`study_time: {reading: 15, exercise: 20, quiz: 12}`). The
estimate reads at 180 words a minute (a reader in a second language) and allows one minute
for a remember/understand question and two for an apply/analyse one; a stated part that is
off by more than a third is reported.
"""

from __future__ import annotations

from dataclasses import dataclass

READING_WORDS_PER_MINUTE = 180
MINUTES_PER_QUESTION = {"apply": 2, "analyse": 2}
TOLERANCE = 1 / 3
PARTS = ("reading", "exercise", "quiz")


@dataclass(frozen=True)
class StudyTime:
    """Minutes per part (None when the module gives only a total) and in all."""

    total: int
    reading: int | None = None
    exercise: int | None = None
    quiz: int | None = None


def parse(value: object) -> StudyTime | None:
    """The front matter's study_time, or None when it is neither a number nor the three parts."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value > 0:
        return StudyTime(value)
    if (
        isinstance(value, dict)
        and set(value) == set(PARTS)
        and all(isinstance(value[p], int) and not isinstance(value[p], bool) and value[p] >= 0 for p in PARTS)
    ):
        return StudyTime(sum(value[p] for p in PARTS), value["reading"], value["exercise"], value["quiz"])
    return None


def estimate_reading(words: int) -> float:
    return words / READING_WORDS_PER_MINUTE


def estimate_quiz(levels: list[str | None]) -> float:
    return float(sum(MINUTES_PER_QUESTION.get(level or "", 1) for level in levels))


def off(stated: float, estimate: float) -> bool:
    """More than a third away from the estimate (estimates under two minutes are not judged)."""
    return estimate >= 2 and abs(stated - estimate) > estimate * TOLERANCE


def problems(value: object, words: int, question_levels: list[str | None]) -> list[tuple[str, str]]:
    """(what is wrong, what to write) for a module's study_time."""
    stated = parse(value)
    if stated is None:
        return [
            (
                f"study_time '{value}' is neither a number of minutes nor reading/exercise/quiz minutes",
                "write e.g. 'study_time: {reading: 15, exercise: 20, quiz: 12}'",
            )
        ]
    reading, quiz = estimate_reading(words), estimate_quiz(question_levels)
    found = []
    if stated.reading is None:
        if stated.total < (reading + quiz) * (1 - TOLERANCE):
            found.append(
                (
                    f"study_time {stated.total} min is less than reading ({reading:.0f} min at "
                    f"{READING_WORDS_PER_MINUTE} words a minute) and the quiz ({quiz:.0f} min) need",
                    f"split it: 'study_time: {{reading: {round(reading)}, exercise: ..., quiz: {round(quiz)}}}'",
                )
            )
        return found
    for part, stated_minutes, estimate in (("reading", stated.reading, reading), ("quiz", stated.quiz, quiz)):
        if stated_minutes is not None and off(stated_minutes, estimate):
            found.append(
                (
                    f"study_time {part} is {stated_minutes} min but the estimate is {estimate:.0f} min",
                    f"write about {round(estimate)} (reading: {READING_WORDS_PER_MINUTE} words a minute; "
                    "quiz: 1 minute a question, 2 to apply or analyse)",
                )
            )
    return found
