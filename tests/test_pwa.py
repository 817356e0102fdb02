"""Offline reading on phones: the service worker, the manifests and the footer indicator."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import axe
import browser
import pytest
from PIL import Image
from playwright.sync_api import expect

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
        assert any(url.startswith("assets/course.css?v=") for url in languages[language])
        files = [url.split("?")[0] for url in languages[language] if not url.endswith("/")]
        assert all((site / name).exists() for name in files)


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
    versioned = course_offline.language_files(tmp_path, {"ru": "ru/"}, {"assets/course.css": "0123456789"})
    assert versioned == {"ru": ["assets/course.css?v=0123456789", "ru/about/"]}
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


def our_caches(page) -> list[str]:
    return page.evaluate("async () => (await caches.keys()).filter(name => name.startsWith('upr-course-offline'))")


@pytest.mark.browser
def test_after_a_first_visit_other_pages_of_that_language_open_with_no_connection(page_in, own_site):
    page = page_in()
    with browser.serve(own_site, no_store=True) as url:
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


@pytest.mark.browser
def test_update_button_downloads_the_current_pages_again(page_in, own_site):
    page = page_in()
    about = own_site / "tg" / "about" / "index.html"
    with browser.serve(own_site, no_store=True) as url:
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
    with browser.serve(own_site, no_store=True) as url:
        page.goto(url)
        wait_until_saved(page)
        assert our_caches(page) == [f"upr-course-offline:/:en:{old}"]
        worker.write_text(worker.read_text(encoding="utf-8").replace(old, "newbuild"), encoding="utf-8")
        page.locator("[data-offline-update]").click()
        page.locator("[data-offline-state=updated]").wait_for(timeout=60000)
        assert our_caches(page) == ["upr-course-offline:/:en:newbuild"]


@pytest.mark.browser
def test_no_worker_and_no_indicator_on_file_urls(page_in, course_site):
    page = page_in()
    page.goto((course_site.site / "ru" / "about" / "index.html").as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.locator("[data-offline]").is_hidden()
    assert page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None


# --- what a phone keeps: only what its language needs ------------------------------------


def test_each_language_keeps_only_the_search_scripts_its_index_loads(course_site):
    from course.site import offline as course_offline

    site = course_site.site
    languages = worker_data(site)["languages"]
    for language, root in HOMES.items():
        index = json.loads((site / root / "search/search_index.json").read_text(encoding="utf-8"))
        kept = sorted(url for url in languages[language] if url.startswith(course_offline.LUNR_FOLDER))
        assert kept == sorted(course_offline.search_scripts(index["config"]["lang"])), language
        assert all((site / url).is_file() for url in kept)
    assert not [url for url in languages["en"] if "lunr" in url]  # English needs none of them
    assert "assets/javascripts/lunr/min/lunr.tg.min.js" in languages["tg"]  # Tajik's own (letter fold, stemmer)


def test_references_to_course_assets_carry_their_version():
    from course.site import offline as course_offline

    versions = {"assets/quiz.js": "1111111111", "assets/javascripts/workers/course-search.js": "2222222222"}
    html = (
        '<script src="../../assets/quiz.js"></script><link href="../../assets/logo.svg">'
        '<script id="__config">{"search": "../../assets/javascripts/workers/course-search.js#search.x.min.js"}</script>'
        '<a href="../../assets/quiz.js?lang=ru#top">'
    )
    stamped = course_offline.version_references(html, "ru/about/index.html", versions)
    assert '<script src="../../assets/quiz.js?v=1111111111"></script>' in stamped
    assert '<link href="../../assets/logo.svg">' in stamped  # not a versioned asset
    assert '"../../assets/javascripts/workers/course-search.js?v=2222222222#search.x.min.js"' in stamped
    assert 'href="../../assets/quiz.js?lang=ru&v=1111111111#top"' in stamped


def test_download_pages_say_what_the_phone_keeps_and_how_big_it_is(course_site):
    sizes = {"": r"about \d+\.\d MB", "ru/": r"около \d+,\d МБ", "tg/": r"тақрибан \d+,\d МБ"}
    for root, size in sizes.items():
        html = course_site.page(f"{root}download/")
        assert 'id="on-this-device"' in html
        assert re.search(f'data-offline-size="{size}"', html), root
        assert "data-offline-remove" in html and "data-offline-keep" in html


# --- in the browser, served with no-store so that only the worker can keep anything -------


@pytest.mark.browser
def test_a_phone_keeps_its_language_and_searches_it_with_no_connection(page_in, own_site):
    from test_search import TAJIK_WORDS, search

    page = page_in(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    with browser.serve(own_site, no_store=True) as url:
        page.goto(url + "tg/")
        wait_until_saved(page)
        saved = page.evaluate(
            "async () => { const urls = []; for (const name of await caches.keys())"
            " for (const r of await (await caches.open(name)).keys()) urls.push(r.url); return urls; }"
        )
    assert not [address for address in saved if re.search(r"lunr\.(ar|ja|th|zh|de)\.min\.js|tinyseg|wordcut", address)]
    page.context.set_offline(True)
    page.goto(url + "tg/about/")
    page.locator("label.md-header__button[for=__search]").tap()  # the phone's search button
    assert search(page, TAJIK_WORDS[0]), "Tajik search found nothing offline"


@pytest.mark.browser
def test_two_builds_on_one_origin_keep_their_own_copies(page_in, course_site, tmp_path):
    origin = tmp_path / "origin"
    for name in ("first", "second"):
        shutil.copytree(course_site.site, origin / name)
    second = origin / "second" / "sw.js"
    version = worker_data(origin / "second")["version"]
    second.write_text(second.read_text(encoding="utf-8").replace(version, "0000000000000000"), encoding="utf-8")
    page = page_in()
    with browser.serve(origin, no_store=True) as url:
        page.goto(url + "first/")
        wait_until_saved(page)
        page.goto(url + "second/")
        wait_until_saved(page)
        assert sorted(our_caches(page)) == [
            f"upr-course-offline:/first/:en:{version}",
            "upr-course-offline:/second/:en:0000000000000000",
        ]
    page.context.set_offline(True)
    page.goto(url + "first/about/")
    assert page.locator("h1").first.inner_text().startswith("About")


@pytest.mark.browser
def test_a_missing_file_is_retried_later_not_at_every_page_view(page_in, own_site):
    lost = own_site / "tg" / "modules" / "02-upr-mechanism" / "upr-cycle.svg"
    kept = lost.read_bytes()
    lost.unlink()
    requested: list[str] = []
    page = page_in()
    with browser.serve(own_site, no_store=True, requested=requested) as url:
        page.goto(url + "tg/")
        page.locator("[data-offline-state=failed]").wait_for(timeout=60000)
        assert "/tg/modules/02-upr-mechanism/upr-cycle.svg" in requested
        first_visit = len(requested)
        requested.clear()
        page.goto(url + "tg/about/")
        page.locator("[data-offline-state=failed]").wait_for(timeout=60000)
        # the page itself is asked for; the files of the copy are not, not even the lost one
        listed = {"/" + address for address in worker_data(own_site)["languages"]["tg"]}
        again = [path for path in requested if path in listed and path != "/tg/about/"]
        assert again == [], f"{len(again)} files asked for again (first visit: {first_visit} requests)"

        lost.write_bytes(kept)  # the file is back, and the waiting time is over
        page.evaluate(
            """async () => {
              const name = (await caches.keys()).find(n => n.startsWith('upr-course-offline:/:tg:'));
              const cache = await caches.open(name);
              const key = (await cache.keys()).find(r => r.url.includes('__course-offline-state__/tg'));
              const state = await (await cache.match(key)).json();
              state.next = 0;
              await cache.put(key, new Response(JSON.stringify(state)));
            }"""
        )
        requested.clear()
        page.goto(url + "tg/glossary/")
        wait_until_saved(page)
        again = [path for path in requested if path in listed and path != "/tg/glossary/"]
        assert again == ["/tg/modules/02-upr-mechanism/upr-cycle.svg"]


@pytest.mark.browser
def test_offline_a_page_never_saved_shows_the_readers_language_and_what_is_saved(page_in, own_site):
    page = page_in(viewport={"width": 360, "height": 740}, is_mobile=True)
    with browser.serve(own_site, no_store=True) as url:
        page.goto(url + "ru/about/")
        wait_until_saved(page)
    page.context.set_offline(True)
    page.goto(url + "about/", referer=url + "ru/about/")  # English was never read: it is not kept
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("h1")).to_have_text("Нет подключения к интернету")
    saved = page.locator("li:visible")
    expect(saved).to_have_count(1)
    expect(saved).to_contain_text("Русский: главная страница курса · эта страница")
    assert axe.serious_violations(page) == []
    saved.get_by_role("link", name="эта страница").click()
    expect(page.locator("h1").first).to_contain_text("О курсе")
    assert page.url == url + "ru/about/"
    page.goto(url + "tg/modules/")  # no referrer: the saved language's page
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    page.get_by_role("link", name="главная страница курса").click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    assert page.url == url + "ru/"


@pytest.mark.browser
def test_after_a_new_publication_the_first_page_runs_the_new_script_and_style(page_in, small_project, tmp_path):
    import sitebuild

    served = tmp_path / "served"
    first = sitebuild.build(small_project, tmp_path / "first")
    assert first.returncode == 0, first.output
    shutil.copytree(first.site, served)
    page = page_in()
    with browser.serve(served, no_store=True) as url:
        page.goto(url + "quizzes/01-sample/")
        wait_until_saved(page)
        page.reload()  # now answered by the worker, from the saved copy
        assert page.evaluate("window.courseBuild") is None

        assets = small_project / "docs" / "assets"
        with (assets / "quiz.js").open("a", encoding="utf-8") as script:
            script.write('\nwindow.courseBuild = "second";\n')
        with (assets / "course.css").open("a", encoding="utf-8") as style:
            style.write("\n:root { --mdx-build: second; }\n")
        second = sitebuild.build(small_project, tmp_path / "second")
        assert second.returncode == 0, second.output
        shutil.rmtree(served)
        shutil.copytree(second.site, served)  # published

        page.goto(url + "quizzes/01-sample/")  # the previous build's worker still answers
        assert page.evaluate("window.courseBuild") == "second"
        build = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--mdx-build')")
        assert build.strip() == "second"


@pytest.mark.browser
def test_the_reader_can_remove_the_offline_copy_and_keep_one_again(page_in, own_site):
    page = page_in(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    with browser.serve(own_site, no_store=True) as url:
        page.goto(url + "tg/download/")
        wait_until_saved(page)
        box = page.locator("[data-offline-storage]")
        expect(box.locator("[data-offline-storage-status]")).to_have_text(
            re.compile(r"^Дар ин дастгоҳ нусхаи курс .* \(тақрибан \d+,\d МБ\)\.$")
        )
        assert our_caches(page)
        box.get_by_role("button", name="Нусхаи офлайнро аз ин дастгоҳ нест кардан").tap()
        expect(box.locator("[data-offline-storage-status]")).to_contain_text(
            "Нусхаи офлайн аз ин дастгоҳ нест карда шуд."
        )
        expect(page.locator("[data-offline]")).to_be_hidden()
        expect(box.get_by_role("button", name="Нигоҳ доштани нусха барои хондан бе интернет")).to_be_focused()
        assert our_caches(page) == []
        assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0

        page.goto(url + "tg/about/")  # another page: nothing is saved again
        page.wait_for_timeout(1500)
        assert our_caches(page) == []
        assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
        expect(page.locator("[data-offline]")).to_be_hidden()

        page.goto(url + "tg/download/")
        box = page.locator("[data-offline-storage]")
        expect(box.locator("[data-offline-storage-status]")).to_have_text(
            "Дар ин дастгоҳ нусхаи курс барои хондан бе интернет нигоҳ дошта намешавад."
        )
        box.get_by_role("button", name="Нигоҳ доштани нусха барои хондан бе интернет").tap()
        wait_until_saved(page)
        assert our_caches(page)
        assert axe.serious_violations(page) == []
