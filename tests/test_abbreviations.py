"""Abbreviations explained in the reader's language: every one on a Russian or Tajik page has a
tooltip (from glossary.yml), whether it is written in Latin letters (OPCAT) or Cyrillic (ШУД)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from browser import PHONE
from playwright.sync_api import expect

ABBREVIATION = re.compile(
    r"(?<![\w/.-])[A-ZА-ЯЁҲҚҒҶӢӮ][A-ZА-ЯЁҲҚҒҶӢӮ0-9]*(?:-[A-ZА-ЯЁҲҚҒҶӢӮ]+)?[A-ZА-ЯЁҲҚҒҶӢӮ](?![\w/])"
)
# Not abbreviations a reader needs explained: names written as such, file formats, everyday words.
NAMES = ("UPR Info", "UN Web TV", "CC BY", "MIT")
PLAIN_WORDS = {"ZIP", "PDF", "СМИ"}
LEARNER_PAGES = ("", "modules/", "about/", "how-to-use/", "download/", "progress/") + tuple(
    f"modules/{folder}/"
    for folder in ("01-human-rights-obligations", "02-upr-mechanism", "03-stakeholders-and-roles", "04-national-report")
)


class Unexplained(HTMLParser):
    """Abbreviations in an article's text that no <abbr> explains (links and code left out),
    and the tooltips the page gives."""

    SKIP = {"abbr", "a", "code", "pre", "script", "style", "svg"}
    VOID = {"br", "img", "input", "hr", "meta", "link", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.found: list[str] = []
        self.titles: dict[str, str] = {}
        self._abbr_title = ""

    def handle_starttag(self, tag, attrs):
        if tag == "abbr":
            self._abbr_title = dict(attrs).get("title") or ""
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data):
        if "article" not in self.open:
            return
        if self.open and self.open[-1] == "abbr":
            self.titles[data.strip()] = self._abbr_title
            return
        if self.SKIP & set(self.open):
            return
        for name in NAMES:
            data = data.replace(name, "")
        self.found += [token for token in ABBREVIATION.findall(data) if token not in PLAIN_WORDS]


def read(html: str) -> Unexplained:
    parser = Unexplained()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_every_abbreviation_on_russian_and_tajik_pages_has_a_tooltip_in_that_language(course_site, language):
    titles: dict[str, str] = {}
    for path in LEARNER_PAGES:
        page = read(course_site.page(f"{language}/{path}"))
        assert page.found == [], (path, sorted(set(page.found)))
        titles.update(page.titles)
    expected = {"ru": {"GANHRI", "SMART", "ФП-КПП", "КЛРД"}, "tg": {"OPCAT", "GANHRI", "SMART", "ICCPR", "CERD"}}
    assert expected[language] <= set(titles), expected[language] - set(titles)
    for abbr, title in titles.items():  # explained in the reader's language, not in English
        assert re.search(r"[а-яё]", title, re.IGNORECASE), (abbr, title)
        assert not re.search(r"[A-Za-z]{4}", title), (abbr, title)


@pytest.mark.browser
def test_tajik_reader_taps_a_latin_abbreviation_and_reads_it_in_tajik(page_in, course_server):
    page = page_in(**PHONE)
    page.goto(course_server + "tg/modules/01-human-rights-obligations/")
    page.locator("article abbr", has_text="OPCAT").first.tap()
    tooltip = page.locator("#mdx-tooltip:not([hidden])")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("Протоколи иловагии ихтиёрӣ ба Конвенсияи зидди шиканҷа")


@pytest.mark.browser
def test_russian_reader_reaches_abbreviations_by_keyboard(page_in, course_server):
    page = page_in(viewport={"width": 1366, "height": 768})
    page.goto(course_server + "ru/modules/03-stakeholders-and-roles/")
    for abbr, expansion in (
        ("GANHRI", "Глобальный альянс национальных правозащитных учреждений"),
        ("ОГО", "организация гражданского общества"),
    ):
        page.locator("article abbr", has_text=re.compile(rf"^{abbr}$")).first.focus()
        tooltip = page.locator("#mdx-tooltip:not([hidden])")
        expect(tooltip).to_contain_text(expansion)
    page.goto(course_server + "ru/modules/02-upr-mechanism/")
    page.locator("article abbr", has_text="SMART").first.focus()
    expect(page.locator("#mdx-tooltip:not([hidden])")).to_contain_text(
        "конкретные, измеримые, достижимые"
    )  # the letters spelled out
