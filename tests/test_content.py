"""The curriculum: complete in three languages, every objective assessed, real Tajik."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from course.content import catalog as course_catalog
from course.content import glossary as course_glossary
from course.content.frontmatter import parse_front_matter

PROJECT = Path(__file__).resolve().parent.parent
MODULES = [m for m in course_catalog.load_catalog(PROJECT) if not m.draft]
REQUIRED_MODULES = (
    "01-human-rights-obligations",
    "02-upr-mechanism",
    "03-stakeholders-and-roles",
    "04-national-report",
)
STANDARD_SECTIONS = ("why-it-matters", "objectives", "tajikistan-in-focus", "exercise", "key-points", "sources", "quiz")
TAJIK_LETTERS = set("ӣӯҳқғҷӢӮҲҚҒҶ")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def body(path: Path) -> str:
    """Page text without front matter, code, HTML comments, link targets and heading ids."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"\{[#.][^}]*\}", " ", text)
    return re.sub(r"https?://\S+", " ", text)


COLLAPSED = re.compile(r"^\?\?\?[^\n]*\n(?:(?:[ \t]{4}[^\n]*)?\n)*", re.MULTILINE)


def words(path: Path) -> int:
    return len(WORD.findall(body(path)))


def teaching_words(path: Path) -> int:
    """Words of the teaching text: the closed model answers and checklists of exercises apart."""
    return len(WORD.findall(COLLAPSED.sub(" ", body(path))))


def tajik_share(text: str) -> float:
    letters = CYRILLIC.findall(text)
    return sum(1 for c in letters if c in TAJIK_LETTERS) / max(1, len(letters))


def quiz_for(folder: str) -> dict:
    return yaml.safe_load((PROJECT / "quizzes" / f"{folder}.yml").read_text(encoding="utf-8"))


def module_ids() -> list[str]:
    return [m.folder for m in MODULES]


def test_the_four_curriculum_modules_exist():
    assert set(REQUIRED_MODULES) <= set(module_ids())


@pytest.mark.parametrize("folder", module_ids())
def test_module_exists_in_three_languages_with_same_objectives(folder):
    module = next(m for m in MODULES if m.folder == folder)
    assert set(module.pages) == {"en", "ru", "tg"}
    ids = [o["id"] for o in module.pages["en"].meta["objectives"]]
    assert 3 <= len(ids) <= 5
    for page in module.pages.values():
        assert [o["id"] for o in page.meta["objectives"]] == ids
        for key in ("title", "summary", "study_time", "facts_as_of"):
            assert page.meta.get(key), f"{page.path} lacks {key}"


@pytest.mark.parametrize("folder", module_ids())
def test_translations_are_marked_draft_until_reviewed(folder):
    module = next(m for m in MODULES if m.folder == folder)
    for language in ("ru", "tg"):
        assert module.pages[language].meta.get("translation") in ("draft", "reviewed")


@pytest.mark.parametrize("folder", module_ids())
def test_sections_share_heading_ids_across_languages(folder):
    module = next(m for m in MODULES if m.folder == folder)
    ids = {
        lang: re.findall(r"^#{2,4} .*\{#([a-z0-9-]+)\}", p.path.read_text(encoding="utf-8"), re.M)
        for lang, p in module.pages.items()
    }
    assert ids["ru"] == ids["en"] and ids["tg"] == ids["en"]
    assert set(STANDARD_SECTIONS) <= set(ids["en"])


@pytest.mark.parametrize("folder", module_ids())
def test_english_length_and_translation_word_counts(folder):
    module = next(m for m in MODULES if m.folder == folder)
    assert 1800 <= teaching_words(module.pages["en"].path) <= 3000, teaching_words(module.pages["en"].path)
    english = words(module.pages["en"].path)
    for language in ("ru", "tg"):
        ratio = words(module.pages[language].path) / english
        assert 0.6 <= ratio <= 1.6, f"{language}: {ratio:.2f}"


@pytest.mark.parametrize("folder", module_ids())
def test_tajik_pages_are_tajik_and_russian_pages_are_russian(folder):
    module = next(m for m in MODULES if m.folder == folder)
    assert tajik_share(body(module.pages["tg"].path)) >= 0.02
    assert tajik_share(body(module.pages["ru"].path)) < 0.002


@pytest.mark.parametrize("folder", module_ids())
def test_quiz_assesses_every_objective_with_varied_questions(folder):
    module = next(m for m in MODULES if m.folder == folder)
    quiz = quiz_for(folder)
    questions = quiz["questions"]
    assert quiz["module"] == folder
    assert len(questions) >= 12
    types = Counter(q["type"] for q in questions)
    assert len(types) >= 4 and (types["order"] or types["match"])
    assessed = Counter(q.get("objective") for q in questions)
    for objective in module.objective_ids:
        assert assessed[objective] >= 2, f"{objective} assessed {assessed[objective]} times"
    for question in questions:
        assert question.get("explanation") and question.get("see", "").startswith(f"modules/{folder}/#"), question["id"]


@pytest.mark.parametrize("folder", module_ids())
def test_quiz_tajik_texts_are_tajik(folder):
    texts = []

    def collect(value):
        if isinstance(value, dict):
            if "tg" in value and isinstance(value["tg"], str):
                texts.append(value["tg"])
            for v in value.values():
                collect(v)
        elif isinstance(value, list):
            for v in value:
                collect(v)

    collect(quiz_for(folder))
    assert tajik_share(" ".join(texts)) >= 0.02


@pytest.mark.parametrize("folder", module_ids())
def test_diagrams_exist_per_language_with_text_alternative_and_no_script(folder):
    module_dir = PROJECT / "modules" / folder
    for language in ("en", "ru", "tg"):
        page = (module_dir / f"index.{language}.md").read_text(encoding="utf-8")
        images = re.findall(r"!\[([^\]]+)\]\(([^)]+\.svg)\)", page)
        assert images, f"{folder} {language}: no diagram"
        for alt, name in images:
            assert len(alt) > 10, "the diagram needs a real text alternative"
            svg = (module_dir / name.replace(".svg", f".{language}.svg")).read_text(encoding="utf-8")
            assert "<script" not in svg and 'href="http' not in svg and "<title" in svg
            if language == "tg":
                assert tajik_share(re.sub(r"<[^>]+>", " ", svg)) > 0.01, "the Tajik diagram has Tajik text"


def test_glossary_has_forty_terms_in_three_languages():
    terms = course_glossary.load_terms(PROJECT)
    assert len(terms) >= 40
    ids = {t["id"] for t in terms}
    for needed in (
        "upr",
        "troika",
        "supported",
        "noted",
        "nhri",
        "paris-principles",
        "nmirf",
        "opcat",
        "npm",
        "special-procedures",
        "mid-term-report",
    ):
        assert needed in ids, needed
    for term in terms:
        for key in ("term", "definition"):
            assert all(term[key].get(lang) for lang in ("en", "ru", "tg")), term["id"]
        assert term.get("tg_status") in ("seen", "proposed")


UNVERIFIED_CLAIMS = [
    (r"\b53(rd|-?й|-?ум)?\s+(session|сесси|иҷлосия)", "the 4th review's session number is unverified"),
    (r"203\s+(recommendations|рекомендаци|тавсия)", "the 2nd-cycle total of 203 recommendations has no source"),
    (
        r"\b3\s*[-–]\s*4\s+(months|месяц|моҳ)",
        "the Council adopts at its next session, about 4-6 months after the review",
    ),
    (r"(decision|постановлени\w*|қарори?)\s+(No\.?|№)\s*79\b", "the number of the Commission's decision is unverified"),
    (
        r"NHRIs? that compl|(?<!полностью )соответствующ\w+ Парижским принципам",
        "only an A-status NHRI has its own section",
    ),
    (r"scheduled for 2026|запланирован\w* на 2026", "the 4th review's date is only a plan of June 2025"),
    (r"5[,.\s]?350", "the OHCHR document word limit is unverified"),
]


def test_course_states_no_claim_the_fact_sheet_marks_unverified():
    sources = (
        list((PROJECT / "modules").rglob("*.md"))
        + list((PROJECT / "quizzes").glob("*.yml"))
        + list((PROJECT / "docs").rglob("*.md"))
    )
    sources.append(PROJECT / "glossary.yml")
    for path in sources:
        text = path.read_text(encoding="utf-8")
        if path.name == "glossary.yml":  # its lists of forms to avoid name the wrong claims on purpose
            terms = yaml.safe_load(text)["terms"]
            text = yaml.safe_dump(
                [{k: v for k, v in t.items() if k != "avoid"} for t in terms], allow_unicode=True, width=10**6
            )
        text = re.sub(r"`[^`\n]*`", " ", text)  # code: examples of what the checks catch
        for pattern, reason in UNVERIFIED_CLAIMS:
            match = re.search(pattern, text, re.IGNORECASE)
            assert not match, f"{path.relative_to(PROJECT)}: '{match.group(0)}' — {reason}"


@pytest.mark.parametrize("folder", module_ids())
def test_objectives_have_levels_and_an_apply_level_one(folder):
    module = next(m for m in MODULES if m.folder == folder)
    levels = {lang: [o.get("level") for o in page.meta["objectives"]] for lang, page in module.pages.items()}
    assert levels["ru"] == levels["en"] and levels["tg"] == levels["en"]
    assert all(level in course_catalog.LEVELS for level in levels["en"])
    assert any(level in ("apply", "analyse") for level in levels["en"])


@pytest.mark.parametrize("folder", module_ids())
def test_exercises_ask_for_the_learners_answer_in_every_language(folder):
    module = next(m for m in MODULES if m.folder == folder)
    marker = re.compile(r"^<!-- course:answer ([a-z0-9-]+) -->$", re.M)
    boxes = {lang: marker.findall(page.path.read_text(encoding="utf-8")) for lang, page in module.pages.items()}
    assert boxes["en"] and boxes["ru"] == boxes["en"] and boxes["tg"] == boxes["en"]
    text = module.pages["en"].path.read_text(encoding="utf-8")
    for exercise in boxes["en"]:
        after = text[text.index(f"<!-- course:answer {exercise} -->") :]
        assert re.match(r"<!-- course:answer [a-z0-9-]+ -->\n\n\?\?\? example", after), (
            f"{exercise}: no model answer right after the box"
        )


def test_home_and_about_pages_state_course_objectives():
    """One course objective per module, in module order, each linking its module."""
    folders = [module.folder for module in MODULES]
    for page in ("index", "about"):
        for language in ("en", "ru", "tg"):
            text = (PROJECT / "docs" / f"{page}.{language}.md").read_text(encoding="utf-8")
            section = text[text.index("{#course-objectives}") :].split("\n## ")[0]
            items = re.split(r"^\d+\. ", section, flags=re.M)[1:]
            linked = [re.findall(r"\(modules/([^/)]+)/index\.md\)", item) for item in items]
            assert linked == [[folder] for folder in folders], f"{page}.{language}.md"


def test_site_pages_exist_in_three_languages():
    for page in ("index", "about", "how-to-use", "modules", "glossary", "progress"):
        for language in ("en", "ru", "tg"):
            path = PROJECT / "docs" / f"{page}.{language}.md"
            assert path.exists(), path
            if language != "en":
                assert parse_front_matter(path.read_text(encoding="utf-8")).get("translation") in ("draft", "reviewed")
