"""The phases `stance._read_stance` asks once the frames (`stance_frames`) have not decided: the
stance cues near the event (expected, pending), a process under way, a modal or a permission, and
last the tense the clause tells the event in.

`gather` first sets what these phases share on the `StanceContext`; each phase then returns True
once it has decided, as in `stance_frames`. `PROSPECTS` lists them in the order they are asked.
"""

from __future__ import annotations

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
from factcheck.lang.copulas import PAST_BE, PRESENT_BE
from factcheck.lang.cues import Cue
from factcheck.lang.going import enters_now, goes_on, moved_toward, predicate_nearness, striven_for
from factcheck.lang.lemmas import lemma_of
from factcheck.lang.modality import _governs, _modal_before, _past_framed
from factcheck.lang.objects import answered_request, object_of_nearer_event
from factcheck.lang.postmodifiers import modal_predicate_after
from factcheck.lang.readings import (
    _ability,
    _arrived_at,
    _held_since,
    _purpose_after_future,
    _scheduled_present,
    _state_after_phrase,
    _time_allowed,
    object_of_participle,
    relative_under_would,
    reported_would,
)
from factcheck.lang.scarcity import shortage_tense
from factcheck.lang.stance_frames import StanceContext
from factcheck.lang.states import generic_event, listed_now, state_preposition, until_time
from factcheck.lang.time_readings import (
    _delay_foreseen,
    _soon_in_the_past,
    _soon_then_past,
    beaten_deadline,
    citation_year,
)
from factcheck.lang.timex import MONTHS, SEASONS, TimeExpr, is_future
from factcheck.lang.wordsets import (
    CONDITIONAL_OPENERS,
    DEONTIC_MODALS,
    EXPERIENCE_VERBS,
    FORECAST_ADVERBS,
    HABITUAL,
    HELD_IN,
    IRREGULAR_PARTICIPLES,
    NAME_LABELS,
    ONGOING,
    PAST_BELIEF,
    PAST_PERFECT,
    PAST_REQUESTS,
    PERFECT,
    PROCESS_EVENTS,
    STATE_AFTER,
    STATE_VERBS,
    SUBJECTS,
    TIME_CLAUSE_OPENERS,
    TIME_PREPOSITIONS,
)

# Verbs whose object is an event still ahead: "faces a crucial FDA panel meeting".
FACING = {"faces", "facing", "goes", "go", "going"}
# The events a pack names in its own words (vocabulary.event_labels), not the built-in classes.
PACK_EVENT_PREFIX = "EV:rule:"
# "under the shortage exception", "under the scheme": the means, not a process under way.
UNDER_MEANS = {"exception", "exceptions", "scheme", "program", "programme", "pathway", "rule", "rules", "law", "laws",
               "provision", "policy", "exemption", "period"}
# After "has/have": a state held up to now ("have been on the list", "has sat on the shortage
# list for two years", "has remained in short supply").
PERFECT_STATE = {"been", "sat", "stayed", "remained", "lingered"}


