"""Where the words of one figure end: the breaks (a comma, "and", "versus" ...) that close a
figure's stretch of a sentence, and the last of them before the next figure.
"""

from __future__ import annotations

import re

TAIL_END = re.compile(r"[,;]|\s(?:vs\.?|versus|compared|relative to|and|while|whereas|against|but|than)\b")


# TAIL_END's word branch: its matches after the last comma or semicolon are the only ones that can
# come after it.
_TAIL_WORDS = re.compile(r"\s(?:vs\.?|versus|compared|relative to|and|while|whereas|against|but|than)\b")


def last_tail_end(folded: str, lo: int, hi: int) -> int | None:
    """Where the last TAIL_END match of folded[lo:hi] starts (as `finditer(folded, lo, hi)` would
    find it), or None. No TAIL_END match can start inside another (inside one there is no comma,
    semicolon or space before a listed word), so every place a match can start is one finditer
    finds, from wherever it starts, and none of them looks behind: the last is the last comma or
    semicolon (every one is a match) unless a word branch matches after it. That stretch is read
    from the end, in windows that grow fourfold: it may run for pages."""
    comma = max(folded.rfind(",", lo, hi), folded.rfind(";", lo, hi))
    floor = comma + 1 if comma >= 0 else lo
    width = 256
    while True:
        start = max(floor, hi - width)
        found = list(_TAIL_WORDS.finditer(folded, start, hi))
        if found:
            return found[-1].start()
        if start == floor:
            return comma if comma >= 0 else None
        width *= 4
