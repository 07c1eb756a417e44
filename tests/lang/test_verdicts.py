"""A decision told as a verb of judging and a noun of judgement (lang/verdicts.py)."""

from __future__ import annotations

import pytest


def _decisions(events_read, text: str) -> list[tuple[str, str]]:
    return events_read(text, "decision")


@pytest.mark.parametrize(("text", "span", "stance"), [
    ("Campaigners hope the agency reaches a different conclusion next month.", "reaches a different conclusion",
     "expected"),
    ("The agency is expected to reach its own conclusion on Drug X.", "reach its own conclusion", "expected"),
    ("The agency will give a final answer on Drug X next year.", "give a final answer", "expected"),
    ("The agency has handed down its ruling on Drug X.", "handed down its ruling", "done"),
    ("Campaigners hope the agency will give a long-awaited answer next month.", "give a long-awaited answer", "expected"),
])
def test_a_verb_and_a_noun_of_judgement_are_a_decision(events_read, text: str, span: str, stance: str):
    assert (span, stance) in _decisions(events_read, text)


@pytest.mark.parametrize("text", [
    "The maker made a call to the clinic about Drug X.",  # a telephone call
    "The team reached the hospital in the evening.",
    "The study gave patients an answer sheet.",  # no determiner before the noun of judgement
    "Her therapist made a phone call and the session ended early.",
    "The agency will reach a fresh conclusion on Drug X next year.",  # a further one: left to the noun alone
])
def test_other_verbs_and_nouns_are_no_decision(events_read, text: str):
    assert _decisions(events_read, text) == []


def test_what_a_decision_answers_is_not_its_stance(events_read):
    # the request is pending only until this answer: the answer itself is given
    found = _decisions(events_read, "The agency has given a negative answer to the maker's request for a licence.")
    assert ("given a negative answer", "done") in found
