"""What an approval or filing is of: the product, or research on it.

"approved a Phase 3 trial", "FDA approval of the study protocol", "the go-ahead from the DEA to run
a trial", "approved the use of MDMA in large-scale clinical trials": the approval is of research,
not a licence for the product (the language layer renames such mentions `research-approval`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from factcheck.lang.cues import Cue
from factcheck.lang.wordsets import RESEARCH_OUTPUTS


def of_research(cues: list[Cue], clause: tuple[int, int], ev: Cue, doc: Doc | None = None) -> bool:
    """An approval whose object is a trial, protocol or grant ("approved for a Phase 3 trial",
    "FDA approval of the study protocol", "the go-ahead from the DEA to run a trial")."""
    for c in cues:
        if c.label != "RESEARCH" or not clause[0] <= c.start < clause[1]:
            continue
        if c.end == ev.start:
            return True
        if doc is not None and c.end < len(doc) and doc[c.end].lower_ in RESEARCH_OUTPUTS:
            continue  # "trial data", "study results": what the research gave, handed over or approved on
        between = doc[ev.end:c.start] if doc is not None else None
        if between is not None and any(t.text in (",", ";") for t in between):
            continue  # "approve MDMA, designed its trials": the trials are another clause's
        if 0 <= c.start - ev.end <= 5 and between is not None and all(object_word(t) for t in between):
            return True  # "approval for a Phase 3 trial", "approved the study" (not "approval looks likely after trials")
        if 0 <= c.start - ev.end <= 5 and between is None:
            return True
        if between is not None and 0 <= c.start - ev.end <= 9 and any(t.lower_ == "to" for t in between[-4:]):
            return True  # a purpose: "given the go-ahead by the DEA to run a trial"
        if between is not None and 0 <= c.start - ev.end <= 14 and any(t.lower_ == "use" for t in between[:3]) \
                and any(t.lower_ in ("in", "for") for t in between[-4:]):
            return True  # "approved the use of MDMA (ecstasy) in large-scale clinical trials"
    return False


# Words that may stand between an approval and the research it is of: prepositions, determiners,
# numbers and the adjectives of a trial ("the go-ahead for two large Phase 3 clinical trials").
OBJECT_WORDS = {"for", "of", "to", "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these",
                "two", "three", "four", "several", "large", "larger", "small", "new", "further", "additional",
                "another", "more", "pivotal", "phase", "clinical", "human", "first", "second", "third", "final",
                "late-stage", "early-stage", "late", "early", "mid", "stage", "randomized", "randomised", "controlled",
                "-", "in", "on", "us", "u.s.", "scale", "large-scale",
                "with", "as", "part", "through", "psychotherapy", "therapy"}


def object_word(t: Token) -> bool:
    return t.lower_ in OBJECT_WORDS or t.like_num or t.is_upper or t.is_title


# What a government or regulator may approve that is no medicine: a legal text, a plan, a body
# ("approved an amendment to the regulations", "has authorised a company to make MDMA").
MEASURE_OBJECTS = {"amendment", "amendments", "regulation", "regulations", "rule", "rules", "change", "changes",
                   "bill", "bills", "law", "laws", "plan", "plans", "proposal", "proposals", "motion", "budget",
                   "framework", "policy", "policies", "guideline", "guidelines", "exemption", "exemptions",
                   "company", "companies", "firm", "firms", "manufacturer", "manufacturers", "producer", "producers",
                   "supplier", "suppliers", "deal", "merger", "takeover", "sale", "funding", "grant",
                   # an access scheme: "approves increased access to MDMA", "approved an expanded access program"
                   "access", "program", "programme", "scheme"}
_BEFORE_OBJECT = {"a", "an", "the", "its", "their", "this", "that", "these", "two", "three", "several", "new", "further",
                  "final", "formal", "national", "federal", "domestic", "local", "canadian", "australian", "key",
                  "increased", "expanded", "wider", "broader", "early", "limited", "compassionate"}


def of_a_measure(doc: Doc, ev: Cue, sent_end: int) -> bool:
    """An approval verb whose object is a legal text, a plan or a body, not a medicine: "the
    government approved an amendment to the regulations", "has authorised a company to make it"."""
    if ev.end - ev.start != 1 or not doc[ev.start].lower_.endswith(("ed", "es", "s")):
        return False  # a verb's form ("approved", "authorises"), not the noun "approval"
    k = ev.end
    while k < sent_end and k - ev.end < 3 and doc[k].lower_ in _BEFORE_OBJECT:
        k += 1
    return k < sent_end and doc[k].lower_ in MEASURE_OBJECTS


# Designations an agency grants on the way to a decision, which writers call an approval ("approved
# MDMA as a breakthrough therapy").
DESIGNATION_WORDS = {"breakthrough", "fast-track", "fast", "orphan", "priority"}


def of_a_designation(doc: Doc, ev: Cue, sent_end: int) -> bool:
    """An approval "as a breakthrough therapy", "for fast-track status": a designation granted."""
    for k in range(ev.end, min(sent_end, ev.end + 6)):
        if doc[k].lower_ in ("as", "for", "with") and k + 2 < sent_end:
            nxt = [t.lower_ for t in doc[k + 1:k + 3]]
            if nxt[0] in DESIGNATION_WORDS or (nxt[0] in ("a", "an", "the") and nxt[1] in DESIGNATION_WORDS):
                return True
        if doc[k].text in (",", ";", "."):
            return False
    return False
