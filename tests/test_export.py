"""`make export`: the quizzes as Moodle GIFT and QTI 2.1, read back and compared with the quiz files."""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import gift_parser
import pytest

from course.export import cli as export
from course.export import gift as export_gift
from course.export import qti as export_qti
from course.export.common import LanguageText
from course.languages import LANGUAGE_ROOTS, LANGUAGES
from course.problems import Problem
from course.quizzes import render as quiz_render

PROJECT = Path(__file__).resolve().parent.parent

ROOTS = LANGUAGE_ROOTS
SITE = "https://example.org/upr-course/"
NS = {"qti": "http://www.imsglobal.org/xsd/imsqti_v2p1", "cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}
SPAN = re.compile(r'<span lang="(en|ru|tg)" class="multilang">(.*?)</span>', re.DOTALL)


@pytest.fixture(scope="module")
def loaded():
    return export.load_course(PROJECT)


@pytest.fixture(scope="module")
def course(loaded):
    """The checked quizzes, the site's own Markdown renderer and the interface texts."""
    quizzes, config, ui = loaded
    return quizzes, quiz_render.TextRenderer(config.markdown_extensions, config.mdx_configs), ui


@pytest.fixture(scope="module")
def exported(loaded) -> dict[str, bytes]:
    return export.export_files(PROJECT, SITE, loaded)


def text_in(value: object, language: str) -> object:
    return quiz_render.localized(value, language)[0]


def html(render, value: object, language: str) -> str:
    return render(text_in(value, language))


def inline(render, value: object, language: str) -> str:
    return quiz_render.inline(html(render, value, language))


def plain(render, value: object, language: str) -> str:
    return quiz_render.plain_text(html(render, value, language))


def review(ui: dict, see: str | None, language: str) -> str:
    if not see:
        return ""
    page, _, anchor = see.partition("#")
    return f'<p><a href="{SITE}{ROOTS[language]}{page}#{anchor}">{ui["quiz_review"][language]}</a></p>'


def site_score(kind: str, correct: set, chosen: set) -> float:
    """The site's scoring of a choice question, as the course states it."""
    if kind == "multiple":
        return max(0.0, (len(chosen & correct) - len(chosen - correct)) / len(correct))
    return 1.0 if chosen == correct else 0.0


# --- the command ------------------------------------------------------------------------


def test_make_export_writes_every_quiz_in_every_format(course, tmp_path, monkeypatch, capsys):
    quizzes, _, _ = course
    (tmp_path / "gift").mkdir()
    (tmp_path / "gift" / "deleted-quiz.en.gift").write_text("stale")
    monkeypatch.setenv("SITE_URL", "https://trainers.example.net/course")
    assert export.main(["--out", str(tmp_path)]) == 0
    assert f"Exported {len(quizzes)} quizzes" in capsys.readouterr().out
    expected = {f"gift/{q.id}.{lang}.gift" for q in quizzes for lang in LANGUAGES}
    expected |= {f"gift/{q.id}.multilang.gift" for q in quizzes} | {
        f"qti/{q.id}.{lang}.zip" for q in quizzes for lang in LANGUAGES
    }
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert written == expected
    russian = (tmp_path / f"gift/{quizzes[0].id}.ru.gift").read_text(encoding="utf-8")
    assert "https\\://trainers.example.net/course/ru/modules/" in russian


def test_export_refuses_broken_quizzes_with_the_build_message(monkeypatch):
    from course.quizzes import load as quiz_load

    broken = quiz_load.QuizSet(
        [], [Problem("quizzes/x.yml", 3, "question 'a' has no correct option", "mark one with 'correct: true'")], []
    )
    monkeypatch.setattr(quiz_load, "load_quizzes", lambda root, index: broken)
    with pytest.raises(export.ExportError, match=r"quizzes/x.yml:3: question 'a' has no correct option"):
        export.load_course(PROJECT)
    assert export.main(["--out", "/nonexistent/never-written"]) == 1


# --- GIFT -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_gift_reads_back_as_the_quiz_file(course, exported, language):
    quizzes, render, ui = course
    for quiz in quizzes:
        parsed = gift_parser.parse(exported[f"gift/{quiz.id}.{language}.gift"].decode("utf-8"))
        assert len(parsed) == len(quiz.data["questions"])
        for number, (question, got) in enumerate(zip(quiz.data["questions"], parsed, strict=False), start=1):
            where = f"{quiz.id}/{question['id']} ({language})"
            assert got.name == f"{number:02d} {question['id']}", where
            assert got.category.endswith(f"{quiz.id} ({language})")
            assert got.format == "html"
            assert got.text == html(render, question["prompt"], language), where
            source = str(text_in(question["prompt"], language))
            if quiz_render.PLAIN.match(source):
                assert quiz_render.plain_text(got.text) == source.strip(), where
            assert got.general_feedback == html(render, question["explanation"], language) + review(
                ui, question.get("see"), language
            ), where
            check_answers(question, got, render, language, where)


def check_answers(question: dict, got: gift_parser.Question, render, language: str, where: str) -> None:
    kind = question["type"]
    if kind in ("single", "multiple"):
        options = question["options"]
        assert got.type == "multichoice", where
        assert [a.text for a in got.answers] == [inline(render, o["text"], language) for o in options], where
        assert [a.feedback for a in got.answers] == [
            html(render, o["feedback"], language) if "feedback" in o else "" for o in options
        ], where
        correct = [bool(o.get("correct")) for o in options]
        if kind == "single":
            assert [a.fraction for a in got.answers] == [1.0 if c else 0.0 for c in correct], where
        else:
            share = 1 / sum(correct)
            assert [a.fraction for a in got.answers] == pytest.approx(
                [share if c else -share for c in correct], abs=1e-6
            ), where
    elif kind == "true_false":
        assert (got.type, got.truth) == ("truefalse", question["answer"]), where
    elif kind == "order":
        assert got.type == "matching", where
        assert got.pairs == [
            (str(i), plain(render, item, language)) for i, item in enumerate(question["items"], start=1)
        ], where
    elif kind == "match":
        assert got.type == "matching", where
        assert got.pairs == [
            (inline(render, p["left"], language), plain(render, p["right"], language)) for p in question["pairs"]
        ], where
    elif kind == "short":
        accept = question["accept"]
        accept = accept.get(language) or accept["en"] if isinstance(accept, dict) else accept
        accept = accept if isinstance(accept, list) else [accept]
        assert got.type == "shortanswer", where
        assert all(a.fraction == 1.0 for a in got.answers), where
        originals = [str(a) for a in accept]
        assert [a.text for a in got.answers if a.text in originals] == originals, where
        typed = {quiz_render.normalize_answer(a.text) for a in got.answers}
        assert typed == {quiz_render.normalize_answer(a) for a in accept}, f"{where}: only spellings the site accepts"


def test_gift_multiple_choice_scores_like_the_site(course, exported):
    """Moodle adds the weights of the picked options and keeps the total between 0 and 100%."""
    quizzes, _, _ = course
    checked = 0
    for quiz in quizzes:
        parsed = gift_parser.parse(exported[f"gift/{quiz.id}.en.gift"].decode("utf-8"))
        for question, got in zip(quiz.data["questions"], parsed, strict=False):
            if question["type"] != "multiple":
                continue
            correct = {i for i, o in enumerate(question["options"]) if o.get("correct")}
            options = range(len(question["options"]))
            for size in range(len(question["options"]) + 1):
                for chosen in itertools.combinations(options, size):
                    moodle = min(1.0, max(0.0, sum(got.answers[i].fraction for i in chosen)))
                    assert moodle == pytest.approx(site_score("multiple", correct, set(chosen)), abs=1e-4)
            checked += 1
    assert checked >= 4


def test_multilang_gift_holds_every_language_in_moodle_spans(course, exported):
    quizzes, render, ui = course
    for quiz in quizzes:
        parsed = gift_parser.parse(exported[f"gift/{quiz.id}.multilang.gift"].decode("utf-8"))
        for question, got in zip(quiz.data["questions"], parsed, strict=True):
            where = f"{quiz.id}/{question['id']}"
            assert dict(SPAN.findall(got.text)) == {
                lang: inline(render, question["prompt"], lang) for lang in LANGUAGES
            }, where
            assert got.text == "".join(
                f'<span lang="{lang}" class="multilang">{inline(render, question["prompt"], lang)}</span>'
                for lang in LANGUAGES
            )
            explanation = {lang: inline(render, question["explanation"], lang) for lang in LANGUAGES}
            assert got.general_feedback.startswith(
                "".join(f'<span lang="{lang}" class="multilang">{explanation[lang]}</span>' for lang in LANGUAGES)
            ), where
            if question.get("see"):
                links = re.findall(
                    r'<span lang="(\w+)" class="multilang"><a href="([^"]+)">([^<]+)</a></span>', got.general_feedback
                )
                page, _, anchor = question["see"].partition("#")
                assert links == [
                    (lang, f"{SITE}{ROOTS[lang]}{page}#{anchor}", ui["quiz_review"][lang]) for lang in LANGUAGES
                ], where
            if question["type"] in ("single", "multiple"):
                for option, answer in zip(question["options"], got.answers, strict=True):
                    if isinstance(option["text"], dict):
                        assert dict(SPAN.findall(answer.text)) == {
                            lang: inline(render, option["text"], lang) for lang in LANGUAGES
                        }, where
                    else:
                        assert answer.text == inline(render, option["text"], "en"), where
            if question["type"] == "short":
                for lang in LANGUAGES:
                    accept = question["accept"][lang] if isinstance(question["accept"], dict) else question["accept"]
                    assert {str(a).casefold() for a in accept} <= {a.text.casefold() for a in got.answers}, where


TRICKY = {
    "title": {"en": "Tricky: {all} ~ the = signs #1", "ru": "Трудный", "tg": "Душвор"},
    "questions": [
        {
            "id": "braces",
            "type": "single",
            "prompt": {
                "en": "Which of {a, b} ~ c = d # e : f \\ g is right?",
                "ru": "Что из {a} ~ b = c # d : e \\ f?",
                "tg": "Кадом {a}?",
            },
            "options": [
                {"text": "a = b", "correct": True, "feedback": {"en": "Yes: {a} = b", "ru": "Да: ~", "tg": "Ҳа #"}},
                {
                    "text": {"en": "c ~ d # e", "ru": "c ~ d", "tg": "c ~ ҷ"},
                    "feedback": {"en": "No \\ never: C:\\path {x}", "ru": "Нет", "tg": "Не"},
                },
            ],
            "explanation": {"en": "Paragraph one: {a}.\n\nParagraph two ~ #2.", "ru": "Абзац: {a}.", "tg": "Абзац #1"},
            "see": "modules/02-upr-mechanism/#troika",
        },
        {
            "id": "weights",
            "type": "multiple",
            "prompt": {"en": "Pick = and ~"},
            "options": [
                {"text": "=", "correct": True},
                {"text": "~", "correct": True},
                {"text": "x # y", "correct": True},
                {"text": "{"},
                {"text": "}"},
            ],
            "explanation": {"en": "Three of five."},
        },
        {
            "id": "pairs",
            "type": "match",
            "prompt": {"en": "Match: a -> b"},
            "pairs": [{"left": "x = 1", "right": "{one}: 1 -> 2"}, {"left": "y ~ 2", "right": "back\\slash #"}],
            "explanation": {"en": "x"},
        },
        {
            "id": "typed",
            "type": "short",
            "prompt": {"en": "Type it"},
            "accept": {"en": ["a*b", "4:5", "{x}", "ҳақ"]},
            "explanation": {"en": "x"},
        },
    ],
}


def test_gift_escapes_special_characters_and_reads_back_exactly(course):
    _, render, ui = course
    text = LanguageText(render, "en", SITE, ui)
    source = export_gift.language_gift("tricky", TRICKY, text)
    assert "Which of \\{a, b\\} \\~ c \\= d \\# e \\: f \\\\ g is right?" in source
    assert source.count("\n\n") == len(TRICKY["questions"]), "a Markdown blank line must not split a question"
    braces, weights, pairs, typed = gift_parser.parse(source)
    question = TRICKY["questions"][0]
    assert braces.text == html(render, question["prompt"], "en")
    assert "{a, b} ~ c = d # e : f \\ g" in braces.text
    assert [(a.text, a.fraction, a.feedback) for a in braces.answers] == [
        ("a = b", 1.0, html(render, question["options"][0]["feedback"], "en")),
        ("c ~ d # e", 0.0, html(render, question["options"][1]["feedback"], "en")),
    ]
    assert "C:\\path {x}" in braces.answers[1].feedback
    assert braces.general_feedback == html(render, question["explanation"], "en") + review(ui, question["see"], "en")
    assert "<p>Paragraph one: {a}.</p>\n<p>Paragraph two ~ #2.</p>" in braces.general_feedback
    assert [a.text for a in weights.answers] == ["=", "~", "x # y", "{", "}"]
    assert sum(a.fraction for a in weights.answers if a.fraction > 0) == pytest.approx(1, abs=1e-6)
    assert [a.fraction for a in weights.answers][-2:] == pytest.approx([-1 / 3, -1 / 3], abs=1e-6)
    assert pairs.pairs == [("x = 1", "{one}: 1 -> 2"), ("y ~ 2", "back\\slash #")]
    assert [a.text for a in typed.answers] == ["a\\*b", "4:5", "{x}", "ҳақ", "хак"]


def test_multilang_gift_escapes_the_span_attributes(course):
    _, render, ui = course
    texts = {lang: LanguageText(render, lang, SITE, ui) for lang in LANGUAGES}
    source = export_gift.multilang_gift("tricky", TRICKY, texts)
    assert '<span lang\\="ru" class\\="multilang">Что из {a} ~ b \\= c' not in source
    assert '<span lang\\="ru" class\\="multilang">Что из \\{a\\} \\~ b \\= c \\# d \\: e \\\\ f?</span>' in source
    first = gift_parser.parse(source)[0]
    assert dict(SPAN.findall(first.text))["tg"] == "Кадом {a}?"


# --- QTI 2.1 ----------------------------------------------------------------------------


def unzip(content: bytes) -> dict[str, ET.Element]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: ET.fromstring(archive.read(name)) for name in archive.namelist()}


