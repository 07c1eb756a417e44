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
from factcheck.lang.stages import final_stage_cues
from factcheck.lang.verdicts import verdict_cues


def construction_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """The event cues of every construction reader ("could become a treatment", "the final phase of
    testing", "present the results to the FDA", "reach a different conclusion", "put it on the list
    of approved medicines", "classed as a medicine", "could clear the drug for PTSD", "will be able to get the therapy", "applied to the FDA for approval"), in the readers' order."""
    return (becoming_cues(doc, cues) + standing_modifier_cues(doc, cues) + standing_now_cues(doc, cues)
            + final_stage_cues(doc, cues) + handing_over_cues(doc, cues) + verdict_cues(doc, cues)
            + listing_cues(doc, cues) + classing_cues(doc, cues) + clearing_cues(doc, cues)
            + access_cues(doc, cues) + applying_cues(doc, cues))
