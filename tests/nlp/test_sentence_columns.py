"""factcheck/nlp/sentences.py against what it replaces: spaCy's sentencizer, then hard breaks and
joins set one token at a time."""

from __future__ import annotations

import random
import time

import numpy
import pytest
import spacy
from spacy.attrs import SENT_START

from factcheck.nlp.sentences import rule_starts, set_sentence_starts

PIECES = ["The FDA approved it", ".", "!", "?", "...", "。", "Dr.", "U.S.", " ", "  ", "\n", "\n\n", "(", ")", '"',
          "“", "”", "2.", "3)", "- ", "| cell |", "67%", "e.g.", ",", ";", "word", "MDMA", "‽", "？"]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def _reference(nlp, text: str, breaks: list[int], joins: list[int]):
    """The sentencizer, then the per-token assignments of the former component."""
    doc = nlp.make_doc(text)
    sentencizer = nlp.create_pipe("sentencizer")
    sentencizer(doc)
    if len(doc) == 0:
        return doc
    idx = doc.to_array("IDX")
    for p in numpy.searchsorted(idx, numpy.asarray(joins, dtype=idx.dtype), side="left"):
        for tok in doc[int(p):int(p) + 3]:
            if tok.i > 0:
                tok.is_sent_start = False
            if tok.is_alpha or tok.is_digit:
                break
    for p in {int(x) for x in numpy.searchsorted(idx, numpy.asarray(breaks, dtype=idx.dtype), side="left")}:
        if 0 < p < len(doc):
            tok = doc[p]
            while tok.is_space and tok.i + 1 < len(doc):
                tok = doc[tok.i + 1]
            tok.is_sent_start = True
    return doc


def test_random_texts_get_the_starts_of_the_sentencizer_and_the_per_token_breaks(nlp):
    rng = random.Random(11)
    for _ in range(400):
        text = "".join(rng.choice(PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(0, 40)))
        cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randint(0, 6))))
        breaks, joins = cuts[::2], cuts[1::2]
        want = _reference(nlp, text, breaks, joins).to_array(SENT_START)
        got = set_sentence_starts(nlp.make_doc(text), breaks, joins).to_array(SENT_START)
        assert numpy.array_equal(got, want), text


def test_rule_starts_mark_the_first_token_and_words_after_final_punctuation(nlp):
    doc = nlp.make_doc('It works. "Yes!" he said?! Then 3.5 more')
    starts = [t.text for t, s in zip(doc, rule_starts(doc)) if s]
    assert starts == ["It", "Yes", "he", "Then"]
    assert rule_starts(nlp.make_doc("")).tolist() == []


def test_a_long_table_is_linear(nlp):
    rows = "\n".join(f"| row {i} | 50 mg | approved |" for i in range(16000))
    doc = nlp.make_doc(rows)
    breaks = [i + 1 for i, ch in enumerate(rows) if ch == "\n"]
    t = time.perf_counter()
    set_sentence_starts(doc, breaks, [])
    # One token at a time this took 25 s here (each assignment scanned the whole Doc); now 0.1 s.
    assert time.perf_counter() - t < 5.0
    assert sum(1 for s in doc.sents) == 16000
