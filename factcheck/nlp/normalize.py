"""Text normalisation for matching: one-to-one character folds, then space collapsing with a map."""

from __future__ import annotations

import re

# Same-length folds: curly quotes, dashes, minus, odd spaces. Lower-casing is done by the caller.
FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
    "\t": " ", "\r": " ", "\u00ad": " ",
})
# The folds as (character, replacement) pairs: no replacement is itself folded (tested), so
# replacing one character after another gives what `text.translate(FOLD)` gives; translate leaves
# its ASCII fast path for a per-character loop, 30 times slower, at the first curly quote or dash.
FOLD_PAIRS = tuple((chr(k), v) for k, v in FOLD.items())
_SPACES = re.compile(r"\s+")
_ODD_SPACE = re.compile(r"[^\S ]|  ")


def fold(text: str) -> str:
    """Lower-cased, quotes/dashes/spaces folded; same length as `text`."""
    for ch, to in FOLD_PAIRS:
        if ch in text:
            text = text.replace(ch, to)
    return text.lower()


def collapse(folded: str, base: int = 0) -> tuple[str, list[int]]:
    """Collapse runs of whitespace to one space. Returns the text and, for each of its
    characters, the offset in the original (plus `base`), with one extra entry for the end."""
    if not _ODD_SPACE.search(folded):
        # Nothing to collapse (the usual sentence): the text maps onto itself.
        return folded, range(base, base + len(folded) + 1)  # type: ignore[return-value]
    out: list[str] = []
    offsets: list[int] = []
    last = 0
    for m in _SPACES.finditer(folded):
        if m.start() > last:
            out.append(folded[last : m.start()])
            offsets.extend(range(base + last, base + m.start()))
        out.append(" ")
        offsets.append(base + m.start())
        last = m.end()
    out.append(folded[last:])
    offsets.extend(range(base + last, base + len(folded)))
    offsets.append(base + len(folded))
    return "".join(out), offsets
