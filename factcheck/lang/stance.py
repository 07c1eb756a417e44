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
from spacy.tokens import Doc

from factcheck.lang.attribution import SUBORDINATORS, in_quotes, speaker_of
from factcheck.lang.copulas import PAST_BE, PRESENT_BE
from factcheck.lang.cues import Cue
from factcheck.lang.lemmas import lemma_of
from factcheck.lang.text import doc_text
from factcheck.lang.timex import MONTHS as MONTH_WORDS
from factcheck.lang.timex import TimeExpr, is_future

STANCES = ("done", "pending", "expected", "refused", "negated", "hypothetical", "past-forecast", "current", "ended",
           "none")

INTERROGATIVES = {"is", "are", "was", "were", "will", "would", "can", "could", "should", "does", "do", "did", "has",
                  "have", "what", "when", "why", "how", "who", "which", "where", "whether", "may", "might", "shall"}
PERFECT = {"has", "have", "'ve"}
PAST_PERFECT = {"had", "'d"}
FUTURE_MODALS = {"will", "'ll", "shall", "could", "may", "might", "should", "wo", "going", "gonna"}
ADVERBS = {"currently", "presently", "actively", "now", "finally", "officially", "already", "just", "recently", "fully", "formally", "quietly", "also",
           "still", "soon", "widely", "generally", "increasingly", "very", "so", "quite", "pretty", "really",
           "likely", "probably", "almost", "nearly", "all", "but", "well", "eventually", "ultimately", "once",
           "reportedly", "apparently", "indeed", "then", "first", "even", "being", "getting", "broadly"}
# Verbs that take an event noun as something obtained ("received approval", "won the green light").
OBTAIN = {"receive", "received", "receives", "receiving", "win", "won", "wins", "winning", "gain", "gained", "gains",
          "gaining", "get", "got", "gets", "getting", "gotten", "secure", "secured", "secures", "securing", "obtain",
          "obtained", "obtains", "obtaining", "earn", "earned", "earns", "earning", "land", "landed", "lands",
          "landing", "grant", "granted", "grants", "granting", "give", "gave", "given", "gives", "giving", "clinch",
          "clinched", "achieve", "achieved", "award", "awarded", "issue", "issued"}
OBTAIN_REACH = 8
OBTAIN_DONE = {"received", "won", "gained", "got", "gotten", "secured", "obtained", "earned", "landed", "granted",
               "gave", "given", "clinched", "achieved", "awarded", "issued"}
IRREGULAR_PAST = {"went", "made", "took", "came", "gave", "got", "set", "put", "held", "met", "ran", "began", "chose",
                  "wrote", "told", "said", "won", "sent", "brought"}
IRREGULAR_PARTICIPLES = {"lit", "green-lit", "given", "won", "got", "gotten", "made", "become", "done", "set", "struck",
                         "overturned"}
# Verb cues of forecasting whose tense decides between a live forecast and history.
FORECAST_VERBS = {"expect", "anticipate", "predict", "project", "forecast", "tip", "hope", "slate", "poise", "head",
                  "set", "schedule", "destine", "plan"}
# Words before "'s" that make it "is" ("it's close"); after a noun it is a possessive ("the
# agency's ruling").
IS_CONTRACTORS = {"it", "that", "there", "here", "what", "who", "he", "she", "this", "which", "where", "when", "how",
                  "everything", "nothing", "something", "one"}
# Modals that, with "have", look back at what could have been: "approval could have turned the
# company into ...", "it might have been approved" (a counterfactual, not a forecast).
COUNTERFACTUAL_MODALS = {"could", "might", "may", "should", "would", "must", "'d"}
# Past verbs of belief: a "could" under them is a past view ("advocates, who saw MDMA as the
# first psychedelic that could win approval"), told as history. Speech verbs are not here: "the
# company said approval could come in August" stays a (reported) forecast.
PAST_BELIEF = {"saw", "viewed", "regarded", "considered", "thought", "believed", "felt", "imagined", "dreamed",
               "envisioned", "envisaged", "hoped", "wished"}
# Modals of obligation: without a time ("should be approved for depression") they argue for the
# event; with one ("should be approved later this year") they forecast it.
DEONTIC_MODALS = {"should", "must", "ought"}
# Words that make a modal forecast without naming a date.
FORECAST_ADVERBS = {"soon", "shortly", "eventually", "ultimately", "imminently", "finally", "likely", "probably",
                    "quickly", "sooner"}
# After a modal, the verbs that still speak of the event itself: "could be approved", "will win
# approval", "approval could come in 2024". Any other verb takes the modal ("the public will link
# approval to ...", "approval could transform psychiatry").
MODAL_CARRIERS = {"be", "been", "have", "become", "get", "see", "reach", "hit", "come", "arrive", "follow", "happen",
                  "occur", "land", "materialise", "materialize", "move", "head", "go", "take", "bring", "make",
                  "keep", "continue", "remain", "stay"}  # "will keep evaluating": the event goes on
