"""Trainer materials: handouts (module + worksheet), answer keys, the materials page, PDFs."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import sitebuild
import yaml

from course.languages import LANGUAGE_ROOTS
from course.trainer import html as trainer_html
from course.trainer import views as trainer_views

LANGUAGES = LANGUAGE_ROOTS
QUIZ = "02-upr-mechanism"


def quiz_file(quiz_id: str = QUIZ) -> dict:
    return yaml.safe_load((sitebuild.PROJECT / "quizzes" / f"{quiz_id}.yml").read_text(encoding="utf-8"))


def module_meta(folder: str, language: str) -> dict:
    text = (sitebuild.PROJECT / "modules" / folder / f"index.{language}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])


def text_of(value: object, language: str) -> str:
    return str(value.get(language) or value["en"]) if isinstance(value, dict) else str(value)


def plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def article(page_html: str) -> str:
    return page_html[page_html.index("<article") : page_html.index("</article>")]


def block(page_html: str, marker: str) -> str:
    """The <li> of one question, from its marker to the next question."""
    start = page_html.index(marker)
    end = page_html.find(marker.split("=")[0] + "=", start + len(marker))
    return page_html[start : end if end > 0 else len(page_html)]


def quiz_ids() -> list[str]:
    return sorted(p.stem for p in (sitebuild.PROJECT / "quizzes").glob("*.yml"))


def test_answer_keys_exist_in_every_language_with_questions_in_file_order(course_site):
    for quiz_id in quiz_ids():
        questions = [q["id"] for q in quiz_file(quiz_id)["questions"]]
        for language, root in LANGUAGES.items():
            page = course_site.page(f"{root}trainers/answer-keys/{quiz_id}/")
            assert re.findall(r'data-key-question="([^"]+)"', page) == questions, (quiz_id, language)


def paper_options(question: dict, language: str) -> list[tuple[str, str, bool]]:
    """(letter, text, right?) of a choice question's options in the order paper prints them."""
    order = trainer_views.paper_orders(quiz_file()["questions"])[question["id"]]
    return [
        (
            trainer_views.letter(place),
            text_of(question["options"][i]["text"], language),
            bool(question["options"][i].get("correct")),
        )
        for place, i in enumerate(order)
    ]


@pytest.mark.parametrize("language", ["en", "tg"])
def test_answer_key_names_options_by_letter_and_text_in_worksheet_order_and_marks_the_right_ones(course_site, language):
    page = course_site.page(f"{LANGUAGES[language]}trainers/answer-keys/{QUIZ}/")
    checked = 0
    for question in quiz_file()["questions"]:
        part = block(page, f'data-key-question="{question["id"]}"')
        if question["type"] in ("single", "multiple"):
            shown = [plain(o) for o in re.findall(r'<li class="mdx-key__option[^"]*">(.*?)</li>', part, re.DOTALL)]
            expected = paper_options(question, language)
            assert [s.split(" ✓")[0] for s in shown] == [f"{letter}. {text}" for letter, text, _ in expected]
            for (_, _, right), line in zip(expected, shown, strict=True):
                assert ("✓" in line) == right, (question["id"], line)
            answer = plain(re.search(r'class="mdx-key__answer">(.*?)</p>', part, re.DOTALL).group(1))
            for letter, text, right in expected:
                assert (f"{letter}. {text}" in answer) == right, (question["id"], answer)
            checked += 1
        elif question["type"] == "order":
            sequence = re.search(r'<ol class="mdx-key__sequence">(.*?)</ol>', part, re.DOTALL).group(1)
            assert [plain(i) for i in re.findall(r"<li>(.*?)</li>", sequence, re.DOTALL)] == [
                text_of(i, language) for i in question["items"]
            ]
            checked += 1
        elif question["type"] == "match":
            for number, pair in enumerate(question["pairs"], start=1):
                left, right = text_of(pair["left"], language), text_of(pair["right"], language)
                assert re.search(rf"{number}\. {re.escape(left)} → [A-Z]\. {re.escape(right)}", plain(part))
            checked += 1
    assert checked >= 3


