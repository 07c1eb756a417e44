"""Kind `status`: an event held in a stance the rule lists, about the rule's subject."""

from __future__ import annotations

import kindpack
import pytest

RULE = "test/x-not-approved"


@pytest.mark.parametrize(("text", "span"), [
    ("Drug X is expected to be approved soon.", "is expected to be approved soon"),
    ("Drug X is awaiting approval.", "is awaiting approval"),
    ("Drug X has not yet been approved.", "has not yet been approved"),
    ("Drug X is a capsule. DX-1 could be approved within months.", "could be approved within months"),
])
def test_wrong_stance_is_flagged(hits, text: str, span: str):
    assert hits(text, RULE) == [(RULE, span, "warning")]


@pytest.mark.parametrize("text", [
    "Drug X was approved by the agency in March 2025.",  # done: what the record says
    "The agency declined to approve Drug X.",  # refused is not a listed stance
    "If approved, Drug X would be the first of its kind.",  # hypothetical
    "Will Drug X be approved soon?",  # a question asserts nothing
    "Drug Y is expected to be approved soon.",  # a rival subject
    "Drug X is sold; Drug Y is expected to be approved soon.",  # the rival holds the event's clause
])
def test_other_readings_are_not_flagged(hits, text: str):
    assert hits(text, RULE) == []


def test_subject_named_in_an_earlier_sentence(hits):
    assert hits("Drug X has had a long road. Approval is expected next year.", RULE) == \
        [(RULE, "Approval is expected next year", "warning")]


def test_a_term_alone_does_not_bring_a_page_into_the_pack(hits):
    # DX-1 is one of the rule's subject terms, but the pack is about "Drug X": a page that never
    # names it is out of the pack's domain.
    assert hits("DX-1 could be approved within months.", RULE) == []


def test_attributed_forecast_keeps_its_severity_and_names_the_speaker(kind_linter):
    (f,) = kindpack.findings(kind_linter, "Analysts say Drug X is expected to be approved soon.", RULE)
    assert f.severity == "warning" and f.message.startswith("Attributed to Analysts")


def test_quoted_statement_is_marked_attributed(kind_linter):
    (f,) = kindpack.findings(kind_linter, '"Drug X is expected to be approved soon," a fan wrote.', RULE)
    assert f.attributed and f.text == "is expected to be approved soon"


def test_a_myth_the_text_corrects_is_info(hits):
    assert hits("Myth: Drug X is expected to be approved soon.", RULE) == \
        [(RULE, "is expected to be approved soon", "info")]


def test_not_outdated_before_since(tmp_path):
    early = kindpack.linter_for([kindpack.write_pack(tmp_path / "test")], as_of=kindpack.date(2025, 1, 1))
    assert kindpack.findings(early, "Drug X is expected to be approved soon.", RULE) == []
