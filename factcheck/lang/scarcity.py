"""Shortages told without the word: demand running ahead of supply; the state's tense read from
what it does or the phrase that opens the sentence; and a restock's stance read as the shortage's.

Demand running ahead of supply: "demand far exceeds supply", "demand for
Ozempic and Wegovy is outrunning what the manufacturer can supply", "with demand outstripping
production".

The verb of outrunning enters (a cue the matcher already found); the reader looks back in its
clause for "demand" and ahead for what it outruns: supply, production, capacity, or what someone
"can make". "Sales outpaced forecasts" and "demand exceeded expectations" name no supply and
are not read. The cue spans the verb through what it outruns, so the ordinary tense reading sees
the auxiliary before it ("is outrunning") or the verb's own form ("exceeds", "outstripped").
"""

from __future__ import annotations

import copy

from spacy.tokens import Doc

from factcheck.lang.aspect import _clause_tense
from factcheck.lang.cues import Cue
from factcheck.lang.stance_model import Stance

SHORTAGE = "EV:shortage"
DEMAND = frozenset({"demand", "demands"})
# What demand outruns: a noun of supply, or a verb of making after "what ... can".
SUPPLY_NOUNS = frozenset({"supply", "supplies", "production", "output", "capacity", "manufacturing",
                          "inventory", "inventories", "stock", "stocks"})
MAKING_VERBS = frozenset({"supply", "make", "produce", "manufacture", "deliver", "ship", "provide"})
# Words that end the search: another clause or sentence part.
STOPS = frozenset({",", ";", ".", ":", "but", "because", "while", "although", "though", "which", "who"})
REACH_BACK = 8   # "demand for Ozempic and Wegovy in the United States is outrunning"
REACH_AHEAD = 7  # "outrunning what the manufacturer can supply"
# Finite forms of the outrunning verbs: their tense is the state's ("demand exceeds supply" holds now).
PRESENT_FORMS = frozenset({"exceeds", "exceed", "outstrips", "outstrip", "outpaces", "outpace", "outruns", "outrun",
                           "surpasses", "surpass", "outweighs", "outweigh", "overwhelms", "overwhelm", "outgrows",
                           "outgrow"})
PAST_FORMS = frozenset({"exceeded", "outstripped", "outpaced", "outran", "surpassed", "outweighed", "overwhelmed",
                        "outgrew"})


def demand_over_supply_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """`shortage` event cues from the verb of outrunning through what demand outruns."""
    out: list[Cue] = []
    for c in cues:
        if c.label != "OUTRUN":
            continue
        if not _demand_before(doc, c.start):
            continue
        end = _supply_after(doc, c.end)
        if end is not None:
            out.append(Cue(SHORTAGE, c.start, end))
    return out


def shortage_tense(words: list[str], sent: tuple[int, int], cs: int, ce: int, es: int, ee: int) -> str | None:
    """The tense a shortage is told in when no auxiliary says it: the outrunning verb's own form
    ("demand far exceeds supply"), a present verb of effect after the state noun ("the shortages
    mean ...", "have made it hard"), or an opening "with" phrase, which holds while the sentence's
    verb does ("With supplies short, pharmacies are rationing the pens")."""
    tense = _outrun_tense(words[es])
    if tense is None and _effect_after(words, ee, ce):
        tense = "present"
    if tense is None and _absolute_with(words, sent[0], cs, es):
        tense = _clause_tense(words, cs, sent[1], es)
    return tense


def _outrun_tense(word: str) -> str | None:
    """"present" or "past" for a finite form of an outrunning verb, else None."""
    if word in PRESENT_FORMS:
        return "present"
    if word in PAST_FORMS:
        return "past"
    return None


# Present verbs of what a state does, right after the state noun as its subject ("the shortages
# mean ...", "shortages force pharmacies to ...").
EFFECT_VERBS = frozenset({"mean", "means", "make", "makes", "leave", "leaves", "force", "forces", "push", "pushes",
                          "drive", "drives", "keep", "keeps", "affect", "affects", "hit", "hits", "hamper", "hampers",
                          "limit", "limits", "prevent", "prevents", "cause", "causes", "frustrate", "frustrates",
                          "threaten", "threatens"})
# Their participles after "have"/"has": the perfect of a state that still holds ("have made it hard").
EFFECT_PARTICIPLES = frozenset({"made", "left", "forced", "pushed", "driven", "kept", "affected", "hit", "hampered",
                                "limited", "prevented", "caused", "frustrated", "threatened", "meant", "led",
                                "prompted", "sent"})


def _effect_after(words: list[str], ee: int, ce: int) -> bool:
    """The state noun is the subject of a present verb of effect right after it."""
    if ee >= ce:
        return False
    w = words[ee]
    if w in EFFECT_VERBS:
        return True
    return w in ("have", "has") and ee + 1 < ce and words[ee + 1] in EFFECT_PARTICIPLES


def _absolute_with(words: list[str], ss: int, cs: int, es: int) -> bool:
    """"with" opens the sentence (or its clause) a few words before the event, with no comma
    between: an absolute phrase ("With demand high and supplies short, ...")."""
    opener = next((i for i in (cs, ss) if i < es and words[i] == "with"), None)
    return opener is not None and es - opener <= 6 and not any(w in (",", ";") for w in words[opener:es])


def _demand_before(doc: Doc, verb: int) -> bool:
    for k in range(verb - 1, max(-1, verb - 1 - REACH_BACK), -1):
        w = doc[k].lower_
        if w in DEMAND:
            return True
        if w in STOPS or doc[k].is_sent_start:
            return False
    return False


def _supply_after(doc: Doc, start: int) -> int | None:
    """The end of what demand outruns: its noun ("supply", "the company's production"), or the
    verb of making after "what" ("what Novo can make")."""
    saw_what = False
    for k in range(start, min(len(doc), start + REACH_AHEAD)):
        w = doc[k].lower_
        if w in STOPS or (k > start and doc[k].is_sent_start):
            return None
        if w == "what":
            saw_what = True
        elif w in SUPPLY_NOUNS and not (saw_what and w == "supply"):
            return k + 1
        elif saw_what and w in MAKING_VERBS:
            return k + 1
    return None


def shortage_of_restock(stance: Stance, doc: Doc) -> Stance | None:
    """The shortage's stance read from its end's: a restock to come means the shortage holds now."""
    cue = stance.cue
    if stance.stance in ("expected", "pending") and cue is not None and _told_in_the_past(doc, cue.start):
        return None  # "struggled to make enough pens to meet demand in 2023": an effort of then
    if stance.stance in ("expected", "pending", "negated", "hypothetical", "ended"):
        # "can no longer keep up with demand": supply that has stopped meeting demand is a shortage.
        out = "current" if stance.stance != "hypothetical" else None
    elif stance.stance in ("done", "current"):
        out = "ended"
    else:
        out = None
    if out is None:
        return None
    mapped = copy.copy(stance)
    mapped.stance, mapped.negated = out, False
    return mapped


def _told_in_the_past(doc: Doc, i: int) -> bool:
    """The stance word is a past verb, or has a past auxiliary right before it ("struggled to",
    "was working to"); not the perfect of now ("has struggled to keep up")."""
    before = doc[i - 1].lower_ if i > 0 else ""
    past_form = doc[i].lower_.endswith("ed") and before not in ("has", "have", "'ve", "'s")
    return past_form or before in ("was", "were", "had")
