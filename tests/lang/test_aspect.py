"""Aspect and tense readers (lang/aspect.py), on word lists alone."""

from __future__ import annotations

import pytest

from factcheck.lang.aspect import _aux_before, _irregular_past, _progressive_after, finite_after_subject


@pytest.mark.parametrize(("word", "past"), [
    ("spun", True), ("held", True), ("led", True),  # the lemma table maps them to another lemma
    ("approves", False), ("approving", False), ("spin", False), ("was", False), ("is", False),
])
def test_an_irregular_past_form_is_read_from_the_lemma_table(word: str, past: bool):
    assert _irregular_past(word) is past


@pytest.mark.parametrize(("text", "aux"), [
    ("drug x has now been approved", "perfect"),
    ("drug x was approved", "past"),
    ("drug x is approved", "present"),
    ("drug x will be approved", "modal"),
    ("the approved drug x", None),
])
def test_the_auxiliary_governing_a_word(text: str, aux: str | None):
    words = text.split()
    assert _aux_before(words, 0, words.index("approved")) == aux


@pytest.mark.parametrize(("text", "progressive"), [
    ("the study of drug x is still enrolling", True),
    ("the trials have now begun in three countries", True),  # a start in the present perfect holds now
    ("the trials began in three countries", False),
    ("the trials now under way in three countries", True),
    ("the review is simply taking longer", True),
    ("the study of drug x was published", False),
    ("the study that ended is over", False),
])
def test_an_event_phrase_as_subject_of_a_progressive(text: str, progressive: bool):
    words = text.split()
    ee = words.index("study") if "study" in words else words.index("trials") if "trials" in words else words.index("review")
    assert _progressive_after(words, ee + 1, len(words)) is progressive


@pytest.mark.parametrize(("text", "verb", "tense"), [
    ("drug x relieves burns within days", "relieves", "present"),  # the subject opens the clause
    ("the new drug x capsule relieves burns", "relieves", "present"),
    ("it relieves burns", "relieves", "present"),
    ("drug x relieved most burns", "relieved", "past"),
    ("nobody knows whether drug x relieves burns", "relieves", None),  # the clause is a question's
    ("drug x usually relieves burns", "relieves", None),  # habitual, said of cases, not a state held
    ("burns were relieved", "relieved", None),  # a passive: read elsewhere
    ("drug x relieve burns", "relieve", None),  # not a finite form
    ("drug x burns are rare", "burns", None),  # a plural noun: the subject of the verb after it
])
def test_a_pack_verb_right_after_its_subject(text: str, verb: str, tense: str | None):
    words = text.split()
    assert finite_after_subject(words, 0, words.index(verb), len(words), set()) == tense


@pytest.mark.parametrize(("text", "tense"), [
    ("the fda is in fact examining it", "present"),
    ("the fda is at present reviewing it", "present"),
    ("the fda has by now reviewed it", "perfect"),
])
def test_two_word_adverbials_between_auxiliary_and_verb(text: str, tense: str) -> None:
    words = text.split()
    assert _aux_before(words, 0, len(words) - 2) == tense


@pytest.mark.parametrize(("text", "done"), [
    ("news came that the agency was giving drug x the green light", True),  # a grant told as it went
    ("the agency was giving drug x and drug y the green light", True),      # two objects of one grant
    ("the agency gave drug x the green light", True),
    ("the company was getting ready for the green light", False),         # "getting" may be "getting ready"
])
def test_an_event_noun_granted(text: str, done: bool):
    from factcheck.lang.aspect import _done

    words = text.split()
    es = words.index("green")
    assert (_done(words, 0, es, es + 2) == "done") is done
