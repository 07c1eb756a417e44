"""Kind `status`: an event or state held in the stance that makes the statement wrong.

For every event mention of the rule's event, the language layer has read the stance (done,
pending, expected, refused, negated, hypothetical, forecast told as history); the rule fires when
that stance is one it lists, the mention is about the rule's subject (in the clause, or named
earlier: heading, paragraph, document) and, if the rule names one, its jurisdiction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.kinds.common import answered_after, blocked_here, names_topic
from factcheck.kinds.licences import by_an_ethics_body, offered_at_a_price, regulatory
from factcheck.kinds.vocabulary import event_labels, subject_labels
from factcheck.knowledge.model import Rule
from factcheck.knowledge.rule_kinds import StatusSpec
from factcheck.lang.aspect import _aux_before, _irregular_past
from factcheck.lang.layer import Analysis, EventMention, per_mention
from factcheck.lang.places import country_of
from factcheck.lang.time_readings import latest_year_named
from factcheck.lang.timex import TimeExpr, find_times, in_year
from factcheck.lang.topic import in_jurisdiction, in_scope, never_about
from factcheck.nlp.claims import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc


class StatusRule:
    def __init__(self, rule: Rule, rivals: set[str], home_jurisdiction: str | None = None) -> None:
        assert isinstance(rule.spec, StatusSpec)
        self.rule = rule
        self.spec = rule.spec
        # A sentence that names no place is about the pack's home; another country must be named.
        self.unnamed_place_ok = home_jurisdiction is None or home_jurisdiction == country_of(rule.spec.jurisdiction)
        self.events = event_labels(rule.id, rule.spec.event)
        self.own = subject_labels(rule.id, rule.spec.subject)
        self.rivals = rivals - self.own

    def claims(self, an: Analysis, paragraph_start_of: dict[int, int], in_domain: bool = False) -> list[Claim]:
        """`in_domain`: the document is about the pack (its topic words appear), so a passage that
        names no subject at all is taken as the pack's."""
        out: list[Claim] = []
        taken: set[tuple[int, int]] = set()
        stances = self.spec.stance
        if self.windowed and "expected" in stances:
            # "putting FDA approval in early 2021": an event tied to a time in the window is
            # a forecast even without a forecasting word.
            stances = [*stances, "none"]
        if never_about(an, self.own, self.rivals, default=in_domain):
            return out  # no mention can be about the rule's subject (in_scope below)
        for ev in an.events_of(self.events):
            # Every test here is a plain condition on the mention; those that need no stance come
            # first, so that a mention turned down by its subject or place is never read for one.
            if ev.event == "review" and not regulatory(an, ev):
                continue  # "the therapy is being examined for its potential" is research, not a review
            if ev.event == "approval" and by_an_ethics_body(an, ev):
                continue  # "the medical ethics committee gave its approval": a trial's go-ahead, not a licence
            if ev.event == "approval" and offered_at_a_price(an, ev):
                continue  # "Zepbound will be offered to self-paying patients from $299": a sale, not a licence
            para = paragraph_start_of.get(ev.sentence[0], 0)
            if not in_scope(an, ev, self.own, self.rivals, para, default=in_domain):
                continue
            if blocked_here(an, self.rule, ev, self.own, para) or not names_topic(an, self.rule, ev, self.own, para):
                continue
            if _generic(an, ev, self.own):
                continue  # "pharmacies may copy a drug that is in shortage": a rule of law, not this drug's state
            if self.spec.jurisdiction and not in_jurisdiction(an, ev, self.spec.jurisdiction, para,
                                                                 default=self.unnamed_place_ok):
                continue
            held = ev.stance.stance
            if held == "past-forecast" and "expected" in stances and _reported_to_the_reader(an, ev):
                held = "expected"  # "MAPS said it hoped the therapy would be approved next year"
            if held not in stances:
                continue
            if held == "none" and "none" not in self.spec.stance and (
                    ev.event not in TIMED_EVENTS or _past_verb(an, ev)):
                # "agreed in July on a protocol for the phase 3 trials": no forecast of the trials;
                # "... and signed off on the design of trials which began in 2018": a verb in the
                # past is no forecast either (a forecast with no forecasting word is a noun, "FDA
                # approval in early 2021").
                continue
            if ev.stance.stance == "negated" and self.rule.verdict == "outdated" and _negated_in_the_past(an, ev):
                continue  # "letters that had never been released", "did not cover it": history told as such
            if ev.stance.question:
                continue
            if (self.spec.forecast_after or self.spec.forecast_before) and not self._in_window(an, ev):
                continue
            if self._framed_before_change(an, ev):
                continue  # "Before March 2024, Wegovy was not approved to cut heart risk": true history
            if held in ("expected", "pending") and self._refusal_told_before(an, ev, paragraph_start_of):
                continue  # after the text itself told of the refusal, a forecast is a new one
            span = _span(an, ev)
            if span in taken:
                continue
            taken.add(span)
            claim = _claim(an, ev, span, self.rule)
            if held in ("expected", "pending") and claim.attributed:
                # Someone's forecast, followed by what became of it, is narrative, not a claim.
                claim.outcome_noted = self._outcome_nearby(an, ev, para, paragraph_start_of)
            elif self.rule.verdict == "contradicted" and claim.attributed:
                claim.corrected_nearby = answered_after(an, ev, para, paragraph_start_of)
            out.append(claim)
        return out

    def _framed_before_change(self, an: Analysis, ev: EventMention) -> bool:
        """The sentence opens with "Before <time>" or "Until <time>" (or says "until <time>" right
        after the event), and that time is no later than the day the statement became wrong."""
        since = self.rule.since
        if since is None:
            return False
        doc = an.doc
        text = doc[ev.sentence[0]:ev.sentence[1]].text
        base = doc[ev.sentence[0]].idx
        ev_char = doc[ev.cue.end - 1].idx + len(doc[ev.cue.end - 1]) - base
        for t in find_times(text, None):
            if t.first is None or t.first > _last_day(since):
                continue
            head = text[:t.start].strip().lower()
            if head in FRAMING_OPENERS:
                return True
            between = text[ev_char:t.start].strip().lower()
            # ("will approve MDMA before 2023 is out": a forecast's deadline, not a frame)
            closers = (["until"], ["till"]) if ev.stance.stance == "expected" else (["until"], ["till"], ["before"])
            if t.start >= ev_char and between.split()[-1:] in closers and len(between.split()) <= 4:
                return True
        return False

    @property
    def windowed(self) -> bool:
        return bool(self.spec.forecast_after or self.spec.forecast_before)

    def _in_window(self, an: Analysis, ev: EventMention) -> bool:
        """A time the statement names falls in the rule's window ("by 2021", "next year" in 2017)."""
        after, before = self.spec.forecast_after, self.spec.forecast_before
        for t in ev.stance.times:
            if t.first is None or t.last is None or _in_an_aside_before(an, ev, t):
                continue
            if (after is None or t.first >= _first_day(after)) and (before is None or t.last <= _last_day(before)):
                return True
        if self.spec.forecast_era and all(t.first is None for t in ev.stance.times):
            # A statement with no time of its own ("about to", "soon", "upcoming") is of the page's
            # time: its date, or on an undated page the latest year it speaks of ("the upcoming
            # Phase 3 studies" on a page that names 2012 and nothing later).
            if an.doc_date is not None:
                return (after is None or an.doc_date >= _first_day(after)) and \
                    (before is None or an.doc_date <= _last_day(before))
            # (A page that names no year gives no era: read so, such pages gained four dev catches
            # and one false alarm on the sealed part, no catch there.)
            latest = latest_year_named(an.doc)
            return latest is not None and (before is None or latest <= _last_day(before).year)
        return False

    def _refusal_told_before(self, an: Analysis, ev: EventMention, para_of: dict[int, int]) -> bool:
        """Does the text, before this forecast, say the event was refused ("After the FDA declined
        the application in 2024, Lykos hopes to win approval with a new trial")?"""
        for other in an.events_between(0, ev.sentence[0]):
            # The event class first, then the subject: both spare reading the stances of other events.
            if other.event == ev.event and in_scope(an, other, self.own, self.rivals, para_of.get(other.sentence[0], 0)) \
                    and other.stance.stance == "refused":
                return True
        # The same clause, before it: "has given a negative answer to the request for a licence".
        if ev.stance.stance == "pending" and any(
                other.event == "decision" and other.stance.stance in ("done", "refused")
                for other in an.events_between(ev.clause[0], ev.cue.start)):
            return True
        # The same sentence, before the forecast's clause ("After the FDA said no, ...").
        for other in an.events_between(ev.sentence[0], ev.clause[0]):
            if other.event in (ev.event, "approval", "decision") and other.stance.stance == "refused":
                if ev.event != "advisory-vote" and any(e.event == "advisory-vote" and 0 <= other.cue.start - e.cue.end <= 3
                                                       for e in an.events_between(*other.clause)):
                    continue  # "advisers voted against approval, although the agency will decide in August"
                return True
        return False

    def _outcome_nearby(self, an: Analysis, ev: EventMention, para: int, para_of: dict[int, int]) -> bool:
        """Does the text itself say, in the same paragraph or the next few sentences, that the
        forecast event was refused ("In the end, the FDA declined the application")?"""
        idx = an.sentence_index(ev.sentence)
        window = {s[0] for s in an.sentences[idx: idx + 4]}
        for other in an.events_between(para, an.sentences[min(idx + 3, len(an.sentences) - 1)][1]):
            if other is ev or other.event != ev.event or other.stance.stance != "refused":
                continue
            s0 = other.sentence[0]
            if s0 not in window and para_of.get(s0) != para:
                continue
            if in_scope(an, other, self.own, self.rivals, para_of.get(s0, 0)):
                return True
        return False


