"""Whose object an event is: "the FDA is due to rule on the application" holds the ruling as due,
not the application (which exists); "entering phase 3, with the goal of a licence in 2021" aims at
the licence, not the phase. Read by the stance reader before it lets a forecasting cue decide.
"""

from __future__ import annotations

from factcheck.lang.cues import Cue

# Words that may stand between an event and a noun it acts on: "rule on the MDMA application",
# "a decision on Lykos's new drug application", "approval of the filing".
OBJECT_LINKS = {"on", "of", "for", "over", "about", "the", "a", "an", "its", "their", "this", "that", "'s", "new",
                "drug", "company", "sponsor"}


def object_of_nearer_event(words: list[str], cue: Cue, event: Cue, inside: list[Cue]) -> bool:
    """The forecast cue reaches another event first, of which this event is the object: in "the
    FDA is due to rule on the application" the ruling is due, not the application (which exists).
    An event of the same kind keeps the cue ("plans to submit its application")."""
    if cue.end > event.start:
        # The cue after both: "a decision on the application is expected" holds the decision.
        if cue.start >= event.end and _aim_of_another(words, cue, event, inside):
            return True  # "entering phase 3, with the goal of a licence in 2021": the licence is the aim
        if cue.start >= event.end and _held_by_a_nearer_event(words, cue, event, inside):
            return True  # "the negative vote has made approval less likely": the approval is the likely one
        return cue.start >= event.end and acted_on(words, event, inside)
    return acted_on(words, event, inside, after=cue.end)


# Words that may join an event to the forecast word that follows it: "approval (is) less likely".
_TO_ITS_FORECAST = {"less", "more", "very", "now", "still", "increasingly", "is", "was", "seems", "looks", "appears",
                    "all", "even", "much", "far", "highly", "quite", "ever", "most", "least"}


_COMPLEMENT_PREPOSITIONS = {"on", "of", "for", "about", "over", "into", "to", "in"}


def _held_by_a_nearer_event(words: list[str], cue: Cue, event: Cue, inside: list[Cue]) -> bool:
    """Another event between this one and the forecast word, joined to it by a few words of
    degree or a copula ("made approval less likely"): the forecast is that event's."""
    # (Not this event's own object: in "a decision on the application is expected" the decision is.)
    return any(o.label.startswith("EV:") and o.label != event.label and event.end <= o.start and o.end <= cue.start
               and cue.start - o.end <= 3 and all(w in _TO_ITS_FORECAST for w in words[o.end:cue.start])
               and not (o.start > event.end and words[event.end] in _COMPLEMENT_PREPOSITIONS) for o in inside)


def _aim_of_another(words: list[str], cue: Cue, event: Cue, inside: list[Cue]) -> bool:
    """A forecast noun after the event whose own object is another event ("... with the goal of a
    licence", "the hope of approval"): it forecasts that event, not this one."""
    if cue.end >= len(words) or words[cue.end] not in ("of", "for"):
        return False
    return any(o.label.startswith("EV:") and o.label != event.label and o.start != event.start
               and cue.end < o.start <= cue.end + 4 for o in inside)


def acted_on(words: list[str], event: Cue, inside: list[Cue], after: int = 0) -> bool:
    """Another event of the shared vocabulary, starting at `after` or later, acts on this one as its
    object, right before it: "will rule on the application", "approval of the filing", "to review
    Lykos's new drug application"."""
    return any(o.label.startswith("EV:") and not o.label.startswith("EV:rule:") and o.label != event.label
               and after <= o.start and o.end <= event.start and _object_link(words[o.end:event.start])
               for o in inside)


def _object_link(between: list[str]) -> bool:
    """A few words that join an event to the noun it acts on: a preposition, a determiner, names.
    Not a possessive on the event itself: "the advisory panel's verdict" is the panel's own."""
    if between and between[0] in ("'s", "’s"):
        return False
    return 0 < len(between) <= 5 and all(w in OBJECT_LINKS or (w.isalnum() and w not in STOPS_OBJECT and not w.endswith(("ed", "ing")))
                for w in between)


# Words that end a noun phrase before the event: it is no longer the other event's object.
STOPS_OBJECT = {"and", "or", "but", "to", "will", "would", "could", "may", "might", "is", "are", "was", "were", "be",
                "been", "then", "before", "after", "until", "while", "when", "as", "by", "in", "with"}


# Prepositions after a decision that name what it answers: "a ruling on the company's request".
ANSWERING = {"to", "on", "about", "over", "regarding", "concerning"}
# (the pending cues that name an asking: only these can stand for what a decision answers)
ASKING_NOUNS = {"request", "requests", "petition", "petitions"}


def answered_request(words: list[str], ee: int, c: Cue) -> bool:
    """A request right after the event, as what it answers ("gave a negative answer to Lykos'
    request", "a ruling on the company's petition"): the request is pending only until this event,
    so it says nothing of the event's own stance."""
    if not 0 < c.start - ee <= 5 or words[c.start] not in ASKING_NOUNS:
        return False  # ("decision on MDMA: pending" is the decision's own state)
    return words[ee - 1] in ANSWERING or (ee < len(words) and words[ee] in ANSWERING)  # "ruling on" is a cue too
