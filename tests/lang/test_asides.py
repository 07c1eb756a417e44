"""Asides (relative clauses, brackets) read once per sentence give the plain reading for every
token (docs/performance.md, sixth round)."""

from __future__ import annotations

import random

import pytest
import spacy

from factcheck.lang.asides import RELATIVE_OPENERS, asides


def _asides_plain(doc, sentence: tuple[int, int], at: int) -> list[tuple[int, int]]:
    """The aside reading before it was kept per sentence (docs/performance.md, fifth round's code)."""
    out: list[tuple[int, int]] = []
    s0, s1 = sentence
    i = s0
    while i < s1 - 1:
        t = doc[i]
        if t.text == "," and doc[i + 1].lower_ in RELATIVE_OPENERS:
            j = next((k for k in range(i + 2, s1) if doc[k].text in (",", ";")), None)
            if j is not None:
                if not (i <= at < j):
                    out.append((i, j))
                i = j
                continue
        elif t.text == "(":
            j = next((k for k in range(i + 1, min(s1, i + 25)) if doc[k].text == ")"), None)
            if j is not None:
                antecedent = j + 2 < s1 and doc[j + 1].text == "," and doc[j + 2].lower_ in RELATIVE_OPENERS
                if not (i <= at <= j) and not antecedent:
                    out.append((i, j + 1))
                i = j
                continue
        i += 1
    return out


def test_asides_kept_per_sentence_are_the_plain_reading_for_every_token() -> None:
    nlp = spacy.blank("en")
    text = ("Lykos, which sponsors MDMA, says it will refile (in 2025), and the older drug (Drug Y), "
            "which is awaiting approval, waits. Who, Which ( no close , which ; (a) (b), whose x, y. "
            "The agency (FDA) , who knows (really) ,")
    doc = nlp(text)
    for sentence in [(0, len(doc)), (2, 20), (5, len(doc) - 3), (len(doc) - 1, len(doc)), (3, 3)]:
        for at in range(max(0, sentence[0] - 1), min(len(doc), sentence[1] + 1)):
            assert asides(doc, sentence, at) == _asides_plain(doc, sentence, at)


@pytest.mark.parametrize("seed", range(6))
def test_asides_of_random_sentences_are_the_plain_reading(seed: int) -> None:
    nlp = spacy.blank("en")
    rng = random.Random(seed)
    words = [",", ";", "(", ")", "which", "Who", "whose", "x", "MDMA", "the", "drug", "is"]
    for _ in range(150):
        doc = nlp(" ".join(rng.choice(words) for _ in range(rng.randrange(1, 40))))
        s0 = rng.randrange(0, len(doc))
        sentence = (s0, rng.randrange(s0, len(doc) + 1))
        for at in range(sentence[0], sentence[1] + 1):
            assert asides(doc, sentence, at) == _asides_plain(doc, sentence, at)
