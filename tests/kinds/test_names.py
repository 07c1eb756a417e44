"""Kind `name`: the Federal Medicines Board (FMB), its wrong forms and wrong expansions."""

from __future__ import annotations

import pytest

RULE = "test/board-name"


@pytest.mark.parametrize(("text", "span"), [
    ("The Federal Medicine Board met.", "Federal Medicine Board"),
    ("The federal drugs board met.", "federal drugs board"),  # matched whatever its case
    ("The FMB (Federal Medical Bureau) met.", "Federal Medical Bureau"),  # acronym spelled out wrongly
    ("The Federal Medical Bureau (FMB) met.", "Federal Medical Bureau"),
])
def test_wrong_name_is_flagged(hits, text: str, span: str):
    assert hits(text, RULE) == [(RULE, span, "warning")]


@pytest.mark.parametrize("text", [
    "The Federal Medicines Board met.",
    "The FMB (Federal Medicines Board) met.",
    "The Federal Medicines Board (FMB) met.",
    "The FMB (the Federal Medicines Board) met.",  # an alias
    "The FMB (see below) met.",  # brackets that are no expansion of the acronym
    "The FMB met in Ottawa.",
])
def test_right_names_are_not_flagged(hits, text: str):
    assert hits(text, RULE) == []
