"""A goal stated, not a forecast: "MAPS wants MDMA to become a registered medicine" (what someone
wants of something else), "psychiatrists who want to prescribe it must apply" (what whoever wants
to do). The actor's own intent ("the minister wants to approve it") stays a forecast. Part of the
stance readers (stance_frames.only_wanted)."""

from __future__ import annotations

from factcheck.lang.cues import practitioner_words

WANTING = {"want", "wants", "wanted", "wanting", "wish", "wishes", "wished"}


# People described by what they want: "doctors who want to prescribe it", "anyone who wishes to"
# (the language layer's `practitioners` list, and these).
WHOEVER = frozenset({"anyone", "anybody", "everyone", "those", "people", "patients", "whoever", "veterans", "users",
                     "companies", "researchers", "others"})


def wanted(words: list[str], cs: int, es: int) -> bool:
    """The event as what someone wants of something else ("wants MDMA to become a registered
    medicine", "wants it approved"): a goal stated, with no time, is no forecast of it. (The
    actor's own intent, "the minister wants to approve it", is.)"""
    lead = words[max(cs, es - 7):es]
    if not any(w in WANTING for w in lead):
        return False
    k = max(i for i, w in enumerate(lead) if w in WANTING)
    if k + 1 < len(lead) and lead[k + 1] == "to":
        # "the minister wants to approve it": the actor's intent is a forecast; "psychiatrists who
        # want to prescribe it must apply" is a condition on whoever wants to
        return k >= 2 and lead[k - 1] in ("who", "that") and (lead[k - 2] in WHOEVER or lead[k - 2] in practitioner_words())
    return not any(w in (",", ";", "but", "and", "which", "that") for w in lead[k + 1:])