def gather(ctx: StanceContext) -> None:
    """The cues, modal and future times the phases below read, all from the clause as it stands."""
    words, cs, ce, es, ee, event = ctx.words, ctx.cs, ctx.ce, ctx.es, ctx.ee, ctx.event
    event_starts = ctx.event_starts = {c.start for c in ctx.inside if generic_event(c)}
    # A stance word inside the event's own name ("the third and final phase of trials") says
    # nothing of how the sentence holds it.
    inside = ctx.inside = [c for c in ctx.inside if not (c.label.startswith("ST:") and es <= c.start and c.end <= ee)]
    near = ctx.near
    # "taking longer than planned", "sooner than expected": a comparison, not a forecast.
    ctx.prospects = [c for c in inside if c.label == "ST:expected" and (near(c) or predicate_nearness(words, c, ee))
                     and _governs(words, c, es, event_starts) and not (c.start > 0 and words[c.start - 1] == "than")
                     and not object_of_nearer_event(words, c, event, inside)
                     and not _soon_in_the_past(words, c)
                     # "meet the demand it expects": a relative clause on a noun after the event
                     and not (c.start > ee and words[c.start - 1] in ("it", "they", "we", "he", "she", "i", "you"))
                     # "approved Zepbound, bringing new hope to patients": a noun the participle
                     # after the comma brings, not a forecast of the event
                     and not object_of_participle(words, ee, c)
                     # what a subject faces is the object right after the verb ("faces an FDA panel
                     # meeting"), not an event elsewhere ("faces a steep climb before it can be legal")
                     and not (words[c.start] in FACING and not 0 <= es - c.end <= 3)]
    ctx.pendings = [c for c in inside if c.label == "ST:pending" and near(c) and not answered_request(words, ee, c)]
    ctx.modal = _modal_before(words, cs, es, ce, event_starts)
    # ("soon" before a past verb tells of the past: "first approvals soon led to more")
    perfect = _aux_before(words, cs, es) == "perfect"  # "has approved ... before its June 26 date"
    ev_end = ctx.doc[ee - 1].idx + len(ctx.doc[ee - 1])
    ctx.future_time = [t for t in ctx.out.times if is_future(t, ctx.doc_date) and not _soon_then_past(ctx.doc, t)
                       and not citation_year(ctx.doc, t) and not (perfect and beaten_deadline(ctx.doc, t, ev_end))]
    if not ctx.future_time and ctx.doc_date is None and modal_predicate_after(words, ee, ce):
        # An undated page: "FDA approval for prescription use of MDMA could be granted in August
        # 2024" tells its year as a time to come by the modal predicate after the noun.
        ctx.future_time = [t for t in ctx.out.times if not t.relative and t.year and not citation_year(ctx.doc, t)]


def delay_foreseen(ctx: StanceContext) -> bool:
    return bool(_delay_foreseen(ctx.words, ctx.ee, ctx.ce))  # "approval may be slow in coming": no forecast of the event


def prospect_cue(ctx: StanceContext) -> bool:
    if not ctx.prospects:
        return False
    es, out = ctx.es, ctx.out
    cue = min(ctx.prospects, key=lambda c: abs(c.start - es))
    out.cue = cue
    if ctx.negated_between(cue.start, es):
        out.stance, out.negated = "negated", True
    elif _past_framed(ctx.doc, ctx.words, ctx.cs, cue, ctx.inside, ctx.ce):
        out.stance = "past-forecast"
    else:
        out.stance = "expected"
    return True


def pending_cue(ctx: StanceContext) -> bool:
    if not ctx.pendings:
        return False
    words, cs, es, out = ctx.words, ctx.cs, ctx.es, ctx.out
    cue = min(ctx.pendings, key=lambda c: abs(c.start - es))
    out.cue = cue
    if ctx.negated_between(cue.start, es):
        out.stance, out.negated = "negated", True
    elif _past_aux(words, cs, cue.start) or (words[cue.start] in PAST_REQUESTS
                                              and _aux_before(words, cs, cue.start) is None):
        out.stance = "past-forecast"  # "last month MAPS asked the FDA to approve it": a request told as history
    elif _practitioners_may_ask(ctx, cue):
        out.stance = "current"  # "psychiatrists can apply for permission to prescribe it": the route is open now
    else:
        out.stance = "pending"
    return True


def _practitioners_may_ask(ctx: StanceContext, cue: Cue) -> bool:
    """A practitioner who "can" or "may" ask ("doctors can apply for permission to prescribe it"),
    with no time to come: what is open to them now, not a request waiting on an answer."""
    k = cue.start - 1
    if k < ctx.cs or ctx.words[k] not in ("can", "may"):
        return False
    return _practitioner_before(ctx, k) and _told_as_now(ctx)


