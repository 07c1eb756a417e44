"""Field-level validation of pack YAML: typed getters that report problems with file and line.

The YAML reader (yamlload) keeps each key's line; this checker turns a bad field into a Problem
at that line. It knows field shapes (string, date, list, enum), not what the fields mean.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from factcheck.knowledge.model import PartialDate
from factcheck.knowledge.problems import Problem
from factcheck.knowledge.yamlload import LineDict, LineList, short_repr

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PARTIAL_RE = re.compile(r"^\d{4}(?:-\d{2})?$")


class FieldChecker:
    """Collects problems while the readers walk the YAML; each typed getter records a problem and
    returns a safe default on a mismatch, so one pass reports every bad field, not just the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, node: Any, key: str | int | None, message: str) -> None:
        self._add("error", node, key, message)

    def warn(self, node: Any, key: str | int | None, message: str) -> None:
        self._add("warning", node, key, message)

    def _add(self, level: str, node: Any, key: str | int | None, message: str) -> None:
        file = getattr(node, "file", "?")
        if isinstance(node, LineDict) and isinstance(key, str):
            line = node.line_of(key)
        elif isinstance(node, LineList) and isinstance(key, int):
            line = node.line_of(key)
        else:
            line = getattr(node, "line", 0)
        self.problems.append(Problem(file, line, level, message))

    # typed getters: record a problem and return a safe default on mismatch
    def string(self, node: LineDict, key: str, required: bool = False, what: str = "") -> str | None:
        val = node.get(key)
        if val is None:
            if required:
                self.error(node, key if key in node else None, f"{what}missing required field '{key}'")
            return None
        if isinstance(val, (int, float)) and not isinstance(val, bool):
            val = str(val)
        if not isinstance(val, str) or not val.strip():
            self.error(node, key, f"{what}'{key}' must be a non-empty string")
            return None
        return val.strip()

    def enum(self, node: LineDict, key: str, allowed: Iterable[str], required: bool = False,
             default: str | None = None, what: str = "") -> str | None:
        val = self.string(node, key, required, what)
        if val is None:
            return default
        if val not in allowed:
            self.error(node, key, f"{what}'{key}' is {short_repr(val)}; expected one of: {', '.join(allowed)}")
            return default
        return val

    def day(self, node: LineDict, key: str, required: bool = False, what: str = "") -> date | None:
        val = node.get(key)
        if val is None:
            if required:
                self.error(node, key if key in node else None, f"{what}missing required date '{key}'")
            return None
        if not isinstance(val, str) or not DATE_RE.match(val):
            self.error(node, key, f"{what}'{key}' must be a date YYYY-MM-DD, got {short_repr(val)}")
            return None
        try:
            return date.fromisoformat(val)
        except ValueError:
            self.error(node, key, f"{what}'{key}' is not a real date: {short_repr(val)}")
            return None

    def when(self, node: LineDict, key: str, what: str = "") -> date | None:
        """A date that may be partial: YYYY-MM-DD, YYYY-MM or YYYY (a PartialDate for the last two)."""
        val = node.get(key)
        if isinstance(val, int) and not isinstance(val, bool):
            val = str(val)  # YAML reads a bare year as a number
        if isinstance(val, str) and PARTIAL_RE.match(val):
            try:
                return PartialDate.parse(val)
            except ValueError:
                self.error(node, key, f"{what}'{key}' is not a real month: {val!r}")
                return None
        if val is not None and not (isinstance(val, str) and DATE_RE.match(val)):
            self.error(node, key, f"{what}'{key}' must be a date YYYY-MM-DD, YYYY-MM or YYYY, got {val!r}")
            return None
        return self.day(node, key, what=what)

    def strings(self, node: LineDict, key: str, required: bool = False, what: str = "") -> list[str]:
        val = node.get(key)
        if val is None:
            if required:
                self.error(node, key if key in node else None, f"{what}missing required list '{key}'")
            return []
        if isinstance(val, str):
            val = [val]
        if not isinstance(val, list) or not all(isinstance(x, (str, int, float)) for x in val):
            self.error(node, key, f"{what}'{key}' must be a list of strings")
            return []
        out = [str(x) for x in val]
        if required and not out:
            self.error(node, key, f"{what}'{key}' must not be empty")
        return out

    def number(self, node: LineDict, key: str, what: str = "") -> float | None:
        val = node.get(key)
        if val is None:
            return None
        if isinstance(val, bool) or not isinstance(val, (int, float)):
            self.error(node, key, f"{what}'{key}' must be a number, got {short_repr(val)}")
            return None
        return float(val)

    def known_keys(self, node: LineDict, allowed: set[str], what: str) -> None:
        for key in node:
            if key not in allowed:
                self.error(node, str(key), f"{what}unknown field '{key}' (allowed: {', '.join(sorted(allowed))})")

    def entry_id(self, node: LineDict, what: str) -> str | None:
        val = self.string(node, "id", True, what)
        if val is not None and not ID_RE.match(val):
            self.error(node, "id", f"{what}id {short_repr(val)} must be lower-case letters, digits, '.', '_' or '-'")
        return val
