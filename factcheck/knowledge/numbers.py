"""Numbers as articles and pack notes write them: digits, words, fractions, ranges, approximations,
time points. In knowledge/ (below nlp/) so the loader and the extractor read numbers one way."""

from __future__ import annotations

import re

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "hundred": 100,
}
FRACTIONS = {
    "two-thirds": 66.7, "two thirds": 66.7, "one-third": 33.3, "one third": 33.3, "a third": 33.3,
    "three-quarters": 75.0, "three quarters": 75.0, "a quarter": 25.0, "one-quarter": 25.0,
    "half": 50.0, "one-half": 50.0, "nine in ten": 90.0, "nine out of ten": 90.0, "two in three": 66.7,
    "two out of three": 66.7, "four in five": 80.0, "four out of five": 80.0, "seven in ten": 70.0,
}
_NUMWORD = "|".join(sorted((re.escape(w) for w in WORDS), key=len, reverse=True))
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{_NUMWORD})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
WORD_NUM = rf"(?:{_NUMWORD})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
RANGE_SEP = r"\s*(?:-|to|and|or|through)\s*"
APPROX = {
    "nearly": (-5.0, 0.0), "almost": (-5.0, 0.0), "close to": (-5.0, 0.0), "just under": (-3.0, 0.0),
    "about": (-3.0, 3.0), "around": (-3.0, 3.0), "roughly": (-3.0, 3.0), "approximately": (-3.0, 3.0),
    "approx.": (-3.0, 3.0), "some": (-3.0, 3.0), "~": (-3.0, 3.0), "over": (0.0, 10.0), "more than": (0.0, 10.0),
    "just over": (0.0, 3.0), "upwards of": (0.0, 10.0), "at least": (0.0, 10.0), "under": (-10.0, 0.0),
    "less than": (-10.0, 0.0), "fewer than": (-10.0, 0.0), "up to": (-100.0, 0.0),
}
APPROX_RE = "|".join(sorted((re.escape(a) for a in APPROX), key=len, reverse=True))


def to_number(word: str) -> float | None:
    w = word.strip().lower().replace(",", "")
    try:
        return float(w)
    except ValueError:
        pass
    if w in WORDS:
        return float(WORDS[w])
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in WORDS and parts[1] in WORDS and WORDS[parts[0]] >= 20 and WORDS[parts[1]] < 10:
        return float(WORDS[parts[0]] + WORDS[parts[1]])
    return None


# -- time points ("one year after treatment", "18 weeks after baseline", "at the 12-month follow-up")
WEEKS_PER = {"day": 1 / 7, "week": 1.0, "month": 52 / 12, "year": 52.0}
TIMEPOINT = re.compile(
    rf"\b(?:(?:at least|about|around|roughly|some|more than|over|nearly|almost)\s+)?(?P<n>{NUM}|a|an)"
    r"(?:[- ]?|\s+(?:full|whole|entire|complete)\s+)(?P<u>days?|weeks?|months?|years?)"
    r"(?:\s+(?:later|after|post|following|from|since|past)(?:\s+(?:the\s+)?(?P<anchor>baseline|enrol\w*|randomi[sz]ation|"
    r"(?:the\s+)?(?:end\s+of\s+)?(?:treatment|therapy)|(?:the\s+)?(?:last|final|third)\s+(?:\w+\s+)?(?:sessions?|doses?)|"
    r"dosing|the\s+study))?)"
    # ("at two months after treatment" is the first form's: its anchor says from when)
    r"|\bat\s+(?:the\s+)?(?P<n2>{NUM})[- ](?P<u2>days?|weeks?|months?|years?)\b(?!\s+(?:after|post|following|from|since)\b)"
    # "after one year", "after 18 weeks": counted from the start of the study.
    r"|\b(?:after|following)\s+(?:(?:about|around|roughly|some|more than|over|nearly|almost|at least)\s+)?"
    r"(?P<n3>{NUM}|a|an)\s+(?:full\s+|whole\s+)?(?P<u3>weeks?|months?|years?)\b(?!\s+(?:of|on|in)\b)"
    .replace("{NUM}", NUM)
)


def parse_timepoint(text: str) -> tuple[float, str] | None:
    """The first time point in `text` as (weeks, anchor); anchor is "baseline" or "treatment".
    Follow-up visits ("at the 12-month follow-up") count from the end of treatment."""
    found = find_timepoint(text)
    return None if found is None else (found[0], found[1])


def find_timepoint(text: str) -> tuple[float, str, int, int] | None:
    """As `parse_timepoint`, with the time point's span in `text`: (weeks, anchor, start, end)."""
    m = TIMEPOINT.search(text.lower())
    tp = _timepoint_of(m) if m else None
    return None if tp is None or m is None else (tp[0], tp[1], m.start(), m.end())


def _timepoint_of(m: re.Match[str]) -> tuple[float, str] | None:
    n = m.group("n") or m.group("n2") or m.group("n3")
    unit = (m.group("u") or m.group("u2") or m.group("u3") or "").rstrip("s")
    value = 1.0 if n in ("a", "an") else to_number(n)
    if value is None or unit not in WEEKS_PER:
        return None
    if m.group("u") and not (m.group(0).split()[-1] in ("later",) or m.group("anchor") or re.search(r"\b(?:after|post|following|from|since|past)\b", m.group(0))):
        return None  # "a 12-week course" is a length, not a time point
    anchor = m.group("anchor") or ""
    # "at 18 weeks" counts on the study's clock; "at the 12-month follow-up" from the end of treatment.
    study_clock = bool(m.group("n2")) and not m.string[m.end():m.end() + 12].lstrip(" -").startswith("follow")
    where = "baseline" if m.group("n3") or study_clock or re.match(r"baseline|enrol|randomi", anchor) else "treatment"
    return value * WEEKS_PER[unit], where


def split_glued(digits: str, counts: set[float]) -> tuple[float, float, int] | None:
    """Split digits a flattened table glued together ("10471.2" = 104 and 71.2) into (count, percent, cut).

    With known counts (sample sizes of the study the row cites) only a split whose count is one of
    them is taken; without, only when exactly one split leaves a two-digit percentage."""
    whole, _, frac = digits.partition(".")
    options: list[tuple[float, float, int]] = []
    for k in range(1, len(whole)):
        head, tail = whole[:k], whole[k:]
        if tail.startswith("0") and len(tail) > 1:
            continue
        pct = float(tail + ("." + frac if frac else ""))
        if pct > 100:
            continue
        options.append((float(head), pct, k))
    if counts:
        known = [o for o in options if o[0] in counts]
        return known[0] if len(known) == 1 else None
    two_digit = [o for o in options if 10 <= o[1] < 100]
    return two_digit[0] if len(two_digit) == 1 else None