def date_stated(ctx: StanceContext) -> bool:
    words, es, ee, ce = ctx.words, ctx.es, ctx.ee, ctx.ce
    # A scheduled date stated in the present: "the PDUFA date is August 11".
    if words[ee - 1] == "date" and ee < ce and words[ee] in ("is", "falls", "'s", "lands", "remains"):
        ctx.out.stance = "negated" if ctx.negated_between(es, ee) else "expected"
        return True
    return False


def in_progress(ctx: StanceContext) -> bool:
    words, cs, ce, es, ee, out = ctx.words, ctx.cs, ctx.ce, ctx.es, ctx.ee, ctx.out
    negated_between = ctx.negated_between
    # In progress: "the agency is weighing the request", "regulators are reviewing it", "the
    # filing is being evaluated".
    if es - 2 >= cs and words[es - 1] == "to" and (words[es - 2] in ("has", "have", "needs", "need", "must")
                                                  or _time_allowed(words, cs, es)) \
            and not negated_between(es - 3, es):
        # "the FDA now has to decide" is pending; "the government has to legalise it first" and
        # "the FDA would have to approve it" are conditions.
        would = es - 3 >= cs and words[es - 3] in ("would", "'d", "might", "could")
        out.stance = "hypothetical" if "first" in words[ee:ce] or would else "pending"
        return True
    if (_in_hands(words, cs, ce) or _with_authority(words, ctx.inside, es, ce)) and not _past_aux(words, cs, es):
        # "the application is now in the FDA's hands"
        out.stance = "negated" if negated_between(es, es) else "pending"
        return True
    if "under" in words[max(cs, es - 3):es] and not _past_aux(words, cs, words.index("under", max(cs, es - 3), es)) \
            and not ctx.doc[es].is_title and words[ee - 1] not in UNDER_MEANS and not words[es].endswith("ed") \
            and (ee >= len(words) or words[ee] not in UNDER_MEANS):
        # "under FDA review", "under priority review"; not a scheme named under which things happen
        # ("granted approval under the Authorised Prescriber Scheme")
        out.stance = "negated" if negated_between(es, es) else "pending"
        return True
    if es - 1 >= cs and words[es - 1] == "being" and not _past_aux(words, cs, es - 1):
        out.stance = "negated" if negated_between(es, es) else "pending"
        return True
    if _arrived_at(words, cs, es):
        # "MDMA has now reached the third phase of trials": a stage arrived at holds now.
        out.stance = "negated" if negated_between(es - 6, es) else "current"
        return True
    if words[es].endswith("ing") and es > cs and _aux_before(words, cs, es) in ("present", "perfect"):
        out.stance = "negated" if negated_between(es, es) else "pending"
        return True
    if goes_on(words, ctx.ee, ctx.ce) and striven_for(words, cs, es):
        out.stance = "none"  # "the fight for approval continues": the fight goes on, the approval is its goal
        return True
    if (es - 1 >= cs and words[es - 1] in ONGOING and not negated_between(es - 1, es)) \
            or goes_on(words, ctx.ee, ctx.ce) or (a_stage(ctx.event) and enters_now(words, cs, es)):
        # "ongoing phase 3 trials will report next year", "while the Phase 3 trials go on": the
        # trials run now, whatever follows; an ongoing review is a decision still to come.
        out.stance = "pending" if ctx.event.label in PROCESS_EVENTS else "current"
        return True
    return False


def _earliest_date(words: list[str], es: int, ce: int) -> bool:
    """"as early as 2023", "as soon as next year" after the event in its clause (not "as soon as the
    FDA approves it", a condition)."""
    for i in range(es, max(es, ce - 3)):
        if words[i] == "as" and words[i + 1] in ("early", "soon") and words[i + 2] == "as":
            nxt = words[i + 3] if i + 3 < len(words) else ""
            return nxt[:1].isdigit() or nxt in ("next", "this", "later", "mid", "early", "late") or nxt in MONTH_WORDS
    return False


MONTH_WORDS = set(MONTHS) | set(SEASONS)


