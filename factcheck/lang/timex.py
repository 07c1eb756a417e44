"""Time expressions: explicit dates and relative ones, read against the document's date.

`find_times` returns every expression in a piece of text with its character span, the period it
names (first and last day) when that can be known, and whether it is relative ("next year" needs
the page's date to mean anything). Used for the stance of an event (a forecast names a future
time) and for history framing ("In 2017, ...").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from factcheck.regex_tools import CASE_TRAPS, required_literal_sets, required_literals

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
# A day may be written as an ordinal ("August 9th", "the 9th of August").
_ORD = r"(?:st|nd|rd|th)?"
_ORD_OF = r"(?:(?:st|nd|rd|th)(?: of)?)?"
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
SEASONS = ("spring", "summer", "autumn", "fall", "winter")
_SEASON = rf"(?:{'|'.join(SEASONS)})"
_UNIT = r"(?:year|month|week|summer|spring|autumn|fall|winter|quarter|decade)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("relative", re.compile(rf"\b(?:next|this|coming|later this|early next|late next|later next|the coming) {_UNIT}s?\b", re.I)),
    ("relative", re.compile(r"\b(?:in|within|over) (?:the )?(?:next|coming) (?:few |several |two |three |six |\d+ )?(?:days|weeks|months|years)\b", re.I)),
    ("relative", re.compile(r"\b(?:within|inside(?: of)?) (?:(?:a|the next|the coming|\d+|a few|several|two|three|six|twelve) )?(?:days?|weeks?|months?|years?)\b", re.I)),
    ("relative", re.compile(r"\b(?:later|earlier) (?:this|that) (?:year|month|week|decade)\b", re.I)),
    ("relative", re.compile(r"\b(?:by|before) the end of (?:the|this|next) (?:year|month|decade)\b", re.I)),
    ("relative", re.compile(rf"\b(?:last|this past) {_UNIT}\b", re.I)),
    ("relative", re.compile(r"\b(?:\w+|\d+) (?:days|weeks|months|years) (?:ago|from now)\b", re.I)),
    # "in less than a year", "in under six months"
    ("relative", re.compile(r"\b(?:in|within) (?:less than|under|fewer than) (?:a|one|two|three|six|twelve|\d+|a couple of) (?:days?|weeks?|months?|years?)\b", re.I)),
    # a time counted off to something still to come: "only a couple of years away", "18 months away"
    ("relative", re.compile(r"\b(?:a couple of|a few|a|one|two|three|four|five|six|\d+) (?:days?|weeks?|months?|years?) away\b", re.I)),
    ("relative", re.compile(r"\b(?:soon|shortly|imminently|currently|now|today|recently|at present|presently)\b", re.I)),
    ("explicit", re.compile(rf"\b{_MONTH} \d{{1,2}}{_ORD},? (?:19|20)\d\d\b", re.I)),
    ("explicit", re.compile(rf"\b\d{{1,2}}{_ORD_OF} {_MONTH},? (?:19|20)\d\d\b", re.I)),
    ("explicit", re.compile(rf"\b(?:(?:early|mid|late|the end of|the start of|the first half of|the second half of)[- ])?(?:{_MONTH}|{_SEASON}) (?:of )?(?:19|20)\d\d\b", re.I)),
    ("explicit", re.compile(r"\b(?:q[1-4]|(?:first|second|third|fourth) quarter(?: of)?) (?:19|20)\d\d\b", re.I)),
    ("decade", re.compile(r"\b(?:(?:early|mid|late)[- ])?(?:19|20)\d0s\b", re.I)),
    ("explicit", re.compile(r"\b(?:(?:early|mid|late)[- ])?(?:19|20)\d\d\b(?!\s*(?:mg|%|people|participants))", re.I)),
    # A year said in words, as transcripts of speech print it ("as early as twenty twenty two").
    ("spelledyear", re.compile(r"\btwenty[- ](?:twenty|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
                               r"eighteen|nineteen)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?\b", re.I)),
    # A month named with no year after a preposition ("from July", "in August"): the page's year.
    ("monthofyear", re.compile(rf"\b(?:from|in|by|until|since|before|after|this|next) {_MONTH}(?![\w.]| \d)", re.I)),
    # A day and month with no year ("on June 4", "by August 11"): placed in the page's year.
    ("dayofyear", re.compile(rf"\b{_MONTH} \d{{1,2}}{_ORD}\b(?!,? (?:19|20)\d\d)", re.I)),
    ("dayofyear", re.compile(rf"\b\d{{1,2}}{_ORD_OF} {_MONTH}\b(?!,? (?:19|20)\d\d)", re.I)),
]


# Literals of which every match of each pattern holds one, lower-cased (the pack's rule
# prefilter, regex_tools.py): a sentence without any of them is not searched with that
# pattern. Most sentences an event is read in name no month, season or year, and the seventeen
# case-insensitive searches per sentence were a twentieth of lint time.
_LITERALS: list[tuple[str, ...] | None] = [
    tuple(lits) if lits and all(lit.isascii() for lit in lits) else None
    for lits in (required_literals(p.pattern) for _, p in _PATTERNS)
]
# Every literal set each pattern requires (the one above among them): a sentence lacking one whole
# set cannot match either. Indexes into _SETS, whose answers are worked out once per sentence
# (six patterns need a month, five a year).
def _required_sets() -> tuple[list[tuple[str, ...]], list[tuple[int, ...]]]:
    sets: list[tuple[str, ...]] = []
    requires: list[tuple[int, ...]] = []
    for _kind, pattern in _PATTERNS:
        ids = []
        for lits in required_literal_sets(pattern.pattern):
            if all(lit.isascii() for lit in lits):
                if tuple(lits) not in sets:
                    sets.append(tuple(lits))
                ids.append(sets.index(tuple(lits)))
        requires.append(tuple(ids))
    return sets, requires


_SETS, _REQUIRES = _required_sets()


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    relative: bool
    first: date | None  # the period it names, where it can be known
    last: date | None

    @property
    def year(self) -> int | None:
        return self.first.year if self.first else None


def find_times(text: str, doc_date: date | None = None) -> list[TimeExpr]:
    """Time expressions in text, longest first where they overlap, in text order."""
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    low = text.lower()
    # Case-insensitive matching equates two non-ASCII letters with ASCII ones that lower() keeps
    # apart (factcheck/nlp/literals.py): a text holding one is searched with every pattern.
    gate = not any(c in low for c in CASE_TRAPS)
    has = low.__contains__
    held: list[bool | None] = [None] * len(_SETS)  # which literal sets the sentence holds
    decade_read = False
    for (kind, pat), lits, requires in zip(_PATTERNS, _LITERALS, _REQUIRES):
        if gate and lits is not None:
            if decade_read:
                # After a decade, as before: the chosen set tested against the decade's own text.
                if not any(map(has, lits)):  # map: no Python frame per literal
                    continue
            else:
                missing = False
                for j in requires:
                    holds = held[j]
                    if holds is None:
                        holds = held[j] = any(map(has, _SETS[j]))  # map: no Python frame per literal
                    if not holds:
                        missing = True
                        break
                if missing:
                    continue  # no match can exist: every match holds a literal of each required set
        for m in pat.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if kind == "monthofyear":
                first, last = _month_in_page_year(m.group(0), doc_date)
                if first is None and (doc_date is not None or _month_named(m.group(0)) is None):
                    continue
                # (On an undated page the month is kept without its dates: "by next August" still
                # tells a reader that something is to come, though not in which year.)
                end = m.end() - 1 if _full_month_then_stop(m.group(0)) else m.end()  # "by August." ends a sentence
                following = _NEXT_YEAR_AFTER.match(text, end)
                if following is not None:
                    # "in March next year": the month of the page's next year, one expression
                    end = following.end()
                    if first is not None and last is not None:
                        first, last = _shift_year(first, 1), _shift_year(last, 1)
                    found = [t for t in found if not (t.start < end and m.end() <= t.start)]  # its "next year"
                    taken.append((m.start(), end))
                found.append(TimeExpr(m.start(), end, text[m.start():end], True, first, last))
            elif kind == "decade":
                # "the 1970s": the ten years (a part of them for "early", "mid", "late")
                y = int(re.search(r"(?:19|20)\d0", m.group(0)).group(0))  # type: ignore[union-attr]
                low = m.group(0).lower()
                # NB: `low` now holds this match, and the literal tests of the patterns after this
                # one read it (kept as it was: fixing it would change which months are found).
                has = low.__contains__
                decade_read = True
                span = 99 if y % 100 == 0 else 9  # "the early 1900s" is as likely the century as its first decade
                third = (span + 1) // 3
                lo, hi = (y, y + third) if low.startswith("early") else (y + third, y + 2 * third) \
                    if low.startswith("mid") else (y + 2 * third, y + span) if low.startswith("late") else (y, y + span)
                found.append(TimeExpr(m.start(), m.end(), m.group(0), False, date(lo, 1, 1), date(hi, 12, 31)))
            elif kind == "spelledyear":
                y = _spelled_year(m.group(0))
                found.append(TimeExpr(m.start(), m.end(), m.group(0), False, date(y, 1, 1), date(y, 12, 31)))
            elif kind == "dayofyear":
                first, last = _day_in_page_year(m.group(0), doc_date)
                if first is None and (doc_date is not None or None in _month_and_day(m.group(0))):
                    continue
                found.append(TimeExpr(m.start(), m.end(), m.group(0), True, first, last))
            else:
                first, last = _period(m.group(0), kind == "relative", doc_date)
                found.append(TimeExpr(m.start(), m.end(), m.group(0), kind == "relative", first, last))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda t: t.start)


_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _spelled_year(text: str) -> int:
    """"twenty twenty two" -> 2022, "twenty nineteen" -> 2019."""
    words = re.split(r"[- ]+", text.lower())
    return 2000 + _TEENS[words[1]] + (_UNITS[words[2]] if len(words) > 2 else 0)


_FULL_MONTHS = frozenset(name.lower() for name in calendar.month_name if name)


def _full_month_then_stop(text: str) -> bool:
    """"by August." : the stop after a month spelt out ends the sentence (after "Aug" it is the abbreviation's)."""
    return text.endswith(".") and text[:-1].rsplit(None, 1)[-1].lower() in _FULL_MONTHS


def _month_named(text: str) -> int | None:
    """The month a "from July", "by next August" names (not the modal of "this may change")."""
    words = re.findall(r"[a-z]+\.?", text.lower())
    # "this may" and "next may" are as often a modal ("this may change"); after "in", "from", "by",
    # "until", "since", "before" or "after", "May" is the month.
    modal_may = bool(words) and words[0] in ("this", "next")
    return next((MONTHS[w.rstrip(".")] for w in words
                 if w.rstrip(".") in MONTHS and not (w.rstrip(".") == "may" and modal_may)), None)


_NEXT_YEAR_AFTER = re.compile(r",? (?:of )?next year\b", re.I)


def _shift_year(d: date, years: int) -> date:
    return date(d.year + years, d.month, min(d.day, calendar.monthrange(d.year + years, d.month)[1]))


def _month_in_page_year(text: str, doc_date: date | None) -> tuple[date | None, date | None]:
    """"from July" in a page dated 2023-02-03 is July 2023; without the page's date it is unknown.
    "next March" is the first March after the page's date (March 2026 on a page of December 2025)."""
    if doc_date is None:
        return None, None
    month = _month_named(text)
    if not month:
        return None, None
    year = doc_date.year
    if text.lower().startswith("next ") and month <= doc_date.month:
        year += 1
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _day_in_page_year(text: str, doc_date: date | None) -> tuple[date | None, date | None]:
    """"June 4" in a page dated 2024-05-20 is 2024-06-04; without the page's date it is unknown."""
    if doc_date is None:
        return None, None
    month, day = _month_and_day(text)
    if not month or not day:
        return None, None
    try:
        d = date(doc_date.year, month, day)
    except ValueError:
        return None, None
    return d, d


def in_year(t: TimeExpr, year: int) -> tuple[date, date] | None:
    """The days a time of no year ("from 1 July", "in June") names in the year given: what an
    undated page means by it when the latest year it speaks of is that year."""
    month, day = _month_and_day(t.text)
    if not month:
        return None
    last = calendar.monthrange(year, month)[1]
    if day and 1 <= day <= last:
        return date(year, month, day), date(year, month, day)
    return date(year, month, 1), date(year, month, last)


def _month_and_day(text: str) -> tuple[int | None, int | None]:
    """The month and the day a "June 4" or "4 June" names."""
    low = text.lower()
    month = next((MONTHS[w.rstrip(".")] for w in re.findall(r"[a-z]+\.?", low) if w.rstrip(".") in MONTHS), None)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", low)
    return month, int(day.group(1)) if day else None


def _period(text: str, relative: bool, doc_date: date | None) -> tuple[date | None, date | None]:
    low = text.lower()
    if relative:
        if doc_date is None:
            return None, None
        y = doc_date.year
        if re.search(r"\bnext year\b", low):
            return date(y + 1, 1, 1), date(y + 1, 12, 31)
        if re.search(r"\b(?:this|later this) year\b|end of (?:the|this) year", low):
            return date(y, 1, 1), date(y, 12, 31)
        if re.search(r"\blast year\b", low):
            return date(y - 1, 1, 1), date(y - 1, 12, 31)
        season = _season_about(low, doc_date)
        if season is not None:
            return season
        counted = _counted_span(low, doc_date)
        if counted is not None:
            return counted
        # Months and weeks about the page's date: "last month" is the calendar month before it,
        # "last week" the seven days before the page's week (a day either side for loose use).
        shift = {"last": -1, "this past": -1, "this": 0, "next": 1}
        m = re.fullmatch(r"(last|this past|this|next) (month|week)", low.strip())
        if m:
            if m.group(2) == "month":
                k = doc_date.year * 12 + doc_date.month - 1 + shift[m.group(1)]
                yy, mm = divmod(k, 12)
                return date(yy, mm + 1, 1), date(yy, mm + 1, calendar.monthrange(yy, mm + 1)[1])
            monday = doc_date - timedelta(days=doc_date.weekday())
            start = monday + timedelta(weeks=shift[m.group(1)])
            return start - timedelta(days=1), start + timedelta(days=7)
        return None, None
    years = re.findall(r"(?:19|20)\d\d", low)
    if not years:
        return None, None
    y = int(years[0])
    month = next((MONTHS[w.rstrip(".")] for w in re.findall(r"[a-z]+\.?", low) if w.rstrip(".") in MONTHS), None)
    if month:
        day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", low)
        if day and 1 <= int(day.group(1)) <= calendar.monthrange(y, month)[1]:
            d = date(y, month, int(day.group(1)))
            return d, d
        return date(y, month, 1), date(y, month, calendar.monthrange(y, month)[1])
    return date(y, 1, 1), date(y, 12, 31)


_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "twelve": 12,
           "eighteen": 18, "a couple of": 2, "a few": 3, "several": 4}
