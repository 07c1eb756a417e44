"""Helpers every rule kind shares: turning token spans into Claims, and the words that frame a
statement as history ("former", "then", "until", a year before the fact changed)."""

from __future__ import annotations

from factcheck.knowledge.model import Rule
from factcheck.lang.layer import Analysis
from factcheck.nlp.claims import Claim

# Words that put a person, title or state in the past.
PAST_FRAMING = {"former", "formerly", "ex", "then", "then-", "previous", "previously", "past", "once", "was", "were",
                "had", "until", "till", "retired", "stepped", "left", "departed", "succeeded", "replaced", "ousted",
                "resigned", "resign", "earlier", "late", "back", "ago", "became"}


def claim_for(an: Analysis, start: int, end: int, sentence: tuple[int, int], rule: Rule) -> Claim:
    doc = an.doc
    first, last = doc[start], doc[end - 1]
    s_first, s_last = doc[sentence[0]], doc[sentence[1] - 1]
    return Claim(type="rule", kind=rule.kind, start=first.idx, end=last.idx + len(last.text),
                 sentence=(s_first.idx, s_last.idx + len(s_last.text)), rule=rule)


def sentence_of(an: Analysis, token: int) -> tuple[int, int] | None:
    return an.sentence_at(token)


def blocked(an: Analysis, rule: Rule, start: int, end: int) -> bool:
    """A rule's own `unless` phrases in the span: the statement is about something else."""
    label = f"UNLESS:{rule.id}"
    return any(c.label == label for c in an.cues_in(start, end))
