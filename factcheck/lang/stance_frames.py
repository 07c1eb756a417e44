"""The frames read first in `stance._read_stance`: an event held by the words around it before its
own tense or any stance cue counts. A time relative to it, a prevention, a negative object, a wait,
a condition, a goal, one more of its kind, one before now, a refusal, a preparation, an open
question, a weighing, a requirement and an end.

Each phase reads one `StanceContext`; it returns True once it has decided (`ctx.out` then holds
the reading, its stance possibly still "none"), False to let the next phase look. `FRAMES` lists
them in the order they are asked: an earlier frame wins over a later one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from factcheck.lang.aspect import _is_copula_s, _past_aux, _past_verb_before
from factcheck.lang.cues import Cue
from factcheck.lang.modality import _hypothetical, _obligation_with_deadline, _still_required, after_a_condition
from factcheck.lang.postmodifiers import arrival_foretold, postmodifier
from factcheck.lang.readings import (
    HOW_IT_USUALLY_RUNS,
    NOT_A_NOUN,
    SCOPE_CLOSERS,
    _a_further_one,
    _as_soon_as_clause,
    _awaited,
    _closed_off,
    _harmless_negation,
    _object_of,
    _prevented,
    _question_to_settle,
    _reduced_relative,
    _simple_past_before,
    _subject_of,
    _waiting_for,
)
from factcheck.lang.stance_model import Stance
from factcheck.lang.states import declared_to, ended_cue
from factcheck.lang.timex import TimeExpr, is_future
from factcheck.lang.wanting import wanted
from factcheck.lang.wordsets import FUTURE_MODALS, NEG_QUANTIFIERS, PROSPECT_NEAR

# Participles of an act done, read right after its noun ("an executive order signed by", "the
# application filed in"). Not "sought", "requested", "expected" or "delayed": those leave it to come.
# Not "approved", "passed" or "granted" either: "the first psychedelic approved in the US", "MDMA
# approved by 2021" forecast as often as they report.
COMPLETION_PARTICIPLES = {"signed", "issued", "filed", "submitted", "published", "released", "announced", "ratified",
                          "completed", "finished", "concluded"}
NOT_YET_DONE = {"will", "would", "shall", "could", "may", "might", "must", "should", "to", "have", "get", "gets",
                "see", "hope", "hopes", "hoped", "if", "once", "unless", "when", "no", "not", "never", "without", "nor"}
# What follows such a participle: its agent or its time.
AFTER_COMPLETION = {"by", "on", "in", "last", "earlier", "at", "this", "back"}
# Adjectives that place an event's noun before now ("the earlier phase 3 data").
# Not "completed" or "finished": as often verbs ("expects to have finished Phase 3 by 2021").
EARLIER_ONES = {"earlier", "previous", "prior", "former", "original", "past"}
# A weighing in the present, before the -ing form of what is weighed.
WEIGHING_NOW = {"considering", "considers", "weighing", "weighs", "contemplating", "contemplates", "mulling",
                "mulls", "debating", "debates", "discussing", "discusses"}
# Negating verbs whose object noun phrase (a name in it, too) ends in the event.
LACK_VERBS = {"lacks", "lack", "lacking", "lacked"}


@dataclass(slots=True)
class StanceContext:
    """One event mention being read: its clause (cs, ce), its span (es, ee), the cues inside the
    clause other than the event, and the reading so far (`out`). The later fields are filled by
    `stance_prospects.gather` once the frames have had their say."""

    doc: Doc
    words: list[str]
    sent: tuple[int, int]
    cs: int
    ce: int
    es: int
    ee: int
    event: Cue
    inside: list[Cue]  # replaced, not mutated, when the stance words of the event's own name drop out
    times: list[TimeExpr]
    doc_date: date | None
    out: Stance
    event_starts: set[int] = field(default_factory=set)
    prospects: list[Cue] = field(default_factory=list)
    pendings: list[Cue] = field(default_factory=list)
    modal: str | None = None
    future_time: list[TimeExpr] = field(default_factory=list)

    def near(self, c: Cue, n: int = PROSPECT_NEAR) -> bool:
        return abs(c.start - self.es) <= n or abs(c.end - self.ee) <= n

    def negated_between(self, a: int, b: int) -> bool:
        # Reads `self.inside` as it is at the call: after `gather`, without the event's own stance words.
        words, cs, es = self.words, self.cs, self.es
        lo, hi = min(a, b), max(a, b)
        if _prevented(words, cs, es):
            return True  # "the law bars Medicare from paying for it"
        for c in self.inside:
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
            if words[c.start] == "no" and cs <= c.start < lo and _there_is_no(words, c.start):
                return True  # "there are no officially approved medicines containing it on the market"
            if ((words[c.start] in NEG_QUANTIFIERS and cs <= c.start < lo) or (words[c.start] == "no" and c.start == cs)) \
                    and not any(w in ("that", "whether") for w in words[c.end:lo]):
                # a negative subject: "none of ibogaine, psilocybin or MDMA is legalised", "No
                # psychedelic-based therapy has so far won approval" (not the subject of a clause
                # the event's is the complement of: "nobody should be surprised that the FDA refused it")
                return True
        return False


_EXISTENTIAL_BE = frozenset({"is", "are", "was", "were", "'s", "remains", "remain", "exists", "exist"})


def _there_is_no(words: list[str], k: int) -> bool:
    """"no" at `k` opens the noun phrase of a negative existential: "there are (still) no ..."."""
    j = k - 1
    if j >= 0 and words[j] in ("still", "yet", "currently", "now", "as", "so", "far"):
        j -= 1
    return j >= 1 and words[j] in _EXISTENTIAL_BE and words[j - 1] == "there"


def time_relative_to_it(ctx: StanceContext) -> bool:
    # "post-approval studies", "pre-approval access": a time relative to the event, not the event.
    words, es = ctx.words, ctx.es
    if es - 2 >= ctx.cs and words[es - 1] == "-" and words[es - 2] in ("post", "pre"):
        ctx.out.stance = "hypothetical"
        return True
    return False


def having_done(ctx: StanceContext) -> bool:
    """"Having won approval in Australia, MDMA is set to spread": an event inside a perfect
    participle opener ("having" up to its comma) is done before the sentence's own verb, whatever
    that verb forecasts ("not having won it" is a denial)."""
    words, s0, es = ctx.words, ctx.sent[0], ctx.es
    opener = next((k for k in range(s0, min(es, s0 + 4)) if words[k] == "having"), None)
    if opener is None or "," in words[opener:es]:
        return False
    if "," not in words[es:ctx.sent[1]]:
        return False  # no main clause after it: not an opener
    # A negation, refusal or stance word inside the opener is read as usual: "having failed to win
    # approval", "having not yet filed", "having sought approval".
    if any(c.label == "NEG" or c.label.startswith("ST:") for c in ctx.inside if opener <= c.start < es) \
            or any(w in ("failed", "fails", "not", "never", "yet", "without", "sought", "asked", "applied")
                   for w in words[opener:es]):
        return False
    ctx.out.stance = "done"
    return True


def done_by_participle(ctx: StanceContext) -> bool:
    """"an executive order signed by the president aims to ...", "the application filed in
    December": a participle of completion right after the event's noun (or the event itself as that
    participle) says the act is done, whatever the sentence's own verb forecasts (its aims are the
    order's, not the signing's)."""
    words, es, ee, cs, ce = ctx.words, ctx.es, ctx.ee, ctx.cs, ctx.ce
    aside = False
    if ee - es == 1 and words[es] in COMPLETION_PARTICIPLES and es - 1 >= cs:
        part = es  # the event is the participle: "an order signed by ..."
        before = words[es - 1]
        # ... or opens an aside on a noun: "hope the new study, published this week in a journal, will help"
        aside = before == "," and es - 2 >= cs and words[es - 2].isalpha() and words[es - 2] not in NOT_A_NOUN
        if not aside and (not before.isalpha() or before in NOT_A_NOUN or before in FUTURE_MODALS
                          or before in ("to", "and", "or")):
            return False
    elif ee < ce and words[ee] in COMPLETION_PARTICIPLES:
        part = ee  # the event's noun, then the participle: "the application filed in ..."
    else:
        return False
    if part + 2 >= ce or words[part + 1] not in AFTER_COMPLETION:
        return False
    # Not in a plan, a wish, a condition or a denial: "will have the application filed in 2027",
    # "hopes to see it filed", "if submitted in 2027", "no application filed so far".
    if not aside and any(w in NOT_YET_DONE for w in words[cs:es]):
        return False  # (an aside is its own: the hope before it is for what the noun will do)
    if words[part + 1] == "by" and words[part + 2][:1].isdigit():
        return False  # "filed by 2021": a deadline, not the one who filed it
    ctx.out.stance = "done"
    return True


def kept_from(ctx: StanceContext) -> bool:
    if _prevented(ctx.words, ctx.cs, ctx.es):
        ctx.out.stance, ctx.out.negated = "negated", True  # "the rules keep doctors from prescribing it to teens"
        return True
    return False


def whose_date(ctx: StanceContext) -> bool:
    words, ee = ctx.words, ctx.ee
    # "the application's PDUFA date is in August": the event names whose date it is; the
    # sentence says nothing of the application itself.
    return ee < ctx.ce and words[ee] in ("'s", "’s") and not _is_copula_s(words, ee)


def negative_object(ctx: StanceContext) -> bool:
    words, ce, ee = ctx.words, ctx.ce, ctx.ee
    if ee < ce and words[ee] in ("no", "none", "nothing") and not (ee + 1 < ce and words[ee + 1] in ("longer", "later", "sooner")):
        # "the TGA has approved no product that contains MDMA": a negative object denies the act
        ctx.out.stance, ctx.out.negated = "negated", True
        return True
    if "neither" in words[ee:min(ce, ee + 4)] and "nor" in words[ee:ce]:
        # "has approved it neither for diabetes nor for weight loss": denied for both
        ctx.out.stance, ctx.out.negated = "negated", True
        return True
    return False


def made_to_wait(ctx: StanceContext) -> bool:
    if _waiting_for(ctx.words, ctx.sent[0], ctx.es):
        ctx.out.stance = "pending"  # "the measure will have to wait until January to be adopted"
        return True
    return False


def on_condition(ctx: StanceContext) -> bool:
    if _as_soon_as_clause(ctx.words, ctx.cs, ctx.es):
        ctx.out.stance = "hypothetical"  # "legal in Colorado as soon as the FDA approves it": a condition
        return True
    return False


def only_wanted(ctx: StanceContext) -> bool:
    # "MAPS wants MDMA to become a registered medicine": a goal, neither a forecast nor a fact
    return bool(wanted(ctx.words, ctx.cs, ctx.es) and not ctx.out.times)


def as_usually_runs(ctx: StanceContext) -> bool:
    if any(w in HOW_IT_USUALLY_RUNS for w in ctx.words[ctx.cs:ctx.es]):
        # "it normally aims to decide within ten months": how the process usually runs, not a
        # forecast for this case.
        ctx.out.stance = "hypothetical"
        return True
    return False


def one_more(ctx: StanceContext) -> bool:
    if _a_further_one(ctx.words, ctx.cs, ctx.es):
        # "a way forward that includes one more phase 3 trial", "asked for another application":
        # one more of its kind, which may come; neither the one under way nor a forecast of it.
        ctx.out.stance = "hypothetical"
        return True
    return False


def one_before_now(ctx: StanceContext) -> bool:
    # "a review of the earlier phase 3 data", "the previous application": one before now,
    # neither under way nor to come.
    return ctx.es - 1 >= ctx.cs and ctx.words[ctx.es - 1] in EARLIER_ONES


def state_left_behind(ctx: StanceContext) -> bool:
    words, es = ctx.words, ctx.es
    # A change told as "from X to Y" ("From Prohibited to Prescribed"): X is the state left behind.
    if es - 1 >= ctx.cs and words[es - 1] == "from" and "to" in words[ctx.ee:min(ctx.ce, ctx.ee + 4)]:
        ctx.out.stance = "ended"
        return True
    return False


ODDS_NOUNS = frozenset({"odds", "chances", "chance", "likelihood", "probability", "prospects", "prospect"})
DIM = frozenset({"slim", "slimmer", "low", "lower", "small", "smaller", "remote", "dim", "dimmer", "poor", "fading",
                 "faded", "shrinking", "shrunk", "diminishing", "vanishing", "minimal", "negligible", "nil", "zero",
                 "receding", "dwindling"})
GROWING = frozenset({"growing", "rising", "increasing", "high", "higher", "good", "better", "improving", "strong",
                     "stronger", "rosy"})


DECISION_NOUNS = frozenset({"decision", "decisions", "ruling", "rulings", "order", "change", "changes", "reform",
                            "rescheduling", "amendment"})
IN_FORCE = (("into", "force"), ("into", "effect"), ("take", "effect"), ("takes", "effect"), ("took", "effect"),
            ("apply", "from"), ("applies", "from"), ("kick", "in"), ("kicks", "in"))


def made_to_take_effect(ctx: StanceContext) -> bool:
    """"The decision will come into force within six months", "the ruling takes effect in July": a
    decision made, whose effect is to come (the effect is another event's to read)."""
    words, es, ee, ce = ctx.words, ctx.es, ctx.ee, ctx.ce
    if words[es] not in DECISION_NOUNS:
        return False
    tail = words[ee:min(ce, ee + 9)]
    if any(tuple(tail[i:i + 2]) in IN_FORCE for i in range(len(tail) - 1)) and not ctx.negated_between(es, ee):
        ctx.out.stance = "done"
        return True
    return False


ATTRIBUTIVE_FORECASTS = frozenset({"anticipated", "expected", "impending", "upcoming", "forthcoming", "looming",
                                   "long-awaited", "awaited", "hoped-for", "likely", "probable", "imminent"})


def forecast_attributive(ctx: StanceContext) -> bool:
    """"once the FDA gives its anticipated approval": a forecast word on the event's own noun,
    after a determiner or possessive, holds it as expected whatever clause it stands in."""
    words, es = ctx.words, ctx.es
    if es - 2 < ctx.cs or words[es - 1] not in ATTRIBUTIVE_FORECASTS \
            or words[es - 2] not in ("its", "the", "their", "an", "a", "this", "that", "his", "her", "fda's", "agency's"):
        return False
    if ctx.negated_between(es - 2, es):
        return False
    ctx.out.stance = "expected"
    return True


def coming_told_after(ctx: StanceContext) -> bool:
    """"in a decision that could arrive as early as August 2024": the event's noun with a
    relative clause that foretells its coming is a thing expected."""
    if any(c.label.startswith("ST:") for c in ctx.inside):
        return False  # the clause's own words read it ("awaits approval, which could come ...")
    post = postmodifier(ctx.words, ctx.ee, ctx.sent[1])
    if post is None or not arrival_foretold(ctx.words, post) or ctx.negated_between(ctx.es, ctx.ee):
        return False
    ctx.out.stance = "expected"
    return True


def odds_of_it(ctx: StanceContext) -> bool:
    """"the odds that the FDA will clear the drug have become very slim" (not to be), "the chances
    are growing that it will be approved" (to be): the event's stance is what is said of its odds."""
    words, s0, s1, es, ee = ctx.words, ctx.sent[0], ctx.sent[1], ctx.es, ctx.ee
    k = next((i for i in range(es - 1, max(s0, es - 14) - 1, -1) if words[i] in ODDS_NOUNS), None)
    if k is None or not any(w in ("that", "of", "for", "is", "are", "have", "has") for w in words[k + 1:k + 4]):
        return False
    said = [w for w in words[k + 1:es] + words[ee:s1] if w in DIM or w in GROWING]
    if not said:
        return False
    ctx.out.stance = "negated" if said[0] in DIM else "expected"
    return True


def not_until_then(ctx: StanceContext) -> bool:
    """"letters never made public before", "a step not taken until now": a state denied up to a
    point that has passed, which ended there (the letters have been made public since)."""
    words, ee, ce = ctx.words, ctx.ee, ctx.ce
    k = ee
    if k < ce and words[k] in ("before", "previously", "until", "till"):
        last = k + (1 if words[k] in ("before", "previously") else 2)
        if words[k] in ("until", "till") and not (k + 1 < len(words) and words[k + 1] in ("now", "then", "recently")):
            return False
        if (last >= len(words) or last >= ce or words[last] in (",", ".", ";", "—", "–", "and", "but")) \
                and any(w in ("never", "not", "n't") for w in words[max(ctx.cs, ctx.es - 3):ctx.es]) \
                and not any(w in ("has", "have", "'s", "'ve") for w in words[ctx.cs:ctx.es]):
            # (a present perfect holds up to now: "no psychedelic has ever been approved before")
            ctx.out.stance = "ended"
            return True
    return False


def refused(ctx: StanceContext) -> bool:
    words, event = ctx.words, ctx.event
    # Refused: "declined to approve", "rejected the application", "a complete response letter".
    found = [c for c in ctx.inside if c.label == "ST:refused" and ctx.near(c, 12) and not _alternative(words, event, c)
             and not _object_of(words, event, c) and not _subject_of(words, event, c)]
    if found and not ctx.negated_between(found[0].start, found[0].start):
        ctx.out.stance, ctx.out.cue = "refused", found[0]
        return True
    return False


def prepared_for(ctx: StanceContext) -> bool:
    words, cs, es = ctx.words, ctx.cs, ctx.es
    # Preparing for the event: "ahead of the FDA's possible approval", "in the run-up to the
    # August 11 decision", "the pending approval of ...": a thing still to come, however hedged.
    if _awaited(words, cs, es) and not _past_aux(words, cs, es) and not _past_verb_before(words, cs, es) \
            and not _simple_past_before(words, cs, es):
        ctx.out.stance = "negated" if ctx.negated_between(es, es) else "expected"
        return True
    return False


def open_question(ctx: StanceContext) -> bool:
    words, cs, es = ctx.words, ctx.cs, ctx.es
    # An open question someone is to settle: "the FDA must decide whether it can be prescribed",
    # "on their outcome hangs the question of whether the FDA will let it be used".
    if _question_to_settle(words, cs, es, ctx.sent[1]) and not _past_aux(words, cs, es):
        ctx.out.stance = "pending"
        return True
    return False


def weighed_now(ctx: StanceContext) -> bool:
    words, cs, es = ctx.words, ctx.cs, ctx.es
    # The object of a weighing under way: "the FDA is considering authorising it", "as the agency
    # weighs approving it". (A past one, "considered approving", is read below as history.)
    if es - 1 >= cs and words[es].endswith("ing") and words[es - 1] in WEIGHING_NOW and not _past_aux(words, cs, es - 1):
        ctx.out.stance = "negated" if ctx.negated_between(es - 1, es - 1) else "pending"
        ctx.out.negated = ctx.out.stance == "negated"
        return True
    return False


def conditional(ctx: StanceContext) -> bool:
    words, cs, es, out = ctx.words, ctx.cs, ctx.es, ctx.out
    # Conditional or counterfactual frames: "if approved", "before approval could be considered",
    # "approval would require another trial", "any approval".
    if _still_required(words, cs, es):
        out.stance = "negated" if ctx.negated_between(es, es) else "pending"  # "still needs final authorisation"
        return True
    if _obligation_with_deadline(words, cs, es) and any(is_future(t, ctx.doc_date) for t in out.times):
        # "on August 9th the FDA must make a big call": a duty with a date to come; under a
        # condition ("if that is granted, the FDA must decide within six months") the rule of the process.
        out.stance = "hypothetical" if after_a_condition(words, ctx.sent[0], cs) else "expected"
        return True
    if _last_requirement(words, cs, es):
        # "the last research needed to win approval", "close to completing the trials needed for
        # approval": the last step named, the event is told as near (as "the last step before approval").
        out.stance = "expected"
        return True
    if _hypothetical(words, cs, es, ctx.inside):
        out.stance = "expected" if _condition_looks_ahead(ctx) else "hypothetical"
        return True
    return False


def _condition_looks_ahead(ctx: StanceContext) -> bool:
    """A condition or possibility that still forecasts the event: one that names when it comes
    ("if it is approved next year", "should it win FDA approval in August", "possible approval ... as
    early as 2024"; on a page with no date a year named is the time looked to, "if it is approved in
    2024"; not after "had" or "were", a supposition about the past), or a possible event after a word
    of nearness ("nearing possible FDA approval")."""
    words, cs, es = ctx.words, ctx.cs, ctx.es
    possible = next((i for i in range(es - 1, max(cs, es - 3) - 1, -1) if words[i] in ("possible", "potential")), None)
    if possible is not None and any(c.label == "ST:expected" and 0 <= possible - c.end <= 2 for c in ctx.inside):
        return True
    opens = words[cs] in ("if", "once", "when") or (es - 1 >= cs and words[es - 1] in ("possible", "potential")) \
        or any(words[i] == "should" and words[i + 1] in ("it", "they", "the", "this") for i in range(cs, es - 1))
    if not opens or any(w in ("had", "were", "'d") for w in words[cs:es]):
        return False
    return any((is_future(t, ctx.doc_date) and t.text.lower() != "now")
               or (ctx.doc_date is None and not t.relative and t.first is not None) for t in ctx.out.times)


# Words that make a requirement the last one: "the last trials needed", "close to completing".
LAST_OF_THEM = {"last", "final", "remaining"}


# What may stand between "needed" and the approval it is needed for.
REQUIREMENT_LINKS = {"to", "for", "win", "get", "gain", "secure", "obtain", "receive", "earn", "the", "a", "fda", "food",
                     "and", "drug", "drugs", "administration", "'s", "regulatory", "marketing", "full", "final", "federal",
                     "u.s.", "us"}


def _last_requirement(words: list[str], cs: int, es: int) -> bool:
    """A requirement word right before the event ("needed to win approval", "needed for approval")
    on a noun that is the last of its kind, or that is close to done."""
    k = next((i for i in range(es - 1, max(cs, es - 4) - 1, -1) if words[i] in ("needed", "required", "necessary")), None)
    if k is None:
        # Further back over the act and the agency's name: "needed to win Food and Drug
        # Administration approval".
        k = next((i for i in range(es - 1, max(cs, es - 10) - 1, -1) if words[i] in ("needed", "required", "necessary")
                  and all(w in REQUIREMENT_LINKS for w in words[i + 1:es])), None)
    if k is None:
        return False
    before = words[max(cs, k - 7):k]
    return any(w in LAST_OF_THEM for w in before) or ("close" in before and "completing" in before) \
        or ("nearly" in before and "completing" in before)


def ended(ctx: StanceContext) -> bool:
    words, cs, es, inside, out = ctx.words, ctx.cs, ctx.es, ctx.inside, ctx.out
    # Ended: "the shortage is over", "came off the shortage list", "the grace period expired".
    end = ended_cue(ctx.doc, words, inside, ctx.event, out.times)
    if end is None:
        return False
    out.cue = end
    prospect = any(c.label in ("ST:expected", "ST:pending") and abs(c.start - end.start) <= 4 for c in inside)
    lead = words[max(cs, end.start - 2):end.start]
    # "completing the trials now under way": an end still being worked towards.
    # ("the order ending the shortage" did end it: a participle after its noun.)
    prospect = prospect or (end.start < es and words[end.start].endswith("ing")
                            and (end.start == cs or words[end.start - 1] in ("for", "toward", "towards", "of")))
    if ctx.negated_between(min(es, end.start), max(es, end.start)) or prospect \
            or (any(w in FUTURE_MODALS or w in ("to", "would") for w in lead)
                and not declared_to(words, cs, end.start)):
        out.stance = "current"  # "the shortage is not over yet", "is expected to end soon": it still holds
    else:
        out.stance = "ended"
    return True


def _alternative(words: list[str], event: Cue, c: Cue) -> bool:
    """"set to approve or deny it": the refusal is the other outcome of a decision still to come."""
    between = words[event.end:c.start] if c.start >= event.end else words[c.end:event.start]
    return between in (["or"], [",", "or"], ["or", "to"])


FRAMES = (time_relative_to_it, having_done, done_by_participle, kept_from, whose_date, negative_object, made_to_wait,
          forecast_attributive, coming_told_after, on_condition, only_wanted,
          as_usually_runs, one_more, one_before_now, state_left_behind, not_until_then, odds_of_it, made_to_take_effect, refused, prepared_for, open_question,
          weighed_now, conditional, ended)
