"""The course frame, checked on a small site built from fixture content."""

from __future__ import annotations

import re
from pathlib import Path

import htmlscan
import sitebuild

TAJIK_SEARCH = "Ҷустуҷӯ"


def html_lang(html: str) -> str:
    return re.search(r"<html[^>]*\blang=\"([^\"]+)\"", html).group(1)


def language_switcher(html: str) -> dict[str, str]:
    return dict(
        (lang, href)
        for href, lang in re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)" class="md-select__link"', html)
    )


def test_three_languages_built_with_html_lang(small_site):
    assert html_lang(small_site.page("")) == "en"
    assert html_lang(small_site.page("ru/")) == "ru"
    assert html_lang(small_site.page("tg/")) == "tg"


def test_tajik_pages_show_tajik_interface(small_site):
    html = small_site.page("tg/")
    assert f'placeholder="{TAJIK_SEARCH}"' in html
    assert "Забонро интихоб кунед" in html  # language selector
    assert 'placeholder="Search"' not in html
    assert "Skip to content" not in html


def test_module_mounted_in_each_language_from_modules_folder(small_site):
    assert "Sample module" in small_site.page("modules/01-sample/")
    assert "Пример модуля" in small_site.page("ru/modules/01-sample/")
    assert not (small_site.project / "docs" / "modules").exists()


def test_language_switcher_links_the_same_page_in_other_languages(small_site):
    links = language_switcher(small_site.page("ru/modules/01-sample/"))
    assert links == {"en": "../../../modules/01-sample/", "ru": "./", "tg": "../../../tg/modules/01-sample/"}


def test_untranslated_page_shows_english_with_notice_in_readers_language(small_site):
    html = small_site.page("tg/about/")
    assert "Only in English" in html
    assert "mdx-notice--fallback" in html
    assert "Ин саҳифа ҳанӯз ба забони тоҷикӣ тарҷума нашудааст" in html
    assert "mdx-notice--fallback" not in small_site.page("about/")


def test_draft_translation_shows_banner_with_correction_link(small_site):
    html = small_site.page("ru/modules/01-sample/")
    assert "Черновик перевода" in html
    assert "mailto:" in html


def test_abbreviations_expand_in_each_language(small_site):
    assert '<abbr tabindex="0" title="Universal Periodic Review">UPR</abbr>' in small_site.page("")
    assert '<abbr tabindex="0" title="Универсальный периодический обзор">УПО</abbr>' in small_site.page("ru/")
    assert '<abbr tabindex="0" title="Шарҳи универсалии даврӣ">ШУД</abbr>' in small_site.page("tg/")


def test_objectives_listed_from_front_matter(small_site):
    html = small_site.page("modules/01-sample/")
    assert "<li>Name the three obligations.</li>" in html
    assert "<!-- course:objectives -->" not in html


def test_module_shows_study_time_and_fact_check_date(small_site):
    html = small_site.page("tg/modules/01-sample/")
    assert "Далелҳо то санаи 2026-11-01 санҷида шудаанд" in html


def test_modules_appear_in_navigation_under_course_modules(small_site):
    html = small_site.page("ru/")
    nav = html[html.index("md-nav--primary") :]
    assert "Модули курса" in nav
    assert "modules/01-sample/" in nav


def test_root_404_speaks_three_languages_and_links_each_home(small_site):
    html = small_site.page("404.html")
    for text in ("Page not found", "Страница не найдена", "Саҳифа ёфт нашуд"):
        assert text in html
    for href in ('href="/"', 'href="/ru/"', 'href="/tg/"'):
        assert href in html


def test_footer_has_licence_independence_and_correction_link_in_page_language(small_site):
    html = small_site.page("tg/")
    footer = html[html.index('class="md-footer"') :]
    assert "CC BY 4.0" in footer and "MIT" in footer
    assert "на нашрияи расмии Созмони Милали Муттаҳид" in footer
    assert "Пешниҳоди ислоҳ" in footer
    assert "mailto:" in footer
    assert "squidfunk" not in html  # no "Made with Material" link


def test_heading_permalinks_titled_in_page_language(small_site):
    assert 'title="Ссылка на этот раздел"' in small_site.page("ru/modules/01-sample/")
    assert 'title="Link to this section"' not in small_site.page("ru/modules/01-sample/")


def test_no_page_or_stylesheet_loads_from_another_host(small_site):
    assert htmlscan.third_party_loads(small_site.site) == {}


def test_third_party_scan_catches_a_font_link(tmp_path: Path):
    page = tmp_path / "index.html"
    page.write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<a href="https://www.ohchr.org/">fine: a link, not a load</a>',
        encoding="utf-8",
    )
    (tmp_path / "x.css").write_text("@import url('https://cdn.example/x.css');", encoding="utf-8")
    assert htmlscan.third_party_loads(tmp_path) == {
        "index.html": ["https://fonts.googleapis.com/css?family=Roboto"],
        "x.css": ["https://cdn.example/x.css"],
    }


def test_site_url_from_environment_sets_absolute_links(small_project):
    result = sitebuild.build(small_project, env={"SITE_URL": "https://example.org/upr-course/"})
    assert result.returncode == 0, result.output
    assert 'href="/upr-course/ru/"' in result.page("404.html")


ENGLISH_FRAME_STRINGS = (
    "Skip to content",
    "Table of contents",
    "Back to top",
    "Copy to clipboard",
    "Select language",
    "Switch to dark mode",
    "Switch to light mode",
    "Link to this section",
    'placeholder="Search"',
    "Type to start searching",
    "Previous",
    "Next",
    "Navigation",
    "Footer",
    "Header",
)
RUSSIAN_FRAME_STRINGS = ("Перейти к содержанию", "Содержание", "К началу", "Выберите язык", "Поиск", "Назад", "Вперед")


def test_tajik_frame_has_no_english_or_russian_interface_text(small_site):
    for path in ("tg/", "tg/modules/01-sample/", "tg/about/", "tg/quizzes/01-sample/"):
        html = small_site.page(path)
        frame = re.sub(r'<article class="md-content__inner.*?</article>', "", html, flags=re.DOTALL)
        frame = re.sub(r"<script.*?</script>", "", frame, flags=re.DOTALL)
        for text in ENGLISH_FRAME_STRINGS + RUSSIAN_FRAME_STRINGS:
            assert text not in frame, f"{path}: '{text}' in the page frame"
