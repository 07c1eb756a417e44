"""Make HTML source safe for the stdlib parser, without moving any offset.

Its own module because both the prose extractor (html.py) and the metadata reader (html_meta.py)
feed the parser, and html.py imports html_meta: kept in either, the two would import each other.
"""

from __future__ import annotations


def parser_safe(source: str) -> str:
    """The source as the stdlib parser can read in linear time, same length and offsets.

    After the last ">" no tag can be complete, but `html.parser` (before CPython 3.13.4 / 3.12.11)
    retries each "<" there to the end of the input: 60 KB of "<a " took minutes. Those "<" are
    text either way, so they become spaces."""
    last = source.rfind(">")
    if source.find("<", last + 1) < 0:
        return source
    return source[: last + 1] + source[last + 1 :].replace("<", " ")
