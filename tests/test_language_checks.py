"""`make check` keeps the course's language honest: forms to avoid (the termbase), future tense
that has gone stale, and numbers that differ between a page's or a question's languages.

Each catalogue entry writes one sentence into a copy of the fixture site and asks what
`make check` says about it: the warning (file, line, what was found, what to write), or
silence where the text is right.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sitebuild

from course import check

PROJECT = Path(__file__).resolve().parent.parent

AVOID_ENTRIES = """
  - id: general-assembly
    term: {en: General Assembly, ru: Генеральная Ассамблея ООН, tg: Маҷмаи умумии СММ}
    tg_status: seen
    definition: {en: The UN's main body of all Member States., ru: Главный орган ООН., tg: Мақоми асосии СММ.}
    avoid:
      tg:
        - form: "Ассамблеяи Генералӣ"
          note: "state media use Маҷмаи умумии СММ"
  - id: council-adopts
    term: {en: the Council adopts the outcome, ru: Совет принимает итоги обзора, tg: Шӯро натиҷаҳои баррасиро қабул мекунад}
    tg_status: proposed
    definition: {en: The plenary step., ru: Пленарный этап., tg: Марҳилаи пленарӣ.}
    avoid:
      ru:
        - form: "Совет утверждает"
      en:
        - "rubber-stamp*"
  - id: ratification
    term: {en: ratification, ru: ратификация, tg: тасвиб}
    tg_status: proposed
    definition: {en: Joining a treaty., ru: Присоединение к договору., tg: Ҳамроҳ шудан ба шартнома.}
    avoid:
      tg:
        - form: "тасдиқ* шартнома*"
"""


def add_terms(project: Path) -> None:
    glossary = project / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").rstrip("\n") + "\n" + AVOID_ENTRIES, encoding="utf-8")


def append_paragraph(path: Path, paragraph: str) -> int:
    """Add a paragraph at the end of a page; returns its first line."""
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(text + paragraph + "\n", encoding="utf-8")
    return text.count("\n") + 1


def warnings_of(project: Path, kind: str) -> list[check.Problem]:
    return [p for p in check.run(project).warnings if p.message.startswith(kind)]


PAGE = {"en": "docs/index.en.md", "ru": "docs/index.ru.md", "tg": "docs/index.tg.md"}

# language, paragraph, the form reported (None: nothing may be reported)
TERMBASE_CASES = [
    ("tg", "Қатъномаи Ассамблеяи Генералӣ соли 2006 қабул шуд.", "Ассамблеяи Генералӣ"),
    ("tg", "Қарори Ассамблеяи Генералии СММ маълум аст.", "Ассамблеяи Генералии"),  # izofa
    ("tg", "Дар ин ҷо\nАссамблеяи\nГенералӣ қарор кард.", "Ассамблеяи Генералӣ"),  # broken over lines
    ("tg", "Парламент шартномаро тасдиқ кард.", None),  # a different order of words: not the form
    ("tg", "Тасдиқи шартномаҳо вақт мегирад.", "Тасдиқи шартномаҳо"),  # '*' endings
    ("tg", "Маҷмаи умумии СММ қатънома қабул кард.", None),  # the preferred term
    ("tg", "Нависед «Маҷмаи умумии СММ», на «Ассамблеяи Генералӣ».", None),  # quoted: a mention
    ("ru", "Совет утверждает итоговый документ.", "Совет утверждает"),
    ("ru", "Итоговый документ Советом утверждается в марте.", "Советом утверждается"),  # case + reflexive
    ("ru", "Рабочая группа утверждает доклад, а Совет принимает итоги обзора.", None),
    ("ru", "Не пишите «Совет утверждает»: Совет принимает итоги.", None),  # quoted
    ("en", "The Council does not rubber-stamp the report.", "rubber-stamp"),
    ("ru", "Ассамблеяи Генералӣ", None),  # a Tajik form in a Russian page is not a Tajik text
]


@pytest.mark.parametrize("language, paragraph, reported", TERMBASE_CASES)
def test_termbase_reports_forms_to_avoid_with_file_line_and_preferred_term(
    small_project, language, paragraph, reported
):
    add_terms(small_project)
    page = small_project / PAGE[language]
    first_line = append_paragraph(page, paragraph)
    found = warnings_of(small_project, "termbase")
    if reported is None:
        assert found == []
        return
    assert len(found) == 1, [p.text() for p in found]
    problem = found[0]
    assert problem.file == PAGE[language]
    broken = paragraph.split("\n")
    expected_line = first_line + next(i for i, line in enumerate(broken) if reported.split()[0] in line)
    assert problem.line == expected_line
    assert f"'{reported}'" in problem.message
    assert "glossary term" in problem.fix


def test_termbase_covers_quizzes_glossary_interface_strings_and_diagrams(small_project):
    add_terms(small_project)
    quiz = small_project / "quizzes/01-sample.yml"
    text = quiz.read_text(encoding="utf-8")
    quiz.write_text(text.replace("ru: ", "ru: Совет утверждает. ", 1), encoding="utf-8")
    svg = small_project / "modules/01-sample/diagram.ru.svg"
    svg.write_text(svg.read_text(encoding="utf-8").replace(">ru<", ">Совет утверждает<"), encoding="utf-8")
    glossary = small_project / "glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace("Главный орган ООН.", "Совет утверждает."), encoding="utf-8"
    )
    strings = small_project / "ui_strings.yml"
    strings.write_text(
        strings.read_text(encoding="utf-8").replace("ru: Ссылка на этот раздел", "ru: Совет утверждает"),
        encoding="utf-8",
    )
    files = {p.file for p in warnings_of(small_project, "termbase")}
    assert files == {"quizzes/01-sample.yml", "modules/01-sample/diagram.ru.svg", "glossary.yml", "ui_strings.yml"}


def test_avoid_list_without_a_form_is_reported_at_its_term(small_project):
    glossary = small_project / "glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").rstrip("\n") + "\n    avoid: {tg: [{note: only a note}]}\n",
        encoding="utf-8",
    )
    # a mistake in glossary.yml itself, found where the glossary is read: an error, like the others
    found = [p for p in check.run(small_project).errors if "term 'upr'" in p.message]
    assert (
        len(found) == 1 and (found[0].file, found[0].line) == ("glossary.yml", 7) and "has no form" in found[0].message
    )


# language, paragraph, stale?  (the fixture pages' facts are as of 2026)
FUTURE_CASES = [
    ("en", "The fourth review is scheduled for 2026.", True),
    ("en", "In 2026 Tajikistan will present its fourth national report.", True),
    ("en", "The fourth review was scheduled for 2026; check the OHCHR calendar.", False),
    ("en", "The Council will adopt the outcome in March 2027.", False),  # after the facts' year
    ("en", "Tajikistan was reviewed in 2011, 2016 and 2021.", False),
    ("ru", "Четвёртый обзор запланирован на 2026 год.", True),
    ("ru", "В 2026 году Таджикистан будет представлять доклад.", True),
    ("ru", "Четвёртый обзор был запланирован на 2026 год.", False),
    ("tg", "Баррасии чорум ба соли 2026 пешбинӣ шудааст.", True),
    ("tg", "Соли 2026 Тоҷикистон гузориши худро пешниҳод хоҳад кард.", True),
    ("tg", "Баррасии чорум барои соли 2026 ба нақша гирифта шуда буд.", False),
]


@pytest.mark.parametrize("language, paragraph, stale", FUTURE_CASES)
def test_future_tense_tied_to_a_past_or_current_year_is_reported(small_project, language, paragraph, stale):
    page = small_project / PAGE[language]
    line = append_paragraph(page, paragraph)
    found = warnings_of(small_project, "stale future tense")
    if not stale:
        assert found == []
        return
    assert [(p.file, p.line) for p in found] == [(PAGE[language], line)]
    assert "2026" in found[0].message and "OHCHR UPR calendar" in found[0].fix


def test_future_tense_uses_the_pages_own_facts_date(small_project):
    page = small_project / "modules/01-sample/index.en.md"
    line = append_paragraph(page, "The fourth review is scheduled for 2026.")
    assert [p.line for p in warnings_of(small_project, "stale future tense")] == [line]
    page.write_text(
        page.read_text(encoding="utf-8").replace("facts_as_of: 2026-11-01", "facts_as_of: 2025-06-01"), encoding="utf-8"
    )
    assert warnings_of(small_project, "stale future tense") == []


# en paragraph, ru paragraph, tg paragraph, the number reported (None: they agree)
NUMBER_CASES = [
    ("Resolution 16/21 of 2011.", "Резолюция 16/12 2011 года.", "Қатъномаи 16/21-и соли 2011.", "16/21"),
    ("At most 10,700 words.", "Не более 10 700 слов.", "На бештар аз 10 700 калима.", None),
    ("Cycles of 4.5 years.", "Циклы по 4,5 года.", "Давраҳои 4,5-сола.", None),
    ("Cycles of 4.5 years.", "Циклы по 4,5 года.", "Давраҳои чорунимсола.", "4.5"),
    ("Outcome A/HRC/33/11.", "Итоги A/HRC/33/11.", "Натиҷаҳо A/HRC/33/1.", "A/HRC/33/11"),
    ("The 4th cycle began in 2022.", "Четвёртый цикл начался в 2022 году.", "Давраи 4-ум соли 2022 оғоз ёфт.", None),
    ("Session 13 in 2012.", "13-я сессия в 2012 году.", "Иҷлосияи 13-ум соли 2012.", None),
    ("Adopted 4-6 months later.", "Принимается через 3-4 месяца.", "Баъд аз 4-6 моҳ қабул мешавад.", "6"),
]


@pytest.mark.parametrize("english, russian, tajik, reported", NUMBER_CASES)
def test_numbers_that_differ_between_languages_are_reported(small_project, english, russian, tajik, reported):
    lines = {
        language: append_paragraph(small_project / PAGE[language], text)
        for language, text in (("en", english), ("ru", russian), ("tg", tajik))
    }
    found = warnings_of(small_project, "number drift")
    if reported is None:
        assert found == []
        return
    mine = [p for p in found if f"'{reported}'" in p.message]
    assert mine, [p.text() for p in found]
    assert mine[0].file in PAGE.values() and mine[0].line == lines[[k for k, v in PAGE.items() if v == mine[0].file][0]]


def test_numbers_are_compared_question_by_question_in_a_quiz(small_project):
    quiz = small_project / "quizzes/01-sample.yml"
    text = quiz.read_text(encoding="utf-8")
    first_ru = text.index("ru: ")
    quiz.write_text(text[:first_ru] + "ru: В 2011 году. " + text[first_ru + 4 :], encoding="utf-8")
    found = warnings_of(small_project, "number drift")
    assert [p.file for p in found] == ["quizzes/01-sample.yml"]
    assert "'2011'" in found[0].message and "ru version" in found[0].message


def test_language_warnings_fail_the_strict_check(small_project, capsys):
    append_paragraph(small_project / PAGE["en"], "The fourth review is scheduled for 2026.")
    assert check.main(["--root", str(small_project)]) == 0
    assert check.main(["--root", str(small_project), "--strict"]) == 1
    assert "stale future tense" in capsys.readouterr().out


def test_strict_build_stops_on_a_language_warning_and_names_it(small_project):
    add_terms(small_project)
    line = append_paragraph(small_project / PAGE["ru"], "Совет утверждает итоги.")
    result = sitebuild.build(small_project)
    assert result.returncode != 0
    assert f"docs/index.ru.md:{line}: termbase: 'Совет утверждает'" in result.output
