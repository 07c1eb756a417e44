"""Kind `jurisdiction-status`: approved in Canada (since 2025-06), not approved in Japan."""

from __future__ import annotations

import kindpack
import pytest

RULE = "test/x-places"


@pytest.mark.parametrize(("text", "span"), [
    ("Drug X is not approved in Canada.", "is not approved in Canada"),
    ("Drug X is approved in Japan.", "is approved in Japan"),
    ("Drug X still awaits approval from Canadian regulators.", "still awaits approval from Canadian"),
])
def test_wrong_state_for_a_place(hits, text: str, span: str):
    assert hits(text, RULE) == [(RULE, span, "warning")]


@pytest.mark.parametrize("text", [
    "Drug X is approved in Canada.",
    "Drug X is not approved in Japan.",
    "Drug X is not approved in Germany.",  # a place the rule does not know
    "Drug Y is not approved in Canada.",  # another product
    "Is Drug X approved in Japan?",
])
def test_right_or_unknown_states_are_not_flagged(hits, text: str):
    assert hits(text, RULE) == []


def test_since_date_of_the_place_is_honoured(tmp_path):
    early = kindpack.linter_for([kindpack.write_pack(tmp_path / "test")], as_of=kindpack.date(2025, 4, 1))
    assert kindpack.findings(early, "Drug X is not approved in Canada.", RULE) == []
    assert kindpack.findings(early, "Drug X is approved in Japan.", RULE)
