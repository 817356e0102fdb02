"""The GitHub Pages workflow: tests and a strict build first, then the official Pages actions."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

WORKFLOW = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "publish.yml"
ACTIONLINT = Path(sys.executable).parent / "actionlint"  # pinned in requirements-test.txt
PINNED = re.compile(r"^\s*(?:-\s*)?uses:\s*([\w.-]+/[\w.-]+)@([0-9a-f]{40})\s+#\s*v\d+\.\d+\.\d+\s*$")


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps_of(job: dict) -> list[dict]:
    return job["steps"]


def uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps_of(job) if "uses" in step]


def index_of(job: dict, predicate) -> int:
    return next(number for number, step in enumerate(steps_of(job)) if predicate(step))


def test_runs_on_every_push_to_main(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare 'on' as True
    assert triggers["push"]["branches"] == ["main"]


def test_deploy_waits_for_the_job_that_tests_and_builds(workflow):
    jobs = workflow["jobs"]
    assert set(jobs) == {"test-and-build", "deploy"}
    needs = jobs["deploy"]["needs"]
    assert (needs if isinstance(needs, list) else [needs]) == ["test-and-build"]
    assert "if" not in jobs["deploy"]  # no always(): a failed test or build deploys nothing


def test_tests_run_in_debian_python_with_debian_chromium(workflow):
    job = workflow["jobs"]["test-and-build"]
    container = job["container"]
    assert (container["image"] if isinstance(container, dict) else container) == "python:3.11-bookworm"
    assert any(step.get("run", "").strip() == "bash .ci/run" for step in steps_of(job))


def test_tests_then_strict_build_then_upload_in_that_order(workflow):
    job = workflow["jobs"]["test-and-build"]
    tests = index_of(job, lambda step: step.get("run", "").strip() == "bash .ci/run")
    build = index_of(job, lambda step: step.get("run", "").strip() == "make build")
    upload = index_of(job, lambda step: step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert tests < build < upload
    assert steps_of(job)[upload]["with"]["path"] == "site"
    assert not any(step.get("continue-on-error") for step in steps_of(job))


def test_make_build_runs_mkdocs_strictly(monkeypatch):
    """The workflow's `make build` goes through course/build.py, whose builds (course/mkdocs_run.py)
    are --strict."""
    from course import build as course_build
    from course import mkdocs_run

    commands = []
    monkeypatch.setattr(
        mkdocs_run.subprocess, "run", lambda command, **_: commands.append(command) or SimpleNamespace(returncode=0)
    )
    assert course_build.mkdocs_build is mkdocs_run.mkdocs_build
    assert mkdocs_run.mkdocs_build(Path("mkdocs.yml"), Path("site")) == 0
    assert commands and commands[0][1:4] == ["-m", "mkdocs", "build"] and "--strict" in commands[0]


def test_site_url_comes_from_configure_pages(workflow):
    job = workflow["jobs"]["test-and-build"]
    pages = index_of(job, lambda step: step.get("uses", "").startswith("actions/configure-pages@"))
    build = index_of(job, lambda step: step.get("run", "").strip() == "make build")
    assert pages < build
    step_id = steps_of(job)[pages]["id"]
    site_url = steps_of(job)[build]["env"]["SITE_URL"]
    assert site_url.replace(" ", "") == f"${{{{steps.{step_id}.outputs.base_url}}}}/"


def test_only_the_official_pages_actions_publish(workflow):
    jobs = workflow["jobs"]
    assert uses(jobs["test-and-build"]) == [
        "actions/checkout",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
    ]
    assert uses(jobs["deploy"]) == ["actions/deploy-pages"]
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "gh-deploy" not in WORKFLOW.read_text(encoding="utf-8")


def actionlint(workflow: Path) -> subprocess.CompletedProcess:
    """actionlint with the options `make test` gives it, on one workflow file."""
    return subprocess.run(
        [str(ACTIONLINT), "-shellcheck=", "-pyflakes=", str(workflow)], capture_output=True, text=True, check=False
    )


def test_every_action_is_pinned_to_a_release_commit():
    lines = [line for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s*)?uses:", line)]
    assert len(lines) == 4
    for line in lines:
        assert PINNED.match(line), f"not pinned to a commit with its version beside it: {line.strip()}"


def test_actionlint_finds_nothing_in_the_workflow():
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_fails_on_an_action_whose_runtime_is_removed(tmp_path):
    """The check make test runs would have caught configure-pages v5 (Node 20)."""
    old = re.sub(
        r"actions/configure-pages@\S+\s+#\s*\S+", "actions/configure-pages@v5", WORKFLOW.read_text(encoding="utf-8")
    )
    (tmp_path / "publish.yml").write_text(old, encoding="utf-8")
    result = actionlint(tmp_path / "publish.yml")
    assert result.returncode == 1
    assert "node20" in result.stdout and "actions/configure-pages@v5" in result.stdout
