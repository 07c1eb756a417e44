"""An approval told as a drug classed as a medicine, or given a medicine's status.

"MDMA has now been classed as a medicine", "the country may recognise ecstasy as a pharmaceutical
drug", "it was given medicine status by the authorities": no approval verb, yet each says the
drug is, or will be, a licensed medicine. A verb of classing with "as" and a medicine after it, or
"status" named by a medicine word, makes an approval cue; the stance reading decides the rest.

Not a licence: what a drug is regarded as ("regarded as a promising treatment" judges it), a
drug classed as something else ("classified as a Schedule I drug"), or a study's status.
"""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.becoming import DETERMINERS, JUDGEMENTS, MEDICINE_HEADS
from factcheck.lang.cues import Cue

APPROVAL = "EV:approval"
# "drug" is a medicine only with one of these before it ("a pharmaceutical drug", not "a party drug").
MEDICAL_MODIFIERS = frozenset({"pharmaceutical", "prescription", "medical", "medicinal", "therapeutic", "licensed",
                               "licenced", "legal", "registered", "approved"})
# Words that name a status as a medicine's: "medicine status", "prescription-drug status".
STATUS_WORDS = frozenset({"medicine", "medicinal", "medical", "prescription", "pharmaceutical", "drug", "medication"})
GIVING = frozenset({"given", "granted", "awarded", "received", "gained", "won", "got", "obtained", "earned", "give",
                    "gives", "grant", "grants", "gain", "gains", "win", "wins", "get", "gets", "receive", "receives"})
OBJECT_REACH = 5  # "recognise MDMA-assisted therapy for PTSD as ..."
APPOSITION_REACH = 9  # ", the active ingredient of ecstasy,"
MODIFIER_REACH = 2


def classing_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """Approval cues for "classed as a medicine" and "given medicine status"."""
    out: list[Cue] = []
    for c in cues:
        if c.label == "CLASSING":
            head = _as_a_medicine(doc, c.end)
            if head is not None:
                out.append(Cue(APPROVAL, c.start, head + 1))
        elif c.label == "STATUS":
            first = c.start - 1
            if first < 0 or doc[first].lower_ not in STATUS_WORDS:
                continue  # "trial status", "legal status" name no medicine's standing
            while first - 1 >= 0 and c.start - first < 3 and doc[first - 1].lower_ in STATUS_WORDS | {"-"}:
                first -= 1
            k = first - 1
            while k >= 0 and first - k <= 2 and doc[k].lower_ in DETERMINERS | {"full", "official", "formal"}:
                k -= 1
            start = k if k >= 0 and doc[k].lower_ in GIVING else first
            out.append(Cue(APPROVAL, start, c.end))
    return out


def _as_a_medicine(doc: Doc, i: int) -> int | None:
    """The medicine head of "... as a (pharmaceutical) drug" within reach of token `i`."""
    j, reach, aside = i, OBJECT_REACH, False
    while j < len(doc) and j - i <= reach and doc[j].lower_ != "as":
        if doc[j].text == "," and not aside:
            # an aside between commas: "recognise MDMA, the active ingredient of ecstasy, as a medicine"
            close = next((k for k in range(j + 1, min(len(doc), j + 1 + APPOSITION_REACH)) if doc[k].text == ","), None)
            if close is None:
                return None
            reach += close - j + 1
            j, aside = close + 1, True
            continue
        if doc[j].is_punct and doc[j].text not in ("-", "‑"):
            return None
        j += 1
    if j >= len(doc) or doc[j].lower_ != "as":
        return None
    k = j + 1
    if k < len(doc) and doc[k].lower_ in DETERMINERS:
        k += 1
    mods: list[str] = []
    while k < len(doc) and len(mods) <= MODIFIER_REACH:
        w = doc[k].lower_
        if w in MEDICINE_HEADS or (w in ("drug", "drugs", "product") and set(mods) & MEDICAL_MODIFIERS):
            return None if set(mods) & JUDGEMENTS else k
        if not (doc[k].is_alpha or doc[k].text in ("-", "‑")) or (w.endswith("s") and len(w) > 3):
            return None  # ("classified as reuptake inhibitors affects treatment": nouns and verbs, no modifiers)
        mods.append(w)
        k += 1
    return None
