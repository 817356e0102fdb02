"""The hooks' own theme partials, compiled once instead of once per page.

Material's environment is rebuilt by every `Theme.get_env()` call, which would compile a
template again for each page that uses it. A compiled partial is kept while its file is
unchanged, so `mkdocs serve` still picks up an edited template.

The partials are written indented for reading; their indentation is taken out of the
template source (never out of the texts they show), so pages carry less whitespace.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig

_compiled: dict[tuple, jinja2.Template] = {}
THEME_BUNDLE = "assets/javascripts/bundle.*.min.js"  # Material's script, its name hashed


def template(config: MkDocsConfig, name: str, autoescape: bool = True) -> jinja2.Template:
    key = (name, autoescape, tuple(config.theme.dirs), _version(config.theme.dirs, name))
    if key not in _compiled:
        env = config.theme.get_env().overlay(autoescape=autoescape, trim_blocks=True, lstrip_blocks=True)
        assert env.loader is not None  # the theme's environment always has one
        source, filename, _ = env.loader.get_source(env, name)
        compiled = env.from_string(without_indentation(source))
        compiled.filename = filename
        _compiled[key] = compiled
    return _compiled[key]


def _version(dirs: list[str], name: str) -> int | None:
    """The modification time of the file the theme would load for name."""
    for folder in dirs:
        try:
            return os.stat(os.path.join(folder, name)).st_mtime_ns
        except OSError:
            continue
    return None


def without_indentation(source: str) -> str:
    """Template source with each line's leading spaces and the blank lines removed."""
    return "\n".join(stripped for line in source.splitlines() if (stripped := line.lstrip(" "))) + "\n"


def theme_bundle(config: MkDocsConfig) -> str:
    """The site path of Material's script bundle, which overrides/main.html loads deferred."""
    for folder in config.theme.dirs:
        found = sorted(Path(folder).glob(THEME_BUNDLE))
        if found:
            return found[-1].relative_to(folder).as_posix()
    raise PluginError(
        f"the theme has no {THEME_BUNDLE} (a new Material version?): "
        "update THEME_BUNDLE in course/site/templates.py and the scripts block of overrides/main.html"
    )
