"""Shared fixtures: a small site built from test content, and the real course built once.

`make test` runs the tests on two processes (pytest-xdist, each test file on one of them). A site
that several files read is built once for the whole run, by whichever process asks first; the
other waits for it and reads the same folder (`built_once`, and `published`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

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
    with FileLock(str(shared / "built-published.lock")):
        if record.is_file():
            url = json.loads(record.read_text(encoding="utf-8"))["url"]
            serving = browser.serve(site, port=int(url.rsplit(":", 1)[1].strip("/")), share_port=True)
            base = serving.__enter__()
        else:
            site.mkdir(parents=True)
            serving = browser.serve(site, share_port=True)
            base = serving.__enter__()
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("SITE_URL", base)
                for name in sitebuild.BUILD_SETTINGS[1:]:
                    patch.delenv(name, raising=False)
                built = course_build.build_all(sitebuild.PROJECT, site, dist)
            record.write_text(json.dumps({"url": base, "returncode": built}), encoding="utf-8")
    try:
        assert json.loads(record.read_text(encoding="utf-8"))["returncode"] == 0, "make build failed"
        yield sitebuild.Published(site, dist / course_build.ZIP_NAME, base)
    finally:
        serving.__exit__(None, None, None)