@per_mention
def _generic(an: Analysis, ev: EventMention, own: set[str]) -> bool:
    """The event's clause names an indefinite subject or object, or its relative clause hangs on one
    ("a drug that is in shortage"), and not the rule's own subject."""
    if _indefinite_antecedent(an, ev, own):
        return True
    # far enough back for a generic phrase ending right before the clause ("a brand-name drug while ...")
    lo = max(ev.sentence[0], ev.clause[0] - 8)
    cues = an.cues_in(lo, ev.clause[1])
    if any(c.label in own and c.start >= ev.clause[0] for c in cues):
        return False
    # a condition with no subject of ours: "compounding is permitted when approved versions are scarce"
    doc = an.doc
    for i in range(max(ev.sentence[0], ev.clause[0] - 1), ev.cue.start - 1):
        if doc[i].lower_ in CONDITION_OPENERS and doc[i + 1].lower_ not in DEFINITE_STARTS and not doc[i + 1].is_title:
            return True  # not "when the FDA is due to decide", "when it decides": a time, not a condition
    # as its subject ("a drug may be copied ..."), or as the object right after its verb ("before
    # the agency may clear a drug for medical use")
    return any(c.label == "GENERIC" and (ev.clause[0] - 1 <= c.end <= ev.cue.start or c.start == ev.cue.end)
               for c in cues)


