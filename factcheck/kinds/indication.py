"""Kind `indication`: a licence or permission said to cover a condition it does not cover
("Australia lets psychiatrists prescribe MDMA for treatment-resistant depression": it covers PTSD).

In a sentence that tells of a licence or permission (one of the rule's events, not denied), each
list of conditions introduced by a word of purpose ("for", "to treat", "such as") is bound to the
products named after the previous list and before it, so that "MDMA for PTSD and psilocybin for
depression" gives each product its own list. The statement is wrong when a condition of the list
is covered for none of its products, or when the rule's subject is bound to a list none of whose
conditions it covers ("psilocybin and MDMA for treatment-resistant depression"). A list with no
product named before it ("to treat patients with these conditions") is left alone.
"""

from __future__ import annotations

from factcheck.kinds.common import blocked, claim_for
from factcheck.kinds.vocabulary import event_labels, listed_labels, subject_labels
from factcheck.knowledge.model import Rule
from factcheck.knowledge.rule_kinds import IndicationSpec
from factcheck.lang.cues import Cue
from factcheck.lang.layer import Analysis
from factcheck.lang.places import country_of
from factcheck.lang.topic import in_jurisdiction
from factcheck.nlp.claims import Claim

# Words that join the conditions of one list ("PTSD and treatment-resistant depression",
# "depression, anxiety, PTSD (PTSD)", "PTSD as well as depression").
LIST_GLUE = {",", "and", "or", "&", "as", "well", "also", "both", "(", ")", "/", "the", "its", "alike", "plus",
             "along", "with", "together"}
# Words that open a list of what a product is for ("for", "to treat", "in treating patients with",
# "conditions such as", "certain cases of").
PURPOSE = {"for", "treat", "treating", "treatment", "against", "to", "with", "as", "of", "in", "address",
           "addressing", "tackle", "tackling", "manage", "managing"}
PURPOSE_REACH = 5  # tokens between the purpose word and the list ("for mental conditions such as")
# Words that open another clause: its products are not the list's ("reclassifying psilocybin and
# MDMA so that psychiatrists may prescribe psilocybin for depression").
CLAUSE_EDGES = {";", "so", "which", "while", "whereas", "although", "though", "because", "whilst"}
# A stance under which nothing is said to be covered.
NOT_SAID = {"negated", "refused"}


