"""The class of an event mention, told by what it is of: an approval of research, of a measure or
of people, a designation, a lawmakers' vote; or no event at all ("licensed therapists", "requests
could be met"). Part of the language layer's reading of each event cue (layer.analyse)."""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.cues import Cue
from factcheck.lang.research import of_a_designation, of_a_measure, of_people_let_in, of_research

MET_OBJECTS = {"criteria", "criterion", "requirement", "requirements", "endpoint", "endpoints", "goal", "goals",
               "standard", "standards", "expectations", "threshold", "thresholds", "target", "targets", "diagnostic",
               "demand", "demands", "u.s.", "us", "american", "global", "full"}


def event_class(doc: Doc, ev: Cue, sent: tuple[int, int], clause: tuple[int, int], in_sent: list[Cue]) -> str | None:
    """The mention's event class, or None when the cue names no event here."""
    name = ev.label[3:]
    if name == "approval" and any(c.label == "PRACT" and c.start == ev.end for c in in_sent) \
            and doc[ev.end - 1].lower_.endswith("ed"):
        return None  # "state-licensed pharmacies", "licensed therapists": who may act, not an approval
    if name in ("approval", "submission") and of_research(in_sent, clause, ev, doc):
        name = f"research-{name}"  # "approved a Phase 3 trial", "applications to study psychedelics"
    elif name == "approval" and (of_a_measure(doc, ev, sent[1]) or of_people_let_in(doc, ev, sent[0])):
        # "approved an amendment to the regulations", "fifty patients have been cleared for it": no
        # medicine approved
        name = "measure-approval"
    elif name == "approval" and of_a_designation(doc, ev, sent[1]):
        name = "designation"  # "approved MDMA as a breakthrough therapy": a designation granted
    elif name == "advisory-vote" and any(c.label == "LEGIS" and clause[0] <= c.start < clause[1] for c in in_sent):
        name = "legislative-vote"  # "a House committee is set to vote on the bill"
    elif name == "advisory-vote" and ev.end - ev.start == 1 \
            and doc[ev.start].lower_ in ("met", "meet", "meets", "meeting") \
            and ((ev.start > sent[0] and doc[ev.start - 1].lower_ in ("be", "been", "being", "is", "are", "was", "were")
                  and doc[ev.start].lower_ != "meeting")
                 or any(t.lower_ in MET_OBJECTS for t in doc[ev.end:min(sent[1], ev.end + 3)])):
        # "requests could be met", "no longer met criteria", "stopped meeting the diagnostic
        # criteria": satisfied, not a committee meeting
        return None
    return name


# The cue labels `event_class` reads besides the event's own (and lang/research.py's `of_research`).
_CLASS_LABELS = frozenset({"PRACT", "RESEARCH", "LEGIS"})


def class_cues(in_sent: list[Cue]) -> tuple[Cue, ...]:
    """The sentence's cues `event_class` reads, in order."""
    return tuple(c for c in in_sent if c.label in _CLASS_LABELS)


def event_class_once(doc: Doc, ev: Cue, sent: tuple[int, int], clause: tuple[int, int], in_sent: list[Cue],
                     cues_read: tuple[Cue, ...]) -> str | None:
    """`event_class`, read once per Doc for every pack whose matcher finds the same event in the
    same clause with the same cues of the labels it reads (`class_cues`)."""
    memo = doc.user_data.setdefault("factcheck_event_classes", {})
    key = (ev, sent, clause, cues_read)
    found = memo.get(key, memo)
    if found is memo:
        found = memo[key] = event_class(doc, ev, sent, clause, in_sent)
    return found  # type: ignore[no-any-return]
