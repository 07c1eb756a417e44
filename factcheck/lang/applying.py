"""A filing told as applying or asking for a licence: "the company applied to the FDA for approval
in February", "it will ask the agency for marketing authorisation next year".

The licence named in such a phrase is what is asked for, not an approval given or forecast: the
phrase is a `submission` event from the verb to the licence's noun, and the licence's own approval
cue is set aside (a `NOTEV` cue over it), so that "applied for approval in February" is read as a
filing dated February, not as an approval expected then.
"""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.cues import Cue

SUBMISSION = "EV:submission"
LICENCES = frozenset({"approval", "licence", "license", "authorisation", "authorization", "registration",
                      "clearance", "permission"})
# Words between "for" and the licence: "for FDA approval", "for full marketing authorisation".
BEFORE_LICENCE = frozenset({"a", "an", "the", "its", "their", "fda", "agency", "government", "full", "formal", "final", "marketing",
                            "market", "regulatory", "federal", "official", "conditional", "provisional", "us", "u.s."})
# What stands between the verb and "for": the body asked ("to the FDA", "the agency").
ASKED_REACH = 6


def applying_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """Submission cues from "applied (to the FDA) for approval", with a NOTEV over the licence."""
    out: list[Cue] = []
    for c in cues:
        if c.label != "APPLYING" or c.end - c.start != 1:
            continue
        k = c.end
        if doc[c.start].lower_.startswith("ask"):
            # "asked the FDA for approval": a body must be asked (not "asked for approval" alone,
            # which the stance cues read)
            if k >= len(doc) or doc[k].lower_ in ("for", "to", "whether", "if", "that"):
                continue
        while k < len(doc) and k - c.end < ASKED_REACH and doc[k].lower_ != "for":
            if doc[k].is_punct and doc[k].text not in ("-", "‑", "'s", "’s"):
                break
            k += 1
        if k >= len(doc) or doc[k].lower_ != "for":
            continue
        j = k + 1
        while j < len(doc) and j - k <= 3 and doc[j].lower_ in BEFORE_LICENCE:
            j += 1
        if j < len(doc) and doc[j].lower_ in LICENCES:
            out.append(Cue(SUBMISSION, c.start, j + 1))
            out.append(Cue("NOTEV", j, j + 1))
    return out