# A request in the simple past is a past act ("asked the FDA to approve"); with "has" it is still
# open ("has asked the FDA to approve").
PAST_REQUESTS = {"asked", "requested", "sought", "petitioned", "applied"}
# Subjects after "should", "had", "were" that make an inverted condition.
INVERSION_SUBJECTS = {"it", "they", "the", "this", "these", "regulators", "authorities"}
# Prepositions that make an event noun a time, not a subject ("copies made during the shortage now face ...").
TIME_PREPOSITIONS = {"during", "amid", "after", "since", "throughout", "before", "despite", "through", "until"}
# Prepositions whose object is a state that holds when the clause's verb does ("pharmacies can
# compound because of the shortage"; "copies made during the shortage" takes "made").
STATE_PREPOSITIONS = {("because", "of"), ("due", "to"), ("owing", "to"), ("amid",), ("during",), ("given",),
                      ("under",)}
# Verbs right after an event noun that hold it as a state of now ("the shortage continues").
STATE_AFTER = {"continues", "persists", "remains", "lingers", "drags", "deepens", "worsens", "grows", "spreads"}
# Verbs whose object is the event itself ("about to carry out its review", "set to deliver a
# ruling", "plans to seek approval"): a forecast of the verb is a forecast of the event.
LIGHT_VERBS = {"seek", "file", "submit", "apply", "launch", "bring", "start", "begin", "carry", "conduct", "hold",
               "issue", "deliver", "render", "announce", "complete", "finish", "finalise", "finalize", "publish",
               "release", "hand", "convene", "schedule", "make", "reach"}
# Adjectives that hold an event noun as a state of now ("the current shortage").
ONGOING = {"current", "ongoing", "continuing", "existing", "present", "persistent", "lingering"}
CONDITIONAL_OPENERS = {"if", "unless", "whether", "before", "until", "till", "once", "should", "lest"}
REQUIREMENT = {"need", "needs", "needed", "require", "requires", "required", "requirement", "necessary", "must",
               "condition", "prerequisite", "essential", "crucial", "vital", "advisable", "important"}
SECTION_DETERMINERS = {"any", "no", "eventual", "possible", "potential", "future", "conditional", "hypothetical"}
# Nouns an approved-thing adjective describes when it speaks of a product, not a person or place.
PRODUCT_NOUNS = {"drug", "drugs", "treatment", "treatments", "therapy", "therapies", "medicine", "medicines",
                 "medication", "medications", "psychedelic", "psychedelics", "product", "option", "options", "use",
                 "indication", "capsule", "capsules", "compound", "version", "form"}
# Words that can be the subject right before a finite past verb ("the FDA approved", "regulators approved").
SUBJECTS = {"fda", "agency", "regulators", "regulator", "it", "they", "government", "authorities", "who", "which",
            "that", "tga", "ema", "mhra", "canada", "australia", "panel", "committee", "officials", "state",
            "congress", "dea", "ministry", "commission", "court", "judge", "justices", "lawmakers", "order",
            "president", "administration"}
PROSPECT_NEAR = 10
# An end cue reads as the event's end only this close to it: after it ("the shortage, listed since
# 2022, has ended") or before it ("off the shortage list", "the end of the shortage").
ENDED_AFTER = 12
ENDED_BEFORE = 4
# "over" ends a state only after it ("the shortage is over"; "concerns over the shortage" are
# about it), and only where its clause stops or turns: "is over in the US", "was declared over,".
OVER_FOLLOWERS = {".", ",", ";", ":", "!", "?", ")", "—", "–", "-", "and", "but", "in", "on", "as", "at", "for",
                  "now", "already", "after", "since", "by", "when", "yet", "according", "\n"}
# "off" ends a listing only before it ("came off the shortage list"), never as "off-label".
ENDED_BEFORE_ONLY = {"off", "removed", "remove", "removes", "removing", "removal"}
# "the end of the year": a time, not the end of the event.
TIME_NOUNS = {"year", "month", "quarter", "week", "day", "decade", "summer", "winter", "spring", "autumn", "fall",
              "season", "term", "period", "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december"}
# Verbs that hold a state ("is in shortage", "remains on the list", "stays in Schedule I").
STATE_VERBS = {"is", "are", "'s", "remains", "remain", "stays", "stay", "was", "were", "remained", "stayed", "become",
               "becomes", "became"}
