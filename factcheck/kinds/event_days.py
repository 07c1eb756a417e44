"""Which day a sentence gives a one-time act: the words between a day and its act.

Read by the `event-date` kind: a day that opens the act's clause ("On August 9 the agency rejected
it"), a day shared by a verb joined with "and" ("... followed its advisers and rejected it"), a clause
after the day that tells what happened on it ("on August 9, the day the FDA turned it down"), and
how many words stand between (a registered name counting about as one word).
"""

from __future__ import annotations

import calendar

from factcheck.lang.readings import REPORTING_PAST
from factcheck.lang.wordsets import IRREGULAR_PAST

# Verbs that may stand between an event and its day without being another act ("the approval,
# which came on 28 February").
LINKING_VERBS = {"came", "happened", "arrived", "was", "were", "is", "took", "place", "landed", "followed"}


def outside_asides(tokens):  # type: ignore[no-untyped-def]
    """The tokens outside parentheses and comma-enclosed asides ("the FDA, the US agency that
    regulates drugs, decided"): what stands between a subject and its verb."""
    out, depth, commas = [], 0, 0
    toks = list(tokens)
    n_commas = sum(1 for t in toks if t.text == ",")
    for t in toks:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif t.text == "," and n_commas >= 2:
            commas += 1
        elif depth == 0 and (n_commas < 2 or commas % 2 == 0):
            out.append(t)
    return out


WEEKDAY_NUMBERS = {day.lower(): i for i, day in enumerate(calendar.day_name)}  # "monday": 0, as date.weekday()


def phrase_count(tokens) -> int:  # type: ignore[no-untyped-def]
    """Words between a date and its event, a capitalised name counting about as a word ("the U.S.
    Food and Drug Administration" counts two, "the FDA" one) and a hyphenated compound once
    ("MDMA-assisted"). A run of capitalised words counts one for every four: a title-case heading
    is no name."""
    n, prev, run = 0, None, 0
    for t in tokens:
        joined = prev is not None and (
            t.text in ("-", "‑") or prev.text in ("-", "‑")
            or (t.is_title and (prev.is_title or prev.is_upper)) or (t.lower_ in ("and", "of") and prev.is_title))
        run = run + 1 if joined else 0
        if not joined or run % 4 == 0:
            n += 1
        prev = t
    return n


# Past verbs of saying: a day before one of them is the day something was said, not done.
SAYING_PAST = REPORTING_PAST | {"confirmed", "revealed", "disclosed", "noted", "explained", "claimed", "argued"}
# Words that open a clause of its own inside the stretch between a day and a later verb.
OWN_CLAUSE_OPENERS = {"that", "which", "who", "whom", "whose", "because", "although", "while", "after", "before",
                  "if", "when", "since", "as"}
COORDINATED_REACH = 16  # words from the day to a verb joined by "and" to the first one
# ("then", "later", "finally" after "and" tell of another day: "met in March and later rejected it")
JOINED_AUXILIARIES = {"was", "were", "is", "are", "has", "have", "had"}


def coordinated_act(doc, lo: int, cue: int) -> bool:  # type: ignore[no-untyped-def]
    """The event's verb is joined by "and" to the verb a day opens ("On August 9 the FDA followed
    its advisers and rejected the application"): both acts share the day. Not when the first
    verb is one of saying ("On 9 August Lykos said ... and ..."), nor when another clause opens
    between them."""
    joint = cue - 1
    if joint > lo and doc[joint].lower_ in JOINED_AUXILIARIES:
        joint -= 1  # "... and was approved"
    if cue - lo > COORDINATED_REACH or joint <= lo or doc[joint].lower_ != "and":
        return False
    words = doc[lo:joint]
    return not any(w.lower_ in SAYING_PAST or w.lower_ in OWN_CLAUSE_OPENERS or w.text in (";", ":") for w in words)


NEXT_TO = {"after", "before", "following", "prior"}


def day_next_to(doc, day_end: int, cue: int) -> bool:  # type: ignore[no-untyped-def]
    """", the day after (or before) ...": the day given is next to the act's, not its own."""
    return day_end + 3 < cue and doc[day_end].text == "," and doc[day_end + 1].lower_ == "the" \
        and doc[day_end + 2].lower_ in ("day", "date") and doc[day_end + 3].lower_ in NEXT_TO


def tells_the_day(doc, day_end: int, cue: int) -> bool:  # type: ignore[no-untyped-def]
    """A clause right after the day that says what happened on it: "on Friday, when the FDA
    refused it", "on August 9, the day the FDA turned it down"."""
    if day_end + 1 >= cue or doc[day_end].text != ",":
        return False
    nxt = doc[day_end + 1].lower_
    if nxt == "when":
        return True
    return nxt == "the" and day_end + 2 < cue and doc[day_end + 2].lower_ in ("day", "date") \
        and not day_next_to(doc, day_end, cue)


def _told_by_another(doc, start: int, sent_start: int) -> bool:  # type: ignore[no-untyped-def]
    """The event's noun is the object of a verb of saying in the past (`SAYING_PAST`): "announced
    the decision", "revealed its rejection"."""
    k = start - 1
    while k >= sent_start and start - k <= 3 and doc[k].lower_ in ("the", "its", "their", "this", "that", "fda's",
                                                                     "agency's", "regulator's"):
        k -= 1
    return k >= sent_start and doc[k].lower_ in SAYING_PAST


def day_of_this_act(doc, ev, t) -> bool:  # type: ignore[no-untyped-def]
    """A day after the event, within a few words, with no other verb between; or a day that opens
    the event's clause ("On August 9 the agency rejected it")."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    if span.end <= ev.cue.start:
        opener = span.start - 1
        if opener < ev.sentence[0] or doc[opener].lower_ != "on":
            return False
        told = tells_the_day(doc, span.end, ev.cue.start)
        if opener not in (ev.clause[0], ev.sentence[0]) and not told:
            return False
        if coordinated_act(doc, span.end, ev.cue.start):
            return True
        between = outside_asides(doc[span.end:ev.cue.start])
        if len(between) > 8:
            return False
    elif span.start < ev.cue.end or span.start - ev.cue.end > 6:
        return False
    elif _told_by_another(doc, ev.cue.start, ev.sentence[0]):
        return False  # "Lykos announced the decision on Friday": the day is the announcement's
    else:
        between = doc[ev.cue.end:span.start]
    return not any((w.lower_.endswith("ed") or w.lower_ in IRREGULAR_PAST) and w.lower_ not in LINKING_VERBS
                   for w in between)
