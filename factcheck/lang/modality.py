"""Modality of an event: the modal that governs it, the conditions and requirements that make it
hypothetical, and forecasts told as history. Part of the stance readers (stance.py)."""

from __future__ import annotations

import bisect
from itertools import pairwise

from spacy.tokens import Doc

from factcheck.lang.aspect import _aux_before, _irregular_past
from factcheck.lang.attribution import SUBORDINATORS
from factcheck.lang.copulas import PAST_BE, PRESENT_BE
from factcheck.lang.cues import Cue
from factcheck.lang.lemmas import lemma_of
from factcheck.lang.wordsets import (
    ADVERBS,
    CONDITIONAL_OPENERS,
    COUNTERFACTUAL_MODALS,
    FORECAST_VERBS,
    FUTURE_MODALS,
    INVERSION_SUBJECTS,
    IRREGULAR_PARTICIPLES,
    LIGHT_VERBS,
    MID_CLAUSE_CONDITIONS,
    MODAL_CARRIERS,
    OBJECT_STARTS,
    OBTAIN,
    OPENING_CARRIERS,
    PARTICIPLE_FOLLOWERS,
    PAST_PERFECT,
    PERFECT,
    REQUIREMENT,
    SECTION_DETERMINERS,
    STEP_NOUNS,
)

# Words that open a clause: after them "once" is a conjunction ("once the panel has voted, the FDA
# is expected to decide"), not "formerly" ("the once-expected approval").
CLAUSE_OPENERS = {"the", "a", "an", "it", "they", "we", "he", "she", "its", "their", "this", "that", "these", "those",
                  "regulators", "approval", "approved", "there"}


def _once_as_conjunction(words: list[str], c: Cue) -> bool:
    return words[c.start] == "once" and c.end < len(words) and words[c.end] in CLAUSE_OPENERS


# Participles of believing or saying after a past "be": "was thought to be close", "were said to be near".
THOUGHT_PAST = {"thought", "believed", "said", "considered", "reported", "seen", "expected", "rumoured", "rumored",
                "understood", "felt", "deemed"}


def _past_framed(doc: Doc, words: list[str], cs: int, cue: Cue, inside: list[Cue], ce: int | None = None) -> bool:
    """A forecast told as history: "approval was expected", "seemed close", "analysts predicted",
    "the goal of approval by 2021 was missed"."""
    if any(c.label == "ST:past" and not _passive_used(words, c) and not _once_as_conjunction(words, c) for c in inside):
        return True
    aux = _aux_before(words, cs, cue.start)
    if aux == "past":
        return True
    k = cue.start
    if k - 4 >= cs and words[k - 2:k] == ["to", "be"] and words[k - 3] in THOUGHT_PAST and words[k - 4] in PAST_BE:
        return True  # "the FDA was thought to be close to approving it": a belief of the past
    if aux is None and ce is not None and words[cue.start] in ("goal", "goals", "aim", "aims", "target"):
        # A forecast named as a noun is history when its clause's verb is: "the goal ... was missed".
        for i in range(cue.end, min(ce, cue.end + 12)):
            if words[i] in (",", ";", "which", "that", "who", "but"):
                break
            if words[i] in PAST_BE or words[i] in PAST_PERFECT:
                return True
            if words[i] in PRESENT_BE or words[i] in PERFECT:
                break
    if aux in ("present", "perfect", "modal"):
        return False
    w = words[cue.start]
    if w in ("closer", "nearer") and cue.start - 1 > cs and words[cue.start - 1].endswith("ed") \
            and lemma_of(words[cue.start - 1]) in FORECAST_VERBS \
            and words[cue.start - 2] not in ("is", "are", "has", "have", "'s", "been", "be", "being"):
        return True  # "MDMA therapy edged closer to approval in 2019": a movement told as history
    tag = doc[cue.start].tag_
    if tag in ("VBD", "VBN") and w.endswith("ed"):
        # The parser tells a finite past verb ("analysts predicted approval") from a participle
        # ("a decision expected in August"), where it has read the sentence.
        return tag == "VBD"
    if w.endswith("ed") and lemma_of(w) in FORECAST_VERBS:
        # "Analysts predicted approval by 2021": a finite past verb after its subject, with an
        # object; "a decision expected in August" is a participle (passive, present).
        prev = words[cue.start - 1] if cue.start - 1 >= cs else ""
        nxt = words[cue.end] if cue.end < len(words) else ""
        if nxt in PARTICIPLE_FOLLOWERS:
            return False
        # An attributive participle after a determiner ("the expected approval") is no past verb.
        return prev not in ("is", "are", "'s", "be", "been", "being", "widely", "generally", "now", "the", "a", "an",
                            "its", "their", "this", "much", "long", "widely-expected") and cue.start > cs
    return False


