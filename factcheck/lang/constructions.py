"""Cues read from a construction rather than a phrase list, added to a Doc's matched cues.

Each reader enters through a cheap cue the matcher already found (a verb, a noun, an adverb) and
looks only at the few words around it: no loop over every token of the Doc.
"""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.access import access_cues
from factcheck.lang.applying import applying_cues
from factcheck.lang.becoming import becoming_cues, standing_modifier_cues, standing_now_cues
from factcheck.lang.classing import classing_cues
from factcheck.lang.clearing import clearing_cues
from factcheck.lang.cues import Cue
from factcheck.lang.handing import handing_over_cues
from factcheck.lang.listing import listing_cues
from factcheck.lang.scarcity import demand_over_supply_cues
from factcheck.lang.stages import final_stage_cues
from factcheck.lang.verdicts import verdict_cues

# The labels the readers read besides the pack's terms (each reader looks only at cues of these
# labels, and at the Doc's words): all generic, so every pack's matcher finds the same ones.
_READ_LABELS = frozenset({"BECOME", "MODAL", "ST:expected", "STANDADV", "STAGE", "HAND", "AUTH", "VERDICT",
                          "LISTING", "CLASSING", "STATUS", "CLEARING", "ABLE", "APPLYING",
                          "OUTRUN"})
_MEMO_KEY = "factcheck_construction_cues"


def construction_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """The event cues of every construction reader ("could become a treatment", "the final phase of
    testing", "present the results to the FDA", "reach a different conclusion", "put it on the list
    of approved medicines", "classed as a medicine", "could clear the drug for PTSD", "will be able to get the therapy", "applied to the FDA for approval",
    "demand far exceeds supply"), in the readers' order."""
    # Each reader is handed only the cues it reads (eleven walks over every cue of a pack cost
    # more than the readers), and what the generic readers find is kept per Doc and set of cues
    # they read: every pack's analysis of the Doc asks the same. Only the terms are the pack's own.
    read = [c for c in cues if c.label in _READ_LABELS]
    memo: dict[tuple[Cue, ...], tuple[list[Cue], ...]] = doc.user_data.setdefault(_MEMO_KEY, {})
    key = tuple(read)
    found = memo.get(key)
    if found is None:
        found = memo[key] = (
            becoming_cues(doc, read), standing_now_cues(doc, read), final_stage_cues(doc, read),
            handing_over_cues(doc, read), verdict_cues(doc, read), listing_cues(doc, read), classing_cues(doc, read),
            clearing_cues(doc, read), access_cues(doc, read), applying_cues(doc, read),
            demand_over_supply_cues(doc, read))
    becoming, now, *rest = found
    terms = [c for c in cues if c.label.startswith("TERM:")]
    return [*becoming, *standing_modifier_cues(doc, terms), *now, *(c for part in rest for c in part)]
