"""Figures: a stated number compared with the values the pack records for its measure, arm,
study and time point (wrong figure, wrong measure, wrong study, wrong time, unsupported)."""

from __future__ import annotations

from factcheck.judge.base import ARM_WORDS, JudgeBase
from factcheck.knowledge.model import Value
from factcheck.models import Finding
from factcheck.nlp.claims import GUESSED_STUDY, Claim
from factcheck.nlp.fingerprint import STUDY_HOW as BY_FIGURES

# Doses and session counts are given as sets ("80 or 120 mg" recorded as 80-120): one stated number
# agrees with a recorded range only at its ends.
DISCRETE_UNITS = {"mg", "mg/kg", "sessions"}
OUTCOME_UNITS = {"percent", "d", "points"}
# Durations are often given as a span around the real one ("6 to 8 hours"); a span that includes
# the recorded value agrees. Doses are not: "75 to 125 mg" is a claim about the dose range.
SPAN_UNITS = {"hours", "minutes", "weeks", "months"}
DOSE_UNITS = {"mg", "mg/kg"}
COMPATIBLE_ARMS = {("placebo", "control"), ("control", "placebo"), ("mdma", "active"), ("active", "mdma")}


class FigureJudge(JudgeBase):
    def _figure(self, claim: Claim) -> Finding | None:
        f = self._compare_figure(claim)
        if f is not None and f.rule == "figure-wrong-measure" and claim.unit in TIMELINE_UNITS:
            # A study's weeks are counted from several anchors (baseline, first dose, end of
            # treatment): "18 weeks of treatment" for an endpoint 18 weeks after baseline is loose
            # wording, worth a look, not a wrong figure.
            f.severity, f.lowered = "info", True
            f.message = "Loose timeline: " + f.message
        if f is not None and claim.study_how == BY_FIGURES and claim.studies and f.verdict != "supported":
            # Say why the study is named at all: the text gives its figures, not its name.
            name = self._studies_name(claim.studies[:1])
            f.message = f"The paragraph's other figures are those of {name}, which it does not name. {f.message}"
        return f

    def _compare_figure(self, claim: Claim) -> Finding | None:
        q = claim.quantity
        if q is None:
            return None
        pack = self.pack
        approx = claim.approx != (0.0, 0.0)

        def agrees(v: Value) -> bool:
            return _agrees(v, claim)

        values = pack.values_for(q)
        studies = claim.studies
        described = claim.study_how == "description"
        if claim.study_how in GUESSED_STUDY and (len(studies) > 1 or claim.study_how == "description") \
                and claim.unit in OUTCOME_UNITS:
            # A phase names several studies; a result that only retracted ones among them reported
            # is theirs ("pooled phase 2 data: 54% lost the diagnosis"). Not a dose: a protocol
            # the retracted paper describes was still the protocol.
            reported = {v.study for v in values if v.study in studies and agrees(v) and _arm_ok(claim.arm, v.arm)}
            if not reported and not approx:
                # "54% went into remission": the retracted paper's figure for another measure.
                reported = {v.study for v in self._unit_values(claim.unit or "") if v.study in studies and agrees(v)}
            if reported and all(pack.studies[sid].status == "retracted" for sid in reported):
                studies = sorted(reported)
            elif claim.study_how == "description":
                studies = []  # a design alone names no study the figure can be held to
        elif claim.study_how == "description" and claim.unit not in OUTCOME_UNITS and len(studies) > 1:
            # Nor a dose or a count: "phase III" told sentences before a described paper's doses
            # ("randomized to 125, 75 or 30 mg") does not make them the Phase 3 trials' doses.
            studies = []
        retracted = [sid for sid in studies if pack.studies[sid].status == "retracted"]
        # A dose is not withdrawn with the paper: it describes what the trials gave, which stays
        # true ("active doses of 75-125 mg" in the retracted pooled analysis).
        if studies and len(retracted) == len(studies) and claim.unit not in DOSE_UNITS:
            s = pack.studies[retracted[0]]
            when = s.retracted_on.isoformat() if s.retracted_on else "an unknown date"
            f = self._builtin("figure-retracted", claim,
                              f"The figure comes from {s.label}, which was retracted on {when}.",
                              fact=f"{s.label} was retracted on {when}." + (f" Notice: {s.notice}" if s.notice else ""),
                              suggestion="Drop the figure, or quote it with the retraction and the reason for it.",
                              sources=pack.source_refs(s.sources))
            f.claim_id = s.id
            if claim.retraction_noted:
                f.severity = "info"
                f.message = f"Quotes a figure from {s.label} together with its retraction ({when})."
            return f
        if claim.unit in OUTCOME_UNITS:
            # A retracted study's results never confirm a figure or set its time point (its protocol,
            # a dose, still describes what was done).
            values = [v for v in values if v.study is None or pack.studies[v.study].status != "retracted"]
            studies = [sid for sid in studies if pack.studies[sid].status != "retracted"]

        def arm_ok(v: Value) -> bool:
            return _arm_ok(claim.arm, v.arm)

        def in_studies(v: Value) -> bool:
            return not studies or v.study in studies

        if claim.combined and len(studies) > 1:
            # "a combined 194 participants": the sum of each study's own figure, or nothing said.
            per = [[v for v in values if v.study == sid and arm_ok(v)] for sid in studies]
            if all(len(p) == 1 for p in per) and abs(sum(p[0].low for p in per) - claim.low) <= 0.5 \
                    and claim.low == claim.high:
                return self._builtin("supported", claim, f"Agrees with the database: the sum over {self._studies_name(studies)}.",
                                     fact="; ".join(self._describe(p[0]) for p in per), suggestion=None,
                                     sources=self._sources(per[0][0]), kind=claim.kind)
            return None
        cands = [v for v in values if in_studies(v)]
        good = [v for v in cands if agrees(v) and arm_ok(v)]
        if not cands and studies:
            # The named study has no value of its own for this measure, but the database records
            # one that belongs to no single study (the FDA's unblinding figures): agreeing with it
            # is support. Disagreeing proves nothing about the named study.
            good = [v for v in values if v.study is None and agrees(v) and arm_ok(v)]
        if claim.timepoint_only:
            # Only the time point is new here; the figure itself was judged where it stands.
            return self._timepoint_clash(claim, good) if good else None
        if good:
            clash = self._timepoint_clash(claim, good)
            if clash is not None:
                return clash
            short = self._bound_short_of(claim, cands, arm_ok)
            if short:
                label = pack.quantities[q].label if q in pack.quantities else q
                right = [v for v in cands if v.study in short and arm_ok(v)]
                what = f"A figure of at least {_stated(claim)}" if claim.approx[1] > 0.0 else _stated(claim)
                return self._mismatch("figure-wrong-value", claim,
                                      f"{what} for '{label}' holds in {self._studies_name([s for s in studies if s not in short])} "
                                      f"but not in {self._studies_name(short)}, which the text names with it.",
                                      None, right)
            return self._builtin("supported", claim, f"Agrees with the database: {self._describe(good[0])}.",
                                 fact=self._describe(good[0]), suggestion=None, sources=self._sources(good[0]),
                                 kind=claim.kind)
        same_unit = [v for v in self._unit_values(claim.unit or "") if v.quantity != q]
        stated = _stated(claim)
        label = pack.quantities[q].label if q in pack.quantities else q
        if studies:
            wrong_arm = [v for v in cands if agrees(v) and not arm_ok(v)]
            if wrong_arm:
                v = wrong_arm[0]
                right = [w for w in cands if arm_ok(w)]
                return self._mismatch("figure-wrong-arm", claim,
                                      f"{stated} is the {ARM_WORDS.get(v.arm or '', v.arm)} arm's figure for '{label}' in {self._study_name(v)}, not the {ARM_WORDS.get(claim.arm or '', claim.arm)} arm's" + _was(right, self._names) + ".",
                                      v, right)
            other_measure = [v for v in same_unit if in_studies(v) and agrees(v) and arm_ok(v)]
            if other_measure and other_measure[0].quantity in claim.other_quantities:
                # The clause names that other measure too ("major adverse cardiovascular events
                # occurred in 6.5%"): the study's own figure for it is the reading.
                v = other_measure[0]
                return self._builtin("supported", claim, f"Agrees with the database: {self._describe(v)}.",
                                     fact=self._describe(v), suggestion=None, sources=self._sources(v),
                                     kind=claim.kind)
            if other_measure:
                v = other_measure[0]
                right = [w for w in cands if arm_ok(w)]
                return self._mismatch("figure-wrong-measure", claim,
                                      f"{stated} is {self._figure_of(v)} for '{self._label(v)}', not for '{label}'" + _was(right, self._names) + ".",
                                      v, right)
            # Another study's figure counts as "wrong study" only when the named study recorded
            # this measure too; otherwise the database simply does not know.
            if cands:
                other_study = [v for v in values if not in_studies(v) and agrees(v) and arm_ok(v)]
                if other_study:
                    v = other_study[0]
                    right = [w for w in cands if arm_ok(w)]
                    return self._mismatch("figure-wrong-study", claim,
                                          f"{stated} for '{label}' was reported by {self._study_name(v)}, not by {self._studies_name(studies)}" + _was(right, self._names) + ".",
                                          v, right)
                right = [w for w in cands if arm_ok(w)]
                if not right and claim.unit in OUTCOME_UNITS:
                    # The study's figure for this arm is not recorded (only the MDMA arm's
                    # response rate is): the database cannot say the stated one is wrong.
                    return self._unsupported(claim, label, stated)
                right = right or cands
                rule = "protocol-mismatch" if claim.unit in self._exhaustive else "figure-wrong-value"
                return self._mismatch(rule, claim,
                                      f"{self._studies_name(studies)} did not report {stated} for '{label}'.",
                                      None, right)
            fixed = self._fixed_doses(claim)
            if fixed:
                return self._mismatch("protocol-mismatch", claim,
                                      f"{self._studies_name(studies)} gave fixed doses in mg, not {stated} by body weight.",
                                      None, fixed)
            return self._unsupported(claim, label, stated)
        # No study named: another measure's figure is evidence only when stated exactly (trial
        # outcomes are many and close together); a duration or dose of another measure is
        # evidence as stated ("the drug works for around eight hours": 8 hours is the session).
        # A fraction ("two-thirds") is as exact as writers get.
        narrow = claim.approx[1] - claim.approx[0] <= FRACTION_SPREAD
        if (claim.unit in OUTCOME_UNITS and narrow) or claim.unit in SPAN_UNITS:
            other_measure = [v for v in same_unit if agrees(v) and arm_ok(v)]
            if other_measure and (values or not pack.quantities[q].reported):
                v = other_measure[0]
                return self._mismatch("figure-wrong-measure", claim,
                                      f"{stated} is {self._figure_of(v)} for '{self._label(v)}', not for '{label}'.",
                                      v, [w for w in values if arm_ok(w) and (not v.study or w.study == v.study)] or values)
        if claim.unit in self._exhaustive and values:
            # No study named: the database records the main protocols, not every pilot and
            # sub-study a page may describe, so "no protocol used it" is a question for the editor.
            f = self._mismatch("protocol-mismatch", claim,
                               f"No trial protocol in the database used {stated} for '{label}'; if the text means "
                               "another study, name it.", None, values)
            if f is not None and (claim.unnamed_study or described):
                f.severity, f.lowered = "info", True
            return f
        return self._unsupported(claim, label, stated)

    @staticmethod
    def _bound_short_of(claim: Claim, cands: list[Value], arm_ok) -> list[str]:  # type: ignore[no-untyped-def]
        """A figure stated of several studies together ("both phase 3 trials showed d = 0.91") or a
        lower bound ("more than 70%"): those of the studies whose recorded values for the measure
        all miss it (fall below the bound; differ from the exact figure)."""
        exact = claim.approx == (0.0, 0.0) and claim.each_exact
        lower = claim.approx[0] == 0.0 and claim.approx[1] > 0.0
        if not claim.each_study or len(claim.studies) < 2 or not (exact or lower):
            return []
        short = []
        for sid in claim.studies:
            own = [v for v in cands if v.study == sid and arm_ok(v)]
            if lower and own and all(v.high + v.tolerance < claim.low for v in own):
                short.append(sid)
            elif exact and own and not any(_agrees(v, claim) for v in own):
                short.append(sid)
        return short

    def _unit_values(self, unit: str) -> list[Value]:
        """All recorded values in one unit (built once; the pack does not change during a run)."""
        if self._by_unit is None:
            self._by_unit = {}
            for v in self.pack.all_values():
                self._by_unit.setdefault(v.unit, []).append(v)
        return self._by_unit.get(unit, [])

    def _fixed_doses(self, claim: Claim) -> list[Value]:
        """A weight-based dose (mg/kg) for studies the database records with fixed mg doses."""
        if claim.unit != "mg/kg" or not claim.studies:
            return []
        return [v for v in self._unit_values("mg") if v.study in claim.studies]

    def _timepoint_clash(self, claim: Claim, good: list[Value]) -> Finding | None:
        """The right number at the wrong time ("one year after treatment, 67%" when 67% was the
        18-week result). Only when every agreeing value records a time point and none is near."""
        if claim.timepoint_weeks is None:
            return None
        parsed: list[tuple[Value, float]] = []
        for v in good:
            # Parsed once when the pack loaded (knowledge/notes.py).
            if v.timepoint_weeks is None or v.timepoint_anchor is None:
                return None
            parsed.append((v, self._weeks_from_baseline(v.study, v.timepoint_weeks, v.timepoint_anchor)))
        # Both time points on one scale (weeks from baseline), with each value's own study.
        anchor = claim.timepoint_anchor or "treatment"
        if any(_near_in_time(self._weeks_from_baseline(v.study, claim.timepoint_weeks, anchor), w) for v, w in parsed):
            return None
        v = parsed[0][0]
        when = _weeks_words(claim.timepoint_weeks) + (" after baseline" if claim.timepoint_anchor == "baseline" else " after treatment")
        return self._mismatch("figure-wrong-timepoint", claim,
                              f"{_stated(claim)} is {self._figure_of(v)} for '{self._label(v)}' at {v.timepoint}, not {when}.",
                              v, [])

    def _weeks_from_baseline(self, study: str | None, weeks: float, anchor: str) -> float:
        if anchor == "baseline":
            return weeks
        # "After treatment" counts from the end of the treatment period, when the study records it.
        lengths = [v.low for v in self.pack.values_for("treatment-length") if v.study == study and v.unit == "weeks"]
        return weeks + (lengths[0] if lengths else 0.0)

    # -- helpers --------------------------------------------------------------------------------
    def _unsupported(self, claim: Claim, label: str, stated: str) -> Finding:
        return self._builtin("unsupported-figure", claim,
                             f"The database cannot confirm {stated} for '{label}'" + (f" in {self._studies_name(claim.studies)}" if claim.studies else "") + ".",
                             fact="", suggestion="Check the figure against its primary source and cite it.", sources=[],
                             kind=claim.kind)

    def _mismatch(self, rule_id: str, claim: Claim, message: str, found: Value | None, right: list[Value]) -> Finding:
        right = right[:3]
        parts: list[str] = []
        seen: set[tuple] = set()
        for v in ([found] if found is not None else []) + right:
            # The same figure recorded twice (on a claim and on its study, one with a note) is told once.
            key = (v.study, v.quantity, v.arm, v.low, v.high, v.timepoint)
            d = self._describe(v)
            if d not in parts and key not in seen:
                parts.append(d)
            seen.add(key)
        fact = "; ".join(parts) + "." if parts else ""
        sources: list = []
        for v in ([found] if found else []) + right:
            for s in self._sources(v):
                if s not in sources:
                    sources.append(s)
        suggestion = None
        if right:
            suggestion = "Quote the figure for the outcome, arm and study it belongs to: " + self._describe(right[0]) + "."
        return self._builtin(rule_id, claim, message, fact=fact, suggestion=suggestion, sources=sources, kind=claim.kind)


