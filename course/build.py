"""`make build`: the website into site/ and the offline bundle into dist/, or nothing at all.

Both builds are strict and run in a temporary folder beside site/: the website
(mkdocs.yml) and the offline bundle (mkdocs.offline.yml, opened from file://). The trainers'
PDF handouts and answer keys are printed from the website's pages (course/handouts.py) into
trainers/pdf/ of both, so that module pages and the materials page link them online and in the
bundle. The bundle is zipped into dist/upr-course-offline.zip and also placed in the website at
download/upr-course-offline.zip. Only when every step has succeeded is site/ replaced and the
zip moved into dist/; a failed build leaves both as they were, so a broken build can never
be published.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from mkdocs.utils import yaml_load

from course import handouts
from course.mkdocs_run import mkdocs_build, replace_folder
from course.site import corrections
from course.site.bundle import ZIP_NAME  # the names the download page links
from course.site.bundle import ZIP_URL as ZIP_IN_SITE

PROJECT = Path(__file__).resolve().parent.parent

ZIP_FOLDER = "upr-course"  # the folder that unzipping creates
# No use from the file system: no search engine reads the bundle, and no server shows its 404
# page (whose addresses start at the server's root, so it cannot even load its styles there).
BUNDLE_LEFT_OUT = ("sitemap.xml", "sitemap.xml.gz", "robots.txt", "404.html")
DEFAULT_DATE = 1767225600  # 2026-01-01: zip entries' date unless SOURCE_DATE_EPOCH is set


def zip_folder(folder: Path, archive: Path, top: str = ZIP_FOLDER) -> None:
    """Zip folder's files under one top folder, sorted and with one date: same input, same zip."""
    stamp = time.gmtime(max(int(os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_DATE)), 315532800))[:6]
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, path.read_bytes(), compresslevel=9)


def package_bundle(bundle: Path, archive: Path) -> None:
    """Zip a built offline site, without the files that are of no use from the file system."""
    for name in BUNDLE_LEFT_OUT:
        (bundle / name).unlink(missing_ok=True)
    zip_folder(bundle, archive)


def build_all(project: Path = PROJECT, site: Path | None = None, dist: Path | None = None) -> int:
    """The website into site/ and the zipped offline bundle into dist/, atomically."""
    site = (site or project / "site").resolve()
    dist = (dist or project / "dist").resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site.name}-build-", dir=site.parent))
    try:
        online, bundle, archive = work / "site", work / "bundle", work / ZIP_NAME
        if mkdocs_build(project / "mkdocs.yml", online, pdfs=True) != 0:
            return 1
        if mkdocs_build(project / "mkdocs.offline.yml", bundle, pdfs=True) != 0:
            return 1
        handouts.render_all(online, work / "pdf")
        for built in (online, bundle):
            handouts.copy_into_site(work / "pdf", built)
        package_bundle(bundle, archive)
        (online / ZIP_IN_SITE).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(archive, online / ZIP_IN_SITE)
        dist.mkdir(parents=True, exist_ok=True)
        replace_folder(online, site)
        shutil.move(archive, dist / ZIP_NAME)  # a rename when dist/ is on the same file system
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def corrections_warning(project: Path = PROJECT) -> str | None:
    """The warning for a build whose pages would have no way to report a mistake."""
    with open(project / "mkdocs.yml", "rb") as handle:
        extra = yaml_load(handle).get("extra") or {}
    try:
        return corrections.missing_warning(extra)
    except corrections.CorrectionsError:
        return None  # the build stops on it with the same message


def main(project: Path = PROJECT) -> int:
    warning = corrections_warning(project)
    if warning:
        print(warning, file=sys.stderr)
    code = build_all(project)
    if code != 0:
        print("Build failed: site/ and dist/ were left as they were. Fix the problems listed above.", file=sys.stderr)
    else:
        size = (project / "dist" / ZIP_NAME).stat().st_size
        print(f"Built the course into site/ and the offline bundle into dist/{ZIP_NAME} ({size / 1e6:.1f} MB)")
        if warning:
            print(warning, file=sys.stderr)  # again at the end, where it is seen
    return code


if __name__ == "__main__":
    sys.exit(main())
