"""Course-wide quizzes: the diagnostic before the modules, the final assessment after them."""

from __future__ import annotations

import re

import pytest
import sitebuild

from course.quizzes import located_yaml
from course.quizzes import validate as quiz_validate

DIAGNOSTIC = sitebuild.PROJECT / "tests/fixtures/course-wide/course-diagnostic.yml"
INVITATION = {
    "en": "Not sure where to start?",
    "ru": "Не знаете, с чего начать?",
    "tg": "Намедонед, аз куҷо оғоз кунед?",
}
TITLE = {"en": "Where do I start?", "ru": "С чего начать?", "tg": "Аз куҷо оғоз кунам?"}


@pytest.mark.parametrize("language, root", [("en", ""), ("ru", "ru/"), ("tg", "tg/")])
def test_the_module_list_invites_to_the_diagnostic_first(course_wide_site, language, root):
    html = course_wide_site.page(f"{root}modules/")
    content = html[html.index('<article class="md-content__inner') :]
    invitation = content.index(INVITATION[language])
    assert invitation < content.index("mdx-module-list"), "the invitation comes before the list of modules"
    link = re.search(r'<a href="([^"]+)">' + re.escape(TITLE[language]) + "</a>", content[invitation:])
    assert link and link.group(1).rstrip("/").endswith("quizzes/course-diagnostic")


def test_the_diagnostic_comes_first_among_the_modules_in_the_navigation(course_wide_site):
    html = course_wide_site.page("modules/")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    overview = nav.index('href="./"') if 'href="./"' in nav else nav.index("modules/")
    diagnostic, module = nav.index("course-diagnostic/"), nav.index("01-sample/")
    assert overview < diagnostic < module


def test_a_modules_quiz_with_a_purpose_is_refused_naming_the_line():
    text = "module: 01-sample\n" + DIAGNOSTIC.read_text(encoding="utf-8").replace("01-sample/sample-", "sample-")
    located = located_yaml.load_located(text)
    index = quiz_validate.CourseIndex(
        modules={"01-sample": ["sample-1", "sample-2"]},
        pages={"modules/01-sample/": {"en": {"troika"}, "ru": {"troika"}, "tg": {"troika"}}},
    )
    report = quiz_validate.validate("quizzes/x.yml", located, index)
    line = text.split("\n").index("purpose: diagnostic") + 1
    assert [(p.line, p.message) for p in report.errors] == [
        (line, "a module's quiz has 'purpose: diagnostic', which only a course-wide quiz has")
    ]


@pytest.fixture(scope="module")
def course_wide_server(course_wide_site):
    import browser

    with browser.serve(course_wide_site.site) as url:
        yield url


def answer_true_false(page, question_id: str, label: str) -> None:
    question = page.locator(f"fieldset[data-question='{question_id}']")
    question.get_by_label(label, exact=True).click()
    question.locator("[data-action=check]").click()


@pytest.mark.browser
def test_the_diagnostic_names_the_modules_to_start_with_and_gives_no_verdict(course_wide_server, page_in):
    from playwright.sync_api import expect

    page = page_in(viewport={"width": 360, "height": 740})
    page.goto(course_wide_server + "quizzes/course-diagnostic/")
    advice = page.locator(".mdx-quiz__advice")
    answer_true_false(page, "diagnostic-troika", "True")
    expect(advice).to_be_hidden()  # not before every question is checked
    answer_true_false(page, "diagnostic-duties", "True")  # wrong: ignoring is no duty
    expect(advice).to_be_visible()
    expect(advice.locator("li:visible")).to_have_text(["Sample module"])
    expect(advice.get_by_role("link", name="Sample module")).to_have_attribute("href", "../../modules/01-sample/")
    expect(page.locator(".mdx-quiz__verdict")).to_be_hidden()
    page.reload()  # the advice comes back with the stored answers
    expect(advice.locator("li:visible")).to_have_text(["Sample module"])
    page.locator("fieldset[data-question='diagnostic-duties'] [data-action=retry]").click()
    answer_true_false(page, "diagnostic-duties", "False")
    expect(advice.locator(".mdx-quiz__advice-none")).to_be_visible()
    expect(advice.locator("li:visible")).to_have_count(0)
