"""The language layer over one Doc: cues, clauses, times and the stance of every event mention.

`analyse(doc, matcher, doc_date)` reads only sentences that hold an event cue (the cheap
prefilter), and returns one `EventMention` per event cue with its clause and stance. Rule kinds
(factcheck/kinds/) read these; they never look at wordings themselves.
"""

from __future__ import annotations

import bisect
import functools
import operator
from collections.abc import Callable, Collection
from dataclasses import InitVar, dataclass
from datetime import date
from typing import TypeVar

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from factcheck.lang.clauses import clause_bounds
from factcheck.lang.constructions import construction_cues
from factcheck.lang.cues import Cue, CueMatcher
from factcheck.lang.event_class import class_cues, event_class_once
from factcheck.lang.lemmas import lemma_of
from factcheck.lang.places import as_written_places
from factcheck.lang.scarcity import shortage_of_restock
from factcheck.lang.stance import Stance, read_stance
from factcheck.lang.text import doc_text
from factcheck.lang.timex import TimeExpr, find_times
from factcheck.lang.wordsets import FORECAST_VERBS

_START, _END = operator.itemgetter(1), operator.itemgetter(2)  # a Cue's fields, read in C


def sort_by_span(cues: list[Cue]) -> list[Cue]:
    """`cues.sort(key=lambda c: (c.start, -c.end))`, in place, as two sorts keyed in C (a Python key
    per cue cost more than the sort): by end, longest first, then by start. Both are stable, also
    the reversed one, so cues on the same span keep their order."""
    cues.sort(key=_END, reverse=True)
    cues.sort(key=_START)
    return cues


@dataclass
class EventMention:
    event: str  # the event class ("approval", "decision", ...)
    cue: Cue
    sentence: tuple[int, int]  # token range
    clause: tuple[int, int]  # token range
    stance: Stance


class StanceSlot:
    """One stance reading of a Doc, done on first use with the arguments of the first event cue
    that asked for it (the memo's owner), then handed out as copies. Most event mentions of a
    pack's own rules are turned down by their subject or place before any rule reads their stance.
    The slot lives in the Doc's user_data, so it holds no Doc (that would be a reference cycle,
    keeping every Doc alive until the garbage collector finds it): the reader passes it."""

    __slots__ = ("_args", "_value")

    def __init__(self, text: str, sent: tuple[int, int], clause: tuple[int, int], ev: Cue,
                 in_sent: list[Cue], doc_date: date | None) -> None:
        self._args: tuple | None = (text, sent, clause, ev, in_sent, doc_date)
        self._value: Stance | None = None

    def read(self, doc: Doc) -> Stance:
        """A copy of the stance (each mention its own, as each pack gets its own); `doc`: the Doc
        whose user_data holds the slot."""
        if self._value is None:
            assert self._args is not None
            text, sent, clause, ev, in_sent, doc_date = self._args
            self._value = read_stance(doc, sent, clause, ev, in_sent, _sentence_times(doc, text, sent, doc_date),
                                      doc_date)
            self._args = None
        return _copy(self._value)

    @property
    def done(self) -> bool:
        return self._value is not None


class LazyEventMention(EventMention):
    """An EventMention whose stance is read from its StanceSlot when first asked for."""

    def __init__(self, event: str, cue: Cue, sentence: tuple[int, int], clause: tuple[int, int],
                 slot: StanceSlot, doc: Doc) -> None:
        self.event, self.cue, self.sentence, self.clause = event, cue, sentence, clause
        self._slot: StanceSlot | None = slot
        self._doc: Doc | None = doc  # an Analysis holds it too; the Doc holds neither
        self._stance: Stance | None = None

    @property  # type: ignore[override]
    def stance(self) -> Stance:
        if self._stance is None:
            assert self._slot is not None and self._doc is not None
            self._stance, self._slot, self._doc = self._slot.read(self._doc), None, None
        return self._stance

    @stance.setter
    def stance(self, value: Stance) -> None:
        self._stance, self._slot, self._doc = value, None, None


