"""Readings of a clause's words that give an event its stance, each a small test on the words
around the event (no parser): an event prepared for, an open question to settle, a permission,
a deadline, a prevention, a timetable in the present, a refusal the event acts on or is said of, a
participle describing a noun, a state held without a copula, a permission held since a date, one
more of its kind, a goal, a wait, a condition of time, a negator closed off before the event.
`stance.read_stance` asks them in order; each is written once here and tested in
tests/lang/test_stance.py.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from spacy.tokens import Doc

from factcheck.lang.aspect import _aux_before
from factcheck.lang.cues import Cue
from factcheck.lang.lemmas import lemma_of
from factcheck.lang.timex import MONTHS, SEASONS, TimeExpr, names_a_day
from factcheck.lang.wordsets import AWAITING, HABITUAL, IRREGULAR_PARTICIPLES, STATE_AFTER, STEP_NOUNS, TELLING


def _state_in_present(doc: Doc, clause: tuple[int, int], event: Cue) -> bool:
    words = [t.lower_ for t in doc[event.start:event.end]]
    before = [t.lower_ for t in doc[max(clause[0], event.start - 2):event.start]]
    if any(w in ("remain", "remains", "is", "are") for w in words):
        return True
    head = words[0]
    return (head.endswith(("ed", "ing")) and any(w in ("is", "are", "remain", "remains", "still") for w in before)
            and not any(w in ("was", "were", "had", "been") for w in before))


# Verbs that tell of a state ending or easing: after them the state no longer holds as told.
EASING = {"ended", "ends", "eased", "eases", "abated", "abates", "subsided", "subsides", "resolved", "lifted", "lifts",
          "over", "finished", "stopped", "stops"}


def acts_now(words: list[str], ee: int, ce: int) -> bool:
    """The event's noun phrase is the subject of a verb in the present or present perfect ("a
    worldwide shortage of the drug has shaken him", "Ozempic shortage rattles patients"): the
    state is there as the sentence is told."""
    i = ee
    if i < ce and words[i] == "of":  # "... of the diabetes drug Ozempic"
        i += 1
        while i < min(ce, ee + 7) and words[i].isalnum() and words[i] not in ("has", "have", "is", "are", "and", "that",
                                                                              "which", "who", "but", "was", "were"):
            i += 1
    while i < ce and words[i] in ("nonetheless", "still", "now", "also", "again", "already", "even"):
        i += 1
    if i >= ce:
        return False
    w = words[i]
    if w in ("has", "have"):
        j = i + 1
        while j < ce and words[j] in ("nonetheless", "still", "now", "also", "already", "even", "not"):
            j += 1
        return j < ce and words[j] not in EASING and words[j] not in ("been", "not") \
            and (words[j].endswith(("ed", "en")) or words[j] in ("hit", "left", "put", "kept", "led"))
    return w.endswith("s") and w.isalpha() and len(w) > 3 and w not in EASING \
        and w not in ("was", "has", "is", "this", "its", "plus", "across", "unless", "as", "whereas")


def _state_after_phrase(words: list[str], ee: int, ce: int) -> bool:
    """A state verb after the event's "of ..." phrase: "the shortage of the diabetes drug drags on"."""
    if ee >= ce or words[ee] != "of":
        return False
    for i in range(ee + 1, min(ce, ee + 7)):
        if words[i] in STATE_AFTER:
            return True
        if not words[i].isalnum() or words[i] in ("and", "that", "which", "who", "but", "is", "are", "was", "were"):
            return False
    return False


# Words that make a "whether" an open question someone is to settle, not a condition.
SETTLING = {"decide", "decides", "deciding", "question", "questions", "settle", "settles", "settling", "determine",
            "determines", "determining", "rule", "rules", "ruling", "weigh", "weighs", "weighing", "consider",
            "considers", "considering", "judge", "judges", "assess", "assesses", "assessing"}


PERMISSION_BE = {"is", "are", "'re", "'s", "remain", "remains", "still"}


