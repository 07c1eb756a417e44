"""Which approval, review and availability mentions speak of a regulator's licence.

A status rule reads "approval" and "review" wherever the words stand; these checks set aside the
mentions that name something else: a drug studied for a use (research, not a review), an ethics
board's go-ahead for a trial, and availability told with a price (a sale). A review counts as a
regulator's only when a regulator, an authority or an application is named with it or, for a bare
"under review", just before it.
"""

from __future__ import annotations

from factcheck.lang.layer import Analysis, EventMention, per_mention
from factcheck.lang.wordsets import BE_FORMS

LICENCE_OBJECTS = {"indication", "approval", "licence", "license", "licensing", "authorisation", "authorization",
                   "marketing"}


# What a drug is studied for: "being investigated for medical use", "examined for its potential".
USES = {"use", "uses", "potential", "treatment", "treating", "therapeutic", "medical", "medicinal", "benefits",
        "effects", "efficacy", "value", "promise"}
RESEARCH_PARTICIPLES = {"investigated", "examined", "explored", "studied", "tested", "researched"}


def studied_for_a_use(an: Analysis, ev: EventMention) -> bool:
    """"MDMA is currently being investigated for medical use in the USA": a drug, in the passive,
    studied for what it may do is research, whatever country the sentence names; only an agent
    that is a regulator ("examined by the FDA for ...") makes it a review."""
    doc = an.doc
    s0, s1 = ev.sentence
    if not (ev.cue.end - ev.cue.start == 1 and doc[ev.cue.start].lower_ in RESEARCH_PARTICIPLES):
        return False  # ("being reviewed for medical use" is a regulator's review)
    if not any(doc[k].lower_ in BE_FORMS for k in range(max(s0, ev.cue.start - 3), ev.cue.start)):
        return False
    k = ev.cue.end
    if k >= s1 or doc[k].lower_ not in ("for", "as"):
        return False
    if not any(doc[j].lower_ in USES for j in range(k + 1, min(s1, k + 4))):
        return False
    by = next((j for j in range(ev.cue.end, s1) if doc[j].lower_ == "by"), None)
    return by is None or not any(c.label == "AUTH" or c.label.startswith("JUR:") for c in an.cues_in(by, min(s1, by + 6)))


@per_mention
def regulatory(an: Analysis, ev: EventMention) -> bool:
    """A review or decision is a regulator's when the sentence names one, an authority, or an
    application before it, or when the sentence before names the regulator ("The FDA approved
    Mounjaro on Friday. Tirzepatide is also under review for weight management.")."""
    def names_one(start: int, end: int) -> bool:
        return any(c.label == "AUTH" or c.label.startswith("JUR:") or c.label == "EV:submission"
                   for c in an.cues_in(start, end))

    doc = an.doc
    if studied_for_a_use(an, ev):
        return False
    if names_one(*ev.sentence):
        return True
    # What is weighed is a licence: "under consideration for an indication", "reviewed for approval".
    if any(doc[k].lower_ in LICENCE_OBJECTS for k in range(ev.cue.end, min(ev.sentence[1], ev.cue.end + 4))) \
            and ev.cue.end < ev.sentence[1] and doc[ev.cue.end].lower_ == "for":
        return True
    if not any(doc[k].lower_ in ("under", "being") for k in range(max(ev.sentence[0], ev.cue.start - 3), ev.cue.start)):
        # only a bare "under review" or "is being reviewed" borrows the regulator from the sentence before
        return False
    i = an.sentence_index(ev.sentence)
    if i > 0 and an.sentences[i] == ev.sentence:
        # the two sentences before: "The FDA approved Mounjaro on Friday. In trials it beat other
        # diabetes drugs. Tirzepatide is also being reviewed for weight management."
        return any(c.label == "AUTH" or c.label.startswith("JUR:")
                   for before in an.sentences[max(0, i - 2):i] for c in an.cues_in(*before))
    return False


ETHICS_WORDS = {"ethics", "ethical", "irb", "hrec"}


@per_mention
def by_an_ethics_body(an: Analysis, ev: EventMention) -> bool:
    """An approval given by an ethics committee or review board (named in its clause before it)."""
    return any(an.doc[k].lower_ in ETHICS_WORDS for k in range(ev.clause[0], ev.cue.start))


# Availability words that a price turns into a sale ("offered from $299", "available for $149 a month").
OFFER_WORDS = {"offered", "offer", "available"}


def offered_at_a_price(an: Analysis, ev: EventMention) -> bool:
    """An availability event told with a price in its clause: what is sold, not what is licensed."""
    doc = an.doc
    if not any(doc[k].lower_ in OFFER_WORDS for k in range(ev.cue.start, ev.cue.end)):
        return False
    return any(doc[k].text[:1] in "$€£" or doc[k].lower_ in ("dollars", "euros", "pounds", "rupees")
               for k in range(ev.clause[0], ev.clause[1]))
