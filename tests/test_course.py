"""The real course: builds strictly and keeps its promises in every language."""

from __future__ import annotations

import re

import htmlscan

from course.languages import LANGUAGE_ROOTS


def test_home_pages_exist_with_their_language(course_site):
    for language, root in LANGUAGE_ROOTS.items():
        html = course_site.page(root)
        assert f'<html lang="{language}"' in html


def test_tajik_home_uses_tajik_interface_and_text(course_site):
    html = course_site.page("tg/")
    assert 'placeholder="Ҷустуҷӯ"' in html
    assert "Шарҳи универсалии даврӣ" in html


def test_abbreviations_expand_on_home_pages(course_site):
    assert re.search(r'<abbr tabindex="0" title="Universal Periodic Review">UPR</abbr>', course_site.page(""))
    assert re.search(
        r'<abbr tabindex="0" title="Office of the United Nations High Commissioner for Human Rights">OHCHR</abbr>',
        course_site.page(""),
    )
    assert re.search(
        r'<abbr tabindex="0" title="Универсальный периодический обзор">УПО</abbr>', course_site.page("ru/")
    )
    assert re.search(r'<abbr tabindex="0" title="[^"]+">УВКПЧ</abbr>', course_site.page("ru/"))
    assert re.search(r'<abbr tabindex="0" title="Шарҳи универсалии даврӣ">ШУД</abbr>', course_site.page("tg/"))


def test_home_pages_demonstrate_the_writing_tools(course_site):
    for root in LANGUAGE_ROOTS.values():
        html = course_site.page(root)
        for marker in (
            'class="admonition',
            "<details",
            'class="tabbed-set',
            "<table",
            'class="footnote',
            'class="task-list',
            'class="grid cards',
            'class="headerlink"',
            'class="mdx-hint"',
        ):
            assert marker in html, f"{root or 'en'} home lacks {marker}"


def test_site_pages_exist_in_every_language(course_site):
    for root in LANGUAGE_ROOTS.values():
        for page in ("about/", "how-to-use/", "modules/", "glossary/"):
            assert "mdx-notice--fallback" not in course_site.page(root + page), root + page


def test_glossary_lists_terms_with_three_language_forms(course_site):
    html = course_site.page("tg/glossary/")
    assert 'id="term-upr"' in html
    assert '<span lang="ru">Универсальный периодический обзор' in html
    assert "истилоҳи пешниҳодшуда" in html


def test_course_loads_nothing_from_other_hosts(course_site):
    assert htmlscan.third_party_loads(course_site.site) == {}


MODULE = "modules/02-upr-mechanism/"
QUIZ = "quizzes/02-upr-mechanism/"


def test_module_pages_show_fact_check_date_and_link_their_quiz_in_same_language(course_site):
    for root, quiz_word in (("", "Take the quiz"), ("ru/", "Пройти тест"), ("tg/", "Супоридани санҷиш")):
        html = course_site.page(root + MODULE)
        assert re.search(r"(Facts checked as of|Факты проверены по состоянию на|Далелҳо то санаи) 2026-", html)
        link = re.search(r'<a class="md-button md-button--primary" href="([^"]+)">([^<]+)', html)
        assert link and quiz_word in link.group(2)
        assert link.group(1) == "../../quizzes/02-upr-mechanism/"


def test_translated_module_pages_show_draft_banner(course_site):
    assert "Черновик перевода" in course_site.page("ru/" + MODULE)
    assert "Тарҷумаи пешакӣ" in course_site.page("tg/" + MODULE)
    assert "mdx-notice--draft" not in course_site.page(MODULE)


def test_quiz_page_sits_in_navigation_right_after_its_module(course_site):
    html = course_site.page("tg/" + QUIZ)
    nav = html[html.index("md-nav--primary") :]
    hrefs = re.findall(r'class="md-nav__link[^"]*"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*class="md-nav__link', nav)
    flat = [a or b for a, b in hrefs]
    module_position = flat.index("../../modules/02-upr-mechanism/")
    assert flat[module_position + 1] in ("./", "../02-upr-mechanism/")


def test_quiz_pages_exist_in_three_languages_with_their_language(course_site):
    for root, lang in LANGUAGE_ROOTS.items():
        html = course_site.page(lang + QUIZ)
        assert f'<html lang="{root}"' in html
        assert 'data-quiz="02-upr-mechanism"' in html
        assert html.count("data-question=") >= 12
    assert "Санҷиш: Механизми ШУД" in course_site.page("tg/" + QUIZ)


def test_see_links_open_the_section_in_the_readers_language(course_site):
    html = course_site.page("ru/" + QUIZ)
    links = set(re.findall(r'<a href="([^"]+)" class="mdx-q__see"', html))
    assert links
    for link in links:
        page, _, anchor = link.partition("#")
        target = (course_site.site / "ru" / QUIZ / page / "index.html").resolve()
        assert target.is_relative_to((course_site.site / "ru").resolve()), link
        assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), link


def test_diagram_is_shown_in_the_pages_language(course_site):
    html = course_site.page("tg/" + MODULE)
    image = re.search(r'<img alt="[^"]+" src="([^"]+\.svg)"', html).group(1)
    svg = (course_site.site / "tg" / MODULE / image).resolve().read_text(encoding="utf-8")
    assert re.search("[ӣӯҳқғҷ]", svg)
