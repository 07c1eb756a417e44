import random

import spacy

from factcheck.nlp.spans import Coverage, TokenColumns, token_columns


def test_token_columns_give_what_the_token_objects_give():
    nlp = spacy.blank("en")
    doc = nlp("Dr. Okafor said:  the FDA's  decision (e.g. 120 mg) came.\n\n- A list item\tand a tab ")
    cols = TokenColumns(doc)
    assert cols.idx == [t.idx for t in doc]
    assert [cols.end(i) for i in range(len(doc))] == [t.idx + len(t) for t in doc]
    assert cols.words(0, len(doc)) == [t.text for t in doc]
    assert cols.spaces(2, 9) == [bool(t.whitespace_) for t in doc[2:9]]
    assert token_columns(doc) is token_columns(doc)  # read once per Doc
    assert TokenColumns(nlp("")).idx == []


def test_coverage_overlaps_as_the_pairwise_test_does():
    rng = random.Random(5)
    for _ in range(200):
        spans = [(a, a + rng.randint(0, 6)) for a in (rng.randint(0, 40) for _ in range(rng.randint(0, 6)))]
        covered = Coverage(spans)
        for a in range(0, 45, 3):
            b = a + rng.randint(1, 8)
            assert covered.overlaps(a, b) == any(s < b and a < e for s, e in spans), (spans, a, b)
