"""Access to a treatment told as what patients are able to get: "veterans may soon be able to get
MDMA-assisted therapy", "patients will be able to receive the treatment through their insurer".

No approval word, yet each says the treatment is, or will be, open to patients outside a trial,
which is what an approval or a lawful route gives. "able to" with a verb of getting and a
treatment noun after it makes an approval cue; the stance reading decides the rest ("may soon be
able to" is expected, "are now able to" current), and the research reading keeps access inside a
trial ("able to receive the drug in the trial") apart.
"""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.becoming import MEDICINE_HEADS
from factcheck.lang.cues import Cue

APPROVAL = "EV:approval"
GETTING = frozenset({"get", "receive", "access", "obtain"})
OBJECT_REACH = 5  # "get ecstasy-guided therapy", "receive the new MDMA-assisted treatment"
# Treatments that are not the drug's own: "able to get trauma therapy" is no access to a new drug.
GENERIC_THERAPIES = frozenset({"talk", "trauma", "standard", "usual", "existing", "other", "conventional", "group",
                               "cognitive", "exposure", "behavioural", "behavioral", "any", "no", "some", "regular"})


def access_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """Approval cues from "able to get" to the treatment noun after it."""
    out: list[Cue] = []
    for c in cues:
        if c.label != "ABLE":
            continue
        verb = c.end + 1  # the cue is "able to"
        if c.end >= len(doc) or doc[c.end].lower_ != "to" or verb >= len(doc) or doc[verb].lower_ not in GETTING:
            continue
        head = _treatment_after(doc, verb + 1)
        if head is not None:
            out.append(Cue(APPROVAL, c.start, head + 1))
    return out


def _treatment_after(doc: Doc, j: int) -> int | None:
    """The treatment noun heading the object that starts at `j`, if it comes within reach."""
    k = j
    while k < len(doc) and k - j < OBJECT_REACH:
        t = doc[k]
        w = t.lower_
        if w in MEDICINE_HEADS and w not in ("reality", "option", "options", "cure"):
            return k
        if w in GENERIC_THERAPIES:
            return None
        if t.is_punct and t.text not in ("-", "‑"):
            return None
        if w in ("for", "through", "in", "at", "from", "with", "by", "on", "if", "when", "and", "or"):
            return None
        k += 1
    return None
