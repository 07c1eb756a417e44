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
ORG_LOOKBACK = 2  # sentences back in the paragraph where "the company's chief executive" finds its company
# Words that tell of a handover: the person named is leaving the title, not holding it.
HANDOVER = {"outgoing", "departing", "succeeding", "succeeds", "replacing", "replaces", "predecessor", "exit",
            "exiting", "handing", "hands"}


class RoleRule:
    def __init__(self, rule: Rule) -> None:
        assert isinstance(rule.spec, RoleSpec)
        self.rule, self.spec = rule, rule.spec

    def claims(self, an: Analysis, doc_date: date | None, para_of: dict[int, int] | None = None) -> list[Claim]:
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
            if not orgs and self.spec.organization and not self._company_named_before(an, sent, c, para_of):
                continue
            if self._successor_named(an, sent, holder):
                continue  # "X will take over as chief executive from Y": a handover, told as such
            role = min(near_roles, key=lambda r: abs(r.start - c.start))
            lo, hi = min(c.start, role.start), max(c.end, role.end)
            # "Former Acme Pharma CEO Jane Roe": the past word may stand before the organisation.
            near_orgs = [o for o in orgs if o.end <= lo and lo - o.end <= 2]
            check_lo = min([lo, *[o.start for o in near_orgs]])
            words = {t.lower_.strip("-") for t in doc[max(sent[0], check_lo - 2):min(sent[1], hi + 2)]}
            if words & (PAST_FRAMING | HANDOVER):
                continue  # "former CEO", "then-chief executive", "was chief executive until", "outgoing CEO"
            text = doc[sent[0]:sent[1]].text
            years = [t.year for t in find_times(text, doc_date) if not t.relative and t.year]
            if any(y <= holder.end.year for y in years):
                continue  # "In 2024, Novo was led by ..." is history
            claim = claim_for(an, lo, hi, sent, self.rule)
            claim.since = holder.end
            out.append(claim)
        return out

    def _successor_named(self, an: Analysis, sent: tuple[int, int], holder) -> bool:  # type: ignore[no-untyped-def]
        """A later holder of the title named in the same sentence: the sentence tells of the handover."""
        rid = self.rule.id
        for c in an.cues_in(*sent, prefix=f"HOLDER:{rid}:"):
            other = self.spec.holders[int(c.label.rsplit(":", 1)[1])]
            if other is not holder and other.start and holder.end and other.start >= holder.end:
                return True
        return False

    def _company_named_before(self, an: Analysis, sent: tuple[int, int], at, para_of) -> bool:  # type: ignore[no-untyped-def]
        """"The company's chief executive, Lars ..." after a sentence naming the company: the
        organisation is the one named in the sentences just before, in the same paragraph."""
        if not any(a.label == "ANA" and abs(a.start - at.start) <= WINDOW for a in an.cues_in(*sent)):
            return False
        idx = an.sentence_index(sent)
        para = (para_of or {}).get(sent[0], 0)
        for back in range(idx - 1, max(-1, idx - 1 - ORG_LOOKBACK), -1):
            s = an.sentences[back]
            if s[0] < para:
                break
            if an.cues_in(*s, prefix=f"ORG:{self.rule.id}"):
                return True
        return False
