"""What an approval or filing is of: the product, or research on it.

"approved a Phase 3 trial", "FDA approval of the study protocol", "the go-ahead from the DEA to run
a trial", "approved the use of MDMA in large-scale clinical trials": the approval is of research,
not a licence for the product (the language layer renames such mentions `research-approval`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from factcheck.lang.cues import Cue, practitioner_words
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
        words = _words_of(between) if between is not None and c.start >= ev.end else None
        if words is not None and len(words) <= 5 \
                and all(object_word(t) or (k == len(words) - 1 and _modifier_of_the_research(t))
                        for k, t in enumerate(words)):
            return True  # "approval for a Phase 3 trial", "approved the study" (not "approval looks likely after trials")
        if 0 <= c.start - ev.end <= 5 and between is None:
            return True
        if between is not None and 0 <= c.start - ev.end <= 9 \
                and any(t.lower_ == "to" and t.i > 0 and doc[t.i - 1].lower_ not in TO_AS_PREPOSITION
                        for t in between[-4:]):
            return True  # a purpose: "given the go-ahead by the DEA to run a trial" (not "thanks to trials")
        if between is not None and 0 <= c.start - ev.end <= 14 and any(t.lower_ in ("use", "using") for t in between[:3]) \
                and any(t.lower_ in ("in", "for") for t in between[-4:]):
            return True  # "approved the use of MDMA (ecstasy) in large-scale clinical trials", "its blessing to using MDMA in a trial"
    return False


# Words that make the "to" after them a preposition, not the mark of a purpose.
TO_AS_PREPOSITION = {"thanks", "due", "owing", "according", "prior", "next", "close", "similar", "compared", "up",
                     "leading", "led", "contrary", "thank"}


# Words that may stand between an approval and the research it is of: prepositions, determiners,
# numbers and the adjectives of a trial ("the go-ahead for two large Phase 3 clinical trials").
OBJECT_WORDS = {"for", "of", "to", "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these",
                "two", "three", "four", "several", "large", "larger", "small", "new", "further", "additional",
                "another", "more", "pivotal", "phase", "clinical", "human", "first", "second", "third", "final",
                "late-stage", "early-stage", "late", "early", "mid", "stage", "randomized", "randomised", "controlled",
                "-", "in", "on", "us", "u.s.", "scale", "large-scale",
                "with", "as", "part", "through", "psychotherapy", "therapy", "assisted", "it", "them"}


_HYPHENS = ("-", "‑")


def _words_of(span) -> list[Token]:  # type: ignore[no-untyped-def]
    """The span's words with a hyphenated compound counted once, by its first part ("a
    first-of-its-kind trial" is two words before the trial)."""
    out = []
    for t in span:
        if t.text in _HYPHENS:
            continue
        if t.i > 0 and t.doc[t.i - 1].text in _HYPHENS and not t.doc[t.i - 1].whitespace_ and t.i - 1 > span.start:
            continue
        out.append(t)
    return out


# Words right before a trial noun that are no modifier of it ("approval after trials").
_NOT_MODIFIERS = {"after", "before", "since", "following", "despite", "from", "when", "once", "until", "pending",
                  "without", "upon", "by", "at", "into", "through", "over", "under", "than", "like", "about",
                  "against", "among", "between", "more", "further", "and", "or", "but", "if", "whether", "is",
                  "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could", "may",
                  "outside", "inside", "within", "during", "beyond", "except", "besides", "beside", "throughout",
                  "in", "of", "on", "for", "to", "with", "via", "across", "around", "near", "toward", "towards",
                  "ahead", "pre", "post", "successful", "positive", "negative", "many", "several", "two", "all"}


def _modifier_of_the_research(t: Token) -> bool:
    """A word that qualifies the trial noun right after it: "clears ecstasy study", "approved the
    psilocybin trial" (any word of letters that is no preposition, conjunction or verb form)."""
    return t.is_alpha and t.lower_ not in _NOT_MODIFIERS and not t.lower_.endswith(("ed", "ing"))


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
                   "access", "program", "programme", "scheme",
                  # people let into a scheme: "has cleared only 50 patients for this therapy"
                  "patients", "people", "veterans", "participants", "individuals", "volunteers"}