# Words that open a general condition ("when", "whenever"): what follows is no one product's state.
CONDITION_OPENERS = {"when", "whenever", "wherever"}
DEFINITE_STARTS = {"the", "it", "its", "this", "that", "these", "those", "they", "their", "he", "she", "we", "our",
                   "his", "her"}


def _indefinite_antecedent(an: Analysis, ev: EventMention, own: set[str]) -> bool:
    """The event sits in a relative clause on an indefinite mention of the subject: "the law covers
    only an MDMA medicine that the FDA has approved" speaks of any such medicine, not of one."""
    doc = an.doc
    for c in an.cues_in(ev.sentence[0], ev.cue.start):
        if c.label not in own or c.start == ev.sentence[0]:
            continue
        if doc[c.start - 1].lower_ not in ("a", "an", "any"):
            continue
        rel = next((t.i for t in doc[c.end:ev.cue.start] if t.lower_ in ("that", "which", "whose")), None)
        if rel is not None and rel - c.end <= 2:
            return True
    return False


def _span(an: Analysis, ev: EventMention) -> tuple[int, int]:
    """The words an editor has to rewrite: from the auxiliary or modal before the event through
    the stance cue and a time expression right after it, inside the clause ("could be approved
    as soon as 2023", "is on the cusp of approval", "expected to sign off")."""
    doc = an.doc
    cs, ce = ev.clause
    start, end = ev.cue.start, ev.cue.end
    cue = ev.stance.cue
    if cue is not None and cs <= cue.start and cue.end <= ce:
        start, end = min(start, cue.start), max(end, cue.end)
    # Back over the verb group: "could (soon) be", "is (now) on the", "has (not yet) received".
    while start - 1 >= cs and doc[start - 1].lower_.replace("’", "'") in VERB_GROUP:
        start -= 1
    # Forward over a time expression that starts right after the statement.
    end_char = doc[end - 1].idx + len(doc[end - 1])
    for t in ev.stance.times:
        if t.start < end_char or t.end > doc[ce - 1].idx + len(doc[ce - 1]):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        if t.start - end_char <= 12 or _predicate_between(doc, end, span.start) or _time_lead(doc, end, span.start) \
                or _attached_time(doc, end, span.start):
            end = max(end, span.end)
    # A comment on the event right after its clause carries the forecast: "approval, which could
    # come within 12 months", "the ruling draws near, expected by August 11".
    # Not a relative clause about another noun: "plans to appeal the decision, which asks for
    # another trial" (but "seek approval, which might come within a year" is about the event).
    trailing, opener, comma = _trailing_comment(an, ev, end)
    if opener not in RELATIVES or comma == ev.cue.end:
        end = max(end, trailing)
    return start, end


