"""Kind `event-date`: a date given for an event that does not fit when it happened.

The language layer finds the event and every explicit date in its clause; the date nearest the
event is compared with the rule's date at the precision the text gives ("in 2018" is wrong for
December 2017; "in late 2017" is not).
"""

from __future__ import annotations

from datetime import date

from factcheck.kinds.common import blocked, claim_for
from factcheck.kinds.vocabulary import event_labels, subject_labels
from factcheck.knowledge.model import PartialDate, Rule
from factcheck.knowledge.rule_kinds import EventDateSpec
from factcheck.lang.layer import Analysis
from factcheck.lang.topic import in_scope
from factcheck.nlp.claims import Claim

# Readings in which a date is not the date of the event: forecasts, conditions, refusals.
NOT_A_DATE_OF_IT = {"expected", "pending", "hypothetical", "negated", "past-forecast"}


def _period(d: date) -> tuple[date, date]:
    if isinstance(d, PartialDate):
        return d.first, d.last
    return d, d


ATTACH_TOKENS = 8  # a date further from its event than this is another event's date


class EventDateRule:
    def __init__(self, rule: Rule, rivals: set[str]) -> None:
        assert isinstance(rule.spec, EventDateSpec)
        self.rule, self.spec = rule, rule.spec
        self.events = event_labels(rule.id, rule.spec.event)
        self.own = subject_labels(rule.id, rule.spec.subject)
        self.rivals = rivals - self.own

    def _attached(self, an: Analysis, ev, t) -> bool:  # type: ignore[no-untyped-def]
        """The date belongs to this event: close to it, with no other event between them
        ("Lykos, renamed in January 2024, filed in December 2023": each date has its own verb)."""
        span = an.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            return False
        ev_labels = self.events
        lo, hi = (ev.cue.end, span.start) if span.start >= ev.cue.end else (span.end, ev.cue.start)
        if hi - lo > ATTACH_TOKENS and ev.clause[0] <= span.start < ev.clause[1]:
            return False
        # An application or filing named as the object ("turned down the application in 2023") is
        # no event of its own here.
        between = [c for c in an.cues_in(lo, hi) if c.label.startswith("EV:") and c.start >= lo
                   and c.label != "EV:submission" and c.label not in ev_labels]
        return not between

    def claims(self, an: Analysis, para_of: dict[int, int], in_domain: bool) -> list[Claim]:
        if self.spec.date is None:
            return []
        true_first, true_last = _period(self.spec.date)
        out: list[Claim] = []
        doc = an.doc
        for ev in an.events:
            if f"EV:{ev.event}" not in self.events or ev.stance.stance in NOT_A_DATE_OF_IT or ev.stance.question:
                continue
            if blocked(an, self.rule, *ev.clause):
                continue
            if not in_scope(an, ev, self.own, self.rivals, para_of.get(ev.sentence[0], 0), default=False):
                continue
            c0, c1 = doc[ev.clause[0]].idx, doc[ev.clause[1] - 1].idx + len(doc[ev.clause[1] - 1])
            times = [t for t in ev.stance.times if not t.relative and t.first and c0 <= t.start < c1]
            if not times:
                # A fact box: "November 2022: new drug application submitted".
                times = [t for t in ev.stance.times if not t.relative and t.first]
                if len(times) != 1:
                    continue
            ev_char = doc[ev.cue.start].idx
            t = min(times, key=lambda t: abs(t.start - ev_char))
            if not self._attached(an, ev, t):
                continue
            if t.last < true_first or t.first > true_last:  # no overlap at the text's precision
                span = doc.char_span(min(t.start, ev_char), max(t.end, doc[ev.cue.end - 1].idx + len(doc[ev.cue.end - 1])),
                                     alignment_mode="expand")
                if span is None:
                    continue
                claim = claim_for(an, span.start, span.end, ev.sentence, self.rule)
                claim.attributed = ev.stance.attributed
                out.append(claim)
        return out
