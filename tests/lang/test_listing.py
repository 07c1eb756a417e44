"""An approval told as entering a list of approved medicines (lang/listing.py)."""

from __future__ import annotations

import pytest


def _approvals(events_read, text: str) -> list[tuple[str, str]]:
    return events_read(text, "approval")


@pytest.mark.parametrize(("text", "span", "stance"), [
    ("The regulator has put both drugs on its list of approved medicines.", "put", "done"),
    ("Drug X was added to the national list of registered medicines in 2021.", "added", "done"),
    ("Drug X will join the list of medicines approved by the regulator next year.", "join", "expected"),
    # two drugs joined by "both ... and", and a regulator's long name before "list"
    ("Ruritania has put both Drug X and Drug Y on the Medicines Board's list of approved medicines.", "put",
     "done"),
])
def test_entering_a_list_of_approved_medicines_is_an_approval(events_read, text: str, span: str, stance: str):
    assert (span, stance) in _approvals(events_read, text)


@pytest.mark.parametrize("text", [
    "The maker added three clinics to the list of trial sites.",  # no approved medicines listed
    "Drug X was added to the list of banned substances in 1985.",
    "Doctors put the patients on a waiting list. Approved medicines are scarce.",  # the sentence ends first
    # a list of what is not approved: the wording of Schedule I
    "In 1985 the agency placed Drug X on the list of drugs with no accepted medical use.",
    "Authorities added Drug X to the list of drugs that are not approved for any use.",
    # the list as the verb's own object
    "The agency put out a list of approved medicines for burns, and Drug X is not on it.",
    "The report included a list of approved medicines for burns.",
])
def test_other_lists_are_no_approval(events_read, text: str):
    assert not any(span in ("added", "put", "placed", "included") for span, _ in _approvals(events_read, text))
