"""The figures core: numbers with units in prose (percentages, doses, sample sizes, sessions,
effect sizes, score points), with approximations and time points said by pointing back.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.knowledge.model import Pack
from factcheck.knowledge.notes import dose_role_near
from factcheck.knowledge.numbers import (
    APPROX,
    APPROX_RE,
    FRACTIONS,
    NUM,
    RANGE_SEP,
    WORD_NUM,
    find_timepoint,
    to_number,
)
from factcheck.nlp.claims import Claim
from factcheck.nlp.context import Context
from factcheck.nlp.speech import _mark_figure_speech, _retraction_noted
from factcheck.nlp.tables import _bare
from factcheck.nlp.tails import TAIL_END, last_tail_end
from factcheck.regex_tools import core_pattern

# Words after which a number is a label, not a count ("Phase 3 participants", "Table 2 patients").
LABEL_WORD = re.compile(r"(?:phase|stage|table|figure|schedule|study|trial|cohort|group|part|step|level|grade)[ -]$")
# The label check runs on matches only (see _is_label): lookbehinds at every position cost.

# Patterns start with what is cheapest to reject (a digit, a word start); an approximation before
# a figure ("nearly 70%") is read afterwards from the few characters before it.
PERCENT = re.compile(
    r"(?P<a>(?<![\d.])\d+(?:\.\d+)?)(?:\s*(?:-|to)\s*(?P<b>\d+(?:\.\d+)?))?\s?(?:%|\s?percent\b|\s?per cent\b)"
)
PERCENT_WORDS = re.compile(
    rf"\b(?P<a>{WORD_NUM})\s+(?:percent|per cent)\b"
)
FRACTION = re.compile(
    r"\b(?P<f>"
    + "|".join(sorted((re.escape(f) for f in FRACTIONS), key=len, reverse=True))
    + r")\s+(?:of|the)\b"
)
# Every FRACTION match opens with one of these: it is tried only where one starts (Context.scan_from).
FRACTION_STARTS = tuple(FRACTIONS)
# "10 of 12 participants", "nine out of ten patients"
SHARE = re.compile(
    rf"(?<![\w.])(?P<a>{NUM})\s+(?:of|out of|in)\s+(?:the\s+|all\s+)?(?P<b>{NUM})\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:participants|patients|people|subjects|volunteers|veterans|adults)\b"
)
AMOUNT = re.compile(
    rf"(?<![\w.])(?P<a>{NUM})(?:\s*(?:±|\+/-|\+-)\s*(?P<sd>\d+(?:\.\d+)?))?(?:{RANGE_SEP}(?P<b>{NUM}))?\s*-?\s*"
    r"(?P<unit>mg/kg|mg per kg|milligrams? per kilogram|mg\b|milligrams?\b|hours?\b|hrs?\b|h\b|minutes?\b|mins?\b|weeks?\b|months?\b)"
)
SAMPLE = re.compile(
    rf"\bn\s*=\s*(?P<n>\d+)\b|(?<![\w.%])(?P<a>{NUM})\s+(?:(?:adult|military|us|u\.s\.|american|israeli|eligible|"
    r"randomi[sz]ed|enrolled|treatment-resistant|severe|chronic|ptsd|new|veteran|more|other|additional)\s+){0,3}"
    r"(?:participants|patients|people|subjects|volunteers|individuals|adults|veterans|couples|dyads)\b"
)
SITES = re.compile(rf"(?<![\w.%])(?P<a>{NUM})\s+(?:[\w-]+\s+){{0,2}}?(?:sites?|clinics|centers|centres|locations)\b")
# Words between the count and "sessions" (or "appointments") name the type; a unit there ("125 mg
# per session") means it is no count, and a number there is the count ("14 people two sessions").
SESSIONS = re.compile(
    rf"(?<![\w.])(?P<a>{NUM})\s+(?P<mid>(?:(?!(?:mg|milligrams?|hours?|minutes?|per|a|an|each|every|of)\b|(?:{WORD_NUM}|\d[\d.,]*)\s)[\w'-]+\s+){{0,3}}?)"
    r"(?:sessions?|appointments?)\b"
)
EFFECT = re.compile(
    r"(?:\b(?:cohen'?s\s+)?(?<![\w'])d|\bhedges'?\s+g)\s*(?:=|:|of|was|is)\s*(?P<a>-?\d*\.\d+|\d+)(?![\d.]*\s*%)"
    r"|\beffect sizes?\s+(?:(?:\(?(?:cohen'?s\s+)?d\)?|was|were|of|is|=|:|around|about|approximately|roughly|nearly|only|"
    r"just|a|an|large|moderate|small|very|between-group|within-group|the same)\s*){1,4}(?P<e>\d*\.\d+|\d+)(?![\d.]*\s*%)"
)
# Where an EFFECT match can start (one character each; a superset: tests/nlp/test_numscan.py):
# "cohen's", a "d" that opens a word before "=", ":", "of", "was" or "is", "hedges", "effect size".
# A branch per first character, each a literal and look-aheads: about half the time of one
# character class followed by look-behinds for which character it was.
EFFECT_AT = re.compile(r"c(?=ohen'?s\s)|d(?<![\w']d)(?=\s*(?:=|:|of|was|is))|h(?=edges'?\s)|e(?=ffect sizes?\s)")
# EFFECT_AT's branches apart (each of its matches is one character, so its places are the union of
# theirs): the "d" branch as a regex, the three spelt-out ones where their word is found. Every
# "e" of a text started an attempt of the joined pattern; a quarter of the time alone.
_EFFECT_D = re.compile(r"d(?<![\w']d)(?=\s*(?:=|:|of|was|is))")
_EFFECT_WORDS = (("cohen", re.compile(r"c(?=ohen'?s\s)")), ("hedges", re.compile(r"h(?=edges'?\s)")),
                 ("effect size", re.compile(r"e(?=ffect sizes?\s)")))


def effect_starts(text: str) -> list[int]:
    """`[m.start() for m in EFFECT_AT.finditer(text)]` (tests/nlp/test_numscan.py)."""
    out = [m.start() for m in _EFFECT_D.finditer(text)]
    more = False
    for word, branch in _EFFECT_WORDS:
        i = text.find(word)
        while i >= 0:
            if branch.match(text, i):
                out.append(i)
                more = True
            i = text.find(word, i + 1)
    if more:
        out.sort()
    return out
POINTS = re.compile(rf"(?<![\w.])(?P<a>-?{NUM})[- ]?points?\b")
UNIT_OF = {"mg": "mg", "milligram": "mg", "milligrams": "mg", "mg/kg": "mg/kg", "mg per kg": "mg/kg",
           "milligram per kilogram": "mg/kg", "milligrams per kilogram": "mg/kg", "hour": "hours", "hours": "hours",
           "hr": "hours", "hrs": "hours", "h": "hours", "minute": "minutes", "minutes": "minutes", "min": "minutes",
           "mins": "minutes", "week": "weeks", "weeks": "weeks", "month": "months", "months": "months"}
TIME_POINT_AFTER = re.compile(r"\s+(?:after|later|post|following|before|from|since|ago|earlier|apart|into)\b")
TIME_UNITS = ("days", "weeks", "months", "years")
# Gates before the fraction and study-site scans, as cheap as they can be: the words every
# FRACTION match holds one of, asked as substrings; SITES_HINT's "site" opens with a literal, not
# "\b" (the same places), so the regex engine skips to its letters (tests/nlp/test_numscan.py).
FRACTION_HINT_WORDS = ("half", "third", "quarter", " in ten", " in three", " in five", " out of ")
SITES_HINT = re.compile(r"s(?<!\ws)ites?\b|clinics|cent(?:er|re)s|locations")
LIST_BREAK = re.compile(r"[,;]|\band\b")
# A sentence that opens by pointing back at a figure ("That outcome was measured ...", "These
# results came a year after ...").
ANAPHOR = re.compile(
    r"(?:that|this|these|those|the|both|all)\s+(?:(?:primary|main|headline|\w+-week)\s+)?(?:outcome|result|figure|finding|"
    r"number|rate|endpoint|measurement|response|percentage|benefit|effect)s?\b(?:\s+(?:\w+\s+){0,3}?"
    r"(?:was|were|is|are|came|comes|had been|has been|held|applied|refer\w*))\b"
)
ANAPHOR_LOOKBACK = 2
# Between the pointer and the time point, words that hand the time point to something else.
ANAPHOR_BREAK = re.compile(r"[;:]|\b(?:which|who|whom|whose|than|unlike|compared|whereas|while|but|other|another|earlier|previous)\b")
# Approximation words widen percentages and score points by the table's points; other units in
# proportion, the table's 3 points ("about") standing for 10% of the figure.
ABSOLUTE_APPROX_UNITS = {"percent", "points"}
APPROX_PER_TEN_PERCENT = 3.0


def _relative_approx(approx: tuple[float, float], low: float, high: float) -> tuple[float, float]:
    """The approximation table is in percentage points ("about 70%" is 67-73%). For other units
    the same words widen in proportion: "about eight hours" is about 7.2-8.8 hours (10%), not
    5-11; "up to 8 hours" goes down to zero."""
    lo = max(approx[0] / APPROX_PER_TEN_PERCENT * 0.1 * low, -low)
    hi = approx[1] / APPROX_PER_TEN_PERCENT * 0.1 * high
    return lo, hi


# A share of the people studied by sex or race ("72% of participants were men", "74.1% female"):
# who took part, not an outcome.
# "a third lost 20% or more": a threshold the share of people passed, not a figure of its own (a
# measure that names its threshold, "lost at least 5%", is read by its cue first).
THRESHOLD = re.compile(r"\s*(?:of\s+(?:their\s+|the\s+|its\s+)?(?:body\s+|starting\s+)?weight\s+)?"
                       r"(?:or\s+more|or\s+greater|or\s+higher|or\s+above|and\s+above|and\s+over)\b")
# "66% lost at least 10%", "30% shed more than a fifth of their weight": the second figure is a
# bar and the first the share of people who passed it. A pack that records such a share names the
# bar in its measure's cue ("lost at least 5%", read first); otherwise neither figure is one the
# pack can check.
BAR_WORDS = r"(?:at least|more than|over|upwards of|in excess of)"
BAR_VERBS = r"(?:lost|lose|loses|losing|shed|sheds|shedding|dropped|achieved|reached|cut)"
SHARE_THEN_BAR = re.compile(rf"(?:\s+(?:of\s+)?[\w-]+){{0,4}}?\s+{BAR_VERBS}\s+{BAR_WORDS}\s")
BAR_AFTER_VERB = re.compile(rf"{BAR_VERBS}\s+(?:{BAR_WORDS}\s+)?$")
BAR_START = re.compile(rf"{BAR_WORDS}\s")
SHARE_BEFORE = re.compile(r"(?:\d\s?%|\bpercent|\bhalf|\bthirds?|\bquarters?|\bfifths?|\bmost|\bmany|\bsome|\bfew|"
                          r"\bnearly all|\balmost all|\bin (?:two|three|four|five|ten)|\bout of \w+)"
                          r"(?:\s+(?:of\s+)?[\w-]+){0,4}?\s+$")


def _without_shares_over_thresholds(folded: str, figures: list[Claim], named: list[tuple[int, int]]) -> list[Claim]:
    """`named`: spans of measure names that hold their bar ("lost at least 5%")."""
    drop: set[int] = set()
    for c in figures:
        if c.unit != "percent":
            continue
        m = SHARE_THEN_BAR.match(folded, c.end)
        if m is not None and not any(a < m.end() <= b for a, b in named):
            drop.add(id(c))  # the share
        elif BAR_START.match(folded, c.start, c.end + 1) \
                and (v := BAR_AFTER_VERB.search(folded, max(0, c.start - 20), c.start)) is not None \
                and SHARE_BEFORE.search(folded, max(0, v.start() - 40), v.start()):
            # the bar, its bar word read as its approximation; only after a share of people ("people
            # on the drug lost at least 20% on average" is a result)
            drop.add(id(c))
    return [c for c in figures if id(c) not in drop] if drop else figures


DEMOGRAPHIC = re.compile(
    r"\s*(?:of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,2}?(?:participants|patients|people|adults|subjects|volunteers|"
    r"enrollees|those enrolled)\s+)?(?:were\s+|was\s+|are\s+)?(?:women|men|female|male|white|black|hispanic|"
    r"latino|latina|asian)\b"
)


def numbered_cues(pack: Pack) -> list[tuple[re.Pattern[str], re.Pattern[str] | None]]:
    """The measures' cues that spell a number ("at least 5% of ... weight"), in pack order, each
    with its `core_pattern` (None when it has none): worked out once per pack, not per document."""
    return [(cue, core_pattern(cue.pattern, cue.flags)) for q in pack.quantities.values() for cue in q.cues
            if any(ch.isdigit() for ch in cue.pattern)]


def _measure_names(folded: str, cues: list[tuple[re.Pattern[str], re.Pattern[str] | None]],
                   live: set[int] | None = None) -> list[tuple[int, int]]:
    """Stretches where a measure's own name holds a number ("lost at least 5% of their weight" is
    the name of the share reaching 5%): the number there is a threshold, not a figure. `cues`:
    the pack's `numbered_cues`. A cue opening with optional words is searched for only where its
    core is found (most texts name no such measure; the core is found several times faster).
    `live`: the ids of the cues that may match in `folded` (`Context.live_cues`: one of their
    literals is there); any other is not searched."""
    spans: list[tuple[int, int]] = []
    for cue, core in cues:
        if live is not None and id(cue) not in live:
            continue
        if core is not None and core.search(folded) is None:
            continue
        spans.extend(m.span() for m in cue.finditer(folded) if m.end() > m.start())
    return spans


def _dedupe(figures: list[Claim]) -> list[Claim]:
    """Keep the longest of overlapping figures ("about 90 minutes" over "90 minutes")."""
    figures.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Claim] = []
    for c in figures:
        if out and c.start < out[-1].end:
            if (c.end - c.start) > (out[-1].end - out[-1].start):
                out[-1] = c
            continue
        out.append(c)
    return out
_APPROX_TAIL = re.compile(rf"\b({APPROX_RE})\s+$")


def _approx_before(folded: str, start: int) -> str:
    """The approximation word right before a figure ("nearly", "just over"), or ""."""
    if start == 0 or folded[start - 1] not in " \n":
        return ""
    m = _APPROX_TAIL.search(folded, max(0, start - 20), start)
    return m.group(1) if m else ""


def _is_label(folded: str, start: int) -> bool:
    """"Phase 3 participants", "Table 2 patients": the number names something, it counts nothing."""
    return bool(LABEL_WORD.search(folded, max(0, start - 10), start))


def _kind_for(unit: str) -> str:
    if unit in ("mg", "mg/kg"):
        return "dose"
    if unit in ("sessions", "hours", "minutes", "weeks", "months"):
        return "protocol"
    return "trial-statistic"


class FigureFinder:
    """Finds figures in prose (mixed into Extractor)."""

    pack: Pack
    numbered_cues: list[tuple[re.Pattern[str], re.Pattern[str] | None]]

    # -- figures ---------------------------------------------------------------------------------
    def _figures(self, ctx: Context, citations: list[Claim]) -> list[Claim]:
        """Find every number with a unit, then decide what each measures, in which arm and study.

        Cues are read in the figure's own stretch of the sentence (up to the neighbouring figures),
        so "71% no longer met criteria, and 86% responded" gives each number its own measure."""
        folded = ctx.folded
        raw: list[Claim] = []
        glued: list[Claim] = []
        windows: dict[int, tuple[int, int]] = {}

        def figure(start: int, end: int, unit: str, low: float, high: float,
                   approx: tuple[float, float] = (0.0, 0.0), quantity: str | None = None) -> Claim:
            if unit not in ABSOLUTE_APPROX_UNITS and approx != (0.0, 0.0):
                approx = _relative_approx(approx, min(low, high), max(low, high))
            c = Claim(type="figure", kind=_kind_for(unit), start=start, end=end, sentence=ctx.sentence_of(start),
                      unit=unit, low=min(low, high), high=max(low, high), approx=approx, quantity=quantity)
            raw.append(c)
            return c

        def approx_of(start: int) -> tuple[int, tuple[float, float]]:
            word = _approx_before(folded, start)
            if not word:
                return start, (0.0, 0.0)
            return folded.rfind(word, 0, start), APPROX[word]

        if "%" in folded or "percent" in folded or "per cent" in folded:
            for m in ctx.scan_numbers(PERCENT):
                a = float(m.group("a"))
                b = float(m.group("b")) if m.group("b") else a
                if a > 100 and not m.group("b"):
                    glued.extend(self._glued(ctx, m, citations))
                    continue
                start, approx = approx_of(m.start("a"))
                figure(start, m.end(), "percent", a, b, approx)
            if "percent" in folded or "per cent" in folded:
                for m in ctx.scan_numbers(PERCENT_WORDS):  # it opens with a number word
                    v = to_number(m.group("a"))
                    if v is not None:
                        start, approx = approx_of(m.start())
                        figure(start, m.end(), "percent", v, v, approx)
        if any(map(folded.__contains__, FRACTION_HINT_WORDS)):
            for m in ctx.scan_from(FRACTION, FRACTION_STARTS):
                v = FRACTIONS[m.group("f")]
                start, extra = approx_of(m.start())
                figure(start, m.end("f"), "percent", v, v, (-1.5 + extra[0], 1.5 + extra[1]))
        for m in ctx.scan_numbers(SHARE):
            a, b = to_number(m.group("a")), to_number(m.group("b"))
            if a is not None and b and a <= b:
                pct = 100.0 * a / b
                figure(m.start(), m.end(), "percent", pct, pct, (-0.6, 0.6))
        for m in ctx.scan_numbers(AMOUNT):
            a = to_number(m.group("a"))
            b = to_number(m.group("b")) if m.group("b") else None
            if a is None:
                continue
            unit = UNIT_OF.get(m.group("unit"), m.group("unit"))
            if unit in ("weeks", "months") and TIME_POINT_AFTER.match(folded, m.end()):
                continue  # "two months after treatment" is a follow-up time point, not a length
            start, approx = approx_of(m.start("a"))
            if m.group("sd") and b is None:
                b = a  # "4.2 ± 1.3 hours" states the mean
            figure(start, m.end(), unit, a, b if b is not None else a, approx)
        for m in ctx.scan_numbers(SAMPLE):
            if m.group("a") and _is_label(folded, m.start()):
                continue
            n = to_number(m.group("n") or m.group("a") or "")
            if n is None or n < 2:
                continue
            start, approx = approx_of(m.start()) if m.group("a") else (m.start(), (0.0, 0.0))
            figure(start, m.end(), "count", n, n, approx,
                   quantity="sample-size" if "sample-size" in self.pack.quantities else None)
        if "study-sites" in self.pack.quantities and SITES_HINT.search(folded):
            for m in ctx.scan_numbers(SITES):
                n = to_number(m.group("a"))
                if n is not None and n >= 1 and not _is_label(folded, m.start()):
                    start, approx = approx_of(m.start())
                    figure(start, m.end(), "count", n, n, approx, quantity="study-sites")
        if "session" in folded or "appointment" in folded:
            for m in ctx.scan_numbers(SESSIONS):
                n = to_number(m.group("a"))
                if n is None or _is_label(folded, m.start()):
                    continue
                c = figure(m.start(), m.end(), "sessions", n, n)
                windows[id(c)] = (m.start("mid"), m.end())  # the type words between count and "sessions"
        if "effect size" in folded or "d " in folded or "d=" in folded or "hedges" in folded:
            for m in ctx.scan_where(EFFECT, effect_starts):
                g = "a" if m.group("a") else "e"
                v = float(m.group(g))
                figure(m.start(g), m.end(g), "d", abs(v), abs(v))
        if "point" in folded:
            for m in ctx.scan_numbers(POINTS):
                v = to_number(m.group("a").lstrip("-"))
                if v is not None:
                    start, approx = approx_of(m.start("a"))
                    figure(start, m.end(), "points", v, v, approx)

        text = ctx.text
        table = self._table_columns(ctx, raw) if ("\t" in text or "|" in text or "\n  " in text) else {}
        if raw:
            # Only the cues whose literals the text holds can match (read per document and measure).
            live = {id(c) for q in self.pack.quantities.values() for c, _lits in ctx.live_cues(q)}
            named = _measure_names(folded, self.numbered_cues, live)
        else:
            named = []
        if named:
            raw = [c for c in raw if not any(a <= c.start and c.end <= b for a, b in named)]
        raw = [c for c in raw if c.unit != "percent" or not (DEMOGRAPHIC.match(folded, c.end)
                                                              or THRESHOLD.match(folded, c.end))]
        raw = _without_shares_over_thresholds(folded, raw, named)
        figures = _dedupe(raw)
        # Where each figure's arm and time point are read (see settle): its segment, and where the
        # next figure that is no duration starts (the segments are cut before any unit changes).
        unsettled: dict[int, tuple[int, int, int]] = {}
        # Each sentence's figure spans, read once (a figure's measure cue may introduce another's).
        spans_in: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for f in figures:
            spans_in.setdefault(f.sentence, []).append((f.start, f.end))
        for i, c in enumerate(figures):
            seg_lo = 0
            if i > 0 and figures[i - 1].end <= c.start:
                # The words right after a figure ("9% of the MDMA arm") are its own, up to a
                # comparison or conjunction ("vs. 4% of the placebo arm").
                prev = figures[i - 1]
                t = TAIL_END.search(folded, prev.end, c.start)
                seg_lo = t.start() if t else prev.end
            seg_hi = figures[i + 1].start if i + 1 < len(figures) and figures[i + 1].start >= c.end else len(folded)
            # The words between a comparison or conjunction and the next figure are that figure's
            # own ("heart attacks fell by 28% and major cardiovascular events by 20%").
            theirs: tuple[int, int] | None = None
            if seg_hi < len(folded):
                # From the last break before it: "71% of participants, who had been ill for years,
                # no longer met the criteria, and 86.5% improved" keeps the criteria for 71%.
                t_next = last_tail_end(folded, c.end, seg_hi)
                if t_next is not None:
                    theirs = (t_next, seg_hi)
            window = windows.get(id(c))
            if window is not None:
                # The type may also stand just before the count ("each followed by three ..."),
                # but not across a list's comma or "and" ("3 preparatory, 3 dosing and 9 ...").
                lo = max(seg_lo, c.sentence[0], c.start - 48)  # "each experimental session is followed by"
                cuts = [m.end() for m in LIST_BREAK.finditer(folded, lo, c.start)]
                window = (cuts[-1] if cuts else lo, window[1])
            if c.quantity is None:
                self._quantity(ctx, c, window, (seg_lo, seg_hi), theirs,
                               [sp for sp in spans_in.get(c.sentence, ()) if sp != (c.start, c.end)])
            # A duration right after the figure ("at 12 months") is its time point, not the next figure.
            later = next((f for f in figures[i + 1:] if f.start >= c.end and f.unit not in TIME_UNITS), None)
            unsettled[id(c)] = (seg_lo, seg_hi, later.start if later is not None else len(folded))

        def settle(c: Claim) -> None:
            """The figure's arm, dose role and time point, read from its stretch of text once it is
            kept (or a table step reads its arm): most figures name no measure and are dropped."""
            found = unsettled.pop(id(c), None)
            if found is None:
                return
            seg_lo, seg_hi, time_hi = found
            c.arm = self._arm(ctx, c, (seg_lo, seg_hi))
            if c.unit in ("mg", "mg/kg"):
                hi = min(seg_hi, c.sentence[1], c.end + 25)
                tail = TAIL_END.search(folded, c.end, hi)
                lo = max(seg_lo, c.sentence[0], c.start - 40)
                c.role = dose_role_near(folded[lo:tail.start() if tail else hi], c.start - lo)
            self._timepoint(ctx, c, (seg_lo, time_hi))

        self._inherit(ctx, figures)
        for c in figures:
            header = table.get(c.start)
            if header is not None and c.quantity is None:
                # A table cell: its column header names the measure and the arm.
                probe = Claim(type="figure", kind=c.kind, start=header[0], end=header[0], sentence=header, unit=c.unit)
                self._quantity(ctx, probe, None, header)
                c.quantity = probe.quantity
                settle(c)
                c.arm = c.arm or self._arm(ctx, probe, header)
            if c.quantity is None and c.unit == "percent" and _bare(ctx, c):
                settle(c)
                self._from_header(ctx, c)
        out: list[Claim] = []
        for c in figures:
            if c.quantity is None:
                if c.unit != "percent":
                    continue
                # No measure named ("54% recovered"): kept only when the study it is told of is a
                # guess that a retracted study's own figure settles (an exact figure, and a pack
                # with a retracted study's percentage: else the study is not even looked up).
                if c.approx != (0.0, 0.0) or c.low != c.high or not self._retracted_percentages():
                    continue
                self._attach(c, ctx, citations)
                if not self._retracted_measure(c):
                    continue
            else:
                self._attach(c, ctx, citations)
            settle(c)
            c.retraction_noted = _retraction_noted(ctx, c)
            out.append(c)
        out.extend(glued)
        if "after" in folded or "later" in folded or "post" in folded or "following" in folded:
            out.extend(self._anaphoric_timepoints(ctx, out))
        for c in out:
            _mark_figure_speech(ctx, c)
        return out

    def _anaphoric_timepoints(self, ctx: Context, figures: list[Claim]) -> list[Claim]:
        """"67% no longer met criteria. That outcome was measured a full year after the last dose."
        A sentence that points back at the figures before it and gives a time point: each outcome
        figure of the previous sentences (same paragraph) is claimed again at that time point."""
        folded = ctx.folded
        out: list[Claim] = []
        outcomes = [c for c in figures if c.unit in ("percent", "points", "d")]
        if not outcomes:
            return out
        for m in ctx.scan(ANAPHOR):
            sent = ctx.sentence_of(m.start())
            if folded[sent[0]:m.start()].strip(" \n*_#-") not in ("", "but", "and", "however,", "yet"):
                continue
            tp = find_timepoint(folded[sent[0]:sent[1]])
            if tp is None:
                continue
            weeks, anchor, t0, t1 = tp
            if sent[0] + t0 < m.end() or ANAPHOR_BREAK.search(folded, m.end(), sent[0] + t0):
                continue  # "This rate is lower than in trials that ran a year after treatment"
            para = ctx.paragraph_of(sent[0])
            lo = sent[0]
            for _ in range(ANAPHOR_LOOKBACK):
                prev = ctx.previous_sentence(lo)
                if prev is None or prev[0] < para[0]:
                    break
                lo = prev[0]
            for c in outcomes:
                if lo <= c.start < sent[0]:
                    out.append(replace(c, start=sent[0] + t0, end=sent[0] + t1, sentence=sent, timepoint_weeks=weeks,
                                       timepoint_anchor=anchor, timepoint_only=True))
        return out
