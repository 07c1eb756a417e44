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

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from factcheck.lang.datafile import load_data_yaml
from factcheck.lang.lemmas import forms_of

CUES_FILE = Path(__file__).parent / "data" / "cues.yaml"
CACHE_FORMAT = "1"
# A phrase whose words all inflect could expand to hundreds of variants; no cue needs more.
MAX_VARIANTS = 64
# Lists of nouns, names and function words: matched as written (a "grant" is not "granted").
FIXED_LABELS = ("ABLE", "STANDADV", "STATUS", "RESEARCH", "LEGIS", "NONCLIN", "PRACT", "GENERIC", "ANA", "AUTH", "META", "BAR", "SUB", "NEG",
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
    data = load_data_yaml(CUES_FILE)
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
                       ("becoming", "BECOME"), ("stage_nouns", "STAGE"),
                       ("handing", "HAND"), ("verdict_verbs", "VERDICT"),
                       ("listing_verbs", "LISTING"), ("standing_adverbs", "STANDADV"),
                       ("classing_verbs", "CLASSING"), ("status_nouns", "STATUS"),
                       ("clearing_verbs", "CLEARING"), ("able", "ABLE"), ("applying_verbs", "APPLYING"),
                       ("outrunning_verbs", "OUTRUN")):
        out[label] = [str(p) for p in data[key]]
    return out


@lru_cache(maxsize=1)
def practitioner_words() -> frozenset[str]:
    """The `practitioners` cue list as lower-case words ("psychiatrists", "doctors", "clinics"):
    for readers that test one token against it rather than match phrases."""
    return frozenset(w.lower() for w in generic_cues()["PRACT"])


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
    """Matches labelled phrase lists on a Doc's lower-case tokens.

    The cues are those, and in the order, that one spaCy PhraseMatcher of this matcher's lists
    finds; the matching itself is done once per Doc for all the matchers of a pipeline (every
    pack has one, and most of their phrases are the same generic cues): see `_CueGroup`."""

    def __init__(self, nlp: Language, lists: dict[str, Iterable[str]], inflect: bool = True,
                 fixed: Iterable[str] = FIXED_LABELS, cache: Path | None = None) -> None:
        """`cache`: a folder where the phrases' tokens are kept between runs (none by default)."""
        fixed = tuple(fixed) + FIXED_LABELS
        # Each label with its phrases' LOWER ids, in the order a PhraseMatcher would be given them.
        self.found = [(label, docs) for label, docs in
                      cached_keywords(nlp, {k: list(v) for k, v in lists.items()}, inflect, fixed, cache) if docs]
        self.vocab = nlp.vocab
        try:
            self._groups: _Groups = _GROUPS.setdefault(nlp, _Groups())
        except TypeError:  # a Language that cannot be weakly referenced: a group of its own
            self._groups = _Groups()
        self._groups.join(self)

    def __call__(self, doc: Doc) -> list[Cue]:
        group = self._groups.current(self.vocab)
        labels_of, new = group.expansion[id(self)], tuple.__new__
        return [new(Cue, (label, s, e)) for g, s, e in group.matches(doc) for label in labels_of[g]]


class _Groups:
    """The CueMatchers of one pipeline, and the group matcher of them all (made anew when one joins)."""

    def __init__(self) -> None:
        self.members: list[weakref.ref[CueMatcher]] = []
        self.group: _CueGroup | None = None

    def join(self, matcher: CueMatcher) -> None:
        self.members = [m for m in self.members if m() is not None] + [weakref.ref(matcher)]
        self.group = None

    def current(self, vocab: Vocab) -> _CueGroup:
        if self.group is None:
            live = [m for m in (ref() for ref in self.members) if m is not None]
            self.group = _CueGroup(vocab, live)
        return self.group


_GROUPS: weakref.WeakKeyDictionary[Language, _Groups] = weakref.WeakKeyDictionary()
_GROUP_SERIAL = itertools.count()


class _CueGroup:
    """One PhraseMatcher for the phrases of several CueMatchers, with one key per phrase's labels
    (every matcher's labels of that phrase): a span is matched once, whatever the number of
    labels and packs that list its words. Each matcher then reads its own labels of the key.

    spaCy's PhraseMatcher reports matches by start, then end, then, for the labels of one phrase,
    in the order its hash map (preshed) holds them, which follows from the order the labels were
    added: `preshed_order` works it out, so each matcher's cues come in the order its own
    PhraseMatcher would give them (tests/lang/test_cues.py compares the two)."""

    def __init__(self, vocab: Vocab, members: list[CueMatcher]) -> None:
        # Every phrase's labels per member, in the order the member adds them.
        by_phrase: dict[tuple[int, ...], list[list[str]]] = {}
        for i, m in enumerate(members):
            for label, docs in m.found:
                for d in docs:
                    phrase = tuple(d)
                    per_member = by_phrase.get(phrase)
                    if per_member is None:
                        per_member = by_phrase[phrase] = [[] for _ in members]
                    per_member[i].append(label)
        phrases: dict[tuple[tuple[str, ...], ...], list[list[int]]] = {}
        for phrase, per_member in by_phrase.items():
            phrases.setdefault(tuple(map(tuple, per_member)), []).append(list(phrase))
        self.key = f"factcheck_cues:{next(_GROUP_SERIAL)}"
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self.expansion: dict[int, dict[int, tuple[str, ...]]] = {id(m): {} for m in members}
        strings = vocab.strings
        for n, (sig, docs) in enumerate(phrases.items()):
            key = f"{self.key}:{n}"
            self.matcher.add(key, docs)
            for m, labels in zip(members, sig):
                ids = {strings[label]: label for label in labels}
                self.expansion[id(m)][strings[key]] = tuple(ids[k] for k in preshed_order([strings[x] for x in labels]))

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The group's matches over the Doc, kept in its user_data (the next pack reads them)."""
        found = doc.user_data.get(self.key)
        if found is None:
            found = doc.user_data[self.key] = self.matcher(doc)
        return found  # type: ignore[no-any-return]


def preshed_order(keys: list[int]) -> list[int]:
    """The order in which a preshed hash map (spaCy's PhraseMatcher keeps a phrase's labels in one)
    iterates these keys, added in this order: open addressing from `key & (size - 1)` with linear
    probing, 8 cells at first, doubled (the cells re-added in order) when `(filled + 1) * 5 >=
    size * 3` after an insertion; iteration in cell order. Keys 0 and 1 (preshed's empty and
    deleted marks, kept apart) never come from a string's hash in practice: refused."""
    cells = [0] * 8
    filled = 0

    def put(cells: list[int], key: int) -> bool:
        mask = len(cells) - 1
        i = key & mask
        while cells[i] != 0 and cells[i] != key:
            i = (i + 1) & mask
        new = cells[i] == 0
        cells[i] = key
        return new

    for key in keys:
        if key in (0, 1):
            raise ValueError("a label hashed to one of preshed's reserved keys")
        filled += put(cells, key)
        while (filled + 1) * 5 >= len(cells) * 3:
            old, cells, filled = cells, [0] * (len(cells) * 2), 0
            for k in old:
                if k:
                    filled += put(cells, k)
    return [k for k in cells if k]
