"""Asides of a sentence: non-restrictive relative clauses (", which ... ,") and brackets.

A subject named inside an aside that does not hold the event is not what the sentence is about
(lang/topic.py). Where a sentence's asides are does not depend on the event, only which one is
dropped (the one holding it): they are read once per sentence, from the positions of the Doc's
commas, semicolons and brackets (one pass over its spelling column per Doc), instead of a Token
object per token per event and rule that asks.
"""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc

RELATIVE_OPENERS = {"which", "who", "whose", "whom"}
_MARKS = (",", ";", "(", ")")
_SPANS_KEY = "factcheck_topic_asides"
_MARKS_KEY = "factcheck_asides_marks"


def asides(doc: Doc, sentence: tuple[int, int], at: int) -> list[tuple[int, int]]:
    """Token spans of the sentence's non-restrictive relative clauses (", which ... ,") and
    brackets that do not hold token `at`."""
    memo: dict[tuple[int, int], list[tuple[int, int, int, int]]] = doc.user_data.setdefault(_SPANS_KEY, {})
    found = memo.get(sentence)
    if found is None:
        found = memo[sentence] = aside_spans(doc, sentence)
    return [(a, b) for a, b, lo, hi in found if not lo <= at <= hi]


def _marks(doc: Doc) -> tuple[list[int], list[str]]:
    """The positions of the tokens spelt , ; ( or ), ascending, and each one's spelling."""
    found = doc.user_data.get(_MARKS_KEY)
    if found is None or found[0] != len(doc):
        strings = doc.vocab.strings
        spelling = {strings[m]: m for m in _MARKS}  # a mark's hash: its spelling's, as in ORTH
        orth = doc.to_array(ORTH) if len(doc) else numpy.zeros(0, dtype="uint64")
        at = numpy.flatnonzero(numpy.isin(orth, numpy.array(list(spelling), dtype="uint64"))).tolist()
        found = doc.user_data[_MARKS_KEY] = (len(doc), at, [spelling[int(orth[p])] for p in at])
    return found[1], found[2]


def aside_spans(doc: Doc, sentence: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    """Each aside of the sentence as (start, end, lo, hi): it is dropped for a token `at` with
    lo <= at <= hi (the one that holds it). Read as a walk over the sentence's tokens that stops
    only at marks (any other token moves it on by one)."""
    out: list[tuple[int, int, int, int]] = []
    s0, s1 = sentence
    pos, mark = _marks(doc)
    k = bisect.bisect_left(pos, s0)
    n = bisect.bisect_left(pos, s1)  # marks inside the sentence: pos[k:n]
    while k < n and pos[k] < s1 - 1:
        p, t = pos[k], mark[k]
        if t == "," and doc[p + 1].lower_ in RELATIVE_OPENERS:
            # The clause runs to the next comma or semicolon after the opener.
            m = next((m for m in range(k + 1, n) if pos[m] >= p + 2 and mark[m] in (",", ";")), None)
            if m is not None:
                out.append((p, pos[m], p, pos[m] - 1))  # held when p <= at < its end
                k = m  # the walk goes on from that mark itself
                continue
        elif t == "(":
            m = next((m for m in range(k + 1, n) if pos[m] < min(s1, p + 25) and mark[m] == ")"), None)
            if m is not None:
                j = pos[m]
                # Not a bracket that ends a relative clause's antecedent ("the older drug (Drug Y),
                # which is awaiting approval"): the clause is about what it names.
                antecedent = (j + 2 < s1 and m + 1 < n and pos[m + 1] == j + 1 and mark[m + 1] == ","
                              and doc[j + 2].lower_ in RELATIVE_OPENERS)
                if not antecedent:
                    out.append((p, j + 1, p, j))  # held when p <= at <= j
                k = m
                continue
        k += 1
    return out
