"""The termbase: forms to avoid, declared in glossary.yml, found in every language's text.

An entry of glossary.yml may list, per language, forms that must not be used for its term:

    avoid:
      tg:
        - form: "Ассамблеяи Генералӣ"
          note: "state media and the MFA use Маҷмаи умумии СММ"

A form matches case-insensitively, word after word, and each word also matches its inflected
forms: Russian words through the Snowball Russian stemmer, Tajik and English words as a
prefix once a final izofa or plural ending is taken off ("Генералӣ" also finds "Генералии").
A word ending in '*' matches any ending ("тасдиқ*"). A form inside quotation marks is a
mention of the form (a text discussing the term), not a use, and is not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from course.language.texts import Text
from course.problems import Problem

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"\n]*\"|‘[^’]*’")
# Endings that carry no meaning of their own for matching: Tajik izofa and plural, English plural.
LOOSE_ENDINGS = {
    "tg": ("ҳои", "ҳо", "и", "ӣ", "е", "ю"),
    "en": ("es", "s"),
}
SHORTEST_PREFIX = 3


@dataclass(frozen=True)
class AvoidForm:
    """One form to avoid in one language, and the term to use instead."""

    term_id: str
    language: str
    form: str
    preferred: str
    note: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        """The form's words as written ('*' kept: it marks a word that may take any ending)."""
        return tuple(w for w in (part.strip('.,;:!?()"«»“”') for part in self.form.split()) if w)


@lru_cache(maxsize=8)
def _russian() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("russian")


@lru_cache(maxsize=4096)
def word_key(word: str, language: str) -> str:
    """What an inflected word is compared by: its stem (ru) or its base (tg, en)."""
    word = word.casefold().replace("ё", "е")
    if language == "ru":
        return _russian().stemWord(word)
    for ending in LOOSE_ENDINGS.get(language, ()):
        if word.endswith(ending) and len(word) - len(ending) >= SHORTEST_PREFIX:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=65536)
def word_matches(found: str, wanted: str, language: str) -> bool:
    """Whether a word of the text is a form of a word of the avoided form."""
    found_folded = found.casefold().replace("ё", "е")
    if wanted.endswith("*"):
        return found_folded.startswith(wanted[:-1].casefold().replace("ё", "е"))
    key = word_key(wanted, language)
    if language == "ru":
        return word_key(found, language) == key
    if len(key) < SHORTEST_PREFIX:
        return found_folded == wanted.casefold()
    return found_folded.startswith(key)


def avoid_forms(terms: list[dict]) -> list[AvoidForm]:
    """The forms to avoid of every glossary term, each with the term to use instead."""
    forms = []
    for term in terms:
        avoid = term.get("avoid")
        if not isinstance(avoid, dict):
            continue
        names: dict = term["term"] if isinstance(term.get("term"), dict) else {}
        for language, entries in avoid.items():
            for entry in entries if isinstance(entries, list) else []:
                form, note = (entry.get("form"), entry.get("note", "")) if isinstance(entry, dict) else (entry, "")
                if isinstance(form, str) and form.strip():
                    forms.append(
                        AvoidForm(
                            str(term.get("id")),
                            str(language),
                            form.strip(),
                            str(names.get(language) or names.get("en") or ""),
                            str(note or ""),
                        )
                    )
    return forms


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in QUOTED.finditer(text)]


def fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


def could_occur(form: AvoidForm, folded_text: str) -> bool:
    """A quick test: each word's stem (a prefix of every form of it) is somewhere in the text."""
    for word in form.words:
        stem = word[:-1] if word.endswith("*") else word_key(word, form.language)
        if fold(stem)[:SHORTEST_PREFIX] not in folded_text:
            return False
    return True


def find_uses(form: AvoidForm, text: Text, words: list[re.Match[str]] | None = None) -> list[int]:
    """Offsets in the text where the form is used (not merely quoted)."""
    wanted = form.words
    if not wanted or text.language != form.language:
        return []
    words = list(WORD.finditer(text.text)) if words is None else words
    quotes = quoted_spans(text.text)
    uses = []
    for start in range(len(words) - len(wanted) + 1):
        window = words[start : start + len(wanted)]
        if all(
            word_matches(w.group(0), wanted_word, form.language) for w, wanted_word in zip(window, wanted, strict=False)
        ):
            begin, end = window[0].start(), window[-1].end()
            if not any(q_start <= begin and end <= q_end for q_start, q_end in quotes):
                uses.append(begin)
    return uses


def check_texts(texts: list[Text], forms: list[AvoidForm]) -> list[Problem]:
    """Every use of a form to avoid: file, line, the form found and the term to use."""
    by_language: dict[str, list[AvoidForm]] = {}
    for form in forms:
        by_language.setdefault(form.language, []).append(form)
    findings = []
    for text in texts:
        candidates = [f for f in by_language.get(text.language, []) if could_occur(f, fold(text.text))]
        words = list(WORD.finditer(text.text)) if candidates else []
        for form in candidates:
            for offset in find_uses(form, text, words):
                found = " ".join(WORD.findall(text.text[offset:])[: len(form.words)])
                note = f" ({form.note})" if form.note else ""
                findings.append(
                    Problem(
                        text.file,
                        text.line_at(offset),
                        f"termbase: '{found}' is a form to avoid for '{form.preferred}'{note}",
                        f"write '{form.preferred}' (glossary term '{form.term_id}'), or put the form in quotation marks "
                        "if the text discusses the form itself",
                        text.language,
                    )
                )
    return findings