class IndicationRule:
    def __init__(self, rule: Rule, home_jurisdiction: str | None = None) -> None:
        assert isinstance(rule.spec, IndicationSpec)
        self.rule, self.spec = rule, rule.spec
        self.events = event_labels(rule.id, rule.spec.event)
        self.own = subject_labels(rule.id, rule.spec.subject)
        self.companions = [listed_labels(c.subject, f"COMP:{rule.id}:{i}") for i, c in enumerate(rule.spec.companions)]
        self.covered_prefix = f"IND:{rule.id}:"
        self.other_label = f"COND:{rule.id}"
        self.unnamed_place_ok = home_jurisdiction is None or home_jurisdiction == country_of(rule.spec.jurisdiction)

    def claims(self, an: Analysis, para_of: dict[int, int]) -> list[Claim]:
        out: list[Claim] = []
        if not an.names_in(self.own, 0, len(an.doc)):
            return out
        # What each sentence would be flagged for, read first: most name no list a product is
        # bound to, and then no mention's stance need be read (the costliest test here). A
        # sentence reported once is emptied, so its other event mentions add nothing.
        wrong: dict[tuple[int, int], list[Claim]] = {}
        for ev in an.events_of(self.events):
            found = wrong.get(ev.sentence)
            if found is None:
                found = wrong[ev.sentence] = self._wrong_lists(an, ev.sentence)
            if not found or ev.stance.question or ev.stance.stance in NOT_SAID:
                continue
            if self.spec.jurisdiction and not in_jurisdiction(an, ev, self.spec.jurisdiction,
                                                              para_of.get(ev.sentence[0], 0),
                                                              default=self.unnamed_place_ok):
                continue
            out.extend(found)
            wrong[ev.sentence] = []
        return out

    def _wrong_lists(self, an: Analysis, sent: tuple[int, int]) -> list[Claim]:
        cues = an.cues_in(*sent)
        products = self._products(cues)
        if not any(who == "own" for _, who in products):
            return []
        out: list[Claim] = []
        previous_end = sent[0]
        for start, end, conditions in self._condition_lists(an, cues, sent):
            named = _last_run(an, [(c, who) for c, who in products if previous_end <= c.start and c.end <= start], start)
            previous_end = end
            if not any(who == "own" for _, who in named):
                continue
            whose = {who for _, who in named}
            uncovered = any(not (covers & whose) for covers in conditions)
            own_has_none = not any("own" in covers for covers in conditions)
            if not (uncovered or own_has_none):
                continue
            first = min(c.start for c, _ in named)
            if blocked(an, self.rule, first, end):
                continue
            out.append(claim_for(an, first, end, sent, self.rule))
        return out

    def _products(self, cues: list[Cue]) -> list[tuple[Cue, str | int]]:
        """Each product mention: the subject ("own") or a companion's index."""
        out: list[tuple[Cue, str | int]] = []
        for c in cues:
            if c.label in self.own:
                out.append((c, "own"))
                continue
            for i, labels in enumerate(self.companions):
                if c.label in labels:
                    out.append((c, i))
                    break
        return out

    def _condition_lists(self, an: Analysis, cues: list[Cue], sent: tuple[int, int]):  # type: ignore[no-untyped-def]
        """Each list of conditions opened by a word of purpose: (first token, end, for each
        condition the set of products that cover it: "own" and companion indices)."""
        doc = an.doc
        spans: dict[tuple[int, int], set[str | int]] = {}
        for c in cues:
            if c.label.startswith(self.covered_prefix):
                who = c.label[len(self.covered_prefix):]
                spans.setdefault((c.start, c.end), set()).add("own" if who == "own" else int(who))
            elif c.label == self.other_label:
                spans.setdefault((c.start, c.end), set())
        # The longest name wins: "treatment-resistant depression" is not also "depression".
        kept = sorted(s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans))
        k = 0
        while k < len(kept):
            start = kept[k][0]
            group = [kept[k]]
            k += 1
            while k < len(kept) and all(doc[i].lower_ in LIST_GLUE for i in range(group[-1][1], kept[k][0])):
                group.append(kept[k])
                k += 1
            opener = doc[max(sent[0], start - PURPOSE_REACH):start]
            if any(t.lower_ in PURPOSE for t in opener):
                yield start, group[-1][1], [spans[g] for g in group]



def _last_run(an: Analysis, named: list[tuple[Cue, str | int]], list_start: int) -> list[tuple[Cue, str | int]]:
    """The products of the clause that holds a list of conditions, back from it to a clause's
    edge: "reclassifying psilocybin and MDMA so that psychiatrists may prescribe psilocybin for
    depression" binds psilocybin alone; "MDMA, known as ecstasy, and psilocybin ... for PTSD and
    depression" binds both ("and" before another product continues the list)."""
    doc = an.doc
    starts = {c.start for c, _ in named}
    edge = 0
    for i in range(list_start - 1, -1, -1):
        word = doc[i].lower_
        if word in CLAUSE_EDGES or (word in ("and", "but", "or") and i > 0 and doc[i - 1].text == ","
                                    and i + 1 not in starts and not _product_follows(doc, i + 1, starts)):
            edge = i + 1
            break
    return [(c, who) for c, who in named if c.start >= edge]


def _product_follows(doc, at: int, starts: set[int]) -> bool:  # type: ignore[no-untyped-def]
    """A product within two words ("and the psilocybin", "and also MDMA")."""
    return any(k in starts for k in range(at, min(at + 3, len(doc))))