def _ability(words: list[str], cs: int, es: int) -> str | None:
    """"can"/"cannot" right before the event or its passive ("can be prescribed", "can now
    prescribe"): "can" or "cannot"; None otherwise."""
    for i in range(es - 1, max(cs, es - 4) - 1, -1):
        w = words[i]
        if w == "to" and i - 1 >= cs and words[i - 1] in ("allowed", "permitted"):
            # "are allowed to go on compounding", "are not allowed to": a permission, like can/cannot
            k = i - 2
            negated = k >= cs and words[k] in ("not", "n't")
            k -= negated
            if k >= cs and words[k] in PERMISSION_BE:
                return "cannot" if negated else "can"
        if w in ("can", "cannot", "ca"):  # "ca" is the tokenizer's "ca|n't"
            # "can no longer keep up", "can never be sold": negated too
            return "cannot" if w == "cannot" or (i + 1 < es and words[i + 1] in ("n't", "not", "no", "never")) else "can"
        if w not in ("be", "now", "legally", "already", "also", "only", "still", "n't", "not", "officially",
                     "no", "longer", "never"):
            return None
    return None


def _purpose_after_future(words: list[str], s0: int, es: int) -> bool:
    """The event is in a purpose ("so that", "allowing") after a main clause in the future."""
    at = next((i for i in range(es - 1, s0 - 1, -1) if words[i] in ("so", "allowing", "letting", "enabling")), None)
    if at is None or (words[at] == "so" and (at + 1 >= es or words[at + 1] != "that") and (at == s0 or words[at - 1] != ",")):
        return False
    return any(w in ("will", "'ll", "shall") for w in words[s0:at]) or "come" in words[s0:s0 + 2]


def _time_allowed(words: list[str], cs: int, es: int) -> bool:
    """"has 60 days to review", "have until August to decide": a deadline still running."""
    for i in range(max(cs, es - 5), es - 2):
        if words[i] in ("has", "have") and any(w in ("days", "weeks", "months", "until", "till") for w in words[i + 1:es - 1]):
            return True
    return False


PREVENTING = {"bar", "bars", "barred", "barring", "ban", "bans", "banned", "prohibit", "prohibits", "prohibited",
              "block", "blocks", "blocked", "prevent", "prevents", "prevented", "forbid", "forbids", "forbidden",
              "stop", "stops", "stopped", "keep", "keeps", "preclude", "precludes", "precluded"}


def _prevented(words: list[str], cs: int, es: int) -> bool:
    """"bars Medicare from paying", "prevents doctors from prescribing": the event behind "from"
    after a verb of preventing, within a few words."""
    if es - 1 < cs or words[es - 1] != "from":
        return False
    return any(w in PREVENTING for w in words[max(cs, es - 6):es - 1])


def _question_to_settle(words: list[str], cs: int, es: int, end: int | None = None) -> bool:
    """"whether" before the event, right after a word for deciding or an open question ("must
    decide whether", "it is up to the FDA whether"), or opening a clause that is said to lie with
    someone, read to the sentence's `end` ("Whether to approve it, ..., is now before the agency")."""
    if after_a_step(words, cs, es):
        return False  # "the final hurdle before regulators decide whether to approve it": a description
    for i in range(max(cs, es - 10), es):
        if words[i] != "whether":
            continue
        before = words[max(cs, i - 5):i]
        if any(w in SETTLING for w in before[-3:]) or _lies_with(before) or _to_tell(words, cs, i):
            return True
        opens = i == cs or not words[i - 1].isalnum()
        if end is not None and opens and _lies_with(words[es:min(end, es + 25)]):
            return True
    return False


# What may stand between such a verb and "whether": its time ("announce by August 11 whether").
TIME_WORDS = {"by", "in", "on", "within", "before", "early", "late", "mid", "next", "this", "the", "end", "of", "week",
              "weeks", "month", "months", "year", "a", "few"} | set(MONTHS) | set(SEASONS)
FUTURE_MARKERS = {"will", "'ll", "to", "going", "shall"}


def _to_tell(words: list[str], cs: int, at: int) -> bool:
    """A verb of telling still to come before "whether" at `at`, past its time: "is expected to
    announce by August 11 whether it approves MDMA" puts the decision to come."""
    j = at - 1
    while j >= cs and at - j <= 5 and (words[j] in TIME_WORDS or words[j][:1].isdigit()):
        j -= 1
    if j < cs or lemma_of(words[j]) not in TELLING:
        return False
    return any(w in FUTURE_MARKERS for w in words[max(cs, j - 3):j])


def after_a_step(words: list[str], cs: int, es: int) -> bool:
    """Is the event told in a "before" clause after a step noun, shortly before it? "the final
    hurdle before regulators decide whether to approve it" describes the step: no question is put
    to anyone. (Whether such a sentence forecasts the event is left to the stance reader: writers
    label "the last step before approval" as a forecast as often as not.)"""
    return any(words[i] == "before" and i - 1 >= cs and words[i - 1] in STEP_NOUNS for i in range(max(cs, es - 8), es))


