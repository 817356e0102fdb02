"""Offline reading on phones: the service worker, the manifests and the footer indicator."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import browser
import pytest
from PIL import Image
from playwright.sync_api import Error as PlaywrightError

from course.languages import LANGUAGE_ROOTS

WORKER_DATA = re.compile(r"const OFFLINE = (\{.*?\});\n")
HOMES = LANGUAGE_ROOTS


def worker_data(site: Path) -> dict:
    return json.loads(WORKER_DATA.search((site / "sw.js").read_text(encoding="utf-8")).group(1))


@pytest.fixture
def own_site(course_site, tmp_path) -> Path:
    """A copy of the built course that a test may change and whose server it may stop."""
    return Path(shutil.copytree(course_site.site, tmp_path / "site"))


def test_worker_lists_every_page_of_a_language_and_no_page_of_another(course_site):
    site = course_site.site
    languages = worker_data(site)["languages"]
    for language, root in HOMES.items():
        pages = {path.parent.relative_to(site).as_posix() + "/" for path in (site / root).rglob("index.html")}
        if not root:
            pages = {page for page in pages if not page.startswith(("ru/", "tg/"))}
        listed = {url for url in languages[language] if url.endswith("/")}
        assert listed == pages, language
        assert "assets/course.css" in languages[language]
        assert all((site / url).exists() for url in languages[language] if not url.endswith("/"))


def test_every_language_has_a_manifest_in_its_language_with_the_course_logo(course_site):
    names = {"en": "UPR course", "ru": "Курс по УПО", "tg": "Курси ШУД"}
    for language, root in HOMES.items():
        manifest = json.loads((course_site.site / root / "manifest.webmanifest").read_text(encoding="utf-8"))
        assert manifest["lang"] == language
        assert manifest["short_name"] == names[language]
        assert manifest["start_url"] == "./"
        icons = {icon["sizes"]: (course_site.site / root / icon["src"]).resolve() for icon in manifest["icons"]}
        assert icons["any"] == (course_site.site / "assets" / "logo.svg").resolve()
        for size in ("192x192", "512x512"):  # PNG icons, which every phone browser can put on a home screen
            with Image.open(icons[size]) as image:
                assert f"{image.width}x{image.height}" == size and image.format == "PNG"
        page = course_site.page(f"{root}about/")
        assert '<link rel="manifest" href="../manifest.webmanifest">' in page
        touch = re.search(r'<link rel="apple-touch-icon" href="([^"]+)">', page)
        assert touch and (course_site.site / root / "about" / touch[1]).is_file()


def test_any_changed_file_gives_the_worker_a_new_version(tmp_path):
    from course.site import offline as course_offline

    (tmp_path / "ru" / "about").mkdir(parents=True)
    (tmp_path / "assets").mkdir()
    (tmp_path / "ru" / "about" / "index.html").write_text("<h1>О курсе</h1>", encoding="utf-8")
    (tmp_path / "assets" / "course.css").write_text("a {}", encoding="utf-8")
    lists = course_offline.language_files(tmp_path, {"ru": "ru/"})
    assert lists == {"ru": ["assets/course.css", "ru/about/"]}
    first = course_offline.version(tmp_path, lists)
    assert course_offline.version(tmp_path, lists) == first
    (tmp_path / "assets" / "course.css").write_text("a { color: red }", encoding="utf-8")
    assert course_offline.version(tmp_path, lists) != first


def test_the_worker_is_published_at_the_site_root_only(course_site):
    assert (course_site.site / "sw.js").is_file()
    assert not (course_site.site / "assets" / "sw.js").exists()
    assert "course:offline-data" not in (course_site.site / "sw.js").read_text(encoding="utf-8")


def wait_until_saved(page) -> None:
    page.locator("[data-offline-state=ready]").wait_for(timeout=60000)


@pytest.mark.browser
def test_after_a_first_visit_other_pages_of_that_language_open_with_no_connection(page_in, own_site):
    page = page_in()
    with browser.serve(own_site) as url:
        page.goto(url + "ru/")
        wait_until_saved(page)
        assert page.locator("[data-offline-status]").inner_text() == "Доступно офлайн"
    page.context.set_offline(True)  # and the server is gone
    page.goto(url + "ru/about/")
    assert page.locator("h1").first.inner_text().startswith("О курсе")
    wait_until_saved(page)
    assert page.locator("[data-offline-update]").inner_text() == "Обновить офлайн-копию"
    page.goto(url + "ru/modules/")
    assert page.locator("html").get_attribute("lang") == "ru"
    with pytest.raises(PlaywrightError, match="ERR_INTERNET_DISCONNECTED|ERR_FAILED"):
        page.goto(url + "about/")  # English was never read: it is not kept


@pytest.mark.browser
def test_update_button_downloads_the_current_pages_again(page_in, own_site):
    page = page_in()
    about = own_site / "tg" / "about" / "index.html"
    with browser.serve(own_site) as url:
        page.goto(url + "tg/")
        wait_until_saved(page)
        about.write_text(
            about.read_text(encoding="utf-8").replace("Дар бораи курс", "Дар бораи курс (нав)"), encoding="utf-8"
        )
        page.locator("[data-offline-update]").click()
        page.locator("[data-offline-state=updated]").wait_for(timeout=60000)
    page.context.set_offline(True)
    page.goto(url + "tg/about/")
    assert "(нав)" in page.locator("h1").first.inner_text()


@pytest.mark.browser
def test_a_new_build_replaces_the_saved_copy_when_the_reader_updates(page_in, own_site):
    page = page_in()
    worker = own_site / "sw.js"
    old = worker_data(own_site)["version"]
    with browser.serve(own_site) as url:
        page.goto(url)
        wait_until_saved(page)
        assert page.evaluate("caches.keys()") == [f"upr-course-offline-en-{old}"]
        worker.write_text(worker.read_text(encoding="utf-8").replace(old, "newbuild"), encoding="utf-8")
        page.locator("[data-offline-update]").click()
        page.locator("[data-offline-state=updated]").wait_for(timeout=60000)
        assert page.evaluate("caches.keys()") == ["upr-course-offline-en-newbuild"]


@pytest.mark.browser
def test_no_worker_and_no_indicator_on_file_urls(page_in, course_site):
    page = page_in()
    page.goto((course_site.site / "ru" / "about" / "index.html").as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.locator("[data-offline]").is_hidden()
    assert page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None
