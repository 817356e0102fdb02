"""The offline bundle's own touches; nothing here changes the online site.

In the bundle (mkdocs.offline.yml): the vendored iframe-worker shim is published so that
search runs from file:// without unpkg.com. In both sites: pages keep their online or
offline passages (course_bundle.keep_variant) and `course:offline-zip` links point at the
zip that course/build.py places in the website.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from course.content.frontmatter import source_path
from course.site import bundle as course_bundle
from course.site import i18n as course_i18n

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


@event_priority(-200)  # after static-i18n, which would treat the files as pages' assets
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not course_bundle.is_offline_build(config):
        return files
    language = course_i18n.current_language(config)
    if course_i18n.language_root(config, language):
        return files  # shared assets are published once, with the default language
    folder = Path(config.config_file_path).resolve().parent / course_bundle.SHIM_FOLDER
    if not (folder / "shim.js").is_file():
        raise PluginError(
            f"{course_bundle.SHIM_FOLDER}/shim.js is missing: the offline bundle's search needs it; "
            "run 'make build', which fetches iframe-worker 1.0.4 from the npm registry and checks it"
        )
    for name in course_bundle.SHIM_FILES:
        files.append(
            File(
                name,
                str(folder),
                config.site_dir,
                config.use_directory_urls,
                dest_uri=f"{course_bundle.SHIM_SITE_FOLDER}/{name}",
            )
        )
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!-- course:" not in markdown:
        return markdown
    return course_bundle.keep_variant(markdown, course_bundle.is_offline_build(config), source_path(page))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if course_bundle.ZIP_LINK not in html:
        return html
    href = get_relative_url(course_bundle.ZIP_URL, page.url)
    return html.replace(course_bundle.ZIP_LINK, f'href="{href}"')