def test_answer_key_shows_explanation_objective_text_and_scoring(course_site):
    quiz = quiz_file()
    objectives = {o["id"]: o["text"] for o in module_meta(QUIZ, "tg")["objectives"]}
    page = course_site.page(f"tg/trainers/answer-keys/{QUIZ}/")
    for question in quiz["questions"]:
        part = plain(block(page, f'data-key-question="{question["id"]}"'))
        assert plain(text_of(question["explanation"], "tg"))[:60] in part, question["id"]
        assert question["objective"] in part and objectives[question["objective"]] in part, question["id"]
        assert "Баҳогузорӣ:" in part
    assert "Ҳадди гузариш: 70%" in page
    assert "на барои имтиҳон" in page  # public on a public site: self-assessment, not examination


def test_short_answer_key_lists_accepted_answers(course_site):
    quiz_id, question = next(
        (q_id, q) for q_id in quiz_ids() for q in quiz_file(q_id)["questions"] if q["type"] == "short"
    )
    page = course_site.page(f"trainers/answer-keys/{quiz_id}/")
    accept = question["accept"]
    values = accept.get("en") if isinstance(accept, dict) else accept
    values = values if isinstance(values, list) else [values]
    part = plain(block(page, f'data-key-question="{question["id"]}"'))
    assert all(str(v) in part for v in values)


def test_trainer_pages_stay_out_of_learners_nav_and_search(course_site):
    for language, root in LANGUAGES.items():
        for learner_page in ("", f"modules/{QUIZ}/", f"quizzes/{QUIZ}/"):
            nav = course_site.page(f"{root}{learner_page}")
            nav = nav[nav.index('<nav class="md-nav md-nav--primary"') :]
            nav = nav[: nav.index("</nav>\n</div>") if "</nav>\n</div>" in nav else len(nav)]
            nav = nav[: nav.index('<div class="md-content"')] if '<div class="md-content"' in nav else nav
            assert "answer-keys/" not in nav and "handouts/" not in nav, (language, learner_page)
    indexes = sorted(course_site.site.rglob("search_docs.json"))  # the pages of each language's search index
    assert indexes
    locations = [doc["location"] for index in indexes for doc in json.loads(index.read_text(encoding="utf-8"))]
    assert any(f"modules/{QUIZ}/" in loc for loc in locations), "the module pages should be searchable"
    assert not [loc for loc in locations if "answer-keys/" in loc or "trainers/handouts/" in loc]


def test_handout_has_module_text_then_worksheet_without_answers(course_site):
    quiz = quiz_file()
    module_page = article(course_site.page(f"tg/modules/{QUIZ}/"))
    page = article(course_site.page(f"tg/trainers/handouts/{QUIZ}/"))
    assert 'id="legal-basis"' in page and "Асоси ҳуқуқӣ" in page  # the module's own text
    assert page.index('id="legal-basis"') < page.index('class="mdx-worksheet"')
    assert "mdx-ws__blank" in page and "mdx-ws__box" in page and "mdx-ws__line" in page
    worksheet = page[page.index('class="mdx-worksheet"') :]
    assert re.findall(r'data-worksheet-question="([^"]+)"', worksheet) == [q["id"] for q in quiz["questions"]]
    assert "data-correct" not in worksheet and "✓" not in worksheet and "mdx-key" not in worksheet
    for question in quiz["questions"]:
        part = block(worksheet, f'data-worksheet-question="{question["id"]}"')
        assert plain(text_of(question["explanation"], "tg"))[:60] not in plain(part)
        if question["type"] in ("single", "multiple"):  # the answer key's letters
            shown = [plain(o) for o in re.findall(r"<li>(.*?)</li>", part, re.DOTALL)]
            assert shown == [f"{letter}. {text}" for letter, text, _ in paper_options(question, "tg")]
        if question["type"] == "order":  # the file order is the answer: never printed as it is
            shown = [plain(i) for i in re.findall(r"<li>(.*?)</li>", part, re.DOTALL)]
            assert sorted(shown) == sorted(text_of(i, "tg") for i in question["items"])
            assert shown != [text_of(i, "tg") for i in question["items"]]
    # the module's pictures still load from the handout's address
    for source in re.findall(r'<img[^>]+src="([^"]+)"', page):
        target = (course_site.site / f"tg/trainers/handouts/{QUIZ}" / source).resolve()
        assert target.is_file(), source
    assert len(re.findall(r"<img", page)) == len(re.findall(r"<img", module_page))


