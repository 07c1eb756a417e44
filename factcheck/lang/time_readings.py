"""Time words read near an event: whether "soon" or "close to" forecast anything, and the year
that frames a clause as history. Part of the stance readers (stance.py)."""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.aspect import _irregular_past
from factcheck.lang.cues import Cue
from factcheck.lang.text import doc_text
from factcheck.lang.timex import TimeExpr, find_times


def _soon_then_past(doc: Doc, t: TimeExpr) -> bool:
    if t.text.lower() not in ("soon", "shortly"):
        return False
    nxt = doc_text(doc)[t.end:t.end + 20].split()[:1]
    return bool(nxt) and ((nxt[0].endswith("ed") and len(nxt[0]) > 4) or _irregular_past(nxt[0].lower())
                          or nxt[0].lower() in ("after", "afterwards", "thereafter"))


def _soon_in_the_past(words: list[str], c: Cue) -> bool:
    """"soon" told of the past: "first approvals soon led to more", "soon after the launch",
    "approval came soon after"; or "close to" a number, a count, not a prospect ("after close
    to three years in short supply"); or a share price's close ("closing at $55.21")."""
    w = words[c.start]
    nxt = words[c.end] if c.end < len(words) else ""
    prev = words[c.start - 1] if c.start > 0 else ""
    if w in ("soon", "shortly"):
        return nxt in ("after", "afterwards", "afterward", "thereafter") or (nxt.endswith("ed") and len(nxt) > 4) \
            or _irregular_past(nxt) or _irregular_past(prev) or (prev.endswith("ed") and len(prev) > 4)
    if w in ("close", "near", "nearly") and nxt == "to" and c.end + 1 < len(words):
        after = words[c.end + 1]
        if after in ("a", "an"):  # "close to a third", "close to a year"; not "close to a decision"
            return c.end + 2 < len(words) and words[c.end + 2] in COUNTED_AFTER_A
        return after[:1].isdigit() or after in NUMBER_WORDS
    if w in ("closing", "closed") and (nxt in ("at", "up", "down", "higher", "lower", "flat") or nxt[:1] in ("$", "€")):
        return True  # a share price's close ("shares rose 5.4%, closing at $55.21"), not a prospect
    return False


NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty", "forty",
                "fifty", "half", "one", "hundred", "hundreds", "thousands", "double", "triple"}
COUNTED_AFTER_A = {"third", "quarter", "fifth", "tenth", "half", "dozen", "hundred", "thousand", "million", "billion",
                   "year", "decade", "month", "week", "day"}


def _framing_year(doc: Doc, cs: int, times: list[TimeExpr]) -> int | None:
    """A year that opens the clause ("In 2023, ...", "Back in 2019", "By early 2024")."""
    if not times:
        return None
    t = times[0]
    head = doc_text(doc)[doc[cs].idx:t.start].strip().lower()
    for coordinator in ("and ", "but ", "yet ", "so "):
        head = head.removeprefix(coordinator)  # ", and in 2021 the Times wrote ...": the clause's own opener
    if head in ("", "in", "back in", "as of", "during", "throughout", "until", "through", "at the end of",
                "at the start of", "in early", "in late", "in mid", "since") and not t.relative:
        return t.year
    return None


def _delay_foreseen(words: list[str], ee: int, ce: int) -> bool:
    """"approval may be slow in coming", "long to arrive" after the event: a delay foreseen."""
    return any(words[i] in ("slow", "long") and words[i + 1] in ("in", "to") and words[i + 2] in ("coming", "come", "arrive")
               for i in range(ee, ce - 2))


def citation_year(doc: Doc, t: TimeExpr) -> bool:
    """A bare year in brackets, "Mitchell and colleagues (2023) published ...": an author-year
    citation, not the time of the event."""
    text = doc_text(doc)
    return t.text.isdigit() and len(t.text) == 4 and t.start > 0 and text[t.start - 1] == "(" \
        and t.end < len(text) and text[t.end] == ")"


_LATEST_YEAR = "factcheck_latest_year"


def latest_year_named(doc: Doc) -> int | None:
    """The latest year the page names anywhere (a date, a month or a year of its own): a page with
    no date of its own was written no earlier than the latest year it speaks of. Read once per Doc,
    and only when a rule asks."""
    if _LATEST_YEAR not in doc.user_data:
        years = [t.last.year for t in find_times(doc_text(doc), None) if not t.relative and t.last is not None]
        doc.user_data[_LATEST_YEAR] = max(years) if years else None
    return doc.user_data[_LATEST_YEAR]


# Words that make a later date a deadline the act beat: "approved six weeks before its June 26 goal date".
_AHEAD_WORDS = ("before", "ahead", "earlier")


def beaten_deadline(doc: Doc, t: TimeExpr, event_end_char: int) -> bool:
    """A date after the event that "before", "ahead of" or "earlier than" makes a deadline the act
    came before ("has approved the application ... before its June 26 PDUFA date"), not its time."""
    if t.start < event_end_char:
        return False
    words = doc_text(doc)[max(event_end_char, t.start - 40):t.start].lower().split()[-4:]
    return any(w in _AHEAD_WORDS for w in words)