# Words after "expected"/"scheduled" that show a participle ("a decision expected in August"),
# not a finite past verb with an object ("analysts expected approval").
PARTICIPLE_FOLLOWERS = {"in", "by", "on", "at", "to", "for", "within", "before", "soon", "shortly", "later", "next",
                        "this", "early", "mid", "late", "around", "sometime", "as", "imminently", ",", ".", ";", ")"}  # tokens between an event and a stance cue that still read as one statement


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
        for c in inside:
            if c.label != "NEG":
                continue
            if lo - 6 <= c.start <= hi and not _harmless_negation(words, c):
                return True
            if words[c.start] in NEG_QUANTIFIERS and cs <= c.start < lo:
                return True  # a negative subject: "none of ibogaine, psilocybin or MDMA is legalised"
        return False

    # Refused: "declined to approve", "rejected the application", "a complete response letter".
    refused = [c for c in inside if c.label == "ST:refused" and near(c, 12)]
    if refused and not negated_between(refused[0].start, refused[0].start):
        out.stance, out.cue = "refused", refused[0]
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
    ended = _ended_cue(doc, words, inside, event, out.times)
    if ended is not None:
        out.cue = ended
        prospect = any(c.label in ("ST:expected", "ST:pending") and abs(c.start - ended.start) <= 4 for c in inside)
        lead = words[max(cs, ended.start - 2):ended.start]
        if negated_between(min(es, ended.start), max(es, ended.start)) or prospect \
                or any(w in FUTURE_MODALS or w in ("to", "would") for w in lead):
            out.stance = "current"  # "the shortage is not over yet", "is expected to end soon": it still holds
        else:
            out.stance = "ended"
        return out

    event_starts = {c.start for c in inside if _generic_event(c)}
    # "taking longer than planned", "sooner than expected": a comparison, not a forecast.
    prospects = [c for c in inside if c.label == "ST:expected" and near(c)
                 and _governs(words, c, es, event_starts) and not (c.start > 0 and words[c.start - 1] == "than")]
    pendings = [c for c in inside if c.label == "ST:pending" and near(c)]
    modal = _modal_before(words, cs, es, ce, event_starts)
    future_time = [t for t in out.times if is_future(t, doc_date)]

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
    if es - 2 >= cs and words[es - 1] == "to" and words[es - 2] in ("has", "have", "needs", "need", "must") \
            and not negated_between(es - 3, es):
        # "the FDA now has to decide" is pending; "the government has to legalise it first" is a
        # condition.
        out.stance = "hypothetical" if "first" in words[ee:ce] else "pending"
        return out
    if (_in_hands(words, cs, ce) or _with_authority(words, inside, es, ce)) and not _past_aux(words, cs, es):
        # "the application is now in the FDA's hands"
        out.stance = "negated" if negated_between(es, es) else "pending"
        return out
    if "under" in words[max(cs, es - 3):es] and not _past_aux(words, cs, words.index("under", max(cs, es - 3), es)):
        # "under FDA review", "under priority review"
        out.stance = "negated" if negated_between(es, es) else "pending"
        return out
    if es - 1 >= cs and words[es - 1] == "being" and not _past_aux(words, cs, es - 1):
        out.stance = "negated" if negated_between(es, es) else "pending"
        return out
    if ev_word.endswith("ing") and es > cs and _aux_before(words, cs, es) in ("present", "perfect"):
        out.stance = "negated" if negated_between(es, es) else "pending"
        return out
    if es - 1 >= cs and words[es - 1] in ONGOING and not negated_between(es - 1, es):
        # "ongoing phase 3 trials will report next year": the trials run now, whatever follows; an
        # ongoing review is a decision still to come.
        out.stance = "pending" if event.label in PROCESS_EVENTS else "current"
        return out
    if modal:
        if modal == "would":
            out.stance = "hypothetical"
        elif modal in DEONTIC_MODALS and not future_time and not any(w in FORECAST_ADVERBS for w in words[cs:ce]):
            out.stance = "hypothetical"  # "ecstasy should be approved for depression": an argument, not a forecast
        elif modal in ("could", "might") and any(w in PAST_BELIEF for w in words[sent[0]:es]):
            out.stance = "past-forecast"  # "advocates, who saw it as a drug that could win approval"
        elif negated_between(es - 4, es):
            out.stance, out.negated = "negated", True
        else:
            out.stance = "expected" if modal != "past" else "past-forecast"
        return out
    if future_time and not _past_aux(words, cs, es) and not _past_verb_before(words, cs, es) \
            and words[ee - 1] != "date":  # "with a target date of August 11" states the schedule
        out.stance = "negated" if negated_between(es, es) else "expected"
        return out
    if words[es] in PRESENT_BE and ee - es > 1 and not negated_between(es, ee):
        # The event's own words hold the state: "is legal", "now legal".
        out.stance = "current"
        return out
    if words[es] in ("became", "was", "were") and ee - es > 1 and not negated_between(es, ee):
        out.stance = "done"  # "became legal", "was legalised"
        return out
    # Where names end (places, subjects, authorities): a past verb right after one is finite.
    name_ends = {c.end - 1 for c in inside if c.label.startswith(NAME_LABELS)}
    done = _done(words, cs, es, ee, doc, name_ends) or _moved_into(words, cs, es, ee, doc, name_ends)
    if done:
        out.stance = "negated" if negated_between(es, es) or done == "negated" else "done"
        out.negated = out.stance == "negated"
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
    if aux is None and _progressive_after(words, ee, ce):
        if event.label in PROCESS_EVENTS:
            out.stance = "pending"  # "the agency's review of the drug is ongoing"
            return out
        aux = "present"  # "the phase 3 study of the drug is still enrolling"
    if aux is None and es - 1 >= cs and words[es - 1] in ONGOING:
        aux = "present"  # "the current enforcement discretion", "the ongoing shortage"
    if aux is None and _state_preposition(words, cs, es):
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
        for i in range(es - 1, max(cs, es - 7) - 1, -1):
            if words[i] in STATE_VERBS and (words[i] != "'s" or _is_copula_s(words, i)):
                aux = "past" if words[i] in PAST_BE else "present"
                break
            if words[i] == "been" and i - 1 >= cs and words[i - 1] in PERFECT:
                nxt = words[i + 1] if i + 1 < len(words) else ""
                if nxt.endswith("ed") or nxt in IRREGULAR_PARTICIPLES:
                    break  # "has been tested in two trials": a thing done, not a state held
                aux = "present"  # "have been on the shortage list since 2022": it still holds
                break
            if words[i] in (",", ";", "and", "but", "because", "since"):
                break
    if aux == "past":
        out.stance = "past-forecast"  # "the goal was approval by 2021": told as history
    elif aux == "present" and not negated_between(es, es):
        out.stance = "current"
    elif negated_between(es, es):
        out.stance, out.negated = "negated", True
    return out


