"""Whole-text scans of the figure patterns, tried only where a number starts.

Why: the figure patterns (a percentage, an amount with its unit, a sample, sites, sessions,
points, "9 of 12 patients") all open with a number, but Python's regex engine cannot skip ahead to
one (they begin with a look-behind), so each scan tried a match at every character of the document,
a tenth of lint time. Every match of these patterns starts where a run of digits starts, where a
number word is spelt ("twenty", "a hundred"), at the "-" just before either (a negative number), or,
for the sample pattern, at an "n" of "n = 90". `scan_at` tries the pattern at exactly those places,
in order, and resumes after each match as `finditer` does: the same matches, found at a few hundred
places per document instead of at every character (tests/nlp/test_numscan.py compares the two).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factcheck.knowledge.numbers import WORDS
from factcheck.nlp.literals import TextLiterals

_DIGIT_RUN = re.compile(r"\d+")  # `\d` as the patterns read it (Unicode digits too)
_N_EQUALS = re.compile(r"n\s*=")


def number_starts(folded: str, index: TextLiterals | None = None) -> list[int]:
    """Every place a match of a number-first pattern can start in `folded` (a superset). `index`:
    the folded text's TextLiterals, which spares the search for a number word the text lacks."""
    starts = {m.start() for m in _DIGIT_RUN.finditer(folded)}
    starts.update(literal_starts(folded, [w for w in WORDS if index is None or index.has(w)]))
    starts.update(i - 1 for i in list(starts) if i > 0 and folded[i - 1] == "-")
    starts.update(m.start() for m in _N_EQUALS.finditer(folded))
    return sorted(starts)


def literal_starts(text: str, literals: Iterable[str]) -> list[int]:
    """Every place one of `literals` (non-empty) starts in `text`, overlaps included, sorted:
    the places to try a pattern whose every match opens with one of them (`scan_at`)."""
    starts: set[int] = set()
    for lit in literals:
        i = text.find(lit)
        while i >= 0:
            starts.add(i)
            i = text.find(lit, i + 1)
    return sorted(starts)


def scan_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))` for a pattern that matches no empty string and whose every
    match starts at one of `starts` (sorted). `match(text, i)` is the attempt `finditer` makes at i:
    look-behinds and `\\b` still see the text before i."""
    out: list[re.Match[str]] = []
    resume = 0
    for i in starts:
        if i < resume:
            continue
        m = pattern.match(text, i)
        if m is not None:
            out.append(m)
            resume = m.end()
    return out
