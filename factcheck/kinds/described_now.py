"""Whether a name is used to say what its bearer is or does now, in the present tense.

A former name is outdated only where the text speaks of the bearer today under it: "OLD is a
spin-off of ...", "the drug is being developed by OLD", "OLD, a company that develops ...". In a
story told in the past ("OLD said on Friday ...", "the drug was made by OLD") the name is the one
the bearer had then. These readers look at the words around the name only: the name kind runs on
every sentence that names the bearer, and most of them are never parsed."""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.lemmas import lemma_of
from factcheck.lang.wordsets import IRREGULAR_PAST

# Nouns for a body that makes or sponsors something: the head of a describing apposition.
BODY_NOUNS = {"company", "firm", "developer", "drugmaker", "sponsor", "spin-off", "spinoff", "spin", "subsidiary",
              "corporation", "maker", "manufacturer", "business", "startup", "start-up", "biotech", "nonprofit",
              "non-profit", "organisation", "organization", "arm", "offshoot", "outfit", "group", "enterprise"}
DETERMINERS = {"a", "an", "the", "its"}
# Participles of making, developing or owning: "developed by OLD", "capsules made by OLD".
AGENT_PARTICIPLES = {"developed", "made", "sponsored", "produced", "manufactured", "marketed", "run", "owned",
                     "backed", "commercialised", "commercialized", "supplied", "distributed", "sold", "championed",
                     "led", "operated", "controlled"}
# Words between "by" and the name: "by the public benefit company OLD".
AGENT_MODIFIERS = DETERMINERS | BODY_NOUNS | {"public", "benefit", "pharmaceutical", "drug", "us", "u.s.", "american",
                                              "california", "private", "small", "clinical-stage", "psychedelic"}
PRESENT_AUXILIARIES = {"is", "are", "'s", "remains", "remain"}
ADVERBS_OF_NOW = {"now", "currently", "still", "also", "presently", "today", "being"}
PAST_WORDS = IRREGULAR_PAST | {"was", "were", "had", "did", "led", "sought", "found", "left", "paid", "spent", "bought"}
PRESENT_BE = {"is", "are", "am", "be", "being", "been", "remains", "remain"}
PREPOSITIONS = {"by", "of", "from", "with", "for", "at", "to", "in", "on", "about", "against", "under"}
# Renaming told in the sentence: the old name is given as old.
RENAMING = {"renamed", "rebranded", "renaming", "rebranding"}
# Participles that describe a product by its maker ("capsules made by OLD").
PRODUCT_PARTICIPLES = {"made", "produced", "manufactured", "developed", "marketed", "sold", "supplied", "distributed"}
# Nouns of acts done in the past: a trial "run by OLD" was run under that name.
PAST_ACT_NOUNS = {"trial", "trials", "study", "studies", "data", "research", "paper", "papers", "results", "analysis"}
HISTORY_WORDS = {"then", "once", "formerly", "previously", "originally", "later"}


def described_now(doc: Doc, start: int, end: int, sent: tuple[int, int]) -> bool:
    """True when the name at [start, end) is described, or acts, in the present tense."""
    if _marked_former(doc, start, sent) or any(doc[i].lower_ in RENAMING for i in range(sent[0], sent[1])):
        return False  # "the company formerly known as OLD", a rename told in the sentence
    return (_present_copula(doc, start, end, sent) or _describing_apposition(doc, start, end, sent)
            or _present_agent(doc, start, end, sent) or _acts_now(doc, start, end, sent))


def _marked_former(doc: Doc, start: int, sent: tuple[int, int]) -> bool:
    """"formerly OLD", "once known as OLD", "previously called OLD": the text itself says it is old."""
    return any(doc[i].lower_ in HISTORY_WORDS for i in range(max(sent[0], start - 3), start))


