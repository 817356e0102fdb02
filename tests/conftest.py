"""Shared fixtures: a small site built from test content, and the real course built once.

`make test` runs the tests on two processes (pytest-xdist, each test file on one of them). A site
that several files read is built once for the whole run, by whichever process asks first; the
other waits for it and reads the same folder (`built_once`, and `published`).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import sitebuild
from filelock import FileLock


def shared_folder(factory: pytest.TempPathFactory) -> Path:
    """The temporary folder every test process of this run sees."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(
    factory: pytest.TempPathFactory, name: str, make: Callable[[Path], sitebuild.BuildResult]
) -> sitebuild.BuildResult:
    """make(folder) run once per test run, whatever the number of test processes; its result
    is kept beside the folder for the processes that ask later."""
    shared = shared_folder(factory)
    folder = shared / f"built-{name}"
    record = shared / f"built-{name}.json"
    with FileLock(str(shared / f"built-{name}.lock")):
        if record.is_file():
            data = json.loads(record.read_text(encoding="utf-8"))
            return sitebuild.BuildResult(data["returncode"], data["output"], Path(data["site"]), Path(data["project"]))
        folder.mkdir(parents=True, exist_ok=True)
        result = make(folder)
        data = {"returncode": result.returncode, "output": result.output}
        record.write_text(json.dumps({**data, "site": str(result.site), "project": str(result.project)}), "utf-8")
        return result


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """A fresh copy of the fixture site's sources that a test may change before building."""
    return sitebuild.make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> sitebuild.BuildResult:
    """The fixture site, built once with --strict, with the maintainers' address for corrections."""

    def make(folder: Path) -> sitebuild.BuildResult:
        project = sitebuild.make_project(folder / "project")
        return sitebuild.build(project, env={"CORRECTIONS_EMAIL": sitebuild.CORRECTIONS_EMAIL})

    result = built_once(tmp_path_factory, "small", make)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def course_site(tmp_path_factory: pytest.TempPathFactory) -> sitebuild.BuildResult:
    """The real course, built once per test run with --strict, outside the repository."""
    result = built_once(tmp_path_factory, "course", lambda folder: sitebuild.build(sitebuild.PROJECT, folder / "site"))
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def course_wide_site(tmp_path_factory: pytest.TempPathFactory) -> sitebuild.BuildResult:
    """The fixture site with a course-wide diagnostic quiz (tests/fixtures/course-wide/), built once."""
    import shutil

    def make(folder: Path) -> sitebuild.BuildResult:
        project = sitebuild.make_project(folder / "project")
        for quiz in (sitebuild.PROJECT / "tests/fixtures/course-wide").glob("*.yml"):
            shutil.copy(quiz, project / "quizzes" / quiz.name)
        return sitebuild.build(project)

    result = built_once(tmp_path_factory, "course-wide", make)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def course_bundle_build(tmp_path_factory: pytest.TempPathFactory) -> sitebuild.BuildResult:
    """The real course's offline bundle (mkdocs.offline.yml), built once per test run."""

    def make(folder: Path) -> sitebuild.BuildResult:
        return sitebuild.build(sitebuild.PROJECT, folder / "site", config="mkdocs.offline.yml")

    result = built_once(tmp_path_factory, "bundle", make)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def chromium():
    """One Chromium for the whole run (Debian's, never a downloaded one)."""
    import browser

    browser.require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=browser.CHROMIUM, args=browser.CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page_in(chromium):
    """A factory for fresh browser pages (own storage each); closed after the test."""
    contexts = []

    def new_page(**options):
        context = chromium.new_context(**options)
        contexts.append(context)
        return context.new_page()

    yield new_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def small_server(small_site):
    import browser

    with browser.serve(small_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def course_server(course_site):
    import browser

    with browser.serve(course_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    """The real course as `make build` makes it (course/build.py: the website and the offline
    zip, both with the PDF handouts), served on loopback at the address it was built for.
    Built once per test run; each test process serves it on that same port."""
    import browser

    from course import build as course_build

    shared = shared_folder(tmp_path_factory)
    work, record = shared / "built-published", shared / "built-published.json"
    site, dist = work / "site", work / "dist"
    lock = FileLock(str(shared / "built-published.lock"))
    users = shared / "built-published.users"  # how many test processes serve it now
    with ExitStack() as stack:
        with lock:
            if record.is_file():  # built by another test process: serve it where it was built for
                port = urlsplit(json.loads(record.read_text(encoding="utf-8"))["url"]).port
                assert port, f"{record} names no port"
                url = stack.enter_context(browser.serve(site, port=port, share_port=True))
            else:
                site.mkdir(parents=True)
                url = stack.enter_context(browser.serve(site, share_port=True))
                with pytest.MonkeyPatch.context() as patch:
                    patch.setenv("SITE_URL", url)
                    for name in sitebuild.BUILD_SETTINGS[1:]:
                        patch.delenv(name, raising=False)
                    built = course_build.build_all(sitebuild.PROJECT, site, dist)
                record.write_text(json.dumps({"url": url, "returncode": built}), encoding="utf-8")
            _count(users, +1)
        try:
            assert json.loads(record.read_text(encoding="utf-8"))["returncode"] == 0, "make build failed"
            yield sitebuild.Published(site, dist / course_build.ZIP_NAME, url)
        finally:
            # The system hands each connection to one of the processes on the port: one that
            # stopped serving while another still loads pages would drop some of them. So each
            # serves until no process needs the site any more (at the end of their tests).
            with lock:
                _count(users, -1)
            deadline = time.monotonic() + 900
            while time.monotonic() < deadline:
                with lock:
                    if _count(users, 0) == 0:
                        stack.close()  # inside the lock: no process starts serving meanwhile
                        break
                time.sleep(0.2)


def _count(file: Path, change: int) -> int:
    """A number kept in a file (0 when there is none yet), changed by change; the new number."""
    number = (int(file.read_text(encoding="utf-8")) if file.is_file() else 0) + change
    file.write_text(str(number), encoding="utf-8")
    return number
