"""Clauses of a sentence, without a parser: where the sense of a sentence turns.

A clause ends at a barrier cue (";", "but", "however", "although", a dash, a bracket...) and at a
comma that opens a relative or subordinate clause (", which", ", after") or a new coordinated
one (", and the agency ..."). Stance, negation and subject are read inside one clause, so "MDMA
needs another trial, while psilocybin is expected to be approved" holds two judgements.
"""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.cues import Cue
from factcheck.lang.stance import _words

COORDINATORS = {"and", "or", "so", "but", "yet", "nor"}
RELATIVES = {"which", "who", "whom", "whose"}
ASIDE_REACH = 15  # tokens a relative aside may run before its closing comma
OPENERS = {"if", "unless", "when", "whenever", "once", "after", "before", "until", "although", "though", "while",
           "because", "since", "as", "whether"}


def clause_bounds(doc: Doc, sent_start: int, sent_end: int, cues: list[Cue], at: int) -> tuple[int, int]:
    """The token range [start, end) of the clause around token `at` within the sentence."""
    cuts = {c.start for c in cues if c.label == "BAR" and sent_start <= c.start < sent_end
            and not _adverbial(doc, c.start, sent_start)}
    subs = {c.start for c in cues if c.label == "SUB"}
    # A reason holds its own stance, comma or not: in "needs attention because the drug is on
    # track for approval" the need is the main clause's, the forecast the reason's.
    cuts |= {i for i in subs if sent_start < i < sent_end and doc[i].lower_ == "because"}
    # The Doc's lower-case words (one column read per Doc, no Token object per token): a token is
    # "," exactly when its lower-case form is, and none of the word sets holds an apostrophe,
    # the one character those words have straightened.
    words = _words(doc)
    commas = [i for i in range(sent_start, sent_end) if words[i] == ","]
    for i in commas:
        if i >= sent_end - 1:
            break
        nxt = words[i + 1]
        if (i + 1) in subs or nxt in COORDINATORS:
            cuts.add(i)
        if nxt in RELATIVES:
            # ", which would open it to Wegovy, is expected ...": the aside ends at its comma,
            # and the main clause goes on after it.
            close = next((k for k in commas if i + 2 <= k < min(sent_end, i + 2 + ASIDE_REACH)), None)
            if close is not None:
                cuts.add(close)
    # A sentence that opens with a subordinate clause ("If all goes to plan, ...", "After the
    # FDA said no, ...") ends it at the first comma.
    if words[sent_start] in OPENERS or _inverted_condition(words, sent_start, sent_end) \
            or (sent_start + 1 < sent_end and words[sent_start] in TWO_WORD_OPENERS
                and words[sent_start + 1] == "that"):
        comma = next((i for i in commas if i >= sent_start + 1), None)
        if comma is not None:
            cuts.add(comma)
    # So does one that opens after a barrier: "A request has gone in; if it succeeds, a medicine
    # could be on the market by 2021", "the trials are over, and once the FDA agrees, ...".
    for c in sorted(cuts):
        p = c + 1
        if p < sent_end and words[p] in COORDINATORS:
            p += 1
        if p < sent_end and words[p] in OPENERS:
            comma = next((i for i in commas if p < i), None)
            if comma is not None and not any(p < k < comma for k in cuts):
                cuts.add(comma)
    start, end = sent_start, sent_end
    for c in sorted(cuts):
        if c < at:
            start = c + 1
        elif c > at:
            end = c
            break
    # A subordinator right at the start of the event's clause opens a side clause: "after the FDA
    # said no, the company ..." keeps "the company ..." as its own clause.
    return start, end


# "Now that MAPS has filed, approval could come in 2024", "Given that ...": openers of two words.
TWO_WORD_OPENERS = {"now", "given", "provided", "providing", "seeing", "considering", "so"}

INVERTING = {"should", "had", "were"}
INVERTED_SUBJECTS = {"the", "it", "they", "this", "these", "that", "those", "a", "an", "its", "their"}


def _inverted_condition(words: list[str], sent_start: int, sent_end: int) -> bool:
    """A condition opened by inversion ("Should the trials succeed, ...", "Had the agency agreed,
    ..."), which ends at its comma as an "if" clause does; a question ("Should the FDA approve
    it?") is not one."""
    last = next((w for w in reversed(words[sent_start:sent_end]) if w.strip()), "")
    return words[sent_start] in INVERTING and sent_start + 1 < sent_end \
        and words[sent_start + 1] in INVERTED_SUBJECTS and last != "?"


def _adverbial(doc: Doc, i: int, sent_start: int) -> bool:
    """"yet" as an adverb ("has not yet", "yet to") and "all but" do not turn the sense of a sentence."""
    w = doc[i].lower_
    prev = doc[i - 1].lower_ if i > sent_start else ""
    if w == ":" and i + 1 < len(doc) and sum(1 for t in doc[i + 1:i + 5] if not (t.is_punct or t.is_space)) <= 2 \
            and (i + 4 >= len(doc) or doc[i + 1:i + 5][-1].is_sent_start or any(t.is_punct for t in doc[i + 1:i + 5])):
        return True  # a fact box's "FDA decision: pending" reads as one statement
    if w in ("(", ")") and _short_aside(doc, i, sent_start):
        return True  # a name's gloss: "approved Zepbound (tirzepatide) on November 8"
    if w == "but" and prev == "all":
        return True  # "all but certain"
    if w == "while" and prev == "only":
        return True  # "only while it is in short supply": a condition on the clause, read with it
    if w != "yet":
        return False
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    # (after a modal too: "the agency could yet approve it")
    return prev in ("not", "n't", "has", "have", "had", "is", "are", "was", "were", "as", "never", "could", "may",
                    "might", "will", "would", "can") or nxt == "to"


ASIDE_TOKENS = 4


def _short_aside(doc: Doc, i: int, sent_start: int) -> bool:
    """A bracket around a few words that hold no verb-like cue of their own: a gloss, not a clause."""
    if doc[i].text == "(":
        close = next((k for k in range(i + 1, min(len(doc), i + ASIDE_TOKENS + 2)) if doc[k].text == ")"), None)
        inner = doc[i + 1:close] if close is not None else None
    else:
        open_ = next((k for k in range(i - 1, max(sent_start, i - ASIDE_TOKENS - 1) - 1, -1) if doc[k].text == "("), None)
        inner = doc[open_ + 1:i] if open_ is not None else None
    # No verb in it: "(approved in 2025)" is a clause of its own.
    return inner is not None and 0 < len(inner) <= ASIDE_TOKENS and all(
        (not t.is_punct or t.text in ("-", ".", "&")) and not t.lower_.endswith(("ed", "ing")) for t in inner)