def _ended_cue(doc: Doc, words: list[str], inside: list[Cue], event: Cue, times: list[TimeExpr]) -> Cue | None:
    """The end cue that speaks of this event, if any: close after it, or just before it, not part
    of a time ("by the end of the year") and with no other event between them."""
    best: Cue | None = None
    for c in inside:
        if c.label != "ST:ended":
            continue
        w = words[c.start]
        if c.start >= event.end:
            gap = c.start - event.end
            if gap > ENDED_AFTER or w in ENDED_BEFORE_ONLY:
                continue
            if w == "over" and c.end < len(words) and words[c.end] not in OVER_FOLLOWERS \
                    and not doc[c.end].is_space:
                continue
            if any(_generic_event(o) and (event.end <= o.start < c.start
                                                   or c.end <= o.start <= c.end + ENDED_BEFORE) for o in inside):
                continue  # another event's end: "approvals that ended ...", "struck down the order ending the shortage"
        elif c.end <= event.start:
            gap = event.start - c.end
            if gap > ENDED_BEFORE or w == "over":
                continue
        else:
            continue
        if w in ("end", "ends", "ended", "ending") and c.end < len(words) and words[c.end] == "up":
            continue  # "end up becoming legal": a result, not an end
        if w in ("end", "ends", "ended") and c.end + 1 < len(words) and words[c.end] == "of" \
                and (words[c.end + 1] in TIME_NOUNS or words[c.end + 1].isdigit()
                     or (words[c.end + 1] == "the" and c.end + 2 < len(words) and words[c.end + 2] in TIME_NOUNS)):
            continue  # "the end of the year", "the end of 2024"
        char = doc[c.start].idx
        if any(t.start <= char < t.end for t in times):
            continue
        if best is None or gap < abs(best.start - event.start):
            best = c
    return best


def _state_preposition(words: list[str], cs: int, es: int) -> bool:
    """A state preposition governs the event noun, with at most a determiner, a possessive and an
    adjective or two between ("because of the national shortage", "during the FDA's grace period")."""
    for i in range(max(cs, es - 6), es):
        for prep in STATE_PREPOSITIONS:
            if tuple(words[i:i + len(prep)]) == prep and es - (i + len(prep)) <= 4 \
                    and not any(w in (",", ";", ".") for w in words[i:es]):
                return True
    return False


def _clause_tense(words: list[str], cs: int, ce: int, es: int) -> str | None:
    """The tense of the clause's finite verb: the nearest auxiliary or copula before the event
    (after a relative pronoun, the relative clause's own), else the first after it (up to `ce`;
    for an opening phrase such as "Because of the shortage," the sentence's end)."""
    for i in range(es - 1, cs - 1, -1):
        w = words[i]
        if w in ("who", "which", "that") or (w.endswith("ed") and i > cs and words[i - 1] in ("who", "which", "that")):
            return None  # "pharmacists who worked during the shortage": the relative clause's own verb
        t = _tense_of(words, i)
        if t:
            return t
    for i in range(es + 1, ce):
        t = _tense_of(words, i)
        if t:
            return t
    return None


def _tense_of(words: list[str], i: int) -> str | None:
    w = words[i]
    if w == "'s" and not _is_copula_s(words, i):
        return None  # a possessive
    if w in PRESENT_BE or w in PERFECT or w in ("can", "may", "must", "remains", "remain", "continue", "continues"):
        return "present"
    if w in PAST_BE or w in PAST_PERFECT or w in ("could", "did"):
        return "past"
    return None


def _words(doc: Doc) -> list[str]:
    """Lower-case token texts with curly apostrophes straightened ("it’s" reads as "it's"), once per Doc."""
    cached = doc.user_data.get("factcheck_words")
    if cached is None or len(cached) != len(doc):
        # Read as one column of string ids: iterating the Doc makes a Token object per token.
        strings = doc.vocab.strings
        memo: dict[int, str] = {}
        cached = []
        for h in doc.to_array(LOWER).tolist():
            w = memo.get(h)
            if w is None:
                w = memo[h] = strings[h].replace("’", "'")
            cached.append(w)
        doc.user_data["factcheck_words"] = cached
    return cached


def _with_authority(words: list[str], inside: list[Cue], es: int, ce: int) -> bool:
    """"the dossier is with the FDA", "the application now sits before regulators"."""
    for i in range(es + 1, min(ce, es + 5)):
        if words[i] in ("with", "before") and words[i - 1] in PRESENT_BE | {"now", "still", "currently"}:
            return any((c.label == "AUTH" or c.label.startswith("JUR:")) and i < c.start <= i + 4 for c in inside)
    return False


def _in_hands(words: list[str], cs: int, ce: int) -> bool:
    """"in the agency's hands", "in regulators' hands": pending with whoever holds it."""
    for i in range(cs, ce):
        if words[i] == "in" and "hands" in words[i + 1:min(ce, i + 6)]:
            return True
    return False


def _harmless_negation(words: list[str], c: Cue) -> bool:
    """Negators that do not negate the statement: "not only", "no later than", "no doubt"."""
    nxt = words[c.end] if c.end < len(words) else ""
    if words[c.start] == "not" and nxt in ("only", "just", "least"):
        return True
    if words[c.start] == "no" and nxt in ("later", "sooner", "doubt", "one", "wonder"):
        return True
    return False


