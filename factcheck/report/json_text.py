"""`json.dumps(value, ensure_ascii=False, indent=2)`, the same text written faster.

Why: with `indent` set, the standard library leaves its C encoder for a chain of Python
generators, one per nested list and dict and a yield per item; the JSON report of a lint run
spent about a fiftieth of its time there. Here one recursive function appends the same pieces
to a list: strings through the encoder's own C function, numbers as the encoder spells them.
Anything it does not know (a key that is not a string, an object of another type, a cycle) is
handed to `json.dumps`, so that the result, or the error, is exactly the library's
(tests/report/test_json_text.py compares the two).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring  # the C function when there is one, as json.dumps uses
from typing import Any

_INDENT = "  "
_INF = float("inf")


class _UnknownError(Exception):
    """Something only json.dumps knows how to write (or how to refuse)."""


def dumps_indented(value: Any, depth: int = 0) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)` with every line after the first indented
    by `depth` more levels (as if the value stood `depth` levels down in an enclosing object)."""
    out: list[str] = []
    try:
        _write(value, depth, out.append)
    except (_UnknownError, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + _INDENT * depth)
    return "".join(out)


def _float(value: float) -> str:
    """A float as the encoder writes it (`allow_nan` is on by default)."""
    if value != value:
        return "NaN"
    if value == _INF:
        return "Infinity"
    if value == -_INF:
        return "-Infinity"
    return float.__repr__(value)


def _scalar(value: Any) -> str | None:
    """The text of a string, null, boolean or number, in the encoder's order of tests; None for
    a list, tuple or dict."""
    if isinstance(value, str):
        return encode_basestring(value)  # type: ignore[no-any-return]
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, (list, tuple, dict)):
        return None
    raise _UnknownError


def _write(value: Any, level: int, put: Callable[[str], None]) -> None:
    text = _scalar(value)
    if text is not None:
        put(text)
    elif isinstance(value, dict):
        _write_dict(value, level, put)
    else:
        _write_list(value, level, put)


def _write_list(items: list[Any] | tuple[Any, ...], level: int, put: Callable[[str], None]) -> None:
    if not items:
        put("[]")
        return
    inner = "\n" + _INDENT * (level + 1)
    put("[" + inner)
    for i, item in enumerate(items):
        if i:
            put("," + inner)
        _write(item, level + 1, put)
    put("\n" + _INDENT * level + "]")


def _write_dict(items: dict[Any, Any], level: int, put: Callable[[str], None]) -> None:
    if not items:
        put("{}")
        return
    inner = "\n" + _INDENT * (level + 1)
    put("{" + inner)
    first = True
    for key, item in items.items():
        if not isinstance(key, str):
            raise _UnknownError  # numbers, booleans and null as keys: the library's spelling
        if not first:
            put("," + inner)
        first = False
        put(encode_basestring(key) + ": ")
        _write(item, level + 1, put)
    put("\n" + _INDENT * level + "}")
