"""A study known by its figures: a paragraph that gives a trial's own numbers without naming it.

"The research enrolled 103 participants; 53 received MDMA and 51 a placebo, and 71 percent of the
MDMA group no longer met the criteria": no name, but 53, 51 and 71% are one recorded study's
figures and no other's. The paragraph's unnamed figures are then that study's, and the judge
compares them with its record (103 against the 104 it enrolled).

The evidence is the paragraph's own numbers, read from its text (the extractor does not make a
claim of every arm size), each with its kind: a percentage, or a count. At least three distinct
numbers of 10 or more must be ones the study recorded of the same kind (to the unit, as writers
round; a number with another unit, "24 points", "15 sites", is neither), two of them counts (arm sizes are what tell trials apart), in a paragraph that speaks of
participants or a placebo; and exactly one study may fit. Only the paragraph's counts of people
are then held to the study: a percentage or a dose with no study named may be another measure's.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from factcheck.knowledge.model import Pack
from factcheck.nlp.claims import Claim
from factcheck.nlp.numscan import scan_at

STUDY_HOW = "figures"
_DIGIT_RUN = re.compile(r"\d+")  # `\d` as NUMBER reads it (Unicode digits too)
MIN_MATCHES = 3
NUMBER = re.compile(r"(?<![\d.,])(\d{2,3}(?:\.\d+)?)(?![\d,]|\.\d)(\s?%|\s(?:percent|per cent)\b)?"
                    r"(\s(?:points?|mg|milligrams?|weeks?|months?|years?|days?|hours?|minutes?|sessions?|sites?|"
                    r"countries|centres|centers|kg)\b)?", re.IGNORECASE)
MIN_COUNTS = 2
TRIAL_WORDS = re.compile(r"\b(?:participants?|patients|volunteers|placebo|enrolled|randomi[sz]ed|trial|study)\b",
                         re.IGNORECASE)


def identify_by_figures(claims: list[Claim], pack: Pack, text: str, paragraphs: list[int]) -> None:
    """Give a paragraph's unnamed figures the one study its numbers fit (in place)."""
    figures = [c for c in claims if c.type == "figure" and c.quantity is not None]
    if not figures or not pack.studies:
        return
    starts = sorted(paragraphs or [0])
    by_paragraph: dict[int, list[Claim]] = defaultdict(list)
    for c in figures:
        by_paragraph[bisect.bisect_right(starts, c.start) - 1].append(c)
    for k, group in by_paragraph.items():
        if any(c.studies for c in group):
            continue  # a figure attached to a study: the paragraph names it
        lo = starts[k] if k >= 0 else 0
        hi = starts[k + 1] if k + 1 < len(starts) else len(text)
        para = text[lo:hi]
        if not TRIAL_WORDS.search(para):
            continue
        study = _only_fit(para, pack)
        if study is None:
            continue
        for c in group:
            if c.unit == "count":
                c.studies, c.study_how = [study], STUDY_HOW


def _only_fit(para: str, pack: Pack) -> str | None:
    """The one study that recorded enough of the paragraph's numbers, each of the same kind."""
    # A number with another unit ("24 points", "15 sites") is neither a share nor a count of people.
    # NUMBER's matches start where a run of digits does (its look-behind refuses a digit after a
    # digit, "." or ","): tried only there (scan_at), not at every character of the paragraph.
    found = scan_at(NUMBER, para, [m.start() for m in _DIGIT_RUN.finditer(para)])
    numbers = {(float(m.group(1)), "percent" if m.group(2) else "count") for m in found if not m.group(3)}
    numbers = {(x, kind) for x, kind in numbers if x >= 10}  # (NUMBER reads 2 or 3 digits: never a year)
    if len(numbers) < MIN_MATCHES:
        return None
    fits: list[str] = []
    for sid, by_rounded in _recorded(pack):
        # A recorded value r fits x when it is of x's kind, abs(x - r) < 1 and round(r) == round(x):
        # only the values filed under (kind, round(x)) can.
        matched = {(x, kind) for x, kind in numbers
                   if any(abs(x - r) < 1.0 for r in by_rounded.get((kind, round(x)), ()))}
        if len(matched) >= MIN_MATCHES and sum(kind == "count" for _x, kind in matched) >= MIN_COUNTS:
            fits.append(sid)
    return fits[0] if len(fits) == 1 else None


_RECORDED: dict[int, tuple[Pack, list[tuple[str, dict[tuple[str, int], list[float]]]]]] = {}


def _recorded(pack: Pack) -> list[tuple[str, dict[tuple[str, int], list[float]]]]:
    """Each study that is not retracted, in the pack's order, with its recorded shares and counts
    (both ends of each value, rounded to one place) filed by (unit, round(value)); once per pack."""
    kept = _RECORDED.get(id(pack))
    if kept is not None and kept[0] is pack:
        return kept[1]
    out: list[tuple[str, dict[tuple[str, int], list[float]]]] = []
    for sid, study in pack.studies.items():
        if study.status == "retracted":
            continue
        recorded = {(round(abs(b), 1), v.unit) for v in study.values if v.unit in ("percent", "count")
                    for b in (v.low, v.high)}
        by_rounded: dict[tuple[str, int], list[float]] = {}
        for r, unit in recorded:
            by_rounded.setdefault((unit, round(r)), []).append(r)
        out.append((sid, by_rounded))
    _RECORDED[id(pack)] = (pack, out)
    return out
