"""Search in the reader's language: one index per language, each in UTF-8, and a search on a
Tajik (Russian, English) page lists pages of that language only."""

from __future__ import annotations

import json
from urllib.parse import unquote

import pytest
import sitebuild
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from course.languages import LANGUAGE_ROOTS

TAJIK_WORDS = ("ҳуқуқ", "ҷомеа", "Шӯро")
# Material matches word beginnings: the base form "договор" finds pages that only have
# "договоров", "договорных"... A form with another ending ("тройками" for "тройка") is found
# because the Russian pages' search worker stems query words first (see course_search.py).
RUSSIAN_FORM, RUSSIAN_OTHER_FORMS = "договор", ("договоров", "договорных", "договоры", "договорам")
RUSSIAN_OTHER_ENDING, RUSSIAN_STEM = "тройками", "тройк"


def index_of(site, language: str) -> dict:
    """A language's index as its search works with it: the website's stub gets its pages."""
    folder = site / LANGUAGE_ROOTS[language] / "search"
    index = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    if "docs" in index["config"]:
        index["docs"] = json.loads((folder / "search_docs.json").read_text(encoding="utf-8"))
    return index


def search(page, words: str, attempts: int = 3) -> list[str]:
    """Type into Material's search box; return the result links (absolute, decoded).

    Material reads the box on key-up (and once when its search worker is ready). Playwright
    types Cyrillic as inserted text without key events, so the word is filled in and a key
    (End) is pressed, as at the end of typing.
    """
    box = page.locator("input.md-search__input")
    box.click()
    for _ in range(attempts):
        box.fill(words)
        box.press("End")
        try:
            page.wait_for_function(
                "() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=10000
            )
            break
        except PlaywrightTimeout:
            continue
    return [
        unquote(href)
        for href in page.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    ]


# --- the index files -------------------------------------------------------------------


def test_each_language_has_its_own_index_with_its_pages_only(course_site):
    for language in LANGUAGE_ROOTS:
        locations = [doc["location"] for doc in index_of(course_site.site, language)["docs"]]
        assert len(locations) > 50, language
        assert not [loc for loc in locations if loc.startswith(("ru/", "tg/"))], (
            f"{language}: locations keep a language prefix"
        )
    titles = {
        language: {doc["title"] for doc in index_of(course_site.site, language)["docs"]} for language in LANGUAGE_ROOTS
    }
    assert "Дар бораи курс" in titles["tg"] and "О курсе" in titles["ru"] and "About the course" in titles["en"]
    assert not titles["tg"] & {"О курсе", "About the course"}
    assert not titles["en"] & {"О курсе", "Дар бораи курс"}


def test_indexes_are_utf8_without_unicode_escapes(course_site):
    for language in ("ru", "tg"):
        folder = course_site.site / LANGUAGE_ROOTS[language] / "search"
        text = "".join(path.read_bytes().decode("utf-8") for path in folder.glob("*.json"))
        assert "\\u04" not in text, f"{language}: Cyrillic written as \\uXXXX escapes"
        assert ("Шӯро" if language == "tg" else "Совет") in text


def test_english_index_uses_only_the_english_pipeline(course_site):
    assert index_of(course_site.site, "en")["config"]["lang"] == ["en"]
    assert "ru" in index_of(course_site.site, "ru")["config"]["lang"]


def test_answer_keys_and_handouts_stay_out_of_every_index(course_site):
    for language in LANGUAGE_ROOTS:
        for doc in index_of(course_site.site, language)["docs"]:
            assert "answer-keys/" not in doc["location"] and "handouts/" not in doc["location"], doc["location"]


