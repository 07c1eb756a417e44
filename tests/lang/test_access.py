"""Access to a treatment told as what patients are able to get (lang/access.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "span", "stance"), [
    ("Veterans may soon be able to get Drug X-assisted therapy.", "able to get Drug X-assisted therapy", "expected"),
    ("Patients are now able to receive the new treatment with Drug X.", "able to receive the new treatment", "current"),
])
def test_being_able_to_get_a_treatment_is_access(events_read, text: str, span: str, stance: str):
    assert (span, stance) in events_read(text, "approval")


@pytest.mark.parametrize("text", [
    "With Drug X they were able to get through trauma therapy.",  # no treatment right after the verb
    "Patients were able to get talk therapy alongside Drug X.",  # a therapy that is not the drug's
    "The clinic was able to get funding for Drug X.",
])
def test_other_things_got_are_not_access(events_read, text: str):
    assert events_read(text, "approval") == []


def test_access_thanks_to_trials_is_no_research_approval(analyse_text):
    an = analyse_text("Veterans may soon be able to get Drug X therapy thanks to successful trials.")
    assert [e.event for e in an.events if e.event.endswith("approval")] == ["approval"]