def test_pages_print_on_a4_without_the_site_frame(course_site):
    css = (course_site.site / "assets" / "print.css").read_text(encoding="utf-8")
    assert re.search(r"@page\s*{[^}]*size:\s*A4", css)
    printing = css[css.index("@media print") :]
    for part in (".md-header", ".md-sidebar", ".md-footer", ".md-search", "break-inside:avoid"):
        assert part in printing.replace(": ", ":")  # the stylesheet ships minified
    for url in (f"tg/trainers/handouts/{QUIZ}/", f"ru/trainers/answer-keys/{QUIZ}/"):
        assert re.search(r'href="\.\./\.\./\.\./\.\./assets/print\.css(\?v=[0-9a-f]+)?"', course_site.page(url))


def test_materials_page_in_trainer_section_links_pages_and_pdfs(published):
    from course import handouts

    site = published.site
    made = {job.pdf_relative() for job in handouts.find_pages(site)}
    assert len(made) == 3 * (len(quiz_ids()) + len(list((sitebuild.PROJECT / "modules").glob("[0-9]*"))))
    for language, root in LANGUAGES.items():
        page = (site / root / "trainers" / "materials" / "index.html").read_text(encoding="utf-8")
        links = re.findall(r"<td>.*?</td>", page[page.index('class="mdx-materials"') :], re.DOTALL)
        hrefs = re.findall(r'href="([^"]+)"', "".join(links))
        base = site / root / "trainers" / "materials"
        pdfs = {
            (base / h).resolve().relative_to((site / "trainers" / "pdf").resolve()).as_posix()
            for h in hrefs
            if h.endswith(".pdf")
        }
        assert pdfs == {p for p in made if p.startswith(f"{language}/")}
        assert all((site / "trainers" / "pdf" / p).is_file() for p in pdfs)  # make build wrote them
        for href in (h for h in hrefs if not h.endswith(".pdf")):
            assert (base / href / "index.html").is_file(), href
        home = (site / root / "index.html").read_text(encoding="utf-8")
        assert 'href="trainers/materials/"' in home[home.index('<nav class="md-nav md-nav--primary"') :]
    assert "Барои тренерон" in (site / "tg/trainers/materials/index.html").read_text(encoding="utf-8")


def test_without_the_pdf_files_pages_link_the_printable_handouts(course_site):
    """A build that makes no PDF files (make serve, a plain mkdocs build) links no PDF file."""
    for root in LANGUAGES.values():
        page = course_site.page(f"{root}trainers/materials/")
        assert ".pdf" not in page
        module = course_site.page(f"{root}modules/{QUIZ}/")
        link = re.search(r'<span class="mdx-print-link">\s*<a href="([^"]+)"', module).group(1)
        assert link == f"../../trainers/handouts/{QUIZ}/"
        assert (course_site.site / root / f"trainers/handouts/{QUIZ}/index.html").is_file()


def test_rebase_moves_relative_links_and_keeps_others():
    moved = trainer_html.rebase(
        '<a href="../01-x/#a">x</a><img src="cycle.svg"><a href="#top">t</a><a href="https://un.org/">u</a>',
        "tg/modules/02-y/",
        "tg/trainers/handouts/02-y/",
    )
    assert moved == (
        '<a href="../../../modules/01-x/#a">x</a><img src="../../../modules/02-y/cycle.svg">'
        '<a href="#top">t</a><a href="https://un.org/">u</a>'
    )


