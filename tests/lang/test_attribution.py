"""Who a statement belongs to: quotation marks around an event mention."""

from __future__ import annotations

import random

from factcheck.lang.attribution import CLOSE_QUOTES, OPEN_QUOTES, in_quotes


def _plain(doc, sent, at) -> bool:
    """The reading token by token (as it was before the marks were indexed per Doc)."""
    depth = straight = 0
    for t in doc[sent[0]:at]:
        if t.text in OPEN_QUOTES:
            depth += 1
        elif t.text in CLOSE_QUOTES and depth:
            depth -= 1
        elif t.text == '"':
            straight += 1
    return depth > 0 or straight % 2 == 1


def test_inside_quotation_marks_as_read_token_by_token(nlp):
    assert in_quotes(nlp('He said "approval is near" today.'), (0, 9), 4)
    assert not in_quotes(nlp('He said "approval is near" today.'), (0, 9), 8)
    rng = random.Random(2)
    pieces = ["approval", "is", "near", '"', "“", "”", "‘", "’", "«", "»", "it’s", "'", "said", ".", "x", "\n"]
    for _ in range(300):
        doc = nlp(" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))))
        for s in range(0, len(doc) + 1, 3):
            for at in range(0, len(doc) + 1):
                assert in_quotes(doc, (s, len(doc)), at) == _plain(doc, (s, len(doc)), at)


def test_an_adjective_in_ing_after_a_word_of_degree_reports_nothing(nlp, generic_matcher) -> None:
    from factcheck.lang.attribution import speaker_of
    from factcheck.lang.cues import Cue

    doc = nlp("Since its approval Drug X has become one of the most promising treatments around.")
    cues = generic_matcher(doc)
    at = next(t.i for t in doc if t.text == "approval")
    event = Cue("EV:approval", at, at + 1)
    assert speaker_of(doc, (0, len(doc)), (0, len(doc)), event, cues) == (False, None)
    doc = nlp("Analysts say approval of Drug X is near.")  # a report still is one
    at = next(t.i for t in doc if t.text == "approval")
    assert speaker_of(doc, (0, len(doc)), (0, len(doc)), Cue("EV:approval", at, at + 1), generic_matcher(doc))[0]
