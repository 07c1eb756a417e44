"""An approval told as entering a list of approved medicines.

"the two psychedelics join the list of medicines approved by the Australian regulator", "put both
drugs on the regulator's list of approved medicines": no approval verb acts on the drug, yet each
says it is now an approved medicine. A verb of entering, the noun "list" and, after it, a word
of approval and a medicine noun make the verb an approval cue; the stance reading then decides
(done, expected, negated ...).
"""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.cues import Cue

APPROVAL = "EV:approval"
LIST_NOUNS = frozenset({"list", "register", "registry", "formulary"})
APPROVAL_WORDS = frozenset({"approved", "registered", "licensed", "licenced", "authorised", "authorized",
                            "permitted", "recognised", "recognized", "accepted"})
MEDICINE_NOUNS = frozenset({"medicine", "medicines", "drugs", "drug", "treatments", "therapies", "products",
                            "medications", "remedies"})
TO_LIST = 10  # words from the verb to "list": "put both drugs on the regulator's list"
AFTER_LIST = 6  # words after "list" that say what it lists: "of medicines approved by the regulator"


def listing_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """Approval cues from a verb of entering to the end of "the list of approved medicines"."""
    out: list[Cue] = []
    for c in cues:
        if c.label != "LISTING":
            continue
        noun = next((j for j in range(c.end, min(len(doc), c.end + TO_LIST)) if doc[j].lower_ in LIST_NOUNS), None)
        if noun is None or any(doc[j].text in (".", ";", ":") for j in range(c.end, noun)):
            continue
        tail = [doc[j].lower_ for j in range(noun + 1, min(len(doc), noun + 1 + AFTER_LIST))]
        if "." in tail:
            tail = tail[:tail.index(".")]
        before = [doc[j].lower_ for j in range(max(c.end, noun - 2), noun)]  # "the approved medicines list"
        words = tail + before
        if any(w in APPROVAL_WORDS for w in words) and any(w in MEDICINE_NOUNS for w in words):
            out.append(Cue(APPROVAL, c.start, noun + 1))
    return out