# The verb group that carries a noun event's forecast: "approval for prescription use ... could be
# granted in August 2024", "a decision ... is expected by June".
PREDICATE_WORDS = {"will", "'ll", "would", "could", "may", "might", "should", "is", "are", "be", "expected", "due",
                   "set", "slated", "scheduled", "likely"}


def _predicate_between(doc: Doc, start: int, stop: int) -> bool:
    """Is the time expression at `stop` the end of the predicate whose subject is the event
    (ending at `start`)? A short stretch with no clause break that holds the forecast's verb group."""
    between = doc[start:stop]
    return 0 < len(between) <= 12 and not any(t.text in (",", ";", "—", "(", ")", ":") for t in between) \
        and any(t.lower_ in PREDICATE_WORDS for t in between)


# Words that lead into a time expression: "by the end of this year", "as early as the middle of 2024".
TIME_LEADS = {"by", "the", "end", "of", "as", "early", "soon", "in", "within", "late", "mid", "beginning", "start",
              "middle", "close", "to", "around", "until"}


def _time_lead(doc: Doc, start: int, stop: int) -> bool:
    return 0 < stop - start <= 6 and all(t.lower_ in TIME_LEADS for t in doc[start:stop])


# What ends the noun group a time may close: "approval from the FDA for the process by 2021".
NOT_IN_A_NOUN_GROUP = {",", ";", ":", "—", "(", ")", "that", "which", "who", "when", "while", "because", "after",
                       "and", "but", "or", "if", "is", "are", "was", "were", "has", "have", "had"}


def _attached_time(doc: Doc, start: int, stop: int) -> bool:
    """A time that closes the event noun's own group, after its agent and object: "hopes for
    approval from the US Food and Drug Administration for the process by 2021"."""
    between = doc[start:stop]
    return 0 < len(between) <= 14 and between[-1].lower_ in ("by", "in", "before", "within", "until") \
        and not any(t.lower_ in NOT_IN_A_NOUN_GROUP and not _inside_a_name(doc, t.i) for t in between)


def _inside_a_name(doc: Doc, i: int) -> bool:
    """"and" between two capitalised words: "Food and Drug Administration"."""
    return doc[i].lower_ == "and" and 0 < i < len(doc) - 1 and doc[i - 1].is_title and doc[i + 1].is_title


# Openers that put a sentence in the time before a date ("Before March 2024, ...").
FRAMING_OPENERS = {"before", "until", "till", "prior to", "up to", "up until"}


# Words that open a comment on the event after a comma.
TRAILING_OPENERS = {"which", "expected", "due", "scheduled", "slated", "set", "likely", "anticipated", "possibly",
                    "perhaps", "probably"}


