"""Neutralise control characters before article text or file names reach a terminal, a CI log
or an XML document.

An article line or a file name may hold ESC sequences (`ESC]0;title BEL` retitles a terminal,
`ESC[2K` erases a line), C1 controls that some terminals read as CSI, bidirectional overrides that
reorder what a reviewer sees, and characters XML 1.0 forbids. Each is replaced by ONE visible
character (a Unicode control picture, or U+FFFD), so columns and carets stay aligned.
JSON-based formats need none of this: the JSON encoder escapes control characters itself.
"""

from __future__ import annotations

import re

# C0 controls except TAB and LF, DEL, C1 controls, bidi embeddings/overrides/isolates, lone
# surrogates, and the two XML non-characters.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")


def _picture(m: re.Match[str]) -> str:
    c = ord(m.group())
    if c < 0x20:
        return chr(0x2400 + c)  # ␛ for ESC, ␇ for BEL...
    if c == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def printable(text: str) -> str:
    """`text` with every control character except TAB and LF made visible and inert."""
    return _UNSAFE.sub(_picture, text) if text else text


def one_line(text: str) -> str:
    """Like `printable`, and LF too: for a value that must stay on one line (a path)."""
    return _UNSAFE_LINE.sub(_picture, text) if text else text


__all__ = ["one_line", "printable"]
