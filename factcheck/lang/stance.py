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
from factcheck.lang.modality import _governs, _hypothetical, _modal_before, _past_framed, _still_required
from factcheck.lang.readings import (
    HOW_IT_USUALLY_RUNS,
    SCOPE_CLOSERS,
    _a_further_one,
    _ability,
    _any_such_state,
    _arrived_at,
    _as_soon_as_clause,
    _asserting_opener,
    _awaited,
    _closed_off,
    _harmless_negation,
    _held_since,
    _object_of,
    _prevented,
    _purpose_after_future,
    _question_to_settle,
    _reduced_relative,
    _scheduled_present,
    _simple_past_before,
    _state_after_phrase,
    _state_in_present,
    _subject_of,
    _time_allowed,
    _waiting_for,
    _wanted,
    acted_on,
    acts_now,
    headline_state,
    object_of_nearer_event,
    object_of_participle,
    reported_would,
)
from factcheck.lang.states import declared_to, ended_cue, generic_event, listed_now, state_preposition, until_time
from factcheck.lang.time_readings import (
    _delay_foreseen,
    _framing_year,
    _soon_in_the_past,
    _soon_then_past,
    citation_year,
)
from factcheck.lang.timex import TimeExpr, is_future
from factcheck.lang.wordsets import (
    DEONTIC_MODALS,
    EXPERIENCE_VERBS,
    FORECAST_ADVERBS,
    FUTURE_MODALS,
    HABITUAL,
    HELD_IN,
    INTERROGATIVES,
    IRREGULAR_PARTICIPLES,
    NAME_LABELS,
    NEG_QUANTIFIERS,
    ONGOING,
    PAST_BELIEF,
    PAST_PERFECT,
    PAST_REQUESTS,
    PERFECT,
    PROCESS_EVENTS,
    PROSPECT_NEAR,
    STATE_AFTER,
    STATE_VERBS,
    SUBJECTS,
    TIME_CLAUSE_OPENERS,
    TIME_PREPOSITIONS,
)

