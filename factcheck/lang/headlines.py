"""Headlines: a state or an act told in headline style ("Ozempic scarce at pharmacies", "FDA
approves MDMA therapy"). Part of the stance readers (stance.py)."""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.cues import Cue
from factcheck.lang.lemmas import lemma_of
from factcheck.lang.wordsets import IRREGULAR_PAST

# Words that keep a headline from being a bare predication ("Ozempic scarce at pharmacies"):
# any verb form or the function words a sentence with its own verb would have.
HEADLINE_VERBS = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could", "may",
                  "might", "can", "should", "no", "not", "ends", "ended", "over", "eases", "eased", "after", "before",
                  "until", "when", "if"}


# State words that are nouns: after a name in a headline they make a compound ("Ozempic shortage").
NOMINAL_STATES = {"shortage", "shortages", "scarcity", "shortfall", "shortfalls", "rationing", "supply", "supplies",
                  "backorder", "back", "limited", "tight"}


def headline_state(doc: Doc, sent: tuple[int, int], event: Cue) -> bool:
    """A state predicated with no verb in a headline line: "Ozempic and Wegovy scarce at Wake County
    pharmacies", "Zepbound in short supply as demand soars". The headline's dropped "is" is a
    present: the state holds as the page is written."""
    toks = [t for t in doc[sent[0]:sent[1]] if not t.is_space]
    if not toks or toks[-1].text in (".", "!", "?", '"', "”") or len(toks) > 20 or event.start == sent[0]:
        return False
    if doc[event.start].lower_ in NOMINAL_STATES:
        return False  # "Ozempic shortage: what to know" names a topic; it predicates nothing
    i = event.start - 1
    while i > sent[0] and doc[i].lower_ in ("still", "now", "again", "also"):
        i -= 1
    before = doc[i]
    if not (before.is_alpha and (before.is_title or before.is_upper)):
        return False  # right after a name: "Ozempic scarce", "Wegovy still in short supply"
    return not any(t.lower_ in HEADLINE_VERBS for t in toks)


def headline_act(doc: Doc, sent: tuple[int, int], event: Cue) -> bool:
    """An act told in headline style: the present for news ("FDA approves MDMA therapy") or a bare
    participle after its subject ("MDMA therapy approved in the US"). Both report it as done."""
    toks = [t for t in doc[sent[0]:sent[1]] if not t.is_space]
    if not toks or toks[-1].text in (".", "!", "?", '"', "”", ":") or len(toks) > 20 or event.start == sent[0]:
        return False
    w = doc[event.start]
    before = doc[event.start - 1]
    if any(t.lower_ in HEADLINE_VERBS or t.lower_ in ("set", "poised", "nears", "near", "could", "?")
           or (t.lower_ == "to" and t.i < event.start) for t in toks):
        # A verb of its own, or the headline's future ("FDA to approve", "set to"); a "to" after the
        # event is its purpose ("Australia approves MDMA to treat mental disorders").
        return False
    word = w.lower_
    if word.endswith("s") and lemma_of(word) != word and before.is_alpha and (before.is_title or before.is_upper):
        return True  # "FDA approves ...", "Regulators OK ...": the news present after its subject
    if (word.endswith("ed") or word in IRREGULAR_PAST) and before.is_alpha and not before.is_stop:
        return True  # "MDMA therapy approved in the US": the headline's passive, its "is" dropped
    return False