def _aux_before(words: list[str], cs: int, at: int) -> str | None:
    """The tense of the auxiliary or copula governing the word at `at`, skipping adverbs."""
    i = at - 1
    while i >= cs and (words[i] in ADVERBS or words[i] in ("not", "n't", "never", "been", "be", "being", "to")):
        if words[i] == "been":
            j = i - 1
            while j >= cs and words[j] in ADVERBS | {"not", "n't", "never"}:
                j -= 1
            if j >= cs and words[j] in PERFECT:
                return "perfect"
            if j >= cs and words[j] in PAST_PERFECT:
                return "past"
        i -= 1
    if i < cs:
        return None
    w = words[i]
    if w == "'s" and not _is_copula_s(words, i):
        return None  # "the agency's ruling": a possessive
    if w in PRESENT_BE:
        return "present"
    if w in PERFECT:
        return "perfect"
    if w in PAST_BE or w in PAST_PERFECT:
        return "past"
    if w in FUTURE_MODALS or w in ("would", "can"):
        return "modal"
    return None


def _is_copula_s(words: list[str], i: int) -> bool:
    """Is the "'s" at `i` the verb "is" ("it's close") rather than a possessive ("the FDA's")?"""
    return i > 0 and words[i - 1] in IS_CONTRACTORS


def _past_verb_before(words: list[str], cs: int, es: int) -> bool:
    """A finite past verb earlier in the clause ("the agency granted ... and set a target date of
    August 11"): the date is part of a reported past act, not a forecast."""
    for i in range(cs, es):
        w = words[i]
        if w in OBTAIN_DONE or w in ("set", "announced", "said", "told", "named", "gave", "scheduled", "accepted",
                                     "filed", "submitted", "made", "began", "started", "opened", "listed"):
            prev = words[i - 1] if i > cs else ""
            if prev not in ("is", "are", "be", "been", "being", "to", "will", "'ll", "could", "may", "might"):
                return True
    return False


def _past_aux(words: list[str], cs: int, at: int) -> bool:
    return _aux_before(words, cs, at) == "past"


def _past_framed(doc: Doc, words: list[str], cs: int, cue: Cue, inside: list[Cue], ce: int | None = None) -> bool:
    """A forecast told as history: "approval was expected", "seemed close", "analysts predicted",
    "the goal of approval by 2021 was missed"."""
    if any(c.label == "ST:past" for c in inside):
        return True
    aux = _aux_before(words, cs, cue.start)
    if aux == "past":
        return True
    if aux is None and ce is not None and words[cue.start] in ("goal", "goals", "aim", "aims", "target"):
        # A forecast named as a noun is history when its clause's verb is: "the goal ... was missed".
        for i in range(cue.end, min(ce, cue.end + 12)):
            if words[i] in (",", ";", "which", "that", "who", "but"):
                break
            if words[i] in PAST_BE or words[i] in PAST_PERFECT:
                return True
            if words[i] in PRESENT_BE or words[i] in PERFECT:
                break
    if aux in ("present", "perfect", "modal"):
        return False
    w = words[cue.start]
    tag = doc[cue.start].tag_
    if tag in ("VBD", "VBN") and w.endswith("ed"):
        # The parser tells a finite past verb ("analysts predicted approval") from a participle
        # ("a decision expected in August"), where it has read the sentence.
        return tag == "VBD"
    if w.endswith("ed") and lemma_of(w) in FORECAST_VERBS:
        # "Analysts predicted approval by 2021": a finite past verb after its subject, with an
        # object; "a decision expected in August" is a participle (passive, present).
        prev = words[cue.start - 1] if cue.start - 1 >= cs else ""
        nxt = words[cue.end] if cue.end < len(words) else ""
        if nxt in PARTICIPLE_FOLLOWERS:
            return False
        return prev not in ("is", "are", "'s", "be", "been", "being", "widely", "generally", "now") and cue.start > cs
    return False


def _modal_before(words: list[str], cs: int, es: int, ce: int | None = None,
                  event_starts: set[int] | None = None) -> str | None:
    """A modal or future auxiliary governing the event: "will approve", "could be approved",
    "may soon win approval" (up to five words before it, not across another verb group), or
    right after an event noun that is the subject ("approval could come by 2021").
    `event_starts`: where other event cues start in the clause ("will approve Wegovy for fatty
    liver disease": the modal's verb is itself an event)."""
    if ce is not None and not words[es].endswith("ed"):
        for i in range(es + 1, min(ce, es + 4)):
            w = words[i]
            if (w in FUTURE_MODALS and w != "going") or w in ("would", "'d"):
                return _modal_reading(words, i, ce, event_starts)
            if w in (",", ";", "."):
                break
    for i in range(es - 1, max(cs, es - 6) - 1, -1):
        w = words[i]
        if w == "going" and i + 1 < len(words) and words[i + 1] == "to":
            return "past" if i > cs and words[i - 1] in ("was", "were") else "will"
        if (w in FUTURE_MODALS and w != "going") or w in ("would", "'d"):
            return _modal_reading(words, i, es, event_starts)
        if w in (".", ",", ";", "and", "but", "by", "with") and i < es - 1:
            return None
        if w in SUBORDINATORS | {"that", "which", "who", "whenever", "after", "before", "until", "once"} and i < es:
            return None  # "will move faster when it reviews the drug": the modal is the main clause's
        # Another verb between the modal and the event takes the modal: "should be supervised
        # by licensed therapists" (but "could soon win approval", "may become a legal drug").
        if i < es - 1 and (w.endswith("ed") or w.endswith("ing")) and w not in OBTAIN and w not in (
                "being", "getting", "becoming", "expected", "anticipated", "predicted", "projected", "tipped"):
            return None
    return None