@dataclass
class Analysis:
    doc: Doc
    cues: list[Cue]
    events: list[EventMention]
    sentences: list[tuple[int, int]]
    # True when `cues` come sorted by span already (`analyse` sorts them before reading events).
    presorted: InitVar[bool] = False
    # The page's own date, None when it has none.
    doc_date: date | None = None

    def __post_init__(self, presorted: bool) -> None:
        # Indexes, so that looking up the cues of a span or the place of a sentence stays cheap on
        # a long document (a scan per event made hostile inputs quadratic).
        if not presorted:
            sort_by_span(self.cues)
        self._cue_starts = [c.start for c in self.cues]
        self._sentence_index = {s: i for i, s in enumerate(self.sentences)}
        self._sentence_starts = [s[0] for s in self.sentences]

    def cues_in(self, start: int, end: int, prefix: str = "") -> list[Cue]:
        out = []
        for i in range(bisect.bisect_left(self._cue_starts, start), len(self.cues)):
            c = self.cues[i]
            if c.start >= end:
                break
            if c.end <= end and c.label.startswith(prefix):
                out.append(c)
        return out

    def cue_index(self) -> dict[str, list[int]]:
        """Label -> the positions of its cues in `cues` (ascending), built once per Analysis."""
        index: dict[str, list[int]] | None = self.__dict__.get("_cues_by_label")
        if index is None or self.__dict__.get("_cues_indexed") != len(self.cues):
            index = {}
            for i, c in enumerate(self.cues):
                index.setdefault(c.label, []).append(i)
            self.__dict__["_cues_by_label"], self.__dict__["_cues_indexed"] = index, len(self.cues)
        return index

    def cues_labelled(self, labels: Collection[str]) -> list[Cue]:
        """`[c for c in cues if c.label in labels]`, from the index by label: rule kinds ask it of
        the whole page for their own one or two labels."""
        index = self.cue_index()
        found = [i for label in labels for i in index.get(label, ())]
        if len(found) > 1:
            found.sort()
        return [self.cues[i] for i in found]

    def cues_prefixed(self, prefix: str) -> list[Cue]:
        """`[c for c in cues if c.label.startswith(prefix)]`, from the index by label."""
        index = self.cue_index()
        return self.cues_labelled([label for label in index if label.startswith(prefix)])

    def names_in(self, labels: Collection[str], start: int, end: int) -> bool:
        """`any(c.label in labels for c in self.cues_in(start, end))`, from the index by label
        (rule kinds ask it of every event with one or two labels)."""
        index = self.cue_index()
        cues, starts = self.cues, self._cue_starts
        for label in labels:
            at = index.get(label)
            if not at:
                continue
            # This label's cues are in `cues` order: find the first that starts at or after `start`.
            k = bisect.bisect_left(at, bisect.bisect_left(starts, start))
            while k < len(at) and cues[at[k]].start < end:
                if cues[at[k]].end <= end:
                    return True
                k += 1
        return False

    def events_of(self, labels: Collection[str]) -> list[EventMention]:
        """The event mentions whose class, as a cue label ("EV:approval"), is one of `labels`, in
        their order: every rule reads only its own events (an index by label, built once)."""
        index: dict[str, list[int]] | None = self.__dict__.get("_events_by_label")
        if index is None or self.__dict__.get("_events_indexed") != len(self.events):
            index = {}
            for i, ev in enumerate(self.events):
                index.setdefault(f"EV:{ev.event}", []).append(i)
            self.__dict__["_events_by_label"], self.__dict__["_events_indexed"] = index, len(self.events)
        found = [i for label in labels for i in index.get(label, ())]
        if len(found) > 1:
            found.sort()
        return [self.events[i] for i in found]

    def events_between(self, start: int, end: int) -> list[EventMention]:
        """Event mentions whose cue starts in tokens [start, end)."""
        if not hasattr(self, "_event_starts") or len(self._event_starts) != len(self.events):
            self.events.sort(key=lambda e: e.cue.start)
            self._event_starts = [e.cue.start for e in self.events]
        return self.events[bisect.bisect_left(self._event_starts, start):bisect.bisect_left(self._event_starts, end)]

    def sentence_index(self, sentence: tuple[int, int]) -> int:
        return self._sentence_index.get(sentence, 0)

    def sentence_at(self, token: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._sentence_starts, token) - 1
        if 0 <= i < len(self.sentences) and self.sentences[i][0] <= token < self.sentences[i][1]:
            return self.sentences[i]
        return None


_R = TypeVar("_R")


def per_mention(fn: Callable[..., _R]) -> Callable[..., _R]:
    """`fn(an, ev, *args)` worked out once per Analysis, event mention and arguments: the rules of
    a pack ask the same of a mention one rule after another. `fn` must read nothing but these (the
    Analysis does not change once made); a set argument is keyed as a frozenset, a keyword one
    by name and value (in the order given: another order only misses the memo). The memo keeps
    the mention with its answer, so the id in the key stays that mention's."""
    name = f"_per_mention:{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def memoised(an: Analysis, ev: EventMention, *args: object, **kwargs: object) -> _R:
        memo = an.__dict__.get(name)
        if memo is None:
            memo = an.__dict__[name] = {}
        key = (id(ev), *[frozenset(a) if isinstance(a, set) else a for a in args], *kwargs.items())
        hit = memo.get(key)
        if hit is not None and hit[0] is ev:
            return hit[1]  # type: ignore[no-any-return]
        found = fn(an, ev, *args, **kwargs)
        memo[key] = (ev, found)
        return found

    return memoised


