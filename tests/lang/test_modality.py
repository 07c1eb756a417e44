"""Modality readers (lang/modality.py), on word lists alone."""

from __future__ import annotations

import pytest

from factcheck.lang.modality import _condition_opens_before, _modal_before, _modal_reading


@pytest.mark.parametrize(("text", "event", "condition"), [
    ("clinics would open once the drug is rescheduled", "rescheduled", True),
    ("sales start if the agency approves it", "approves", True),
    ("the drug was once legalized there", "legalized", False),  # adverbial "once"
    ("the agency approved it , once again", "approved", False),
    # a long name as the condition's subject
    ("use is lawful once the united states food and drug administration has approved it", "approved", True),
])
def test_a_condition_opened_inside_the_clause(text: str, event: str, condition: bool):
    words = text.split()
    assert _condition_opens_before(words, 0, words.index(event)) is condition


@pytest.mark.parametrize(("text", "reading"), [
    ("it will soon approve", "will"),
    ("it could have approved", "would"),  # counterfactual
    ("it may now be prescribed", None),  # a permission held now
])
def test_what_a_modal_does_to_the_event(text: str, reading: str | None):
    words = text.split()
    stop = len(words) - 1
    assert _modal_reading(words, words.index(text.split()[1]), stop) == reading


def test_inverted_conditions_read_from_the_places_kept_per_word_list(monkeypatch):
    """Where "should", "had" and "were" stand is kept for the last word list read; interleaved
    lists read as with the places found afresh each time."""
    import random

    from factcheck.lang import modality

    rng = random.Random(9)
    vocab = ["should", "had", "were", "it", "they", "the", "approval", "be", "approved", "if", "needs", ",", "any", "that"]
    lists = [[rng.choice(vocab) for _ in range(rng.randint(1, 20))] for _ in range(200)]
    cases = [(w, rng.randrange(len(w)), rng.randrange(len(w))) for w in lists for _ in range(5)]
    rng.shuffle(cases)

    def read() -> list[bool]:
        return [modality._hypothetical(w, min(cs, es), max(cs, es), []) for w, cs, es in cases]

    kept = read()
    monkeypatch.setattr(modality, "_inverting", lambda words: [i for i, w in enumerate(words) if w in ("should", "had", "were")])
    assert read() == kept
    assert any(kept) and not all(kept)


@pytest.mark.parametrize(("text", "modal"), [
    ("the trials will start enrolling in may", "will"),  # the event noun opens: it is what begins
    ("the review will begin next week", "will"),
    ("approval could start a new era", None),  # what approval would do, not approval to come
])
def test_an_opening_verb_after_the_event_noun(text: str, modal: str | None):
    words = text.split()
    es = 1
    assert _modal_before(words, 0, es, len(words)) == modal


@pytest.mark.parametrize(("text", "duty"), [
    ("the fda must make a big call", True),
    ("the agency has to rule on it", True),
    ("the agency needs to decide", True),
    ("if it must decide , it will", False),
    ("the agency will decide", False),
])
def test_an_obligation_right_before_the_event(text: str, duty: bool) -> None:
    from factcheck.lang.modality import _obligation_with_deadline

    words = text.split()
    assert _obligation_with_deadline(words, 0, len(words) - 1) is duty


@pytest.mark.parametrize(("text", "conjunction"), [
    ("once the panel has voted , the fda is expected to decide", True),
    ("approval was once expected by 2021", False),
])
def test_once_as_a_conjunction_is_no_past_frame(text: str, conjunction: bool) -> None:
    from factcheck.lang.cues import Cue
    from factcheck.lang.modality import _once_as_conjunction

    words = text.split()
    i = words.index("once")
    assert _once_as_conjunction(words, Cue("ST:past", i, i + 1)) is conjunction


@pytest.mark.parametrize(("text", "modal"), [
    ("the fda is to make a final ruling", "will"),
    ("the fda was to make a final ruling", "past"),
])
def test_be_to_with_a_verb_is_a_plan(text: str, modal: str) -> None:
    from factcheck.lang.modality import _modal_before

    words = text.split()
    assert _modal_before(words, 0, words.index("ruling")) == modal


@pytest.mark.parametrize(("text", "after"), [
    ("if that is granted , the fda must decide", True),
    ("it asked for priority review ; if that is granted , the fda must decide", True),
    ("it asked for review , and unless it is refused , the fda must decide", True),
    ("on august 9 , the fda must decide", False),
    ("the fda must decide", False),
])
def test_the_main_clause_of_a_condition(text: str, after: bool) -> None:
    from factcheck.lang.modality import after_a_condition

    words = text.split()
    cs = len(words) - 4
    assert after_a_condition(words, 0, cs) is after


@pytest.mark.parametrize(("text", "modal"), [
    ("mdma will enter phase 3 trials", "will"),  # entering a stage is the stage to come
    ("the drug could commence phase 3 trials", "could"),
])
def test_a_verb_of_entering_carries_the_modal_to_the_stage(text: str, modal: str) -> None:
    words = text.split()
    es = words.index("phase")
    assert _modal_before(words, 0, es) == modal