_BEFORE_OBJECT = {"a", "an", "the", "its", "their", "this", "that", "these", "two", "three", "several", "new", "further",
                  "final", "formal", "national", "federal", "domestic", "local", "canadian", "australian", "key",
                  "increased", "expanded", "wider", "broader", "early", "limited", "compassionate", "only", "just",
                  "about", "some", "around", "nearly", "almost", "dozens", "of"}


def of_a_measure(doc: Doc, ev: Cue, sent_end: int) -> bool:
    """An approval verb whose object is a legal text, a plan or a body, not a medicine: "the
    government approved an amendment to the regulations", "has authorised a company to make it"."""
    if ev.end - ev.start != 1 or not doc[ev.start].lower_.endswith(("ed", "es", "s")):
        return False  # a verb's form ("approved", "authorises"), not the noun "approval"
    k = ev.end
    while k < sent_end and k - ev.end < 3 and (doc[k].lower_ in _BEFORE_OBJECT or doc[k].like_num):
        k += 1
    return k < sent_end and doc[k].lower_ in MEASURE_OBJECTS


PEOPLE = frozenset({"patients", "people", "veterans", "participants", "individuals", "volunteers", "patient",
                    "sufferers", "survivors"})
_BE = frozenset({"been", "be", "is", "are", "was", "were", "being"})
# What may open a subject of people: "Fifty patients", "the first 50 veterans", "only some people".
_PEOPLE_OPENERS = frozenset({"the", "a", "an", "some", "several", "dozens", "hundreds", "of", "only", "just", "about",
                             "around", "nearly", "almost", "more", "than", "first", "few", "many", "those", "these",
                             "selected", "eligible", "israeli", "swiss", "american", "canadian", "australian"})


# Verbs of holding a permission: "psychiatrists who receive authorisation may prescribe it".
_HOLDING = frozenset({"receive", "receives", "received", "obtain", "obtains", "obtained", "hold", "holds", "get",
                      "gets", "gain", "gains", "have", "has", "secure", "secures", "seek", "seeks", "need", "needs"})
# People who may hold a permission to act (a practitioner's, not a product's): the language
# layer's `practitioners` list, and the pronouns of whoever.
_WHOEVER = frozenset({"those", "anyone"})


_PERMISSION_WORDS = frozenset({"a", "an", "the", "special", "their", "formal", "official", "this", "such"})


def _held_by_practitioners(doc: Doc, ev: Cue, sent_start: int) -> bool:
    """"psychiatrists who receive authorisation", "doctors who hold a licence": the permission of
    the people who act, not of the product."""
    k = ev.start - 1
    while k > sent_start and ev.start - k <= 3 and doc[k].lower_ in _PERMISSION_WORDS:
        k -= 1
    return (k - 2 >= sent_start and doc[k].lower_ in _HOLDING and doc[k - 1].lower_ in ("who", "that")
            and (doc[k - 2].lower_ in practitioner_words() or doc[k - 2].lower_ in _WHOEVER))


def of_people_let_in(doc: Doc, ev: Cue, sent_start: int) -> bool:
    """A passive approval whose subject is people let into a scheme, not a product: "Fifty patients
    with severe PTSD have been cleared for the therapy", "the first veterans were approved for it";
    or a permission practitioners hold ("psychiatrists who receive authorisation may prescribe it")."""
    if _held_by_practitioners(doc, ev, sent_start):
        return True
    if ev.end - ev.start != 1 or not doc[ev.start].lower_.endswith("ed"):
        return False
    k = ev.start - 1
    if k > sent_start and doc[k].lower_.endswith("ly"):
        k -= 1  # "have been officially approved"
    if k <= sent_start or doc[k].lower_ not in _BE:
        return False
    for p in range(k - 1, max(sent_start, k - 9) - 1, -1):
        if doc[p].is_punct:
            return False
        if doc[p].lower_ in PEOPLE:
            # the subject's head: only determiners, numbers and a few adjectives open it
            return all(t.lower_ in _PEOPLE_OPENERS or t.like_num for t in doc[sent_start:p])
    return False


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