def sentences_of(doc: Doc) -> list[tuple[int, int]]:
    # The SENT_START column read as one array: iterating the Doc makes a Token object per token.
    starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist() if doc.has_annotation("SENT_START") else [0]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return [(s, e) for s, e in zip(starts, [*starts[1:], len(doc)]) if e > s]


def analyse(doc: Doc, matcher: CueMatcher, doc_date: date | None, syntax: bool | None = None,
            stances: bool = True) -> Analysis:
    """Cues, sentences and event mentions; with `stances=False` no event mentions (the cues and
    sentences alone: what a caller that only asks what a passage is about needs)."""
    cues = as_written_places(doc, matcher(doc))
    # Events read from a construction rather than a phrase: "could become a treatment", "the
    # last stage of clinical testing".
    cues += construction_cues(doc, cues)
    sort_by_span(cues)
    parse = syntax if syntax is not None else syntax_enabled()
    if parse:
        sentences = sentences_of(doc)  # a parse may move sentence starts: read them each time
    else:
        # The same for every pack's analysis of the Doc: read once (each gets its own list).
        kept = doc.user_data.get("factcheck_sentence_spans")
        if kept is None:
            kept = doc.user_data["factcheck_sentence_spans"] = sentences_of(doc)
        sentences = list(kept)
    events: list[EventMention] = []
    not_events = [c for c in cues if c.label == "NOTEV"]
    ev_cues = [c for c in cues if c.label.startswith("EV:")]
    if not_events:
        ev_cues = [c for c in ev_cues if not any(n.start <= c.start and c.end <= n.end for n in not_events)]
        # Nor is it an event to the readers of other mentions ("a meeting is considered likely").
        cues = [c for c in cues if not (c.label.startswith("EV:")
                                        and any(n.start <= c.start and c.end <= n.end for n in not_events))]
    ev_cues = _longest(ev_cues)
    if not ev_cues:
        return Analysis(doc, cues, _waiting_on_authority(doc, cues, sentences, events), sentences, presorted=True, doc_date=doc_date)
    if parse:
        _parse_candidates(doc, sentences, ev_cues)
    # Stances are read on first use, except when the parser runs: another pack's analysis may
    # parse more sentences of the Doc before a stance is asked for.
    lazy = not parse
    if not stances:
        return Analysis(doc, cues, events, sentences, presorted=True, doc_date=doc_date)
    text = doc_text(doc)
    cue_starts = [c.start for c in cues]
    # Each sentence's cues, and those the stance and class readers look at, read once for all
    # the event cues of the sentence (a sentence often has several).
    read_in: dict[tuple[int, int], tuple[list[Cue], tuple[Cue, ...], tuple[Cue, ...]]] = {}
    si = 0
    for ev in ev_cues:
        while si < len(sentences) and sentences[si][1] <= ev.start:
            si += 1
        if si >= len(sentences):
            break
        sent = sentences[si]
        found = read_in.get(sent)
        if found is None:
            in_sent = cues[bisect.bisect_left(cue_starts, sent[0]):bisect.bisect_left(cue_starts, sent[1])]
            found = read_in[sent] = (in_sent, _stance_cues(in_sent), class_cues(in_sent))
        in_sent, stance_cues, class_cues_ = found
        clause, slot = _clause_and_stance(doc, text, sent, ev, in_sent, doc_date, stance_cues)
        name = event_class_once(doc, ev, sent, clause, in_sent, class_cues_)
        if name is None:
            continue
        if name == "restock":
            # Supply restored is a shortage ended: "expects to meet demand next year" holds the
            # shortage as current, "supply is back to normal" as over.
            name, stance = "shortage", shortage_of_restock(slot.read(doc), doc)
            if stance is None:
                continue
            events.append(EventMention(name, ev, sent, clause, stance))
            continue
        events.append(LazyEventMention(name, ev, sent, clause, slot, doc) if lazy
                      else EventMention(name, ev, sent, clause, slot.read(doc)))
    events += _elliptical(doc, cues, sentences, events, doc_date)
    events += _waiting_on_authority(doc, cues, sentences, events)
    events.sort(key=lambda e: e.cue.start)
    return Analysis(doc, cues, events, sentences, presorted=True, doc_date=doc_date)


