"""Building sites for the tests: the real course, or a small site from fixture content.

A small site is the project's own mkdocs.yml, hooks and overrides with test content, copied
into a temporary folder so that nothing is ever written into the repository.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
FIXTURE_SITE = Path(__file__).resolve().parent / "fixtures" / "site"
CORRECTIONS_EMAIL = "team@upr-course.org"  # the small site's corrections address
BUILD_SETTINGS = ("SITE_URL", "CORRECTIONS_EMAIL", "COURSE_REPOSITORY")  # read by mkdocs.yml
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides", "docs/assets", "quizzes/quiz.schema.json", "ui_strings.yml")


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path
    project: Path

    def page(self, url_path: str) -> str:
        """HTML of a built page, by its URL path ('ru/modules/01-sample/')."""
        target = self.site / url_path
        if url_path == "" or url_path.endswith("/"):
            target = target / "index.html"
        return target.read_text(encoding="utf-8")


@dataclass
class Published:
    """What `make build` publishes: the website (with its PDF files) and the offline zip."""

    site: Path
    archive: Path
    url: str  # where the website is served, the address it was built for


def make_project(destination: Path, content: Path = FIXTURE_SITE) -> Path:
    """Copy the project's build setup and the given content into destination."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = PROJECT / part
        target = destination / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    for item in content.iterdir():
        target = destination / item.name
        if item.is_dir():
            shutil.copytree(item, target, dirs_exist_ok=True)
        else:
            shutil.copy2(item, target)
    _stub_missing_nav_pages(destination)
    return destination


def _stub_missing_nav_pages(project: Path) -> None:
    """Give every page the real nav names a small English stand-in, so the fixture needs no
    update each time the course gains a site page."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config[config.index("\nnav:") :]
    end = re.search(r"\n\S", nav[1:])
    nav = nav[: end.start() + 1] if end else nav
    for page in re.findall(r"([\w/-]+)\.md", nav):
        docs = project / "docs"
        if (docs / f"{page}.md").exists() or (docs / f"{page}.en.md").exists():
            continue
        stub = docs / f"{page}.en.md"
        stub.parent.mkdir(parents=True, exist_ok=True)
        title = page.rsplit("/", 1)[-1].replace("-", " ").capitalize()
        stub.write_text(f"---\ntitle: {title}\n---\n\n# {title}\n\nA stand-in for the tests.\n", encoding="utf-8")


def build(project: Path, site: Path | None = None, config: str = "mkdocs.yml", env: dict | None = None) -> BuildResult:
    """Run a strict MkDocs build of project into site and capture everything it prints."""
    site = site or project.parent / f"{project.name}-site"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    for name in BUILD_SETTINGS:  # the developer's own settings never reach a test build
        if name not in (env or {}):
            environment.pop(name, None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(project / config),
            "--site-dir",
            str(site),
        ],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
    )
    return BuildResult(result.returncode, result.stdout + result.stderr, site, project)