# Adjectives that place an event's noun before now ("the earlier phase 3 data").
# Not "completed" or "finished": as often verbs ("expects to have finished Phase 3 by 2021").
EARLIER_ONES = {"earlier", "previous", "prior", "former", "original", "past"}
# A weighing in the present, before the -ing form of what is weighed.
WEIGHING_NOW = {"considering", "considers", "weighing", "weighs", "contemplating", "contemplates", "mulling",
                "mulls", "debating", "debates", "discussing", "discusses"}

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

    es, ee = event.start, event.end

    def near(c: Cue, n: int = PROSPECT_NEAR) -> bool:
        return abs(c.start - es) <= n or abs(c.end - ee) <= n

    def negated_between(a: int, b: int) -> bool:
        lo, hi = min(a, b), max(a, b)
        if _prevented(words, cs, es):
            return True  # "the law bars Medicare from paying for it"
        for c in inside:
            if c.label != "NEG":
                continue
            if lo - 6 <= c.start <= hi and not _harmless_negation(words, c) \
                    and not _reduced_relative(words, c, es) and not _closed_off(words, c.start, es) \
                    and not (c.end < lo and any(w in SCOPE_CLOSERS for w in words[c.end + 1:lo])):
                # ("demand has not fallen because the shortage ended": the "because" clause is
                # outside the negation)
                return True
            if words[c.start] in LACK_VERBS and lo - 10 <= c.start < lo and "," not in words[c.start:lo]:
                return True  # "still lacks the US Food and Drug Administration approval": its object's head
            if (words[c.start] in NEG_QUANTIFIERS and cs <= c.start < lo) or (words[c.start] == "no" and c.start == cs):
                # a negative subject: "none of ibogaine, psilocybin or MDMA is legalised", "No
                # psychedelic-based therapy has so far won approval"
                return True
        return False

    # "post-approval studies", "pre-approval access": a time relative to the event, not the event.
    if es - 2 >= cs and words[es - 1] == "-" and words[es - 2] in ("post", "pre"):
        out.stance = "hypothetical"
        return out
    if _prevented(words, cs, es):
        out.stance, out.negated = "negated", True  # "the rules keep doctors from prescribing it to teens"
        return out
    if ee < ce and words[ee] in ("'s", "’s") and not _is_copula_s(words, ee):
        # "the application's PDUFA date is in August": the event names whose date it is; the
        # sentence says nothing of the application itself.
        return out
    if ee < ce and words[ee] in ("no", "none", "nothing") and not (ee + 1 < ce and words[ee + 1] in ("longer", "later", "sooner")):
        # "the TGA has approved no product that contains MDMA": a negative object denies the act
        out.stance, out.negated = "negated", True
        return out
    if "neither" in words[ee:min(ce, ee + 4)] and "nor" in words[ee:ce]:
        # "has approved it neither for diabetes nor for weight loss": denied for both
        out.stance, out.negated = "negated", True
        return out
    if _waiting_for(words, sent[0], es):
        out.stance = "pending"  # "the measure will have to wait until January to be adopted"
        return out
    if _as_soon_as_clause(words, cs, es):
        out.stance = "hypothetical"  # "legal in Colorado as soon as the FDA approves it": a condition
        return out
    if _wanted(words, cs, es) and not out.times:
        return out  # "MAPS wants MDMA to become a registered medicine": a goal, neither a forecast nor a fact
    if any(w in HOW_IT_USUALLY_RUNS for w in words[cs:es]):
        # "it normally aims to decide within ten months": how the process usually runs, not a
        # forecast for this case.
        out.stance = "hypothetical"
        return out
    if _a_further_one(words, cs, es):
        # "a way forward that includes one more phase 3 trial", "asked for another application":
        # one more of its kind, which may come; neither the one under way nor a forecast of it.
        out.stance = "hypothetical"
        return out
    if es - 1 >= cs and words[es - 1] in EARLIER_ONES:
        # "a review of the earlier phase 3 data", "the previous application": one before now,
        # neither under way nor to come.
        return out
    # A change told as "from X to Y" ("From Prohibited to Prescribed"): X is the state left behind.
    if es - 1 >= cs and words[es - 1] == "from" and "to" in words[ee:min(ce, ee + 4)]:
        out.stance = "ended"
        return out
    # Refused: "declined to approve", "rejected the application", "a complete response letter".
    refused = [c for c in inside if c.label == "ST:refused" and near(c, 12) and not _alternative(words, event, c)
               and not _object_of(words, event, c) and not _subject_of(words, event, c)]
    if refused and not negated_between(refused[0].start, refused[0].start):
        out.stance, out.cue = "refused", refused[0]
        return out

    # Preparing for the event: "ahead of the FDA's possible approval", "in the run-up to the
    # August 11 decision", "the pending approval of ...": a thing still to come, however hedged.
    if _awaited(words, cs, es) and not _past_aux(words, cs, es) and not _past_verb_before(words, cs, es) \
            and not _simple_past_before(words, cs, es):
        out.stance = "negated" if negated_between(es, es) else "expected"
        return out
    # An open question someone is to settle: "the FDA must decide whether it can be prescribed",
    # "on their outcome hangs the question of whether the FDA will let it be used".
    if _question_to_settle(words, cs, es, sent[1]) and not _past_aux(words, cs, es):
        out.stance = "pending"
        return out
    # The object of a weighing under way: "the FDA is considering authorising it", "as the agency
    # weighs approving it". (A past one, "considered approving", is read below as history.)
    if es - 1 >= cs and words[es].endswith("ing") and words[es - 1] in WEIGHING_NOW and not _past_aux(words, cs, es - 1):
        out.stance = "negated" if negated_between(es - 1, es - 1) else "pending"
        out.negated = out.stance == "negated"
        return out
    # Conditional or counterfactual frames: "if approved", "before approval could be considered",
    # "approval would require another trial", "any approval".
    if _still_required(words, cs, es):
        out.stance = "negated" if negated_between(es, es) else "pending"  # "still needs final authorisation"
        return out
    if _hypothetical(words, cs, es, inside):
        out.stance = "hypothetical"
        return out

    # Ended: "the shortage is over", "came off the shortage list", "the grace period expired".
    ended = ended_cue(doc, words, inside, event, out.times)
    if ended is not None:
        out.cue = ended
        prospect = any(c.label in ("ST:expected", "ST:pending") and abs(c.start - ended.start) <= 4 for c in inside)
        lead = words[max(cs, ended.start - 2):ended.start]
        # "completing the trials now under way": an end still being worked towards.
        # ("the order ending the shortage" did end it: a participle after its noun.)
        prospect = prospect or (ended.start < es and words[ended.start].endswith("ing")
                                and (ended.start == cs or words[ended.start - 1] in ("for", "toward", "towards", "of")))
        if negated_between(min(es, ended.start), max(es, ended.start)) or prospect \
                or (any(w in FUTURE_MODALS or w in ("to", "would") for w in lead)
                    and not declared_to(words, cs, ended.start)):
            out.stance = "current"  # "the shortage is not over yet", "is expected to end soon": it still holds
        else:
            out.stance = "ended"
        return out

    event_starts = {c.start for c in inside if generic_event(c)}
    # A stance word inside the event's own name ("the third and final phase of trials") says
    # nothing of how the sentence holds it.
    inside = [c for c in inside if not (c.label.startswith("ST:") and es <= c.start and c.end <= ee)]
    # "taking longer than planned", "sooner than expected": a comparison, not a forecast.
    prospects = [c for c in inside if c.label == "ST:expected" and near(c)
                 and _governs(words, c, es, event_starts) and not (c.start > 0 and words[c.start - 1] == "than")
                 and not object_of_nearer_event(words, c, event, inside)
                 and not _soon_in_the_past(words, c)
                 # "meet the demand it expects": a relative clause on a noun after the event
                 and not (c.start > ee and words[c.start - 1] in ("it", "they", "we", "he", "she", "i", "you"))
                 # "approved Zepbound, bringing new hope to patients": a noun the participle
                 # after the comma brings, not a forecast of the event
                 and not object_of_participle(words, ee, c)]
    pendings = [c for c in inside if c.label == "ST:pending" and near(c)]
    modal = _modal_before(words, cs, es, ce, event_starts)
    # ("soon" before a past verb tells of the past: "first approvals soon led to more")
    future_time = [t for t in out.times if is_future(t, doc_date) and not _soon_then_past(doc, t)
                   and not citation_year(doc, t)]

    if _delay_foreseen(words, ee, ce):
        return out  # "approval may be slow in coming": no forecast of the event
    if prospects:
        cue = min(prospects, key=lambda c: abs(c.start - es))
        out.cue = cue
        if negated_between(cue.start, es):
            out.stance, out.negated = "negated", True
        elif _past_framed(doc, words, cs, cue, inside, ce):
            out.stance = "past-forecast"
        else:
            out.stance = "expected"
        return out
    if pendings:
        cue = min(pendings, key=lambda c: abs(c.start - es))
        out.cue = cue
        if negated_between(cue.start, es):
            out.stance, out.negated = "negated", True
        elif _past_aux(words, cs, cue.start) or (words[cue.start] in PAST_REQUESTS
                                                  and _aux_before(words, cs, cue.start) is None):
            out.stance = "past-forecast"  # "last month MAPS asked the FDA to approve it": a request told as history
        else:
            out.stance = "pending"
        return out
    # A scheduled date stated in the present: "the PDUFA date is August 11".
    if words[ee - 1] == "date" and ee < ce and words[ee] in ("is", "falls", "'s", "lands", "remains"):
        out.stance = "negated" if negated_between(es, ee) else "expected"
        return out
    # In progress: "the agency is weighing the request", "regulators are reviewing it", "the
    # filing is being evaluated".
    ev_word = words[es]
    if es - 2 >= cs and words[es - 1] == "to" and (words[es - 2] in ("has", "have", "needs", "need", "must")
                                                  or _time_allowed(words, cs, es)) \
            and not negated_between(es - 3, es):
        # "the FDA now has to decide" is pending; "the government has to legalise it first" and
        # "the FDA would have to approve it" are conditions.
        would = es - 3 >= cs and words[es - 3] in ("would", "'d", "might", "could")
        out.stance = "hypothetical" if "first" in words[ee:ce] or would else "pending"
        return out
    if (_in_hands(words, cs, ce) or _with_authority(words, inside, es, ce)) and not _past_aux(words, cs, es):
        # "the application is now in the FDA's hands"
        out.stance = "negated" if negated_between(es, es) else "pending"
        return out
    if "under" in words[max(cs, es - 3):es] and not _past_aux(words, cs, words.index("under", max(cs, es - 3), es)) \
            and not doc[es].is_title and words[ee - 1] not in UNDER_MEANS and not words[es].endswith("ed") \
            and (ee >= len(words) or words[ee] not in UNDER_MEANS):
        # "under FDA review", "under priority review"; not a scheme named under which things happen
        # ("granted approval under the Authorised Prescriber Scheme")
        out.stance = "negated" if negated_between(es, es) else "pending"
        return out
    if es - 1 >= cs and words[es - 1] == "being" and not _past_aux(words, cs, es - 1):
        out.stance = "negated" if negated_between(es, es) else "pending"
        return out
    if _arrived_at(words, cs, es):
        # "MDMA has now reached the third phase of trials": a stage arrived at holds now.
        out.stance = "negated" if negated_between(es - 6, es) else "current"
        return out
    if ev_word.endswith("ing") and es > cs and _aux_before(words, cs, es) in ("present", "perfect"):
        out.stance = "negated" if negated_between(es, es) else "pending"
        return out
    if es - 1 >= cs and words[es - 1] in ONGOING and not negated_between(es - 1, es):
        # "ongoing phase 3 trials will report next year": the trials run now, whatever follows; an
        # ongoing review is a decision still to come.
        out.stance = "pending" if event.label in PROCESS_EVENTS else "current"
        return out
    ability = _ability(words, cs, es)
    if modal is None and ability is not None:
        # "doctors can prescribe it", "it can be prescribed": a permission held now; in a purpose
        # clause after a future ("will move into Schedule 8 so that it can be prescribed"), to come.
        if _purpose_after_future(words, sent[0], es) or future_time:
            out.stance = "expected"  # "... so that it can be prescribed", "can meet demand next year"
        else:
            out.stance = "negated" if ability == "cannot" or negated_between(es - 3, es) else "current"
        out.negated = out.stance == "negated"
        return out
    if modal:
        if modal == "would":
            # "MAPS said it hoped the therapy would be approved next year": a forecast reported in
            # the past (will -> would), not a supposition.
            out.stance = "past-forecast" if reported_would(words, sent[0], es, inside) else "hypothetical"
        elif modal in DEONTIC_MODALS and not future_time and not any(w in FORECAST_ADVERBS for w in words[cs:ce]):
            out.stance = "hypothetical"  # "ecstasy should be approved for depression": an argument, not a forecast
        elif modal in ("could", "might") and any(w in PAST_BELIEF for w in words[sent[0]:es]):
            out.stance = "past-forecast"  # "advocates, who saw it as a drug that could win approval"
        elif negated_between(es - 4, es):
            out.stance, out.negated = "negated", True
        elif modal in ("may", "can") and _held_since(doc, sent[0], es):
            out.stance = "current"  # "since July 1, authorised psychiatrists may prescribe it": a permission held
        else:
            out.stance = "expected" if modal != "past" else "past-forecast"
        return out
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