# Word pairs that put a question in someone's hands: "is before the agency", "up to regulators".
LIES_WITH = {("is", "before"), ("now", "before"), ("are", "before"), ("still", "before"), ("up", "to"),
             ("rests", "with"), ("lies", "with"), ("falls", "to"), ("hands", "of"), ("down", "to")}


def _lies_with(words: list[str]) -> bool:
    """A LIES_WITH pair in `words`, not told in the past ("was up to the agency in 2024")."""
    return any((a, b) in LIES_WITH and not (k > 0 and words[k - 1] in ("was", "were", "had"))
               for k, (a, b) in enumerate(pairwise(words)))


def _awaited(words: list[str], cs: int, es: int) -> bool:
    """The event after "ahead of", "in the run-up to", "in anticipation of", "preparing for", or
    "the pending" (a determiner, then "pending": not "pending approval, it cannot be sold")."""
    before = words[max(cs, es - 8):es]
    text = " ".join(before).replace(" - ", "-")  # "run-up" is three tokens
    if any(f" {p} " in f" {text} " for p in AWAITING) and not any(w in (",", ";", "and", "but") for w in before[-4:]):
        return True
    if _gathered_for(words, cs, es):
        return True
    return es - 2 >= cs and words[es - 1] == "pending" and words[es - 2] in ("the", "a", "its", "their", "an")


# Verbs of getting something ready for an event: "data are being gathered for a new drug application".
GATHERING = {"gather", "collect", "compile", "assemble", "prepare", "build", "raise", "ready", "amass"}


def _gathered_for(words: list[str], cs: int, es: int) -> bool:
    """The event after "for (a/an/the/its)" with a verb of gathering or preparing just before."""
    k = es - 1
    if k > cs and words[k] in ("a", "an", "the", "its", "their"):
        k -= 1
    if k <= cs or words[k] != "for":
        return False
    # Told as under way or to come ("are being gathered", "is preparing", "to compile"), not a gerund
    # subject of another verb ("Gathering the data for the application took 38 years").
    return any(lemma_of(words[i]) in GATHERING and i > cs and words[i - 1] in _UNDER_WAY_OR_TO_COME
               for i in range(max(cs, k - 3), k))


_UNDER_WAY_OR_TO_COME = {"is", "are", "am", "be", "being", "will", "to", "'s", "'re", "now", "still", "currently"}


# Common irregular simple pasts (the lemma table also maps comparatives such as "better").
IRREGULAR_PASTS = {"said", "told", "went", "came", "took", "saw", "gave", "spoke", "wrote", "met", "won", "got", "left",
                   "sent", "kept", "became", "brought", "thought", "found", "felt", "fought", "grew", "knew", "rose", "fell"}


def _simple_past_before(words: list[str], cs: int, es: int) -> bool:
    """A verb in the simple past earlier in the clause ("staff worked in the run-up to the
    decision"): the clause tells history. A participle after an auxiliary ("have flared") is not."""
    for i in range(cs + 1, es):
        w = words[i]
        if (w.endswith("ed") and len(w) > 4) or w in IRREGULAR_PARTICIPLES or w in IRREGULAR_PASTS:
            if words[i - 1] in ("the", "a", "an", "to", "'s", "its", "their"):
                continue  # an adjective or an infinitive
            if any(x in ("has", "have", "is", "are", "be", "been", "being", "will", "would")
                   for x in words[max(cs, i - 3):i]):
                continue  # a participle after an auxiliary: "have at times turned"
            return True
    return False


def _scheduled_present(words: list[str], cs: int, ce: int, es: int, ee: int, times: list[TimeExpr],
                       doc_date: date | None) -> bool:
    """An event verb in the simple present (3rd person) with a day of a month in its clause that
    is not before the page's date: "On June 4 the panel meets", "the agency rules on August 11"."""
    if ee - es != 1 or es == cs or not words[es].endswith("s") or _aux_before(words, cs, es) is not None:
        return False
    lemma = lemma_of(words[es])
    if lemma == words[es] or (lemma + "s" != words[es] and lemma + "es" != words[es]):
        return False  # not a verb form ("meetings", "news")
    if words[es - 1] in ("the", "a", "an", "its", "their", "his", "her", "this", "that"):
        return False  # a noun after a determiner
    if any(w in HABITUAL for w in words[cs:ce]):
        return False  # "meets every June 4": a habit, not a timetable
    if doc_date is None:  # the layer places no yearless day without the page's date
        return any(words[i] in MONTHS and (words[i + 1].isdigit() and len(words[i + 1]) <= 2)
                   for i in range(cs, ce - 1))
    return any(names_a_day(t) and t.last is not None and t.last >= doc_date for t in times)


