"""The offline bundle: what differs from the online site, as plain functions.

The bundle is the same course built with mkdocs.offline.yml (Material's offline plugin:
.html URLs, search from a script) and zipped by course/build.py. Pages may hold two variants
of a passage; the build keeps the one for its kind of site:

    <!-- course:online -->  ...shown on the website...   <!-- course:end -->
    <!-- course:offline --> ...shown in the bundle...    <!-- course:end -->

A link written `[text](course:offline-zip)` becomes a link to the bundle on the website.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

ZIP_NAME = "upr-course-offline.zip"
ZIP_URL = f"download/{ZIP_NAME}"  # where course/build.py puts the bundle inside the website
ZIP_LINK = 'href="course:offline-zip"'
SHIM_FOLDER = ".cache/iframe-worker-1.0.4"  # npm package iframe-worker 1.0.4 (MIT), fetched by the Makefile
SHIM_FILES = ("shim.js", "LICENSE")
SHIM_SITE_FOLDER = "assets/third-party/iframe-worker"  # must contain "iframe-worker" (see the offline plugin)
_VARIANT = re.compile(r"<!-- course:(online|offline) -->(.*?)<!-- course:end -->", re.DOTALL)
_OPEN_MARK = re.compile(r"<!-- course:(?:online|offline|end) -->")


def is_offline_build(config: MkDocsConfig) -> bool:
    """True in the offline bundle's build (mkdocs.offline.yml adds Material's offline plugin)."""
    for name in ("offline", "material/offline"):
        plugin = config.plugins.get(name)
        if plugin is not None and plugin.config.get("enabled", True):
            return True
    return False


def keep_variant(markdown: str, offline: bool, source: str) -> str:
    """Keep the passages meant for this kind of site and drop the others."""
    wanted = "offline" if offline else "online"
    result = _VARIANT.sub(lambda m: m.group(2) if m.group(1) == wanted else "", markdown)
    stray = _OPEN_MARK.search(result)
    if stray:
        line = markdown[: markdown.find(stray.group(0))].count("\n") + 1
        raise PluginError(
            f"{source}:{line}: '{stray.group(0)}' has no partner; write "
            "'<!-- course:online -->' or '<!-- course:offline -->', the passage, then '<!-- course:end -->'"
        )
    return result