def _present_copula(doc: Doc, start: int, end: int, sent: tuple[int, int]) -> bool:
    """"OLD is a commercial spin-off of ...", "OLD remains the sponsor": the name as the subject of a
    present copula with a noun phrase (not an auxiliary: "OLD is asking", "OLD is expected"; not a
    name inside a phrase: "a study sponsored by OLD is the largest")."""
    if start > sent[0] and doc[start - 1].lower_ in PREPOSITIONS:
        return False
    k = end
    # the name set off as an apposition to its subject: "the developer, OLD, is an unlisted company"
    if k < sent[1] and doc[k].text == "," and start - 1 > sent[0] and doc[start - 1].text == "," \
            and doc[start - 2].lower_ in BODY_NOUNS:
        k += 1
    if k >= sent[1] or doc[k].lower_ not in ("is", "remains"):
        return False
    verb = doc[k].lower_
    k += 1
    while k < sent[1] and doc[k].lower_ in ("now", "still", "currently", "today"):
        k += 1
    if k >= sent[1]:
        return False
    if verb == "remains":
        return True  # "OLD remains committed to ...": a state of the bearer now
    # (Not a present progressive: "OLD is cutting its staff after the rejection" is news told in
    # the present, under the name of the day.)
    return doc[k].lower_ in DETERMINERS


def _describing_apposition(doc: Doc, start: int, end: int, sent: tuple[int, int]) -> bool:
    """"OLD, a company that develops ...", "OLD, as a company developing ...": an indefinite
    apposition (it says what the bearer is; "the company behind X" only points it out) headed by a
    body noun, with a verb of its own in the present ("that develops"), or a present participle
    right after the noun ("a company developing") in a sentence not told in the past ("X was run by
    OLD, a company developing ..." names the bearer as it was then)."""
    k = _after_brackets(doc, end, sent)
    if not (k < sent[1] and doc[k].text == ","):
        return False
    k += 1
    if k < sent[1] and doc[k].lower_ == "as":
        k += 1
    # (a definite one too, when a verb of its own says what the body does: "OLD, the drugmaker
    # leading the push for approval"; "OLD, the company behind X" only points it out)
    if not (k < sent[1] and doc[k].lower_ in ("a", "an", "the")):
        return False
    stop = next((j for j in range(k, sent[1]) if doc[j].text in (",", ";", ")", "—", "–", ".")), sent[1])
    # The sentence's own verb after the apposition: "OLD, a company developing X, filed ..." is history.
    after = next((j for j in range(stop + 1, min(sent[1], stop + 4)) if doc[j].is_alpha), None)
    if after is not None and (_past_verb(doc, after, sent) or doc[after].lower_ in ("was", "were", "had")):
        return False
    for j in range(k + 1, min(stop, k + 6)):
        if doc[j].lower_ not in BODY_NOUNS:
            continue
        nxt = j + 1
        if nxt + 1 < stop and doc[nxt].lower_ in ("that", "which") and doc[nxt + 1].is_lower \
                and present_verb(doc[nxt + 1].lower_):
            # "a company that develops ..."; a definite one only outside a story told in the past
            # ("the agency told OLD, the company that has been seeking approval, ...")
            return doc[k].lower_ != "the" or not _told_in_the_past(doc, start, sent)
        if nxt < stop and ((doc[nxt].lower_.endswith("ing") and lemma_of(doc[nxt].lower_) != doc[nxt].lower_)
                           or _devoted_to(doc, nxt, stop)):
            # "a company developing prescription psychedelics", "a company devoted to research into it"
            return not _told_in_the_past(doc, start, sent)
    return False


# Participles that say what a body is for: "a company devoted to research into MDMA".
PURPOSE_PARTICIPLES = {"devoted", "dedicated", "committed", "focused", "focussed", "set up", "established"}


def _devoted_to(doc: Doc, i: int, stop: int) -> bool:
    return i + 1 < stop and doc[i].lower_ in PURPOSE_PARTICIPLES and doc[i + 1].lower_ in ("to", "on")