_COUNTED = re.compile(r"^(?:within|inside(?: of)?|in)? ?(?:less than |under |fewer than )?(a couple of|a few|several|an?|one|two|three|four|five|six|twelve|"
                      r"eighteen|\d+) (day|week|month|year)s?(?: away)?$")
_UNIT_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}


# "in the coming months", "over the next few weeks": no count, so the reach news usually means by it.
_COMING = re.compile(r"^(?:(?:in|within|over) )?(?:the )?(?:next|coming) (?:few |several )?(day|week|month|year)s$")
_COMING_REACH = {"day": 14, "week": 8 * 7, "month": 6 * 31, "year": 3 * 366}


def _counted_span(low: str, doc_date: date) -> tuple[date, date] | None:
    """"within two years", "18 months away": from the page's date to as far ahead as that counts."""
    coming = _COMING.match(low.strip())
    if coming is not None:
        return doc_date, doc_date + timedelta(days=_COMING_REACH[coming.group(1)])
    m = _COUNTED.match(low.strip())
    if m is None:
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else _COUNTS[m.group(1)]
    if n > 120:
        return None
    return doc_date, doc_date + timedelta(days=n * _UNIT_DAYS[m.group(2)])


# A season's first and last month in each hemisphere (a page may be Australian): "next spring" on a
# page of August spans the southern spring of that year and the northern one of the next.
_SEASON_MONTHS = {"spring": ((3, 5), (9, 11)), "summer": ((6, 8), (12, 2)), "autumn": ((9, 11), (3, 5)),
                  "fall": ((9, 11), (3, 5)), "winter": ((12, 2), (6, 8))}


