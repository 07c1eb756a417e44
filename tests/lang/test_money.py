"""Money amounts in running text (lang/money.py)."""

from __future__ import annotations

import pytest

from factcheck.lang.money import find_money


@pytest.mark.parametrize(("text", "found"), [
    ("It costs $499 a month.", [(499.0, "USD", "$499")]),
    ("US$ 1,349 per month", [(1349.0, "USD", "US$ 1,349")]),
    ("priced at 301.91 euros", [(301.91, "EUR", "301.91 euros")]),
    ("EUR 301.91 for four weeks", [(301.91, "EUR", "EUR 301.91")]),
    ("£122 a month, or C$300", [(122.0, "GBP", "£122"), (300.0, "CAD", "C$300")]),
    ("from $499 to $349/month", [(499.0, "USD", "$499"), (349.0, "USD", "$349")]),
    ("$499.99 a month.", [(499.99, "USD", "$499.99")]),
])
def test_amounts_and_currencies(text: str, found: list) -> None:
    assert [(m.amount, m.currency, text[m.start:m.end]) for m in find_money(text)] == found


@pytest.mark.parametrize("text", [
    "a $1.3 billion deal", "$50m in sales", "a $2bn plant", "$12 million",  # sizes, not prices
    "R$ 1.100,50 a month",  # a thousands point this reader does not take for a decimal one
    "about 499 people",  # no currency
])
def test_no_price(text: str) -> None:
    assert find_money(text) == []
