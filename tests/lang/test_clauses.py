"""Clauses: where the sense of a sentence turns, read without a parser."""

from __future__ import annotations

import pytest

from factcheck.lang.clauses import clause_bounds


@pytest.fixture(scope="module")
def clause_of(nlp, generic_matcher):
    """The text of the clause holding the first token `word` of a one-sentence text."""

    def run(text: str, word: str) -> str:
        doc = nlp(text)
        at = next(t.i for t in doc if t.text == word)
        cues = generic_matcher(doc)
        start, end = clause_bounds(doc, 0, len(doc), cues, at)
        return doc[start:end].text

    return run


@pytest.mark.parametrize(("text", "word", "clause"), [
    ("Drug Y needs another trial; Drug X is expected soon.", "expected", "Drug X is expected soon."),
    ("Drug Y needs another trial; Drug X is expected soon.", "needs", "Drug Y needs another trial"),
    ("Drug Y failed, but Drug X is expected soon.", "expected", "Drug X is expected soon."),
    ("Drug Y failed — Drug X is expected soon.", "expected", "Drug X is expected soon."),
    ("Drug Y needs another trial, while Drug X is expected soon.", "expected", "Drug X is expected soon."),
    ("Drug X (approved in 2025) sells well.", "approved", "approved in 2025"),
    # a reason is a clause of its own, with no comma before it
    ("The plan needs work because Drug X is expected soon.", "expected", "Drug X is expected soon."),
    ("The plan needs work because Drug X is expected soon.", "needs", "The plan needs work"),
    # A relative aside ends at its comma; the main clause goes on after it.
    ("The plan, which would cover Drug X, is expected soon.", "expected", "is expected soon."),
    ("The plan, which would cover Drug X, is expected soon.", "cover", "which would cover Drug X"),
    # A short gloss in brackets is no clause of its own.
    ("The agency approved Drug X (xamotide) on May 8, 2025.", "approved", "The agency approved Drug X (xamotide) on May 8, 2025."),
])
def test_barriers_cut_a_sentence(clause_of, text: str, word: str, clause: str):
    assert clause_of(text, word) == clause


def test_relative_clause_after_a_comma(clause_of):
    assert clause_of("The agency met Drug X's maker, which expects approval soon.", "expects") == \
        "which expects approval soon."


def test_coordinated_clause_after_a_comma(clause_of):
    assert clause_of("Drug Y was approved, and Drug X is pending.", "pending") == "and Drug X is pending."


def test_all_but_does_not_turn_the_sentence(clause_of):
    text = "Drug X is all but certain to win approval."
    assert clause_of(text, "approval") == text


def test_not_yet_does_not_turn_the_sentence(clause_of):
    text = "Drug X has not yet been approved."
    assert clause_of(text, "approved") == text
    text = "Drug X is yet to be approved."
    assert clause_of(text, "approved") == text


def test_yet_as_a_conjunction_does_turn_it(clause_of):
    assert clause_of("Drug Y is approved, yet Drug X is pending.", "pending") == "Drug X is pending."


def test_fact_box_colon_reads_as_one_statement(clause_of):
    assert clause_of("Approval status: pending.", "status") == "Approval status: pending."


def test_a_colon_before_a_longer_statement_is_a_barrier(clause_of):
    assert clause_of("One thing is clear: Drug X is expected to be approved soon.", "approved") == \
        "Drug X is expected to be approved soon."


def test_opening_subordinate_clause_ends_at_its_comma(clause_of):
    text = "If all goes to plan, Drug X will be approved."
    assert clause_of(text, "approved") == "Drug X will be approved."
    assert clause_of(text, "goes") == "If all goes to plan"
    assert clause_of("After the agency said no, the maker filed again.", "filed") == "the maker filed again."


@pytest.mark.parametrize(("text", "word", "clause"), [
    ("A request has gone in; if it succeeds, Drug X could be on sale by 2030.", "sale", "Drug X could be on sale by 2030."),
    ("A request has gone in; if it succeeds, Drug X could be on sale by 2030.", "succeeds", "if it succeeds"),
    ("The trials are over, and once the agency agrees, Drug X will be sold.", "sold", "Drug X will be sold."),
    # no opener after the barrier: the comma is no cut
    ("The trials are over; in the end, Drug X will be sold.", "sold", "in the end, Drug X will be sold."),
])
def test_a_subordinate_clause_opened_after_a_barrier_ends_at_its_comma(clause_of, text: str, word: str, clause: str):
    assert clause_of(text, word) == clause


def _clause_bounds_by_tokens(doc, sent_start, sent_end, cues, at):
    """clause_bounds as it read the Doc token by token before it read the word column."""
    from factcheck.lang.clauses import ASIDE_REACH, COORDINATORS, OPENERS, RELATIVES, _adverbial

    cuts = {c.start for c in cues if c.label == "BAR" and sent_start <= c.start < sent_end
            and not _adverbial(doc, c.start, sent_start)}
    subs = {c.start for c in cues if c.label == "SUB"}
    for i in range(sent_start, sent_end - 1):
        if doc[i].text == ",":
            nxt = doc[i + 1]
            if (i + 1) in subs or nxt.lower_ in COORDINATORS:
                cuts.add(i)
            if nxt.lower_ in RELATIVES:
                close = next((k for k in range(i + 2, min(sent_end, i + 2 + ASIDE_REACH)) if doc[k].text == ","), None)
                if close is not None:
                    cuts.add(close)
    if doc[sent_start].lower_ in OPENERS:
        comma = next((i for i in range(sent_start + 1, sent_end) if doc[i].text == ","), None)
        if comma is not None:
            cuts.add(comma)
    start, end = sent_start, sent_end
    for c in sorted(cuts):
        if c < at:
            start = c + 1
        elif c > at:
            end = c
            break
    return start, end


def test_clauses_read_from_the_word_column_are_those_read_token_by_token(nlp, generic_matcher):
    text = ("If all goes to plan, the FDA, which met in June, will approve Drug X, and Drug Y, WHICH failed, waits. "
            "After the agency said no, Lykos’ plan, Which Is new, was filed, so it, which, , is, pending. "
            "While Drug X is approved, but not yet sold: insurers, who pay, and doctors, whom it serves, wait,")
    doc = nlp(text)
    cues = generic_matcher(doc)
    sents = [(s.start, s.end) for s in doc.sents]
    for lo, hi in [*sents, (0, len(doc)), (3, 9)]:
        for at in range(lo, hi):
            assert clause_bounds(doc, lo, hi, cues, at) == _clause_bounds_by_tokens(doc, lo, hi, cues, at)


def test_yet_after_a_modal_does_not_turn_the_sentence(clause_of):
    assert clause_of("The agency could yet approve Drug X.", "approve") == "The agency could yet approve Drug X."
