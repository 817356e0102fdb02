"""One strict MkDocs build in a child process, and the same build replacing a folder only
when it succeeds (what `make build`, `make handouts` and `make bench` run)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from course.trainer.pages import HANDOUT_PDFS


def mkdocs_build(config_file: Path, site: Path, pdfs: bool = False) -> int:
    """One strict MkDocs build of config_file into site; return mkdocs' exit code. With pdfs,
    the pages link the PDF handouts that the caller will add (course/trainer/pages.py)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if pdfs:
        env[HANDOUT_PDFS] = "1"
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--clean",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(site),
    ]
    return subprocess.run(command, env=env, cwd=config_file.parent).returncode


def strict_build(config_file: Path, target: Path) -> int:
    """Build config_file into target atomically; return mkdocs' exit code."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-build-", dir=target.parent))
    try:
        code = mkdocs_build(config_file, staging)
        if code == 0:
            replace_folder(staging, target)
        return code
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def replace_folder(new: Path, target: Path) -> None:
    """Put new where target was (target, if any, is removed first)."""
    if target.exists():
        shutil.rmtree(target)
    new.rename(target)
