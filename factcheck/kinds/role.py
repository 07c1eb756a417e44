"""Kind `role`: a person named as holding a title after their term ended."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from factcheck.kinds.common import PAST_FRAMING, claim_for, sentence_of
from factcheck.knowledge.model import Rule
from factcheck.knowledge.rule_kinds import Holder, RoleSpec
from factcheck.lang.cues import Cue
from factcheck.lang.layer import Analysis
from factcheck.lang.timex import MONTHS, find_times
from factcheck.lang.wordsets import WEEKDAYS
from factcheck.nlp.claims import Claim

WINDOW = 12  # tokens between the name and its title that still read as one phrase
ORG_LOOKBACK = 3  # sentences before a title that may name its organisation (a dateline is one)
# Words that call someone the holder still to come.
PRE_TERM = {"incoming", "nominee", "nominated", "designate", "elect", "pick", "would-be", "soon-to-be", "presumptive"}
# Words that tell of a handover: the person named is leaving the title, not holding it.
HANDOVER = {"outgoing", "departing", "succeeding", "succeeds", "replacing", "replaces", "predecessor", "exit",
            "exiting", "handing", "hands"}
# Verbs of holding a post in the simple past: the holding is history ("who headed sales").
HELD_BEFORE = {"ran", "led", "headed", "held", "oversaw", "chaired", "directed", "managed", "served"}
APPOSITION_REACH = 10  # ", chief executive of Acme Pharma Inc.," before the verb
# Verbs of leaving a post: told shortly before the name, the term is over.
DEPARTURES = {"left", "resigned", "departed", "quit", "exited", "ousted", "retired", "stepped", "leaving", "resigning",
              "departing", "replaced", "succeeded", "removed", "stepping", "steps", "leaves", "quits", "exits",
              "walking", "walks", "resigns", "departs",
              # after "will" or "to": "Jane Roe, its chief executive, will step down"
              "step", "resign", "retire", "depart", "leave", "exit"}
DEPARTURE_WINDOW = 12
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "two", "three", "four", "five", "several", "other"}
NEGATIONS = {"not", "never", "n't", "neither", "nor"}
# Words that may stand between a title and the name it introduces.
APPOSITION = {",", "is", "was", "as", "the", "a", "an", "of", "at", "'s", "’s", "now", "still", "new", "current",
              "interim", "became", "named", "officer"}
# Words that open a sentence's time frame ("In 2024, ...", "On 5 September 2024 ...", "Back in 2019").
FRAMING_OPENERS = {"in", "on", "by", "back", "during", "since", "from", "until", "as", "at", "after", "before",
                   "through", "throughout", "early", "late", "mid", "that", "this", "last"}


class RoleRule:
    def __init__(self, rule: Rule) -> None:
        assert isinstance(rule.spec, RoleSpec)
        self.rule, self.spec = rule, rule.spec

    def claims(self, an: Analysis, doc_date: date | None) -> list[Claim]:
        out: list[Claim] = []
        doc = an.doc
        rid = self.rule.id
        roles = an.cues_labelled((f"ROLE:{rid}",))
        if not roles:
            return out
        holders = an.cues_prefixed(f"HOLDER:{rid}:")
        for c in holders:
            holder = self.spec.holders[int(c.label.rsplit(":", 1)[1])]
            if holder.never:
                claim = self._never_held(an, c, roles, holders)
                if claim is not None:
                    out.append(claim)
                continue
            if holder.end is None:
                # The current holder, unless called the one still to come ("the incoming health
                # secretary"): that was true only before the term began.
                pre = self._pre_term(an, c, roles, holders, holder, doc_date)
                if pre is not None:
                    out.append(pre)
                continue
            sent = sentence_of(an, c.start)
            if sent is None:
                continue
            # A title belongs to the name nearest it: in "led CEO Jane Roe to resign, with John Doe
            # taking over", "CEO" is Roe's, not Doe's.
            orgs_here = [o for o in an.cues if o.label == f"ORG:{rid}" and sent[0] <= o.start < sent[1]]
            near_roles = [r for r in roles if sent[0] <= r.start < sent[1]
                          and _distance(r, c, orgs_here) <= WINDOW
                          and _nearest_holder(r, holders).label == c.label and _one_clause(an, r, c)
                          and not _titles_another(an, r, c, orgs_here)]
            if not near_roles:
                continue
            orgs = [o for o in an.cues if o.label == f"ORG:{rid}" and sent[0] <= o.start < sent[1]]
            if not orgs and self.spec.organization and not self._org_just_before(an, sent):
                continue  # "CEO Jane Roe said ..." right after a sentence naming the company counts
            if self._successor_named(an, sent, holder):
                continue  # "X will take over as chief executive from Y": a handover, told as such
            if _new_post_told(an, sent, c, roles):
                continue  # "Jane Roe, chief operating officer since 2022, takes over as interim CEO"
            role = min(near_roles, key=lambda r: abs(r.start - c.start))
            lo, hi = min(c.start, role.start), max(c.end, role.end)
            # "Former Acme Pharma CEO Jane Roe": the past word may stand before the organisation.
            # Not across a comma: in "Resilient, the former Lykos, still run by Jane Roe" "former"
            # is the company's.
            near_orgs = [o for o in orgs if o.end <= lo and lo - o.end <= 2
                         and not any(t.text in (",", ";", "(", ")") for t in doc[o.end:lo])]
            check_lo = min([lo, *[o.start for o in near_orgs]])
            words = {t.lower_.strip("-") for t in doc[max(sent[0], check_lo - 2):min(sent[1], hi + 2)]}
            if words & (PAST_FRAMING | HANDOVER):
                continue  # "former CEO", "then-chief executive", "was chief executive until", "outgoing CEO"
            if any(t.lower_ in HELD_BEFORE and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "by")
                   for t in doc[lo:hi]):
                # Between the name and the title: "Jane Roe, who ran the unit before becoming CEO".
                # Not after both ("CEO Jane Roe headed the delegation": an act, not a term), and
                # "led by" is no past.
                continue
            before = {t.lower_ for t in doc[max(sent[0], lo - DEPARTURE_WINDOW):lo]}
            # "thanked the departing directors": a departure word after a determiner is another's.
            # Past an apposition too: "Jane Roe, chief executive of Acme Pharma Inc., is stepping down".
            close = next((k for k in range(hi, min(sent[1], hi + APPOSITION_REACH)) if doc[k].text == ","), None)
            reach = max(hi + 6, close + 4 if close is not None else 0)
            after = {t.lower_ for t in doc[hi:min(sent[1], reach)]
                     if t.i == 0 or doc[t.i - 1].lower_ not in DETERMINERS}
            between = {t.lower_ for t in doc[lo:hi]}
            if before & DEPARTURES or after & DEPARTURES or between & DEPARTURES:
                # "five directors resigned, including chair Jane Roe", "CEO Jane Roe is stepping
                # down", "Jane Roe is leaving the board"
                continue
            text = doc[sent[0]:sent[1]].text
            base = doc[sent[0]].idx
            # A year that frames the sentence ("In 2024, Novo was led by ...") or stands in the
            # name's clause makes it history; one across a comma ("set up in 2014, ...") does not.
            span_lo, span_hi = doc[lo].idx - base, doc[hi - 1].idx + len(doc[hi - 1]) - base
            years = [t.year for t in find_times(text, doc_date) if not t.relative and t.year
                     and (_frames(text[:t.start]) or "," not in text[min(t.end, span_lo):max(t.start, span_hi)])]
            if any(y <= holder.end.year for y in years):
                continue
            claim = claim_for(an, lo, hi, sent, self.rule)
            claim.since = holder.end
            out.append(claim)
        return out

    def _pre_term(self, an: Analysis, c: Cue, roles: list[Cue], holders: list[Cue], holder: Holder,
                  doc_date: date | None) -> Claim | None:
        """"incoming secretary Jane Roe", "CEO-designate Jane Roe", "nominee Jane Roe" after her
        term began: a claim outdated since its start."""
        if holder.start is None:
            return None
        sent = sentence_of(an, c.start)
        if sent is None:
            return None
        doc = an.doc
        for r in roles:
            if not (sent[0] <= r.start < sent[1] and abs(r.start - c.start) <= WINDOW
                    and _nearest_holder(r, holders).label == c.label):
                continue
            lo, hi = min(c.start, r.start), max(c.end, r.end)
            words = {t.lower_.strip("-") for t in doc[max(sent[0], lo - 3):min(sent[1], hi + 2)]}
            if words & PRE_TERM:
                text = doc[sent[0]:sent[1]].text
                if any(t.last is not None and t.last < holder.start and _frames(text[:t.start])
                       for t in find_times(text, doc_date)):
                    return None  # "In January 2025, incoming secretary ...": told as of then
                claim = claim_for(an, lo, hi, sent, self.rule)
                claim.since = holder.start
                return claim
        return None

    def _never_held(self, an: Analysis, c: Cue, roles: list[Cue], holders: list[Cue]) -> Claim | None:
        """Someone named in a title they never held ("CFO Jane Roe, the chief executive"): wrong at
        any time, "former" included, unless the sentence denies it."""
        sent = sentence_of(an, c.start)
        if sent is None:
            return None
        near = [r for r in roles if sent[0] <= r.start < sent[1] and abs(r.start - c.start) <= WINDOW
                and _nearest_holder(r, holders).label == c.label and _one_clause(an, r, c)]
        if not near:
            return None
        if self.spec.organization and not any(o.label == f"ORG:{self.rule.id}" for o in an.cues_in(*sent)) \
                and not self._org_just_before(an, sent):
            return None
        role = min(near, key=lambda r: abs(r.start - c.start))
        if role.end <= c.start and not self._appositive(an, role.end, c.start):
            return None  # "the CEO spoke after Jane Roe presented": the title is someone else's
        lo, hi = min(c.start, role.start), max(c.end, role.end)
        if any(t.lower_ in NEGATIONS for t in an.doc[max(sent[0], lo - 3):hi]):
            return None  # "Jane Roe was never chief executive"
        return claim_for(an, lo, hi, sent, self.rule)

    def _appositive(self, an: Analysis, start: int, end: int) -> bool:
        """Do the tokens between a title and the name after it only join the two ("CEO Jane Roe",
        "chief executive of Acme, Jane Roe", "the CEO is Jane Roe")?"""
        org = {i for o in an.cues_in(start, end) if o.label == f"ORG:{self.rule.id}" for i in range(o.start, o.end)}
        return all(i in org or an.doc[i].lower_ in APPOSITION for i in range(start, end))

    def _successor_named(self, an: Analysis, sent: tuple[int, int], holder) -> bool:  # type: ignore[no-untyped-def]
        """A later holder of the title named in the same sentence: the sentence tells of the handover."""
        for c in an.cues_in(*sent, prefix=f"HOLDER:{self.rule.id}:"):
            other = self.spec.holders[int(c.label.rsplit(":", 1)[1])]
            if other is not holder and other.start and holder.end and other.start >= holder.end:
                return True
        return False

    def _org_just_before(self, an: Analysis, sent: tuple[int, int]) -> bool:
        """Is the organisation named in one of the two sentences before?"""
        idx = an.sentence_index(sent)
        label = f"ORG:{self.rule.id}"
        for s in an.sentences[max(0, idx - ORG_LOOKBACK):idx]:
            if any(c.label == label for c in an.cues_in(s[0], s[1])):
                return True
        return False


# A post taken up, told in the sentence after the name: the title held until then is told as the
# step before it ("Jane Roe, chief operating officer since 2022, takes over as interim CEO"); or an
# interim post named ("The interim chief is Jane Roe, who ran operations as COO").
TAKING_UP = {("takes", "over"), ("take", "over"), ("took", "over"), ("taking", "over"), ("steps", "in"),
             ("step", "in"), ("stepped", "in"), ("stepping", "in"), ("will", "serve"), ("promoted", "to"),
             ("named", "interim"), ("appointed", "interim")}
POSTS = {"ceo", "chief", "head", "president", "executive", "director", "leader", "chair"}
TAKING_UP_REACH = 14  # tokens from the name to the phrase: past an apposition with the old title


def _new_post_told(an: Analysis, sent: tuple[int, int], holder: Cue, roles: list[Cue]) -> bool:
    """Is another post than the rule's title taken up in the sentence? The rule's own title right
    after the phrase ("takes over as CEO" for a CEO rule) is the statement itself, not a step."""
    words = [t.lower_ for t in an.doc[sent[0]:sent[1]]]
    at = []
    for k, pair in enumerate(pairwise(words)):
        i = sent[0] + k
        if pair in TAKING_UP and 0 <= i - holder.end <= TAKING_UP_REACH:
            at.append(i)  # after the name: "Jane Roe, COO since 2022, takes over as interim CEO"
        elif pair[0] == "interim" and pair[1] in POSTS and i + 2 <= holder.start <= i + 6 \
                and all(t.lower_ in ("is", "was", "will", "be", "now") or t.is_title
                        for t in an.doc[i + 2:holder.start]):
            at.append(i)  # the interim post is the name's: "The interim chief is Jane Roe, who ..."
    return any(not any(k <= r.start <= k + 4 for r in roles) for k in at)


def _one_clause(an: Analysis, a: Cue, b: Cue) -> bool:
    """No semicolon, colon or dash between two cues: "Jane Roe spoke; the board met" are two statements."""
    lo, hi = min(a.end, b.end), max(a.start, b.start)
    return not any(t.text in (";", ":", "—", "–") for t in an.doc[lo:hi])


def _distance(role: Cue, holder: Cue, orgs: list[Cue]) -> int:
    """Tokens between a title and a name, an organisation's name between them counting as one word
    ("Jane Roe, who started the Society for Drug X Research and is its director")."""
    lo, hi = min(role.start, holder.start), max(role.start, holder.start)
    inside = sum(o.end - o.start - 1 for o in orgs if lo <= o.start and o.end <= hi)
    # A bracketed acronym after the name ("(MAPS)") and a degree after the person ("Ph.D.") add nothing.
    inside += sum(1 for o in orgs if lo <= o.start - 1 and o.end + 1 <= hi and o.end - o.start == 1) * 2
    return hi - lo - inside


def _gap(a: Cue, b: Cue) -> int:
    return b.start - a.end if a.end <= b.start else a.start - b.end if b.end <= a.start else 0


CALENDAR_WORDS = set(MONTHS) | WEEKDAYS


def _titles_another(an: Analysis, role: Cue, holder: Cue, orgs: list[Cue]) -> bool:
    """"founder Rick Doblin and CEO Amy Emerson": a title after the holder that stands right before
    another capitalised name is that person's title (the pack need not know the other person)."""
    doc = an.doc
    if role.start < holder.end or role.end + 1 >= len(doc):
        return False
    first, last = doc[role.end], doc[role.end + 1]
    # A person's name: two capitalised words, neither a function word ("CEO As MDMA Review" in a
    # title-case heading) nor a month or weekday ("CEO Since 2021").
    return all(t.is_title and t.is_alpha and not t.is_stop and t.lower_ not in CALENDAR_WORDS for t in (first, last)) \
        and not any(o.start == role.end for o in orgs)


def _nearest_holder(role: Cue, holders: list[Cue]) -> Cue:
    """The holder named nearest a title (the one before it wins a tie: "Jane Roe, CEO")."""
    return min(holders, key=lambda h: (_gap(h, role), h.start > role.start))


def _frames(head: str) -> bool:
    """Is the text before a year a short opening time phrase ("In", "On 5 September", "Back in")?"""
    words = head.split()
    return not words or (len(words) <= 4 and words[0].lower().strip(",") in FRAMING_OPENERS)
