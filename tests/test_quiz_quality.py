"""Item-writing rules (course/quizzes/quality.py): each rule with a quiz that breaks it and one
that keeps it; then `make check` on a quiz a know-nothing learner could pass, and the real
course's quizzes held to every rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from course import check
from course.model import Course
from course.quizzes import quality as quiz_quality

PROJECT = Path(__file__).resolve().parent.parent


def text(en: str, ru: str | None = None, tg: str | None = None) -> dict:
    return {"en": en, "ru": ru or f"ru {en}", "tg": tg or f"tg {en}"}


def option(label: str, correct: bool = False, feedback: bool = True) -> dict:
    entry = {"text": text(label)}
    if correct:
        entry["correct"] = True
    if feedback:
        entry["feedback"] = text(f"Why {label}.")
    return entry


def single(qid: str, key: str, wrong: list[str], level: str = "apply", objective: str = "o-1", **extra) -> dict:
    return {
        "id": qid,
        "type": "single",
        "objective": objective,
        "level": level,
        "prompt": text(f"Question {qid}?"),
        "options": [option(key, correct=True), *[option(w) for w in wrong]],
        "explanation": text("Because."),
        **extra,
    }


def true_false(
    qid: str, answer: bool, prompt: str | None = None, level: str = "understand", objective: str = "o-1"
) -> dict:
    return {
        "id": qid,
        "type": "true_false",
        "objective": objective,
        "level": level,
        "answer": answer,
        "prompt": text(prompt or f"Statement {qid} holds here."),
        "explanation": text("Because."),
    }


def multiple(qid: str, right: int, wrong: int, level: str = "apply", objective: str = "o-1") -> dict:
    options = [option(f"right {i}", correct=True) for i in range(right)] + [option(f"wrong {i}") for i in range(wrong)]
    return {
        "id": qid,
        "type": "multiple",
        "objective": objective,
        "level": level,
        "prompt": text(f"Which {qid}?"),
        "options": options,
        "explanation": text("Because."),
    }


def quiz(questions: list[dict], file: str = "quizzes/01-x.yml", module: str | None = "01-x") -> quiz_quality.QuizItems:
    lines = {("questions",): 7}
    for i, question in enumerate(questions):
        lines[("questions", i)] = 10 + i
        lines.update(
            {("questions", i, "options", j): 100 + 10 * i + j for j in range(len(question.get("options", [])))}
        )
    return quiz_quality.QuizItems(file, module, questions, 70, lines)


def messages(findings) -> list[str]:
    return [f.message for f in findings]


def test_true_false_answers_must_be_balanced():
    unbalanced = quiz([true_false(f"s{i}", answer=i == 0) for i in range(5)])  # 4 of 5 'False'
    found = quiz_quality.check_true_false(unbalanced)
    assert any("4 of 5 true/false answers are 'False'" in m for m in messages(found))
    assert found[0].line == 10  # the first true/false question
    balanced = quiz([true_false(f"s{i}", answer=i % 2 == 0) for i in range(5)])  # 3 true, 2 false
    assert quiz_quality.check_true_false(balanced) == []


def test_true_false_balance_needs_four_statements():
    assert (
        quiz_quality.check_true_false(quiz([true_false("a", False), true_false("b", False), true_false("c", False)]))
        == []
    )


@pytest.mark.parametrize(
    "language, prompt",
    [
        ("en", "NGOs can never attend the session."),
        ("ru", "НПО никогда не присутствуют на сессии."),
        ("tg", "Ташкилотҳо ҳеҷ гоҳ иштирок намекунанд."),
        ("ru", "Только государства выступают."),
        ("tg", "Танҳо давлатҳо суханронӣ мекунанд."),
    ],
)
def test_absolute_words_in_true_false_statements_are_flagged(language, prompt):
    question = true_false("abs", False)
    question["prompt"][language] = prompt
    found = quiz_quality.check_true_false(quiz([question]))
    assert len(found) == 1 and f"({language})" in found[0].message and "absolute word" in found[0].message


def test_true_false_statement_with_its_real_conditions_passes():
    question = true_false("cond", True, "An NGO needs ECOSOC consultative status to be accredited to attend.")
    assert quiz_quality.check_true_false(quiz([question])) == []


def test_choose_all_questions_where_ticking_everything_passes_are_flagged():
    found = quiz_quality.check_multiple(quiz([multiple("mostly-right", right=4, wrong=1)]))
    assert any("scores 75%" in m for m in messages(found))  # (4 - 1) / 4
    assert any("on average 80%" in m for m in messages(found))


def test_choose_all_questions_with_fewer_right_than_wrong_options_pass():
    assert (
        quiz_quality.check_multiple(quiz([multiple("fair", right=2, wrong=3), multiple("fair2", right=1, wrong=3)]))
        == []
    )


def test_key_that_is_always_the_longest_option_is_flagged():
    questions = [single(f"q{i}", "a much longer correct answer", ["short", "brief", "tiny"]) for i in range(3)]
    found = quiz_quality.check_lengths(quiz(questions))
    assert any("longest in 3 of 3" in m for m in messages(found))
    assert any("times as long as the others" in m for m in messages(found))


def test_keys_of_the_same_length_as_distractors_pass():
    questions = [single(f"q{i}", "answer number one", ["answer number two", "answer number six"]) for i in range(3)]
    assert quiz_quality.check_lengths(quiz(questions)) == []


def test_one_option_twice_as_long_in_one_language_is_flagged():
    question = single("ru-long", "alpha", ["beta", "gamma"])
    question["options"][1]["text"]["ru"] = "очень длинный вариант ответа, который выдаёт себя"
    found = quiz_quality.check_lengths(quiz([question]))
    assert len(found) == 1 and "(ru)" in found[0].message and found[0].line == 101


def test_wrong_option_without_feedback_is_flagged_at_its_option():
    question = single("silent", "right", ["wrong one", "wrong two"])
    del question["options"][2]["feedback"]
    found = quiz_quality.check_feedback(quiz([question]))
    assert messages(found) == ["item writing: wrong option 3 of question 'silent' has no feedback"]
    assert quiz_quality.check_feedback(quiz([single("told", "right", ["wrong one"])])) == []


def test_objective_needs_two_questions_one_at_its_level():
    one = quiz([single("only", "a", ["b", "c"], level="apply", objective="o-1")])
    assert any("assessed by 1 question" in m for m in messages(quiz_quality.check_objectives(one, {"o-1": "apply"})))
    low = quiz([single("r1", "a", ["b", "c"], level="remember"), single("r2", "a", ["b", "c"], level="understand")])
    assert any("at its level (apply)" in m for m in messages(quiz_quality.check_objectives(low, {"o-1": "apply"})))
    good = quiz([single("r1", "a", ["b", "c"], level="remember"), single("r2", "a", ["b", "c"], level="analyse")])
    assert quiz_quality.check_objectives(good, {"o-1": "apply"}) == []


def test_module_quiz_needs_forty_percent_apply_or_analyse_questions():
    recall = quiz(
        [single(f"q{i}", "a", ["b", "c"], level="remember") for i in range(4)]
        + [single("q9", "a", ["b", "c"], level="apply")]
    )
    assert any("1 of 5 questions ask to apply or analyse" in m for m in messages(quiz_quality.check_levels(recall)))
    mixed = quiz(
        [single(f"q{i}", "a", ["b", "c"], level="remember") for i in range(3)]
        + [single(f"p{i}", "a", ["b", "c"], level="apply") for i in range(2)]
    )
    assert not any("apply or analyse" in m for m in messages(quiz_quality.check_levels(mixed)))
    assert quiz_quality.level_mix(mixed) == {"remember": 3, "apply": 2}


def test_question_without_level_is_flagged():
    question = single("no-level", "a", ["b", "c"])
    del question["level"]
    assert any("has no level" in m for m in messages(quiz_quality.check_levels(quiz([question]))))


def test_know_nothing_strategy_score():
    patterns = [
        single("long", "the longest option of all here", ["b", "c"]),
        true_false("f", False),
        multiple("m", 3, 1),
    ]
    assert quiz_quality.quiz_know_nothing_score(quiz(patterns)) == pytest.approx((1 + 1 + 2 / 3) / 3)
    assert any("knows nothing scores 89%" in m for m in messages(quiz_quality.check_levels(quiz(patterns))))
    honest = [single("long", "a", ["the longest option of all here", "c"]), true_false("t", True), multiple("m", 1, 3)]
    assert quiz_quality.quiz_know_nothing_score(quiz(honest)) == 0


def test_near_duplicate_questions_across_quizzes_are_flagged():
    first = quiz(
        [true_false("ecosoc-a", False, "A Tajik NGO needs ECOSOC consultative status to send a written submission.")]
    )
    second = quiz(
        [
            true_false(
                "ecosoc-b",
                False,
                "A civil society organisation needs ECOSOC consultative status to send its own submission.",
            )
        ],
        file="quizzes/02-y.yml",
    )
    found = quiz_quality.check_duplicates([first, second])
    assert len(found) == 1 and found[0].file == "quizzes/02-y.yml" and "quizzes/01-x.yml:10" in found[0].message
    other = quiz(
        [true_false("dates", True, "The Working Group adopts its report a few days after the dialogue.")],
        file="quizzes/02-y.yml",
    )
    assert quiz_quality.check_duplicates([first, other]) == []
    same_options = [single("cities", "Khujand", ["Bokhtar", "Dushanbe", "Kulob"])]
    again = [single("towns", "Khujand", ["Bokhtar", "Dushanbe", "Istaravshan"])]
    assert quiz_quality.check_duplicates([quiz(same_options), quiz(again, file="quizzes/02-y.yml")]) != []


def test_make_check_reports_a_guessable_quiz_with_file_line_and_fix(small_project, capsys):
    path = small_project / "quizzes/01-sample.yml"
    source = path.read_text(encoding="utf-8")
    path.write_text(source.replace("    answer: true\n", "    answer: false\n"), encoding="utf-8")
    for level in ("apply", "analyse"):
        source = path.read_text(encoding="utf-8")
        path.write_text(source.replace(f"    level: {level}\n", "    level: remember\n"), encoding="utf-8")
    assert check.main(["--root", str(small_project), "--strict"]) == 1
    out = capsys.readouterr().out
    line = path.read_text(encoding="utf-8").split("\n").index("questions:") + 1
    assert f"quizzes/01-sample.yml:{line}: warning: item writing: 0 of 6 questions ask to apply or analyse" in out
    assert "fix: make at least 40% scenarios" in out
    assert "01-sample: 5 / 1 / 0 / 0  (0% apply or analyse)" in out


def test_course_quizzes_keep_every_item_writing_rule():
    result = check.run(PROJECT)
    found = [p.text() for p in result.warnings if "item writing" in p.message]
    assert found == []
    for quiz_id, mix in result.levels.items():
        higher = sum(mix.get(level, 0) for level in quiz_quality.HIGHER_ORDER)
        assert higher / sum(mix.values()) >= 0.4, quiz_id


def test_know_nothing_learner_scores_below_forty_percent_on_every_course_quiz():
    from course.quizzes import load as quiz_load

    quizzes = Course(PROJECT).quiz_set.quizzes
    assert len(quizzes) >= 4
    for loaded in quizzes:
        score = quiz_quality.quiz_know_nothing_score(quiz_load.items_of(loaded, PROJECT))
        assert score < 0.4, f"{loaded.id}: {score:.0%}"
