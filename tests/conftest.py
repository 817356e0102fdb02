"""Shared fixtures: a small site built from test content, and the real course built once."""

from __future__ import annotations

from pathlib import Path

import pytest
import sitebuild


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """A fresh copy of the fixture site's sources that a test may change before building."""
    return sitebuild.make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> sitebuild.BuildResult:
    """The fixture site, built once with --strict, with the maintainers' address for corrections."""
    project = sitebuild.make_project(tmp_path_factory.mktemp("small") / "project")
    result = sitebuild.build(project, env={"CORRECTIONS_EMAIL": sitebuild.CORRECTIONS_EMAIL})
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def course_site(tmp_path_factory: pytest.TempPathFactory) -> sitebuild.BuildResult:
    """The real course, built once per test run with --strict, outside the repository."""
    site = tmp_path_factory.mktemp("course") / "site"
    result = sitebuild.build(sitebuild.PROJECT, site)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def course_wide_site(tmp_path_factory: pytest.TempPathFactory) -> sitebuild.BuildResult:
    """The fixture site with a course-wide diagnostic quiz (tests/fixtures/course-wide/), built once."""
    import shutil

    project = sitebuild.make_project(tmp_path_factory.mktemp("course-wide") / "project")
    for quiz in (sitebuild.PROJECT / "tests/fixtures/course-wide").glob("*.yml"):
        shutil.copy(quiz, project / "quizzes" / quiz.name)
    result = sitebuild.build(project)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def course_bundle_build(tmp_path_factory: pytest.TempPathFactory) -> sitebuild.BuildResult:
    """The real course's offline bundle (mkdocs.offline.yml), built once per test run."""
    site = tmp_path_factory.mktemp("bundle") / "site"
    result = sitebuild.build(sitebuild.PROJECT, site, config="mkdocs.offline.yml")
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
    zip, both with the PDF handouts), served on loopback at the address it was built for."""
    import browser

    from course import build as course_build

    work = tmp_path_factory.mktemp("published")
    site, dist = work / "site", work / "dist"
    site.mkdir()
    with browser.serve(site) as url, pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", url)
        for name in sitebuild.BUILD_SETTINGS[1:]:
            patch.delenv(name, raising=False)
        assert course_build.build_all(sitebuild.PROJECT, site, dist) == 0
        yield sitebuild.Published(site, dist / course_build.ZIP_NAME, url)
