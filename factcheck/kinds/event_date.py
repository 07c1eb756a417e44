"""Kind `event-date`: a date given for an event that does not fit when it happened.

The language layer finds the event and every explicit date in its clause; the date nearest the
event is compared with the rule's date at the precision the text gives ("in 2018" is wrong for
December 2017; "in late 2017" is not).
"""

from __future__ import annotations

from datetime import date, timedelta

from factcheck.kinds.common import blocked_here, claim_for, names_topic
from factcheck.kinds.event_days import (
    LINKING_VERBS,
    WEEKDAY_NUMBERS,
    coordinated_act,
    day_next_to,
    day_of_this_act,
    outside_asides,
    phrase_count,
    tells_the_day,
)
from factcheck.kinds.vocabulary import event_labels, subject_labels
from factcheck.knowledge.model import PartialDate, Rule
from factcheck.knowledge.rule_kinds import EventDateSpec
from factcheck.lang.layer import Analysis
from factcheck.lang.places import country_of
from factcheck.lang.timex import TimeExpr, days_of_known_month, days_without_year, range_end
from factcheck.lang.topic import in_jurisdiction, in_scope, never_about
from factcheck.lang.wordsets import IRREGULAR_PAST, OBTAIN
from factcheck.nlp.claims import Claim

# Readings in which a date is not the date of the event: forecasts, conditions, refusals, and
# the event's end (a rule about when it ended reads only those).
NOT_A_DATE_OF_IT = {"expected", "pending", "hypothetical", "negated", "past-forecast", "ended"}
# Words by the event that make a "since" date the bound of a span, not the event's date ("the
# first drug approved since 2014", "approves the first such drug since 2014").
SUPERLATIVES = {"first", "only", "last", "latest", "newest", "largest", "biggest"}


# A day given for an event often is the day it was announced or reported, a day or two after the
# act ("approved on Friday" in Monday's paper): a day that close is not a wrong date, unless the
# rule says the act's own day is what writers are judged on (its `day_tolerance`).


# Words that give a document its own date ("the letter, dated 9 August", "issued on 9 August"):
# that day is exact, not the day it was reported.
DOCUMENT_DATE_WORDS = {"dated", "issued", "sent", "signed", "written", "delivered"}
DOCUMENT_NOUNS = {"letter", "crl", "order", "memo", "notice"}


def _document_date(an: Analysis, ev, t) -> bool:  # type: ignore[no-untyped-def]
    """Is the time the date a document bears: said with "dated", "issued", "sent" between the
    event and the time, or set right before a document noun ("the agency's 9 August complete
    response letter")?"""
    doc = an.doc
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    lo, hi = min(span.end, ev.cue.end), max(span.start, ev.cue.start)
    if any(doc[i].lower_ in DOCUMENT_DATE_WORDS for i in range(min(span.start, ev.cue.start), max(span.end, ev.cue.end))):
        return True
    return span.end <= ev.cue.start and ev.cue.start - span.end <= 1 and doc[ev.cue.end - 1].lower_ in DOCUMENT_NOUNS \
        and lo <= hi


def _period(d: date, tolerance_days: int) -> tuple[date, date]:
    if isinstance(d, PartialDate):
        return d.first, d.last
    return d - timedelta(days=tolerance_days), d + timedelta(days=tolerance_days)


# Between a subject and its event: "MAPS was founded", "Lykos, first incorporated".
SUBJECT_TO_EVENT = {"was", "were", "is", "has", "have", "had", "been", "being", ",", "first", "originally", "itself",
                    "officially", "formally", "later", "then"}
PASSIVE_MARKERS = {"was", "were", "is", "been", "being", ","}
# Words that open the next conjunct of a list of dated events ("..., then for teens in 2022").
NEXT_CONJUNCT = {"then", "and", "later", "followed", "before", "after", "while"}
ATTACH_TOKENS = 8  # a date further from its event than this is another event's date


