"""A filing told as handing something over to a regulator (lang/handing.py)."""

from __future__ import annotations

import pytest


def _submissions(events_read, text: str) -> list[tuple[str, str]]:
    return events_read(text, "submission")


@pytest.mark.parametrize(("text", "span", "stance"), [
    ("The maker intends to present the results to the Food and Drug Administration.", "present", "expected"),
    ("The maker will take its Phase 3 data to the FDA next year.", "take", "expected"),
    ("The company plans to put the application before the agency in the autumn.", "put", "expected"),
    ("The maker will hand over the Phase 3 results to the FDA next year.", "hand", "expected"),
    ("The Phase 3 results will be presented to the FDA next year.", "presented", "expected"),
    ("The maker plans to present the results of its two trials to the country's drug regulator.", "present", "expected"),
])
def test_handing_evidence_to_a_regulator_is_a_submission(events_read, text: str, span: str, stance: str):
    assert (span, stance) in _submissions(events_read, text)


def test_a_hand_over_told_in_the_past_is_no_forecast(events_read):
    found = _submissions(events_read, "The maker brought all of the trial data to the regulators in 2023.")
    assert [span for span, _ in found] == ["brought"]
    assert found[0][1] not in ("expected", "pending", "hypothetical")


@pytest.mark.parametrize("text", [
    "The team presented the results at a conference in Vienna.",  # no regulator
    "The team will present the results to doctors next year.",
    "The team took the data to a journal.",
    "The maker will present its plans to the FDA.",  # plans are no evidence
    "The maker took a hard look at the results before the meeting.",  # nothing handed over
    "The maker will present its trial data to the FDA advisory committee in June.",  # the advisers' meeting
    "Campaigners will bring their case to the DEA.",  # the DEA schedules drugs, it approves none
    "The team presented the results with the agency's blessing at a conference.",
    "The results will be presented to doctors next year.",  # a passive hand-over to no regulator
])
def test_other_hand_overs_are_not_submissions(events_read, text: str):
    assert _submissions(events_read, text) == []


@pytest.mark.parametrize("text", [
    "The maker is committed to presenting its data to the FDA for reconsideration.",
    "The maker will take the data back to the agency.",
    "The maker will present its results to the FDA again.",
])
def test_a_second_hand_over_is_no_first_filing(events_read, text: str):
    assert _submissions(events_read, text) == []
