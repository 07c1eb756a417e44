"""Where sentences and paragraphs must start, from line structure (shared by all formats)."""

from __future__ import annotations

import re

_TERMINAL = re.compile(r"[.!?:;)\]\"'’”]\s*$")
_BLOCK_START = re.compile(r"^\s*(?:[-*+•●▪–]\s|\d{1,3}[.)]\s|#{1,6}\s|>|\|)")


def line_breaks(text: str, hard_wrapped: bool | None = None) -> tuple[list[int], list[int]]:
    """Return (sentence breaks, paragraph starts) as offsets into `text`.

    A blank line always ends a paragraph. A single newline ends a sentence unless the text is
    hard-wrapped prose continuing on the next line (the line before runs long and does not end a
    sentence, or the next line starts in lower case).
    """
    lines = text.split("\n")
    if hard_wrapped is None:
        hard_wrapped = _looks_hard_wrapped(lines)
    width = _wrap_width(lines) if hard_wrapped else 0
    breaks: list[int] = []
    paragraphs: list[int] = [0]
    offset = 0
    prev = ""
    prev_blank = True
    for line in lines:
        stripped = line.strip()
        if stripped:
            if prev_blank:
                if offset:
                    paragraphs.append(offset)
                breaks.append(offset)
            elif not _continues(prev, line, hard_wrapped, width):
                breaks.append(offset)
                if not hard_wrapped:
                    paragraphs.append(offset)
        prev_blank = not stripped
        if stripped:
            prev = line
        offset += len(line) + 1
    return breaks, paragraphs


def _continues(prev: str, line: str, hard_wrapped: bool, width: int) -> bool:
    if _BLOCK_START.match(line):
        return False
    first = line.lstrip()[:1]
    if first.islower():
        return True  # "... the\nfollowing" is one sentence whatever the wrapping
    if not hard_wrapped:
        return False
    if _TERMINAL.search(prev):
        return False
    # A short line before is a heading or a table row, not a wrapped line.
    return len(prev.rstrip()) >= 0.6 * width


def _looks_hard_wrapped(lines: list[str]) -> bool:
    lengths = [len(x.rstrip()) for x in lines if x.strip()]
    if len(lengths) < 5:
        return False
    long_lines = sum(1 for n in lengths if n > 120)
    in_band = sum(1 for n in lengths if 50 <= n <= 110)
    return long_lines == 0 and in_band >= 0.5 * len(lengths)


def _wrap_width(lines: list[str]) -> int:
    lengths = sorted(len(x.rstrip()) for x in lines if x.strip())
    return lengths[int(len(lengths) * 0.9)] if lengths else 80
