"""The mapping in a Markdown file's front matter (the YAML block between `---` lines).

Read with PyYAML's safe loader, in which values it cannot build stay strings. The commonest
front matter, a few `key: "text"` and `key: 2024-05-01` lines, is read without it
(`_simple`): PyYAML's pure-Python loader cost about a millisecond a file, a twentieth of linting a
typical article. The shortcut takes only lines whose reading by PyYAML is fixed and plain, and
gives the same dict; anything else (another kind of value, a comment, indentation, a repeated
key, a character outside printable ASCII) goes to PyYAML (tests/documents/test_front_matter.py
compares the two).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import yaml


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML in which values PyYAML cannot build stay strings: `date: 2024-02-30` (a typo),
    `+25:00` offsets and 5,000-digit numbers are then ignored instead of failing the file."""


def _lenient(construct: Any) -> Any:
    def build(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)  # type: ignore[arg-type]

    return build


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp",
                                   _lenient(yaml.constructor.SafeConstructor.construct_yaml_timestamp))
_FrontMatterLoader.add_constructor("tag:yaml.org,2002:int", _lenient(yaml.constructor.SafeConstructor.construct_yaml_int))


# One line the shortcut reads: a key of lower-case letters and underscores at the line's start,
# a colon and one space, then a double-quoted string of printable ASCII without quote or
# backslash (no escape, nothing folded: its text is the value) or a date in digits (PyYAML's
# timestamp, built as datetime.date, or kept as the string when no such day exists), and nothing
# after it.
_LINE = re.compile(r'([a-z_]+): (?:"([ !#-\[\]-~]*)"|([0-9]{4})-([0-9]{2})-([0-9]{2}))')
# Keys PyYAML reads as something other than their text (booleans, null).
_NOT_TEXT = frozenset({"yes", "no", "true", "false", "on", "off", "null"})


def _simple(text: str) -> dict[str, Any] | None:
    """The mapping of front matter made only of lines `_LINE` reads, else None."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    if not lines:
        return None
    out: dict[str, Any] = {}
    for line in lines:
        m = _LINE.fullmatch(line)
        if m is None:
            return None
        key, quoted, year = m.group(1), m.group(2), m.group(3)
        if key in _NOT_TEXT or key in out:
            return None
        if quoted is not None:
            out[key] = quoted
            continue
        try:
            out[key] = date(int(year), int(m.group(4)), int(m.group(5)))
        except ValueError:
            out[key] = line[len(key) + 2:]  # no such day: PyYAML's lenient loader keeps the text
    return out


def front_matter(text: str) -> dict:
    """The mapping in a front-matter block, or {} when it is not one or cannot be read."""
    simple = _simple(text)
    if simple is not None:
        return simple
    return read_yaml(text)


def read_yaml(text: str) -> dict:
    """`front_matter` through PyYAML alone."""
    try:
        loaded = yaml.load(text, Loader=_FrontMatterLoader)  # a SafeLoader subclass
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError, MemoryError):
        return {}
    return loaded if isinstance(loaded, dict) else {}
