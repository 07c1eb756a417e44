"""Character offsets <-> LSP positions, in UTF-16 (the default), UTF-8 and UTF-32."""

from __future__ import annotations

import pytest

from factcheck.lsp.positions import LineIndex

TEXT = "title\r\nIn “Hope” 🎉 — the words\nlast\rline"


def test_utf16_columns_count_emoji_twice() -> None:
    idx = LineIndex(TEXT)
    start = TEXT.index("the words")
    line_start = TEXT.index("In ")
    assert idx.position(start) == (1, len(TEXT[line_start:start].encode("utf-16-le")) // 2)
    assert idx.position(start)[1] == start - line_start + 1  # one emoji: one extra unit
    assert idx.offset(*idx.position(start)) == start


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
def test_round_trip_every_offset(encoding: str) -> None:
    idx = LineIndex(TEXT, encoding)
    for off in range(len(TEXT) + 1):
        if TEXT[off - 1 : off + 1] == "\r\n":
            continue  # between \r and \n is not a position a client can name
        line, col = idx.position(off)
        assert idx.offset(line, col) == off, (off, line, col)


def test_line_breaks_and_clamping() -> None:
    idx = LineIndex(TEXT)
    assert idx.position(TEXT.index("last")) == (2, 0)
    assert idx.position(TEXT.index("line")) == (3, 0)  # a lone \r ends a line too
    assert idx.offset(0, 999) == TEXT.index("\r\n")  # past the end of a line: its end
    assert idx.offset(99, 0) == len(TEXT)
    assert LineIndex("").position(0) == (0, 0)
