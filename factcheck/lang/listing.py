"""An approval told as entering a list of approved medicines.

"the two psychedelics join the list of medicines approved by the Australian regulator", "put both
drugs on the regulator's list of approved medicines": no approval verb acts on the drug, yet each
says it is now an approved medicine. A verb of entering, "to"/"on"/"onto" (or "join" itself) before
the list, and after the list a word of approval and a medicine noun, with no negation, make the
verb an approval cue; the stance reading then decides (done, expected, negated ...).

Not an approval: the list as the verb's own object ("put out a list of approved medicines",
"included a list of ..."), or a list of what is not approved ("placed MDMA on the list of drugs
with no accepted medical use", the wording of Schedule I).
"""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.cues import Cue
from factcheck.lang.wordsets import PRODUCT_NOUNS

APPROVAL = "EV:approval"
LIST_NOUNS = frozenset({"list", "register", "registry", "formulary"})
APPROVAL_WORDS = frozenset({"approved", "registered", "licensed", "licenced", "authorised", "authorized",
                            "permitted"})
# Words that turn the list into one of what is not approved.
NEGATIONS = frozenset({"no", "not", "non", "without", "unapproved", "unregistered", "unlicensed", "unlicenced",
                       "unauthorised", "unauthorized", "banned", "prohibited", "controlled", "illegal", "scheduled"})
# What stands before the list when a thing enters it: "on the list", "to its list", "onto a register".
INTO = frozenset({"to", "on", "onto", "in", "into"})
# Words that end the stretch a verb reaches: another clause or list item begins.
STOPS = frozenset({".", ";", ":", ",", "but", "and", "or", "that", "which", "who", "with", "out"})
TO_LIST = 12  # words from the verb to "list": "put both MDMA and psilocybin on the Therapeutic Goods Administration's list"
AFTER_LIST = 6  # words after "list" that say what it lists: "of medicines approved by the regulator"


def listing_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """Approval cues on the verb of "put both drugs on its list of approved medicines"."""
    out: list[Cue] = []
    for c in cues:
        if c.label != "LISTING":
            continue
        noun = _list_entered(doc, c)
        if noun is None:
            continue
        tail = []
        for j in range(noun + 1, min(len(doc), noun + 1 + AFTER_LIST)):
            if doc[j].lower_ in STOPS - {"with"}:
                break
            tail.append(doc[j].lower_)
        before = [doc[j].lower_ for j in range(max(c.end, noun - 2), noun)]  # "the approved medicines list"
        words = tail + before
        if set(words) & NEGATIONS:
            continue
        if any(w in APPROVAL_WORDS for w in words) and any(w in PRODUCT_NOUNS for w in words):
            # (the verb alone: the drug's name between the verb and the list stays outside the cue)
            out.append(Cue(APPROVAL, c.start, c.end))
    return out


def _list_entered(doc: Doc, c: Cue) -> int | None:
    """The index of the list the verb puts something into: "join the list", "on its list", "to the
    national register" within a few words, with no other clause between."""
    direct = doc[c.start].lower_.startswith("join")
    for j in range(c.end, min(len(doc), c.end + TO_LIST)):
        w = doc[j].lower_
        if w in LIST_NOUNS:
            before = [doc[k].lower_ for k in range(c.end, j)]
            # "join the list"; otherwise a preposition of entering before the list's determiners
            # (a regulator's long name may stand between: "on the Therapeutic Goods Administration's list")
            return j if direct or any(b in INTO for b in before[-7:]) else None
        if w in STOPS and not (w == "and" and any(doc[k].lower_ == "both" for k in range(c.end, j))):
            return None  # (not the "and" of "both MDMA and psilocybin")
    return None
