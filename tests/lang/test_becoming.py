"""A drug said to become a medicine is read as an approval (lang/becoming.py)."""

from __future__ import annotations

import pytest


def _approvals(analyse_text, text: str) -> list[tuple[str, str]]:
    an = analyse_text(text)
    return [(an.doc[e.cue.start:e.cue.end].text, e.stance.stance) for e in an.events if e.event == "approval"]


@pytest.mark.parametrize(("text", "span", "stance"), [
    ("Drug X appears poised to become a badly needed therapy for burns.", "become a badly needed therapy", "expected"),
    ("Medicines based on Drug X may be a reality in two or three years.", "be a reality", "expected"),
    ("Drug X will likely be an accepted remedy by 2030.", "be an accepted remedy", "expected"),
    ("Drug X is not going to become a treatment any time soon.", "become a treatment", "negated"),
])
def test_becoming_a_medicine_is_an_approval_event(analyse_text, text: str, span: str, stance: str):
    assert (span, stance) in _approvals(analyse_text, text)


@pytest.mark.parametrize("text", [
    "Drug X has become a popular treatment among students.",  # a description of use, told in the perfect
    "Drug X became a fashionable party drug in the 1980s.",
    "Drug X is a promising treatment for burns.",  # the present of "be" describes
    "Drug X could become a treatment centre's biggest expense.",  # the phrase's head is not a medicine
    "Drug X could become a tool in the therapist's kit.",
])
def test_descriptions_and_other_heads_are_not_approvals(analyse_text, text: str):
    assert _approvals(analyse_text, text) == []


@pytest.mark.parametrize("text", [
    "Drug X could be a promising therapy for burns.",  # a judgement of worth, not of standing
    "Drug X may be the most popular medicine of the decade.",
    "Drug X could become a safer treatment than surgery.",
    "Drug X will be a treatment for some and a poison for others.",  # "be" with no word of standing
])
def test_judgements_of_worth_are_not_approvals(analyse_text, text: str):
    assert _approvals(analyse_text, text) == []