def _passive_used(words: list[str], c: Cue) -> bool:
    """"may be used to treat PTSD" is a passive of "use", not the habitual past "used to"."""
    return words[c.start] == "used" and c.start > 0 and words[c.start - 1] in ("be", "been", "being", "is", "are",
                                                                               "was", "were")


# "will be allowed to prescribe", "will be permitted to": a permission to come is the modal's.
PERMISSION_PARTICIPLES = {"allowed", "permitted", "authorised", "authorized", "enabled"}
# Verbs whose outcome is the event after "to"/"for"/"in"/"into" ("will lead to approval").
# "will advance to the last stage of testing": the stage is where the verb goes.
LEADING = {"lead", "pave", "open", "result", "clear", "advance", "progress", "proceed", "move"}
# "will let authorised psychiatrists prescribe": a participle after these is an adjective.
PERMITTING = {"let", "allow", "allows", "permit", "permits", "enable", "enables"}


def _modal_before(words: list[str], cs: int, es: int, ce: int | None = None,
                  event_starts: set[int] | None = None) -> str | None:
    """A modal or future auxiliary governing the event: "will approve", "could be approved",
    "may soon win approval" (up to five words before it, not across another verb group), or
    right after an event noun that is the subject ("approval could come by 2021").
    `event_starts`: where other event cues start in the clause ("will approve Wegovy for fatty
    liver disease": the modal's verb is itself an event)."""
    if ce is not None and not words[es].endswith("ed"):
        # after the event noun and its "of ..." phrase: "approval of the treatment could come"
        # ("Phase 3 trials of MDMA will begin": the "of" may follow the rest of the noun group)
        reach = es + 7 if "of" in words[es + 1:min(ce, es + 4)] else es + 4
        for i in range(es + 1, min(ce, reach)):
            w = words[i]
            if (w in FUTURE_MODALS and w != "going") or w in ("would", "'d"):
                return _modal_reading(words, i, ce, event_starts, after_event=True)
            if w in (",", ";", ".", "that", "which", "who", "and", "but"):
                break
    shared = _modal_of_first_conjunct(words, cs, es)
    if shared is not None:
        return shared
    for i in range(es - 1, max(cs, es - 6) - 1, -1):
        w = words[i]
        if w == "going" and i + 1 < len(words) and words[i + 1] == "to":
            return "past" if i > cs and words[i - 1] in ("was", "were") else "will"
        if w == "to" and i - 1 >= cs and words[i - 1] in ("is", "are", "was", "were") \
                and i + 1 < len(words) and lemma_of(words[i + 1]) in LIGHT_VERBS | {"decide", "rule", "vote", "meet"}:
            # "which is to make a final ruling by Aug. 11": a plan or schedule ("was to": a past one)
            return "past" if words[i - 1] in ("was", "were") else "will"
        if (w in FUTURE_MODALS and w != "going") or w in ("would", "'d"):
            return _modal_reading(words, i, es, event_starts)
        if w in (".", ",", ";", "and", "but", "by", "with") and i < es - 1:
            return None
        if w in SUBORDINATORS | {"that", "which", "who", "whenever", "after", "before", "until", "once"} and i < es:
            return None  # "will move faster when it reviews the drug": the modal is the main clause's
        # Another verb between the modal and the event takes the modal: "should be supervised
        # by licensed therapists" (but "could soon win approval", "may become a legal drug").
        if i < es - 1 and (w.endswith("ed") or w.endswith("ing")) and w not in OBTAIN and w not in (
                "being", "getting", "becoming", "expected", "anticipated", "predicted", "projected", "tipped") \
                and w not in PERMISSION_PARTICIPLES and not (i - 1 >= cs and words[i - 1] in PERMITTING):
            return None
    return None


def _modal_of_first_conjunct(words: list[str], cs: int, es: int) -> str | None:
    """A participle joined by "and"/"or" to a modal passive shares its modal: "could be used for
    therapy and sold as a prescription drug" (sold: could), not a past tense of its own."""
    w = words[es]
    if es - 1 <= cs or words[es - 1] not in ("and", "or") \
            or not (w.endswith("ed") or w in IRREGULAR_PARTICIPLES or _irregular_past(w)):
        return None
    for i in range(es - 2, max(cs, es - 10), -1):
        if words[i] in (",", ";", ".", "but"):
            return None
        if words[i] == "be" and words[i - 1] in FUTURE_MODALS | {"would"}:
            return "would" if words[i - 1] == "would" else words[i - 1]
    return None


def _governs(words: list[str], cue: Cue, es: int, event_starts: set[int]) -> bool:
    """Does a forecasting cue ending in "to" ("plans to", "aims to") reach the event after it?
    "plans to seek approval", "hopes to win approval" yes; "plans to appeal the decision" no
    (the plan is the appeal)."""
    if words[cue.end - 1] != "to" or cue.end > es:
        return True
    j = cue.end
    while j < es and words[j] in ADVERBS:
        j += 1
    return j == es or words[j] in MODAL_CARRIERS or words[j] in OBTAIN or j in event_starts \
        or lemma_of(words[j]) in LIGHT_VERBS


