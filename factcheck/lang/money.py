"""Money amounts in running text: "$499", "US$ 1,349", "499 dollars", "EUR 301.91", "£122".

Only what a price statement needs: the amount, its currency and where it stands. Sums of a
company's or a market's size ("$1.3 billion", "$50m") are no price and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Signs before the amount, longest first ("US$" before "$").
_SIGNS = {"US$": "USD", "USD": "USD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "A$": "AUD", "AU$": "AUD",
          "AUD": "AUD", "R$": "BRL", "BRL": "BRL", "$": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
          "₹": "INR", "Rs.": "INR", "Rs": "INR", "INR": "INR", "¥": "JPY", "JPY": "JPY"}
# Words after the amount.
_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "rupees": "INR",
          "yen": "JPY", "reais": "BRL", "reals": "BRL"}
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?"
_SIGN_RE = "|".join(re.escape(s) for s in sorted(_SIGNS, key=len, reverse=True))
_BEFORE = re.compile(rf"(?<![\w$])({_SIGN_RE})\s?({_NUMBER})(?![\d,]|\.\d)")
_AFTER = re.compile(rf"(?<![\w.,$])({_NUMBER})\s?({'|'.join(_WORDS)})\b", re.IGNORECASE)
# A size, not a price: "$1.3 billion", "$50m", "$2bn", "$12 million".
_SIZE = re.compile(r"\s?(?:million|billion|trillion|bn|mn|m|b|k)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Money:
    start: int  # character offsets in the text read
    end: int
    amount: float
    currency: str


def find_money(text: str) -> list[Money]:
    """The money amounts in `text`, in order."""
    found: list[Money] = []
    for m in _BEFORE.finditer(text):
        if _SIZE.match(text, m.end()):
            continue
        found.append(Money(m.start(), m.end(), _amount(m.group(2)), _SIGNS[m.group(1)]))
    for m in _AFTER.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        found.append(Money(m.start(), m.end(), _amount(m.group(1)), _WORDS[m.group(2).lower()]))
    return sorted(found, key=lambda f: f.start)


def _amount(number: str) -> float:
    return float(number.replace(",", ""))
