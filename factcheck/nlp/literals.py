"""Skipping a pattern where it cannot match: none of its required literals is in the text.

The literals come with the compiled pack (`regex_tools.required_literals`, computed once
per pack build): every match of the pattern contains one of them, lower-cased. On lower-case text
(the folded text of a document) a case-insensitive match of an ASCII literal is a plain substring,
except for two lower-case letters Unicode case folding equates with ASCII ones ("ſ" matches "s",
"ı" matches "i"): a text holding one of them is searched with every pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, MutableMapping, Sequence
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


# Every byte but those of [a-z0-9] read as a space: in UTF-8 every byte of a character outside
# ASCII is 0x80 or above, so the runs of [a-z0-9] bytes are the text's runs of [a-z0-9].
_RUN_BYTES = bytes(b if chr(b) in "abcdefghijklmnopqrstuvwxyz0123456789" else 0x20 for b in range(256))


def run_words(text: str) -> set[str]:
    """`set(_RUN.findall(text))`, the maximal runs of [a-z0-9], through bytes.translate and
    split (C loops; the regex made a match object per run: twice the time)."""
    return set(text.encode("utf-8", "surrogatepass").translate(_RUN_BYTES).decode("ascii").split())


class TextLiterals:
    """`lit in text` for the many literals asked of one document (every trigger of every rule,
    every cue of every quantity, for each pack), answered from the text's distinct words.

    A literal made only of ASCII lower-case letters and digits occurs in the text exactly when it
    occurs inside one maximal run of such characters (a word here), so it is answered from the
    words: by `_WORD_LITERALS`, which knows the literals asked so far of any document and which of
    them each word holds, or, for a literal not asked before, by a search of the words joined.
    Any other literal is searched in the text itself. Answers are kept per literal."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = run_words(text)
        self.known: dict[str, bool] = {}
        self._asked: frozenset[str] | None = None  # the literals `_present` answers for
        self._present: set[str] = set()
        self._joined: str | None = None

    @property
    def joined(self) -> str:
        if self._joined is None:
            self._joined = "\x00".join(self.words)
        return self._joined

    def held(self, lits: Iterable[str]) -> tuple[str, ...]:
        """`tuple(filter(self.has, lits))`. When every literal is one the words' entries answer
        for (`_asked`), the answers are membership in `_present`, tested in C: the packs ask a few
        hundred literals of every document, and a Python call per literal was most of the cost."""
        if self._asked is None:
            self._asked, self._present = _WORD_LITERALS.present(self.words)
        if self._asked.issuperset(lits):
            return tuple(filter(self._present.__contains__, lits))
        return tuple(filter(self.has, lits))

    def any(self, lits: Iterable[str]) -> bool:
        """`any(map(self.has, lits))`, answered as `held` is."""
        if self._asked is None:
            self._asked, self._present = _WORD_LITERALS.present(self.words)
        if self._asked.issuperset(lits):
            return not self._present.isdisjoint(lits)
        return any(map(self.has, lits))

    def has(self, lit: str) -> bool:
        found = self.known.get(lit)
        if found is None:
            pure = _PURE.get(lit)
            if pure is None:
                pure = _PURE[lit] = _RUN.fullmatch(lit) is not None
            if pure:
                if self._asked is None:
                    self._asked, self._present = _WORD_LITERALS.present(self.words)
                if lit in self._asked:
                    found = lit in self._present
                else:
                    found = lit in self.words or lit in self.joined
                    _WORD_LITERALS.learn(lit)
            else:
                found = lit in self.text
            self.known[lit] = found
        return found


class _WordLiterals:
    """Which of the pure literals asked so far each word holds, kept across documents: the packs
    ask the same few hundred of every document, and a document's words mostly recur, so the
    literals a document holds are the union of its words' entries (a few set look-ups per word,
    where each absent literal was a search of the words joined). A literal not asked before joins
    the set, which empties the entries (they answered for the old set)."""

    MAX_WORDS = 100_000  # entries kept; emptied when full (a word's entry is cheap to redo)

    def __init__(self) -> None:
        self.asked: frozenset[str] = frozenset()
        self.lengths: tuple[int, ...] = ()
        self.by_word: dict[str, tuple[str, ...]] = {}

    def learn(self, lit: str) -> None:
        if lit not in self.asked:
            self.asked = self.asked | {lit}  # a new object: a document's snapshot keeps the old one
            self.lengths = tuple(sorted({len(a) for a in self.asked}))
            self.by_word = {}

    def present(self, words: set[str]) -> tuple[frozenset[str], set[str]]:
        """The literals asked so far, and those of them the words hold."""
        asked, by_word = self.asked, self.by_word
        if len(by_word) > self.MAX_WORDS:
            by_word = self.by_word = {}
        found: set[str] = set()
        for w in words:
            held = by_word.get(w)
            if held is None:
                held = by_word[w] = self._held(w)
            if held:
                found.update(held)
        return asked, found

    def _held(self, word: str) -> tuple[str, ...]:
        """The asked literals inside `word`: its substrings of the literals' lengths, looked up
        (a very long word is searched for each literal instead: fewer tries)."""
        asked, n = self.asked, len(word)
        if n > 64:
            return tuple(a for a in asked if a in word)
        return tuple({word[i:i + k] for k in self.lengths if k <= n for i in range(n - k + 1)} & asked)


_WORD_LITERALS = _WordLiterals()


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
        return index.any(literals)
    return any(map(text.__contains__, literals))  # map: no Python frame per literal


def live_patterns(patterns: Sequence[P], literals: Sequence[Sequence[str] | None], text: str,
                  index: TextLiterals | None = None) -> list[P]:
    """The patterns that may match somewhere in `text` (lower-case), in their order; `index`, when
    given, is `text`'s TextLiterals."""
    if len(literals) != len(patterns) or any(c in text for c in CASE_TRAPS):
        return list(patterns)
    return [p for p, lits in zip(patterns, literals) if may_match(lits, text, index)]