def _after_until(doc, t) -> bool:  # type: ignore[no-untyped-def]
    """The time ends a span: "until mid-2023", "through 2024", "2022–2024"."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    if doc[span.start - 1].lower_ in ("until", "till", "through"):
        return True
    return range_end(doc.text, t.start)


# Auxiliaries and linking words that may stand between a day and its event.
# (A verb that takes the event noun as its object is the event's own: "granted ... designation".)
NOT_ANOTHER_ACT = LINKING_VERBS | OBTAIN | {"had", "has", "have", "been", "be", "being", "finally", "officially",
                                           "formally"}
# Verbs of handing over whose object is the event itself ("the FDA sent Lykos a Complete Response
# Letter"): the day before them is the event's.
HANDING_OVER = {"sent", "delivered", "handed", "mailed", "served"}


# Irregular participles that open an aside of their own after a comma ("..., built on the 2022 Act").
AFTER_COMMA_PARTICIPLES = {"built", "based", "born", "brought", "held", "known", "laid", "led", "made", "set", "taken",
                           "written", "drawn", "shown", "seen", "begun"}


def _past_form(w) -> bool:  # type: ignore[no-untyped-def]
    """A word in the form of a past verb: an "-ed" word past four letters, or an irregular past."""
    return (w.lower_.endswith("ed") and len(w) > 4) or w.lower_ in IRREGULAR_PAST


def _told_by_another_verb(doc, lo: int, hi: int) -> bool:  # type: ignore[no-untyped-def]
    """A past-tense verb between a day and a later event ("said on 9 August that it had been
    rejected") makes the day that verb's: the report, not the act."""
    return any(_past_form(w) and w.lower_ not in NOT_ANOTHER_ACT
               and not w.is_title and not (w.i > 0 and doc[w.i - 1].text == "-")  # "MDMA-assisted"
               for w in doc[lo:hi])


def _handed_over(doc, lo: int, hi: int) -> bool:  # type: ignore[no-untyped-def]
    """The only verb between a day and the event is one of handing the event over, a few words
    before it: "On 9 August the FDA sent Lykos a Complete Response Letter"."""
    verbs = [w for w in doc[lo:hi] if _past_form(w)]
    return len(verbs) == 1 and verbs[0].lower_ in HANDING_OVER and hi - verbs[0].i <= 5


def _another_act_between(doc, lo: int, hi: int) -> bool:  # type: ignore[no-untyped-def]
    """A verb in the past between a day and the event after it, with the event in a relative
    clause after that verb ("turned down a request that would have barred ..."): the day is the
    verb's. (A verb that governs the event itself, "gave it breakthrough status", keeps the day.)"""
    kept = list(doc[lo:hi])  # (not past asides: a comma after an opening date starts none)
    for k, w in enumerate(kept):
        if (w.lower_.endswith("ed") or w.lower_ in IRREGULAR_PAST) and w.lower_ not in LINKING_VERBS \
                and w.is_lower and len(w) > 3 and not (w.i > 0 and doc[w.i - 1].text in ("-", "‑")):
            return any(x.lower_ in ("that", "which", "who", "whom") for x in kept[k + 1:])
    return False


def _listed_with(text: str, t, times: list) -> list:  # type: ignore[no-untyped-def]
    """The times joined to `t` in a list ("in 2017 and 2019", "2017, 2019 and 2021")."""
    out = []
    for u in sorted(times, key=lambda u: u.start):
        if u is t or u.relative or u.first is None:
            continue
        lo, hi = (t.end, u.start) if u.start >= t.end else (u.end, t.start)
        if text[lo:hi].strip(" ,") in ("and", "or", "", "and in", "then in", "and again in"):
            out.append(u)
    return out


class EventDateRule:
    def __init__(self, rule: Rule, rivals: set[str], home_jurisdiction: str | None = None) -> None:
        assert isinstance(rule.spec, EventDateSpec)
        self.rule, self.spec = rule, rule.spec
        # As for `status`: a sentence that names no place is about the pack's home.
        self.unnamed_place_ok = home_jurisdiction is None or home_jurisdiction == country_of(rule.spec.jurisdiction)
        self.events = event_labels(rule.id, rule.spec.event)
        self.own = subject_labels(rule.id, rule.spec.subject)
        self.rivals = rivals - self.own

    def _attached(self, an: Analysis, ev, t) -> bool:  # type: ignore[no-untyped-def]
        """The date belongs to this event: close to it, with no other event between them
        ("Lykos, renamed in January 2024, filed in December 2023": each date has its own verb)."""
        span = an.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            return False
        ev_labels = self.events
        lo, hi = (ev.cue.end, span.start) if span.start >= ev.cue.end else (span.end, ev.cue.start)
        # (an aside between them does not count: "On 9 August the FDA, the agency that regulates
        # drugs, decided ...")
        kept = outside_asides(an.doc[lo:hi])
        outside = {t.i for t in kept}
        if span.end <= ev.cue.start and day_next_to(an.doc, span.end, ev.cue.start):
            return False  # "fell on 9 August, the day after the FDA turned it down": another day
        # A day that opens a verb joined by "and" to this one is this one's too (see coordinated_act).
        coordinated = span.end <= ev.cue.start and coordinated_act(an.doc, span.end, ev.cue.start)
        if coordinated:
            outside = set()
        elif phrase_count(kept) > ATTACH_TOKENS and ev.clause[0] <= span.start < ev.clause[1]:
            return False
        # An application or filing named as the object ("turned down the application in 2023") is
        # no event of its own here.
        # Only the shared event classes count: another rule's own words ("grant" for vouchers) name
        # no event of their own here.
        between = [c for c in an.cues_in(lo, hi) if c.label.startswith("EV:") and not c.label.startswith("EV:rule:")
                   and c.start >= lo and c.label != "EV:submission" and c.label not in ev_labels
                   and c.start in outside]
        if between:
            return False
        if span.start >= ev.cue.end:
            commas = [t.i for t in an.doc[ev.cue.end:span.start] if t.text in (",", ";")]
            if commas and (_told_by_another_verb(an.doc, commas[0] + 1, span.start)
                           or any(t.lower_ in AFTER_COMMA_PARTICIPLES for t in an.doc[commas[0] + 1:span.start])):
                return False  # "prescriptions, built on the Inflation Reduction Act of 2022": the act's date
        # A date before this event that closes another one ("founded in 1986 and set up X in
        # 2014"): it is that event's date.
        if span.end <= ev.cue.start:
            lead = span.start - 2 if span.start >= 2 and an.doc[span.start - 1].lower_ in ("on", "in") else span.start
            # (Not for the end of a state: "declared in February that the shortage was over" dates
            # the end by its declaration.)
            # (A clause after the day that tells what happened on it ties the day to its verb, not
            # to the one before: "shares fell on 9 August, the day the FDA declined it".)
            told = tells_the_day(an.doc, span.end, ev.cue.start)
            handed = _handed_over(an.doc, span.end, ev.cue.start)
            if not self.spec.end and not handed and ((_told_by_another_verb(an.doc, span.end, ev.cue.start) and not coordinated)
                                      or (_told_by_another_verb(an.doc, lead, lead + 1) and not told)):
                return False  # "announced on 9 August that the FDA had declined": the saying's day
            if not coordinated and not told and _another_act_between(an.doc, span.end, ev.cue.start):
                # "On March 5 a court turned down a request that would have barred the agency from
                # taking it off the list": the day is the verb's after it, not the event's
                return False
            # (in the event's own sentence: "... had refused approval. On the 9th the agency ..."
            # closes nothing with the day)
            return not any(c.label.startswith("EV:") and c.start != ev.cue.start and span.start - 4 <= c.end <= span.start
                           for c in an.cues_in(max(ev.sentence[0], span.start - 8), span.start))
        return True

    def _span_bound(self, an: Analysis, ev, t) -> bool:  # type: ignore[no-untyped-def]
        """"the first drug approved since 2014": the date bounds a span with no such event; it is
        not the date of this one."""
        doc = an.doc
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or span.start == 0 or doc[span.start - 1].lower_ != "since":
            return False
        if span.start >= 2 and doc[span.start - 2].lower_ == "not":
            return True  # "Not since 2014 has the agency approved such a drug": the last one was then
        # the superlative before the event ("the first drug approved since 2014") or after it, in
        # its object ("approves the first weight-loss drug since 2014")
        return any(doc[i].lower_ in SUPERLATIVES for i in range(max(ev.clause[0], ev.cue.start - 12), ev.cue.start)) \
            or any(doc[i].lower_ in SUPERLATIVES for i in range(ev.cue.end, span.start))

    def _other_name_as_subject(self, an: Analysis, ev) -> bool:  # type: ignore[no-untyped-def]
        """A name right before the event that is none of the rule's subjects: "MAPS was founded in
        1986 and set up Lykos" dates MAPS's founding, not Lykos's."""
        doc = an.doc
        k = ev.cue.start - 1
        while k >= ev.clause[0] and ev.cue.start - k <= 3 and doc[k].lower_ in SUBJECT_TO_EVENT:
            k -= 1
        # Only a passive or an aside names the thing the event happened to ("MAPS was founded",
        # "MAPS, founded in"); in the active the name before is the actor ("the FDA approved it").
        if k < ev.clause[0] or not any(doc[i].lower_ in PASSIVE_MARKERS for i in range(k + 1, ev.cue.start)):
            return False
        tok = doc[k]
        if not (tok.is_title or tok.is_upper) or not tok.is_alpha or tok.is_stop:
            return False
        return not any(c.start <= k < c.end for c in an.cues_in(max(0, k - 6), k + 1) if c.label in self.own)

    def _advisers_acted(self, an: Analysis, ev) -> bool:  # type: ignore[no-untyped-def]
        """"An FDA advisory committee said no on June 4": the act is the advisers' vote, another
        event, unless the rule dates the vote itself."""
        if "EV:advisory-vote" in self.events:
            return False
        return any(c.label == "EV:advisory-vote" and 0 <= ev.cue.start - c.end <= 2
                   for c in an.cues_in(max(ev.sentence[0], ev.cue.start - 6), ev.cue.start))

    def _topic_of_this_date(self, an: Analysis, ev, t) -> bool:  # type: ignore[no-untyped-def]
        """With a `topic`, the topic words belong to this date's part of the clause, not to a later
        conjunct with its own date ("approved in 2021 for adults, then for adolescents in 2022":
        "adolescents" is 2022's)."""
        if not getattr(self.spec, "topic", None):
            return True
        doc = an.doc
        label = f"TOPIC:rule:{self.rule.id}"
        cues = [c for c in an.cues_in(*ev.clause) if c.label == label]
        if not cues:
            return True  # the topic came from outside the clause: names_topic has decided
        c0, c1 = doc[ev.clause[0]].idx, doc[ev.clause[1] - 1].idx + len(doc[ev.clause[1] - 1])
        later_dates = [u.start for u in ev.stance.times if not u.relative and u.first and t.end <= u.start and c0 <= u.start < c1]
        for c in cues:
            at = doc[c.start].idx
            if at < t.start or not any(at < d for d in later_dates):
                return True
            between = {tok.lower_ for tok in doc[c.start - 1:c.start]} | {
                tok.lower_ for tok in doc if t.end <= tok.idx < at}
            if not between & NEXT_CONJUNCT:
                return True
        return False

    def _wrong_day_without_year(self, an: Analysis, ev, c0: int, c1: int) -> Claim | None:  # type: ignore[no-untyped-def]
        """"The letter, issued on August 9, ...": a day with no year. The event happened once, so
        its day of the year is checked on its own, whatever year the page is from; the year is
        not guessed (an undated page gives none, and a dated one may tell last year's news)."""
        doc = an.doc
        ev_char = doc[ev.cue.start].idx
        days = days_without_year(doc.text[c0:c1])
        if not days:
            return None
        s, e, month, day = min(days, key=lambda d: abs(d[0] + c0 - ev_char))
        true = self.spec.date
        try:
            said = date(true.year, month, day)
        except ValueError:
            return None
        t = TimeExpr(s + c0, e + c0, doc.text[s + c0:e + c0], True, said, said)
        if not self._attached(an, ev, t) or self._span_bound(an, ev, t) or not self._topic_of_this_date(an, ev, t):
            return None
        document_day = _document_date(an, ev, t)
        if not document_day and not day_of_this_act(doc, ev, t):
            # Without a year, only a day the text ties to this act: the letter's own date, or a
            # day after the event with nothing but plain words between ("declined it on August
            # 9", "the approval, which came on 28 February"). "On Sept. 4 the FDA made public its
            # complete response letter" dates another act.
            return None
        slack = timedelta(0 if document_day else self.spec.day_tolerance)
        if abs(said - true) <= slack:
            return None
        return self._claim_for_day(an, ev, t)

    def _claim_for_day(self, an: Analysis, ev, t) -> Claim | None:  # type: ignore[no-untyped-def]
        """The claim of a day `t` given wrongly for this act: from the day to the event, or the
        event to the day."""
        doc = an.doc
        ev_char = doc[ev.cue.start].idx
        span = doc.char_span(min(t.start, ev_char), max(t.end, doc[ev.cue.end - 1].idx + len(doc[ev.cue.end - 1])),
                             alignment_mode="expand")
        if span is None:
            return None
        claim = claim_for(an, span.start, span.end, ev.sentence, self.rule)
        claim.attributed = ev.stance.attributed
        return claim

    def _a_day_of_this_act(self, an: Analysis, ev, t) -> bool:  # type: ignore[no-untyped-def]
        """A day (with no year) that the text ties to this act, not to another one near it."""
        return (self._attached(an, ev, t) and day_of_this_act(an.doc, ev, t) and not self._span_bound(an, ev, t)
                and self._topic_of_this_date(an, ev, t))

    def _wrong_day_of_month(self, an: Analysis, ev, s0: int, s1: int) -> Claim | None:  # type: ignore[no-untyped-def]
        """"On the 9th of this month the agency ruled that it would not approve it": a day of the
        month alone, for an act whose day is known, checked like a day with no year."""
        text = an.doc.text
        true = self.spec.date
        tol = self.spec.day_tolerance
        near = {(true + timedelta(days=k)).day for k in range(-tol, tol + 1)}  # across a month's end too
        for s, e, day in days_of_known_month(text[s0:s1]):
            if day in near:
                continue
            t = TimeExpr(s0 + s + 3, s0 + e, text[s0 + s + 3:s0 + e], True, None, None)  # "the 9th", after "on"
            claim = self._claim_for_day(an, ev, t) if self._a_day_of_this_act(an, ev, t) else None
            if claim is not None:
                return claim
        return None

    def _wrong_weekday(self, an: Analysis, ev, s0: int, s1: int) -> Claim | None:  # type: ignore[no-untyped-def]
        """"On Friday federal regulators turned it down": a weekday given for a one-time act whose
        day is known. The week cannot be told without the page's date, but the weekday can: one
        outside the days the rule allows (its `day_tolerance` either side) is wrong."""
        tol = self.spec.day_tolerance
        if tol >= 3:
            return None  # seven days around the date: every weekday fits
        true = self.spec.date
        allowed = {(true + timedelta(days=k)).weekday() for k in range(-tol, tol + 1)}
        doc = an.doc
        for tok in doc[ev.sentence[0]:ev.sentence[1]]:
            weekday = WEEKDAY_NUMBERS.get(tok.lower_)
            if weekday is None or weekday in allowed or not s0 <= tok.idx < s1:
                continue
            # A day the act happened on ("on Friday", "last Friday"), not "Friday's news".
            if tok.i == 0 or doc[tok.i - 1].lower_ not in ("on", "last", "this", "past") \
                    or (tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("'s", "’s")):
                continue
            t = TimeExpr(tok.idx, tok.idx + len(tok), tok.text, True, None, None)
            claim = self._claim_for_day(an, ev, t) if self._a_day_of_this_act(an, ev, t) else None
            if claim is not None:
                return claim
        return None

    def _another_places_date(self, an: Analysis, ev, t) -> bool:  # type: ignore[no-untyped-def]
        """The stated date is the event's date in another jurisdiction, and the sentence names
        none: the writer may mean that one."""
        if not self.spec.elsewhere:
            return False
        if self.spec.jurisdiction and an.names_in((f"JUR:{self.spec.jurisdiction}",), *ev.sentence):
            return False
        return any(not (t.last < lo or t.first > hi)
                   for lo, hi in (_period(o.date, self.spec.day_tolerance) for o in self.spec.elsewhere))

    def claims(self, an: Analysis, para_of: dict[int, int], in_domain: bool) -> list[Claim]:
        if self.spec.date is None:
            return []
        true_first, true_last = _period(self.spec.date, self.spec.day_tolerance)
        out: list[Claim] = []
        doc = an.doc
        if never_about(an, self.own, self.rivals):
            return out  # no mention can be about the rule's subject (in_scope below)
        for ev in an.events_of(self.events):
            # The tests that need no stance come first (see StatusRule.claims): a mention turned
            # down by its subject or place is never read for one.
            if blocked_here(an, self.rule, ev, self.own):
                continue
            para = para_of.get(ev.sentence[0], 0)
            if not in_scope(an, ev, self.own, self.rivals, para, default=False):
                continue
            if not names_topic(an, self.rule, ev, self.own, para, whole_sentence=False, look_back=False):
                continue
            if self._other_name_as_subject(an, ev) or self._advisers_acted(an, ev):
                continue
            if self.spec.jurisdiction and not in_jurisdiction(an, ev, self.spec.jurisdiction, para,
                                                                 default=self.unnamed_place_ok):
                continue
            if ev.stance.question:
                continue
            if (ev.stance.stance != "ended") if self.spec.end else (ev.stance.stance in NOT_A_DATE_OF_IT):
                continue
            c0, c1 = doc[ev.clause[0]].idx, doc[ev.clause[1] - 1].idx + len(doc[ev.clause[1] - 1])
            times = [t for t in ev.stance.times if not t.relative and t.first and c0 <= t.start < c1]
            if not times and not self.spec.end and not isinstance(self.spec.date, PartialDate):
                # The sentence, not the clause: the day often sits in an aside on the event's noun
                # ("the letter, which was issued on August 9, ..."); `_attached` keeps it close.
                s0, s1 = doc[ev.sentence[0]].idx, doc[ev.sentence[1] - 1].idx + len(doc[ev.sentence[1] - 1])
                claim = (self._wrong_day_without_year(an, ev, s0, s1) or self._wrong_weekday(an, ev, s0, s1)
                         or self._wrong_day_of_month(an, ev, s0, s1))
                if claim is not None:
                    out.append(claim)
                    continue
            if not times:
                # A fact box: "November 2022: new drug application submitted".
                times = [t for t in ev.stance.times if not t.relative and t.first]
                if len(times) != 1:
                    continue
            ev_char = doc[ev.cue.start].idx
            if self.spec.end:
                # The end of a state told over a span: "from 2022 until mid-2023" ends at the second.
                ends = [u for u in times if _after_until(doc, u)]
                times = ends or times
            t = min(times, key=lambda t: abs(t.start - ev_char))
            if not self._attached(an, ev, t) or self._span_bound(an, ev, t):
                continue
            if not self._topic_of_this_date(an, ev, t):
                continue
            first, last = (true_first, true_last)
            if not isinstance(self.spec.date, PartialDate) and _document_date(an, ev, t):
                first = last = self.spec.date  # a letter's own date: no announcement slack
            if not (t.last < first or t.first > last) and not self.spec.end:
                # A one-time event given two dates in a list ("designations in 2017 and 2019"):
                # the other date is as much the text's as the nearest one.
                t = next((u for u in _listed_with(doc.text, t, times) if u.last < first or u.first > last), t)
            if (t.last < first or t.first > last) and self._another_places_date(an, ev, t):
                continue  # "Wegovy was authorised at the start of 2022": the EU's date, no place named
            if t.last < first or t.first > last:  # no overlap at the text's precision
                span = doc.char_span(min(t.start, ev_char), max(t.end, doc[ev.cue.end - 1].idx + len(doc[ev.cue.end - 1])),
                                     alignment_mode="expand")
                if span is None:
                    continue
                claim = claim_for(an, span.start, span.end, ev.sentence, self.rule)
                # "the agency said the shortage was over in 2023": saying so was the act itself.
                claim.attributed = ev.stance.quoted if self.spec.end else ev.stance.attributed
                out.append(claim)
        return out
