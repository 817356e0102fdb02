"""robots.txt at the website's root, naming the sitemap with every page's language versions.

Logic: course/site/robots.py. The offline bundle gets none (course/build.py leaves it out).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from course.site import bundle as course_bundle
from course.site import robots as course_robots

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@event_priority(-600)  # after hooks/offline_app.py listed the files readers keep offline: not this one
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if course_bundle.is_offline_build(config) or getattr(i18n, "building", False) or not config.site_url:
        return
    (Path(config.site_dir) / course_robots.NAME).write_text(course_robots.robots_txt(config.site_url), encoding="utf-8")
