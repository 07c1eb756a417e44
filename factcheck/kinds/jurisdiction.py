"""Kind `jurisdiction-status`: a place said to have (or not to have) done the event when its
record says otherwise ("Wegovy is still not approved in Europe")."""

from __future__ import annotations

from factcheck.kinds.common import answered_after, blocked_here, claim_for, names_topic
from factcheck.kinds.status import _negated_in_the_past, _span
from factcheck.kinds.vocabulary import event_labels, subject_labels
from factcheck.knowledge.model import Rule
from factcheck.knowledge.rule_kinds import JurisdictionStatusSpec
from factcheck.lang.layer import Analysis
from factcheck.lang.topic import in_scope, never_about
from factcheck.nlp.claims import Claim


class JurisdictionRule:
    def __init__(self, rule: Rule, rivals: set[str]) -> None:
        assert isinstance(rule.spec, JurisdictionStatusSpec)
        self.rule, self.spec = rule, rule.spec
        self.events = event_labels(rule.id, rule.spec.event)
        self.own = subject_labels(rule.id, rule.spec.subject)
        self.rivals = rivals - self.own

    def claims(self, an: Analysis, para_of: dict[int, int]) -> list[Claim]:
        out: list[Claim] = []
        if never_about(an, self.own, self.rivals):
            return out  # no mention can be about the rule's subject (in_scope below)
        for ev in an.events_of(self.events):
            # The stance is read last (see StatusRule.claims).
            if blocked_here(an, self.rule, ev, self.own, para_of.get(ev.sentence[0], 0)):
                continue
            places = [c for c in an.cues_in(*ev.sentence) if c.label.startswith(f"JS:{self.rule.id}:")]
            if not places:
                continue
            if not in_scope(an, ev, self.own, self.rivals, para_of.get(ev.sentence[0], 0)):
                continue
            if not names_topic(an, self.rule, ev, self.own, para_of.get(ev.sentence[0], 0)):
                continue
            if ev.stance.question:
                continue
            place = min(places, key=lambda c: abs(c.start - ev.cue.start))
            state = self.spec.jurisdictions[int(place.label.rsplit(":", 1)[1])]
            said = ev.stance.stance
            if said == "negated" and self.rule.verdict == "outdated" and _negated_in_the_past(an, ev):
                continue  # "No G7 country had approved one until Canada did": history told as such
            if said == "pending" and ev.event == "launch" and _launching_now(an, ev):
                continue  # "Novo is launching Wegovy in Britain": the launch told as it happens
            wrong = (state.status == "done" and said in self.spec.stance) or (state.status == "not" and said in ("done", "current"))
            if not wrong:
                continue
            start, end = _span(an, ev)
            claim = claim_for(an, min(start, place.start), max(end, place.end), ev.sentence, self.rule)
            # As for status claims: someone's words, a quotation or a myth being corrected.
            claim.attributed = ev.stance.attributed or ev.stance.quoted or ev.stance.meta
            claim.attribution = None if ev.stance.meta else ev.stance.attribution
            claim.quoted = ev.stance.quoted
            if claim.attributed and self.rule.verdict == "contradicted":
                claim.corrected_nearby = answered_after(an, ev, para_of.get(ev.sentence[0], 0), para_of)
            if state.since:
                claim.since = state.since
            out.append(claim)
        return out


def _launching_now(an: Analysis, ev) -> bool:  # type: ignore[no-untyped-def]
    """A launch in the present progressive ("is launching", "are rolling out") or as the means of
    another verb ("made news by launching it in India"): the event itself, not one still awaited."""
    doc, k = an.doc, ev.cue.start
    return doc[k].lower_.endswith("ing") and k > 0 and doc[k - 1].lower_ in ("is", "are", "'s", "now", "by")