def test_search_never_shows_a_quiz_answer(course_site):
    """Quiz pages stay out of the index (their explanations give the answers away); the
    module pages they test are found, with their 'take the quiz' link."""
    for language in LANGUAGE_ROOTS:
        locations = [doc["location"] for doc in index_of(course_site.site, language)["docs"]]
        assert not [loc for loc in locations if loc.startswith("quizzes/")], language
        assert [loc for loc in locations if loc.startswith("modules/")], language
    english = " ".join(" ".join(doc["text"].split()) for doc in index_of(course_site.site, "en")["docs"])
    plain = []
    for quiz in sorted((sitebuild.PROJECT / "quizzes").glob("*.yml")):
        for question in yaml.safe_load(quiz.read_text(encoding="utf-8"))["questions"]:
            text = " ".join(str(question["explanation"]["en"]).split())
            if not set(text[:80]) & set("*_[]`<>&"):
                plain.append((quiz.name, text[:80]))
    assert len(plain) >= 10  # enough explanations to look for
    found = [f"{name}: {text}" for name, text in plain if text in english]
    assert not found, "explanations are searchable:\n" + "\n".join(found)


def test_page_excluded_in_front_matter_stays_out(small_project):
    for language, title in (("en", "Secret notes"), ("tg", "Ёддоштҳои пинҳонӣ")):
        (small_project / f"docs/secret.{language}.md").write_text(
            f"---\nsearch:\n  exclude: true\n---\n\n# {title}\n\nqwertyzebra\n", encoding="utf-8"
        )
    result = sitebuild.build(small_project)
    assert result.returncode == 0, result.output
    for language in LANGUAGE_ROOTS:
        text = json.dumps(index_of(result.site, language), ensure_ascii=False)
        assert "qwertyzebra" not in text and "secret" not in text, language
    assert "qwertyzebra" in result.page("tg/secret/")


def test_split_moves_entries_to_their_language_without_prefix():
    from course.site import search as course_search

    data = {
        "config": {"lang": ["en", "ru"], "pipeline": ["stopWordFilter"]},
        "docs": [
            {"location": "about/", "title": "About", "text": "x"},
            {"location": "ru/about/#a", "title": "О курсе", "text": "y"},
            {"location": "tg/", "title": "Асосӣ", "text": "z"},
        ],
    }
    parts = course_search.split_index(data, LANGUAGE_ROOTS, "search.abc.min.js", lazy=False)
    assert [d["location"] for d in parts["en"]["docs"]] == ["about/"]
    assert [d["location"] for d in parts["ru"]["docs"]] == ["about/#a"]
    assert [d["location"] for d in parts["tg"]["docs"]] == [""]
    assert parts["en"]["config"]["lang"] == ["en"] and parts["ru"]["config"]["lang"] == ["en", "ru"]
    assert parts["tg"]["config"]["lang"] == ["tg"]  # the course's Tajik support: letters folded
    assert parts["ru"]["config"]["query_stemmer"] == "ru"  # Russian queries are stemmed...
    assert "query_stemmer" not in parts["tg"]["config"]  # ...Tajik ones are not (no Tajik stemmer)
    assert {part["config"]["worker"] for part in parts.values()} == {"search.abc.min.js"}
    assert not [part for part in parts.values() if "docs" in part["config"]]
    assert "Асосӣ" in course_search.index_text(parts["tg"])


def test_website_index_is_a_stub_whose_pages_come_with_the_first_search(course_site):
    for language, root in LANGUAGE_ROOTS.items():
        stub = json.loads((course_site.site / root / "search/search_index.json").read_text(encoding="utf-8"))
        assert stub["docs"] == [], language
        workers = course_site.site / "assets/javascripts/workers"
        assert (workers / stub["config"]["worker"]).is_file() and stub["config"]["worker"].startswith("search.")
        pages = (workers / stub["config"]["docs"]).resolve()
        assert pages == (course_site.site / root / "search/search_docs.json").resolve(), language
        assert len(json.loads(pages.read_text(encoding="utf-8"))) > 50, language


def test_tajik_search_support_gets_the_one_letter_table(course_site):
    from course.languages import LETTER_FOLD

    text = (course_site.site / "assets/javascripts/lunr/min/lunr.tg.min.js").read_text(encoding="utf-8")
    table = json.loads(text.split("var FOLD = ", 1)[1].split(";", 1)[0])
    assert table == LETTER_FOLD


