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
    assert invitation < content.index("<table"), "the invitation comes before the list of modules"
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
