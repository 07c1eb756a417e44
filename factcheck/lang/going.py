"""Events told as going on or as moved towards: "while the Phase 3 trials go on", "the shortage
persists", "nudging the FDA toward approving MDMA", "approval is now very near". Part of the
stance readers (stance_prospects.py)."""

from __future__ import annotations

from factcheck.lang.aspect import _aux_before
from factcheck.lang.cues import Cue
from factcheck.lang.lemmas import lemma_of
from factcheck.lang.stance_frames import StanceContext

# The head nouns a stage or process may take before its verb: "the Phase 3 trials continue".
_PROCESS_HEADS = {"trial", "trials", "study", "studies", "testing", "tests", "research", "programme", "program",
                  "clinical", "process"}


def goes_on(words: list[str], ee: int, ce: int) -> bool:
    """The event's noun group is the subject of a present verb of going on: "the trials continue",
    "while the Phase 3 trials go on", "the shortage persists"."""
    k = ee
    while k < ce and k - ee < 2 and words[k] in _PROCESS_HEADS:
        k += 1
    # past an "of" phrase of a few words: "the Phase 3 trials of MDMA go on"
    starts = [k] + ([j for j in range(k + 2, min(ce, k + 5))] if k < ce and words[k] == "of" else [])
    if any(_going_on_at(words, j, ce) for j in starts):
        return True
    # a reduced relative: "the Phase 3 trials now under way", "the trials of MDMA currently ongoing"
    for j in starts:
        j = j + 1 if j < ce and words[j] in ("now", "currently", "still") else j
        if j < ce and (words[j] in ("underway", "ongoing")
                       or (j + 1 < ce and words[j] in ("under", "in") and words[j + 1] in ("way", "progress"))):
            return True
    # "Phase 3 studies of MDMA-assisted therapy for PTSD run by MAPS are under way": the noun
    # group's own "be" with a word of being under way, past its modifiers
    for j in range(k, min(ce - 1, k + 16)):
        if words[j] in (",", ";", "that", "which", "who", "but", "was", "were") \
                or (words[j] == "and" and words[j + 1] != "of"):  # ("shortages of X and of Y are ongoing")
            return False
        if words[j] in ("are", "is") and (words[j + 1] in ("underway", "ongoing", "continuing")
                                          or (words[j + 1] in ("under", "in") and j + 2 < ce
                                              and words[j + 2] in ("way", "progress"))):
            return True
    return False


def _going_on_at(words: list[str], k: int, ce: int) -> bool:
    if k >= ce:
        return False
    w = words[k]
    # (a start told in the news present holds now too: "the third and final phase gets going")
    return w in ("continue", "continues", "persist", "persists", "proceed", "proceeds", "begins", "starts") \
        or (w in ("go", "goes", "carry", "carries", "drag", "drags") and k + 1 < ce and words[k + 1] == "on") \
        or (w in ("gets", "get") and k + 1 < ce and words[k + 1] in ("going", "underway", "started")) \
        or (w in ("gets", "get") and k + 2 < ce and words[k + 1] == "under" and words[k + 2] == "way")


# Verbs of entering a stage, in the present: "MDMA therapy enters its third and final phase".
ENTERING_NOW = {"enters", "begins", "starts", "reaches"}
_BEFORE_STAGE = {"its", "the", "a", "their", "this", "third", "final", "last", "and", "next", "late", "pivotal"}


def enters_now(words: list[str], cs: int, es: int) -> bool:
    """The stage is the object of a verb of entering in the news present, its subject right before
    ("MDMA-assisted therapy enters its third and final phase"): the stage begins now."""
    k = es - 1
    while k > cs and es - k <= 5 and words[k] in _BEFORE_STAGE:
        k -= 1
    if not (k > cs and words[k] in ENTERING_NOW):
        return False
    return words[k - 1] not in ("to", "will", "would", "could", "may", "might", "should", "can", "must")


# Verbs that move something towards an event: "nudging the FDA toward approving MDMA".
MOVERS = {"push", "nudge", "steer", "drive", "move", "lead", "edge", "inch", "propel", "bring", "carry", "head"}


def moved_toward(ctx: StanceContext) -> bool:
    """"toward(s)" right before the event, after a verb of moving something in its clause: the
    event is where things are headed (a forecast), or were, when the verb is a finite past."""
    words, cs, es = ctx.words, ctx.cs, ctx.es
    if es - 1 <= cs or words[es - 1] not in ("toward", "towards"):
        return False
    for i in range(es - 2, max(cs, es - 12) - 1, -1):
        if words[i] in (",", ";"):
            return False
        if lemma_of(words[i]) in MOVERS:
            past = words[i].endswith("ed") and _aux_before(words, cs, i) in (None, "past")
            ctx.out.stance = "past-forecast" if past else "expected"
            return True
    return False


# Nouns of striving: what goes on in "the fight for approval continues" is the fight, not a review.
STRIVING = {"fight", "quest", "battle", "struggle", "push", "bid", "campaign", "effort", "efforts", "search", "hunt",
            "drive", "pursuit", "road", "path", "journey"}
# Words between "for" and the event's noun: "the fight for full FDA approval".
_GOAL_MODIFIERS = {"medical", "fda", "regulatory", "full", "federal", "official", "its", "their", "us", "u.s."}


def striven_for(words: list[str], cs: int, es: int) -> bool:
    """The event is what a struggle is for: "MDMA's 40-year fight for medical approval continues"."""
    k = es - 1
    while k > cs and words[k] in _GOAL_MODIFIERS:
        k -= 1
    return k > cs and words[k] in ("for", "to", "toward", "towards") and words[k - 1] in STRIVING


# Words between a copula and a predicate of nearness: "is now very near".
NEARNESS_ADVERBS = {"now", "very", "so", "getting", "quite", "really", "ever", "tantalisingly", "tantalizingly"}


def predicate_nearness(words: list[str], c: Cue, ee: int) -> bool:
    """A word of nearness as the predicate of the event noun, however long its "of" phrase:
    "approval of a psychotherapy method built around the drug is now very near"."""
    k = c.start - 1
    while k > ee and words[k] in NEARNESS_ADVERBS:
        k -= 1
    return k > ee and words[k] in ("is", "are", "'s", "seems", "looks", "appears") and c.start - ee <= 16 \
        and not any(w in (",", ";", "which", "that", "who") for w in words[ee:k])