# "under the shortage exception", "under the scheme": the means, not a process under way.
UNDER_MEANS = {"exception", "exceptions", "scheme", "program", "programme", "pathway", "rule", "rules", "law", "laws",
               "provision", "policy", "exemption", "period"}


# Negating verbs whose object noun phrase (a name in it, too) ends in the event.
LACK_VERBS = {"lacks", "lack", "lacking", "lacked"}
# After "has/have": a state held up to now ("have been on the list", "has sat on the shortage
# list for two years", "has remained in short supply").
PERFECT_STATE = {"been", "sat", "stayed", "remained", "lingered"}


def _alternative(words: list[str], event: Cue, c: Cue) -> bool:
    """"set to approve or deny it": the refusal is the other outcome of a decision still to come."""
    between = words[event.end:c.start] if c.start >= event.end else words[c.end:event.start]
    return between in (["or"], [",", "or"], ["or", "to"])


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


def _with_authority(words: list[str], inside: list[Cue], es: int, ce: int) -> bool:
    """"the dossier is with the FDA", "the application now sits before regulators"."""
    for i in range(es + 1, min(ce, es + 5)):
        if words[i] in ("with", "before") and words[i - 1] in PRESENT_BE | {"now", "still", "currently"}:
            return any((c.label == "AUTH" or c.label.startswith("JUR:")) and i < c.start <= i + 4 for c in inside)
    return False


def _in_hands(words: list[str], cs: int, ce: int) -> bool:
    """"in the agency's hands", "in regulators' hands", "up to the FDA to decide": pending with
    whoever holds it."""
    for i in range(cs, ce):
        if words[i] == "in" and "hands" in words[i + 1:min(ce, i + 6)]:
            return True
        if words[i] == "up" and i + 1 < ce and words[i + 1] == "to" and "to" in words[i + 2:min(ce, i + 7)] \
                and i - 1 >= cs and words[i - 1] in ("be", "is", "now", "entirely", "all", "rests"):
            return True
    return False
