"""Dates as articles write them: front matter values, meta tags, "Last updated: ..." lines."""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T.*)?")
_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\.? ([A-Za-z]{3,9})\.?,? (\d{4})")
_MDY = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})")


def parse_date(value: object) -> date | None:
    """A date from a YAML value or a string: ISO 8601 (with or without time and zone, taken as
    written, not converted to UTC), YYYY/MM/DD, YYYYMMDD, RFC 2822, or "4 May 2023" /
    "May 4, 2023" anywhere in the string. None if there is no date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    s = value.strip()
    m = _ISO.search(s)
    if m:
        return _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _COMPACT.fullmatch(s)
    if m:
        return _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    m = _DMY.search(s)
    if m and m.group(2).lower() in _MONTHS:
        return _safe(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    m = _MDY.search(s)
    if m and m.group(1).lower() in _MONTHS:
        return _safe(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    return None


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except (ValueError, OverflowError):
        return None


# "Last updated: 2026-02-16", "Published on March 3, 2023", "Public Last Update: 2026-02-16 13:05"
_LABEL = re.compile(
    r"(?im)^[ \t>*_#-]*(?:public\s+)?(?P<label>last\s+updated?|updated(?:\s+on)?|last\s+modified|modified|"
    r"published(?:\s+on)?|posted(?:\s+on)?|date)\s*:?\s*(?P<value>[^\n]{6,40})$"
)


def dates_in_text(text: str) -> tuple[date | None, date | None]:
    """(published, updated) from labelled date lines near the top or bottom of a text."""
    head, tail = text[:3000], text[-3000:]
    published = updated = None
    for chunk in (head, tail):
        for m in _LABEL.finditer(chunk):
            d = parse_date(m.group("value"))
            if d is None:
                continue
            label = m.group("label").lower()
            if "updat" in label or "modif" in label:
                updated = updated or d
            else:
                published = published or d
    return published, updated