# What is "met" when nothing is convened: criteria, a goal, an endpoint.
ANAPHORIC_SUBJECTS = {"it", "it's", "that", "this", "that's", "this's"}


def _elliptical(doc: Doc, cues: list[Cue], sentences: list[tuple[int, int]], events: list[EventMention],
                doc_date: date | None) -> list[EventMention]:
    """A stance whose event is named only in the clause or sentence before: "has not yet been
    approved (although it's close)", "As for approval? It is coming soon." The pronoun stands for
    the event, which takes the stance of its own clause."""
    out: list[EventMention] = []
    text = doc_text(doc)
    sent_starts = [s[0] for s in sentences]
    events = sorted(events, key=lambda e: e.cue.start)
    event_starts = [e.cue.start for e in events]
    cue_starts = [x.start for x in cues]
    for c in cues:
        if c.label != "ST:expected":
            continue
        j = c.start - 1
        while j >= 0 and doc[j].lower_.replace("’", "'") in ("is", "'s", "was", "very", "so", "quite", "getting", "now",
                                                               "really", "pretty", "may", "might", "could", "will",
                                                               "should", "would"):
            j -= 1
        if j < 0 or doc[j].lower_.replace("’", "'") not in ANAPHORIC_SUBJECTS:
            continue
        if j == c.start - 1 and doc[c.start].lower_.endswith(("s", "ed")) and lemma_of(doc[c.start].lower_) in FORECAST_VERBS:
            continue  # "the demand it expects": the pronoun is who expects, not the event
        k = bisect.bisect_right(sent_starts, c.start) - 1
        sent = sentences[k] if 0 <= k < len(sentences) and c.start < sentences[k][1] else None
        if sent is None:
            continue
        lo = bisect.bisect_left(event_starts, max(0, sent[0] - 60))
        prior = [e for e in events[lo:bisect.bisect_left(event_starts, j)]
                 if not (e.clause[0] <= c.start < e.clause[1])]
        if not prior:
            continue
        ref = prior[-1]
        anchor = Cue(f"EV:{ref.event}", j, j + 1)
        in_sent = cues[bisect.bisect_left(cue_starts, sent[0]):bisect.bisect_left(cue_starts, sent[1])]
        clause = clause_bounds(doc, sent[0], sent[1], in_sent, j)
        if any(x.label.startswith("EV:") and clause[0] <= x.start < clause[1] for x in in_sent):
            continue  # the clause names its own event ("it plans to submit"): nothing to carry over
        times = _sentence_times(doc, text, sent, doc_date)
        stance = read_stance(doc, sent, clause, anchor, in_sent, times, doc_date)
        if stance.stance in ("expected", "negated", "past-forecast"):
            out.append(EventMention(ref.event, anchor, sent, clause, stance))
    return out


WAITING = ("wait", "waits", "waiting", "waited", "await", "awaits", "awaiting", "awaited")


def _waiting_on_authority(doc: Doc, cues: list[Cue], sentences: list[tuple[int, int]],
                          events: list[EventMention]) -> list[EventMention]:
    """"The maker is waiting on the FDA for a pill version": waiting for a regulator, with no event
    word in the clause, is waiting for its decision."""
    out: list[EventMention] = []
    for c in cues:
        if c.label != "ST:pending" or doc[c.start].lower_ not in WAITING:
            continue
        if not any((a.label == "AUTH" or a.label.startswith("JUR:")) and c.end <= a.start <= c.end + 3 for a in cues):
            continue
        sent = next((s for s in sentences if s[0] <= c.start < s[1]), None)
        if sent is None:
            continue
        in_sent = [x for x in cues if sent[0] <= x.start < sent[1]]
        clause = clause_bounds(doc, sent[0], sent[1], in_sent, c.start)
        if any(x.label.startswith("EV:") and clause[0] <= x.start < clause[1] for x in in_sent):
            continue  # the clause names the event itself ("waiting for FDA approval")
        words = [t.lower_ for t in doc[max(clause[0], c.start - 4):c.start]]
        stance = Stance("past-forecast" if any(w in ("was", "were", "had") for w in words) else "pending", cue=c)
        out.append(EventMention("decision", Cue("EV:decision", c.start, c.end), sent, clause, stance))
    return out


