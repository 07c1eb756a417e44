"""Numbers as articles write them: digits, words, fractions, ranges, approximations, units."""

from __future__ import annotations

import re
from dataclasses import dataclass

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "hundred": 100,
}
FRACTIONS = {
    "two-thirds": 66.7, "two thirds": 66.7, "one-third": 33.3, "one third": 33.3, "a third": 33.3,
    "three-quarters": 75.0, "three quarters": 75.0, "a quarter": 25.0, "one-quarter": 25.0,
    "half": 50.0, "one-half": 50.0, "nine in ten": 90.0, "nine out of ten": 90.0, "two in three": 66.7,
    "two out of three": 66.7, "four in five": 80.0, "four out of five": 80.0, "seven in ten": 70.0,
}
_NUMWORD = "|".join(sorted((re.escape(w) for w in WORDS), key=len, reverse=True))
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{_NUMWORD})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
RANGE_SEP = r"\s*(?:-|to|and|or)\s*"
APPROX = {
    "nearly": (-5.0, 0.0), "almost": (-5.0, 0.0), "close to": (-5.0, 0.0), "just under": (-3.0, 0.0),
    "about": (-3.0, 3.0), "around": (-3.0, 3.0), "roughly": (-3.0, 3.0), "approximately": (-3.0, 3.0),
    "approx.": (-3.0, 3.0), "some": (-3.0, 3.0), "~": (-3.0, 3.0), "over": (0.0, 10.0), "more than": (0.0, 10.0),
    "just over": (0.0, 3.0), "upwards of": (0.0, 10.0), "at least": (0.0, 10.0), "under": (-10.0, 0.0),
    "less than": (-10.0, 0.0), "fewer than": (-10.0, 0.0), "up to": (-100.0, 0.0),
}
APPROX_RE = "|".join(sorted((re.escape(a) for a in APPROX), key=len, reverse=True))


def to_number(word: str) -> float | None:
    w = word.strip().lower().replace(",", "")
    try:
        return float(w)
    except ValueError:
        pass
    if w in WORDS:
        return float(WORDS[w])
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in WORDS and parts[1] in WORDS and WORDS[parts[0]] >= 20 and WORDS[parts[1]] < 10:
        return float(WORDS[parts[0]] + WORDS[parts[1]])
    return None


@dataclass
class Amount:
    low: float
    high: float
    approx: tuple[float, float] = (0.0, 0.0)  # widening of the stated figure (e.g. "nearly 70%")

    def bounds(self) -> tuple[float, float]:
        return self.low + self.approx[0], self.high + self.approx[1]
