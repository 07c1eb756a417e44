"""Kind `price`: Drug X cost $120 a month from 2025-01-01 until 2026-01-01, and $90 since (as of 2026-06-01)."""

from __future__ import annotations

from datetime import date

import kindpack
import pytest

RULE = "test/x-old-price"
PRICE = kindpack.rule("x-old-price", """\
kind: price
subject: "@drugx"
prices:
  - {amount: 120, currency: USD, from: 2025-01-01, until: 2026-01-01}
  - {amount: 90, currency: USD, from: 2026-01-01}
""", since="2026-01-01", flagged="Drug X costs $120 a month.")


def _pack(tmp_path, rule: str = PRICE):
    return kindpack.write_pack(tmp_path / "test", {
        "claims/pack.yaml": kindpack.manifest(),
        "claims/c.yaml": "claims:\n" + kindpack.claim("x-price", "Drug X cost $120 a month until 2026.", rule,
                                                     valid_from="2026-01-01", kind="other")})


@pytest.fixture(scope="module")
def price_linter(tmp_path_factory):
    return kindpack.linter_for([_pack(tmp_path_factory.mktemp("price"))])


@pytest.mark.parametrize(("text", "span"), [
    ("Drug X costs $120 a month.", "$120 a month"),
    ("Patients paying cash can get Drug X for US$120 per month from the maker.", "US$120 per month"),
    ("The maker sells Drug X at 120 dollars a month.", "120 dollars a month"),
])
def test_an_ended_price_told_as_todays(price_linter, text: str, span: str) -> None:
    found = kindpack.findings(price_linter, text, RULE)
    assert [(f.text, f.severity) for f in found] == [(span, "warning")]


@pytest.mark.parametrize("text", [
    "Drug X now costs $90 a month.",  # today's price
    "Drug X was $120 a month last year.",  # told as the past
    "The maker cut Drug X from $120 to $90 a month.",  # the change told
    "Drug X is cheaper than $120 a month now.",  # a comparison
    "In March 2025, Drug X cost $120 a month.",  # a time over before the price ended
    "Drug Y costs $120 a month.",  # another product
    "Drug X costs $90, while Drug Y costs $120 a month.",  # the nearest product decides
    "Drug X costs $90 a month, while a rival maker asks $120 for its pill.",  # across a contrast
    "Does Drug X still cost $120 a month?",  # a question
    "The maker of Drug X raised $120 million.",  # a size, not a price
    "Drug X costs EUR 120 a month in Germany.",  # another currency
])
def test_other_amounts_and_history_are_not_flagged(price_linter, text: str) -> None:
    assert kindpack.findings(price_linter, text, RULE) == []


def test_a_page_dated_before_the_change_is_told_so(price_linter) -> None:
    found = kindpack.findings(price_linter, "Drug X costs $120 a month.", RULE, published=date(2025, 6, 1))
    assert found and "correct when published on 2025-06-01" in found[0].message


def test_a_channel_must_be_named(tmp_path) -> None:
    rule = PRICE.replace('subject: "@drugx"', 'subject: "@drugx"\n        channel: [cash, self-pay]')
    linter = kindpack.linter_for([_pack(tmp_path, rule)])
    assert kindpack.findings(linter, "Drug X costs $120 a month in cash.", RULE)
    assert not kindpack.findings(linter, "Drug X costs $120 a month with a coupon.", RULE)


@pytest.mark.parametrize(("prices", "problem"), [
    ("  - {amount: 90, currency: USD}", "one or more with 'until'"),
    ("  - {amount: 90, currency: XYZ, until: 2026-01-01}", "unknown currency 'XYZ'"),
    ("  - {currency: USD, until: 2026-01-01}", "each price needs a positive 'amount'"),
])
def test_malformed_prices_are_errors(tmp_path, prices: str, problem: str) -> None:
    from factcheck.knowledge import check_packs

    rule = kindpack.rule("x-bad", 'kind: price\nsubject: "@drugx"\nprices:\n' + prices + "\n")
    _, problems = check_packs([_pack(tmp_path, rule)])
    assert any(problem in str(p) for p in problems if p.level == "error"), problems