# Words before a participle that make it part of a verb group or an agent's act, not a noun's
# description: "has not been approved", "not yet approved", "is not FDA approved".
NOT_A_NOUN = {"be", "been", "being", "is", "are", "was", "were", "not", "yet", "never", "get", "got", "gets", "have",
              "has", "had", "fda", "agency", "regulators", "officially", "formally", "fully", "still", "ever"}


def _reduced_relative(words: list[str], neg: Cue, es: int) -> bool:
    """"did not pay for Wegovy prescribed for obesity": the participle describes the noun before
    it, behind a preposition the negated verb governs; the negation is that verb's."""
    if neg.end >= es or not (words[es].endswith("ed") or words[es] in IRREGULAR_PARTICIPLES):
        return False
    between = words[neg.end:es - 1]
    return any(w in ("for", "to", "of", "with", "on") for w in between) and words[es - 1].isalpha() \
        and words[es - 1] not in NOT_A_NOUN


def _subject_of(words: list[str], event: Cue, c: Cue) -> bool:
    """The refusal is what the event is said of: "complete response letters are never made
    public", "a rejection letter is sent to the sponsor in confidence"."""
    return c.end <= event.start and any(w in ("is", "are", "was", "were", "remain", "remains", "stay", "stays")
                                        for w in words[c.end:event.start])


def _object_of(words: list[str], event: Cue, c: Cue) -> bool:
    """The refusal is what the event acts on: "appeal the FDA's rejection", "contest its denial"."""
    between = words[event.end:c.start]
    if c.start < event.end:
        return False
    if between and between[0] in ("of", "against", "over") and len(between) <= 3:
        return True  # "Appeal of MDMA Rejection", "a challenge against the agency's refusal"
    # A date may stand in the noun phrase: "contest the agency's 9 August complete response letter".
    return len(between) <= 6 and all(
        w in ("the", "a", "this", "that", "its", "their", "his", "her", "'s", "fda", "agency", "agency's", "fda's",
              "regulator's", "recent", "latest") or w in MONTHS or w.isdigit() for w in between)


def _held_since(doc: Doc, s0: int, es: int) -> bool:
    """"since" and a date before the event ("Since July 1, ...", "since 2023"): what follows holds
    from then. (A date is enough: an undated page places no "July 1", and "since" before a
    clause is a reason, "since the FDA may approve it".)"""
    for i in range(s0, es - 1):
        if doc[i].lower_ == "since":
            nxt = doc[i + 1].lower_.rstrip(".")
            if nxt in MONTHS or (doc[i + 1].is_digit and len(nxt) == 4 and nxt[:2] in ("19", "20")):
                return True
    return False


FURTHER = {"another", "additional", "further"}
# After "a": one more of the kind ("a third Phase 3 trial", "a new phase 3 study").
ORDINAL_FURTHER = {"third", "new", "fresh", "confirmatory", "separate"}  # (not "second": MAPP2 was "a second Phase 3 trial")
# Adverbs that tell how a process usually runs (narrower than wordsets.HABITUAL, whose "every"
# and "often" also mark repeated events).
HOW_IT_USUALLY_RUNS = {"normally", "usually", "typically", "ordinarily", "routinely", "customarily"}


def _a_further_one(words: list[str], cs: int, es: int) -> bool:
    """The event named as one more of its kind ("another Phase 3 trial", "one more phase 3 study",
    "an additional trial"): one still to come, not the one under way."""
    lead = words[max(cs, es - 3):es]
    for k, w in enumerate(lead[-2:]):
        # a determiner of the event's noun phrase ("another trial", "a further review"), not an
        # adverb ("went further and legalised it")
        if w in FURTHER and (w != "further" or (k == 0 and len(lead) >= 3 and lead[-3] == "a")
                             or (k == 1 and len(lead) >= 2 and lead[-2] == "a")):
            nxt = lead[-2:][k + 1] if k + 1 < len(lead[-2:]) else None
            if nxt not in ("and", ",", "or", "to"):
                return True
    if any(a == "a" and b in ORDINAL_FURTHER for a, b in pairwise(lead)):
        return True  # "a third confirmatory Phase 3 trial", "a new phase 3 study"
    return (len(lead) >= 2 and lead[-2:] == ["one", "more"]) or (len(lead) >= 3 and lead[-3:-1] == ["one", "more"])


