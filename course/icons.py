"""`python -m course.icons`: the course logo as PNG home-screen icons, drawn by Chromium.

Phones want PNG icons to put the course on the home screen (an SVG icon is not enough for
every browser, and iOS reads only `apple-touch-icon`). This renders docs/assets/logo.svg on
a white square at 192, 512 and 180 pixels into docs/assets/icons/. Run it after changing
the logo and commit the PNG files; the build only copies them.
"""

from __future__ import annotations

import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
LOGO = PROJECT / "docs/assets/logo.svg"
TARGET = PROJECT / "docs/assets/icons"
SIZES = {"icon-192.png": 192, "icon-512.png": 512, "apple-touch-icon.png": 180}
PAGE = """<!doctype html><html><body style="margin:0;background:#ffffff">
<div style="width:{size}px;height:{size}px;display:flex;align-items:center;justify-content:center">
<img src="data:image/svg+xml;base64,{logo}" style="width:{inner}px;height:{inner}px"></div></body></html>"""


def main() -> int:
    import base64

    from playwright.sync_api import sync_playwright

    logo = base64.b64encode(LOGO.read_bytes()).decode("ascii")
    TARGET.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for name, size in SIZES.items():
            page = browser.new_page(viewport={"width": size, "height": size})
            # the logo fills 80% of the square: the 'maskable' safe zone keeps it whole when cropped
            page.set_content(PAGE.format(size=size, inner=int(size * 0.8), logo=logo))
            page.screenshot(path=str(TARGET / name), clip={"x": 0, "y": 0, "width": size, "height": size})
            page.close()
        browser.close()
    for name in SIZES:
        print(f"wrote {(TARGET / name).relative_to(PROJECT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
