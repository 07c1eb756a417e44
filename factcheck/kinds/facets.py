"""A uniqueness rule's category told by its features rather than by one of its phrases.

"the only drug specifically for weight loss that is swallowed as a pill", "the first and only GLP-1
pill approved specifically to treat obesity", "No other GLP-1 taken by mouth is approved for
long-term weight loss": each says every feature of the category (taken by mouth; for weight), in
an order and with words no phrase list foresees. A rule's `facets` list the words of each feature;
the phrase after "the first", "the only" or "no other" names the category when every feature is
said in it before the phrase ends, and a head noun of the category stands near its start.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.lang.cues import Cue
from factcheck.lang.layer import Analysis

ONLY_WORDS = {"only", "sole", "lone"}
FIRST_WORDS = {"first"}
UNIQUE_WORDS = ONLY_WORDS | FIRST_WORDS
# What may stand right before the word for it to open a noun phrase ("the only", "first and only",
# "its first"): not the adverb of "only 5% lost weight" or "first, the FDA ...".
OPENERS = {"the", "and", "its", "their", "this", "a"}
# Where the phrase ends: another clause or an aside.
STOPS = {",", ";", ":", ".", "(", ")", "but", "while", "although", "whereas", "though", "—", "–"}
REACH = 14      # tokens after the word within which every feature must be said
HEAD_REACH = 5  # a head noun within this many tokens of the word: "the only (oral GLP-1) drug"


@dataclass
class FacetPhrase:
    word: int       # "first", "only", "sole", "lone" or "other" of "no other"
    end: int        # the end of the phrase's last feature
    says_only: bool
    anaphoric: bool  # "no other ...": the member is the one told before


def facet_phrases(an: Analysis, sent: tuple[int, int], labels: list[str], heads: set[str]) -> list[FacetPhrase]:
    """The phrases of the sentence that say every feature (one cue label per feature) after a
    word of uniqueness, with a head noun (`heads`, lower case) near their start."""
    doc = an.doc
    cues = an.cues_in(*sent, prefix="FACET:")
    if not all(any(c.label == label for c in cues) for label in labels):
        return []
    out: list[FacetPhrase] = []
    for k in range(sent[0], sent[1]):
        w = doc[k].lower_
        prev = doc[k - 1].lower_ if k > sent[0] else ""
        no_other = w == "other" and prev == "no"
        if not no_other and not (w in UNIQUE_WORDS and prev in OPENERS):
            continue
        stop = next((i for i in range(k + 1, min(sent[1], k + 1 + REACH)) if doc[i].lower_ in STOPS),
                    min(sent[1], k + 1 + REACH))
        if not any(doc[i].lower_ in heads for i in range(k + 1, min(stop, k + 1 + HEAD_REACH))):
            continue
        ends = [_feature_end(cues, label, k, stop) for label in labels]
        if any(e is None for e in ends):
            continue
        says_only = no_other or w in ONLY_WORDS or any(doc[i].lower_ in ONLY_WORDS for i in range(k + 1, min(stop, k + 3)))
        out.append(FacetPhrase(k, max(e for e in ends if e is not None), says_only, no_other))
    return out


def _feature_end(cues: list[Cue], label: str, after: int, stop: int) -> int | None:
    found = [c.end for c in cues if c.label == label and after < c.start and c.end <= stop]
    return min(found) if found else None
