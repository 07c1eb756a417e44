"""The batched n-gram layer gives spaCy's `extract_ngrams` output exactly."""

from __future__ import annotations

import numpy
import pytest
from spacy.attrs import ORTH
from spacy.ml.extract_ngrams import extract_ngrams, forward

from factcheck.nlp.candidates import _Spellings
from factcheck.nlp.ngrams import batched_forward


@pytest.mark.parametrize("size", [1, 2, 3])
def test_batched_ngrams_equal_spacys(size: int) -> None:
    rng = numpy.random.default_rng(size)
    model = extract_ngrams(size, attr=ORTH)
    for _ in range(50):
        # Few distinct keys (repeats within and across rows), some near 2**64, rows of 1 to 40.
        pool = numpy.concatenate([rng.integers(0, 2**63, 6, dtype="uint64"), numpy.array([2**64 - 1, 0, 1], dtype="uint64")])
        rows = [_Spellings(rng.choice(pool, int(rng.integers(1, 41)))) for _ in range(int(rng.integers(1, 12)))]
        (k1, v1, l1), _ = forward(model, rows, False)
        (k2, v2, l2), _ = batched_forward(model, rows, False)
        for a, b in ((k1, k2), (v1, v2), (l1, l2)):
            assert a.dtype == b.dtype and numpy.array_equal(a, b)


def test_batched_ngrams_of_spacy_docs_equal_spacys() -> None:
    import spacy

    nlp = spacy.blank("en")
    docs = [nlp(t) for t in ("MDMA was approved, was it?", "x", "the the the", "Dr. Smith (2021) said so.")]
    model = extract_ngrams(2, attr=ORTH)
    (k1, v1, l1), _ = forward(model, docs, False)
    (k2, v2, l2), _ = batched_forward(model, docs, False)
    for a, b in ((k1, k2), (v1, v2), (l1, l2)):
        assert a.dtype == b.dtype and numpy.array_equal(a, b)
