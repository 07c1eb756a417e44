"""Kind `name`: a registered name printed wrong ("Federal Drug Administration"), or an acronym
spelled out as something else ("the FDA (Food and Drug Agency)")."""

from __future__ import annotations

import re

from factcheck.kinds.common import claim_for, sentence_of
from factcheck.knowledge.model import Rule
from factcheck.knowledge.rule_kinds import NameSpec
from factcheck.lang.layer import Analysis
from factcheck.nlp.claims import Claim


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("&", "and")).strip()


class NameRule:
    def __init__(self, rule: Rule) -> None:
        assert isinstance(rule.spec, NameSpec)
        self.rule, self.spec = rule, rule.spec
        self.accepted = {_norm(n) for n in [self.spec.canonical, *self.spec.aliases]}

    def claims(self, an: Analysis) -> list[Claim]:
        out: list[Claim] = []
        for c in an.cues:
            sent = sentence_of(an, c.start)
            if sent is None:
                continue
            if c.label == f"NAME:wrong:{self.rule.id}":
                out.append(claim_for(an, c.start, c.end, sent, self.rule))
            elif c.label == f"NAME:acronym:{self.rule.id}" and self.spec.acronym:
                span = self._expansion(an, c.start, c.end)
                if span is not None:
                    out.append(claim_for(an, span[0], span[1], sent, self.rule))
        return out

    def _expansion(self, an: Analysis, start: int, end: int) -> tuple[int, int] | None:
        """An expansion next to the acronym whose initials fit it but whose words are not the
        registered name: "Food and Drug Agency (FDA)" or "FDA (Federal Drug Administration)"."""
        doc = an.doc
        letters = len(self.spec.acronym or "")
        # "EXPANSION (ACR)": the capitalised words just before the bracket.
        if start >= 2 and doc[start - 1].text == "(" and end < len(doc) and doc[end].text == ")":
            j = start - 2
            words = []
            while j >= 0 and len(words) < letters + 3 and (doc[j].is_title or doc[j].lower_ in ("and", "of", "for", "&")):
                words.append(j)
                j -= 1
            while words and doc[min(words)].lower_ in ("the", "a", "an", "and", "of", "for", "&"):
                words.remove(min(words))  # "The" opening a sentence is capitalised, not part of the name
            if words:
                s, e = min(words), max(words) + 1
                return self._judge(doc[s:e].text, s, e)
        # "ACR (EXPANSION)"
        if end + 1 < len(doc) and doc[end].text == "(":
            k = end + 1
            while k < len(doc) and doc[k].text != ")" and k - end < letters + 5:
                k += 1
            if k < len(doc) and doc[k].text == ")":
                return self._judge(doc[end + 1:k].text, end + 1, k)
        return None

    def _judge(self, text: str, s: int, e: int) -> tuple[int, int] | None:
        norm = _norm(text)
        if not norm or norm in self.accepted or any(norm.endswith(a) or a.endswith(norm) for a in self.accepted):
            return None
        initials = "".join(w[0] for w in norm.split() if w not in ("and", "of", "for", "the"))
        if initials != (self.spec.acronym or "").lower():
            return None  # a different thing in brackets, not an expansion of this acronym
        return s, e
