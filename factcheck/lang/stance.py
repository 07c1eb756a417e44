"""How a sentence holds an event: done, pending, expected, refused, negated, hypothetical, or a
forecast told as history.

Read from the words around the event inside its clause (see `clauses`): the generic stance cues,
auxiliaries and tense, modals, negators and conditionals. Written once for every rule and every
pack: a rule says which stances make a statement wrong ("approval held as expected or pending"),
never which wordings do.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.attrs import LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc

from factcheck.lang.aspect import _irregular_past
from factcheck.lang.attribution import in_quotes, speaker_of
from factcheck.lang.cues import Cue
from factcheck.lang.headlines import headline_act, headline_state
from factcheck.lang.objects import acted_on
from factcheck.lang.postmodifiers import TIMING_PARTICIPLES, arrival_foretold, future_marked, postmodifier
from factcheck.lang.readings import (
    _any_such_state,
    _asserting_opener,
    _state_in_present,
    acts_now,
    on_condition_of_approval,
)
from factcheck.lang.stance_frames import FRAMES, StanceContext
from factcheck.lang.stance_model import Stance
from factcheck.lang.stance_prospects import PACK_EVENT_PREFIX, PROSPECTS, a_stage, gather
from factcheck.lang.text import doc_text
from factcheck.lang.time_readings import _framing_year
from factcheck.lang.timex import MONTHS, TimeExpr
from factcheck.lang.wordsets import FUTURE_MODALS, INTERROGATIVES, RESEARCH_OUTPUTS, WEEKDAYS


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
    if out.stance in ("expected", "pending") and _outputs_of_a_stage(words, event, sent[1]):
        # A forecast read on a stage named as the source of results is the results' own: "Phase III
        # results published this week could soon open a new era" (out: the stage is behind), "Phase 3
        # data will be out next year" (to come: the stage is under way).
        out.stance = "done" if _outputs_out(words, event, sent[1]) else "current"
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


# Words between a stage and what it gave: "Phase 3 trial results", "phase III study data".
_STAGE_TO_OUTPUT = {"trial", "trials", "study", "studies", "clinical", "testing", "'s", "’s"}


def _output_after(words: list[str], event: Cue, sent_end: int) -> int | None:
    """Where a stage of testing names what it gave ("Phase III results", "phase 3 trial data")."""
    if not a_stage(event):
        return None
    k = event.end
    while k < sent_end and k - event.end < 2 and words[k] in _STAGE_TO_OUTPUT:
        k += 1
    return k if k < sent_end and words[k] in RESEARCH_OUTPUTS else None


def _outputs_of_a_stage(words: list[str], event: Cue, sent_end: int) -> bool:
    return _output_after(words, event, sent_end) is not None


def _outputs_out(words: list[str], event: Cue, sent_end: int) -> bool:
    """The results told as out: a participle or past verb right after them ("results published",
    "data showed"), or "are in", "are out"."""
    k = _output_after(words, event, sent_end)
    if k is None:
        return False
    # The first verb after them, past an "of" phrase ("results of the MDMA trial published ...").
    for i in range(k + 1, min(sent_end, k + 7)):
        w = words[i]
        if w in FUTURE_MODALS or w in ("to", "would", "could", "might", ",", ";"):
            return False
        if w in ("are", "were") and i + 1 < sent_end and words[i + 1] in ("out", "in"):
            return True  # "the results are in"
        if (w.endswith("ed") and len(w) > 4) or _irregular_past(w):
            return True
    return False


def _read_stance(doc: Doc, sent: tuple[int, int], clause: tuple[int, int], event: Cue, cues: list[Cue],
                 times: list[TimeExpr], doc_date: date | None) -> Stance:
    ctx = _context(doc, sent, clause, event, cues, times, doc_date)
    # The frames first (lang/stance_frames.py), in order: the first that decides gives the reading.
    for phase in FRAMES:
        if phase(ctx):
            return ctx.out
    gather(ctx)
    # Then the stance cues near the event, a process under way, a modal and last the tense
    # (lang/stance_prospects.py): again the first that decides; the last one always does.
    for phase in PROSPECTS:
        if phase(ctx):
            break
    return ctx.out


def _context(doc: Doc, sent: tuple[int, int], clause: tuple[int, int], event: Cue, cues: list[Cue],
             times: list[TimeExpr], doc_date: date | None) -> StanceContext:
    """The mention to read, with what holds whatever its stance: a question, a hedge, its times and
    framing year, who says so, quotation marks, a report made to be corrected."""
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
        if post is not None and (future_marked(words, post) or words[post[0]] in TIMING_PARTICIPLES
                                 or arrival_foretold(words, post)):
            p0, p1 = doc[post[0]].idx, doc[post[1] - 1].idx + len(doc[post[1] - 1])
            out.times = [t for t in times if p0 <= t.start < p1]
    out.attributed, out.attribution = speaker_of(doc, sent, clause, event, cues)
    out.quoted = in_quotes(doc, sent, event.start)
    out.meta = any(c.label == "META" and not _asserting_opener(doc, c, sent, event)
                   and not _before_a_coordinate(doc, c, cs) for c in cues if sent[0] <= c.start < sent[1])
    if (out.attributed or out.quoted) and out.framing_year is None:
        # "“We are close to approval,” the CEO said in 2023": the report's own date frames it.
        reports = [doc[c.end - 1].idx + len(doc[c.end - 1]) for c in cues
                   if c.label == "ATTR" and sent[0] <= c.start < sent[1]]
        c0, c1 = doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1])
        text = doc_text(doc)
        years = [t.year for t in times if not t.relative and t.year and not c0 <= t.start < c1
                 and any(0 <= t.start - r <= 30 and _dates_the_report(text[r:t.start]) for r in reports)]
        out.framing_year = min(years) if years else None
    return StanceContext(doc, words, sent, cs, ce, event.start, event.end, event, inside, times, doc_date, out)


def _before_a_coordinate(doc: Doc, c: Cue, cs: int) -> bool:
    """A myth named in an earlier coordinate clause does not reach the event's: "he has done much
    to debunk claims about its dangers, and FDA approval is now very near"."""
    if c.end > cs or cs == 0:
        return False
    return (doc[cs].lower_ in ("and", "but") and doc[cs - 1].text == ",") or doc[cs - 1].text == ";"