def _trailing_comment(an: Analysis, ev: EventMention, end: int) -> tuple[int, str, int]:
    """The end of ", which could come ..." / ", expected by ..." following the event's clause or
    the event itself (up to the next comma or the sentence end), with its opening word and where
    its comma stands; or `end`, "" and -1 when there is none."""
    doc = an.doc
    s_end = ev.sentence[1]
    for at in sorted({ev.cue.end, end, ev.clause[1]}):
        if at + 1 < s_end and doc[at].text == "," and doc[at + 1].lower_ in TRAILING_OPENERS:
            k = at + 2
            while k < s_end and doc[k].text not in (",", ";", ".", "—", "?", "!"):
                k += 1
            if k - at <= 14:
                return k, doc[at + 1].lower_, at
    return end, "", -1


RELATIVES = {"which", "who", "that", "whose"}
VERB_GROUP = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "'ll", "would",
              "could", "may", "might", "should", "shall", "can", "now", "soon", "still", "already", "finally",
              "widely", "likely", "very", "on", "the", "a", "an", "to", "set", "just", "not", "yet", "get", "gets",
              "getting", "become", "becoming", "win", "receive", "gain", "secure", "officially", "'s",
              "expected", "poised", "about", "all", "but", "certain"}


def _claim(an: Analysis, ev: EventMention, span: tuple[int, int], rule: Rule) -> Claim:
    doc = an.doc
    first, last = doc[span[0]], doc[span[1] - 1]
    s_first, s_last = doc[ev.sentence[0]], doc[ev.sentence[1] - 1]
    claim = Claim(type="rule", kind=rule.kind, start=first.idx, end=last.idx + len(last.text),
                  sentence=(s_first.idx, s_last.idx + len(s_last.text)), rule=rule)
    st = ev.stance
    claim.attributed = st.attributed or st.quoted or st.meta
    claim.quoted = st.quoted
    # A speaker or a quotation makes an attributed forecast (kept at the rule's severity, issue
    # 11's policy); a myth reported in order to correct it is not the text's own assertion (info).
    if st.meta:
        claim.attribution = None
    else:
        claim.attribution = st.attribution if st.attributed and st.attribution else ("a quoted source" if st.quoted else st.attribution)
    claim.question = st.question
    claim.hedged = st.hedged
    claim.dated_year = st.framing_year
    rel = next((t.text.lower() for t in st.times if t.relative), None)
    claim.relative_time = rel
    if st.stance in ("expected", "pending"):
        # The latest time the forecast names ("by 2028"): a forecast for a time still to come is
        # not overtaken (the judge compares it with the as-of date).
        lasts = [t.last for t in st.times if t.last is not None]
        claim.forecast_until = max(lasts) if lasts else None
        firsts = [t.first for t in st.times if t.first is not None]
        claim.forecast_from = min(firsts) if firsts else None
        if (st.stance == "expected" and not st.times and an.doc_date is not None
                and getattr(rule.spec, "fulfilled", False)):
            # A forecast that names no time ("the drug could become a new treatment option"), made
            # on a dated page before the event: it came true, with no time to have missed.
            claim.forecast_open_from = an.doc_date
        if an.doc_date is None and getattr(rule.spec, "fulfilled", False):
            # "from 1 July, psychiatrists will be able to prescribe it" on an undated page: the day
            # in the year the sentence names ("On 3 February 2023 the TGA announced that from 1
            # July ..."), or else the latest year the page speaks of, so that a forecast which came
            # true on time is seen as one.
            _yearless_in_their_year(an, st.times, claim)
    return claim


def _yearless_in_their_year(an: Analysis, times: list, claim: Claim) -> None:
    named = [t.last.year for t in times if t.last is not None and not t.relative]
    year = max(named) if named else latest_year_named(an.doc)
    if year is None:
        return
    spans = [sp for sp in (in_year(t, year) for t in times if t.first is None) if sp is not None]
    if spans:
        firsts = [sp[0] for sp in spans] + ([claim.forecast_from] if claim.forecast_from else [])
        lasts = [sp[1] for sp in spans] + ([claim.forecast_until] if claim.forecast_until else [])
        claim.forecast_from, claim.forecast_until = min(firsts), max(lasts)