def _governs(words: list[str], cue: Cue, es: int, event_starts: set[int]) -> bool:
    """Does a forecasting cue ending in "to" ("plans to", "aims to") reach the event after it?
    "plans to seek approval", "hopes to win approval" yes; "plans to appeal the decision" no
    (the plan is the appeal)."""
    if words[cue.end - 1] != "to" or cue.end > es:
        return True
    j = cue.end
    while j < es and words[j] in ADVERBS:
        j += 1
    return j == es or words[j] in MODAL_CARRIERS or words[j] in OBTAIN or j in event_starts \
        or lemma_of(words[j]) in LIGHT_VERBS


def _modal_reading(words: list[str], m: int, stop: int, event_starts: set[int] | None = None) -> str | None:
    """What the modal at `m` does to the event: the modal itself ("will", "could"), "would" for a
    counterfactual ("could have turned", "might have been"), or None when it governs another
    verb ("will link approval to ...", "approval could transform psychiatry"). `stop`: the
    event's first token when the modal comes before it, else the clause end."""
    w = words[m]
    j = m + 1
    while j < min(stop, len(words)) and (words[j] in ADVERBS or words[j] in ("not", "n't", "never")):
        j += 1
    nxt = words[j] if j < len(words) else ""
    if nxt == "have" and w in COUNTERFACTUAL_MODALS:
        return "would"
    if w in ("may", "can") and m + 1 < len(words) and words[m + 1] == "now":
        return None  # "it may now be prescribed": a permission held now, not a forecast
    if w in ("would", "'d"):
        return "would"
    if j >= stop and stop <= m + 6 and stop > m:
        return w  # nothing but adverbs between the modal and the event: "will (soon) approve"
    if nxt in MODAL_CARRIERS or nxt in OBTAIN or j in (event_starts or ()):
        return w
    return None


def _still_required(words: list[str], cs: int, es: int) -> bool:
    """"still needs final authorisation", "has yet to need"... : a requirement held as still open
    is the event pending, not a condition ("approval would require another trial")."""
    for i in range(max(cs, es - 5), es):
        if words[i] in REQUIREMENT and i - 1 >= cs and words[i - 1] in ("still", "yet"):
            return True
    return False


MID_CLAUSE_CONDITIONS = {"if", "unless", "once", "whether"}


def _condition_opens_before(words: list[str], cs: int, es: int) -> bool:
    """A condition opened inside the clause, right before the event with its own subject: "would
    allow prescribing once the drug is rescheduled". Adverbial "once" ("was once legal") has no
    subject after it."""
    for i in range(es - 2, max(cs, es - 7) - 1, -1):
        w = words[i]
        if w in (",", ";"):
            return False
        if w in MID_CLAUSE_CONDITIONS and words[i + 1] not in ADVERBS \
                and words[i + 1] not in PRESENT_BE | PAST_BE | PERFECT:
            return True
    return False


def _hypothetical(words: list[str], cs: int, es: int, inside: list[Cue]) -> bool:
    opener = words[cs] if cs < len(words) else ""
    if opener in CONDITIONAL_OPENERS:
        return True
    # An inverted condition in the clause: "to bring it to market should it be approved", "had
    # the FDA approved it", "were it to be approved".
    for i in range(cs, min(len(words) - 1, es + 4)):
        if words[i] in ("should", "had", "were") and words[i + 1] in INVERSION_SUBJECTS \
                and (i == cs or words[i - 1] not in ("it", "they", "that", "which", "who", "this", "what")):
            return True
    # "if the studies succeed, therapists could prescribe it by 2021": the condition ends at its
    # comma and the main clause still forecasts.
    if any(c.label == "HYP" and c.start < es and words[c.start] != "would" and "," not in words[c.start:es]
           for c in inside):
        return True
    if _condition_opens_before(words, cs, es):
        return True
    before = words[max(cs, es - 4):es]
    if es - 2 >= cs and words[es - 1] == "to" and words[es - 2] in ("has", "have", "needs", "need", "must"):
        return False  # an obligation to act ("the FDA now has to decide") is pending, not hypothetical
    if any(w in REQUIREMENT for w in before) or any(w in SECTION_DETERMINERS for w in words[max(cs, es - 2):es]):
        return True
    # "before approval", "until approval", "without approval", "for approval" after a requirement
    if es - 1 >= cs and words[es - 1] in ("before", "until", "till", "pending", "without"):
        return True
    # "approval of any treatment", "approval for no drug"
    if any(w in ("any", "no") for w in words[es + 1:es + 4]) and "of" in words[es + 1:es + 3]:
        return True
    return bool(any(w in REQUIREMENT for w in words[cs:es]))


FIRST_MAKERS = {"became", "become", "becomes", "was", "is", "been", "makes", "made", "make"}
# Names a past verb may follow ("Switzerland legalized it"): places and authorities, which every
# pack's matcher finds alike (a pack's own terms would make one sentence read two ways).
NAME_LABELS = ("JUR:", "AUTH")


