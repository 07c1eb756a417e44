"""How a sentence holds an event: done, pending, expected, refused, negated, hypothetical, or a
forecast told as history.

Read from the words around the event inside its clause (see `clauses`): the generic stance cues,
auxiliaries and tense, modals, negators and conditionals. Written once for every rule and every
pack: a rule says which stances make a statement wrong ("approval held as expected or pending"),
never which wordings do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.attrs import LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc

from factcheck.lang.aspect import (
    _aux_before,
    _clause_tense,
    _done,
    _is_copula_s,
    _moved_into,
    _past_aux,
    _past_verb_before,
    _progressive_after,
    finite_after_subject,
)
from factcheck.lang.attribution import in_quotes, speaker_of
from factcheck.lang.copulas import PAST_BE, PRESENT_BE
from factcheck.lang.cues import Cue
from factcheck.lang.lemmas import lemma_of
from factcheck.lang.postmodifiers import TIMING_PARTICIPLES, future_marked, postmodifier
from factcheck.lang.readings import (
    _any_such_state,
    _asserting_opener,
    _scheduled_present,
    _state_after_phrase,
    _state_in_present,
    acted_on,
    acts_now,
    headline_act,
    headline_state,
    on_condition_of_approval,
)
from factcheck.lang.stance_frames import FRAMES, StanceContext
from factcheck.lang.stance_prospects import PROSPECTS, gather
from factcheck.lang.states import listed_now, state_preposition, until_time
from factcheck.lang.time_readings import (
    _framing_year,
)
from factcheck.lang.timex import TimeExpr
from factcheck.lang.wordsets import (
    EXPERIENCE_VERBS,
    HABITUAL,
    HELD_IN,
    INTERROGATIVES,
    IRREGULAR_PARTICIPLES,
    NAME_LABELS,
    ONGOING,
    PAST_PERFECT,
    PERFECT,
    PROCESS_EVENTS,
    STATE_AFTER,
    STATE_VERBS,
    SUBJECTS,
    TIME_CLAUSE_OPENERS,
    TIME_PREPOSITIONS,
)

# The events a pack names in its own words (vocabulary.event_labels), not the built-in classes.
PACK_EVENT_PREFIX = "EV:rule:"


@dataclass
class Stance:
    """The reading of one event mention."""

    stance: str
    cue: Cue | None = None  # the stance cue that decided it, if any
    negated: bool = False
    question: bool = False
    attributed: bool = False
    attribution: str | None = None  # who says so ("analysts", "the company"), when the text names them
    quoted: bool = False  # inside quotation marks
    meta: bool = False  # reported in order to be corrected ("Myth: ...", "a common error is to say ...")
    hedged: bool = False
    times: list[TimeExpr] = field(default_factory=list)
    framing_year: int | None = None  # "In 2023, ..." opening the clause


def read_stance(doc: Doc, sent: tuple[int, int], clause: tuple[int, int], event: Cue, cues: list[Cue],
                times: list[TimeExpr], doc_date: date | None) -> Stance:
    """The stance of `event` (a cue inside `clause`, inside sentence `sent`)."""
    out = _read_stance(doc, sent, clause, event, cues, times, doc_date)
    words = _words(doc)
    if out.stance in ("expected", "pending") and event.label == "EV:approval" \
            and on_condition_of_approval(words, event.end, sent[1]):
        # "a bill to allow its use once the FDA has approved it": an approval that waits on
        # another is a trigger. (A launch "if the treatment is approved" still forecasts one.)
        out.stance = "hypothetical"
    if out.stance == "none" and not out.negated:
        post = postmodifier(words, event.end, sent[1])
        if post is not None and future_marked(words, post):
            out.stance = "expected"  # "the Phase 3 trials, which will begin in 2018"
    if out.stance == "expected" and acted_on(words, event, [c for c in cues if clause[0] <= c.start < clause[1]]):
        # "the FDA will rule on the application": the ruling is to come; the application exists.
        out.stance = "none"
    if event.label == "EV:shortage" and out.stance in ("done", "pending", "none") and (
            _state_in_present(doc, clause, event) or (out.stance == "none" and acts_now(words, event.end, clause[1])
                                                      and not _any_such_state(words, clause[0], event))):
        # A shortage told by its own predicate in the present is a state held now: "Mounjaro is
        # backordered", "patients are struggling to find it", "supplies remain tight".
        out.stance = "current"
    elif event.label == "EV:shortage" and out.stance == "none" and headline_state(doc, sent, event):
        out.stance = "current"  # "Ozempic and Wegovy scarce at Wake County pharmacies"
    elif out.stance == "none" and not out.negated and not event.label.startswith(PACK_EVENT_PREFIX) \
            and headline_act(doc, sent, event):
        out.stance = "done"  # "FDA approves MDMA therapy", "MDMA therapy approved in the US"
    return out


def _read_stance(doc: Doc, sent: tuple[int, int], clause: tuple[int, int], event: Cue, cues: list[Cue],
                 times: list[TimeExpr], doc_date: date | None) -> Stance:
    cs, ce = clause
    inside = [c for c in cues if cs <= c.start and c.end <= ce and c is not event]
    words = _words(doc)
    out = Stance("none")
    last = doc[sent[1] - 1] if sent[1] > sent[0] else None
    ends_q = bool(last is not None and (last.text == "?" or (last.is_space and sent[1] - 2 >= sent[0]
                                                               and doc[sent[1] - 2].text == "?")))
    # A question asks about its own clause: "As it might be approved in 2024, will insurance pay?"
    # still asserts the forecast; "Is approval close?" does not.
    first = doc[sent[0]].lower_ if sent[1] > sent[0] else ""
    out.question = ends_q and (clause[1] >= sent[1] - 2 or first in INTERROGATIVES)
    out.hedged = any(c.label == "HEDGE" for c in inside)
    out.times = [t for t in times if doc[cs].idx <= t.start < doc[ce - 1].idx + len(doc[ce - 1])]
    out.framing_year = _framing_year(doc, cs, out.times)
    if not out.times:
        post = postmodifier(words, event.end, sent[1])
        # "the Phase 3 studies, which are to begin in 2018"; not "the approval, which the FDA
        # rejected in 2024", whose time is the rejection's.
        if post is not None and (future_marked(words, post) or words[post[0]] in TIMING_PARTICIPLES):
            p0, p1 = doc[post[0]].idx, doc[post[1] - 1].idx + len(doc[post[1] - 1])
            out.times = [t for t in times if p0 <= t.start < p1]
    out.attributed, out.attribution = speaker_of(doc, sent, clause, event, cues)
    out.quoted = in_quotes(doc, sent, event.start)
    out.meta = any(c.label == "META" and not _asserting_opener(doc, c, sent, event)
                   for c in cues if sent[0] <= c.start < sent[1])
    if (out.attributed or out.quoted) and out.framing_year is None:
        # "“We are close to approval,” the CEO said in 2023": the report's own date frames it.
        reports = [doc[c.end - 1].idx + len(doc[c.end - 1]) for c in cues
                   if c.label == "ATTR" and sent[0] <= c.start < sent[1]]
        c0, c1 = doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1])
        years = [t.year for t in times if not t.relative and t.year and not c0 <= t.start < c1
                 and any(0 <= t.start - r <= 30 for r in reports)]
        out.framing_year = min(years) if years else None

    ctx = StanceContext(doc, words, sent, cs, ce, event.start, event.end, event, inside, times, doc_date, out)
    # The frames, in order: the first that decides gives the reading.
    for phase in FRAMES:
        if phase(ctx):
            return out
    gather(ctx)
    # The stance cues near the event, a process under way, a modal: again the first that decides.
    for phase in PROSPECTS:
        if phase(ctx):
            return out
    es, ee, inside, future_time = ctx.es, ctx.ee, ctx.inside, ctx.future_time
    negated_between = ctx.negated_between
    # Where names end (places, subjects, authorities): a past verb right after one is finite.
    name_ends = {c.end - 1 for c in inside if c.label.startswith(NAME_LABELS)}
    tense = finite_after_subject(words, cs, es, ce, name_ends) if event.label.startswith(PACK_EVENT_PREFIX) else None
    if tense is not None:
        # A pack's own verb right after its subject: in the present it states what holds now
        # ("Ecstasy cures veterans of PTSD"; whatever time follows: "within weeks" is how fast,
        # not when), in the past what happened ("MDMA therapy cured most of the veterans"). The
        # built-in events keep their news-present and past readings below.
        out.stance = "negated" if negated_between(es, es) else ("current" if tense == "present" else "done")
        out.negated = out.stance == "negated"
        return out
    if future_time and not _past_aux(words, cs, es) and not _past_verb_before(words, cs, es) \
            and words[ee - 1] != "date":  # "with a target date of August 11" states the schedule
        out.stance = "negated" if negated_between(es, es) else "expected"
        return out
    if _scheduled_present(words, cs, ce, es, ee, out.times, doc_date):
        # "On June 4 the committee meets": a timetable in the present tense is a thing to come.
        out.stance = "negated" if negated_between(es, es) else "expected"
        return out
    if words[es] in PRESENT_BE and ee - es > 1 and not negated_between(es, ee):
        # The event's own words hold the state: "is legal", "now legal".
        out.stance = "current"
        return out
    if words[es] in ("became", "was", "were") and ee - es > 1 and not negated_between(es, ee):
        out.stance = "done"  # "became legal", "was legalised"
        return out
    done = _done(words, cs, es, ee, doc, name_ends) or _moved_into(words, cs, es, ee, doc, name_ends)
    if done:
        out.stance = "negated" if negated_between(es, es) or done == "negated" else "done"
        out.negated = out.stance == "negated"
        return out
    # A step towards a decision in the present, right after its maker: "FDA weighs new application",
    # "the agency considers the request" (news present: under way now).
    # (A subject of two names, "FDA and Health Canada review ...", takes the plural form.)
    plural = es - 1 in name_ends and "and" in words[cs:es - 1] and lemma_of(words[es]) == words[es]
    if event.label in ("EV:review", "EV:decision") and (words[es].endswith("s") or plural) and es - 1 >= cs \
            and (words[es - 1] in SUBJECTS or es - 1 in name_ends) and not negated_between(es, es) \
            and not any(w in HABITUAL for w in words[cs:ce]) \
            and not (es - 2 >= cs and words[es - 2] in TIME_CLAUSE_OPENERS):  # "every year"; "when it reviews"
        out.stance = "pending"
        return out
    # "has yet to decide", "is yet to rule": still to come.
    if any(words[i] == "yet" and i + 1 < len(words) and words[i + 1] == "to" for i in range(max(cs, es - 4), es)):
        out.stance = "pending"
        return out
    aux = _aux_before(words, cs, es)
    if aux is None and ee < ce and (words[ee] in STATE_AFTER or (words[ee] in ("now", "still", "currently")
                                                                and ee + 1 < ce and words[ee + 1].isalpha())) \
            and not any(w in TIME_PREPOSITIONS for w in words[max(cs, es - 3):es]):
        aux = "present"  # "the shortage continues", "the shortages now reach Ozempic too"
    if aux is None and _state_after_phrase(words, ee, ce) \
            and not any(w in TIME_PREPOSITIONS for w in words[max(cs, es - 3):es]):
        aux = "present"  # "the shortage of the diabetes drug drags on"
    if aux is None and es - 1 >= cs and (words[es - 1] in EXPERIENCE_VERBS
                                         or (words[es - 1] in HELD_IN and es - 2 >= cs
                                             and words[es - 2] in ("still", "now", "currently"))
                                         or (words[es] in HELD_IN and words[es - 1] in ("still", "currently"))):
        aux = "present"  # "patients face shortages", "still on backorder", "now in short supply"
    if aux is None and _progressive_after(words, ee, ce):
        if event.label in PROCESS_EVENTS:
            out.stance = "pending"  # "the agency's review of the drug is ongoing"
            return out
        aux = "present"  # "the phase 3 study of the drug is still enrolling"
    if aux is None and es - 1 >= cs and words[es - 1] in ONGOING:
        aux = "present"  # "the current enforcement discretion", "the ongoing shortage"
    if aux is None and event.label not in PROCESS_EVENTS and listed_now(words, cs, es):
        aux = "present"  # "the FDA still lists Ozempic in its shortage database"
    if aux is None and state_preposition(words, cs, es):
        # "because of the shortage, pharmacies can ...", "allowed to compound during the grace
        # period": the state holds when the clause's own verb does.
        aux = _clause_tense(words, cs, ce if ce < sent[1] and words[cs] not in ("because", "due", "owing", "amid",
                                                                                   "during", "given")
                            else sent[1], es)
    if aux is None:
        # The event inside the subject of a past verb: "the goal of approval by 2021 was missed".
        for i in range(ee, min(ce, ee + 8)):
            if words[i] in (",", ";", "which", "that", "who", "and", "but"):
                break
            if words[i] in PAST_BE or words[i] in PAST_PERFECT:
                aux = "past"
                break
    # An infinitive of purpose takes no tense from the verb before it: "are lobbying to reschedule it".
    infinitive = es - 1 >= cs and words[es - 1] == "to"
    if aux != "present" and not infinitive:
        # A state held now: "is still in shortage", "remains on the FDA's shortage list".
        for i in range(es - 1, max(cs, es - 10) - 1, -1):
            if words[i] == "and" and 0 < i < len(words) - 1 and doc[i - 1].is_title and doc[i + 1].is_title:
                continue  # inside a name: "on the Food and Drug Administration's shortage list"
            if words[i] in STATE_VERBS and (words[i] != "'s" or _is_copula_s(words, i)) \
                    and not (i - 1 >= cs and words[i - 1] in PERFECT):
                aux = "past" if words[i] in PAST_BE else "present"
                break
            if words[i] in PERFECT_STATE and i - 1 >= cs and words[i - 1] in PERFECT:
                nxt = words[i + 1] if i + 1 < len(words) else ""
                if nxt.endswith("ed") or nxt in IRREGULAR_PARTICIPLES:
                    break  # "has been tested in two trials": a thing done, not a state held
                aux = "present"  # "have been on the shortage list since 2022": it still holds
                break
            if words[i] in (",", ";", "and", "but", "because", "since"):
                break
    if aux in ("past", "present") and event.label == "EV:shortage" and "longer" in words[max(cs, es - 4):es] \
            and "no" in words[max(cs, es - 5):es]:
        # "is no longer in short supply", "declared that it was no longer in short supply": the
        # state has ended (told now, or as the moment it was said to end).
        out.stance = "ended"
        return out
    if aux == "past" and event.label == "EV:shortage" and until_time(doc, words, ee, ce, out.times, cs):
        out.stance = "ended"  # "sat on the shortage list from 2022 until mid-2023": over at that time
        return out
    if aux == "past":
        out.stance = "past-forecast"  # "the goal was approval by 2021": told as history
    elif aux == "present" and not negated_between(es, es):
        out.stance = "current"
    elif negated_between(es, es):
        out.stance, out.negated = "negated", True
    return out


# After "has/have": a state held up to now ("have been on the list", "has sat on the shortage
# list for two years", "has remained in short supply").
PERFECT_STATE = {"been", "sat", "stayed", "remained", "lingered"}


def _words(doc: Doc) -> list[str]:
    """Lower-case token texts with curly apostrophes straightened ("it’s" reads as "it's"), once per Doc."""
    cached = doc.user_data.get("factcheck_words")
    if cached is None or len(cached) != len(doc):
        # Read as one column of string ids: iterating the Doc makes a Token object per token. An
        # id names the same string in every Doc, so the words are kept across documents.
        strings = doc.vocab.strings
        if len(_STRAIGHT) > _STRAIGHT_MAX:
            _STRAIGHT.clear()  # bounded: a long run meets ever more words
        get = _STRAIGHT.get
        cached = [get(h) or _straighten(h, strings) for h in doc.to_array(LOWER).tolist()]
        doc.user_data["factcheck_words"] = cached
    return cached


# String id -> the lower-case word with curly apostrophes straightened.
_STRAIGHT: dict[int, str] = {}
_STRAIGHT_MAX = 100_000


def _straighten(h: int, strings: StringStore) -> str:
    w = _STRAIGHT[h] = strings[h].replace("’", "'")
    return w
