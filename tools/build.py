"""`make build`: a strict build that replaces site/ only when it succeeds.

MkDocs writes into a fresh temporary folder beside site/; a failed build deletes it and
leaves the previous site/ untouched, so a broken build can never be published.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def strict_build(config_file: Path, target: Path) -> int:
    """Build config_file into target atomically; return mkdocs' exit code."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-build-", dir=target.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--config-file", str(config_file), "--site-dir", str(staging)]
    try:
        result = subprocess.run(command, env=env, cwd=config_file.parent)
        if result.returncode != 0:
            return result.returncode
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
        return 0
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def main() -> int:
    code = strict_build(PROJECT / "mkdocs.yml", PROJECT / "site")
    if code != 0:
        print("Build failed: site/ was left as it was. Fix the problems listed above.", file=sys.stderr)
    else:
        print("Built the course into site/")
    return code


if __name__ == "__main__":
    sys.exit(main())