def _asserting_opener(doc: Doc, c: Cue, sent: tuple[int, int], event: Cue) -> bool:
    """"Contrary to some reports, the FDA has not rejected it": the opening phrase names what is
    corrected; what follows its comma is the writer's own statement."""
    return c.start == sent[0] and doc[c.start].lower_ == "contrary" \
        and any(t.text == "," for t in doc[c.end:event.start])


def _generic_event(c: Cue) -> bool:
    """An event cue of the shared vocabulary (not a phrase one pack's rule lists inline)."""
    return c.label.startswith("EV:") and not c.label.startswith("EV:rule:")


def _irregular_past(word: str) -> bool:
    """A past form the lemma table knows that is neither "-ed" nor a present or "-ing" form
    ("spun", "held", "led"): the table maps it to another lemma."""
    if word.endswith(("s", "ing")) or word in PAST_BE or word in PRESENT_BE or not word.isalpha():
        return False
    return lemma_of(word) not in (word, "be")


def _done(words: list[str], cs: int, es: int, ee: int, doc: Doc | None = None,
          name_ends: set[int] | None = None) -> str | None:
    """The event held as having happened: "has been approved", "was approved", "received approval",
    "the FDA approved it", "an FDA-approved treatment"."""
    w = words[es]
    if es - 1 >= cs and words[es - 1] == "to":
        # "became the first country to legalise it", "makes it the first to approve": a first is
        # a thing done.
        back = words[max(cs, es - 7):es - 1]
        if any(x in ("first", "only") for x in back) and any(x in FIRST_MAKERS for x in back):
            return "done"
    if doc is not None and doc[es].tag_ == "VBD" and not _aux_before(words, cs, es) == "modal":
        return "done"  # the parser read a finite past verb: "the agency approved it"
    participle = w.endswith("ed") or w in IRREGULAR_PARTICIPLES or words[ee - 1].endswith("ed") \
        or words[ee - 1] in IRREGULAR_PARTICIPLES or _irregular_past(w)  # "first made", "was spun off"
    if participle:
        prev = words[es - 1] if es - 1 >= cs else ""
        if prev == "to":
            return None
        if ee < len(words) and words[ee] == "by" and prev in (",", "(", "—", "-", "and", "now", "recently"):
            return "done"  # "MDMA therapy, approved by the FDA last year, ..."
        aux = _aux_before(words, cs, es)
        if aux in ("perfect", "past"):
            return "done"
        if aux == "present":
            return "done"
        if aux == "modal":
            return None
        nxt = words[ee] if ee < len(words) else ""
        product = nxt in PRODUCT_NOUNS or words[ee - 1] in PRODUCT_NOUNS  # "registered treatment"
        if prev in (",", "and") and product:
            return "done"  # "a legal, approved medicine"
        if prev == "-" or prev in ("an", "the", "a", "first", "only", "newly", "now", "fully"):
            # attributive: "an FDA-approved drug", "the first approved psychedelic"
            return "done" if product or prev == "-" else None
        if prev in SUBJECTS:
            return "done"  # a finite past verb after its subject: "the FDA approved it"
        if doc is not None and w.endswith("ed") and _object_follows(doc, words, ee) and prev.isalpha() \
                and prev not in ("the", "a", "an", "this", "that", "its", "their"):
            return "done"  # a past verb with its object: "the order on mental illness rescheduled MDMA"
        p = es - 1
        while p > cs and words[p] in ADVERBS:
            p -= 1
        if doc is not None and p >= cs and w.endswith("ed") and words[p] not in ("the", "a", "an", "this", "that") \
                and (((doc[p].is_title or doc[p].is_upper) and doc[p].is_alpha) or p in (name_ends or ())):
            return "done"  # after a name: "Switzerland legalized it", "New Zealand all legalized"
        if _coordinated_with_past(words, cs, es):
            return "done"  # "Canada went ahead and legalized it"
        return None
    # A participle with its agent: "approved by the FDA last year", "cleared by regulators".
    if participle and ee < len(words) and words[ee] == "by":
        return "done"
    # Presupposed: "since its approval", "following FDA approval", "after the FDA's approval".
    for i in range(es - 1, max(cs, es - 4) - 1, -1):
        if words[i] in ("since", "following", "after", "post"):
            return "done"
    # An event noun obtained: "received approval", "won the green light", "got the nod", "landed
    # one of the agency's new vouchers" (not across a comma or a new clause).
    for i in range(es - 1, max(cs, es - OBTAIN_REACH) - 1, -1):
        if words[i] in (",", ";", "and", "but", "which", "that", "who", "while"):
            break
        if words[i] in OBTAIN:
            if words[i] in OBTAIN_DONE:
                aux = _aux_before(words, cs, i)
                return None if aux == "modal" else "done"
            return None
    return None


WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
IN_PROGRESS = {"underway", "ongoing", "under", "in"}
NEG_QUANTIFIERS = {"none", "nothing", "nobody", "neither"}
ROMAN = {"i", "ii", "iii", "iv", "v", "vi"}
# Events that are steps towards a decision: in progress, they are pending, not a state held.
PROCESS_EVENTS = {"EV:review", "EV:decision", "EV:submission", "EV:approval", "EV:advisory-vote"}


