"""Modality readers (lang/modality.py), on word lists alone."""

from __future__ import annotations

import pytest

from factcheck.lang.modality import _condition_opens_before, _modal_reading


@pytest.mark.parametrize(("text", "event", "condition"), [
    ("clinics would open once the drug is rescheduled", "rescheduled", True),
    ("sales start if the agency approves it", "approves", True),
    ("the drug was once legalized there", "legalized", False),  # adverbial "once"
    ("the agency approved it , once again", "approved", False),
])
def test_a_condition_opened_inside_the_clause(text: str, event: str, condition: bool):
    words = text.split()
    assert _condition_opens_before(words, 0, words.index(event)) is condition


@pytest.mark.parametrize(("text", "reading"), [
    ("it will soon approve", "will"),
    ("it could have approved", "would"),  # counterfactual
    ("it may now be prescribed", None),  # a permission held now
])
def test_what_a_modal_does_to_the_event(text: str, reading: str | None):
    words = text.split()
    stop = len(words) - 1
    assert _modal_reading(words, words.index(text.split()[1]), stop) == reading
