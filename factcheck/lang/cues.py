"""Cue lists compiled into one spaCy PhraseMatcher per vocabulary.

A cue list is a set of phrases written as lemmas; every word of a phrase is expanded to its known
inflections (`lemmas.forms_of`), so one entry "approve" matches "approved", "approves" and
"approving". Matching runs on lower-case tokens, which costs about as much as one pass over the
Doc whatever the number of phrases (see research/perf-baseline.md).
"""

from __future__ import annotations

import hashlib
import itertools
import os
import pickle
import tempfile
import weakref
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from factcheck.lang.lemmas import forms_of

CUES_FILE = Path(__file__).parent / "data" / "cues.yaml"
CACHE_FORMAT = "1"
# A phrase whose words all inflect could expand to hundreds of variants; no cue needs more.
MAX_VARIANTS = 64
# Lists of nouns, names and function words: matched as written (a "grant" is not "granted").
FIXED_LABELS = ("RESEARCH", "LEGIS", "NONCLIN", "PRACT", "GENERIC", "ANA", "AUTH", "META", "BAR", "SUB", "NEG",
                "MODAL", "HYP", "NOTEV")
FIXED_WORDS = {"has", "have", "had", "is", "are", "was", "were", "be", "been", "does", "did", "will", "would", "can",
               "could", "may", "might", "should", "shall", "must"}


class Cue(NamedTuple):
    """One matched cue: tokens [start, end) of its Doc, with its label ("EV:approval", "NEG", ...).

    A named tuple rather than a frozen dataclass: a Doc has hundreds of cues per pack, and
    `tuple.__new__` builds one in C, three times faster than the dataclass's `__init__` (equal and
    hashed alike: by label, start and end; nothing orders, unpacks or indexes a cue)."""

    label: str
    start: int
    end: int


@lru_cache(maxsize=1)
def generic_cues() -> dict[str, list[str]]:
    """The language layer's own cue lists, by label."""
    data = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    out: dict[str, list[str]] = {}
    for event, phrases in data["events"].items():
        out[f"EV:{event}"] = [str(p) for p in phrases]
    for stance, phrases in data["stances"].items():
        out[f"ST:{stance}"] = [str(p) for p in phrases]
    for key, label in (("modals", "MODAL"), ("hypothetical", "HYP"), ("negators", "NEG"), ("attribution", "ATTR"),
                       ("hedges", "HEDGE"), ("clause_barriers", "BAR"), ("subordinators", "SUB"),
                       ("anaphors", "ANA"), ("research_objects", "RESEARCH"), ("legislatures", "LEGIS"),
                       ("practitioners", "PRACT"), ("generic_subjects", "GENERIC"), ("authorities", "AUTH"),
                       ("meta", "META"), ("nonclinical_use", "NONCLIN"), ("not_events", "NOTEV"),
                       ("becoming", "BECOME"), ("stage_nouns", "STAGE")):
        out[label] = [str(p) for p in data[key]]
    return out


# Tokenizations already made, per pipeline: every pack's matcher holds the same generic cue lists,
# and a phrase's spelling tokenizes the same each time. Keyed weakly by the Language, and by its
# tokenizer object, so another pipeline (other special cases) never reads these.
_TOKENS: weakref.WeakKeyDictionary[Language, dict[tuple[int, str], tuple[tuple[str, ...], tuple[int, ...]]]] = \
    weakref.WeakKeyDictionary()


