"""Character offsets (what findings carry) to LSP positions and back.

LSP columns count code units of the negotiated encoding, UTF-16 unless the client asked for
another: a character outside the Basic Multilingual Plane (most emoji) is two UTF-16 units, while
curly quotes and dashes are one. Lines end at "\\n", "\\r\\n" or a lone "\\r", as the protocol says."""

from __future__ import annotations

import bisect
import re

_BREAK = re.compile(r"\r\n|\r|\n")


def _units(ch: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(ch.encode("utf-8", "surrogatepass"))
    if encoding == "utf-32":
        return 1
    return 2 if ord(ch) > 0xFFFF else 1


class LineIndex:
    """Line starts of one text, for converting offsets in either direction."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def _width(self, a: int, b: int) -> int:
        segment = self.text[a:b]
        if self.encoding == "utf-32" or segment.isascii():
            return b - a
        return sum(_units(ch, self.encoding) for ch in segment)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of a character offset, both zero-based, column in code units."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, self._width(self.starts[line], offset)

    def offset(self, line: int, column: int) -> int:
        """The character offset of an LSP position (clamped to the line, as the protocol asks)."""
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[max(0, line)]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        pos, used = start, 0
        while pos < end and self.text[pos] not in "\r\n":
            width = _units(self.text[pos], self.encoding)
            if used + width > column:
                break
            used += width
            pos += 1
        return pos