def modal_or_ability(ctx: StanceContext) -> bool:
    words, cs, ce, es, out, modal = ctx.words, ctx.cs, ctx.ce, ctx.es, ctx.out, ctx.modal
    ability = _ability(words, cs, es)
    if modal is None and ability is not None:
        # "doctors can prescribe it", "it can be prescribed": a permission held now; in a purpose
        # clause after a future ("will move into Schedule 8 so that it can be prescribed"), to come.
        if _purpose_after_future(words, ctx.sent[0], es) or ctx.future_time:
            out.stance = "expected"  # "... so that it can be prescribed", "can meet demand next year"
        else:
            out.stance = "negated" if ability == "cannot" or ctx.negated_between(es - 3, es) else "current"
        out.negated = out.stance == "negated"
        return True
    if not modal:
        return False
    if modal == "would":
        # "MAPS said it hoped the therapy would be approved next year": a forecast reported in
        # the past (will -> would), not a supposition.
        if reported_would(words, ctx.sent[0], es, ctx.inside):
            out.stance = "past-forecast"
        elif _earliest_date(words, es, ce) and "have" not in words[max(cs, es - 3):es]:  # not "would have approved"
            # "..., which would let the FDA approve it as early as 2023": a consequence dated by
            # its earliest time is a forecast, not a supposition.
            out.stance = "expected"
        else:
            out.stance = "hypothetical"
    elif modal in DEONTIC_MODALS and not ctx.future_time and not any(w in FORECAST_ADVERBS for w in words[cs:ce]) \
            and not (ctx.doc_date is None and any(not t.relative and t.first is not None
                                                  and t.start >= ctx.doc[es].idx for t in out.times)):
        # (on a page with no date a year named after the event is the time the duty looks to: "the
        # United States should officially approve the treatment in 2021" forecasts it)
        out.stance = "hypothetical"  # "ecstasy should be approved for depression": an argument, not a forecast
    elif modal in ("could", "might") and any(w in PAST_BELIEF for w in words[ctx.sent[0]:es]):
        out.stance = "past-forecast"  # "advocates, who saw it as a drug that could win approval"
    elif relative_under_would(words, ctx.sent[0], es, ctx.inside):
        out.stance = "hypothetical"  # "the bill would move it into Schedule II, where patients could get access"
    elif ctx.negated_between(es - 4, es):
        out.stance, out.negated = "negated", True
    elif modal in ("may", "can") and _held_since(ctx.doc, ctx.sent[0], es):
        out.stance = "current"  # "since July 1, authorised psychiatrists may prescribe it": a permission held
    elif modal == "may" and _permission_to_practise(ctx):
        out.stance = "current"  # "authorised psychiatrists may prescribe MDMA": what they are allowed to do now
    elif modal in ("may", "can") and not ctx.future_time and _restricted(words, es, ce):
        out.stance = "current"  # "MDMA may be prescribed only for PTSD": a limit on a permission held
    else:
        out.stance = "expected" if modal != "past" else "past-forecast"
    return True


