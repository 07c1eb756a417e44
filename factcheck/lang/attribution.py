"""Who a statement belongs to: a speaker named with a reporting verb ("analysts say", "according
to the maker") or quotation marks around it. Read by `stance` for every event mention."""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc

from factcheck.lang.copulas import PAST_BE, PRESENT_BE
from factcheck.lang.cues import Cue


def speaker_of(doc: Doc, sent: tuple[int, int], clause: tuple[int, int], event: Cue,
               cues: list[Cue]) -> tuple[bool, str | None]:
    """Is the statement someone's (`says`, `according to`, `analysts expect`), and whose?"""
    attrs = [c for c in cues if c.label == "ATTR" and sent[0] <= c.start < sent[1]]
    for c in attrs:
        word = doc[c.start].lower_
        prev_word = doc[c.start - 1].lower_ if c.start > sent[0] else ""
        if prev_word in NOUN_MARKERS:
            continue  # "shows great promise", "a plan", "the hope": a noun, not a report
        if word.endswith("ing") and prev_word in DEGREE_WORDS:
            continue  # "one of the most promising treatments": an adjective, not a report
        if c.start <= event.start < c.end:
            continue  # the event's own verb ("the agency added Drug X to its list"), not a report of it
        if c.start > sent[0] and doc[c.start].is_title:
            continue  # a name, not a verb: "the United States", "Notes"
        # A forecasting verb right next to the event is the stance, not a report ("approval is expected").
        if c.start >= clause[0] and c.end <= clause[1] and abs(c.start - event.start) <= 2 and word != "says":
            prev = doc[c.start - 1].lower_ if c.start > 0 else ""
            if prev in PRESENT_BE | PAST_BE | {"be", "been", "widely", "now", "generally"}:
                continue
        if c.start == event.end and word not in ("says", "said"):
            continue  # a participle after the event noun is its stance: "a decision expected in August"
        if c.start >= event.end and word != "according" and (
                _coordinated_between(doc, event.end, c.start) or _has_complement(doc, c.end, sent[1])):
            # "..., and experts expect that ...": the later clause has its own speaker; "In its
            # letter dated 9 August, the agency said the data fell short": the verb reports what
            # follows it, not what came before.
            continue
        subject = _subject_before(doc, sent[0], c.start)
        if c.label == "ATTR" and doc[c.start:c.end].text.lower().startswith("according"):
            # "according to the maker, ...": the speaker ends at the first punctuation mark.
            stop = next((i for i in range(c.end, min(c.end + 4, sent[1])) if doc[i].is_punct), min(c.end + 4, sent[1]))
            subject = doc[c.end:stop].text
        if subject or doc[c.start:c.end].text.lower().startswith("according"):
            return True, subject
    return False, None


COORDINATORS = {"and", "but", "yet", "while", "whereas"}


def _coordinated_between(doc: Doc, lo: int, hi: int) -> bool:
    """A clause boundary between two tokens: a semicolon, or a comma followed by a coordinator
    ("..., yet developers remain hopeful, and experts expect ...")."""
    for i in range(lo, hi):
        t = doc[i].text
        if t == ";" or (t == "," and i + 1 < hi and doc[i + 1].lower_ in COORDINATORS):
            return True
    return False


# Words after a reporting verb that open an adjunct, not the reported clause ("the company said
# in a statement", "analysts said on Monday").
ADJUNCT_OPENERS = {"in", "on", "at", "last", "this", "yesterday", "today", "earlier", "later", "recently", "monday",
                   "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "during", "after", "before",
                   "when", "while", "as", "to", "via", "through", "by", "with", "—", "-", "–"}


def _has_complement(doc: Doc, at: int, end: int) -> bool:
    """Does the reporting verb ending at token `at` take a clause of its own after it ("said the
    data fell short", "expect that ...")? A trailing report ("..., analysts said.", "..., the
    company said on Monday") takes none, and reports what came before it."""
    if at >= end:
        return False
    first = doc[at]
    if first.lower_ == "that":
        return True
    if first.is_punct or first.lower_ in ADJUNCT_OPENERS:
        return False
    run = 0
    for i in range(at, end):
        if doc[i].is_punct:
            break
        run += 1
    return run >= 3