# Verbs whose denial asserts nothing of the clause after "that" ("cannot be ruled out that ...").
DENIAL_VERBS = {"out", "excluded", "exclude", "deny", "denied", "doubt", "doubted", "impossible", "unlikely"}


def _closed_off(words: list[str], neg: int, es: int) -> bool:
    """A comma between a negator and the event closes the negator's phrase ("MDMA, which has no
    accepted medical use, could be approved"); a parenthesis right after it does not ("has not,
    so far, approved it"). A denied denial opens a clause of its own: "it cannot be ruled out
    that the FDA will approve it" denies the ruling out, not the approval (but "has yet to confirm
    that supply meets demand" does leave it unmet)."""
    between = words[neg + 1:es]
    if any(w in ("that", "whether") and k > 0 and between[k - 1] in DENIAL_VERBS for k, w in enumerate(between)):
        return True
    if "," not in between:
        return False
    return not (between[0] == "," and between.count(",") >= 2)


WAITING = {"wait", "waits", "waiting", "await", "awaits", "awaiting"}


def _waiting_for(words: list[str], cs: int, es: int) -> bool:
    """The event as what something waits for: "will have to wait until January to be adopted",
    "is waiting to be approved"."""
    k = es - 1
    if k >= cs and words[k] == "be":
        k -= 1
    if k < cs or words[k] != "to":
        return False
    return any(w in WAITING for w in words[max(cs, k - 12):k])


CLAUSE_STARTS = {"the", "a", "an", "it", "they", "regulators", "fda", "federal", "congress", "its"}


def _as_soon_as_clause(words: list[str], lo: int, es: int) -> bool:
    """"as soon as the FDA approves it": a time clause that sets a condition, unlike "as soon as
    2023" or "as soon as next year", which name the time of a forecast."""
    for i in range(lo, es - 3):
        if words[i:i + 3] == ["as", "soon", "as"] and words[i + 3] in CLAUSE_STARTS \
                and not any(w in (",", ";", ".") for w in words[i + 3:es]):
            return True
    return False


CONDITION_OPENERS = {"once", "if", "when", "after", "whenever"}
APPROVAL_WORDS = {"approve", "approves", "approved", "approval", "authorise", "authorises", "authorised", "authorize",
                  "authorizes", "authorized", "authorisation", "authorization", "reschedule", "reschedules",
                  "rescheduled", "rescheduling", "legalise", "legalises", "legalised", "legalize", "legalizes",
                  "legalized"}


def on_condition_of_approval(words: list[str], ee: int, sent_end: int) -> bool:
    """The event is made to wait on an approval told after it: "a bill that would allow its use
    once the FDA has approved it", "will be covered if regulators approve it". A trigger, not a
    forecast of the event or of the approval."""
    for i in range(ee, sent_end - 1):
        w = words[i]
        if w in (";", ".", "but", "while", "although"):
            return False
        opens = w in CONDITION_OPENERS or (w == "as" and words[i + 1:i + 3] == ["soon", "as"])
        if opens and any(x in APPROVAL_WORDS for x in words[i + 1:min(sent_end, i + 13)]):
            # "it could be available by 2021 if approved": a bare participle after a time the
            # event is given is the forecast's own approval, not another act it waits on.
            return not (i + 1 < sent_end and words[i + 1] in APPROVAL_WORDS and _dated(words[ee:i]))
    return False


def _dated(words: list[str]) -> bool:
    """A year or month named: "by 2021", "in August"."""
    return any((w.isdigit() and len(w) == 4) or w in MONTHS for w in words)


# Past verbs of saying and believing after which "would" is a reported "will".
REPORTING_PAST = {"said", "hoped", "expected", "believed", "thought", "predicted", "told", "announced", "estimated",
                  "projected", "forecast", "anticipated", "indicated", "stated", "added", "wrote", "reported"}


def reported_would(words: list[str], s0: int, es: int, inside: list[Cue]) -> bool:
    """"would" backshifted by a past verb of saying or believing before it in the sentence, with
    no condition in the clause ("said it would be approved next year", not "would be approved if")."""
    if any(c.label == "HYP" and words[c.start] != "would" for c in inside):
        return False
    lead = words[s0:es]
    k = max((i for i, w in enumerate(lead) if w in REPORTING_PAST), default=None)
    return k is not None and (k == 0 or lead[k - 1] not in ("had", "'d", "is", "are", "was", "were", "be", "been")) \
        and "would" in lead[k + 1:]