def _progressive_after(words: list[str], ee: int, ce: int) -> bool:
    """The event's phrase is the subject of a present progressive or an "under way" state, past its
    head noun and a short "of ..." phrase: "the study of the drug is still enrolling", "trials are
    under way"."""
    i = ee
    while i < min(ce, ee + 6) and words[i] not in ("is", "are"):
        if words[i] in ("now", "still", "currently") and _in_progress_at(words, i + 1, ce):
            return True  # without a verb: "the Phase 3 trials now under way in three countries"
        if not words[i].isalnum() or words[i] in ("and", "that", "which", "who", "but") or words[i].endswith("ed"):
            return False  # the phrase ends before any verb of its own
        i += 1
    if i >= ce or words[i] not in ("is", "are"):
        return False
    i += 1
    while i < ce and (words[i] in ADVERBS or words[i].endswith("ly")):  # "is simply taking longer"
        i += 1
    if i < ce and words[i].endswith("ing") and words[i] not in ("being", "going"):
        return True
    return _in_progress_at(words, i, ce)


def _in_progress_at(words: list[str], i: int, ce: int) -> bool:
    """"under way", "underway", "ongoing", "in progress" at token `i`."""
    if i >= ce:
        return False
    w = words[i]
    if w == "in":
        return i + 1 < ce and words[i + 1] == "progress"
    if w == "under":
        return i + 1 < ce and words[i + 1] == "way"
    return w in IN_PROGRESS


OBJECT_STARTS = {"the", "a", "an", "it", "them", "its", "their", "this", "these", "those"}


def _object_follows(doc: Doc, words: list[str], at: int) -> bool:
    """Does a direct object start at `at`? A participle never takes one ("a drug approved last
    year", "treatments approved this month" carry a time, not an object)."""
    if at >= len(words):
        return False
    tok = doc[at]
    if tok.is_alpha and ((tok.is_upper and len(tok) > 1) or (tok.is_title and at > 0 and not doc[at - 1].is_title)) \
            and words[at] not in MONTH_WORDS and words[at] not in WEEKDAYS:
        return True  # "rescheduled MDMA", "approved Wegovy" (not a headline's capitals)
    ahead = words[at + 1:at + 3]
    if any(x in TIME_NOUNS or x in MONTH_WORDS or x.isdigit() for x in ahead):
        return False
    return words[at] in OBJECT_STARTS


def _moved_into(words: list[str], cs: int, es: int, ee: int, doc: Doc | None, name_ends: set[int]) -> str | None:
    """A state reached by a verb done to something: "shifted the drug into Schedule III", "has been
    moved down to the list". The verb must be finite or have its auxiliary; an -ing form or an
    infinitive before it ("recommended moving it to ...", "lobbying to shift it to ...") is not."""
    i = es - 1
    determiner = i >= cs and words[i] in ("the", "a", "an")
    if determiner:
        i -= 1  # "moved it to the shortage list"
    if i < cs or words[i] not in ("into", "to", "onto"):
        return None
    # After a bare "to", only a name or a numbered list ("to Schedule III", "to schedule 3") is a
    # place reached; "lobbied the agency to approve it" is an infinitive.
    named = (doc is not None and doc[es].is_title) or words[ee - 1].isdigit() or words[ee - 1] in ROMAN
    if words[i] == "to" and not determiner and not named:
        return None
    i -= 1
    if i >= cs and words[i] in ("down", "back", "up"):
        i -= 1
    for j in range(i, max(cs, i - 4) - 1, -1):
        w = words[j]
        if w.endswith("ing") or w == "to" or w in (",", ";"):
            return None
        if w.endswith("s") and j > cs and words[j - 1] in SUBJECTS and w not in PRESENT_BE:
            return "done"  # a reporting present after its subject: "an executive order moves it down to ..."
        if not (w.endswith("ed") or w in IRREGULAR_PARTICIPLES or w in IRREGULAR_PAST):
            continue
        aux = _aux_before(words, cs, j)
        if aux in ("perfect", "past", "present"):
            return "done"
        if aux is None and j > cs and (words[j - 1] in SUBJECTS or j - 1 in name_ends
                                       or (doc is not None and doc[j - 1].is_title and doc[j - 1].is_alpha)):
            return "done"
        return None
    return None


def _coordinated_with_past(words: list[str], cs: int, es: int) -> bool:
    """Is the participle-looking verb at `es` the second of two past verbs ("went ahead and
    legalized", "met and voted")? Adverbs between are skipped."""
    i = es - 1
    while i >= cs and words[i] in ADVERBS:
        i -= 1
    if i < cs or words[i] not in ("and", "then"):
        return False
    for j in range(i - 1, max(cs, i - 4) - 1, -1):
        w = words[j]
        if w in IRREGULAR_PAST or (w.endswith("ed") and _aux_before(words, cs, j) is None and j > cs):
            return True
    return False


def _framing_year(doc: Doc, cs: int, times: list[TimeExpr]) -> int | None:
    """A year that opens the clause ("In 2023, ...", "Back in 2019", "By early 2024")."""
    if not times:
        return None
    t = times[0]
    head = doc_text(doc)[doc[cs].idx:t.start].strip().lower()
    if head in ("", "in", "back in", "as of", "during", "throughout", "until", "through", "at the end of",
                "at the start of", "in early", "in late", "in mid", "since") and not t.relative:
        return t.year
    return None