NOUN_MARKERS = {"a", "an", "the", "its", "their", "his", "her", "our", "great", "much", "some", "this", "that",
                "no", "any", "big", "high", "early", "initial", "new", "strong"}
# Words of degree before an adjective in -ing ("most promising", "highly promising").
DEGREE_WORDS = {"most", "more", "very", "highly", "particularly", "especially", "less", "least", "so", "quite",
                "really", "extremely", "equally"}
SUBORDINATORS = {"while", "although", "though", "if", "because", "since", "as", "when", "whereas", "unless"}


ASIDE_TOKENS = 10  # how far back an aside between a speaker and the verb may open


def _subject_before(doc: Doc, start: int, at: int) -> str | None:
    """The words naming who speaks, just before a reporting verb ("Lykos says", "analysts expect").
    An aside between the name and the verb is passed over: "MAPS, founded in 1986, said"."""
    if at - 1 > start and doc[at - 1].text == ",":
        opening = next((j for j in range(at - 2, max(start, at - ASIDE_TOKENS) - 1, -1) if doc[j].text == ","), None)
        hearsay = at + 1 < len(doc) and doc[at + 1].lower_ == "to"  # "X, which is banned, said to be ..."
        if opening is not None and opening - 1 >= start and doc[opening - 1].text[:1].isupper() and not hearsay:
            at = opening
    toks = []
    i = at - 1
    while i >= start and len(toks) < 6:
        t = doc[i]
        if t.is_punct and t.text not in ("'s", "'"):
            break
        if t.lower_ in ("that", "which", "it", "is", "are", "was", "were", "be", "to", "will", "would", "and", "after",
                        "for", "in", "on", "with", "from", "by", "of", "at", "before", "under", "over"):
            if not toks:
                return None
            break
        toks.append(t)
        i -= 1
    if not toks:
        return None
    text = " ".join(t.text for t in reversed(toks)).strip()
    first = toks[-1]
    if first.lower_ in SUBORDINATORS:
        return None
    if first.is_lower and first.lower_ not in ("analysts", "experts", "observers", "advocates", "researchers",
                                                  "investors", "officials", "insiders", "supporters", "critics",
                                                  "scientists", "doctors", "clinicians", "the", "many", "some",
                                                  "most", "industry", "company", "regulators", "proponents"):
        return None
    return text


OPEN_QUOTES = {"“", "‘", "«"}
CLOSE_QUOTES = {"”", "’", "»"}


def in_quotes(doc: Doc, sent: tuple[int, int], at: int) -> bool:
    """Is token `at` inside quotation marks opened in its sentence?"""
    depth = 0
    straight = 0
    where, marks = _quote_marks(doc)
    for k in range(bisect.bisect_left(where, sent[0]), bisect.bisect_left(where, at)):
        mark = marks[k]
        if mark in OPEN_QUOTES:
            depth += 1
        elif mark in CLOSE_QUOTES and depth:
            depth -= 1
        elif mark == '"':
            straight += 1
    return depth > 0 or straight % 2 == 1


_MARK_OF = {hash_string(q): q for q in (*OPEN_QUOTES, *CLOSE_QUOTES, '"')}


def _quote_marks(doc: Doc) -> tuple[list[int], list[str]]:
    """The tokens that are a quotation mark, and which, read once per Doc from its spelling column
    (every event mention asked it of a Token object per token before it)."""
    found = doc.user_data.get("factcheck_quote_marks")
    if found is None or found[0] != len(doc):
        orth = doc.to_array(ORTH) if len(doc) else numpy.zeros(0, dtype=numpy.uint64)
        mask = numpy.zeros(len(orth), dtype=bool)
        for h in _MARK_OF:
            mask |= orth == numpy.uint64(h)
        where = numpy.flatnonzero(mask).tolist()
        found = doc.user_data["factcheck_quote_marks"] = (len(doc), where, [_MARK_OF[int(orth[i])] for i in where])
    return found[1], found[2]
