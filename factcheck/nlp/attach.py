"""What a figure belongs to: its quantity, its study (named, cited or inherited from context),
arm and time point.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from factcheck.knowledge.model import Pack
from factcheck.knowledge.numbers import parse_timepoint
from factcheck.nlp.claims import GUESSED_STUDY, Claim
from factcheck.nlp.context import Context, _clause
from factcheck.nlp.literals import CASE_TRAPS, may_match, pattern_literals
from factcheck.nlp.tails import TAIL_END

PHASE = re.compile(r"\bphase[- ]?(?P<p>3|iii|three|2|ii|two|1|i)\b")
PHASE_OF = {"3": "3", "iii": "3", "three": "3", "2": "2", "ii": "2", "two": "2", "1": "1", "i": "1", "one": "1"}
# Units one can be read as the other, with the factor from the first to the second.
CONVERT = {("hours", "minutes"): 60.0, ("minutes", "hours"): 1 / 60, ("weeks", "months"): 12 / 52, ("months", "weeks"): 52 / 12}
# A sentence that names a study, a year or a contrast of its own ("Earlier, the pilot enrolled 20
# people") does not take the phase of the sentence before.
OWN_STUDY_CUE = re.compile(
    r"\b(?:pilot|trials?|stud(?:y|ies)|analys[ie]s|experiments?|(?:19|20)\d{2}|earlier|previously|before that|"
    r"by contrast|in contrast|unlike|meanwhile|separately)\b"
)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# A sentence that introduces another study with an indefinite phrase ("A pilot of couples therapy",
# "Another small trial"): its figures do not belong to the study the text named before.
NEW_STUDY = re.compile(
    r"[\s*_#>-]*(?:(?:meanwhile|separately|elsewhere|in addition|also|and|but),?\s+)?"
    r"(?:a|an|another|one|a second|a third|a separate|a different)\s+(?:[\w-]+\s+){0,3}?(?:pilot|trial|study|experiment)\b"
)
# A study of its own told of in the sentence: "All 19 took part in this follow-up" is not the
# figure of the study cited before.
# "At the first follow-up" is a time point of the study told before, not a study of its own.
FOLLOW_UP = re.compile(r"(?<!\bat )(?<!\bby )\b(?:this|the|a|its) (?:[\w-]+ ){0,2}(?:follow-?up|extension|sub-?study|substudy|survey|re-?analysis)\b")
# Every FOLLOW_UP match holds one of these: a sentence holding none is not searched (the pattern
# opens with look-behinds, which the regex engine tries at every character).
# A sentence that opens by setting itself against what came before speaks of something else.
CONTRAST_OPENER = re.compile(r"[\s*_#>-]*(?:by comparison|in comparison|by contrast|in contrast|on the other hand|"
                             r"for comparison|elsewhere)\b")
FOLLOW_UP_WORDS = ("follow", "extension", "sub", "survey", "analysis")
# A study described by its design rather than named ("a pooled analysis", "the long-term
# follow-up"): each cue is read in the text and in the studies' recorded `design`.
DESIGN_CUES = (re.compile(r"\bpooled\b"), re.compile(r"\blong[- ]term follow[- ]?up\b"))
# A measure named after "than" is what the figure is compared with, not what it measures.
COMPARED = re.compile(r"\bthan (?:a |an |the |one |each )?(?:[\w-]+ ){0,2}$")
# What may stand between a figure and the study it belongs to: "0.7 in MAPP2", "67% (MAPP1)".
FIGURE_OF = re.compile(r"\s*(?:\(|in|for|from|of|by)\s+(?:the\s+)?|\s*\(\s*")
# "a combined 194 participants", "104 in total": a sum over the trials, not each one's figure.
COMBINED = re.compile(r"\b(?:combined|total|totall?ing|altogether|in all|together|overall|pooled)\b")
DISTRIBUTIVE = re.compile(r"\b(?:both|each|every|all|either|same|alike|across|consistently)\b")
NEW_CLAUSE = re.compile(r"[,;] (?:and|but|while|whereas) (?:the|this|that|these|it|its|they|their)\b|; ")
OWN_FOLLOW_UP = re.compile(r"\b(?:this|its|their|our) (?:[\w-]+ ){0,2}(?:follow-?up|extension|sub-?study|substudy|survey)\b")
# "phase 3 trials", "phase iii studies": the phase's studies named together, in the plural.
PLURAL_TRIALS = re.compile(r"\s+(?:clinical\s+|mdma\s+|pivotal\s+)?(?:trials|studies)\b")
SIDE_CLAUSE = re.compile(r"\b(?:while|whereas|unlike|alongside|besides|outside of|separate from)\b")


# How many paragraphs back a results paragraph may find the paper it reports (a page about one
# paper: its title, a methods paragraph, then the results).
PARAGRAPHS_BACK = 3
LIST_ITEM_WORDS = 25  # a list item is short; a longer paragraph ends the list


def _list_lead_in(ctx: Context, p0: int) -> tuple[int, int] | None:
    """The paragraph ending in a colon that opens the list the paragraph at `p0` belongs to: back
    over the short items before it, at most eight."""
    start = p0
    for _ in range(8):
        if start <= 0:
            return None
        q0, q1 = ctx.paragraph_of(start - 1)
        if ctx.folded[q0:q1].rstrip().endswith(":"):
            return q0, q1
        if len(ctx.folded[q0:q1].split()) > LIST_ITEM_WORDS:
            return None
        start = q0
    return None


# After a figure, a clause of its own with a new subject ("..., and it reproduced the Phase 2
# findings", "... only 26 participants and that Phase 3 results are needed") or a comparison with
# other results names another study, not the figure's.
LATER_CLAUSE = re.compile(r",\s+(?:and|but|yet)\s+(?:it|they|this|that|these|which)\b|\s(?:and|but) that\b|"
                          r"\b(?:reproduc\w*|replicat\w*|confirm\w*|echo\w*|match\w*|mirror\w*) (?:the |those |earlier )")


def _side_clause(folded: str, s0: int, m: re.Match[str], claim: Claim) -> bool:
    if m.start() >= claim.end:
        return bool(SIDE_CLAUSE.search(folded, claim.end, m.start()) or LATER_CLAUSE.search(folded, claim.end, m.start()))
    # "While Phase 3 research continues, up to 50 patients ...": the phase sits in a side clause
    # that a comma closes before the figure.
    return bool(SIDE_CLAUSE.search(folded, s0, m.start())) and "," in folded[m.end():claim.start]


# Words that name an outcome of their own, which a percentage without a measure's cue reports
# (trials report stopping for side effects beside every efficacy figure).
OTHER_OUTCOME = re.compile(r"\b(?:stopped|discontinu\w*|quit|withdr[ea]w\w*|dropped out|side effects?|adverse)\b")


def _names_another(pos: int, end: int, others: list[tuple[int, int]]) -> bool:
    """Does the cue at [pos, end) introduce another figure ("a relative reduction of 20%")? (A cue
    right after a later figure is often shared: "67% vs 32% no longer met the criteria".)"""
    return any(0 <= s - end <= 12 for s, _e in others)


def _sentence_before(ctx: Context, start: int) -> tuple[int, int] | None:
    """The sentence with words before the one starting at `start` (paragraph breaks skipped)."""
    prev = ctx.previous_sentence(start)
    while prev is not None and not ctx.folded[prev[0]:prev[1]].strip():
        prev = ctx.previous_sentence(prev[0])
    return prev


# What `_attach` reads of a stretch of the folded text alone, by name: the same for every figure
# of a sentence or paragraph, and for every pack (`_found` keeps each answer for the document).
_READINGS: dict[str, Callable[[Context, int, int], Any]] = {
    # "All 19 took part in this follow-up" (gated by its words: the pattern opens with look-behinds)
    "follow_up": lambda ctx, a, b: (any(ctx.folded.find(w, a, b) >= 0 for w in FOLLOW_UP_WORDS)
                                    and FOLLOW_UP.search(ctx.folded, a, b) is not None),
    "own_study": lambda ctx, a, b: OWN_STUDY_CUE.search(ctx.folded, a, b) is not None,
    "list_lead_in": lambda ctx, a, _b: _list_lead_in(ctx, a),
    "phases": lambda ctx, a, b: frozenset(PHASE_OF[m.group("p")] for m in PHASE.finditer(ctx.folded, a, b)),
}


def _found(ctx: Context, reading: str, a: int, b: int) -> Any:
    """`_READINGS[reading](ctx, a, b)`, worked out once per document (tests/nlp/test_text_scans.py)."""
    memo = ctx.memo("attach_readings")
    key = (reading, a, b)
    found = memo.get(key, memo)
    if found is memo:
        found = memo[key] = _READINGS[reading](ctx, a, b)
    return found


class FigureAttacher:
    """Attaches a figure to its quantity, study, arm and time point (mixed into Extractor)."""

    pack: Pack
    by_phase: dict[str, list[str]]
    units: dict[str, list]

    def _quantity(self, ctx: Context, claim: Claim, cue_window: tuple[int, int] | None,
                  segment: tuple[int, int], theirs: tuple[int, int] | None = None,
                  others: list[tuple[int, int]] | None = None) -> None:
        """Pick the measure whose cue stands nearest the figure, within its clause and segment.
        Units that convert (hours/minutes) compete too; the figure is converted to the winner's unit.
        `theirs`: the stretch that leads into the next figure; its cues are that figure's, also
        when the whole clause is searched."""
        unit = claim.unit or ""
        candidates = self._unit_candidates(unit)
        if not candidates:
            return
        if len(candidates) == 1 and unit in ("mg", "mg/kg"):
            claim.quantity = candidates[0].id
            return
        folded = ctx.folded
        if cue_window is not None:
            # Session counts: the type words stand between the number and "sessions" (or just after).
            lo, hi = cue_window
            regions = [(lo, min(hi + 40, claim.sentence[1], segment[1]), hi)]
        else:
            c_lo, c_hi = _clause(folded, claim.sentence, claim.start, claim.end)
            lo, hi = max(c_lo, segment[0]), min(c_hi, segment[1])
            regions = [(lo, hi, None)]
            if (c_lo, c_hi) != (lo, hi):
                regions.append((c_lo, c_hi, None))  # fall back to the whole clause
        for lo, hi, limit in regions:
            best: tuple[int, int, int, str] | None = None
            converted: tuple[int, int, int, str] | None = None
            named: set[str] = set()  # every measure of the figure's unit whose cue the region holds
            region = ctx.flat[lo:hi]
            for q, cue, lits in ctx.live_cues_of(candidates):
                if lits is not None and not any(map(region.__contains__, lits)):
                    continue  # none of the words the cue needs is in this region
                for m in cue.finditer(region):
                    pos, end = lo + m.start(), lo + m.end()
                    if COMPARED.search(ctx.flat, max(lo, pos - 20), pos):
                        continue  # "lasted nine hours, longer than a dosing session": what it is compared with
                    if limit is not None and pos >= limit - len("sessions"):
                        continue
                    if theirs is not None and theirs[0] <= pos and end <= theirs[1]:
                        continue
                    if others and (lo, hi) != regions[0][:2] and pos >= claim.end and _names_another(pos, end, others):
                        # outside the figure's stretch, after it: "a relative reduction of 20%" is
                        # 20%'s (a cue before both figures, "occurred in 6.5% and 8.0%", is shared)
                        continue
                    if pos < claim.end and end > claim.start and q.unit == unit and unit in ("mg", "mg/kg"):
                        gap = 0
                    elif end <= claim.start:
                        gap = claim.start - end
                    elif pos >= claim.end:
                        gap = pos - claim.end
                    else:
                        gap = 0
                    if q.unit != unit and gap > 12:
                        continue  # another unit's measure ("three hours" for a 90-minute session) only when named right there
                    if claim.unit == "sessions" and limit is not None:
                        gap = 0 if pos < limit else gap  # words between number and "sessions" name the type
                    # Nearest first; at the same distance the words before the figure (its
                    # subject: "effects that last 8 hours") beat those after; then the longer cue.
                    # (For a session count the type's words may stand on either side: the more
                    # specific cue decides, "each session is followed by" over "integrative".)
                    before = 1 if end <= claim.start and limit is None else 0
                    key = (-gap // 12 if limit is None else 0, before, m.end() - m.start(), q.id)
                    if q.unit != unit:
                        if converted is None or key[:3] > converted[:3]:
                            converted = key
                    else:
                        named.add(q.id)
                        if best is None or key[:3] > best[:3]:
                            best = key
            # A measure in another unit wins only with a more specific cue than any in the
            # figure's own unit ("integration session lasts three hours" vs "sessions last").
            if converted is not None and (best is None or converted[2] > best[2]):
                best = converted
            if best is not None:
                q = self.pack.quantities[best[3]]
                claim.quantity = q.id
                claim.other_quantities = sorted(named - {q.id})
                if q.unit != unit and (unit, q.unit) in CONVERT:
                    f = CONVERT[(unit, q.unit)]
                    claim.low, claim.high = claim.low * f, claim.high * f
                    claim.approx = (claim.approx[0] * f, claim.approx[1] * f)
                    claim.unit = q.unit
                return

    def _unit_candidates(self, unit: str) -> list:
        """The pack's measures in `unit` and in the units it converts to, in that order (per pack)."""
        memo: dict[str, list] = self.__dict__.setdefault("_by_unit", {})
        found = memo.get(unit)
        if found is None:
            found = list(self.units.get(unit, []))
            for (a, b), _f in CONVERT.items():
                if a == unit:
                    found.extend(self.units.get(b, []))
            memo[unit] = found
        return found

    def _inherit(self, ctx: Context, figures: list[Claim]) -> None:
        """A percentage with no cue of its own ("the placebo figure was 21%") measures what the
        previous sentence's percentage measured."""
        for i, c in enumerate(figures):
            if c.quantity is not None or c.unit != "percent":
                continue
            if OTHER_OUTCOME.search(ctx.folded, *c.sentence):
                continue  # "more stopped the drug because of side effects (16.6% vs 8.2%)": a measure of its own
            prev = ctx.previous_sentence(c.start)
            if prev is None:
                continue
            before = [f for f in figures[:i] if f.unit == c.unit and f.quantity and prev[0] <= f.start < prev[1]]
            if before:
                c.quantity = before[-1].quantity

    def _arm(self, ctx: Context, claim: Claim, segment: tuple[int, int]) -> str | None:
        if not self.pack.arms:
            return None
        lo, hi = _clause(ctx.folded, claim.sentence, claim.start, claim.end)
        lo, hi = max(lo, segment[0]), min(hi, segment[1])
        # Words after the figure are its own only up to a conjunction or comparison
        # ("46 were randomized to MDMA and 44 to placebo").
        tail = TAIL_END.search(ctx.folded, claim.end, hi)
        if tail is not None:
            hi = tail.start()
        region = ctx.folded[lo:hi]
        best: tuple[int, str] | None = None
        for arm, cue, lits in self._arm_cues(ctx):
            if lits is not None and not any(map(region.__contains__, lits)):
                continue  # none of the words the cue needs is in the figure's stretch
            for m in cue.finditer(region):
                pos = lo + m.start()
                dist = claim.start - (lo + m.end()) if pos < claim.start else pos - claim.end
                # A cue after a figure counts only in the same parenthesis or just after it.
                if pos >= claim.end and dist > 40:
                    continue
                # ... and not as an alternative to it ("80 or 120 mg (or placebo)"): the dose is
                # the drug arm's, the placebo the other arm's.
                if pos >= claim.end and ctx.folded[claim.end:pos].rstrip().endswith((" or", "(or")):
                    continue
                # ... and not when it labels the next figure ("67% (placebo 32%)").
                if (pos >= claim.end and segment[1] < len(ctx.folded) and segment[1] - (lo + m.end()) <= 12
                        and not TAIL_END.search(ctx.folded, lo + m.end(), segment[1])):
                    continue
                if best is None or abs(dist) < best[0]:
                    best = (abs(dist), arm)
        return best[1] if best else None

    def _arm_cues(self, ctx: Context) -> list[tuple[str, re.Pattern[str], tuple[str, ...] | None]]:
        """The pack's arm cues that may match in this document, in the pack's order, each with the
        literals one of which every match holds, all ASCII (None: search it everywhere)."""
        memo = ctx.memo("arm_cues")
        found = memo.get(id(self.pack))
        if found is None:
            # A text holding a case trap (long s, dotless i) is searched with every cue.
            trap = any(c in ctx.folded for c in CASE_TRAPS)
            index = ctx.literals()
            found = memo[id(self.pack)] = [
                (arm, cue, lits if lits is None or all(map(str.isascii, lits)) else None)
                for arm, cues in self.pack.arms.items() for cue in cues
                if (lits := None if trap else pattern_literals(cue)) is None or may_match(lits, ctx.folded, index)]
        return found

    def _timepoint(self, ctx: Context, claim: Claim, segment: tuple[int, int]) -> None:
        """A time point in the figure's clause ("one year after treatment, 67% ...")."""
        if claim.unit not in ("percent", "points", "d"):
            return
        lo, hi = _clause(ctx.folded, claim.sentence, claim.start, claim.end)
        # Only the words up to the next figure: "67% at 18 weeks, 80% one year later" are two time points.
        key = (lo, min(hi, max(segment[1], claim.end)))
        memo = ctx.memo("timepoints")  # read once per stretch: every pack's figures stand on the same words
        if key not in memo:
            memo[key] = parse_timepoint(ctx.folded[key[0]:key[1]])
        tp = memo[key]
        if tp is not None:
            claim.timepoint_weeks, claim.timepoint_anchor = tp

    def _retracted_percentages(self) -> bool:
        """Does a retracted study of the pack record a percentage? Without one, `_retracted_measure`
        is never true. Worked out once per pack."""
        found: bool | None = self.__dict__.get("_has_retracted_percentages")
        if found is None:
            studies = self.pack.studies
            found = self.__dict__["_has_retracted_percentages"] = any(
                v.unit == "percent" and (of := studies.get(v.study)) is not None and of.status == "retracted"
                for st in studies.values() for v in st.values)
        return found

    def _retracted_measure(self, claim: Claim) -> bool:
        """A percentage with no measure of its own, told of a study guessed from its phase or
        design: when only retracted studies among them recorded that exact figure, it is theirs
        and measures what they measured. Sets the claim's quantity and studies."""
        if claim.study_how not in GUESSED_STUDY or claim.approx != (0.0, 0.0) or claim.low != claim.high:
            return False
        hits = [v for sid in claim.studies for v in self.pack.studies[sid].values
                if v.unit == "percent" and v.matches(claim.low, claim.high)]
        if not hits or any(self.pack.studies[v.study].status != "retracted" for v in hits):
            return False
        claim.quantity = hits[0].quantity
        claim.studies = sorted({v.study for v in hits})
        return True

    def _attach(self, claim: Claim, ctx: Context, citations: list[Claim]) -> None:
        """Which study a figure belongs to: a citation in its sentence, a phase named in it, a
        citation in the previous sentence, then the last one earlier in the paragraph."""
        s0, s1 = claim.sentence
        in_sentence = [c for c in citations if s0 <= c.start < s1 and c.studies]
        if in_sentence:
            before = [c for c in in_sentence if c.start <= claim.start]
            # "d = 0.91 in MAPP1 and d = 0.7 in MAPP2": a study named right after the figure is its own.
            right_after = [c for c in in_sentence if c.start >= claim.end
                           and FIGURE_OF.fullmatch(ctx.folded, claim.end, c.start)]
            pick = right_after[0] if right_after else before[-1] if before else in_sentence[0]
            claim.studies, claim.study_how, claim.citation = list(pick.studies), "sentence", pick.citation
            return
        # Not a phase named in a side clause ("10 sites, while Phase 3 research continues").
        phases = [m for m in PHASE.finditer(ctx.folded, s0, s1) if not _side_clause(ctx.folded, s0, m, claim)]
        if phases:
            # The phase named last before the figure ("the Phase 3 trial used three sessions where
            # the Phase 2 trials used two"), else the first after it.
            before_fig = [m for m in phases if m.start() < claim.start]
            m = before_fig[-1] if before_fig else phases[0]
            phase = PHASE_OF[m.group("p")]
            claim.phase = phase
            if phase in self.by_phase:
                studies = list(self.by_phase[phase])
                years = {int(y) for y in YEAR.findall(ctx.folded, s0, s1)}
                plural = len(studies) > 1 and bool(PLURAL_TRIALS.match(ctx.folded, m.end()))
                if years and plural and sum(self.pack.studies[sid].year in years for sid in studies) == 1:
                    # "filed in 2023, citing Phase 3 trials ...": trials in the plural are not the
                    # one study of a year the sentence names for something else.
                    years = set()
                if years:
                    # "Pooled phase 2 | 2019 | 103": the year says which of the phase's studies,
                    # or that it is none the database files under that phase.
                    studies = [sid for sid in studies if self.pack.studies[sid].year in years]
                    if not studies:
                        return
                claim.studies, claim.study_how = studies, "phase"
                claim.each_study = plural and len(studies) > 1
                # An exact figure is held against each trial only when the text says it is each's
                # ("both trials showed d = 0.91"), not in a list ("enrolled 90 and 104").
                claim.combined = claim.each_study and bool(COMBINED.search(ctx.folded, max(s0, claim.start - 25),
                                                                          min(s1, claim.end + 15)))
                claim.each_exact = claim.each_study and not claim.combined \
                    and bool(DISTRIBUTIVE.search(ctx.folded, s0, s1))
                return
        described = self._described(ctx, claim)
        if described:
            # "A pooled analysis found 54%" (or the text just before describes one): the studies of
            # that design are the candidates; the judge keeps them only if a retracted one reported it.
            claim.studies, claim.study_how = described, "description"
            return
        if NEW_STUDY.match(ctx.folded, s0, claim.start):
            return  # "A pilot of couples therapy involved six couples": not the study named before
        if CONTRAST_OPENER.match(ctx.folded, s0, claim.start):
            return  # "By comparison, talk therapy works for about 40%": another treatment's figure
        if _found(ctx, "follow_up", s0, s1):
            return
        prev = ctx.previous_sentence(claim.start)
        if prev:
            p_c = [c for c in citations if prev[0] <= c.start < prev[1] and c.studies]
            if p_c:
                claim.studies, claim.study_how, claim.citation = list(p_c[-1].studies), "previous sentence", p_c[-1].citation
                return
            if prev[0] >= ctx.paragraph_of(claim.start)[0] and not _found(ctx, "own_study", s0, s1):
                # "In the phase 3 programme, each session began with 80 mg. Later, a top-up of
                # 62.5 mg ...": the phase of the sentence before, in the same paragraph.
                p_ph = list(PHASE.finditer(ctx.folded, prev[0], prev[1]))
                phase = PHASE_OF[p_ph[-1].group("p")] if p_ph else None
                if phase in self.by_phase and len({PHASE_OF[m.group("p")] for m in p_ph}) == 1:
                    claim.phase = phase
                    claim.studies, claim.study_how = list(self.by_phase[phase]), "previous sentence phase"
                    return
        p0, _p1 = ctx.paragraph_of(claim.start)
        para = [c for c in citations if p0 <= c.start < claim.start and c.studies]
        if para:
            claim.studies, claim.study_how, claim.citation = list(para[-1].studies), "paragraph", para[-1].citation
            return
        if p0 > 0 and not _found(ctx, "own_study", p0, s1):
            lead = _found(ctx, "list_lead_in", p0, p0)
            if lead is not None:
                # A list under a lead-in that names the study ("In STEP 1 ... Among them: / - 84%
                # lost at least 5% / - 66% lost at least 10%"): each item is the study's.
                named = [c for c in citations if lead[0] <= c.start < lead[1] and c.studies]
                if named:
                    claim.studies, claim.study_how, claim.citation = list(named[-1].studies), "paragraph", named[-1].citation
                    return
            # A paragraph of results right after the paragraph that cited the paper ("The new paper
            # pools six trials ... / At the first follow-up, 56% ..."). A weaker guess, held like a
            # description: only a retracted study's own figure settles it.
            q1 = p0
            for _ in range(PARAGRAPHS_BACK):
                if q1 <= 0:
                    break
                q0 = ctx.paragraph_of(q1 - 1)[0]
                before = [c for c in citations if q0 <= c.start < q1 and c.studies]
                if before:
                    claim.studies, claim.study_how = list(before[-1].studies), "description"
                    return
                q1 = q0
        # A phase named earlier in the paragraph is a weaker guess: held, like a description, only
        # when a retracted study of that phase settles it.
        p_ph = set(_found(ctx, "phases", p0, s0))
        if len(p_ph) == 1 and not _found(ctx, "own_study", s0, s1):
            phase = p_ph.pop()
            if phase in self.by_phase:
                claim.studies, claim.study_how = list(self.by_phase[phase]), "description"

    def _described(self, ctx: Context, claim: Claim) -> list[str]:
        """Studies whose recorded design the text describes ("a pooled analysis", "the long-term
        follow-up"), in the figure's sentence or, when that sentence names no study of its own,
        earlier in its paragraph or in the sentence just before it."""
        designs = self._designs(ctx)
        if not designs:
            return []  # no study of the pack has a design these cues describe, or no cue's words are here
        s0, s1 = claim.sentence
        if OWN_FOLLOW_UP.search(ctx.folded, s0, s1):
            return []  # "All 40 joined this long-term follow-up": a study of the text's own
        # A later clause of its own speaks of something else: "67% lost the diagnosis, against 32%
        # with placebo, and the effect held up in long-term follow-up" describes no study of the 67%.
        later = NEW_CLAUSE.search(ctx.folded, claim.end, s1)
        spans = [(s0, later.start() if later else s1)]
        if not _found(ctx, "own_study", s0, s1):
            told = _sentence_before(ctx, s0)
            p0 = ctx.paragraph_of(claim.start)[0]
            spans.append((min(p0, told[0]) if told else p0, s0))
        for cue, found in designs:
            if any(cue.search(ctx.folded, a, b) for a, b in spans):
                return list(found)
        return []

    def _designs(self, ctx: Context | None = None) -> list[tuple[re.Pattern[str], list[str]]]:
        """Each design cue with the pack's studies whose recorded design it reads, in cue order;
        cues that read none left out (they can decide nothing), and with `ctx` those none of whose
        words the document holds (they match nowhere in it)."""
        found: list[tuple[re.Pattern[str], list[str]]] | None = getattr(self, "_design_studies", None)
        if found is None:
            found = [(cue, studies) for cue in DESIGN_CUES
                     if (studies := [sid for sid, st in self.pack.studies.items()
                                     if st.design and cue.search(st.design.lower())])]
            self._design_studies = found
        if ctx is None or not found:
            return found
        memo = ctx.memo("design_cues")
        if id(self.pack) not in memo:
            trap = any(c in ctx.folded for c in CASE_TRAPS)
            memo[id(self.pack)] = [(cue, studies) for cue, studies in found
                                   if trap or may_match(pattern_literals(cue), ctx.folded, ctx.literals())]
        return memo[id(self.pack)]
