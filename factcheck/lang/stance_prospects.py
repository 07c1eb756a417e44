"""The phases `stance._read_stance` asks once the frames (`stance_frames`) have not decided: the
stance cues near the event (expected, pending), a process under way, a modal or a permission, and
last the tense the clause tells the event in.

`gather` first sets what these phases share on the `StanceContext`; each phase then returns True
once it has decided, as in `stance_frames`. `PROSPECTS` lists them in the order they are asked.
"""

from __future__ import annotations

from factcheck.lang.aspect import (
    _aux_before,
    _past_aux,
)
from factcheck.lang.copulas import PRESENT_BE
from factcheck.lang.cues import Cue
from factcheck.lang.modality import _governs, _modal_before, _past_framed
from factcheck.lang.readings import (
    _ability,
    _arrived_at,
    _held_since,
    _purpose_after_future,
    _time_allowed,
    object_of_nearer_event,
    object_of_participle,
    reported_would,
)
from factcheck.lang.stance_frames import StanceContext
from factcheck.lang.states import generic_event
from factcheck.lang.time_readings import _delay_foreseen, _soon_in_the_past, _soon_then_past, citation_year
from factcheck.lang.timex import is_future
from factcheck.lang.wordsets import (
    DEONTIC_MODALS,
    FORECAST_ADVERBS,
    ONGOING,
    PAST_BELIEF,
    PAST_REQUESTS,
    PROCESS_EVENTS,
)

# Verbs whose object is an event still ahead: "faces a crucial FDA panel meeting".
FACING = {"faces", "facing", "goes", "go", "going"}
# "under the shortage exception", "under the scheme": the means, not a process under way.
UNDER_MEANS = {"exception", "exceptions", "scheme", "program", "programme", "pathway", "rule", "rules", "law", "laws",
               "provision", "policy", "exemption", "period"}


def gather(ctx: StanceContext) -> None:
    """The cues, modal and future times the phases below read, all from the clause as it stands."""
    words, cs, ce, es, ee, event = ctx.words, ctx.cs, ctx.ce, ctx.es, ctx.ee, ctx.event
    event_starts = ctx.event_starts = {c.start for c in ctx.inside if generic_event(c)}
    # A stance word inside the event's own name ("the third and final phase of trials") says
    # nothing of how the sentence holds it.
    inside = ctx.inside = [c for c in ctx.inside if not (c.label.startswith("ST:") and es <= c.start and c.end <= ee)]
    near = ctx.near
    # "taking longer than planned", "sooner than expected": a comparison, not a forecast.
    ctx.prospects = [c for c in inside if c.label == "ST:expected" and near(c)
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
    ctx.pendings = [c for c in inside if c.label == "ST:pending" and near(c)]
    ctx.modal = _modal_before(words, cs, es, ce, event_starts)
    # ("soon" before a past verb tells of the past: "first approvals soon led to more")
    ctx.future_time = [t for t in ctx.out.times if is_future(t, ctx.doc_date) and not _soon_then_past(ctx.doc, t)
                       and not citation_year(ctx.doc, t)]


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
    else:
        out.stance = "pending"
    return True


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
    if es - 1 >= cs and words[es - 1] in ONGOING and not negated_between(es - 1, es):
        # "ongoing phase 3 trials will report next year": the trials run now, whatever follows; an
        # ongoing review is a decision still to come.
        out.stance = "pending" if ctx.event.label in PROCESS_EVENTS else "current"
        return True
    return False


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
        out.stance = "past-forecast" if reported_would(words, ctx.sent[0], es, ctx.inside) else "hypothetical"
    elif modal in DEONTIC_MODALS and not ctx.future_time and not any(w in FORECAST_ADVERBS for w in words[cs:ce]):
        out.stance = "hypothetical"  # "ecstasy should be approved for depression": an argument, not a forecast
    elif modal in ("could", "might") and any(w in PAST_BELIEF for w in words[ctx.sent[0]:es]):
        out.stance = "past-forecast"  # "advocates, who saw it as a drug that could win approval"
    elif ctx.negated_between(es - 4, es):
        out.stance, out.negated = "negated", True
    elif modal in ("may", "can") and _held_since(ctx.doc, ctx.sent[0], es):
        out.stance = "current"  # "since July 1, authorised psychiatrists may prescribe it": a permission held
    else:
        out.stance = "expected" if modal != "past" else "past-forecast"
    return True


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


PROSPECTS = (delay_foreseen, prospect_cue, pending_cue, date_stated, in_progress, modal_or_ability)
