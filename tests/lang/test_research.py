"""What an approval is of: the product, or research on it (lang/research.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("sentence", "event"), [
    ("The agency approved a Phase 3 trial of Drug X.", "research-approval"),
    ("The agency approved the use of Drug X in large clinical trials.", "research-approval"),
    ("The agency approved a clinical trial application for Drug X.", "research-approval"),
    ("The agency approves large-scale trial of Drug X to treat burns.", "research-approval"),
    ("The agency approved Drug X on the strength of its trial data.", "approval"),  # what the trials gave
    ("The agency approved Drug X after two trials.", "approval"),
    ("Agency approves burns study for children", "research-approval"),  # a word naming the study before it
    ("The agency has cleared a first-of-its-kind trial of Drug X.", "research-approval"),  # a compound, one word
    ("The agency has approved it for a phase-three clinical trial.", "research-approval"),
    ("The agency approved Drug X after successful trials.", "approval"),
])
def test_an_approval_of_research_is_no_licence(analyse_text, sentence: str, event: str) -> None:
    an = analyse_text(sentence)
    assert [e.event for e in an.events if e.event.endswith("approval") or e.event == event][:1] == [event]


@pytest.mark.parametrize(("sentence", "event"), [
    ("The government approved an amendment to the drug regulations for Drug X.", "measure-approval"),
    ("The health department has authorised a company to make Drug X.", "measure-approval"),
    ("The agency approves increased access to Drug X for burns.", "measure-approval"),
    ("The agency approved Drug X for adults.", "approval"),
    # people let into a scheme, not a product licensed
    ("So far the agency has approved only 50 patients for Drug X.", "measure-approval"),
    ("Fifty patients with severe burns have been cleared for Drug X.", "measure-approval"),
    ("Drug X for patients with burns has been approved by the agency.", "approval"),
    ("From July psychiatrists who receive authorisation may prescribe Drug X.", "measure-approval"),
    ("The agency's approval of the new rules covers Drug X.", "approval"),  # the noun: read as before
    # a designation granted on the way to a decision
    ("In 2017 the agency approved Drug X as a breakthrough therapy.", "designation"),
])
def test_an_approval_of_a_measure_or_a_body_is_no_licence(analyse_text, sentence: str, event: str) -> None:
    an = analyse_text(sentence)
    assert [e.event for e in an.events if e.event.endswith("approval") or e.event == event][:1] == [event]
