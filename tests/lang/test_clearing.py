"""An approval told with the verb "clear" (lang/clearing.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "stance"), [
    ("Analysts expect regulators to clear Drug X for depression next year.", "expected"),
    ("Drug X could be cleared by federal regulators in 2031.", "expected"),
    ("Last week the agency cleared Drug X for sale.", "done"),
    ("The regulator could soon clear Drug X.", "expected"),
])
def test_clearing_a_drug_is_an_approval(events_read, text: str, stance: str):
    assert any(stance == s for _span, s in events_read(text, "approval"))


@pytest.mark.parametrize("text", [
    "The evidence for Drug X is clear.",  # an adjective
    "Drug X is given in a clear therapeutic setting.",
    "Drug X has cleared phase 2 of testing.",  # a stage passed
    "Drug X cleared a major hurdle last week.",
    "Drug X is cleared from the body within a day.",  # elimination
    "The ruling could clear the way for Drug X.",
    "Drug X was cleared to move into larger trials.",  # leave to go on testing
])
def test_other_clearings_are_not_approvals(events_read, text: str):
    assert events_read(text, "approval") == []
