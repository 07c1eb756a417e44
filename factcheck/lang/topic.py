"""What a passage is about: which subject an event mention belongs to, and where.

A sentence often does not name its subject ("Approval is expected next year", "The agency is
weighing the request"): the subject is the one named last before it, in the clause, the sentence,
the paragraph, the sentences before (a heading, a list's lead-in) or the document as a whole. A
rival subject (another pack's topic, or a neighbouring one the pack declares) named more recently
takes the sentence away from the pack. The same holds for jurisdictions.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from typing import Any

from spacy.tokens import Doc, Span, Token

from factcheck.lang.asides import asides
from factcheck.lang.cues import Cue
from factcheck.lang.layer import Analysis, EventMention, per_mention
from factcheck.lang.places import FEDERAL_LEVELS
from factcheck.lang.stance import _words

LOOKBACK_SENTENCES = 3


def _nearest(cues: list[Cue], own: Collection[str], rival: Collection[str], at: int,
             doc: Doc | None = None) -> str | None:
    """'own' or 'rival', whichever cue is closest to token `at` (before it wins a tie). With the
    Doc, a rival listed together with an own subject ("psychedelics like LSD and ecstasy") does
    not take the statement away: it is said of each of them."""
    best: tuple[int, int, str] | None = None
    best_cue: Cue | None = None
    for c in cues:
        side = "own" if c.label in own else "rival" if c.label in rival else None
        if side is None:
            continue
        if side == "own" and doc is not None and _likeness(doc, c):
            continue  # "its MDMA-like compound" is another compound
        if side == "rival" and doc is not None and _gloss_of_own(doc, cues, c, own):
            continue  # "an oral form of Wegovy (semaglutide)": the same drug named again
        if side == "own" and doc is not None and _gloss_of_own(doc, cues, c, rival):
            continue  # "Rybelsus, the oral form of semaglutide, ...": the rival named again
        dist = at - c.end if c.end <= at else c.start - at
        key = (abs(dist), 0 if c.start < at else 1, side)
        if best is None or key < best:
            best, best_cue = key, c
    if best is None:
        return None
    if best[2] == "rival" and doc is not None and best_cue is not None and _listed_with_own(doc, cues, best_cue, own, rival):
        return "own"
    return best[2]


LIKENESS = {"like", "related", "style", "type", "derived", "based", "inspired"}


def _likeness(doc: Doc, c: Cue) -> bool:
    """A subject word used to name something else by its likeness ("MDMA-like", "MDMA-related")."""
    return c.end + 1 < len(doc) and doc[c.end].text == "-" and doc[c.end + 1].lower_ in LIKENESS


def _outside(cues: list[Cue], asides: list[tuple[int, int]], own: Collection[str], rival: Collection[str]) -> list[Cue]:
    """The cues outside the asides, when one of them names a subject: a name inside an aside that
    does not hold the event ("Lykos, which sponsors MDMA-AT, says it will ask ...") is not what
    the sentence is about; if only asides name one, they still decide."""
    if not asides:
        return cues
    kept = [c for c in cues if not any(a <= c.start and c.end <= b for a, b in asides)]
    return kept if any(c.label in own or c.label in rival for c in kept) else cues


def _gloss_of_own(doc: Doc, cues: list[Cue], c: Cue, own: Collection[str]) -> bool:
    """Is `c` a gloss of a subject labelled `own` right before it: bracketed ("oral Wegovy
    (semaglutide)") or an appositive between commas ("Rybelsus, the oral form of semaglutide, ...")?"""
    # The Doc's lower-case words (no Token object per look): for the marks and the articles
    # compared here, a word is the token's text.
    words = _words(doc)
    n = len(words)
    if c.start >= 2 and c.end < n and words[c.start - 1] == "(" and words[c.end] == ")":
        return any(o.label in own and o.end == c.start - 1 for o in cues)
    # ", the|a|an ... c ... ,": the appositive opens right after the head's comma
    k = c.start - 1
    while k > 0 and c.start - k <= 6 and words[k] not in (",", ";", "(", ")"):
        k -= 1
    if k <= 0 or words[k] != "," or words[k + 1] not in ("the", "a", "an"):
        return False
    closes = next((j for j in range(c.end, min(n, c.end + 6)) if words[j] in (",", ";", ".")), None)
    if closes is None or words[closes] != ",":
        return False
    return any(o.label in own and o.end == k for o in cues)


LIST_JOINERS = {",", "and", "or", "&", "plus", "as", "well", "nor"}


def _without_bracket(gap: Span) -> list[Token]:
    """The words of a gap between two list items without a bracket right after the first ("MDMA
    (3,4-methylenedioxymethamphetamine) and psilocybin"): a gloss on the item, not a word between."""
    tokens = list(gap)
    if tokens and tokens[0].text == "(":
        close = next((k for k, t in enumerate(tokens) if t.text == ")"), None)
        if close is not None:
            return tokens[close + 1:]
    return tokens


def _listed_with_own(doc: Doc, cues: list[Cue], start: Cue, own: Collection[str], rival: Collection[str]) -> bool:
    """Is `start` one item of a list ("LSD, psilocybin and MDMA") that also names an own subject?"""
    named = [c for c in cues if c.label in own or c.label in rival]
    # A name inside a longer one is the same item ("mushrooms" in "magic mushrooms").
    subjects = sorted((c for c in named if c is start or not any(
        o is not c and o.start <= c.start and c.end <= o.end and (o.start, o.end) != (c.start, c.end) for o in named)),
        key=lambda c: c.start)
    i = next(k for k, c in enumerate(subjects) if c is start)  # (`start` itself is always kept)
    for step in (1, -1):
        j = i
        while 0 <= j + step < len(subjects):
            a, b = (subjects[j], subjects[j + step]) if step == 1 else (subjects[j + step], subjects[j])
            gap = _without_bracket(doc[a.end:b.start]) if a.end <= b.start else []
            if gap and gap[0].text == "-" and gap[0].i == a.end and not doc[a.end - 1].whitespace_:
                gap = gap[1:]  # a suspended hyphen: "MDMA- and psilocybin-assisted therapy"
            if a.end > b.start or len(gap) > 3 or any(t.lower_ not in LIST_JOINERS for t in gap):
                break
            j += step
            if subjects[j].label in own:
                return True
    return False


def in_scope(an: Analysis, ev: EventMention, own: Collection[str], rival: Collection[str],
             paragraph_start: int, default: bool = False) -> bool:
    """Is this event mention about the subject labelled `own` (and not a `rival`)?"""
    return about(an, ev.clause, ev.sentence, ev.cue.start, own, rival, paragraph_start, default)


def about(an: Analysis, clause: tuple[int, int], sentence: tuple[int, int], at: int, own: Collection[str],
          rival: Collection[str], paragraph_start: int, default: bool = False) -> bool:
    """Is the passage at token `at` about `own`? The subject named nearest decides: in the
    clause, the sentence, earlier in the paragraph and the few sentences before, the title, then
    which the document names more often; `default` when it names neither."""
    # Only the cues naming `own` or `rival` can decide (_nearest skips the rest): read from a list
    # of them kept per Analysis and pair of label sets.
    subjects = _Subjects.of(an, own, rival)
    if not subjects.has_own:
        # Nothing in the document names `own`: every step below can only answer "rival" or
        # nothing (a rival counts as own only when listed with an own subject), and the document
        # names `own` fewer times than a rival, if it names one. Most rules' own subjects are not
        # in a given page, and each asks this of every mention of its event.
        return False if subjects.cues else default
    # Kept per passage and set of subject cues: the rules of a pack mostly share their subjects
    # and rivals (one _Subjects), and each asks this of every mention of its events. `_about`
    # reads nothing else that can change (the Analysis does not, once made).
    memo = an.__dict__.get("_about_answers")
    if memo is None:
        memo = an.__dict__["_about_answers"] = {}
    key = (id(subjects), clause, sentence, at, paragraph_start, default)
    hit = memo.get(key)
    if hit is not None and hit[0] is subjects:  # the memo keeps `subjects`: its id stays its own
        return hit[1]  # type: ignore[no-any-return]
    found = _about(an, clause, sentence, at, own, rival, paragraph_start, default, subjects)
    memo[key] = (subjects, found)
    return found


def never_about(an: Analysis, own: Collection[str], rival: Collection[str], default: bool = False) -> bool:
    """True when `about(an, ..., own, rival, ..., default)` is False for every passage of the page:
    it names no own subject, and a rival or `default` is False (a rule then skips all its events)."""
    # From the index by label alone: each rule asks this once per page, and building its
    # _Subjects here (the cues in order) cost more than the rule's own reading on most pages,
    # which name none of its subjects. Same answer: a label is in the index only with a cue.
    by_label = an.cue_index()
    if any(label in by_label for label in own):
        return False
    return not default or any(label in by_label for label in rival)


def _about(an: Analysis, clause: tuple[int, int], sentence: tuple[int, int], at: int, own: Collection[str],
           rival: Collection[str], paragraph_start: int, default: bool, subjects: _Subjects) -> bool:
    """`about`, read step by step."""
    # The asides are read only for a clause or sentence that names a subject (with no cue to
    # weigh, neither step can decide, asides or not).
    aside_spans: list[tuple[int, int]] | None = None
    in_clause = subjects.cues_in(*clause)
    if in_clause:
        aside_spans = asides(an.doc, sentence, at)
        side = _nearest(_outside(in_clause, aside_spans, own, rival), own, rival, at, an.doc)
        if side:
            return side == "own"
    if sentence != clause:  # the same reading again otherwise (a figure's or candidate's clause is its sentence)
        in_sentence = subjects.cues_in(*sentence)
        if in_sentence:
            if aside_spans is None:
                aside_spans = asides(an.doc, sentence, at)
            side = _nearest(_outside(in_sentence, aside_spans, own, rival), own, rival, at, an.doc)
            if side:
                return side == "own"
    # Earlier in the paragraph, then the few sentences before it (headings, lead-ins); a sentence
    # is about what it names first (its subject, as a rule), not last.
    side = _look_back(an, sentence, own, rival, paragraph_start, whole_paragraph=True, first=True, subjects=subjects)
    if side:
        return side == "own"
    # The document as a whole: its first sentence (title) or, failing that, which it names more.
    first = title_sentence(an)
    if first is not None:
        side = _nearest(subjects.cues_in(first[0], first[1]), own, rival, first[1])
        if side:
            return side == "own"
    n_own, n_rival = _counts(an, own, rival)
    if n_own == n_rival == 0:
        return default
    return n_own >= n_rival


def _counts(an: Analysis, own: Collection[str], rival: Collection[str]) -> tuple[int, int]:
    """How often the document names `own` and `rival`: counted once per Analysis and pair of label
    sets (every claim that falls through to the whole document asked it of every cue)."""
    memo: dict[tuple[frozenset[str], frozenset[str]], tuple[int, int]] = an.__dict__.setdefault("_topic_counts", {})
    key = (frozenset(own), frozenset(rival))
    found = memo.get(key)
    if found is None:
        # From the index by label: each label's cues counted at once, not a pass over every cue.
        by_label = an.cue_index()
        found = memo[key] = (sum(len(by_label.get(label, ())) for label in key[0]),
                             sum(len(by_label.get(label, ())) for label in key[1]))
    return found


@per_mention
def in_jurisdiction(an: Analysis, ev: EventMention, code: str, paragraph_start: int,
                    default: bool = True) -> bool:
    """Is the mention about jurisdiction `code`? The place named last before it decides, as for
    subjects ("MDMA is legal in Australia ... it stays in Schedule 9 there"); when no place is
    named, `default` (True for the pack's home jurisdiction)."""
    own, rival = _places(an, code)
    # Only the cues naming a place can decide, as in `about`.
    subjects = _Subjects.of(an, own, rival)
    if not subjects.cues:
        return default  # the page names no place: no step below finds one
    if code == WORLD_CODE:
        # "anywhere in the world" holds for its own sentence only, and only with no country named
        # beside it ("except in Australia"): the next sentence is about a place again.
        return any(c.label in own for c in subjects.cues_in(*ev.sentence)) \
            and not any(c.label in rival for c in subjects.cues_in(*ev.sentence))
    for start, end in (ev.clause, ev.sentence) if ev.clause != ev.sentence else (ev.clause,):
        # With the Doc: a place listed with the own one ("the U.S. and Canada") does not take it away.
        side = _nearest(subjects.cues_in(start, end), own, rival, ev.cue.start, an.doc)
        if side:
            return side == "own"
    side = _look_back(an, ev.sentence, own, rival, paragraph_start, whole_paragraph=False, first=False,
                      subjects=subjects)
    if side:
        return side == "own"
    # The page's title ("Australia's first psychedelic clinic opens": a later "psychiatrists have
    # been authorised" is Australian). A place named elsewhere in the page does not move it.
    first = title_sentence(an)
    if first and first != ev.sentence and _is_heading(an, first):
        side = _nearest(subjects.cues_in(first[0], first[1]), own, rival, first[0])
        if side:
            return side == "own"
    return default


WORLD_CODE = "world"
WORLD = f"JUR:{WORLD_CODE}"


def _places(an: Analysis, code: str) -> tuple[set[str], set[str]]:
    """The label of jurisdiction `code`'s country and those of the page's other places: made
    once per Analysis and code (every event of every rule with that jurisdiction asks)."""
    memo: dict[tuple[str, int], tuple[set[str], set[str]]] = an.__dict__.setdefault("_topic_places", {})
    key = (code, len(an.cues))
    found = memo.get(key)
    if found is None:
        country, states = FEDERAL_LEVELS.get(code, (code, None))
        own = {f"JUR:{country}"}
        # The labels of the page's places, from the index by label (not a pass over every cue).
        # The world as a whole is no rival of a country: a "worldwide shortage" is one in the US too.
        rival = {label for label in an.cue_index() if label.startswith("JUR:") and label not in own
                 and label != WORLD and not (country == "us" and states is None and label == "JUR:us-state")}
        found = memo[key] = (own, rival)
    return found


def _look_back(an: Analysis, sentence: tuple[int, int], own: Collection[str], rival: Collection[str],
               paragraph_start: int, whole_paragraph: bool, first: bool, subjects: _Subjects | None = None) -> str | None:
    """'own' or 'rival' as named in the sentences before: through the whole paragraph and the few
    sentences before it (`whole_paragraph`), or within the paragraph and at most a few sentences
    back; each sentence read from its start (`first`) or its end."""
    idx = an.sentence_index(sentence)
    back = idx
    while back > 0:
        back -= 1
        s = an.sentences[back]
        past = idx - back > LOOKBACK_SENTENCES
        if (s[1] <= paragraph_start and past) if whole_paragraph else (s[1] <= paragraph_start or past):
            break
        cues = subjects.cues_in(s[0], s[1]) if subjects is not None else an.cues_in(s[0], s[1])
        if not cues:
            continue  # (most sentences name no subject: nothing to weigh)
        # With the Doc: "MDMA and psilocybin" named together before "these drugs" are both meant.
        side = _nearest(cues, own, rival, s[0] if first else s[1], an.doc)
        if side:
            return side
    return None


def title_sentence(an: Analysis) -> tuple[int, int] | None:
    """The first sentence with words: a blanked front matter before the title is no title. Read
    once per Analysis (every claim that falls through to the title asks it)."""
    found = an.__dict__.get("_title", _UNREAD)
    if found is _UNREAD:
        found = an.__dict__["_title"] = next(
            (s for s in an.sentences[:4] if any(not t.is_space for t in an.doc[s[0]:s[1]])), None)
    return found  # type: ignore[return-value]


_UNREAD = object()


class _Subjects:
    """The cues of an Analysis that name `own` or `rival`, in the Analysis's order, with
    `cues_in` as `Analysis.cues_in` reads it: what `_nearest` reads of a span (it skips every
    other cue, and a list of the others with them in the same order picks the same one)."""

    def __init__(self, an: Analysis, own: Collection[str], rival: Collection[str]) -> None:
        by_label = an.cue_index()
        # Each label's cues from the index by label, in the cues' order.
        self.cues = [an.cues[i] for i in sorted(i for label in {*own, *rival} for i in by_label.get(label, ()))]
        self.starts = [c.start for c in self.cues]
        self.total = len(an.cues)  # the Analysis's cues it was read from
        self.has_own = any(c.label in own for c in self.cues)

    @staticmethod
    def of(an: Analysis, own: Collection[str], rival: Collection[str]) -> _Subjects:
        memo: dict[tuple, Any] = an.__dict__.setdefault("_topic_subjects", {})
        # First by the collections themselves: a rule asks with its own two sets for every event
        # mention, and freezing both per ask cost more than the rest of the lookup. The memo
        # holds them, so their ids are not reused; no caller changes them after building them.
        ident = (id(own), id(rival))
        hit = memo.get(ident)
        if hit is not None and hit[0] is own and hit[1] is rival and hit[2].total == len(an.cues):
            return hit[2]  # type: ignore[no-any-return]
        key = (frozenset(own), frozenset(rival))
        found = memo.get(key)
        if found is None or found.total != len(an.cues):
            found = memo[key] = _Subjects(an, own, rival)
        memo[ident] = (own, rival, found)
        return found  # type: ignore[no-any-return]

    def cues_in(self, start: int, end: int) -> list[Cue]:
        out = []
        cues = self.cues
        for i in range(bisect.bisect_left(self.starts, start), len(cues)):
            c = cues[i]
            if c.start >= end:
                break
            if c.end <= end:
                out.append(c)
        return out


def _is_heading(an: Analysis, sentence: tuple[int, int]) -> bool:
    """A title or heading line: no sentence-final punctuation."""
    toks = [t for t in an.doc[sentence[0]:sentence[1]] if not t.is_space]
    if not toks:
        return False
    if toks[-1].text in ("?", "!") and len(toks) <= HEADLINE_TOKENS:
        # A headline may ask or exclaim ("Did Canada just legalize psychedelic therapy?"): a short
        # line that is a paragraph of its own.
        end = toks[-1].idx + 1
        return "\n" in an.doc.text[end:end + 3] or end >= len(an.doc.text)
    return toks[-1].text not in (".", "!", "?", '"', "”")


HEADLINE_TOKENS = 20
