"""Run a pack's typed rules over a Doc."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from factcheck.kinds.status import StatusRule
from factcheck.kinds.vocabulary import build_matcher
from factcheck.knowledge.model import Pack
from factcheck.knowledge.rule_kinds import StatusSpec
from factcheck.lang.layer import analyse
from factcheck.nlp.claims import Claim


class KindMatchers:
    def __init__(self, nlp: Language, pack: Pack) -> None:
        self.matcher = build_matcher(nlp, pack)
        rivals = {"RIVAL"}
        self.status = [StatusRule(r, rivals) for r in pack.rules.values() if isinstance(r.spec, StatusSpec)]

    def __bool__(self) -> bool:
        return bool(self.status)

    def claims(self, doc: Doc, doc_date: date | None, paragraphs: list[int]) -> list[Claim]:
        if not self:
            return []
        an = analyse(doc, self.matcher, doc_date)
        if not an.events:
            return []
        para_of = _paragraph_starts(doc, an.sentences, paragraphs)
        out: list[Claim] = []
        for rule in self.status:
            out.extend(rule.claims(an, para_of))
        return out


def _paragraph_starts(doc: Doc, sentences: list[tuple[int, int]], paragraphs: list[int]) -> dict[int, int]:
    """For each sentence's first token, the first token of its paragraph."""
    import bisect

    chars = sorted(paragraphs or [0])
    out: dict[int, int] = {}
    first_token_of: dict[int, int] = {}
    for s, _e in sentences:
        pstart_char = chars[max(0, bisect.bisect_right(chars, doc[s].idx) - 1)]
        if pstart_char not in first_token_of:
            first_token_of[pstart_char] = s
        out[s] = first_token_of[pstart_char]
    return out
