"""Skipping a pattern where it cannot match: none of its required literals is in the text.

The literals come with the compiled pack (`knowledge.regex_tools.required_literals`, computed once
per pack build): every match of the pattern contains one of them, lower-cased. On lower-case text
(the folded text of a document) a case-insensitive match of an ASCII literal is a plain substring,
except for two lower-case letters Unicode case folding equates with ASCII ones ("ſ" matches "s",
"ı" matches "i"): a text holding one of them is searched with every pattern.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

CASE_TRAPS = ("\u017f", "\u0131")  # long s, dotless i

P = TypeVar("P")


def may_match(literals: Sequence[str] | None, text: str) -> bool:
    """False only when no literal of the pattern is in `text` (lower-case, without CASE_TRAPS)."""
    if literals is None or not all(lit.isascii() for lit in literals):
        return True
    return any(lit in text for lit in literals)


def live_patterns(patterns: Sequence[P], literals: Sequence[Sequence[str] | None], text: str) -> list[P]:
    """The patterns that may match somewhere in `text` (lower-case), in their order."""
    if len(literals) != len(patterns) or any(c in text for c in CASE_TRAPS):
        return list(patterns)
    return [p for p, lits in zip(patterns, literals) if may_match(lits, text)]