def _modal_reading(words: list[str], m: int, stop: int, event_starts: set[int] | None = None,
                   after_event: bool = False) -> str | None:
    """What the modal at `m` does to the event: the modal itself ("will", "could"), "would" for a
    counterfactual ("could have turned", "might have been"), or None when it governs another
    verb ("will link approval to ...", "approval could transform psychiatry"). `stop`: the
    event's first token when the modal comes before it, else the clause end; `after_event`: the
    modal follows the event noun, its subject ("the trials will start recruiting")."""
    w = words[m]
    j = m + 1
    while j < min(stop, len(words)) and (words[j] in ADVERBS or words[j] in ("not", "n't", "never", "yet")):
        j += 1
    nxt = words[j] if j < len(words) else ""
    if nxt == "have" and w in COUNTERFACTUAL_MODALS:
        return "would"
    if w in ("may", "can") and m + 1 < len(words) and words[m + 1] == "now":
        return None  # "it may now be prescribed": a permission held now, not a forecast
    if w in ("would", "'d"):
        return "would"
    if j >= stop and stop <= m + 6 and stop > m:
        return w  # nothing but adverbs between the modal and the event: "will (soon) approve"
    if after_event and nxt in OPENING_CARRIERS and j + 1 < len(words) and words[j + 1] in OBJECT_STARTS:
        return None  # "approval could start a new era" is what approval would do, not approval to come
    if nxt in MODAL_CARRIERS or nxt in OBTAIN or j in (event_starts or ()):
        return w
    if lemma_of(nxt) in LEADING and m < stop <= j + 6 and any(w in ("to", "for", "in", "into") for w in words[j + 1:stop]):
        return w  # "will lead to FDA approval", "could pave the way for approval": the event is the outcome
    if nxt in PERMITTING and m < stop <= j + 5:
        return w  # "will let authorised psychiatrists prescribe it": the permission is to come
    if lemma_of(nxt) in LIGHT_VERBS and m < stop <= j + 5:
        return w  # a verb whose object is the event: "will hold a public advisory committee meeting"
    return None


def _still_required(words: list[str], cs: int, es: int) -> bool:
    """"still needs final authorisation", "has yet to need"... : a requirement held as still open
    is the event pending, not a condition ("approval would require another trial")."""
    for i in range(max(cs, es - 5), es):
        if words[i] in REQUIREMENT and i - 1 >= cs and words[i - 1] in ("still", "yet"):
            return True
    return False


def _condition_opens_before(words: list[str], cs: int, es: int) -> bool:
    """A condition opened inside the clause, right before the event with its own subject: "would
    allow prescribing once the drug is rescheduled". Adverbial "once" ("was once legal") has no
    subject after it."""
    # (twelve words: the subject may be a long name, "once the United States Food and Drug
    # Administration has approved them")
    for i in range(es - 2, max(cs, es - 12) - 1, -1):
        w = words[i]
        if w in (",", ";"):
            return False
        if w in MID_CLAUSE_CONDITIONS and words[i + 1] not in ADVERBS \
                and words[i + 1] not in PRESENT_BE | PAST_BE | PERFECT:
            return True
        # "so some can be treated before the drug is formally approved": a present verb after
        # "before" or "until" tells of an act still to come ("before it was banned" is history).
        # ("the last step before ecstasy is approved" tells how near it is: a forecast)
        if w in ("before", "until", "till") and i + 1 < es and not (i > 0 and words[i - 1] in STEP_NOUNS) \
                and any(x in ("is", "are", "gets", "get", "has", "have") for x in words[i + 2:es]):
            return True
    return False


_INVERTING = frozenset({"should", "had", "were"})
# The last document's word list and where its inverting words stand (documents are read one after
# the other, each by every pack): one pass per document instead of one per event.
_INVERTING_AT: list = [None, []]


def _inverting(words: list[str]) -> list[int]:
    if _INVERTING_AT[0] is not words:
        _INVERTING_AT[:] = [words, [i for i, w in enumerate(words) if w in _INVERTING]]
    return _INVERTING_AT[1]


EVALUATIVE = {"crucial", "vital", "essential", "important", "advisable"}


# "until now", "before now", "till recently": a span of time that ends now, not a condition.
TIME_ADVERBS_AFTER_UNTIL = {"now", "recently", "today", "lately", "then"}