# What may stand between a report and the year that dates it: "said in 2023", "said on 5 May 2023",
# "told reporters in 2019", "said back in 2017". Not a clause: in "expects Phase 3 to wrap up in
# 2022" the year is the forecast's.
_DAY_WORDS = (r"(?:\d{1,2}(?:st|nd|rd|th)?,?|(?:" + "|".join(sorted(WEEKDAYS)) + r"),?|(?:"
              + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?|the|of|early|late|mid-?)")
REPORT_TO_YEAR = re.compile(r"^[\s,]*(?:told \w+ )?(?:(?:in|at) an? \w+ )?(?:back |early |late |mid-?)?"
                            rf"(?:in|on|during|at)\s+(?:{_DAY_WORDS} ){{0,3}}$", re.I)


def _dates_the_report(between: str) -> bool:
    return bool(REPORT_TO_YEAR.match(between))


def _words(doc: Doc) -> list[str]:
    """Lower-case token texts with curly apostrophes straightened ("it’s" reads as "it's"), once per Doc."""
    cached = doc.user_data.get("factcheck_words")
    if cached is None or len(cached) != len(doc):
        # Read as one column of string ids: iterating the Doc makes a Token object per token. An
        # id names the same string in every Doc, so the words are kept across documents.
        strings = doc.vocab.strings
        if len(_STRAIGHT) > _STRAIGHT_MAX:
            _STRAIGHT.clear()  # bounded: a long run meets ever more words
        ids = doc.to_array(LOWER).tolist()
        cached = list(map(_STRAIGHT.get, ids))  # C-level look-ups; the few new words filled in below
        if None in cached:
            for i, w in enumerate(cached):
                if w is None:
                    cached[i] = _straighten(ids[i], strings)
        doc.user_data["factcheck_words"] = cached
    return cached


# String id -> the lower-case word with curly apostrophes straightened.
_STRAIGHT: dict[int, str] = {}
_STRAIGHT_MAX = 100_000


def _straighten(h: int, strings: StringStore) -> str:
    w = _STRAIGHT[h] = strings[h].replace("’", "'")
    return w
