"""A filing told as applying or asking for a licence (lang/applying.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "span", "stance"), [
    ("Zykora applied for agency approval of Drug X in 2024.", "applied for agency approval", "done"),
    ("The maker will ask the agency for approval of Drug X next year.", "ask the agency for approval", "expected"),
    ("Now that the maker has asked the agency for approval of Drug X, sales could start in 2031.",
     "asked the agency for approval", "done"),  # the opener "now that" ends at its comma
])
def test_asking_for_a_licence_is_a_filing(events_read, text: str, span: str, stance: str):
    assert (span, stance) in events_read(text, "submission")


def test_the_licence_asked_for_is_no_approval(events_read):
    assert events_read("The maker applied to the agency for approval of Drug X in February.", "approval") == []


@pytest.mark.parametrize("text", [
    "The same rules apply for patients taking Drug X.",  # no licence after "for"
    "Patients asked for Drug X by name.",  # asked of nobody, for no licence
])
def test_other_applying_is_no_filing(events_read, text: str):
    assert events_read(text, "submission") == []
