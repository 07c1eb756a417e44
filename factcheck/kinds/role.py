"""Kind `role`: a person named as holding a title after their term ended."""

from __future__ import annotations

from datetime import date

from factcheck.kinds.common import PAST_FRAMING, claim_for, sentence_of
from factcheck.knowledge.model import Rule
from factcheck.knowledge.rule_kinds import RoleSpec
from factcheck.lang.layer import Analysis
from factcheck.lang.timex import find_times
from factcheck.nlp.claims import Claim

WINDOW = 12  # tokens between the name and its title that still read as one phrase


class RoleRule:
    def __init__(self, rule: Rule) -> None:
        assert isinstance(rule.spec, RoleSpec)
        self.rule, self.spec = rule, rule.spec

    def claims(self, an: Analysis, doc_date: date | None) -> list[Claim]:
        out: list[Claim] = []
        doc = an.doc
        rid = self.rule.id
        roles = [c for c in an.cues if c.label == f"ROLE:{rid}"]
        if not roles:
            return out
        for c in an.cues:
            if not c.label.startswith(f"HOLDER:{rid}:"):
                continue
            holder = self.spec.holders[int(c.label.rsplit(":", 1)[1])]
            if holder.end is None:
                continue  # the current holder
            sent = sentence_of(an, c.start)
            if sent is None:
                continue
            near_roles = [r for r in roles if sent[0] <= r.start < sent[1] and abs(r.start - c.start) <= WINDOW]
            if not near_roles:
                continue
            orgs = [o for o in an.cues if o.label == f"ORG:{rid}" and sent[0] <= o.start < sent[1]]
            if not orgs and self.spec.organization:
                continue
            role = min(near_roles, key=lambda r: abs(r.start - c.start))
            lo, hi = min(c.start, role.start), max(c.end, role.end)
            # "Former Acme Pharma CEO Jane Roe": the past word may stand before the organisation.
            near_orgs = [o for o in orgs if o.end <= lo and lo - o.end <= 2]
            check_lo = min([lo, *[o.start for o in near_orgs]])
            words = {t.lower_.strip("-") for t in doc[max(sent[0], check_lo - 2):min(sent[1], hi + 2)]}
            if words & PAST_FRAMING:
                continue  # "former CEO", "then-chief executive", "was chief executive until"
            text = doc[sent[0]:sent[1]].text
            years = [t.year for t in find_times(text, doc_date) if not t.relative and t.year]
            if any(y <= holder.end.year for y in years):
                continue  # "In 2024, Novo was led by ..." is history
            claim = claim_for(an, lo, hi, sent, self.rule)
            claim.since = holder.end
            out.append(claim)
        return out
