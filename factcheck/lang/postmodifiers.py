"""A clause that hangs on the event's own noun and says when it happens: "the planned Phase 3
studies, which are to begin in 2018", "trials starting in 2017", "the application, which was
filed in December 2023". The time in it is the event's, though it sits outside the event's
clause. Part of the stance readers (stance.py)."""

from __future__ import annotations

from factcheck.lang.wordsets import FUTURE_MODALS

# What opens such a clause right after the noun: a relative pronoun or a participle of timing.
OPENERS = {"which", "that", "starting", "beginning", "due", "set", "scheduled", "slated", "expected", "planned"}
# Nouns that may follow the event word in its own noun group ("Phase 3 trials", "the approval decision").
HEAD_NOUNS = {"trial", "trials", "study", "studies", "testing", "tests", "program", "programme", "decision",
              "application", "filing", "submission", "meeting", "review", "vote", "clinical"}
# A participle right after the noun that times the event itself ("trials starting in 2017").
TIMING_PARTICIPLES = {"starting", "beginning", "due", "set", "scheduled", "slated", "expected", "planned"}
CLOSERS = {",", ";", ":", ".", "?", "!", "but", "and", "while", "although", "though", "whereas", "—", "–", "("}
REACH = 12  # tokens: a longer clause has its own events and times


def postmodifier(words: list[str], ee: int, sent_end: int) -> tuple[int, int] | None:
    """The token range of a clause that modifies the event's noun, or None."""
    i = ee
    while i < sent_end and i - ee < 2 and words[i] in HEAD_NOUNS:
        i += 1
    if i < sent_end and words[i] in ("of", "for"):  # "trials of MDMA, which ...": up to three words
        j = i + 1
        while j < sent_end and j - i <= 3 and words[j] not in OPENERS and words[j] not in CLOSERS:
            j += 1
        i = j
    if i < sent_end and words[i] == ",":
        i += 1
    if i >= sent_end or words[i] not in OPENERS:
        return None
    if words[i] == "that" and i > 0 and words[i - 1] == ",":
        return None  # ", that is," or a clause of its own
    start, j = i, i + 1
    while j < sent_end and j - start < REACH and words[j] not in CLOSERS:
        j += 1
    return (start, j) if j > start + 1 else None


FUTURE_OPENERS = {"due", "set", "scheduled", "slated", "expected", "planned"}


def future_marked(words: list[str], post: tuple[int, int]) -> bool:
    """The clause tells of the event as still to come: "which will begin", "which are to start",
    "due to begin", "set to open"."""
    w = words[post[0]:post[1]]
    if w[0] in FUTURE_OPENERS or any(x in FUTURE_OPENERS for x in w[1:4]):
        return True  # "due to begin", "which is expected in 2024"
    return any(x in ("will", "shall") or (x in ("is", "are") and i + 1 < len(w) and w[i + 1] == "to")
               for i, x in enumerate(w))


ARRIVALS = {"arrive", "come", "land", "happen", "emerge", "follow"}
ARRIVAL_MODALS = {"will", "could", "may", "might", "should", "shall", "'ll"}


def arrival_foretold(words: list[str], post: tuple[int, int]) -> bool:
    """The clause tells of the event's own coming: "a decision that could arrive as early as
    August", "approval, which may come next year" (not what the event will do: "approval, which
    will let doctors prescribe it")."""
    w = words[post[0]:post[1]]
    if w[0] not in ("which", "that"):
        return False
    k = 1
    while k < len(w) and w[k] in ("now", "still", "only", "finally", "soon"):
        k += 1
    if k + 1 < len(w) and w[k] in ARRIVAL_MODALS and w[k + 1] in ARRIVALS:
        return True
    # past a belief put between: "which some people think might happen as soon as August"
    think = next((i for i in range(k, min(len(w), k + 4)) if w[i] in BELIEVING), None)
    return think is not None and think + 2 < len(w) and w[think + 1] in ARRIVAL_MODALS and w[think + 2] in ARRIVALS


BELIEVING = {"think", "thinks", "believe", "believes", "expect", "expects", "hope", "hopes", "say", "says", "predict",
             "predicts", "suggest", "suggests", "reckon", "reckons"}


def modal_predicate_after(words: list[str], ee: int, ce: int) -> bool:
    """The event's noun as the subject of a modal predicate of coming: "approval ... could be
    granted", "a decision will come" (not across a comma or a relative pronoun)."""
    for k in range(ee, min(ce - 1, ee + 12)):
        w = words[k]
        if w in (",", ";", "that", "which", "who", "if", "when"):
            return False
        if w in FUTURE_MODALS and words[k + 1] in ARRIVALS | {"be"} and not (k + 2 < ce and words[k + 2] == "have"):
            return True
    return False
