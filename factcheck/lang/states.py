"""Readings of states and their ends for the stance reader: an end word that speaks of the event
("the shortage is over"), a state listed or held now ("still lists it in its shortage database",
"because of the shortage"), a state told over a span that ended ("from 2022 until mid-2023")."""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.cues import Cue
from factcheck.lang.timex import TimeExpr, range_end
from factcheck.lang.wordsets import (
    DECLARE_TO,
    ENDED_AFTER,
    ENDED_BEFORE,
    ENDED_BEFORE_ONLY,
    FUTURE_MODALS,
    LISTING_BASE,
    LISTING_GO_ON,
    LISTING_NEAR,
    LISTING_PRESENT,
    OVER_FOLLOWERS,
    STATE_PREPOSITIONS,
    TIME_NOUNS,
)

UNTIL_WORDS = {"until", "till", "through", "to"}
# Words before an adjective use of an end word ("the complete findings", "its final results").
ATTRIBUTIVE_BEFORE = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "more"}


def generic_event(c: Cue) -> bool:
    """An event cue of the shared vocabulary (not a phrase one pack's rule lists inline)."""
    return c.label.startswith("EV:") and not c.label.startswith("EV:rule:")


def ended_cue(doc: Doc, words: list[str], inside: list[Cue], event: Cue, times: list[TimeExpr]) -> Cue | None:
    """The end cue that speaks of this event, if any: close after it, or just before it, not part
    of a time ("by the end of the year") and with no other event between them."""
    best: Cue | None = None
    for c in inside:
        if c.label != "ST:ended":
            continue
        if any(o.label in ("ST:expected", "ST:refused") and o.start <= c.start and c.end <= o.end
               and o.end - o.start > c.end - c.start for o in inside):
            continue  # part of a longer cue: "the finish line", "a complete response letter" is no end
        w = words[c.start]
        if c.start >= event.end:
            gap = c.start - event.end
            if gap > ENDED_AFTER or w in ENDED_BEFORE_ONLY:
                continue
            if w == "over" and c.end < len(words) and words[c.end] not in OVER_FOLLOWERS \
                    and not doc[c.end].is_space:
                continue
            if any(generic_event(o) and (event.end <= o.start < c.start
                                                   or c.end <= o.start <= c.end + ENDED_BEFORE) for o in inside):
                continue  # another event's end: "approvals that ended ...", "struck down the order ending the shortage"
        elif c.end <= event.start:
            gap = event.start - c.end
            if gap > ENDED_BEFORE or w == "over":
                continue
            if any(o.label.startswith("EV:") and c.end <= o.start and o.end <= event.start for o in inside) \
                    or any(x in ("and", ",", "or") for x in words[c.end:event.start]):
                continue  # another event's end: "to complete Phase 3 and win approval"
        else:
            continue
        if w in ("end", "ends", "ended", "ending") and c.end < len(words) and words[c.end] == "up":
            continue  # "end up becoming legal": a result, not an end
        if w in ("complete", "final", "full") and c.start > 0 and words[c.start - 1] in ATTRIBUTIVE_BEFORE:
            continue  # an adjective: "once the complete findings are out"
        if w in ("end", "ends", "ended") and c.end + 1 < len(words) and words[c.end] == "of" \
                and (words[c.end + 1] in TIME_NOUNS or words[c.end + 1].isdigit()
                     or (words[c.end + 1] in TIME_DETERMINERS and c.end + 2 < len(words)
                         and words[c.end + 2] in TIME_NOUNS)):
            continue  # "the end of the year", "by the end of this year", "the end of 2024"
        char = doc[c.start].idx
        if any(t.start <= char < t.end for t in times):
            continue
        if best is None or gap < abs(best.start - event.start):
            best = c
    return best


# Words before a time noun in "the end of ...": "the end of this year", "the end of next month".
TIME_DETERMINERS = {"the", "this", "that", "next", "last", "its", "their", "a"}


def declared_to(words: list[str], cs: int, end_at: int) -> bool:
    """A declaring verb before "to ... over/resolved" pronounces the end ("declared the shortage to
    be over"), unless a modal or "to" governs the verb itself ("will declare it to be over")."""
    for i in range(end_at - 1, max(cs, end_at - 14) - 1, -1):
        if words[i] in (";", "but", "because", "since"):
            return False
        if words[i] in DECLARE_TO:
            return not any(w in FUTURE_MODALS or w in ("to", "would") for w in words[max(cs, i - 2):i])
    return False


def listed_now(words: list[str], cs: int, es: int) -> bool:
    """A listing verb of now governs the event noun: "still lists Ozempic in its shortage database",
    "continues to list these drugs in shortage"."""
    for i in range(es - 1, max(cs, es - LISTING_NEAR) - 1, -1):
        w = words[i]
        if w in (",", ";", "because", "since", "but", "which", "that", "who", "if", "when"):
            return False
        if w in ("available", "resolved", "ended", "over"):
            return False  # "every dose now shows as available in the shortage database"
        if w in LISTING_PRESENT:
            return True
        if w in LISTING_BASE:
            return any(x in LISTING_GO_ON for x in words[max(cs, i - 3):i])
    return False


def state_preposition(words: list[str], cs: int, es: int) -> bool:
    """A state preposition governs the event noun, with at most a determiner, a possessive and an
    adjective or two between ("because of the national shortage", "during the FDA's grace period")."""
    for i in range(max(cs, es - 6), es):
        for prep in STATE_PREPOSITIONS:
            if tuple(words[i:i + len(prep)]) == prep and es - (i + len(prep)) <= 4 \
                    and not any(w in (",", ";", ".") for w in words[i:es]):
                return True
    return False


def until_time(doc: Doc, words: list[str], ee: int, ce: int, times: list[TimeExpr], cs: int = 0) -> bool:
    """A time after the event, in its clause, introduced by "until", "till", "through" or "to"
    ("... from 2022 until mid-2023"), or the end of a range of years anywhere in the clause
    ("During 2022–2024, it sat on the list")."""
    for t in times:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or t.relative or span.start == 0:
            continue
        if ee <= span.start < ce and words[span.start - 1] in UNTIL_WORDS:
            return True
        if cs <= span.start < ce and range_end(doc.text, t.start):
            return True
    return False
