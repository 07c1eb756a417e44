"""Compare extracted claims with the claims database and decide a verdict for each.

Inputs are Claims at prose offsets; outputs are Findings at prose offsets (the engine maps them to
the source file). Time-aware: "now" is `as_of`, and the document's own date says whether an
outdated statement was already outdated when written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from factcheck.judge.builtin_rules import BUILTIN_RULES
from factcheck.knowledge.model import Pack, Value
from factcheck.models import SEVERITY_RANK, Finding
from factcheck.nlp.claims import GUESSED_STUDY, Claim

# Doses and session counts are given as sets ("80 or 120 mg" recorded as 80-120): one stated number
# agrees with a recorded range only at its ends.
DISCRETE_UNITS = {"mg", "mg/kg", "sessions"}
OUTCOME_UNITS = {"percent", "d", "points"}
# Durations are often given as a span around the real one ("6 to 8 hours"); a span that includes
# the recorded value agrees. Doses are not: "75 to 125 mg" is a claim about the dose range.
SPAN_UNITS = {"hours", "minutes", "weeks", "months"}
COMPATIBLE_ARMS = {("placebo", "control"), ("control", "placebo"), ("mdma", "active"), ("active", "mdma")}
ARM_WORDS = {"mdma": "MDMA", "placebo": "placebo", "active": "active-dose", "control": "control", "all": "all"}


@dataclass
class JudgeOptions:
    as_of: date
    show_supported: bool = False


class Judge:
    def __init__(self, pack: Pack, options: JudgeOptions) -> None:
        self.pack = pack
        self.options = options
        self._by_unit: dict[str, list[Value]] | None = None
        self._names = {sid: st.name for sid, st in pack.studies.items()}
        self._figure_rules = [r for r in pack.rules.values() if r.check == "figure"]
        self._exhaustive = set(pack.exhaustive_units)

    def judge(self, claims: list[Claim], doc_date: date | None, resolve: bool = True) -> list[Finding]:
        """Findings for a document's claims. With `resolve=False` overlapping findings are all
        returned, so that config and suppressions can apply before they compete for a span
        (`resolve_overlaps` then picks one per span)."""
        findings: list[Finding] = []
        # One finding per rule and sentence: "bringing it to market should it be approved" is one
        # statement for the editor to rewrite, so its two matches become one span.
        by_sentence: dict[tuple[str, tuple[int, int]], Finding] = {}
        for claim in claims:
            if claim.type == "rule":
                f = self._rule(claim, doc_date)
            elif claim.type == "figure":
                f = self._figure(claim)
                if f is not None:
                    self._as_pack_figure_rule(f, claim)
            elif claim.type == "candidate":
                f = self._candidate(claim)
            else:
                f = self._citation(claim)
            if f is None:
                continue
            if f.verdict == "supported" and not self.options.show_supported:
                continue
            if claim.type != "rule":
                _downgrade_speech(f, claim)
            else:
                key = (f.rule, claim.sentence)
                prev = by_sentence.get(key)
                if prev is not None and prev.severity == f.severity:
                    prev.start, prev.end = min(prev.start, f.start), max(prev.end, f.end)
                    continue
                by_sentence[key] = f
            findings.append(f)
        return _resolve_overlaps(findings) if resolve else findings

    # -- pack rules ---------------------------------------------------------------------------
    def _rule(self, claim: Claim, doc_date: date | None) -> Finding | None:
        rule = claim.rule
        assert rule is not None
        entry = self.pack.claims.get(rule.claim_id)
        as_of = self.options.as_of
        if claim.question:
            return None  # a question asserts nothing
        since = claim.since or rule.since  # a role's end date is the claim's own
        if rule.verdict == "outdated" and claim.forecast_until is not None and claim.forecast_until > as_of:
            return None  # a forecast for a time still to come ("approval by 2028") is not overtaken
        if (getattr(rule.spec, "fulfilled", False) and since and claim.forecast_until is not None
                and claim.forecast_from is not None and claim.forecast_from <= since <= claim.forecast_until):
            return None  # the forecast came true on time ("plans to file by the end of 2023"; filed in December)
        if since and as_of < since:
            return None  # not yet outdated or wrong as of the date asked for
        if entry and entry.valid_from and as_of < entry.valid_from:
            return None
        if rule.verdict == "contradicted" and entry and entry.valid_until and as_of > entry.valid_until:
            # A contradicted rule holds only while its claim does (an outdated rule's claim is
            # history: its end is what made the statement outdated).
            return None
        message = rule.message
        if rule.verdict == "outdated" and rule.since and doc_date:
            if doc_date < rule.since:
                message += f" (correct when published on {doc_date.isoformat()}; outdated since {rule.since.isoformat()})"
            else:
                message += f" (already outdated when the page was dated {doc_date.isoformat()})"
        when = _placed_time(claim.relative_time, doc_date)
        if when:
            message += f" {when}"
        severity = rule.severity
        if (rule.verdict == "outdated" and rule.since and claim.dated_year is not None
                and claim.dated_year < rule.since.year):
            # "In 2023, approval seemed close": the text dates the statement to before it was outdated.
            severity = "info"
            message = f"Dated statement (about {claim.dated_year}); check that the article says what happened since. " + message
        elif claim.attributed and claim.attribution and rule.verdict == "outdated":
            # An overtaken forecast misleads a reader whoever made it: it keeps the rule's
            # severity, and the message says whose it was (config `attributed: info` lowers it).
            message = f"Attributed to {claim.attribution}; the text still presents it as current. " + message
        elif claim.attributed:
            severity = "info"
            message = "Quoted statement, or one the text reports in order to correct it; add context if you keep it. " + message
        elif rule.verdict == "retracted" and claim.retraction_noted:
            # As for figures from retracted papers: the text states the retraction itself.
            severity = "info"
            message = "The text notes the retraction nearby; check that the reader cannot miss it. " + message
        if claim.outcome_noted and severity != "info":
            severity = "info"
            message = "The text reports what happened since nearby; check that the reader cannot miss it. " + message
        return Finding(
            lowered=severity != rule.severity,
            rule=rule.id, claim_id=rule.claim_id, kind=rule.kind, verdict=rule.verdict, severity=severity,
            start=claim.start, end=claim.end, text="", message=message, fact=entry.fact if entry else "",
            since=rule.since.isoformat() if rule.since else None, suggestion=rule.suggestion,
            sources=self.pack.source_refs(entry.sources if entry else []), attributed=claim.attributed,
        )

    def _as_pack_figure_rule(self, f: Finding, claim: Claim) -> None:
        """A pack's `figure` rule for this study and quantity speaks for the engine's figure check:
        its id, message and suggestion replace the generic ones."""
        if f.verdict not in ("contradicted", "outdated") or not claim.quantity:
            return
        for rule in self._figure_rules:
            spec = rule.spec
            if spec.quantity == claim.quantity and spec.study in claim.studies:  # type: ignore[attr-defined]
                f.message = f"{rule.message} ({f.message})"
                f.rule, f.claim_id, f.severity = rule.id, rule.claim_id, rule.severity
                f.suggestion = rule.suggestion or f.suggestion
                return

    # -- learned candidates ---------------------------------------------------------------------
    def _candidate(self, claim: Claim) -> Finding:
        """A sentence the candidate layer (nlp/candidates.py) reads as a claim no rule matched:
        always `info`, pointing at what the pack records for the nearest rule."""
        rule = claim.rule
        entry = self.pack.claims.get(rule.claim_id) if rule else None
        what = f"what the {self.pack.id} pack records" + (f" ({rule.summary.rstrip('.')})" if rule and rule.summary else "")
        message = (f"This sentence reads like a {claim.kind} claim the pack may correct; check it against {what}. "
                   "No rule matched it, so this is a pointer, not a verdict.")
        f = self._builtin("possible-outdated-claim", claim, message, fact=entry.fact if entry else "",
                          suggestion=None, sources=self.pack.source_refs(entry.sources) if entry else [],
                          kind=claim.kind)
        f.severity = "info"  # never a flag, whatever the builtin table says
        return f

    # -- citations ------------------------------------------------------------------------------
    def _citation(self, claim: Claim) -> Finding | None:
        if not claim.studies:
            return self._builtin("unknown-citation", claim,
                                 f"The database has no study for the citation '{claim.citation}', so its claims cannot be checked.",
                                 fact="", suggestion=None, sources=[])
        studies = [self.pack.studies[s] for s in claim.studies]
        retracted = [s for s in studies if s.status == "retracted"]
        if retracted and len(retracted) == len(studies):
            s = retracted[0]
            when = s.retracted_on.isoformat() if s.retracted_on else "an unknown date"
            fact = f"{s.label} ({s.journal or 'journal'}) was retracted on {when}."
            if s.notice:
                fact += f" Notice: {s.notice}"
            f = self._builtin("citation-retracted", claim,
                              f"Cites {s.label}, which was retracted on {when}.", fact=fact,
                              suggestion="Remove the citation and the findings that rest on it, or state that the paper was retracted and why.",
                              sources=self.pack.source_refs(s.sources))
            f.claim_id = s.id
            if claim.retraction_noted:
                # The text says so itself ("... was retracted in 2024"): nothing to correct.
                f.severity = "info"
                f.message = f"Mentions {s.label} together with its retraction ({when})."
            f.since = s.retracted_on.isoformat() if s.retracted_on else None
            return f
        s = studies[0]
        if claim.journal and len(studies) == 1 and s.journal and not _same_journal(claim.journal, s.journal):
            f = self._builtin("citation-wrong-journal", claim,
                              f"{s.label} appeared in {s.journal}, not in {claim.journal}.",
                              fact=f"{s.title} ({s.journal}).", suggestion=f"Write {s.journal}.",
                              sources=self.pack.source_refs(s.sources))
            f.claim_id = s.id
            return f
        if len(studies) == 1:
            return self._builtin("supported", claim, f"Cites {s.name}, a study in the database.", fact=s.title,
                                 suggestion=None, sources=self.pack.source_refs(s.sources), kind="citation")
        return None

    # -- figures --------------------------------------------------------------------------------
    def _figure(self, claim: Claim) -> Finding | None:
        q = claim.quantity
        if q is None:
            return None
        pack = self.pack
        approx = claim.approx != (0.0, 0.0)

        def agrees(v: Value) -> bool:
            return _agrees(v, claim)

        values = pack.values_for(q)
        studies = claim.studies
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
        retracted = [sid for sid in studies if pack.studies[sid].status == "retracted"]
        if studies and len(retracted) == len(studies):
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
                right = [w for w in cands if arm_ok(w)] or cands
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
            if f is not None and claim.unnamed_study:
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
        for v in ([found] if found is not None else []) + right:
            d = self._describe(v)
            if d not in parts:
                parts.append(d)
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

    def _builtin(self, rule_id: str, claim: Claim, message: str, fact: str, suggestion: str | None,
                 sources: list, kind: str | None = None) -> Finding:
        r = BUILTIN_RULES[rule_id]
        return Finding(rule=rule_id, claim_id=None, kind=kind or r.kind, verdict=r.verdict, severity=r.severity,
                       start=claim.start, end=claim.end, text="", message=message, fact=fact, since=None,
                       suggestion=suggestion, sources=sources)

    def _sources(self, v: Value) -> list:
        ids = v.sources
        if not ids:
            owner = self.pack.studies.get(v.owner) or self.pack.claims.get(v.owner)
            ids = owner.sources if owner else []
        return self.pack.source_refs(ids)

    def _label(self, v: Value) -> str:
        q = self.pack.quantities.get(v.quantity)
        return q.label if q else v.quantity

    def _figure_of(self, v: Value) -> str:
        """"the MAPP1 (...) figure", or "the recorded figure" for a value of no single study."""
        return f"the {self._study_name(v)} figure" if v.study in self.pack.studies else "the recorded figure"

    def _study_name(self, v: Value) -> str:
        if v.study and v.study in self.pack.studies:
            return self.pack.studies[v.study].name
        return "the database"

    def _studies_name(self, ids: list[str]) -> str:
        names = [self.pack.studies[i].name for i in ids if i in self.pack.studies]
        return " / ".join(names[:3]) if names else "the study"

    def _describe(self, v: Value) -> str:
        where = self._study_name(v) if v.study else None
        arm = f" ({ARM_WORDS.get(v.arm, v.arm)} arm)" if v.arm and v.arm != "all" else ""
        when = f", {v.timepoint}" if v.timepoint else ""
        text = f"{v.describe()}{arm}: {self._label(v)}{when}"
        if v.note:
            text += f" ({v.note})"
        return f"{where}: {text}" if where else text


def _downgrade_speech(f: Finding, claim: Claim) -> None:
    """Figures and citations follow the policy of pack rules: a question, a quoted or attributed
    statement, or a meta statement ("a common error is to say ...") is not the text's own
    assertion, so a problem found in it is information for the editor, not a flag."""
    if f.verdict in ("supported", "unsupported") or not (claim.attributed or claim.question):
        return
    f.severity = "info"
    f.lowered = True
    lead = "Question" if claim.question else "Attributed, quoted or corrected statement"
    f.message = f"{lead}; add context if you keep it. " + f.message


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


CURRENT_WORDS = {"recently", "currently", "now", "today", "at present", "soon", "so far", "to date", "yet"}
YEAR_OFFSETS = {"this year": 0, "later this year": 0, "within the year": 0, "next year": 1, "last year": -1}


def _placed_time(phrase: str | None, doc_date: date | None) -> str | None:
    """Say what a relative time word meant on the page's date ("'next year' is 2024")."""
    if not phrase:
        return None
    key = "this year" if ("end of" in phrase or phrase.startswith("this ")) and not phrase.endswith("month") else phrase
    is_month = phrase.endswith("month")
    if key not in YEAR_OFFSETS and not is_month:
        if doc_date is not None and phrase in CURRENT_WORDS:
            return f"('{phrase}' as of the page's date, {doc_date.isoformat()}.)"
        return None
    if doc_date is None:
        return f"('{phrase}' cannot be placed: the page has no date.)"
    if is_month:
        step = 1 if phrase.startswith("next") else -1 if phrase.startswith("last") else 0
        index = doc_date.year * 12 + doc_date.month - 1 + step
        return f"('{phrase}' is {index // 12}-{index % 12 + 1:02d} by the page's date.)"
    return f"('{phrase}' is {doc_date.year + YEAR_OFFSETS[key]} by the page's date.)"


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


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """One finding per span (public: the engine calls it after config and suppressions)."""
    return _resolve_overlaps(findings)


def _resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """One finding per span: curated rules beat engine figures, problems beat confirmations."""

    def rank(f: Finding) -> tuple[int, int, int]:
        curated = 0 if f.rule in BUILTIN_RULES else 1
        problem = 0 if f.verdict in ("supported", "unsupported") else 1
        return (problem, SEVERITY_RANK[f.severity], curated)

    kept: list[Finding] = []
    for f in sorted(findings, key=rank, reverse=True):
        clash = next((k for k in kept if k.start < f.end and f.start < k.end), None)
        if clash is None:
            kept.append(f)
            continue
        # Different curated rules on the same words may both say something true; keep both.
        if f.rule not in BUILTIN_RULES and clash.rule not in BUILTIN_RULES and f.rule != clash.rule:
            kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end, f.rule))
    return kept


def _same_journal(named: str, recorded: str) -> bool:
    """"Lancet Psychiatry" is "The Lancet Psychiatry"; "Nature" is not "Nature Medicine"."""
    def norm(j: str) -> str:
        return " ".join(w for w in re.sub(r"[^a-z0-9 ]+", " ", j.lower()).split() if w != "the")

    return norm(named) == norm(recorded)
