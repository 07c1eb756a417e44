"""Cut a long prose text into pieces spaCy accepts, at paragraph or sentence boundaries.

spaCy refuses texts over `nlp.max_length` (1,000,000 characters: error E088). An article that long
(a huge table, a long report) is linted piece by piece; each piece knows its offset in the whole
text, so findings are shifted back to exact positions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

# Well under spaCy's max_length, so memory per piece stays modest.
CHUNK_CHARS = 500_000
# Runs no claim is made of, blanked before the NLP because they are slow there:
# - symbols (no letter, digit or space): spaCy's tokenizer peels affixes off one at a time,
#   copying the rest each time (5,000 brackets: 10 s; 10,000: 23 s);
# - "words" of 256+ characters (an unterminated attribute, base64): the citation patterns try
#   every start inside such a word (20,000 letters: 32 s).
_SLOW_RUN = re.compile(r"(?<![^\w\s])[^\w\s]{16,}|(?<!\S)\S{256,}")
_LONG_STRETCH = re.compile(r"\S{16}")
_SYMBOL_RUN = re.compile(r"[^\w\s]{16}")
# Texts up to this size are split into words to look for those runs (a 50 MB input is not: it
# would become millions of strings at once).
_SPLIT_MAX = 1_000_000


def calm_symbols(text: str) -> str:
    """The text with runs of 16+ symbols and words of 256+ characters blanked; same length."""
    # Both runs lie inside a stretch of 16+ non-space characters, i.e. inside one whitespace-free
    # word that long; the substitution, which tries its look-behinds at every character, runs
    # only when such a word holds one. Up to _SPLIT_MAX the words are read with `str.split` (five
    # times faster than a regex search for a long stretch, which web pages often have anyway);
    # a larger input is searched for a stretch instead.
    if len(text) <= _SPLIT_MAX:
        long_words = [w for w in text.split() if len(w) >= 16]
        if not long_words or (max(map(len, long_words)) < 256 and not any(map(_SYMBOL_RUN.search, long_words))):
            return text
    elif _LONG_STRETCH.search(text) is None:
        return text
    return _SLOW_RUN.sub(lambda m: " " * len(m.group(0)), text)


class _Spanned(Protocol):
    start: int
    end: int


@dataclass(frozen=True)
class Chunk:
    offset: int  # where `text` starts in the whole text
    text: str
    breaks: list[int]  # relative to `text`
    paragraphs: list[int]

    def shift(self, items: list[_Spanned]) -> list[_Spanned]:
        """Move start/end of findings (or claims) from this piece's offsets to the whole text's."""
        if self.offset:
            for it in items:
                it.start += self.offset
                it.end += self.offset
        return items


def split_for_nlp(text: str, breaks: list[int], paragraphs: list[int], limit: int | None = None) -> list[Chunk]:
    """The text as spaCy should see it (symbol runs blanked): one chunk within `limit` characters;
    otherwise consecutive chunks that cover it exactly, each cut at the last paragraph start before the limit, else the last sentence break
    (a hard break, a line end, ". "), else the last space, else at the limit."""
    size = CHUNK_CHARS if limit is None else limit
    text = calm_symbols(text)
    if len(text) <= size:
        return [Chunk(0, text, breaks, paragraphs)]
    cuts = [0]
    pos = 0
    while len(text) - pos > size:
        cuts.append(_cut(text, pos, pos + size, breaks, paragraphs))
        pos = cuts[-1]
    cuts.append(len(text))
    return [Chunk(a, text[a:b], _within(breaks, a, b), _within(paragraphs, a, b) or [0]) for a, b in pairwise(cuts)]


def _cut(text: str, lo: int, hi: int, breaks: list[int], paragraphs: list[int]) -> int:
    for marks in (paragraphs, breaks):
        i = bisect.bisect_right(marks, hi) - 1
        if i >= 0 and marks[i] > lo:
            return marks[i]
    # Not below the middle of the window, so pieces stay large and their number bounded.
    floor = lo + (hi - lo) // 2
    for sep in ("\n", ". ", "? ", "! ", " "):
        j = text.rfind(sep, floor, hi)
        if j >= 0:
            return j + len(sep)
    return hi


def _within(marks: list[int], a: int, b: int) -> list[int]:
    i, j = bisect.bisect_left(marks, a), bisect.bisect_left(marks, b)
    return [m - a for m in marks[i:j]]