def told_tense(ctx: StanceContext) -> bool:
    doc, words, cs, ce, es, ee, event, out = ctx.doc, ctx.words, ctx.cs, ctx.ce, ctx.es, ctx.ee, ctx.event, ctx.out
    negated_between = ctx.negated_between
    # Where names end (places, subjects, authorities): a past verb right after one is finite.
    name_ends = {c.end - 1 for c in ctx.inside if c.label.startswith(NAME_LABELS)}
    tense = finite_after_subject(words, cs, es, ce, name_ends) if event.label.startswith(PACK_EVENT_PREFIX) else None
    if tense is not None:
        # A pack's own verb right after its subject: in the present it states what holds now
        # ("Ecstasy cures veterans of PTSD"; whatever time follows: "within weeks" is how fast,
        # not when), in the past what happened ("MDMA therapy cured most of the veterans"). The
        # built-in events keep their news-present and past readings below.
        out.stance = "negated" if negated_between(es, es) else ("current" if tense == "present" else "done")
        out.negated = out.stance == "negated"
        return True
    if ctx.future_time and not _past_aux(words, cs, es) and not _past_verb_before(words, cs, es) \
            and words[ee - 1] != "date":  # "with a target date of August 11" states the schedule
        out.stance = "negated" if negated_between(es, es) else "expected"
        return True
    if _scheduled_present(words, cs, ce, es, ee, out.times, ctx.doc_date):
        # "On June 4 the committee meets": a timetable in the present tense is a thing to come.
        out.stance = "negated" if negated_between(es, es) else "expected"
        return True
    if words[es] in PRESENT_BE and ee - es > 1 and not negated_between(es, ee):
        # The event's own words hold the state: "is legal", "now legal".
        out.stance = "current"
        return True
    if words[es] in ("became", "was", "were") and ee - es > 1 and not negated_between(es, ee):
        out.stance = "done"  # "became legal", "was legalised"
        return True
    done = _done(words, cs, es, ee, doc, name_ends) or _moved_into(words, cs, es, ee, doc, name_ends)
    if done:
        out.stance = "negated" if negated_between(es, es) or done == "negated" else "done"
        out.negated = out.stance == "negated"
        return True
    # A step towards a decision in the present, right after its maker: "FDA weighs new application",
    # "the agency considers the request" (news present: under way now).
    # (A subject of two names, "FDA and Health Canada review ...", takes the plural form.)
    plural = es - 1 in name_ends and "and" in words[cs:es - 1] and lemma_of(words[es]) == words[es]
    # A headline's participle right after the maker opening it: "FDA Assessing MAPS' Application".
    headline_ing = words[es].endswith("ing") and es - 1 >= cs and es - ctx.sent[0] <= 3 and doc[es].is_title
    if event.label in ("EV:review", "EV:decision") and (words[es].endswith("s") or plural or headline_ing) and es - 1 >= cs \
            and (words[es - 1] in SUBJECTS or es - 1 in name_ends) and not negated_between(es, es) \
            and not any(w in HABITUAL for w in words[cs:ce]) \
            and not (es - 2 >= cs and words[es - 2] in TIME_CLAUSE_OPENERS):  # "every year"; "when it reviews"
        out.stance = "pending"
        return True
    # "has yet to decide", "is yet to rule": still to come.
    if any(words[i] == "yet" and i + 1 < len(words) and words[i + 1] == "to" for i in range(max(cs, es - 4), es)):
        out.stance = "pending"
        return True
    return False


def by_aux(ctx: StanceContext) -> bool:
    """The last phase, always decided: the tense the clause tells the event in ("the shortage
    continues", "the goal was approval by 2021")."""
    words, cs, ce, es, ee, event, out = ctx.words, ctx.cs, ctx.ce, ctx.es, ctx.ee, ctx.event, ctx.out
    aux = _aux_near(ctx)
    if aux is None and _progressive_after(words, ee, ce):
        if event.label in PROCESS_EVENTS:
            out.stance = "pending"  # "the agency's review of the drug is ongoing"
            return True
        aux = "present"  # "the phase 3 study of the drug is still enrolling"
    aux = _aux_held(ctx, aux)
    if aux in ("past", "present") and event.label == "EV:shortage" and "longer" in words[max(cs, es - 4):es] \
            and "no" in words[max(cs, es - 5):es]:
        # "is no longer in short supply", "declared that it was no longer in short supply": the
        # state has ended (told now, or as the moment it was said to end).
        out.stance = "ended"
        return True
    if aux == "past" and event.label == "EV:shortage" and until_time(ctx.doc, words, ee, ce, out.times, cs):
        out.stance = "ended"  # "sat on the shortage list from 2022 until mid-2023": over at that time
        return True
    if aux == "past":
        out.stance = "past-forecast"  # "the goal was approval by 2021": told as history
    elif aux == "present" and not ctx.negated_between(es, es):
        out.stance = "current"
    elif ctx.negated_between(es, es):
        out.stance, out.negated = "negated", True
    return True


