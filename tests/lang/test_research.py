"""What an approval is of: the product, or research on it (lang/research.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("sentence", "event"), [
    ("The agency approved a Phase 3 trial of Drug X.", "research-approval"),
    ("The agency approved the use of Drug X in large clinical trials.", "research-approval"),
    ("The agency approved a clinical trial application for Drug X.", "research-approval"),
    ("The agency approved Drug X on the strength of its trial data.", "approval"),  # what the trials gave
    ("The agency approved Drug X after two trials.", "approval"),
])
def test_an_approval_of_research_is_no_licence(analyse_text, sentence: str, event: str) -> None:
    an = analyse_text(sentence)
    assert [e.event for e in an.events if e.event.endswith("approval")] == [event]
