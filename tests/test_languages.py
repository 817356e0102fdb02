"""The course's languages come from mkdocs.yml alone: the code reads them from there."""

from __future__ import annotations

from pathlib import Path

from course import languages


def test_languages_and_their_folders_come_from_mkdocs_yml():
    assert languages.LANGUAGE_ROOTS == {"en": "", "ru": "ru/", "tg": "tg/"}
    assert languages.LANGUAGES == ("en", "ru", "tg") and languages.TRANSLATED == ("ru", "tg")


def test_a_language_left_out_of_the_build_is_not_a_course_language(tmp_path: Path):
    config = (languages.PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    tajik = config.index("        - locale: tg")
    edited = config[:tajik] + config[tajik:].replace("          build: true", "          build: false", 1)
    (tmp_path / "mkdocs.yml").write_text(edited, encoding="utf-8")
    assert languages.language_roots(tmp_path / "mkdocs.yml") == {"en": "", "ru": "ru/"}


def test_text_in_a_language_falls_back_to_english():
    text = {"en": "Troika", "ru": "Тройка", "tg": ""}
    assert [languages.text_in(text, lang) for lang in ("ru", "tg")] == ["Тройка", "Troika"]
    assert languages.text_in("ШУД", "tg") == "ШУД" and languages.text_in(None, "ru") == ""
    assert languages.english(text) == "Troika"
