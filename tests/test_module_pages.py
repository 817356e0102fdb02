"""What an exercise answer is stored under: the module, or the page outside modules/."""

from __future__ import annotations

import re

import pytest

from course.site import module_pages

# docs/assets/quiz.js accepts only keys of this shape ('owner/exercise'): anything else is dropped
STORED_KEY = re.compile(r"^[a-z0-9-]+/[a-z0-9-]+$")


@pytest.mark.parametrize(
    "src_uri, owner",
    [
        ("modules/01-human-rights-obligations/index.en.md", "01-human-rights-obligations"),
        ("modules/04-national-report/index.tg.md", "04-national-report"),
        ("about.ru.md", "about"),
        ("trainers/index.en.md", "index"),
        ("How_To.md", "how-to"),
    ],
)
def test_answers_are_kept_under_a_key_the_browser_accepts(src_uri, owner):
    assert module_pages.answer_owner(src_uri) == owner
    assert STORED_KEY.match(f"{owner}/exercise-1")


MODULE_NAV = {"en": "Next module:", "ru": "Следующий модуль:", "tg": "Модули навбатӣ:"}


@pytest.mark.parametrize("language, root", [("en", ""), ("ru", "ru/"), ("tg", "tg/")])
def test_a_module_page_ends_with_its_previous_and_next_module(course_site, language, root):
    from course.content.catalog import load_catalog

    folders = [m.folder for m in load_catalog(course_site.project) if not m.draft]
    middle = folders[len(folders) // 2]
    html = course_site.page(f"{root}modules/{middle}/")
    nav = re.search(r'<nav class="course-module-nav".*?</nav>', html, re.DOTALL)
    assert nav and MODULE_NAV[language] in nav.group(0)
    links = re.findall(r'href="([^"]+)" rel="(prev|next)"', nav.group(0))
    before, after = folders[folders.index(middle) - 1], folders[folders.index(middle) + 1]
    assert links == [(f"../{before}/", "prev"), (f"../{after}/", "next")]
    first = course_site.page(f"{root}modules/{folders[0]}/")
    assert 'rel="prev"' not in re.search(r'<nav class="course-module-nav".*?</nav>', first, re.DOTALL).group(0)


def test_the_printed_handout_leaves_the_module_links_out(course_site):
    from course.content.catalog import load_catalog

    folder = load_catalog(course_site.project)[1].folder
    assert "course-module-nav" in course_site.page(f"modules/{folder}/")
    assert "course-module-nav" not in course_site.page(f"trainers/handouts/{folder}/")


@pytest.mark.browser
def test_next_module_is_one_tap_away_on_a_phone(course_server, page_in):
    from playwright.sync_api import expect

    page = page_in(viewport={"width": 360, "height": 740})
    page.goto(course_server + "ru/modules/01-human-rights-obligations/")
    link = page.locator(".course-module-nav__next")
    link.scroll_into_view_if_needed()
    expect(link).to_be_visible()
    box = link.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, "the link fits the screen"
    link.click()
    expect(page).to_have_url(re.compile(r"/ru/modules/02-upr-mechanism/$"))