def test_tajik_pdfs_embed_a_font_with_tajik_letters(course_site, tmp_path: Path):
    """Runs everywhere make test runs: WeasyPrint and Pango are installed by requirements.txt and .ci/run."""
    from pypdf import PdfReader

    from course import handouts

    jobs = {job.name: job for job in handouts.find_pages(course_site.site) if job.language == "tg"}
    for name in (f"handout-{QUIZ}", f"answer-key-{QUIZ}"):
        pdf = handouts.render_pdf(jobs[name], tmp_path / f"{name}.pdf")
        reader = PdfReader(pdf)
        first = reader.pages[0]
        assert (round(float(first.mediabox.width)), round(float(first.mediabox.height))) == (595, 842)  # A4
        text = "".join(page.extract_text() for page in reader.pages)
        for letter in "ӣӯҳқғҷ":
            assert letter in text, (name, letter)
        assert "Механизми ШУД" in text
        fonts = []
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descriptor = (font.get("/DescendantFonts") or [font])[0].get_object().get("/FontDescriptor")
                fonts.append(
                    (
                        str(font["/BaseFont"]),
                        bool(
                            descriptor
                            and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                        ),
                    )
                )
        assert any("DejaVu-Sans" in base and embedded for base, embedded in fonts), fonts
        assert all(embedded for _, embedded in fonts), fonts
    worksheet = "".join(p.extract_text() for p in PdfReader(tmp_path / f"handout-{QUIZ}.pdf").pages)
    assert "Варақаи корӣ" in worksheet and "✓" not in worksheet


@pytest.mark.browser
def test_trainer_marks_a_worksheet_with_its_key_and_right_letters_are_spread(page_in, course_server):
    """What a trainer does in the browser: read the right letters in each answer key, find the
    same letters and texts on the worksheet, and see that the letters do not give answers away."""
    page = page_in()
    for quiz_id in quiz_ids():
        if not (sitebuild.PROJECT / "modules" / quiz_id).is_dir():
            continue  # a course-wide quiz has an answer key but no module handout
        page.goto(f"{course_server}trainers/answer-keys/{quiz_id}/")
        key = {}
        for item in page.locator(
            "[data-key-question][data-type=single], [data-key-question][data-type=multiple]"
        ).all():
            options = item.locator(".mdx-key__option")
            key[item.get_attribute("data-key-question")] = (
                item.get_attribute("data-type"),
                [(o.locator(".mdx-ws__letter").inner_text().rstrip("."), "✓" in o.inner_text()) for o in options.all()],
                [" ".join(o.inner_text().split("✓")[0].split()) for o in options.all()],
            )
        page.goto(f"{course_server}trainers/handouts/{quiz_id}/")
        singles, multiples = [], []
        for question_id, (kind, marks, lines) in key.items():
            printed = page.locator(f"[data-worksheet-question='{question_id}'] .mdx-ws__options li")
            assert [" ".join(line.split()) for line in printed.all_inner_texts()] == lines, question_id
            right = [letter for letter, correct in marks if correct]
            (singles if kind == "single" else multiples).append((right, len(marks)))
        assert len(singles) >= 4 and multiples, quiz_id
        letters = [right[0] for right, _ in singles]
        assert len(set(letters)) >= 3, (quiz_id, letters)  # not always A, nor two letters by turns
        assert letters.count("A") <= len(letters) / 2, (quiz_id, letters)
        for right, _ in multiples:  # "choose all": the right options are not the first ones
            assert right != [trainer_views.letter(n) for n in range(len(right))], (quiz_id, right)
        assert any(right[-1] != trainer_views.letter(count - 1) for right, count in multiples), quiz_id


def test_paper_letters_are_the_same_at_every_build(small_site, small_project, tmp_path):
    """Seeded by question ids, not by the process: a second build in another process with
    another hash seed prints the same worksheet and answer key."""
    # as small_site was built, with another hash seed
    settings = {"PYTHONHASHSEED": "12345", "CORRECTIONS_EMAIL": sitebuild.CORRECTIONS_EMAIL}
    again = sitebuild.build(small_project, tmp_path / "again", env=settings)
    assert again.returncode == 0, again.output
    for url in ("trainers/handouts/01-sample/", "ru/trainers/answer-keys/01-sample/"):
        first, second = article(small_site.page(url)), article(again.page(url))
        assert "mdx-ws__letter" in first and first == second, url