def _acts_now(doc: Doc, start: int, end: int, sent: tuple[int, int]) -> bool:
    """"OLD, once called X, grew out of Y and now leads the work ...": the name, opening its
    sentence, is the subject of a present verb marked with "now" or "currently"."""
    if start > sent[0] + 1 or (start == sent[0] + 1 and doc[sent[0]].lower_ not in DETERMINERS):
        return False
    for k in range(end, min(sent[1] - 1, end + 20)):
        if doc[k].text in (";", ":"):
            return False
        if doc[k].lower_ in ("now", "currently") and doc[k + 1].is_lower and present_verb(doc[k + 1].lower_) \
                and doc[k + 1].lower_ not in ("is", "are", "'s", "has", "have"):
            return doc[k - 1].lower_ in ("and", ",") or k == end
    return False


def _told_in_the_past(doc: Doc, start: int, sent: tuple[int, int]) -> bool:
    """A verb in the past before the name in its sentence ("was run by", "asked", "said")."""
    return any(_past_verb(doc, i, sent) for i in range(sent[0], start))


def _past_verb(doc: Doc, i: int, sent: tuple[int, int]) -> bool:
    """Is token i a verb in the past? Not a participle: before "by" ("capsules made by"), after a
    present "be" ("is being developed"), a determiner ("a disputed takeover"), "has" ("has turned
    to") or a hyphen ("MDMA-assisted")."""
    low = doc[i].lower_
    if (i + 1 < sent[1] and doc[i + 1].lower_ == "by") or \
            (i > sent[0] and doc[i - 1].lower_ in DETERMINERS | PRESENT_BE | {"has", "have", "'s", "'ve", "-", "‑"}):
        return False
    return low in PAST_WORDS or (low.endswith("ed") and doc[i].is_lower and lemma_of(low) != low)


def _present_agent(doc: Doc, start: int, end: int, sent: tuple[int, int]) -> bool:
    """"The drug is (being) developed by OLD", or a participle phrase inside a present sentence ("The
    treatment, capsules made by the company OLD, is meant to ...")."""
    k = start - 1
    while k > sent[0] and start - k <= 5 and doc[k].lower_ in AGENT_MODIFIERS:
        k -= 1
    if k <= sent[0] or doc[k].lower_ != "by" or doc[k - 1].lower_ not in AGENT_PARTICIPLES:
        return False
    part = k - 1
    j = part - 1
    while j >= sent[0] and doc[j].lower_ in ADVERBS_OF_NOW:
        j -= 1
    if j >= sent[0] and doc[j].lower_ in HISTORY_WORDS:
        return False
    if j >= sent[0] and doc[j].lower_ in PRESENT_AUXILIARIES:
        return True  # a present passive: "is (being) developed by"
    if j >= sent[0] and doc[j].lower_ in ("was", "were", "had", "been", "be", "will", "would"):
        return False
    # A participle phrase on a noun of a sentence in the present: its verb before the phrase ("The
    # treatment is a capsule of MDMA made by the company OLD") or after it, set off by commas
    # ("The treatment, capsules made by OLD, is meant to ..."). Only a product's participle on a
    # product's noun: "two Phase 3 trials sponsored by OLD" were the old name's acts.
    if doc[part].lower_ not in PRODUCT_PARTICIPLES or (part > sent[0] and doc[part - 1].lower_ in PAST_ACT_NOUNS):
        return False
    if any(doc[i].lower_ in ("is", "are") for i in range(sent[0], part)):
        return True
    k = _after_brackets(doc, end, sent)
    if not (k + 1 < sent[1] and doc[k].text == ","):
        return False
    return doc[k + 1].lower_ in PRESENT_AUXILIARIES


def _after_brackets(doc: Doc, end: int, sent: tuple[int, int]) -> int:
    """The token after a bracketed acronym that follows the name ("OLD (ACR)"), or `end`."""
    if end < sent[1] and doc[end].text == "(":
        close = next((j for j in range(end, min(sent[1], end + 8)) if doc[j].text == ")"), None)
        if close is not None:
            return close + 1
    return end


def present_verb(word: str) -> bool:
    """A verb in the present tense, third person ("develops", "makes", "is", "has", "remains")."""
    low = word.lower()
    if low in ("is", "has", "'s", "are", "have"):
        return True
    lemma = lemma_of(low)
    return lemma != low and low in (lemma + "s", lemma + "es", lemma[:-1] + "ies")
