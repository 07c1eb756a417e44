"""A decision told as a verb of judging and a noun of judgement.

"hopes the FDA reaches a different conclusion next month", "the FDA should give a final answer by
August", "the agency must make a big call": the verb and the noun are the decision together,
whatever adjectives stand between them. The verb and noun lists are closed; the words between
are any two modifiers after a determiner, so a phrase list need not spell each one out.
"""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.cues import Cue

DECISION = "EV:decision"
JUDGEMENT_NOUNS = frozenset({"conclusion", "answer", "call", "verdict", "ruling", "decision", "judgement", "judgment",
                             "determination"})
DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "some"})
MAX_MODIFIERS = 2
FURTHER = frozenset({"new", "fresh", "second", "further", "another", "separate"})


def verdict_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """Decision cues from the verb of "reach a different conclusion" to its noun."""
    out: list[Cue] = []
    for c in cues:
        if c.label != "VERDICT" or c.end >= len(doc) or doc[c.end].lower_ not in DETERMINERS:
            continue
        j = c.end + 1
        while j < len(doc) and j - c.end - 1 <= MAX_MODIFIERS:
            tok = doc[j]
            if tok.lower_ in JUDGEMENT_NOUNS:
                # "made a call to the clinic" is a telephone call: a call needs no "to" after it
                if not (tok.lower_ == "call" and j + 1 < len(doc) and doc[j + 1].lower_ in ("to", "for")):
                    out.append(Cue(DECISION, c.start, j + 1))
                break
            if not (tok.is_alpha or tok.text == "-") or tok.lower_ in DETERMINERS or tok.lower_ in FURTHER:
                break  # ("make a new decision": a further one, read on the noun as any other further event)
            j += 1
    return out