def _tokens(nlp: Language, text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The token texts of `text` as the pipeline's tokenizer splits it, and their LOWER ids."""
    try:
        memo = _TOKENS.setdefault(nlp, {})
    except TypeError:  # a Language that cannot be weakly referenced: no memo
        memo = {}
    key = (id(nlp.tokenizer), text)
    found = memo.get(key)
    if found is None:
        doc = nlp.make_doc(text)
        found = memo[key] = (tuple(t.text for t in doc), tuple(int(x) for x in doc.to_array(LOWER)) if len(doc) else ())
    return found


def variants(phrase: str, tokenize: Language) -> list[str]:
    """Every inflected spelling of a phrase (each word through its lemma's forms)."""
    words = list(_tokens(tokenize, phrase)[0])
    # Auxiliaries keep their tense as written ("has until" must not match "had until").
    options = [forms_of(w) if w.isalpha() and len(w) > 2 and w.lower() not in FIXED_WORDS else (w.lower(),)
               for w in words]
    out = []
    for combo in itertools.islice(itertools.product(*options), MAX_VARIANTS):
        out.append(" ".join(combo))
    # Keep the phrase as written first, so its own spelling always matches.
    written = " ".join(w.lower() for w in words)
    return [written] + [v for v in out if v != written]


Keywords = list[tuple[str, list[list[int]]]]  # (label, the LOWER ids of each of its phrases' spellings)


def keywords(nlp: Language, lists: dict[str, list[str]], inflect: bool, fixed: tuple[str, ...]) -> Keywords:
    """Every label's phrases, each spelling once, as LOWER ids in the order the matcher gets them."""
    out: Keywords = []
    for label, phrases in lists.items():
        docs = []
        seen: set[str] = set()
        for phrase in phrases:
            fixed_form = not inflect or label in fixed or label.startswith(tuple(f for f in fixed if f.endswith(":"))) \
                or label.startswith(("TERM:", "JUR:", "ABOUT", "RIVAL"))
            # The phrase as written first (its own tokenization: "U.S." stays one token).
            forms = [phrase] if fixed_form else [phrase, *variants(phrase, nlp)[1:]]
            for v in forms:
                if v.lower() not in seen:
                    seen.add(v.lower())
                    # The phrase's LOWER ids, which is what the matcher reads of a pattern Doc
                    # (a Doc would be checked for five kinds of annotation on every add).
                    ids = _tokens(nlp, v)[1]
                    if ids:
                        docs.append(list(ids))
        out.append((label, docs))
    return out


def _cache_key(nlp: Language, lists: dict[str, list[str]], inflect: bool, fixed: tuple[str, ...]) -> str:
    """Everything the keywords depend on: the lists, the options, this module and the lemma code
    and table, spaCy and the tokenizer's rules (its special cases included)."""
    import spacy

    from factcheck.lang import lemmas

    h = hashlib.sha256(f"{CACHE_FORMAT}|{spacy.__version__}|{nlp.lang}|{inflect}|{fixed}|{MAX_VARIANTS}".encode())
    for path in (Path(__file__), Path(lemmas.__file__), lemmas.DATA):
        st = path.stat()
        h.update(f"{path.name}:{st.st_size}:{st.st_mtime_ns};".encode())
    h.update(nlp.tokenizer.to_bytes(exclude=["vocab"]))
    h.update(repr(list(lists.items())).encode())
    return h.hexdigest()[:32]


def cached_keywords(nlp: Language, lists: dict[str, list[str]], inflect: bool, fixed: tuple[str, ...],
                    folder: Path | None) -> Keywords:
    """`keywords`, read from `folder` when an entry for the same inputs is there (tokenizing and
    inflecting a few thousand phrases is most of a pipeline's build); stored there otherwise."""
    if folder is None:
        return keywords(nlp, lists, inflect, fixed)
    try:
        entry = folder / f"cues-{_cache_key(nlp, lists, inflect, fixed)}.pickle"
    except (OSError, TypeError, ValueError):
        return keywords(nlp, lists, inflect, fixed)
    try:
        with open(entry, "rb") as fh:
            found = pickle.load(fh)
        if isinstance(found, list):
            return found
    except Exception:
        pass  # missing, truncated or unreadable: build and replace it
    built = keywords(nlp, lists, inflect, fixed)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)  # atomic: readers see a whole entry or none
    except OSError:
        pass
    return built


class CueMatcher:
    """Matches labelled phrase lists on a Doc's lower-case tokens."""

    def __init__(self, nlp: Language, lists: dict[str, Iterable[str]], inflect: bool = True,
                 fixed: Iterable[str] = FIXED_LABELS, cache: Path | None = None) -> None:
        """`cache`: a folder where the phrases' tokens are kept between runs (none by default)."""
        fixed = tuple(fixed) + FIXED_LABELS
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.labels: dict[int, str] = {}
        for label, docs in cached_keywords(nlp, {k: list(v) for k, v in lists.items()}, inflect, fixed, cache):
            if docs:
                self.matcher.add(label, docs)
                self.labels[nlp.vocab.strings[label]] = label

    def __call__(self, doc: Doc) -> list[Cue]:
        labels, new = self.labels, tuple.__new__
        return [new(Cue, (labels[m], s, e)) for m, s, e in self.matcher(doc)]