# Relative words that open a clause on a place or state: "Schedule II, where ...", "a pathway under which".
PLACE_RELATIVES = {"where", "whereby", "wherein"}


def relative_under_would(words: list[str], s0: int, es: int, inside: list[Cue]) -> bool:
    """A modal event in a relative clause ("..., where patients could get access") on a clause
    that says what something would do ("the bill would move it into Schedule II"): what the place
    or state would allow, part of the supposition, not a forecast of its own. A "would" that
    reports a past forecast ("said it would move ...") is left to the other readings."""
    r = next((i for i in range(es - 1, s0, -1) if words[i] in PLACE_RELATIVES and words[i - 1] == ","), None)
    if r is None or "would" not in words[s0:r]:
        return False
    return not reported_would(words, s0, r, inside)


ARRIVED = {"reached": ("has", "have", "'s"), "entered": ("has", "have", "'s"), "entering": ("is", "are", "'s"),
           "reaching": ("is", "are", "'s")}
STAGE_WORDS = {"the", "its", "their", "a", "third", "final", "last", "and", "part", "of", "stage", "phase", "late",
               "decisive", "clinical", "scientific"}


def _arrived_at(words: list[str], cs: int, es: int) -> bool:
    """"has (now) reached the third phase", "is now entering the last part of phase 3": the
    stage is where the subject stands now."""
    i = es - 1
    while i >= cs and es - i <= 5 and words[i] in STAGE_WORDS:
        i -= 1
    if i < cs or words[i] not in ARRIVED:
        return False
    j = i - 1
    while j >= cs and words[j] in ("now", "finally", "already", "just", "recently", "officially"):
        j -= 1
    return j >= cs and words[j] in ARRIVED[words[i]]


def _any_such_state(words: list[str], cs: int, event: Cue) -> bool:
    """"While a shortage lasts, compounders may copy the drug": a condition on any such state (a
    clause after "while", "when", "if"; or "a shortage" with no drug of its own), not this one now."""
    if cs > 0 and words[cs - 1] in ("while", "when", "whenever", "if", "until", "once", "unless"):
        return True
    lead = words[max(cs, event.start - 1):event.start]
    return bool(lead) and lead[0] in ("a", "an", "any") and (event.end >= len(words) or words[event.end] != "of")


# Subordinators that open a clause of their own between a negator and the event (not right after
# the negator: "has not once approved it", "has not since been sold" are adverbs).
SCOPE_CLOSERS = {"because", "since", "after", "when", "while", "although", "though", "once", "whereas"}


def _harmless_negation(words: list[str], c: Cue) -> bool:
    """Negators that do not negate the statement: "not only", "no later than", "no doubt"."""
    nxt = words[c.end] if c.end < len(words) else ""
    if words[c.start] == "not" and nxt in ("only", "just", "least"):
        return True
    if words[c.start] == "not" and nxt == "since" and (c.start == 0 or not words[c.start - 1].strip()
                                                   or words[c.start - 1] in (".", ":", ";", "!", "?")):
        return True  # "Not since 2014 has the agency approved such a drug": the first one since, not a denial
    if words[c.start] == "no" and nxt in ("later", "sooner", "doubt", "one", "wonder"):
        return True
    if words[c.start] in ("not", "n't") and "until" in words[c.end:c.end + 3]:
        return True  # "the review is not due until August", "won't decide until May": when, not whether
    return False


def _asserting_opener(doc: Doc, c: Cue, sent: tuple[int, int], event: Cue) -> bool:
    """"Contrary to some reports, the FDA has not rejected it": the opening phrase names what is
    corrected; what follows its comma is the writer's own statement."""
    return c.start == sent[0] and doc[c.start].lower_ == "contrary" \
        and any(t.text == "," for t in doc[c.end:event.start])


def object_of_participle(words: list[str], ee: int, c: Cue) -> bool:
    """Is the stance cue `c`, after the event, the object of an -ing participle that follows a comma
    ("approved it, bringing new hope", "giving patients hope")?"""
    if c.start <= ee or "," not in words[ee:c.start]:
        return False
    comma = ee + words[ee:c.start].index(",")
    return any(w.endswith("ing") and w.isalpha() for w in words[comma + 1:c.start])
