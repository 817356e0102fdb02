"""Where to start and where next, as the focal point in Dushanbe (Russian, 1366x768) and the
activist in Khujand (Tajik, 360x740) found the home page."""

from __future__ import annotations

import re

import axe
import pytest
import sitebuild
from browser import PHONE
from playwright.sync_api import expect

from course.content import catalog

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1366, "height": 768}}
FIRST = "modules/01-human-rights-obligations/"
TABS = {  # the audience tabs of each home page, in their order
    "ru": ("Государственные координаторы", "Гражданское общество", "Тренеры"),
    "tg": ("Масъулони давлатӣ", "Ҷомеаи шаҳрвандӣ", "Тренерон"),
}


def published_modules() -> list[str]:
    return [m.folder for m in catalog.load_catalog(sitebuild.PROJECT) if not m.draft]


def test_start_the_course_opens_the_first_module_in_the_readers_language(page_in, course_server):
    page = page_in(**DESKTOP)
    page.goto(course_server + "ru/")
    start = page.get_by_role("link", name="Начать курс")
    expect(start).to_have_count(1)
    expect(start).to_be_in_viewport()  # on the first screen
    start.click()
    page.wait_for_url(f"**/ru/{FIRST}")


def test_every_module_card_is_a_link_to_its_module_wherever_it_is_tapped(page_in, course_server):
    page = page_in(**PHONE)
    page.goto(course_server + "tg/")
    cards = page.locator("article .mdx-module-cards > ul > li")
    folders = published_modules()
    expect(cards).to_have_count(len(folders))
    for number, folder in enumerate(folders):
        page.goto(course_server + "tg/")
        card = page.locator("article .mdx-module-cards > ul > li").nth(number)
        summary = card.locator("p").nth(1)  # the summary, not the title
        summary.scroll_into_view_if_needed()
        box = summary.bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_url(f"**/tg/modules/{folder}/")


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_every_audience_tab_gives_its_links(page_in, course_server, language):
    page = page_in(**DESKTOP)
    page.goto(course_server + f"{language}/")
    for label in TABS[language]:
        page.locator(".tabbed-labels label", has_text=label).click()
        panel = page.locator(".tabbed-content .tabbed-block:visible")
        expect(panel).to_have_count(1)
        assert panel.locator("a").count() >= 3, label


def test_focal_points_go_to_the_module_and_trainers_to_their_guide(page_in, course_server):
    page = page_in(**DESKTOP)
    page.goto(course_server + "ru/")
    page.locator(".tabbed-content .tabbed-block:visible").get_by_role("link", name="как работает УПО").click()
    page.wait_for_url("**/ru/modules/02-upr-mechanism/")
    page.goto(course_server + "ru/")
    page.locator(".tabbed-labels label", has_text="Тренеры").click()
    page.locator(".tabbed-content .tabbed-block:visible").get_by_role("link", name="руководство для тренеров").click()
    page.wait_for_url("**/ru/trainers/")
    expect(page.locator("article h1")).to_have_text(re.compile("Руководство для тренеров"))


@pytest.mark.parametrize("root", ["", "ru/", "tg/"])
def test_next_on_the_home_page_leads_to_the_first_module(page_in, course_server, root):
    page = page_in(**DESKTOP)
    page.goto(course_server + root)
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(f"**/{root}{FIRST}")


@pytest.mark.parametrize("options", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_home_page_has_no_serious_accessibility_violations(page_in, course_server, options):
    page = page_in(**options)
    page.goto(course_server + "tg/")
    assert axe.serious_violations(page) == []


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_every_audience_has_a_learning_path_over_the_whole_course(page_in, course_server, language):
    """Each tab: the diagnostic first, all eight modules in between, the final assessment last."""
    page = page_in(**PHONE)
    page.goto(course_server + f"{language}/")
    modules = published_modules()
    for label in TABS[language]:
        page.locator(".tabbed-labels label", has_text=label).click()
        panel = page.locator(".tabbed-content .tabbed-block:visible")
        hrefs = [link.get_attribute("href") or "" for link in panel.locator("a").all()]
        path = [h for h in hrefs if "quizzes/course-" in h or "/modules/" in h or h.startswith("modules/")]
        assert path and "course-diagnostic" in path[0] and "course-final-assessment" in path[-1], (label, path)
        for folder in modules:
            assert any(folder in h for h in path), (label, folder)
        panel.locator("a[href*='course-diagnostic']").first.click()
        expect(page).to_have_url(re.compile(rf"/{language}/quizzes/course-diagnostic/$"))
        page.go_back()
