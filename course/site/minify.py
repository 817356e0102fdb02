"""The course's own scripts and stylesheets as they ship: minified (readers on slow phone
connections download less; the sources in docs/assets stay readable).

Files already minified (`*.min.js`) and the service worker, which is published by the
offline-app hook, are left as they are.
"""

from __future__ import annotations

import rcssmin
import rjsmin

ASSETS = "assets/"


def is_minified_on_the_way(src_uri: str) -> bool:
    """Whether a file of docs/ ships minified: the course's own .js and .css under assets/."""
    return src_uri.startswith(ASSETS) and src_uri.endswith((".js", ".css")) and not src_uri.endswith(".min.js")


def minified(src_uri: str, text: str) -> str:
    """A script or stylesheet without comments and spare white space (licence comments kept)."""
    if src_uri.endswith(".css"):
        return rcssmin.cssmin(text, keep_bang_comments=True)
    return rjsmin.jsmin(text, keep_bang_comments=True)
