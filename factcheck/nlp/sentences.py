"""Sentence starts in one pass over token columns: spaCy's sentencizer rule, then the document's
hard breaks (headings, list items, table rows) and the joins (a list item's number).

spaCy's `sentencizer` builds a Token object per token, and setting `Token.is_sent_start` one token
at a time scans the whole Doc on every assignment (spaCy checks for a parse each time), so a
document with thousands of hard breaks (a long table) cost breaks x tokens. Here every step reads
and writes whole columns (`Doc.to_array` / `Doc.from_array`); the starts are the same as the
sentencizer followed by the per-token assignments (tests/nlp/test_sentences.py compares them).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.attrs import IDX, IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE, ORTH, SENT_START
from spacy.pipeline import Sentencizer
from spacy.strings import hash_string
from spacy.tokens import Doc

# The sentencizer's default sentence-final characters, as the ORTH ids of one-character tokens.
_PUNCT_IDS = numpy.array(sorted({hash_string(c) for c in Sentencizer.default_punct_chars}), dtype=numpy.uint64)
_START, _INSIDE = numpy.uint64(1), numpy.uint64(2**64 - 1)  # SENT_START's 1 and -1 as the uint64 column holds them


def rule_starts(doc: Doc, cols: numpy.ndarray | None = None) -> numpy.ndarray:
    """The sentencizer's guesses: the first token, and every token that is neither punctuation nor
    sentence-final after a sentence-final character since the last such word. `cols`: the Doc's
    ORTH and IS_PUNCT columns, when already read."""
    n = len(doc)
    guess = numpy.zeros(n, dtype=bool)
    if n == 0:
        return guess
    if cols is None:
        cols = doc.to_array([ORTH, IS_PUNCT])
    orth = cols[:, 0]
    # Membership in the sorted ids by binary search (numpy.isin sorts the whole column each time).
    at = numpy.minimum(numpy.searchsorted(_PUNCT_IDS, orth), len(_PUNCT_IDS) - 1)
    final = _PUNCT_IDS[at] == orth
    words = numpy.flatnonzero(~final & (cols[:, 1] == 0))
    # A word starts a sentence when a sentence-final character stands between it and the word
    # before it (the sentencizer's `seen_period`, reset at every word).
    finals_before = numpy.cumsum(final)
    seen = finals_before[words] - numpy.concatenate(([0], finals_before[words[:-1]])) > 0
    guess[0] = True
    guess[words[seen]] = True
    return guess


def set_sentence_starts(doc: Doc, breaks: Iterable[int], joins: Iterable[int]) -> Doc:
    """Sentence starts as the sentencizer sets them (where none is set yet), then no start on a
    list item's number and the word after it (`joins`: character offsets), then a start at every
    hard break (`breaks`: character offsets; a whitespace token hands it to the next token)."""
    n = len(doc)
    if n == 0:
        return doc
    joins, breaks = list(joins), list(breaks)
    # One read of the columns this document needs (the word and space flags only for joins and breaks).
    attrs = [IDX, SENT_START, ORTH, IS_PUNCT] + ([IS_ALPHA, IS_DIGIT] if joins else []) + ([IS_SPACE] if breaks else [])
    cols = doc.to_array(attrs)
    idx, sent = cols[:, 0], cols[:, 1].copy()
    unset = sent == 0
    sent[unset] = numpy.where(rule_starts(doc, cols[:, 2:4])[unset], _START, _INSIDE)
    if joins:
        word = (cols[:, 4] != 0) | (cols[:, 5] != 0)
        for p in numpy.searchsorted(idx, numpy.asarray(joins, dtype=idx.dtype), side="left").tolist():
            # Through an opening quote or bracket to the item's first word.
            for i in range(p, min(p + 3, n)):
                if i > 0:
                    sent[i] = _INSIDE
                if word[i]:
                    break
    if breaks:
        space = cols[:, -1] != 0
        for p in set(numpy.searchsorted(idx, numpy.asarray(breaks, dtype=idx.dtype), side="left").tolist()):
            if 0 < p < n:
                # Whitespace tokens cannot start a sentence usefully; move to the next word.
                while space[p] and p + 1 < n:
                    p += 1
                sent[p] = _START
    doc.from_array([SENT_START], sent)
    return doc
