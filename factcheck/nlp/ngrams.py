"""spaCy's `extract_ngrams` layer for a batch of sentences at once, with the same output.

The bag-of-words candidate models (nlp/candidates.py) start with `extract_ngrams`: for each
sentence, its tokens' hashes and the hashes of their n-grams, then `numpy.unique` with counts.
On rows of a few dozen keys numpy's per-call overhead is most of the cost (a twentieth of lint on
the generated benchmark corpus). Here the n-grams of all rows are hashed in one call over the
joined rows (windows that cross a row's end are dropped: each window's hash depends on its keys
alone), and the distinct keys of every row are counted in one sort by row, then key: the same
keys in the same (ascending) order, the same counts and lengths, so the model's scores are equal
bit for bit (tests/nlp/test_ngrams.py).
"""

from __future__ import annotations

from typing import Any

import numpy
from thinc.api import Model


def batched_forward(model: Model, docs: list[Any], is_train: bool) -> tuple[tuple, Any]:
    """`spacy.ml.extract_ngrams.forward` for rows that each hold at least one token."""
    ops = model.ops
    attr, size = model.attrs["attr"], model.attrs["ngram_size"]
    rows = [ops.asarray(doc.to_array([attr])) for doc in docs]
    if not rows or any(r.ndim != 1 or r.shape[0] == 0 for r in rows):
        from spacy.ml.extract_ngrams import forward

        return forward(model, docs, is_train)  # type: ignore[no-any-return]
    lengths_in = numpy.array([r.shape[0] for r in rows], dtype="int64")
    ends = numpy.cumsum(lengths_in)
    joined = numpy.ascontiguousarray(numpy.concatenate(rows), dtype="uint64")
    row_of = numpy.repeat(numpy.arange(len(rows)), lengths_in)
    keys = [joined]
    row_ids = [row_of]
    for n in range(2, size + 1):
        grams = ops.ngrams(n, joined)  # window j: keys j .. j+n-1 of the joined rows
        j = numpy.arange(grams.shape[0])
        inside = j + n - 1 < ends[row_of[j]] if grams.shape[0] else numpy.zeros(0, dtype=bool)
        keys.append(numpy.asarray(grams)[inside])
        row_ids.append(row_of[: grams.shape[0]][inside])
    all_keys = numpy.concatenate(keys)
    all_rows = numpy.concatenate(row_ids)
    order = numpy.lexsort((all_keys, all_rows))  # by row, then key
    k, r = all_keys[order], all_rows[order]
    first = numpy.ones(k.shape[0], dtype=bool)
    first[1:] = (k[1:] != k[:-1]) | (r[1:] != r[:-1])
    at = numpy.flatnonzero(first)
    counts = numpy.diff(numpy.append(at, k.shape[0]))
    batch_keys = k[at]
    lengths = ops.asarray(numpy.bincount(r[at], minlength=len(rows)).tolist(), dtype="int32")
    batch_vals = ops.asarray(counts, dtype="f")

    def backprop(d_y: Any) -> list:
        return []

    return (batch_keys, batch_vals, lengths), backprop


def use_batched_ngrams(model: Model) -> bool:
    """Swap `batched_forward` into the model's `extract_ngrams` layer; False when it has none."""
    swapped = False
    for node in model.walk():
        if node.name == "extract_ngrams":
            node._func = batched_forward
            swapped = True
    return swapped