def _hypothetical(words: list[str], cs: int, es: int, inside: list[Cue]) -> bool:
    opener = words[cs] if cs < len(words) else ""
    # ("until now known as a club drug, it could become a medicine": a time adverbial, no condition)
    if opener in CONDITIONAL_OPENERS and not (opener in ("until", "till", "before") and cs + 1 < len(words)
                                              and words[cs + 1] in TIME_ADVERBS_AFTER_UNTIL):
        return True
    # An inverted condition in the clause: "to bring it to market should it be approved", "had
    # the FDA approved it", "were it to be approved".
    inverting = _inverting(words)  # where "should", "had" or "were" stand: few places per document
    for i in inverting[bisect.bisect_left(inverting, cs):bisect.bisect_left(inverting, min(len(words) - 1, es + 4))]:
        if words[i + 1] in INVERSION_SUBJECTS \
                and (i == cs or words[i - 1] not in ("it", "they", "that", "which", "who", "this", "what")) \
                and not (i < es and "," in words[i:es]):
            # (an inverted condition before a comma leaves the main clause a forecast: "should it
            # vote in favour, approval could come this summer")
            return True
    # "if the studies succeed, therapists could prescribe it by 2021": the condition ends at its
    # comma and the main clause still forecasts.
    if any(c.label == "HYP" and c.start < es and words[c.start] != "would" and "," not in words[c.start:es]
           for c in inside):
        return True
    if _condition_opens_before(words, cs, es):
        return True
    if es - 2 >= cs and words[es - 1] == "to" and words[es - 2] in ("has", "have", "needs", "need", "must"):
        return False  # an obligation to act ("the FDA now has to decide") is pending, not hypothetical
    # ("no longer" is an adverb of time, not the determiner of "no approval")
    # nor is "possible" before "to" ("it will be possible to prescribe it": a permission to come)
    near = [w for k, w in enumerate(words[max(cs, es - 2):es], max(cs, es - 2))
            if not (w == "no" and k + 1 < len(words) and words[k + 1] == "longer")
            and not (k + 1 < len(words) and words[k + 1] == "to")]
    if any(_requires(words, k) or _passive_duty(words, k, es) for k in range(max(cs, es - 4), es)) \
            or not SECTION_DETERMINERS.isdisjoint(near):
        return True
    # "before approval", "until approval", "without approval", "for approval" after a requirement;
    # not after a step ("the last obstacle before approval" tells how near it is: a forecast)
    if es - 1 >= cs and words[es - 1] in ("before", "until", "till", "pending", "without") \
            and not (words[es - 1] == "before" and es - 2 >= cs and words[es - 2] in STEP_NOUNS):
        return True
    # "approval of any treatment", "approval for no drug"
    if any(w in ("any", "no") for w in words[es + 1:es + 4]) and "of" in words[es + 1:es + 3]:
        return True
    return any(_requires(words, k) for k in range(cs, es))


def _passive_duty(words: list[str], k: int, es: int) -> bool:
    """"has to be approved", "had to be cleared by the agency": what must happen to the product is a
    requirement, not its perfect ("has been approved")."""
    return (words[k] in ("has", "have", "had") and k + 3 == es and words[k + 1] == "to"
            and words[k + 2] in ("be", "get"))


def _requires(words: list[str], k: int) -> bool:
    """A requirement word at `k` ("needs", "must", "a condition"). An evaluative adjective on a noun
    ("faces a crucial FDA panel meeting") asks for nothing; it does when it governs a clause ("it is
    crucial that ...", "essential to")."""
    w = words[k]
    if w not in REQUIREMENT:
        return False
    return w not in EVALUATIVE or (k + 1 < len(words) and words[k + 1] in ("to", "that", "for"))


CONDITION_OPENERS = {"if", "unless", "once", "provided", "should"}


def after_a_condition(words: list[str], sent_start: int, cs: int) -> bool:
    """The clause at `cs` is the main clause of a condition that opens its stretch of the sentence
    (at its start or after ";" or ", and"): "if that is granted, the FDA must decide within six months"."""
    if cs <= sent_start or words[cs - 1] != ",":
        return False
    s = sent_start
    for k in range(cs - 2, sent_start - 1, -1):
        if words[k] == ";" or (words[k] == "," and k + 1 < cs and words[k + 1] in ("and", "but", "so")):
            s = k + 1
            break
    if s < cs and words[s] in ("and", "but", "so"):
        s += 1
    return s < cs - 1 and words[s] in CONDITION_OPENERS


def _obligation_with_deadline(words: list[str], cs: int, es: int) -> bool:
    """"must decide", "has to make a call", "needs to rule" right before the event: a duty, which a
    date still to come makes a thing expected (without one it is a requirement, not a forecast)."""
    lead = words[max(cs, es - 4):es]
    if "," in lead or "if" in lead:
        return False
    return "must" in lead or any(w in ("has", "have", "needs", "need") and nxt == "to" for w, nxt in pairwise(lead))
