"""An approval told with "clear": "regulators are expected to clear the drug for PTSD".

"clear" is a licensing verb in news English ("the agency cleared the drug", "it could be cleared
by federal regulators", "urged the FDA to clear the therapy for veterans"), but most of its uses
are something else: an adjective ("the evidence is clear", "a clear therapeutic setting"), a
hurdle passed ("cleared its last hurdle", "cleared phase 2", "clear the way"), or a body ridding
itself of a drug ("cleared from the blood"). A form of the verb is read as an approval only where
it is a verb (a form with an ending, or "clear" after "to" or a modal) and what it clears is not a
hurdle, a stage or a path; the ordinary stance and research readings decide the rest ("cleared
two Phase 3 trials" is an approval of research, not of the drug).
"""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.cues import Cue
from factcheck.lang.wordsets import FUTURE_MODALS

APPROVAL = "EV:approval"
# "clear" with no ending is a verb only after one of these ("to clear", "could clear", "did not clear").
VERB_OPENERS = frozenset(FUTURE_MODALS | {"to", "would", "can", "must", "did", "does", "do", "not", "n't", "never"})
# What follows a clearing that is no licence: "clear up", "cleared from the body", "cleared to
# move into Phase 3" (leave to go on testing), "cleared of wrongdoing".
NOT_AFTER = frozenset({"up", "out", "away", "off", "from", "of", "through", "to", "way", "under", "its", "their",
                       "his", "her", "customs", "security", "that", "whether", "if", "enough", "cut"})
# Objects that make the verb a passage, not a licence: "cleared a major hurdle", "cleared phase 2".
PASSAGES = frozenset({"way", "path", "road", "hurdle", "hurdles", "obstacle", "obstacles", "bar", "barrier",
                      "barriers", "backlog", "phase", "phases", "stage", "stages", "step", "steps", "round", "test",
                      "tests", "review", "reviews", "air", "name", "names", "doubt", "doubts", "bill", "bills",
                      "measure", "house", "senate", "committee", "vote", "threshold", "milestone", "mind",
                      "minds", "head", "heads", "room", "space", "desk", "field", "market", "process", "processes",
                      "scrutiny", "muster", "inspection", "inspections", "check", "checks", "audit"})
# Nouns that "clear" qualifies as an adjective even after "to": "can point to clear efficacy".
JUDGED = frozenset({"efficacy", "evidence", "benefit", "benefits", "results", "signs", "sign", "data", "improvement",
                    "improvements", "effect", "effects", "link", "links", "advantage", "advantages", "difference",
                    "differences", "guidance", "answer", "answers", "picture", "message", "proof", "consensus",
                    "majority", "rules", "criteria", "goal", "winner", "case", "relief", "signal", "signals",
                    "trend", "pattern", "explanation", "reasons", "reason", "view", "sense", "understanding"})
OBJECT_REACH = 5  # "cleared the company's MDMA capsules for ..."


def clearing_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """Approval cues for the verb "clear" used of a licence."""
    out: list[Cue] = []
    for c in cues:
        if c.label != "CLEARING" or c.end - c.start != 1:
            continue
        i = c.start
        word = doc[i].lower_
        if word not in ("clear", "clears", "cleared", "clearing"):
            continue  # "clearer", "clearest"
        if word == "clear" and not _after_an_opener(doc, i):
            continue  # an adjective: "the evidence is clear", "a clear setting"
        if word == "clearing" and i > 0 and doc[i - 1].lower_ in ("the", "a", "of"):
            continue  # a noun: "the clearing of the backlog"
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if nxt in NOT_AFTER or nxt in JUDGED or (nxt == "the" and i + 2 < len(doc) and doc[i + 2].lower_ == "way"):
            continue
        if _clears_a_passage(doc, i + 1):
            continue
        out.append(Cue(APPROVAL, i, i + 1))
    return out


def _after_an_opener(doc: Doc, i: int) -> bool:
    """Whether "clear" at `i` follows "to" or a modal, across one adverb ("could soon clear")."""
    for k in (i - 1, i - 2):
        if k < 0:
            return False
        w = doc[k].lower_
        if w in VERB_OPENERS:
            return True
        if not w.endswith("ly") and w not in ("soon", "still", "yet", "now", "then", "also"):
            return False
    return False


def _clears_a_passage(doc: Doc, j: int) -> bool:
    """Whether the object after the verb (up to a preposition or a stop) names a hurdle or a stage."""
    k = j
    while k < len(doc) and k - j < OBJECT_REACH:
        t = doc[k]
        if t.is_punct and t.text not in ("-", "‑", "'s", "’s"):
            return False
        if t.lower_ in PASSAGES:
            return True
        if t.lower_ in ("for", "by", "in", "on", "as", "and", "with", "after", "before", "at"):
            return False
        k += 1
    return False