def _season_span(year: int, months: tuple[int, int]) -> tuple[date, date]:
    first, last = months
    end_year = year + 1 if last < first else year
    return date(year, first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1])


def _season_about(low: str, doc_date: date) -> tuple[date, date] | None:
    """"next spring", "this summer", "last winter" about the page's date: the span covering the
    season meant in either hemisphere."""
    m = re.fullmatch(rf"(?:the )?(next|coming|this|later this|early next|late next|later next|last|this past) ({_SEASON})",
                     low.strip())
    if m is None:
        return None
    which, name = m.group(1), m.group(2)
    spans = [_season_span(y, months) for months in _SEASON_MONTHS[name] for y in (doc_date.year - 2, doc_date.year - 1, doc_date.year,
                                                                                   doc_date.year + 1)]
    if which in ("last", "this past"):
        chosen = [max((sp for sp in spans if sp[1] < doc_date and sp[0].month == months[0]), default=None)
                  for months in _SEASON_MONTHS[name]]
    elif which in ("this", "later this"):
        chosen = [sp for sp in spans if sp[0].year == doc_date.year]
    else:
        chosen = [min((sp for sp in spans if sp[0] > doc_date and sp[0].month == months[0]), default=None)
                  for months in _SEASON_MONTHS[name]]
    chosen = [sp for sp in chosen if sp is not None]
    if not chosen:
        return None
    return min(sp[0] for sp in chosen), max(sp[1] for sp in chosen)


