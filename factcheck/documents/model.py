"""A parsed document: the prose the NLP reads, mapped character by character to the source."""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field
from datetime import date

# A line ends at LF, CRLF or a lone CR (classic Mac files), as editors count lines.
_LINE_END = re.compile(r"\r\n?|\n")


@dataclass
class Document:
    """`text` is the prose; `source` the decoded file. `src_start[i]`/`src_end[i]` give the source
    span of prose character i (None when prose and source are aligned one to one, as for Markdown
    and plain text, where non-prose is blanked out in place)."""

    path: str
    fmt: str
    source: str
    text: str
    src_start: array | None = None
    src_end: array | None = None
    breaks: list[int] = field(default_factory=list)  # prose offsets where a sentence must start
    paragraphs: list[int] = field(default_factory=list)  # prose offsets where a paragraph starts
    published: date | None = None
    updated: date | None = None
    title: str | None = None
    _line_starts: list[int] | None = None
    # One string per line, shared by every finding on it: a one-line 2 MB file with 40,000
    # findings otherwise held 40,000 copies of the line (tens of GB).
    _line_texts: dict[int, str] = field(default_factory=dict, repr=False)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a prose span [start, end) to the source span it came from."""
        if self.src_start is None or self.src_end is None:
            return start, end
        if end <= start:
            s = self.src_start[start] if start < len(self.src_start) else len(self.source)
            return s, s
        return self.src_start[start], self.src_end[end - 1]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset (columns count code points)."""
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in _LINE_END.finditer(self.source))]
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        cached = self._line_texts.get(line)
        if cached is not None:
            return cached
        self.line_col(0)
        assert self._line_starts is not None
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(self.source)
        text = self._line_texts[line] = self.source[start:end].rstrip("\r\n")
        return text

    def paragraph_of(self, offset: int) -> tuple[int, int]:
        """Prose span of the paragraph containing `offset`."""
        i = bisect.bisect_right(self.paragraphs, offset) - 1
        start = self.paragraphs[i] if i >= 0 else 0
        end = self.paragraphs[i + 1] if i + 1 < len(self.paragraphs) else len(self.text)
        return start, end

    @property
    def date(self) -> date | None:
        """The date the text was last vouched for: updated if known, else published."""
        return self.updated or self.published
