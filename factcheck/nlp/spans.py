"""Cheap per-document views the claim layers share: token offsets read as columns, and a test of
whether a stretch of text overlaps any of a set of claims.

Why: reading `doc[i].idx` or `t.text` makes a spaCy Token object per access, and the candidate
layer asked it of every sentence of every document (two tokens each, and every token of a scored
sentence); testing each sentence against every claim was sentences x claims. Both views give
exactly the values they replace.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate

import numpy
from spacy.attrs import IDX, LENGTH, ORTH, SPACY
from spacy.tokens import Doc

from factcheck.lang.text import doc_text

_KEY = "factcheck_token_columns"


class TokenColumns:
    """Start offset, length and trailing space of every token of a Doc, as plain lists."""

    def __init__(self, doc: Doc) -> None:
        arr = doc.to_array([IDX, LENGTH, SPACY, ORTH])
        # Whole columns to lists: a Python loop over rows cost as much as the Token objects did.
        self.idx: list[int] = arr[:, 0].tolist() if len(doc) else []
        self.length: list[int] = arr[:, 1].tolist() if len(doc) else []
        self.space: list[bool] = arr[:, 2].astype(bool).tolist() if len(doc) else []
        self.text = doc_text(doc)
        # Contiguous, as a Doc's own column is: a bag-of-words classifier reads slices of it.
        self._orth = numpy.ascontiguousarray(arr[:, 3]) if len(doc) else numpy.zeros(0, dtype="uint64")

    def orth(self, s: int, e: int) -> numpy.ndarray:
        """`doc[s:e].to_array(ORTH)`: the hashes of the tokens' spellings."""
        return self._orth[s:e]

    def start(self, i: int) -> int:
        """`doc[i].idx`."""
        return self.idx[i]

    def end(self, i: int) -> int:
        """`doc[i].idx + len(doc[i])`: where token i ends."""
        return self.idx[i] + self.length[i]

    def words(self, s: int, e: int) -> list[str]:
        """`[t.text for t in doc[s:e]]`: a token's text is its stretch of the input (spaCy's
        special cases must spell the text they replace)."""
        text = self.text
        return [text[a : a + n] for a, n in zip(self.idx[s:e], self.length[s:e])]

    def spaces(self, s: int, e: int) -> list[bool]:
        """`[bool(t.whitespace_) for t in doc[s:e]]`."""
        return self.space[s:e]


def token_columns(doc: Doc) -> TokenColumns:
    """The Doc's token columns, read once per Doc (every pack's layer shares them)."""
    cols = doc.user_data.get(_KEY)
    if cols is None or len(cols.idx) != len(doc):
        cols = doc.user_data[_KEY] = TokenColumns(doc)
    return cols


class Coverage:
    """Character spans (claims); `overlaps(a, b)` is `any(s < b and a < e for s, e in spans)`
    answered with a bisect over the starts and the running maximum of the ends."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.max_end = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect.bisect_left(self.starts, b)  # the spans that start before b
        return k > 0 and self.max_end[k - 1] > a
