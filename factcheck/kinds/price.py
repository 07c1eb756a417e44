"""Kind `price`: a price told as today's after it changed ("Wegovy costs $499 a month through
NovoCare" once the price was cut to $349).

A sentence that names the rule's subject (nearest the amount, before any other product) and, when
the rule lists a channel, one of its words, and gives an amount the rule records with an end
date, is the finding, unless it tells the amount as history:
- a past or former word before it ("was $499", "used to cost", "previously", "launched at");
- a change told in the sentence ("cut from $499 to $349", "down from $499"), or a comparison
  ("less than $499", "instead of $499");
- a time named that is over before the price ended ("In March 2025 Wegovy cost $499").
"""

from __future__ import annotations

from datetime import date

from factcheck.kinds.common import blocked, claim_for
from factcheck.kinds.vocabulary import subject_labels
from factcheck.knowledge.model import Rule
from factcheck.knowledge.rule_kinds import Price, PriceSpec
from factcheck.lang.layer import Analysis
from factcheck.lang.money import Money, find_money
from factcheck.lang.timex import find_times
from factcheck.lang.topic import _nearest
from factcheck.nlp.claims import Claim

# Words before an amount that tell it as the past ("was $499", "launched at $499").
PAST_WORDS = {"was", "were", "had", "used", "previously", "formerly", "earlier", "originally", "initially",
              "launched", "then", "once", "old", "former", "prior", "previous"}
# Words right before an amount that make it a point of comparison or the start of a change.
COMPARING = {"from", "than", "of", "versus", "vs", "vs.", "below", "under", "above", "over", "instead"}
PAST_REACH = 8  # tokens before the amount a past word may stand
SUBJECT_REACH = 20  # tokens between the product's name and its price
# Words that hand the rest of the sentence to another subject: "Wegovy costs $349, while Lilly wants $499".
CONTRASTS = {"while", "whereas", "but", ";", "although", "though", "unlike"}
PER = {"a", "per", "/", "each", "every"}
PERIODS = {"month", "week", "year", "dose", "pen", "vial", "fill", "prescription", "box", "pack"}


class PriceRule:
    def __init__(self, rule: Rule, rivals: set[str]) -> None:
        assert isinstance(rule.spec, PriceSpec)
        self.rule, self.spec = rule, rule.spec
        self.own = subject_labels(rule.id, self.spec.subject)
        self.rivals = rivals - self.own
        self.channel = f"CHANNEL:{rule.id}"
        self.ended = [p for p in self.spec.prices if p.until is not None]

    def claims(self, an: Analysis, doc_date: date | None) -> list[Claim]:
        out: list[Claim] = []
        doc = an.doc
        named = an.cues_labelled(self.own)
        if not named:
            return out  # the page never names the subject
        # Only the sentences that name it, each once.
        for sent in dict.fromkeys(s for s in (an.sentence_at(c.start) for c in named) if s is not None):
            own = [c for c in named if sent[0] <= c.start < sent[1]]
            if self.spec.channel and not an.names_in((self.channel,), *sent):
                continue
            s_char = doc[sent[0]].idx
            text = doc[sent[0]:sent[1]].text
            if text.rstrip().endswith("?"):
                continue  # a question asserts nothing
            amounts = find_money(text)
            if not amounts:
                continue
            subjects = [c for c in an.cues_in(*sent) if c.label in self.own or c.label in self.rivals]
            for money in amounts:
                price = self._ended_price(money)
                if price is None:
                    continue
                tok = doc.char_span(s_char + money.start, s_char + money.end, alignment_mode="expand")
                if tok is None:
                    continue
                if _nearest(subjects, self.own, self.rivals, tok.start, doc) != "own":
                    continue  # another product's price ("Ozempic costs $499 and Wegovy $349")
                if not any(_its_price(doc, c.start, c.end, tok.start) for c in own):
                    continue  # too far from the product, or across a contrast ("..., while Lilly wants $499")
                if self._history(an, sent, tok.start, money, amounts, text, doc_date, price):
                    continue
                end = _with_period(an, tok.end, sent[1])
                if blocked(an, self.rule, sent[0], sent[1]):
                    continue
                claim = claim_for(an, tok.start, end, sent, self.rule)
                claim.since = price.until
                out.append(claim)
                break  # one finding per sentence: the first old price named
        return out

    def _ended_price(self, money: Money) -> Price | None:
        for p in self.ended:
            if p.currency == money.currency and abs(p.amount - money.amount) < 0.005:
                return p
        return None

    def _history(self, an: Analysis, sent: tuple[int, int], at: int, money: Money, amounts: list[Money], text: str,
                 doc_date: date | None, price: Price) -> bool:
        doc = an.doc
        before = [t.lower_ for t in doc[max(sent[0], at - PAST_REACH):at]]
        if any(w in PAST_WORDS for w in before):
            return True
        if before and (before[-1] in COMPARING or before[-2:] == ["down", "from"] or before[-2:] == ["rather", "than"]):
            return True
        # A change told: another amount after this one in the same currency ("from $499 to $349").
        if any(m.start > money.start and m.currency == money.currency for m in amounts):
            later = text[money.end:].lower()
            if later.lstrip().startswith(("to ", "-", "–")) or " to " in later[:12]:
                return True
        # A time that is over before the price ended: the sentence tells what it cost then.
        for t in find_times(text, doc_date):
            if not t.relative and t.last is not None and price.until is not None and t.last < price.until:
                return True
        return False


def _its_price(doc, start: int, end: int, at: int) -> bool:  # type: ignore[no-untyped-def]
    """Is the amount at token `at` near the product named at `start:end`, with no contrast between?"""
    lo, hi = (end, at) if end <= at else (at, start)
    return hi - lo <= SUBJECT_REACH and not any(t.lower_ in CONTRASTS for t in doc[lo:hi])


def _with_period(an: Analysis, end: int, sent_end: int) -> int:
    """The amount's span runs over "a month", "per month", "/month"."""
    doc = an.doc
    if end + 1 < sent_end and doc[end].lower_ in PER and doc[end + 1].lower_ in PERIODS:
        return end + 2
    return end
