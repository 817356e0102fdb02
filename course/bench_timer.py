"""A hook for `make bench` only: how long each page takes to build, from its first event
to its last, and how long the quiz files take to load and check once per build.

The page build is two phases in MkDocs, timed apart: Markdown to HTML (where the quiz
engine renders a quiz page's questions), then the theme and the search index. Results go as JSON to the file named by BENCH_TIMINGS.
"""

from __future__ import annotations

import json
import os
import time

from mkdocs.plugins import event_priority

FIRST, LAST = 100_000, -100_000
_pages: dict[str, list[float]] = {}  # page -> [Markdown to HTML with the hooks' content, theme and search]
_started: dict[str, float] = {}
_files: dict[str, float] = {}  # language -> seconds from the first on_files hook to the last on_nav one
_files_started: dict[str, float] = {}


def _build(config) -> str:
    """Which language build this is: static-i18n keeps site_dir, but sets the theme language."""
    return str(config.theme["language"])


def _key(page, config) -> str:
    return f"{_build(config)}|{page.file.src_uri}"


@event_priority(FIRST)
def on_files(files, config):
    _files_started[_build(config)] = time.perf_counter()
    return files


@event_priority(LAST)
def on_nav(nav, config, files):
    seconds = time.perf_counter() - _files_started.pop(_build(config))  # every on_files hook, quizzes included
    _files[_build(config)] = _files.get(_build(config), 0.0) + seconds
    return nav


@event_priority(FIRST)
def on_pre_page(page, config, files):
    _started[_key(page, config)] = time.perf_counter()
    return page


@event_priority(LAST)
def on_page_content(html, page, config, files):
    key = _key(page, config)
    _pages.setdefault(key, [0.0, 0.0])[0] += time.perf_counter() - _started.pop(key)
    return html


@event_priority(FIRST)
def on_page_context(context, page, config, nav):
    _started[_key(page, config)] = time.perf_counter()
    return context


@event_priority(LAST)
def on_post_page(output, page, config):
    key = _key(page, config)
    _pages.setdefault(key, [0.0, 0.0])[1] += time.perf_counter() - _started.pop(key)
    return output


@event_priority(LAST)
def on_post_build(config):
    target = os.environ.get("BENCH_TIMINGS")
    if not target:
        return
    # static-i18n may build each language with its own copy of this module: merge, keyed by language
    found = {"pages": {}, "files": {}}
    if os.path.exists(target):
        with open(target, encoding="utf-8") as handle:
            found = json.load(handle)
    found["pages"].update(
        {key.split("|", 1)[1] + "@" + key.split("|", 1)[0]: seconds for key, seconds in _pages.items()}
    )
    found["files"].update(_files)
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(found, handle)