def test_every_page_searches_through_the_course_worker_in_its_language_folder():
    from course.site import search as course_search

    html = (
        '<script id="__config" type="application/json">'
        '{"base": "..", "search": "../assets/javascripts/workers/search.abc.min.js"}</script>'
    )
    for root in ("ru/", "tg/", ""):
        rebased = course_search.point_search_at(html, root)
        assert '"search": "../assets/javascripts/workers/course-search.js"' in rebased
        assert f'"base": "../{root}"' in rebased if root else '"base": ".."' in rebased


# --- searching in the browser ------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("word", TAJIK_WORDS)
def test_search_on_a_tajik_page_lists_tajik_pages_only(page_in, course_server, word):
    page = page_in()
    page.goto(course_server + "tg/")
    results = search(page, word)
    assert results
    assert all(url.startswith(course_server + "tg/") for url in results), results


@pytest.mark.browser
def test_russian_search_finds_other_word_forms(page_in, course_server):
    page = page_in()
    page.goto(course_server + "ru/modules/")
    results = search(page, RUSSIAN_FORM)
    assert results and all(url.startswith(course_server + "ru/") for url in results), results
    found = page.locator(".md-search-result").inner_text().lower()
    assert any(form in found for form in RUSSIAN_OTHER_FORMS), found[:500]


@pytest.mark.browser
def test_russian_search_finds_a_form_with_another_ending(page_in, course_server, course_site):
    text = json.dumps(index_of(course_site.site, "ru"), ensure_ascii=False).lower()
    assert RUSSIAN_OTHER_ENDING not in text and RUSSIAN_STEM in text, "pick another word form for this test"
    page = page_in()
    page.goto(course_server + "ru/modules/")
    results = search(page, RUSSIAN_OTHER_ENDING)
    assert results and all(url.startswith(course_server + "ru/") for url in results), results
    assert RUSSIAN_STEM in page.locator(".md-search-result").inner_text().lower()


@pytest.mark.browser
def test_search_on_an_english_page_lists_english_pages_only(page_in, course_server):
    page = page_in()
    page.goto(course_server + "about/")
    results = search(page, "review")
    assert results
    assert not [url for url in results if url.startswith((course_server + "ru/", course_server + "tg/"))], results


@pytest.mark.browser
def test_russian_search_works_on_later_visits_online_and_offline(page_in, course_site):
    """After the phone has saved the course, the search worker comes from the service worker
    (served with no-store, so the browser's HTTP cache cannot stand in for it): a reload, then
    the same without a connection, still finds every form of a word."""
    import browser

    with browser.serve(course_site.site, no_store=True) as url:
        page = page_in()
        page.goto(url + "ru/")
        expect(page.locator("[data-offline]")).to_have_attribute("data-offline-state", "ready", timeout=60000)
        for online in (True, False):
            page.context.set_offline(not online)
            page.reload()
            results = search(page, RUSSIAN_OTHER_ENDING)
            assert results and all(address.startswith(url + "ru/") for address in results), (online, results)
            assert RUSSIAN_STEM in page.locator(".md-search-result").inner_text().lower()


@pytest.mark.browser
@pytest.mark.parametrize("typed", ["хукук", "ҳуқуқ", "Хуқук", "ҳуқуқ*"])
def test_tajik_search_folds_letters_typed_on_a_russian_keyboard(page_in, course_server, typed):
    page = page_in()
    page.goto(course_server + "tg/")
    results = search(page, typed)
    assert results and all(address.startswith(course_server + "tg/") for address in results), results
    assert "ҳуқуқ" in page.locator(".md-search-result").inner_text().lower()


@pytest.mark.browser
def test_reading_a_page_loads_no_search_until_the_reader_opens_it(page_in, course_server):
    page = page_in()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(course_server + "ru/modules/01-human-rights-obligations/", wait_until="networkidle")
    page.wait_for_timeout(500)
    heavy = ("search_docs.json", "/workers/search.", "/lunr/")
    assert not [url for url in requested if any(part in url for part in heavy)], "search loaded with the page"
    results = search(page, RUSSIAN_FORM)
    assert results
    assert [url for url in requested if "ru/search/search_docs.json" in url]
