"""The course's languages, where each is published, and a text in one of them: one source.

The languages come from the i18n plugin in mkdocs.yml, the file that decides what the site
builds; the default language is published at the root, the others under their code
('ru/', 'tg/'). Course data holds a text either once for every language or as a mapping
{en: ..., ru: ..., tg: ...}; text_in() reads it, with English standing in for a missing one.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_LANGUAGE = "en"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its tags (!ENV, !relative, !!python/name:...)."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@lru_cache(maxsize=4)
def language_roots(config_file: Path = PROJECT / "mkdocs.yml") -> dict[str, str]:
    """{'en': '', 'ru': 'ru/', 'tg': 'tg/'}: each language the site builds and its folder."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)  # noqa: S506 - a safe loader
    plugins = config.get("plugins") or {}
    i18n = plugins.get("i18n") if isinstance(plugins, dict) else None
    entries = (i18n or {}).get("languages") or [{"locale": DEFAULT_LANGUAGE, "default": True}]
    return {
        entry["locale"]: "" if entry.get("default") else f"{entry['locale']}/"
        for entry in entries
        if entry.get("build", True)
    }


LANGUAGE_ROOTS = language_roots()
LANGUAGES = tuple(LANGUAGE_ROOTS)
TRANSLATED = tuple(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)


# Letters that short answers treat as equal: Tajik letters typed with a Russian keyboard, and ё.
# (docs/assets/quiz.js folds the same letters in the browser.)
LETTER_FOLD = {"ё": "е", "ӣ": "и", "ӯ": "у", "ҳ": "х", "қ": "к", "ғ": "г", "ҷ": "ч"}
LETTER_FOLD_BOTH_CASES = str.maketrans(
    {**LETTER_FOLD, **{letter.upper(): plain.upper() for letter, plain in LETTER_FOLD.items()}}
)


def text_in(value: object, language: str) -> str:
    """A text in one language: the language's own, else the English one, else ''."""
    if isinstance(value, dict):
        return str(value.get(language) or value.get(DEFAULT_LANGUAGE) or "")
    return "" if value is None else str(value)


def english(value: object) -> str:
    return text_in(value, DEFAULT_LANGUAGE)