def is_future(t: TimeExpr, doc_date: date | None) -> bool:
    """True when the expression names a time after the document's date (or reads as future)."""
    low = t.text.lower()
    if t.relative and t.last is not None and doc_date is not None and re.search(rf"\d|\b{_MONTH}", low):
        return t.last > doc_date  # a day or month of the page's year ("by August 11", "from July")
    if t.relative:
        return bool(re.search(r"\b(?:next|coming|soon|shortly|imminently|within|inside|from now|later this|end of|away|"
                              r"in (?:less than|under|fewer than))\b", low))
    if doc_date is None or t.last is None:
        return False
    return t.last > doc_date


_DAY_OF_MONTH = re.compile(rf"\b{_MONTH} \d{{1,2}}\b|\b\d{{1,2}} {_MONTH}", re.I)


def names_a_day(t: TimeExpr) -> bool:
    """"June 4", "4 June 2024": the expression names a day of a month (a timetable's precision)."""
    return bool(_DAY_OF_MONTH.search(t.text))


_YEARLESS_DAY = [p for kind, p in _PATTERNS if kind == "dayofyear"]


def days_without_year(text: str) -> list[tuple[int, int, int, int]]:
    """Days named with no year ("issued on August 9", "the 9 August letter"), as (start, end, month,
    day): the day of a one-time event can be checked without knowing the year."""
    out = []
    for pat in _YEARLESS_DAY:
        for m in pat.finditer(text):
            month, day = _month_and_day(m.group(0))
            word = re.search(r"[A-Za-z]", re.sub(r"^\d+(?:st|nd|rd|th)?(?: of)? ", "", m.group(0)))  # the month's
            # "they may 5" is no date: a month that opens a date is written with a capital.
            if month and day and word and word.group(0).isupper() \
                    and 1 <= day <= calendar.monthrange(2024, month)[1]:  # a leap year: 29 February exists
                out.append((m.start(), m.end(), month, day))
    return sorted(out)


# "on the 9th", "on the 9th of this month": a day of a month the reader already knows. Only after
# "on", and not before a noun ("on the 9th floor", "on the 20th anniversary").
_DAY_OF_KNOWN_MONTH = re.compile(
    r"\bon the ([12]?\d|3[01])(?:st|nd|rd|th)\b(?=\s*(?:$|[,.;:)]|of (?:this|the|last) month\b|"
    r"(?:not|that|to|and|the|it|when|but)\b))", re.I)


def days_of_known_month(text: str) -> list[tuple[int, int, int]]:
    """Days named by their number alone ("decided on the 9th not to approve it", "on the 9th of
    this month"), as (start, end, day): the month is the story's, the day can be checked."""
    return [(m.start(), m.end(), int(m.group(1))) for m in _DAY_OF_KNOWN_MONTH.finditer(text)]


YEAR_THEN_DASH = re.compile(r"(?:19|20)\d\d\s?[–—-]\s?$")


def range_end(text: str, start: int) -> bool:
    """Does the time at character `start` end a range of years ("2022–2024", "2022 - 2024")?"""
    return bool(YEAR_THEN_DASH.search(text, max(0, start - 8), start))