def _aux_near(ctx: StanceContext) -> str | None:
    """"present", "past" or None from the auxiliary before the event or the words right around it
    that hold a state ("continues", "drags on", "patients face")."""
    words, cs, ce, es, ee = ctx.words, ctx.cs, ctx.ce, ctx.es, ctx.ee
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
    return aux


def _aux_held(ctx: StanceContext, aux: str | None) -> str | None:
    """`aux` or, when it says nothing, the tense of a state the clause holds the event in: "the
    ongoing shortage", "still lists", "because of the shortage", "remains on the shortage list"."""
    doc, words, cs, ce, es, ee, event = ctx.doc, ctx.words, ctx.cs, ctx.ce, ctx.es, ctx.ee, ctx.event
    sent = ctx.sent
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
    if aux is None and event.label == "EV:shortage":
        aux = shortage_tense(words, sent, cs, ce, es, ee)  # "demand far exceeds supply", "the shortages mean ..."
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
    return aux


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


PROSPECTS = (delay_foreseen, prospect_cue, pending_cue, moved_toward, date_stated, in_progress, modal_or_ability,
             told_tense, by_aux)


def a_stage(event: Cue) -> bool:
    """A stage of testing: the built-in `final-stage`, or a pack's own phrase ("Phase 3")."""
    return event.label == "EV:final-stage" or event.label.startswith(PACK_EVENT_PREFIX)


def _restricted(words: list[str], es: int, ce: int) -> bool:
    """"only" right after a passive event ("may be prescribed only for PTSD", "can be used only
    in clinics"): the words limit a permission, they forecast nothing."""
    return es + 1 < ce and words[es + 1] == "only"


def _permission_to_practise(ctx: StanceContext) -> bool:
    """"may" right after a practitioner (or a practitioner and a place: "psychiatrists in Australia
    may"), told as now: "authorised psychiatrists may prescribe MDMA" tells what they are allowed
    to do, not what might happen ("psychiatrists may soon prescribe it", "may prescribe it from
    July", "in 2027 psychiatrists may prescribe it", "after approval ..." stay forecasts)."""
    words, cs, es = ctx.words, ctx.cs, ctx.es
    may = next((k for k in range(es - 1, max(cs, es - 3) - 1, -1) if words[k] == "may"), None)
    return may is not None and _practitioner_before(ctx, may) and _told_as_now(ctx)


def _practitioner_before(ctx: StanceContext, k: int) -> bool:
    """A practitioner ends right before token k, or a few words before it ("doctors in Canada can")."""
    return any(c.label == "PRACT" and k - 3 <= c.end <= k for c in ctx.inside)


def _times_the_act(ctx: StanceContext, t: TimeExpr) -> bool:
    """A time in the predicate, after the event's first word ("may prescribe it from July"): the act
    is set for then. A time before it frames the sentence ("Under the rules of July 2023, ...")."""
    span = ctx.doc.char_span(t.start, t.end, alignment_mode="expand")
    return span is not None and span.start >= ctx.es and t.text.lower() not in ("now", "today", "currently")


def _told_as_now(ctx: StanceContext) -> bool:
    """No time to come and no time in the predicate other than "now", and no forecasting adverb,
    condition or time clause in the sentence (from its last colon or semicolon): a modal of
    permission or ability is then read as holding now."""
    words = ctx.words
    if ctx.future_time or any(_times_the_act(ctx, t) for t in ctx.out.times):
        return False
    # From the sentence's start, or from the last colon or semicolon before the event ("when its
    # rules came in in July 2023: psychiatrists there may prescribe it" reads the part after it).
    start = max([ctx.sent[0]] + [k + 1 for k in range(ctx.sent[0], ctx.es) if words[k] in (":", ";")])
    return not any(w in FORECAST_ADVERBS or w in CONDITIONAL_OPENERS or w in TIME_CLAUSE_OPENERS
                   for w in words[start:ctx.ce])

