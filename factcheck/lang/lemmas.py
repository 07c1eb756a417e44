"""Lookup lemmas for English, shipped with the package.

The table is spaCy's English lookup table from the `spacy-lookups-data` package (derived from
WordNet 3.0; licence in `data/en_lemma_lookup.LICENSE`). It is copied into the package so nothing
is downloaded at run time. Rebuild it with:

    pip install spacy-lookups-data && python -m factcheck.lang.lemmas build

Cue phrases are written as lemmas ("approve", "expect"); `forms_of` expands a lemma to every
surface form the table knows, so a PhraseMatcher on lower-case text matches any inflection without
running a lemmatizer over every token.
"""

from __future__ import annotations

import gzip
import json
import sys
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "en_lemma_lookup.json.gz"


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def _reverse() -> dict[str, tuple[str, ...]]:
    rev: dict[str, list[str]] = {}
    for form, lemma in _table().items():
        rev.setdefault(lemma.lower(), []).append(form.lower())
    return {k: tuple(sorted(set(v))) for k, v in rev.items()}


def lemma_of(word: str) -> str:
    """The lemma of a word form (the lower-cased word itself when the table does not know it)."""
    low = word.lower()
    return _table().get(low, _table().get(word, low)).lower()


def is_known_word(word: str) -> bool:
    """Does the English lemma table know this word (as a form or a lemma)?"""
    low = word.lower()
    return low in _table() or low in _lemmas()


@lru_cache(maxsize=1)
def _lemmas() -> frozenset[str]:
    """The table's lemmas, lower case: the keys of `_reverse()`, without building its form lists
    (a pack's name rules ask this at start-up, where the forms are read from the cue cache)."""
    return frozenset(lemma.lower() for lemma in _table().values())


def forms_of(lemma: str) -> tuple[str, ...]:
    """Every known surface form of a lemma, itself included, lower case."""
    low = lemma.lower()
    forms = set(_reverse().get(low, ()))
    if not forms and " " not in low:
        # A prefixed verb the table lacks ("deschedule") inflects as its stem does ("scheduled").
        for prefix in VERB_PREFIXES:
            stem = low[len(prefix):]
            if low.startswith(prefix) and len(stem) > 3 and _reverse().get(stem):
                forms = {prefix + f for f in _reverse()[stem]}
                break
    if not forms and low.endswith(VERB_SUFFIXES):
        # The table lacks some US spellings ("decriminalize"): a verb in -ize/-ise/-ate inflects
        # regularly.
        forms = {low + "s", low + "d", low[:-1] + "ing"}
    forms.add(low)
    return tuple(sorted(forms))


VERB_SUFFIXES = ("ize", "ise", "ate")
VERB_PREFIXES = ("re", "de", "un", "dis", "mis", "pre", "over")


def build(out: Path = DATA) -> None:
    """Copy the English lookup table out of an installed spacy-lookups-data."""
    try:
        import spacy_lookups_data  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("spacy-lookups-data is not installed: pip install spacy-lookups-data")
    src = Path(spacy_lookups_data.__file__).parent / "data"
    out.write_bytes((src / "en_lemma_lookup.json.gz").read_bytes())
    out.with_suffix("").with_suffix(".LICENSE").write_bytes((src / "en_license.txt").read_bytes())
    print(f"wrote {out} ({len(_table.__wrapped__())} forms)")


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    if sys.argv[1:] == ["build"]:
        build()
    else:
        sys.exit("usage: python -m factcheck.lang.lemmas build")
