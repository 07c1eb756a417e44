"""An approval told as a drug classed as a medicine, or given a medicine's status (lang/classing.py)."""

from __future__ import annotations

import pytest


def _approvals(events_read, text: str) -> list[tuple[str, str]]:
    return events_read(text, "approval")


@pytest.mark.parametrize(("text", "span", "stance"), [
    ("Drug X has now been classed as a medicine.", "classed as a medicine", "done"),
    ("The country will recognise Drug X as a pharmaceutical drug.", "recognise Drug X as a pharmaceutical drug",
     "expected"),
    ("Drug X was given medicine status by the authorities.", "given medicine status", "done"),
    # an aside between the object and "as"; the noun of the verb
    ("The country will recognise Drug X, the active ingredient of a tea, as a medicine next year.",
     "recognise Drug X, the active ingredient of a tea, as a medicine", "expected"),
    ("Its acceptance as a therapeutic drug is only a couple of years away.", "acceptance as a therapeutic drug",
     "expected"),
])
def test_classing_as_a_medicine_is_an_approval(events_read, text: str, span: str, stance: str):
    assert (span, stance) in _approvals(events_read, text)


@pytest.mark.parametrize("text", [
    "In 1985 Drug X was classified as a Schedule I drug.",  # classed as something else
    "Drug X is widely recognised as a promising treatment.",  # a judgement of worth
    "Drug X is recognised as a party drug.",  # "drug" without a medical word
    "Pills classified as reuptake inhibitors affect treatment response.",  # nouns, not modifiers, before the head
    "The legal status of Drug X is unclear.",  # no medicine's status
])
def test_other_classings_are_not_approvals(events_read, text: str):
    assert _approvals(events_read, text) == []