def find(element: ET.Element, path: str) -> list[ET.Element]:
    return element.findall(path, NS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_qti_package_is_well_formed_with_a_manifest_listing_every_item(course, exported, language):
    quizzes, _, _ = course
    for quiz in quizzes:
        files = unzip(exported[f"qti/{quiz.id}.{language}.zip"])
        manifest = files["imsmanifest.xml"]
        assert manifest.tag == f"{{{NS['cp']}}}manifest"
        hrefs = [r.get("href") for r in find(manifest, "cp:resources/cp:resource")]
        assert sorted(hrefs) == sorted(name for name in files if name != "imsmanifest.xml")
        items = [r for r in find(manifest, "cp:resources/cp:resource") if r.get("type") == "imsqti_item_xmlv2p1"]
        assert [r.get("href") for r in items] == [f"items/{q['id']}.xml" for q in quiz.data["questions"]]
        test = files["test.xml"]
        assert [ref.get("href") for ref in find(test, ".//qti:assessmentItemRef")] == [
            f"items/{q['id']}.xml" for q in quiz.data["questions"]
        ]
        assert find(test, "qti:outcomeProcessing/qti:setOutcomeValue[@identifier='SCORE']/qti:divide/qti:testVariables")
        for question in quiz.data["questions"]:
            item = files[f"items/{question['id']}.xml"]
            assert item.get("{http://www.w3.org/XML/1998/namespace}lang") == language
            check_item(question, item, language, f"{quiz.id}/{question['id']} ({language})")


def check_item(question: dict, item: ET.Element, language: str, where: str) -> None:
    kind = question["type"]
    correct = [v.text for v in find(item, "qti:responseDeclaration/qti:correctResponse/qti:value")]
    score = find(item, "qti:outcomeDeclaration[@identifier='SCORE']")
    assert score and score[0].get("baseType") == "float", where
    assert find(item, "qti:responseProcessing//qti:setOutcomeValue[@identifier='SCORE']"), where
    if kind in ("single", "multiple", "true_false"):
        interaction = find(item, "qti:itemBody/qti:choiceInteraction")[0]
        choices = [c.get("identifier") for c in find(interaction, "qti:simpleChoice")]
        if kind == "true_false":
            assert choices == ["TRUE", "FALSE"] and correct == ["TRUE" if question["answer"] else "FALSE"], where
            assert interaction.get("maxChoices") == "1", where
        else:
            options = question["options"]
            assert choices == [f"CHOICE_{i}" for i in range(len(options))], where
            assert correct == [f"CHOICE_{i}" for i, o in enumerate(options) if o.get("correct")], where
            assert interaction.get("maxChoices") == ("1" if kind == "single" else str(len(options))), where
            shown = [c for c in find(item, "qti:modalFeedback") if c.get("identifier", "").startswith("CHOICE_")]
            assert [c.get("identifier") for c in shown] == [
                f"CHOICE_{i}" for i, o in enumerate(options) if "feedback" in o
            ], where
    elif kind == "order":
        interaction = find(item, "qti:itemBody/qti:orderInteraction")[0]
        assert (
            correct
            == [c.get("identifier") for c in find(interaction, "qti:simpleChoice")]
            == [f"ITEM_{i}" for i in range(len(question["items"]))]
        ), where
        assert find(item, "qti:responseDeclaration")[0].get("cardinality") == "ordered", where
    elif kind == "match":
        interaction = find(item, "qti:itemBody/qti:matchInteraction")[0]
        sets = find(interaction, "qti:simpleMatchSet")
        assert len(sets) == 2 and all(
            len(find(s, "qti:simpleAssociableChoice")) == len(question["pairs"]) for s in sets
        ), where
        assert correct == [f"L_{i} R_{i}" for i in range(len(question["pairs"]))], where
        assert find(item, "qti:responseDeclaration")[0].get("baseType") == "directedPair", where
    elif kind == "short":
        assert find(item, "qti:itemBody//qti:textEntryInteraction[@responseIdentifier='RESPONSE']"), where
        accept = question["accept"]
        accept = accept.get(language) or accept["en"] if isinstance(accept, dict) else accept
        keys = [e.get("mapKey") for e in find(item, "qti:responseDeclaration/qti:mapping/qti:mapEntry")]
        assert {str(a) for a in accept} <= set(keys) and correct == [str(accept[0])], where
        assert all(
            e.get("caseSensitive") == "false" for e in find(item, "qti:responseDeclaration/qti:mapping/qti:mapEntry")
        ), where
    explanation = find(item, "qti:modalFeedback[@identifier='EXPLANATION']")
    assert explanation and explanation[0].get("outcomeIdentifier") == "FEEDBACK", where
    if question.get("see"):
        page, _, anchor = question["see"].partition("#")
        assert [a.get("href") for a in find(explanation[0], ".//qti:a")][
            -1
        ] == f"{SITE}{ROOTS[language]}{page}#{anchor}", where


class Processor:
    """Runs the part of QTI response processing the exports use, to score a response."""

    def __init__(self, item: ET.Element, response: object):
        self.item = item
        self.values = {"RESPONSE": response, "SCORE": 0.0, "PLACED": 0, "FEEDBACK": None}

    def run(self) -> float:
        for rule in find(self.item, "qti:responseProcessing")[0]:
            self.rule(rule)
        return self.values["SCORE"]

    def rule(self, rule: ET.Element) -> None:
        tag = rule.tag.split("}")[1]
        if tag == "setOutcomeValue":
            self.values[rule.get("identifier")] = self.expr(rule[0])
        elif tag == "responseCondition":
            for branch in rule:
                name = branch.tag.split("}")[1]
                if name == "responseElse" or self.expr(branch[0]):
                    for inner in branch if name == "responseElse" else branch[1:]:
                        self.rule(inner)
                    break

    def expr(self, node: ET.Element) -> object:
        tag, kids = node.tag.split("}")[1], [child for child in node]
        declaration = find(self.item, "qti:responseDeclaration")[0]
        if tag == "variable":
            return self.values[node.get("identifier")]
        if tag == "baseValue":
            return {"float": float, "integer": int}.get(node.get("baseType"), str)(node.text)
        if tag == "correct":
            values = [v.text for v in find(declaration, "qti:correctResponse/qti:value")]
            return values[0] if declaration.get("cardinality") == "single" else values
        if tag == "isNull":
            return self.expr(kids[0]) in (None, [], "")
        if tag == "match":
            a, b = self.expr(kids[0]), self.expr(kids[1])
            if a is None or b is None:
                return False
            return (
                sorted(a) == sorted(b)
                if declaration.get("cardinality") == "multiple" and isinstance(a, list)
                else a == b
            )
        if tag == "index":
            values = self.expr(kids[0]) or []
            n = int(node.get("n"))
            return values[n - 1] if len(values) >= n else None
        if tag == "sum":
            return sum(self.expr(k) for k in kids)
        if tag == "divide":
            return self.expr(kids[0]) / self.expr(kids[1])
        if tag == "multiple":
            return [self.expr(k) for k in kids]
        if tag == "mapResponse":
            mapping = find(declaration, "qti:mapping")[0]
            table = {
                e.get("mapKey").casefold() if e.get("caseSensitive") == "false" else e.get("mapKey"): float(
                    e.get("mappedValue")
                )
                for e in mapping
            }
            response = self.values["RESPONSE"]
            chosen = set(response) if isinstance(response, list) else {response}
            total = sum(table.get(c, table.get(str(c).casefold(), float(mapping.get("defaultValue")))) for c in chosen)
            return min(float(mapping.get("upperBound")), max(float(mapping.get("lowerBound")), total))
        raise AssertionError(f"unexpected QTI expression {tag}")


def test_qti_response_processing_scores_like_the_site(course, exported):
    quizzes, _, _ = course
    kinds = set()
    for quiz in quizzes:
        files = unzip(exported[f"qti/{quiz.id}.ru.zip"])
        for question in quiz.data["questions"]:
            item, kind = files[f"items/{question['id']}.xml"], question["type"]
            kinds.add(kind)

            def score(response, item=item):
                return Processor(item, response).run()

            if kind in ("single", "multiple"):
                correct = {f"CHOICE_{i}" for i, o in enumerate(question["options"]) if o.get("correct")}
                every = [f"CHOICE_{i}" for i in range(len(question["options"]))]
                for size in range(1 if kind == "single" else 0, 2 if kind == "single" else len(every) + 1):
                    for chosen in itertools.combinations(every, size):
                        response = chosen[0] if kind == "single" else list(chosen)
                        assert score(response) == pytest.approx(site_score(kind, correct, set(chosen))), question["id"]
            elif kind == "true_false":
                right = "TRUE" if question["answer"] else "FALSE"
                assert (score(right), score("FALSE" if right == "TRUE" else "TRUE"), score(None)) == (1.0, 0.0, 0.0)
            elif kind == "order":
                count = len(question["items"])
                ids = [f"ITEM_{i}" for i in range(count)]
                swapped = [ids[1], ids[0], *ids[2:]]
                assert (score(ids), score(swapped), score(None)) == pytest.approx((1.0, (count - 2) / count, 0.0))
            elif kind == "match":
                count = len(question["pairs"])
                right = [f"L_{i} R_{i}" for i in range(count)]
                crossed = ["L_0 R_1", "L_1 R_0", *right[2:]]
                assert (score(right), score(crossed), score(right[:1])) == pytest.approx(
                    (1.0, (count - 2) / count, 1 / count)
                )
            elif kind == "short":
                accept = question["accept"]["ru"] if isinstance(question["accept"], dict) else question["accept"]
                assert score(str(accept[0]).upper()) == 1.0 and score("совсем не то") == 0.0
    assert kinds == {"single", "multiple", "true_false", "order", "match", "short"}


def test_qti_texts_are_the_quiz_texts_in_the_package_language(course, exported):
    quizzes, render, _ = course
    quiz = quizzes[0]
    for language in LANGUAGES:
        files = unzip(exported[f"qti/{quiz.id}.{language}.zip"])
        for question in quiz.data["questions"]:
            body = find(files[f"items/{question['id']}.xml"], "qti:itemBody")[0]
            prompt = "".join(body[0].itertext())
            assert prompt == plain(render, question["prompt"], language), question["id"]


def test_qti_keeps_special_characters_and_turns_html_into_qti_xhtml(course):
    _, render, ui = course
    files = unzip(export_qti.qti_package("tricky", TRICKY, LanguageText(render, "en", SITE, ui)))
    item = files["items/braces.xml"]
    assert "".join(find(item, "qti:itemBody")[0][0].itertext()) == "Which of {a, b} ~ c = d # e : f \\ g is right?"
    explanation = find(item, "qti:modalFeedback[@identifier='EXPLANATION']")[0]
    assert ["".join(p.itertext()) for p in find(explanation, "qti:p")] == [
        "Paragraph one: {a}.",
        "Paragraph two ~ #2.",
        ui["quiz_review"]["en"],
    ]
    box = ET.Element("{{{}}}div".format(NS["qti"]))
    export_qti.add_html(box, '<p lang="ru">a <del>b</del> <abbr title="United Nations">UN</abbr> &amp; &lt;c&gt;</p>')
    paragraph = box[0]
    assert paragraph.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    assert [child.tag.split("}")[1] for child in paragraph] == ["span", "abbr"]
    assert paragraph[1].get("title") == "United Nations" and "".join(paragraph.itertext()) == "a b UN & <c>"
