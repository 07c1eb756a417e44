"""Skipping a pattern where it cannot match: none of its required literals is in the text.

The literals come with the compiled pack (`regex_tools.required_literals`, computed once
per pack build): every match of the pattern contains one of them, lower-cased. On lower-case text
(the folded text of a document) a case-insensitive match of an ASCII literal is a plain substring,
except for two lower-case letters Unicode case folding equates with ASCII ones ("ſ" matches "s",
"ı" matches "i"): a text holding one of them is searched with every pattern.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping, Sequence
from functools import lru_cache
from typing import TypeVar

from factcheck.regex_tools import CASE_TRAPS, required_literals

P = TypeVar("P")


_RUN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=4096)
def pattern_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The required literals of a compiled pattern the pack does not store them for (its topic
    patterns), worked out once per process."""
    found = required_literals(pattern.pattern)
    return tuple(found) if found else None


class TextLiterals:
    """`lit in text` for the many literals asked of one document (every trigger of every rule,
    every cue of every quantity, for each pack), answered from the text's distinct words.

    A literal made only of ASCII lower-case letters and digits occurs in the text exactly when it
    occurs inside one maximal run of such characters, so it is looked up in the set of distinct
    runs (a whole word) or searched in those runs joined, which is a fraction of the text's
    length; any other literal is searched in the text itself. Answers are kept per literal."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = set(_RUN.findall(text))
        self.joined = "\x00".join(self.words)
        self.known: dict[str, bool] = {}

    def has(self, lit: str) -> bool:
        found = self.known.get(lit)
        if found is None:
            pure = _PURE.get(lit)
            if pure is None:
                pure = _PURE[lit] = _RUN.fullmatch(lit) is not None
            if pure:
                found = lit in self.words or lit in self.joined
            else:
                found = lit in self.text
            self.known[lit] = found
        return found


# Whether a literal is made only of [a-z0-9], by literal: the packs ask the same few thousand of
# every document.
_PURE: dict[str, bool] = {}


_INDEX_KEY = "factcheck_text_literals"


def literal_index(store: MutableMapping[str, object], text: str) -> TextLiterals:
    """The TextLiterals of `text`, kept in `store` (a Doc's user_data: both packs read one)."""
    index = store.get(_INDEX_KEY)
    if not isinstance(index, TextLiterals) or index.text is not text:
        index = TextLiterals(text)
        store[_INDEX_KEY] = index
    return index


def may_match(literals: Sequence[str] | None, text: str, index: TextLiterals | None = None) -> bool:
    """False only when no literal of the pattern is in `text` (lower-case, without CASE_TRAPS)."""
    if literals is None or not all(map(str.isascii, literals)):
        return True
    if index is not None:
        return any(map(index.has, literals))
    return any(map(text.__contains__, literals))  # map: no Python frame per literal


def live_patterns(patterns: Sequence[P], literals: Sequence[Sequence[str] | None], text: str,
                  index: TextLiterals | None = None) -> list[P]:
    """The patterns that may match somewhere in `text` (lower-case), in their order; `index`, when
    given, is `text`'s TextLiterals."""
    if len(literals) != len(patterns) or any(c in text for c in CASE_TRAPS):
        return list(patterns)
    return [p for p, lits in zip(patterns, literals) if may_match(lits, text, index)]
