"""Kind `role`: Jane Roe led Acme Pharma until 2024-06-30; John Doe since 2024-07-01."""

from __future__ import annotations

import pytest

RULE = "test/acme-ceo"


@pytest.mark.parametrize(("text", "span"), [
    ("Acme Pharma CEO Jane Roe spoke about Drug X.", "CEO Jane Roe"),
    ("Jane Roe, the chief executive of Acme, praised Drug X.", "Jane Roe, the chief executive"),
    # the organisation named in the sentence before
    ("Acme Pharma makes Drug X. CEO Jane Roe spoke about it.", "CEO Jane Roe"),
    # a year in another clause does not date the title
    ("Drug X came out in 2019, and Acme Pharma CEO Jane Roe spoke about it.", "CEO Jane Roe"),
])
def test_former_holder_named_as_current(hits, text: str, span: str):
    assert hits(text, RULE) == [(RULE, span, "info")]


@pytest.mark.parametrize("text", [
    "Acme Pharma CEO John Doe spoke about Drug X.",  # the current holder
    "Former Acme CEO Jane Roe spoke about Drug X.",
    "In 2023, Acme Pharma CEO Jane Roe spoke about Drug X.",  # dated inside her term
    "Jane Roe, a chemist, praised Drug X.",  # no title near the name
    "Beta Labs CEO Jane Roe praised Drug X.",  # another organisation
    # the title is the nearer name's: Doe's, not Roe's
    "At Acme the change made John Doe CEO, with Jane Roe staying on as an adviser on Drug X.",
    "Three Acme directors resigned over Drug X, including CEO Jane Roe.",  # a departure told
])
def test_current_holder_or_history_is_not_flagged(hits, text: str):
    assert hits(text, RULE) == []


@pytest.mark.parametrize(("text", "flagged"), [
    ("Acme Pharma's incoming CEO John Doe spoke about Drug X.", True),  # his term began in July 2024
    ("Acme Pharma CEO-designate John Doe spoke about Drug X.", True),
    ("In June 2024, Acme Pharma's incoming CEO John Doe spoke about Drug X.", False),  # told as of then
    ("Acme Pharma CEO John Doe spoke about Drug X.", False),
])
def test_the_holder_still_to_come_after_the_term_began(hits, text: str, flagged: bool):
    assert bool(hits(text, RULE)) == flagged


def test_role_rules_read_only_documents_about_the_pack(hits):
    # The pack is about Drug X; a page that never names it is none of its business.
    assert hits("Acme Pharma CEO Jane Roe spoke.", RULE) == []


@pytest.mark.parametrize("text", [
    # A handover told as such: the successor is named in the same sentence.
    "Acme Pharma said John Doe will become chief executive on Monday, taking over from Jane Roe, who made Drug X.",
    "Outgoing Acme CEO Jane Roe thanked the team behind Drug X.",
])
def test_a_handover_is_not_a_former_holder_named_as_current(hits, text: str):
    assert hits(text, RULE) == []


def test_the_company_named_in_the_sentence_before(hits):
    # "The company's chief executive" finds its company in the paragraph's previous sentence.
    text = "Acme Pharma expects Drug X to sell well. The company's chief executive, Jane Roe, said so."
    assert hits(text, RULE) == [(RULE, "chief executive, Jane Roe", "info")]
    # Without a company before it, the title belongs to nobody the rule knows.
    assert hits("Drug X sells well. The company's chief executive, Jane Roe, said so.", RULE) == []
