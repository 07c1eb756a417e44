"""Kind `name`: the Federal Medicines Board (FMB), its wrong forms and wrong expansions.

Every sentence names Drug X, what the test pack is about: name rules read only such documents.
"""

from __future__ import annotations

import pytest

RULE = "test/board-name"


@pytest.mark.parametrize(("text", "span"), [
    ("The Federal Medicine Board met about Drug X.", "Federal Medicine Board"),
    ("The federal drugs board met about Drug X.", "federal drugs board"),  # matched whatever its case
    ("The FMB (Federal Medical Bureau) met about Drug X.", "Federal Medical Bureau"),  # acronym spelled out wrongly
    ("The Federal Medical Bureau (FMB) met about Drug X.", "Federal Medical Bureau"),
])
def test_wrong_name_is_flagged(hits, text: str, span: str):
    assert hits(text, RULE) == [(RULE, span, "warning")]


@pytest.mark.parametrize("text", [
    "The Federal Medicines Board met about Drug X.",
    "The FMB (Federal Medicines Board) met about Drug X.",
    "The Federal Medicines Board (FMB) met about Drug X.",
    "The FMB (the Federal Medicines Board) met about Drug X.",  # an alias
    "The FMB (see below) met about Drug X.",  # brackets that are no expansion of the acronym
    "The FMB met in Ottawa about Drug X.",
])
def test_right_names_are_not_flagged(hits, text: str):
    assert hits(text, RULE) == []
