"""A page's versions in the other languages: for search engines (hreflang, absolute, in the
published sitemap) and never as <link rel="alternate"> elements, which the theme's script reads
as other sites: it fetched <page>/sitemap.xml for each (404s on every page) and took over
clicks on links under another language's version of the page (the zip download opened the
English download page)."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ElementTree
import zipfile

import pytest
import sitebuild
from browser import PHONE
from test_offline import bundle  # noqa: F401 - the session's offline bundle, zipped as `make build` does

from course import build as course_build
from course.languages import LANGUAGE_ROOTS

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
PUBLISHED = "https://example.org/upr-course/"
BUTTON = {"en": "Download the course", "ru": "Скачать курс", "tg": "Курсро боргирӣ кунед"}


def test_published_pages_name_their_language_versions_with_absolute_addresses(small_project):
    result = sitebuild.build(small_project, env={"SITE_URL": PUBLISHED})
    assert result.returncode == 0, result.output
    relative = []
    for html in sorted(result.site.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        relative += [
            f"{html.relative_to(result.site)}: {link}" for link in re.findall(r"<link[^>]*hreflang[^>]*>", text)
        ]
    assert relative == [], "page heads carry hreflang links (relative, and read by the theme as other sites)"

    urls = ElementTree.parse(result.site / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    versions = {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link[@rel='alternate']")
        }
        for url in urls
    }
    module = {language: f"{PUBLISHED}{root}modules/01-sample/" for language, root in LANGUAGE_ROOTS.items()}
    for language, address in module.items():
        assert versions[address] == module, language
    for address, links in versions.items():
        assert set(links) == set(LANGUAGE_ROOTS), address
        assert all(href.startswith(PUBLISHED) for href in links.values()), links
    robots = (result.site / "robots.txt").read_text(encoding="utf-8")  # where crawlers find the sitemap
    assert f"Sitemap: {PUBLISHED}sitemap.xml" in robots.splitlines()
    assert "robots.txt" not in (result.site / "sw.js").read_text(encoding="utf-8")  # nothing a reader keeps


def test_offline_bundle_names_no_language_versions(bundle):  # noqa: F811 - the fixture imported above
    """No search engine reads the bundle, and from file:// the theme's script would fetch
    <page>/sitemap.xml for each link and fail (a console error on every page)."""
    pages = sorted(bundle.rglob("*.html"))
    assert len(pages) > 50
    assert not [page for page in pages if "hreflang" in re.sub(r"<a [^>]*>", "", page.read_text(encoding="utf-8"))]
    assert not (bundle / "sitemap.xml").exists() and not (bundle / "robots.txt").exists()


@pytest.fixture(scope="session")
def site_with_zip(course_site, bundle):  # noqa: F811 - the fixture imported above
    """The course website with its offline zip where `make build` publishes it."""
    archive = bundle.parent.parent / course_build.ZIP_NAME
    target = course_site.site / course_build.ZIP_IN_SITE
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(archive, target)
    return course_site.site


@pytest.mark.browser
@pytest.mark.parametrize("language", list(LANGUAGE_ROOTS))
def test_zip_button_downloads_the_course_in_every_language(page_in, site_with_zip, language, tmp_path):
    import browser

    with browser.serve(site_with_zip) as url:
        page = page_in(accept_downloads=True)
        page.goto(url + LANGUAGE_ROOTS[language] + "download/", wait_until="networkidle")
        button = page.get_by_role("link", name=BUTTON[language])
        with page.expect_download(timeout=10000) as started:
            button.click()
        saved = tmp_path / "course.zip"
        started.value.save_as(saved)
        with zipfile.ZipFile(saved) as archive:
            assert f"{course_build.ZIP_FOLDER}/index.html" in archive.namelist()
        assert page.url == url + LANGUAGE_ROOTS[language] + "download/", "the click also left the page"


@pytest.mark.browser
@pytest.mark.parametrize("language", list(LANGUAGE_ROOTS))
def test_pages_fetch_no_sitemap(page_in, course_server, language):
    page = page_in()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(
        course_server + LANGUAGE_ROOTS[language] + "modules/01-human-rights-obligations/", wait_until="networkidle"
    )
    assert not [url for url in requested if url.endswith("sitemap.xml")]


def switch_language_at_a_section(page, address: str, switch_to: str) -> None:
    """On a phone, scroll a long module page down to a section and switch the language."""
    page.goto(address)
    section = page.locator("h2#core-treaties")
    while section.evaluate("heading => heading.getBoundingClientRect().top") > 120:
        page.mouse.wheel(0, 300)
        page.wait_for_timeout(50)
    page.locator(".md-header .md-select button").tap()
    page.locator(f".md-select__link[hreflang={switch_to}]").tap()
    page.wait_for_url("**#core-treaties")
    assert page.locator("html").get_attribute("lang") == switch_to
    top = page.locator("h2#core-treaties").evaluate("heading => heading.getBoundingClientRect().top")
    assert 0 <= top < 740 / 2, f"the section is not in view ({top} px)"


@pytest.mark.browser
@pytest.mark.parametrize("start, switch_to", [("ru/", "tg"), ("tg/", "en"), ("", "ru")])
def test_language_switcher_keeps_the_section_being_read(page_in, course_server, start, switch_to):
    page = page_in(**PHONE)
    switch_language_at_a_section(page, course_server + start + "modules/01-human-rights-obligations/", switch_to)
    assert page.url.startswith(course_server + LANGUAGE_ROOTS[switch_to] + "modules/01-human-rights-obligations/")


@pytest.mark.browser
def test_language_switcher_keeps_the_section_from_file(page_in, bundle):  # noqa: F811 - the fixture imported above
    folder = bundle.resolve().as_uri() + "/"
    page = page_in(**PHONE)
    switch_language_at_a_section(page, folder + "ru/modules/01-human-rights-obligations/index.html", "tg")
    assert page.url == folder + "tg/modules/01-human-rights-obligations/index.html#core-treaties"
