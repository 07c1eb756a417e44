"""Claim extraction over one tokenised document: pack rules, figures, citations.

Work is kept proportional to what can match: a rule is tried only on sentences that contain one of
its trigger strings (found with `str.find` on the folded text), and figures only where a digit or
number word sits next to a unit. All regexes run on the folded text, which has the same length as
the prose, so offsets need no mapping until whitespace is collapsed for rule patterns.

This module is the thin Extractor that composes the parts, each in its own module:
`context` (the document and shared windows), `speech` (how a claim is said), `rules` (pattern
rules and frames), `citations`, `figures` (the figures core), `attach` (what a figure belongs to)
and `tables`. Their public names stay importable from here.
"""

from __future__ import annotations

import re

from factcheck.knowledge.model import Pack
from factcheck.knowledge.notes import DOSE_ROLES, dose_role_of_note  # noqa: F401 (re-exported)
from factcheck.nlp.attach import PHASE_OF, FigureAttacher
from factcheck.nlp.citations import CitationFinder, _author_key
from factcheck.nlp.claims import Claim
from factcheck.nlp.context import Context, _clause, _lookback  # noqa: F401 (re-exported)
from factcheck.nlp.described import design_features
from factcheck.nlp.figures import FigureFinder, numbered_cues
from factcheck.nlp.normalize import fold
from factcheck.nlp.rules import RuleMatcher, pattern_checks, required_sets
from factcheck.nlp.speech import (  # noqa: F401 (re-exported: tests read these)
    _dated_year,
    _mark_figure_speech,
    _mark_speech,
    _negated,
    _relative_time,
    _retraction_noted,
)
from factcheck.nlp.tables import TableReader, _after_table, split_confirmed  # noqa: F401 (re-exported)

__all__ = ["Context", "Extractor", "dose_role_of_note", "split_confirmed"]


class Extractor(RuleMatcher, CitationFinder, FigureFinder, FigureAttacher, TableReader):
    """Turns a document's text into Claims using the compiled pack. Built once per process."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        # Typed rules without patterns are matched by factcheck/kinds, not here.
        self.rules = [r for r in pack.rules.values() if r.patterns or r.frame]
        self.rule_triggers: dict[str, frozenset[str]] = {r.id: frozenset(r.triggers or ()) for r in self.rules}
        self.pattern_checks = {r.id: pattern_checks(r) for r in self.rules}
        self.required = {r.id: required_sets(r) for r in self.rules}
        self.all_triggers: frozenset[str] = frozenset().union(*self.rule_triggers.values()) if self.rules else frozenset()
        # All aliases in one pattern, longest first, so the text is scanned once.
        self.alias_study: dict[str, str] = {}
        for study in pack.studies.values():
            # A DOI or a registry number names a study as surely as its trial name.
            for alias in [*study.aliases, study.doi or "", study.registry or ""]:
                if alias:
                    self.alias_study.setdefault(" ".join(fold(alias).split()), study.id)
        names = sorted(self.alias_study, key=len, reverse=True)
        self.alias_re = (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in names) + r")(?!\w)")
                         if names else None)
        self.by_author: dict[str, list[tuple[int | None, str]]] = {}
        for study in pack.studies.values():
            if study.author:
                self.by_author.setdefault(_author_key(study.author), []).append((study.year, study.id))
        self.by_phase: dict[str, list[str]] = {}
        for study in pack.studies.values():
            if study.phase:
                self.by_phase.setdefault(PHASE_OF.get(str(study.phase).lower(), str(study.phase)), []).append(study.id)
        self.design_features = design_features(pack)  # studies a text may describe instead of name
        self.numbered_cues = numbered_cues(pack)
        self.units: dict[str, list] = {}
        for q in pack.quantities.values():
            self.units.setdefault(q.unit, []).append(q)

    # ------------------------------------------------------------------------------------------
    def extract(self, ctx: Context) -> list[Claim]:
        citations = self._citations(ctx)
        # A document is about the pack's topic when it names it, or cites a study the pack knows
        # (a table of "Mitchell et al. 2021" rows need not say "MDMA").
        in_domain = (not self.pack.topic or ctx.names_topic(self.pack.topic)
                     or any(c.studies for c in citations))
        claims: list[Claim] = []
        claims.extend(self._rules(ctx, in_domain))
        if in_domain:
            claims.extend(citations)
            claims.extend(self._figures(ctx, citations))
        return claims