TIMELINE_UNITS = {"weeks", "months"}


def _stated(claim: Claim) -> str:
    def num(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else f"{round(x, 2):g}"

    value = num(claim.low) if claim.low == claim.high else f"{num(claim.low)}–{num(claim.high)}"
    unit = {"percent": "%", "count": "", "sessions": " sessions"}.get(claim.unit or "", f" {claim.unit}")
    if claim.low == claim.high == 1 and unit.endswith("s"):
        unit = unit[:-1]  # "1 session", "1 hour"
    if claim.unit == "d":
        return f"d = {value}"
    return f"{value}{unit}".strip()


def _was(right: list[Value], names: dict[str, str]) -> str:
    """What the named study did report for that measure and arm ("; MAPP1 reported 67% (MDMA arm)")."""
    if not right:
        return ""
    said = ", ".join(dict.fromkeys(
        v.describe() + (f" ({ARM_WORDS.get(v.arm, v.arm)} arm)" if v.arm and v.arm != "all" else "") for v in right[:3]))
    who = names.get(right[0].study or "", "the database")
    return f"; {who} reported {said}"


# The widest reading a stated figure may have and still count as exact evidence of another
# measure ("two-thirds" reads 66.7 +/- 1.5).
FRACTION_SPREAD = 3.0


def _agrees(v: Value, claim: Claim) -> bool:
    """Does the stated figure agree with a recorded value? Approximate figures agree on any
    overlap; score changes compare magnitudes ("improved by 24 points" is a change of -24)."""
    if claim.role is not None:
        if v.role is not None and v.role != claim.role:
            return False  # "began with 180 mg" is not the 180 mg session total
    lo, hi = claim.bounds
    v_lo, v_hi = v.low, v.high
    if claim.unit == "points":
        v_lo, v_hi = sorted((abs(v.low), abs(v.high)))
    tol = v.tolerance
    if claim.approx != (0.0, 0.0):
        return lo <= v_hi + tol and v_lo - tol <= hi
    if lo == hi:
        if claim.unit in DISCRETE_UNITS and v_lo != v_hi:
            return abs(lo - v_lo) <= tol or abs(lo - v_hi) <= tol
        return v_lo - tol <= lo <= v_hi + tol
    if claim.unit in SPAN_UNITS and lo <= v_lo - tol and v_hi + tol <= hi:
        return True  # "sessions lasted 6 to 8 hours" includes the recorded 8 hours
    if claim.unit in DISCRETE_UNITS and v_lo != v_hi:
        # A recorded dose range is often a set ("75 or 125 mg"): a stated span inside it must
        # share one of its ends ("80 to 120 mg" names neither of the 75/125 mg doses).
        inside = v_lo - tol <= lo and hi <= v_hi + tol
        return inside and (abs(lo - v_lo) <= tol or abs(hi - v_hi) <= tol)
    return v_lo - tol <= lo and hi <= v_hi + tol


def _arm_ok(stated: str | None, recorded: str | None) -> bool:
    return stated is None or recorded in (None, "all") or recorded == stated or (stated, recorded) in COMPATIBLE_ARMS


def _near_in_time(a: float, b: float) -> bool:
    return abs(a - b) <= 6 or (min(a, b) > 0 and max(a, b) / min(a, b) <= 1.5)


def _weeks_words(weeks: float) -> str:
    if weeks >= 52 and abs(weeks / 52 - round(weeks / 52)) < 0.05:
        n = round(weeks / 52)
        return "one year" if n == 1 else f"{n} years"
    months = weeks * 12 / 52
    if weeks >= 8 and abs(months - round(months)) < 0.1:
        return f"{round(months)} months"
    return f"{weeks:g} weeks"