# The cue labels the clause and stance readers look at (lang/clauses.py, lang/stance.py), besides
# the event's own position: all generic ("ST:" stances, "JUR:" places, the shared "EV:" events),
# so every pack's matcher finds the same ones in a sentence and one reading serves every pack.
_STANCE_LABELS = frozenset({"HEDGE", "META", "ATTR", "NEG", "AUTH", "HYP", "BAR", "SUB"})
_STANCE_PREFIXES = ("ST:", "JUR:", "EV:")


def _stance_cues(in_sent: list[Cue]) -> tuple[Cue, ...]:
    """The sentence's cues the clause and stance readers look at, in order."""
    return tuple(c for c in in_sent if c.label in _STANCE_LABELS
                 or (c.label.startswith(_STANCE_PREFIXES) and not c.label.startswith("EV:rule:")))


def _clause_and_stance(doc: Doc, text: str, sent: tuple[int, int], ev: Cue, in_sent: list[Cue],
                       doc_date: date | None, stance_cues: tuple[Cue, ...]) -> tuple[tuple[int, int], StanceSlot]:
    """The clause and stance of an event cue, read once per Doc for every pack whose matcher finds
    the same event with the same generic cues around it (`stance_cues`; each mention gets a copy
    of the Stance). The clause is read now, the stance when first asked for (`StanceSlot`), with
    the arguments of the first cue that asked, as when it was read at once."""
    key = (sent, ev.start, ev.end, doc_date, stance_cues)
    memo = doc.user_data.setdefault("factcheck_stances", {})
    found = memo.get(key)
    if found is not None:
        return found
    clause = clause_bounds(doc, sent[0], sent[1], in_sent, ev.start)
    found = memo[key] = (clause, StanceSlot(text, sent, clause, ev, in_sent, doc_date))
    return found


def _copy(stance: Stance) -> Stance:
    """`dataclasses.replace(stance, times=list(stance.times))`: the same fields, a list of its own
    (a Stance has no __post_init__), without replace's per-call reading of the fields."""
    new = Stance.__new__(Stance)
    new.__dict__.update(stance.__dict__)
    new.times = list(stance.times)
    return new


def _sentence_times(doc: Doc, text: str, sent: tuple[int, int], doc_date: date | None) -> list[TimeExpr]:
    """The time expressions of a sentence, at document offsets; read once per sentence and Doc (a
    sentence with several event cues, and every pack, reads the same times)."""
    s_char, e_char = doc[sent[0]].idx, doc[sent[1] - 1].idx + len(doc[sent[1] - 1])
    memo = doc.user_data.setdefault("factcheck_times", {})
    key = (s_char, e_char, doc_date)
    if key not in memo:
        memo[key] = tuple(TimeExpr(t.start + s_char, t.end + s_char, t.text, t.relative, t.first, t.last)
                          for t in find_times(text[s_char:e_char], doc_date))
    return list(memo[key])


def _longest(cues: list[Cue]) -> list[Cue]:
    """Of overlapping cues with the same label, keep the longest ("green light" over "light")."""
    out: list[Cue] = []
    # In this order every cue kept before starts no later than the next one, so one of them holds
    # it exactly when the furthest end among those of its label reaches its end.
    reach: dict[str, int] = {}
    for c in sorted(cues, key=lambda c: (c.start, -(c.end - c.start))):
        if reach.get(c.label, -1) >= c.end:
            continue
        out.append(c)
        if c.end > reach.get(c.label, -1):
            reach[c.label] = c.end
    return sorted(out, key=lambda c: c.start)


def syntax_enabled() -> bool:
    """The UD-trained parser runs on candidate sentences when FACTCHECK_SYNTAX=1. Off by default:
    measured on the dev corpora it changes no score yet (docs/models.md, the ablation), so its
    cost is not paid until a rule reads the tree."""
    import os

    return os.environ.get("FACTCHECK_SYNTAX", "0") == "1"


def _parse_candidates(doc: Doc, sentences: list[tuple[int, int]], ev_cues: list[Cue]) -> None:
    """Tag and parse only the sentences that hold an event cue, once per Doc (several packs share it)."""
    done = doc.user_data.setdefault("factcheck_parsed", set())
    todo = sorted({s for s in sentences for c in ev_cues if s[0] <= c.start < s[1]} - done)
    if not todo:
        return
    try:
        from factcheck.nlp.syntax import annotate
    except ImportError:  # pragma: no cover - the model ships with the package
        return
    try:
        annotate(doc, [doc[s:e] for s, e in todo])
    except Exception:  # a parser failure must never stop a lint; the cues still work
        return
    done.update(todo)
