"""A filing told as handing something over to a regulator.

"It intends to present the results to the Food and Drug Administration", "MAPS means to take
the data to the FDA", "will put the application before the agency": no filing word, yet each
tells of a submission. A verb of handing over, a noun of evidence as its object and a regulator
after "to" or "before" make the verb a submission cue; the ordinary stance reading then decides
what the sentence holds (done, expected, hypothetical ...).

The regulator is needed: "presented the results to the conference" or "took the data to a
journal" are no filing.
"""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.cues import Cue
from factcheck.lang.wordsets import BE_FORMS, RESEARCH_OUTPUTS, ROMAN

SUBMISSION = "EV:submission"
# What is handed over when a drug is filed for approval.
EVIDENCE_NOUNS = RESEARCH_OUTPUTS | {"application", "dossier", "package", "file", "submission"}
# Words that may stand between the verb and its noun: "take all of the trial data", "present its
# Phase 3 results".
# ("over" for "hand over the results", a possessive for "Lykos' results", numbers for "its two trials")
OBJECT_FILLERS = frozenset({"the", "its", "their", "our", "his", "her", "these", "those", "this", "that", "all", "of",
                            "trial", "trials", "study", "studies", "clinical", "phase", "final", "full", "new",
                            "complete", "positive", "latest", "pooled", "combined", "mdma", "research", "safety",
                            "efficacy", "and", "an", "a", "over", "'s", "'", "two", "both"}) | ROMAN
RECIPIENT_WORDS = frozenset({"to", "before"})
# The regulator's own words: an authority noun, or a drug regulator's name or acronym (not the DEA,
# which schedules drugs but approves none).
REGULATOR_ACRONYMS = frozenset({"fda", "tga", "ema", "mhra", "pmda", "anvisa"})
# Words after the regulator that make the audience its advisers: "present the data to the FDA's
# advisory committee" is the advisers' meeting, not a filing.
ADVISERS = frozenset({"advisory", "advisers", "advisors", "committee", "panel", "hearing", "meeting", "'s"})
REGULATOR_TITLES = frozenset({"administration", "agency", "authority"})
# Words that make a hand-over a second filing ("present its data to the FDA for reconsideration",
# "take the data back to the agency"): a request to look again, not the first application a pack
# dates.
AGAIN = frozenset({"again", "anew", "back", "reconsideration", "reconsider", "resubmission", "appeal"})
# Words before a regulator's name: "to the country's drug regulator", "to the US Food and Drug Administration".
BEFORE_REGULATOR = frozenset({"the", "us", "u.s.", "and", "'s", "country", "nation", "national", "federal", "drug",
                              "drugs", "medicines", "its", "their"})
OBJECT_REACH = 6
RECIPIENT_REACH = 6  # "the results of its two trials to ..."
REGULATOR_REACH = 6  # "to the US Food and Drug Administration"


def handing_over_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """Submission cues on the verb of "present the results to the FDA", "hand over the data to the agency"."""
    verbs = [c for c in cues if c.label == "HAND"]  # the verbs, matched in all their forms (cues.yaml)
    if not verbs:
        return []
    authorities = {i for c in cues if c.label == "AUTH" for i in range(c.start, c.end)}
    out: list[Cue] = []
    for c in verbs:
        noun = _evidence_after(doc, c.end)
        if noun is not None and _regulator_after(doc, noun + 1, authorities):
            out.append(Cue(SUBMISSION, c.start, c.end))
        elif _evidence_as_subject(doc, c.start) and _regulator_after(doc, c.end, authorities):
            out.append(Cue(SUBMISSION, c.start, c.end))  # "the results will be presented to the FDA"
    return out


def _evidence_as_subject(doc: Doc, verb: int) -> bool:
    """A passive hand-over with a noun of evidence as its subject: "the Phase 3 results will be
    presented to the FDA", "the data were sent to the agency" (the verb's own participle after a
    form of "be", the noun a few words before it)."""
    if verb < 2 or doc[verb - 1].lower_ not in BE_FORMS or not doc[verb].lower_.endswith(("ed", "en", "t", "d")):
        return False
    return any(doc[k].lower_ in EVIDENCE_NOUNS for k in range(max(0, verb - 6), verb - 1))


def _evidence_after(doc: Doc, i: int) -> int | None:
    """The index of a noun of evidence within a few filler words of `i`."""
    for j in range(i, min(len(doc), i + OBJECT_REACH + 1)):
        w = doc[j].lower_
        if w in EVIDENCE_NOUNS:
            return j
        if w not in OBJECT_FILLERS and not doc[j].like_num:  # "its Phase 3 results"
            return None
    return None


def _regulator_after(doc: Doc, i: int, authorities: set[int]) -> bool:
    """"to the FDA", "before the agency", "to the Food and Drug Administration" right after the noun."""
    j = i
    # "the results of the trials to the FDA": an "of" phrase on the noun first.
    while j < len(doc) and j - i < RECIPIENT_REACH and doc[j].lower_ not in RECIPIENT_WORDS:
        if not (doc[j].is_alpha or doc[j].like_num or doc[j].text == "-"):
            return False
        j += 1
    if j >= len(doc) or doc[j].lower_ not in RECIPIENT_WORDS:
        return False
    for k in range(j + 1, min(len(doc), j + 1 + REGULATOR_REACH)):
        tok = doc[k]
        if k in authorities or tok.lower_ in REGULATOR_ACRONYMS or (tok.is_title and tok.lower_ in REGULATOR_TITLES):
            end = k + 1
            while end in authorities:
                end += 1  # "drug regulator" is one authority
            if any(doc[m].lower_ in ADVISERS for m in range(k + 1, min(len(doc), end + 1))):
                return False
            return not _handed_again(doc, i, end)
        if not (tok.is_title or tok.lower_ in BEFORE_REGULATOR):
            return False
    return False


def _handed_again(doc: Doc, noun_end: int, regulator_end: int) -> bool:
    """"... back to the FDA", "... to the FDA again", "... to the FDA for reconsideration"."""
    return any(doc[k].lower_ in AGAIN for k in range(noun_end, min(len(doc), regulator_end + 3)))
