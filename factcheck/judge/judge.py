"""Compare extracted claims with the claims database and decide a verdict for each.

Inputs are Claims at prose offsets; outputs are Findings at prose offsets (the engine maps them to
the source file). Time-aware: "now" is `as_of`, and the document's own date says whether an
outdated statement was already outdated when written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from factcheck.judge.builtin_rules import BUILTIN_RULES
from factcheck.knowledge.model import Pack, Value
from factcheck.models import SEVERITY_RANK, Finding
from factcheck.nlp.claims import Claim

EXHAUSTIVE_UNITS = {"sessions", "hours", "minutes", "weeks", "mg", "mg/kg"}
ARM_WORDS = {"mdma": "MDMA", "placebo": "placebo", "active": "active-dose", "control": "control", "all": "all"}


@dataclass
class JudgeOptions:
    as_of: date
    show_supported: bool = False


class Judge:
    def __init__(self, pack: Pack, options: JudgeOptions) -> None:
        self.pack = pack
        self.options = options

    def judge(self, claims: list[Claim], doc_date: date | None) -> list[Finding]:
        findings: list[Finding] = []
        for claim in claims:
            if claim.type == "rule":
                f = self._rule(claim, doc_date)
            elif claim.type == "figure":
                f = self._figure(claim)
            else:
                f = self._citation(claim)
            if f is None:
                continue
            if f.verdict == "supported" and not self.options.show_supported:
                continue
            findings.append(f)
        return _resolve_overlaps(findings)

    # -- pack rules ---------------------------------------------------------------------------
    def _rule(self, claim: Claim, doc_date: date | None) -> Finding | None:
        rule = claim.rule
        assert rule is not None
        entry = self.pack.claims.get(rule.claim_id)
        as_of = self.options.as_of
        if claim.question:
            return None  # a question asserts nothing
        if rule.since and as_of < rule.since:
            return None  # not yet outdated or wrong as of the date asked for
        if entry and entry.valid_from and as_of < entry.valid_from:
            return None
        message = rule.message
        if rule.verdict == "outdated" and rule.since and doc_date:
            if doc_date < rule.since:
                message += f" (correct when published on {doc_date.isoformat()}; outdated since {rule.since.isoformat()})"
            else:
                message += f" (already outdated when the page was dated {doc_date.isoformat()})"
        severity = rule.severity
        if claim.attributed:
            severity = "info"
            message = "Attributed or quoted statement; add context if you keep it. " + message
        return Finding(
            rule=rule.id, claim_id=rule.claim_id, kind=rule.kind, verdict=rule.verdict, severity=severity,
            start=claim.start, end=claim.end, text="", message=message, fact=entry.fact if entry else "",
            since=rule.since.isoformat() if rule.since else None, suggestion=rule.suggestion,
            sources=self.pack.source_refs(entry.sources if entry else []),
        )

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
            f.since = s.retracted_on.isoformat() if s.retracted_on else None
            return f
        s = studies[0]
        if len(studies) == 1:
            return self._builtin("supported", claim, f"Cites {s.name}, a study in the database.", fact=s.title,
                                 suggestion=None, sources=self.pack.source_refs(s.sources), kind="citation")
        return None

    # -- figures --------------------------------------------------------------------------------
    def _figure(self, claim: Claim) -> Finding | None:
        q = claim.quantity
        if q is None:
            return None
        lo, hi = claim.bounds
        pack = self.pack
        approx = claim.approx != (0.0, 0.0)

        def agrees(v: Value) -> bool:
            return v.overlaps(lo, hi) if approx else v.matches(lo, hi)

        values = pack.values_for(q)
        studies = claim.studies
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
            return f

        def arm_ok(v: Value) -> bool:
            return claim.arm is None or v.arm in (None, "all") or v.arm == claim.arm or (claim.arm == "mdma" and v.arm == "active")

        def in_studies(v: Value) -> bool:
            return not studies or v.study in studies

        cands = [v for v in values if in_studies(v)]
        good = [v for v in cands if agrees(v) and arm_ok(v)]
        if good:
            return self._builtin("supported", claim, f"Agrees with the database: {self._describe(good[0])}.",
                                 fact=self._describe(good[0]), suggestion=None, sources=self._sources(good[0]),
                                 kind=claim.kind)
        same_unit = [v for v in pack.all_values() if v.unit == claim.unit and v.quantity != q]
        stated = _stated(claim)
        label = pack.quantities[q].label if q in pack.quantities else q
        if studies:
            wrong_arm = [v for v in cands if agrees(v) and not arm_ok(v)]
            if wrong_arm:
                v = wrong_arm[0]
                right = [w for w in cands if arm_ok(w)]
                return self._mismatch("figure-wrong-arm", claim,
                                      f"{stated} is the {ARM_WORDS.get(v.arm or '', v.arm)} arm's figure in {self._study_name(v)}, not the {ARM_WORDS.get(claim.arm or '', claim.arm)} arm's.",
                                      v, right)
            other_measure = [v for v in same_unit if in_studies(v) and agrees(v) and arm_ok(v)]
            if other_measure:
                v = other_measure[0]
                return self._mismatch("figure-wrong-measure", claim,
                                      f"{stated} is the {self._study_name(v)} figure for '{self._label(v)}', not for '{label}'.",
                                      v, [w for w in cands if arm_ok(w)])
            other_study = [v for v in values if not in_studies(v) and agrees(v) and arm_ok(v)]
            if other_study:
                v = other_study[0]
                return self._mismatch("figure-wrong-study", claim,
                                      f"{stated} for '{label}' was reported by {self._study_name(v)}, not by {self._studies_name(studies)}.",
                                      v, [w for w in cands if arm_ok(w)])
            if cands:
                right = [w for w in cands if arm_ok(w)] or cands
                rule = "protocol-mismatch" if claim.unit in EXHAUSTIVE_UNITS else "figure-wrong-value"
                return self._mismatch(rule, claim,
                                      f"{self._studies_name(studies)} did not report {stated} for '{label}'.",
                                      None, right)
            return self._unsupported(claim, label, stated)
        other_measure = [v for v in same_unit if agrees(v) and arm_ok(v)]
        if other_measure and values:
            v = other_measure[0]
            return self._mismatch("figure-wrong-measure", claim,
                                  f"{stated} is the {self._study_name(v)} figure for '{self._label(v)}', not for '{label}'.",
                                  v, [w for w in values if arm_ok(w) and (not v.study or w.study == v.study)] or values)
        if claim.unit in EXHAUSTIVE_UNITS and values:
            return self._mismatch("protocol-mismatch", claim,
                                  f"No trial protocol in the database used {stated} for '{label}'.", None, values)
        return self._unsupported(claim, label, stated)

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


def _stated(claim: Claim) -> str:
    def num(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else f"{x:g}"

    value = num(claim.low) if claim.low == claim.high else f"{num(claim.low)}–{num(claim.high)}"
    unit = {"percent": "%", "count": "", "sessions": " sessions"}.get(claim.unit or "", f" {claim.unit}")
    return f"{value}{unit}".strip()


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
