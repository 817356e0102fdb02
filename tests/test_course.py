"""The real course: builds strictly and keeps its promises in every language."""

from __future__ import annotations

import re

import htmlscan

LANGUAGE_ROOTS = {"en": "", "ru": "ru/", "tg": "tg/"}


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
    assert re.search(r'<abbr tabindex="0" title="Office of the United Nations High Commissioner for Human Rights">OHCHR</abbr>', course_site.page(""))
    assert re.search(r'<abbr tabindex="0" title="Универсальный периодический обзор">УПО</abbr>', course_site.page("ru/"))
    assert re.search(r'<abbr tabindex="0" title="[^"]+">УВКПЧ</abbr>', course_site.page("ru/"))
    assert re.search(r'<abbr tabindex="0" title="Шарҳи универсалии даврӣ">ШУД</abbr>', course_site.page("tg/"))


def test_home_pages_demonstrate_the_writing_tools(course_site):
    for root in LANGUAGE_ROOTS.values():
        html = course_site.page(root)
        for marker in ('class="admonition', "<details", 'class="tabbed-set', "<table", 'class="footnote',
                       'class="task-list', 'class="grid cards', 'class="headerlink"', 'class="mdx-hint"'):
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
