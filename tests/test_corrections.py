"""Reporting a mistake: the maintainers' e-mail, else the repository's issue form, never a placeholder."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import browser
import pytest
import sitebuild
from playwright.sync_api import expect

from course import build as course_build
from course.site import corrections
from course.site.bundle import SHIM_FOLDER

REPOSITORY = "rights-trainers/upr-course"
DRAFT_MODULE = "ru/modules/01-sample/"  # a Russian page marked 'translation: draft'


@pytest.fixture(scope="module")
def repository_site(tmp_path_factory):
    """The small site as the publish workflow builds it: its address and the repository known,
    no e-mail address."""
    work = tmp_path_factory.mktemp("repository")
    project, site = sitebuild.make_project(work / "project"), work / "site"
    site.mkdir()
    with browser.serve(site) as url:
        result = sitebuild.build(project, site, env={"COURSE_REPOSITORY": REPOSITORY, "SITE_URL": url})
        assert result.returncode == 0, result.output
        yield result, url


@pytest.fixture(scope="module")
def bare_site(tmp_path_factory):
    """The small site built with neither an address nor a repository."""
    project = sitebuild.make_project(tmp_path_factory.mktemp("bare") / "project")
    result = sitebuild.build(project)
    assert result.returncode == 0, result.output
    return result


@pytest.mark.browser
def test_reader_on_a_phone_reports_a_problem_through_the_repository_issue_form(page_in, repository_site):
    site, url = repository_site
    page = page_in(**browser.PHONE)
    page.goto(url + DRAFT_MODULE)
    notice = page.locator("article .mdx-notice--draft")
    link = notice.get_by_role("link", name="Сообщить об ошибке")
    expect(link).to_be_visible()
    here = page.url
    footer_href = page.locator(".md-footer .mdx-footer__correction").get_attribute("href")
    address = browser.followed_address(page, link)
    assert address.startswith(f"https://github.com/{REPOSITORY}/issues/new?")
    query = parse_qs(urlsplit(address).query)
    assert query["template"] == [corrections.ISSUE_FORM]
    assert query["page"] == [here]  # the page the reader was on
    assert query["title"][0].startswith("Исправление: ")
    assert footer_href == address
    form = sitebuild.PROJECT / ".github" / "ISSUE_TEMPLATE" / corrections.ISSUE_FORM
    assert "id: page" in form.read_text(encoding="utf-8")  # the field the address fills in


@pytest.mark.browser
def test_with_the_maintainers_address_the_link_writes_them_an_email(page_in, small_server):
    page = page_in()
    page.goto(small_server + "ru/modules/01-sample/")
    link = page.locator("article .mdx-notice--draft a")
    expect(link).to_have_text("Предложить исправление")
    href = link.get_attribute("href")
    assert href.startswith(f"mailto:{sitebuild.CORRECTIONS_EMAIL}?subject=")
    # the address the page is published at (the small site keeps mkdocs.yml's local default)
    assert "http://127.0.0.1:8000/ru/modules/01-sample/" in parse_qs(urlsplit(href).query)["body"][0]
    expect(page.locator(".md-footer .mdx-footer__correction")).to_have_attribute("href", href)


@pytest.mark.browser
def test_with_neither_set_no_page_links_a_placeholder(page_in, bare_site):
    pages = sorted(bare_site.site.rglob("*.html"))
    assert pages
    for built in pages:
        html = built.read_text(encoding="utf-8")
        assert "example.org" not in html and "mailto:" not in html, built
    page = page_in(**browser.PHONE)
    page.goto(bare_site.site.joinpath(DRAFT_MODULE, "index.html").as_uri())
    expect(page.locator("article .mdx-notice--draft")).to_have_text("Черновик перевода: ещё не проверен")
    expect(page.locator(".md-footer .mdx-footer__correction")).to_have_count(0)


def test_placeholder_addresses_count_as_unset():
    for address in ("upr-course-corrections@example.org", "x@mail.example.com", "a@b.invalid"):
        assert corrections.settings({"corrections_email": address}) == ("", "")
    assert corrections.settings({"corrections_email": "team@upr-course.org"}) == ("team@upr-course.org", "")


def test_a_malformed_setting_stops_the_build_naming_the_setting_and_the_fix(small_project):
    result = sitebuild.build(small_project, env={"COURSE_REPOSITORY": "https://github.com/x"})
    assert result.returncode != 0
    assert "extra.corrections_repository (from COURSE_REPOSITORY)" in result.output
    assert "owner/name" in result.output and "Traceback" not in result.output


def test_make_build_warns_when_pages_would_have_no_correction_link(small_project, capsys):
    shutil.copy2(sitebuild.PROJECT / "mkdocs.offline.yml", small_project)
    shutil.copytree(sitebuild.PROJECT / SHIM_FOLDER, small_project / SHIM_FOLDER)  # the offline search shim
    assert course_build.main(Path(small_project)) == 0
    said = capsys.readouterr().err
    assert "no correction link on the pages" in said and "COURSE_REPOSITORY=owner/name" in said
    (small_project / "mkdocs.yml").write_text(
        (small_project / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace('corrections_email: !ENV [CORRECTIONS_EMAIL, ""]', "corrections_email: team@upr-course.org"),
        encoding="utf-8",
    )
    assert course_build.corrections_warning(Path(small_project)) is None
