"""What every part of the judge shares: the pack, the run's options, and how a finding is built
from a builtin rule and a recorded value's sources and description."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from factcheck.judge.builtin_rules import BUILTIN_RULES
from factcheck.knowledge.model import Pack, Value
from factcheck.models import Finding
from factcheck.nlp.claims import Claim

ARM_WORDS = {"mdma": "MDMA", "placebo": "placebo", "active": "active-dose", "control": "control", "all": "all"}


@dataclass
class JudgeOptions:
    as_of: date
    show_supported: bool = False


class JudgeBase:
    def __init__(self, pack: Pack, options: JudgeOptions) -> None:
        self.pack = pack
        self.options = options
        self._by_unit: dict[str, list[Value]] | None = None
        self._names = {sid: st.name for sid, st in pack.studies.items()}
        self._figure_rules = [r for r in pack.rules.values() if r.check == "figure"]
        self._exhaustive = set(pack.exhaustive_units)


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
