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
PHONE_WORDS = frozenset({"phone", "telephone", "conference", "video", "courtesy", "cold", "zoom"})


def verdict_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """Decision cues from the verb of "reach a different conclusion" to its noun."""
    out: list[Cue] = []
    for c in cues:
        if c.label != "VERDICT" or c.end >= len(doc) or doc[c.end].lower_ not in DETERMINERS:
            continue
        j, modifiers, further = c.end + 1, 0, False
        while j < len(doc) and modifiers <= MAX_MODIFIERS:
            tok = doc[j]
            w = tok.lower_
            if w in JUDGEMENT_NOUNS:
                # A further one ("reach a new conclusion", "a fresh decision") is left to the noun's
                # own cue where it has one ("decision" is read as any further event is); "made a
                # phone call" or "a call to the clinic" is a telephone call.
                if not further and not _telephone(doc, j, c.end + 1):
                    out.append(Cue(DECISION, c.start, j + 1))
                break
            if not (tok.is_alpha or tok.text in ("-", "‑")) or w in DETERMINERS:
                break
            further = further or w in FURTHER
            if tok.text not in ("-", "‑") and not (j > 0 and doc[j - 1].text in ("-", "‑")):
                modifiers += 1  # "a long-awaited answer": one modifier
            j += 1
    return out


def _telephone(doc: Doc, noun: int, first: int) -> bool:
    """A telephone call: "a phone call", "a call to the clinic", "a call for help"."""
    if doc[noun].lower_ != "call":
        return False
    return any(doc[k].lower_ in PHONE_WORDS for k in range(first, noun)) or \
        (noun + 1 < len(doc) and doc[noun + 1].lower_ in ("to", "for", "from", "with"))