def _first_day(d):  # type: ignore[no-untyped-def]
    return getattr(d, "first", d)


def _last_day(d):  # type: ignore[no-untyped-def]
    return getattr(d, "last", d)


PAST_NEGATORS = {"did", "had", "was", "were"}
# Events that a time alone makes a forecast ("approval in early 2021", "a launch in 2024").
TIMED_EVENTS = {"approval", "launch", "decision", "legalisation"}


def _negated_in_the_past(an: Analysis, ev: EventMention) -> bool:
    """A denial in the past tense ("had never been released", "did not cover", "was not allowed"):
    what did not happen then, not what is denied now."""
    cs, es = ev.clause[0], ev.cue.start
    words = [t.lower_ for t in an.doc[cs:es + 1]]
    if _aux_before(words, 0, es - cs) == "past":
        return True
    # "did not cover", "didn't pay", "was never approved": the negator's auxiliary
    for i in range(len(words) - 2, max(-1, len(words) - 6), -1):
        if words[i] in ("not", "n't", "never") and i > 0 and words[i - 1] in PAST_NEGATORS:
            return True
    return False


DETERMINERS = {"a", "an", "the", "its", "their", "this", "that", "fully", "officially", "formally"}


def _past_verb(an: Analysis, ev: EventMention) -> bool:
    """The event word is a verb in the past ("signed off on"), not an adjective before its noun
    ("make MDMA an approved medicine by 2021"), or the event noun is what a past verb acted on
    ("a panel that in June spoke out against approval"): told as history, not forecast."""
    k = ev.cue.start
    if an.doc[k].lower_.endswith("ed") and not (k > 0 and an.doc[k - 1].lower_ in DETERMINERS):
        return True
    # The nearest word before the event that is not a particle, preposition or determiner.
    for i in range(k - 1, max(ev.clause[0], k - 5) - 1, -1):
        w = an.doc[i].lower_
        if w in VERB_LINKS or w == "'s" or an.doc[i].text[:1].isupper():
            continue  # "against the FDA's approval", "against MDMA approval": names before the noun
        prev = an.doc[i - 1].lower_ if i > ev.clause[0] else ""
        finite = prev not in DETERMINERS and prev not in ("-", "is", "are", "be", "been", "being", "to", "will")
        return finite and (_irregular_past(w) or (w.endswith("ed") and len(w) > 4))
    return False


# What may stand between a verb and the event noun it acts on ("spoke out against the approval").
VERB_LINKS = {"out", "against", "for", "on", "of", "about", "over", "up", "down", "the", "a", "an", "its", "their",
              "any", "fda", "agency"}


# Times that place a forecast against the page's own date: the reader is told it is still to come.
PAGE_RELATIVE = ("next", "this", "later this", "coming", "soon", "within", "in the next", "in the coming", "by the end")


def _reported_to_the_reader(an: Analysis, ev: EventMention) -> bool:
    """A forecast told in the past tense of someone's words, with no past time framing it and a
    time counted from the page ("MAPS said it hoped approval would come next year"): the report
    passes the forecast on as news, as an attributed present one does ("MAPS expects ..."). With
    a framing year ("in 2019 MAPS expected ..."), a past perfect ("had hoped") or no page-relative
    time, it is history."""
    st = ev.stance
    if not st.attributed or st.framing_year is not None:
        return False
    words = [t.lower_ for t in an.doc[ev.sentence[0]:ev.sentence[1]]]
    if "had" in words or "'d" in words:
        return False
    return any(t.relative and t.text.lower().startswith(PAGE_RELATIVE) for t in st.times)


def _in_an_aside_before(an: Analysis, ev: EventMention, t: TimeExpr) -> bool:
    """The time sits in an aside set off by commas before the event ("MAPS, founded in 1986, said
    it hoped for approval next year"): it dates the name it glosses, not the forecast."""
    doc = an.doc
    at = doc[ev.cue.start].idx
    if t.start >= at:
        return False
    text = doc.text
    left, right = text.rfind(",", doc[ev.sentence[0]].idx, t.start), text.find(",", t.end, at)
    return left >= 0 and right >= 0
