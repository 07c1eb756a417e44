"""Kind `event-date`: a date given for an event that does not fit when it happened (2025-03)."""

from __future__ import annotations

import pytest

RULE = "test/x-approval-date"


@pytest.mark.parametrize(("text", "span"), [
    ("Drug X was approved in 2023.", "approved in 2023"),
    ("The agency approved Drug X in June 2025.", "approved Drug X in June 2025"),
    ("Since its approval in 2024, Drug X has sold well.", "approval in 2024"),
])
def test_wrong_date_is_an_error(hits, text: str, span: str):
    assert hits(text, RULE) == [(RULE, span, "error")]


@pytest.mark.parametrize("text", [
    "Drug X was approved in March 2025.",
    "Drug X was approved in 2025.",  # right at the text's own precision
    "Drug X was approved in early 2025.",
    "Drug Y was approved in 2023.",  # another product
    "Drug X was expected to be approved in 2023.",  # a forecast, not the date of the event
    "If approved in 2023, Drug X would have been first.",
    "Was Drug X approved in 2023?",
    # Another name is what the passive is about: Zykora's date, not Drug X's.
    "Zykora was approved in 2023 and approved Drug X in March 2025.",
    # A date that closes an earlier event is that event's date.
    "Drug X was reviewed in 2023 and approved soon after.",
])
def test_fitting_or_other_dates_are_not_flagged(hits, text: str):
    assert hits(text, RULE) == []
