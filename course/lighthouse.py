"""Lighthouse scores for `make bench`: every page type in every language, as a phone sees them.

Lighthouse (the npm package pinned in tools/lighthouse/, installed by the Makefile into
.cache/) runs with its mobile defaults (a mid-range phone, slow 4G, 4x CPU slowdown, all
simulated) in Debian's Chromium (CHROME_PATH) against the built site, served on loopback
with gzip as GitHub Pages serves it. A page whose figure lands near a goal is measured
three times and its median counts, because timings vary from run to run.

    .venv/bin/python -m course.lighthouse [site-folder]    # the table alone, for a built site
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from course import browsing
from course.languages import LANGUAGE_ROOTS

PROJECT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_VERSION = "12.8.2"  # as in tools/lighthouse/package.json
LIGHTHOUSE = (
    PROJECT / ".cache" / f"lighthouse-{LIGHTHOUSE_VERSION}" / "node_modules" / "lighthouse" / "cli" / "index.js"
)
CHROME = os.environ.get("CHROME_PATH", browsing.CHROMIUM)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
NEAR = 3  # a score within this many points of its goal (or under it) is measured three times


def page_types(site: Path) -> dict[str, str]:
    """The page of each type, as a path under a language root."""
    module = sorted(p.parent.name for p in (site / "modules").glob("*/index.html"))[0]
    quiz = sorted(p.parent.name for p in (site / "quizzes").glob("*/index.html"))[0]
    return {
        "home": "",
        "module": f"modules/{module}/",
        "quiz": f"quizzes/{quiz}/",
        "progress": "progress/",
        "glossary": "glossary/",
    }


def run_once(url: str, report: Path) -> dict:
    """One Lighthouse run with its mobile defaults; the scores (0-100) and key timings."""
    if not LIGHTHOUSE.is_file():
        raise SystemExit(f"bench: {LIGHTHOUSE} is missing; run `make bench`, which installs Lighthouse")
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ]
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, text=True)
    if result.returncode != 0 or not report.is_file():
        raise SystemExit(f"bench: Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise SystemExit(f"bench: Lighthouse could not load {url}: {data['runtimeError']}")
    scores = {name: round((data["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    audits = data["audits"]
    timings = {
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
    }
    failed = sorted(
        ref["id"]
        for category in CATEGORIES[1:]  # performance is judged by its score
        for ref in data["categories"][category]["auditRefs"]
        if ref["weight"] and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
    )
    timings["benchmark_index"] = data.get("environment", {}).get("benchmarkIndex", 0)
    return {"scores": scores, "timings": timings, "failed": failed}


def near_a_goal(scores: dict[str, int]) -> bool:
    return any(scores[name] < GOALS[name] + NEAR and GOALS[name] < 100 for name in CATEGORIES) or any(
        scores[name] < GOALS[name] for name in CATEGORIES
    )


def measure(site: Path, reports: Path | None = None) -> list[dict]:
    """Lighthouse on every page type in every language; medians of three near a goal."""
    rows = []
    with (
        tempfile.TemporaryDirectory(prefix="upr-lighthouse-") as scratch,
        browsing.serve(site, compress=True) as base,
    ):
        folder = reports or Path(scratch)
        shutil.rmtree(folder, ignore_errors=True)  # only this run's reports
        folder.mkdir(parents=True)
        for language, root in LANGUAGE_ROOTS.items():
            for kind, path in page_types(site).items():
                name = f"{language}-{kind}"
                runs = [run_once(base + root + path, folder / f"{name}-1.json")]
                if near_a_goal(runs[0]["scores"]):
                    runs += [run_once(base + root + path, folder / f"{name}-{n}.json") for n in (2, 3)]
                rows.append({"language": language, "kind": kind, "path": "/" + root + path, **median_run(runs)})
                print(f"  lighthouse {name}: {rows[-1]['scores']}", file=sys.stderr, flush=True)
    return rows


def median_run(runs: list[dict]) -> dict:
    scores = {name: int(statistics.median(run["scores"][name] for run in runs)) for name in CATEGORIES}
    timings = {name: statistics.median(run["timings"][name] for run in runs) for name in runs[0]["timings"]}
    failed = sorted({audit for run in runs for audit in run["failed"]})
    return {"scores": scores, "timings": timings, "failed": failed, "runs": len(runs)}


def table(rows: list[dict]) -> str:
    """Markdown: one row per page, each figure marked when it misses its goal."""
    lines = [
        "| page | performance | accessibility | best practices | SEO | TBT | LCP | runs | failed audits |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        figures = [
            f"{row['scores'][name]}" + ("" if row["scores"][name] >= GOALS[name] else " (below goal)")
            for name in CATEGORIES
        ]
        timings = row["timings"]
        lines.append(
            f"| `{row['path']}` | " + " | ".join(figures) + f" | {timings['tbt_ms']:.0f} ms | "
            f"{timings['lcp_ms'] / 1000:.1f} s | {'median of 3' if row['runs'] == 3 else '1'} | "
            f"{', '.join(row['failed']) or '-'} |"
        )
    goals = ", ".join(f"{name} >= {goal}" for name, goal in GOALS.items())
    met = all(row["scores"][name] >= GOALS[name] for row in rows for name in CATEGORIES)
    speed = statistics.median(row["timings"]["benchmark_index"] for row in rows)
    lines.append("")
    lines.append(f"Goals ({goals}): {'met on every page' if met else 'NOT met on every page'}.")
    lines.append(
        f"Lighthouse {LIGHTHOUSE_VERSION}, mobile defaults, gzip; this machine's benchmark index was {speed:.0f} "
        "(Lighthouse's CPU yardstick: lower means a busier or slower machine, and lower scores)."
    )
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else PROJECT / "site"
    if not (site / "index.html").is_file():
        raise SystemExit(f"bench: {site} holds no built site; run `make build` first")
    print(table(measure(site, PROJECT / "dist" / "lighthouse")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
