"""A drug said to become a medicine: an approval told as a change of what the drug is.

"looks set to become a much-needed treatment for PTSD", "could be a recognised medicine by 2021",
"may soon become a reality for patients": no approval word, yet each forecasts one. The noun
phrase after "become" (or after "be" with a modal or "to") is read up to its head; when the head
names a medicine, the phrase is an approval cue and the ordinary stance reading decides what the
sentence holds (expected, hypothetical, negated ...).

Only prospective forms count: "has become a popular treatment in underground circles" and "is a
promising treatment" describe use, not a licence, and the present tense of "be" is how every
description of a drug is written.
"""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.cues import Cue
from factcheck.lang.wordsets import PERFECT

APPROVAL = "EV:approval"
# What a drug becomes when it is licensed. "drug" is not one: "became a popular club drug".
MEDICINE_HEADS = frozenset({
    "treatment", "treatments", "therapy", "therapies", "medicine", "medicines", "medication", "medications",
    "remedy", "remedies", "cure", "option", "options", "reality",
})
# Heads that name a medicine only with a word of standing: "an accepted aid to therapy", "an
# approved tool" (not "could become a tool in the therapist's kit").
AIDS = frozenset({"aid", "aids", "tool", "tools", "adjunct",
                  # "could be a legal drug", "may become an approved drug" (not "a popular party drug")
                  "drug", "drugs"})
# Words that end a noun phrase without being its head: prepositions, conjunctions, relatives and
# the adverbs of time that follow a predicate ("a reality soon").
NP_ENDS = frozenset({
    "for", "of", "to", "in", "on", "at", "by", "with", "within", "from", "as", "than", "and", "or", "but", "nor",
    "that", "which", "who", "whom", "whose", "where", "when", "if", "unless", "once", "after", "before", "until",
    "soon", "now", "again", "too", "also", "yet", "already", "eventually", "someday", "one", "across", "among",
    "throughout", "through", "into", "under", "over", "via", "per", "including", "like", "outside", "inside",
    "beyond", "against", "since", "while", "because", "any", "next", "this", "these", "those", "here", "there",
    "later", "sooner", "earlier",
})
DETERMINERS = frozenset({"a", "an", "the"})
# "could be a recognised medicine" tells of a licence; "could be a promising therapy" judges the
# drug. After "be" a modifier of standing (or the head "reality") is needed.
STANDING = frozenset({
    "recognised", "recognized", "accepted", "approved", "fda-approved", "legal", "lawful", "licensed", "licenced",
    "prescription", "prescribable", "mainstream", "standard", "real", "official", "registered", "legitimate",
    "authorised", "authorized", "regular", "routine", "available", "commercial", "marketed", "reimbursed",
})
# Adverbs of legal standing (not of supply: "readily", "widely", "broadly available" tell of stock).
STANDING_ADVERBS = frozenset({"publicly", "legally", "lawfully", "officially", "formally", "clinically",
                              "commercially", "medically"})
# Predicates of standing after "be" or "become" with such an adverb: "could be publicly available".
PREDICATES_OF_STANDING = frozenset({"available", "legal", "lawful", "prescribable", "accessible"})
# Modifiers that make "X" a licensed form of X: "legal MDMA", "prescription psilocybin".
# "medical MDMA" is not one: "gave medical MDMA its breakthrough designation" names the research drug.
STANDING_MODIFIERS = frozenset({"legal", "lawful", "prescription", "prescribable"})
SUBSTITUTES = frozenset({"substitute", "substitutes", "alternative", "alternatives", "analogue", "analogues", "analog",
                         "analogs", "replacement", "replacements"})
# Participles that modify only after a determiner or preposition ("the way to licensed MDMA
# therapy"); elsewhere they are verbs ("Texas legalized MDMA therapy") or parts of a compound
# ("state-licensed pharmacies").
STANDING_PARTICIPLES = frozenset({"legalised", "legalized", "licensed", "licenced", "authorised", "authorized"})
BEFORE_MODIFIER = frozenset({"a", "an", "the", "to", "of", "for", "with", "toward", "towards", "into", "on"})
# Judgements of a drug's worth, not of its standing: "may become a popular treatment", "could become
# the most effective therapy". A phrase with one of these is no approval even after "become".
JUDGEMENTS = frozenset({
    "promising", "popular", "effective", "powerful", "useful", "valuable", "important", "good", "better", "best",
    "most", "more", "potential", "possible", "great", "big", "bigger", "biggest", "successful", "breakthrough",
    "revolutionary", "safe", "safer", "cheap", "cheaper", "expensive", "costly", "controversial", "fashionable",
})
# Adverbs allowed between a modal (or "to") and "be": "could soon be", "will finally be".
BE_ADVERBS = frozenset({"soon", "finally", "eventually", "one", "day", "someday", "at", "last", "also", "then",
                        "officially", "formally", "legally", "quickly", "shortly", "very", "well", "likely",
                        "probably", "possibly", "perhaps", "now", "still", "even"})
# At most this many words between the determiner and the head ("an accepted prescription medicine").
MAX_MODIFIERS = 4
# Before "become", a perfect: "has become" describes, it forecasts nothing.
PERFECT_BEFORE = PERFECT | {"had", "'s", "’s", "’ve"}


def becoming_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """Approval cues for "become a medicine" phrases, spanning the verb to the noun's head."""
    out: list[Cue] = []
    seen: set[int] = set()
    for c in cues:
        verb = None
        if c.label == "BECOME":
            first = doc[c.start].lower_
            if first == "became" or first == "becomes":
                continue
            if c.start > 0 and doc[c.start - 1].lower_ in PERFECT_BEFORE:
                continue
            verb = c.start
            after = c.end
        elif c.label == "MODAL" or (c.label == "ST:expected" and doc[c.end - 1].lower_ == "to"):
            j = c.end
            while j < len(doc) and j - c.end < 4 and doc[j].lower_ in BE_ADVERBS:
                j += 1
            if j >= len(doc) or doc[j].lower_ != "be":
                continue
            verb, after = j, j + 1
        if verb is None or verb in seen:
            continue
        made = after < len(doc) and doc[after].lower_ == "made" and doc[verb].lower_ == "be"
        # "could be made (publicly) available": made so, the predicate after "made"
        standing = _standing_predicate(doc, after + 1, False) if made else \
            _standing_predicate(doc, after, doc[verb].lower_ == "be")
        if standing is not None:
            seen.add(verb)
            out.append(Cue(APPROVAL, verb, standing + 1))
            continue
        head = _medicine_head(doc, after)
        if head is not None and _tells_standing(doc, after, head, doc[verb].lower_ == "be"):
            seen.add(verb)
            out.append(Cue(APPROVAL, verb, head + 1))
    return out


def _standing_predicate(doc: Doc, i: int, after_be: bool) -> int | None:
    """"could be publicly available", "may soon become legally prescribable": a predicate of standing
    after manner adverbs (the phrase list has "be available", but no list holds every adverb). The
    index of the adjective; None when the words after the verb are anything else."""
    j = i
    while j < len(doc) and j - i < 3 and doc[j].lower_ in STANDING_ADVERBS:
        j += 1
    if j == i and after_be:
        return None  # "be available" itself is a listed phrase
    if j < len(doc) and doc[j].lower_ in PREDICATES_OF_STANDING \
            and not (j + 1 < len(doc) and doc[j + 1].lower_ == "again"):  # "readily available again": supply
        return j
    return None


# Words between a present "be" and an adverb of standing: "is now officially a medicine".
NOW_WORDS = frozenset({"now", "already", "finally", "at", "last", "today"})
PRESENT_OF_BE = frozenset({"is", "are", "'s"})


def standing_now_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """Approval cues for a present "be" with an adverb of standing before a medicine: "Molly is now
    officially a medicine", "MDMA is legally a prescription drug there". Without the adverb a
    present "be" describes ("MDMA is a promising treatment"); with it, it states a licence held."""
    out: list[Cue] = []
    for c in cues:
        if c.label != "STANDADV":
            continue
        k = c.start - 1
        while k >= 0 and c.start - k <= 3 and doc[k].lower_ in NOW_WORDS:
            k -= 1
        if k < 0 or doc[k].lower_ not in PRESENT_OF_BE:
            continue
        head = _medicine_head(doc, c.end) if c.end < len(doc) and doc[c.end].lower_ in DETERMINERS else None
        if head is not None and not {t.lower_ for t in doc[c.end:head]} & JUDGEMENTS:
            out.append(Cue(APPROVAL, k, head + 1))
    return out


def standing_modifier_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """Approval cues for a subject named with a modifier of legal standing: "legal MDMA-assisted
    therapy by 2021", "prescription psilocybin within reach". The subject is a pack's term (a
    TERM: cue), so the phrase names a licensed form of that very drug, not a judgement of it."""
    out: list[Cue] = []
    for c in cues:
        if not c.label.startswith("TERM:") or c.start == 0:
            continue
        k = c.start - 1
        word = doc[k].lower_
        if (k > 0 and doc[k - 1].lower_ in ("so-called", "called")) or \
                (c.end < len(doc) and doc[c.end].lower_ in SUBSTITUTES):
            continue  # "so-called legal MDMA", "legal MDMA substitutes": a grey-market product, no licence
        # ("FDA-approved MDMA" is read by the approval word itself.)
        if word in STANDING_MODIFIERS or (word in STANDING_PARTICIPLES and k > 0 and doc[k - 1].lower_ in BEFORE_MODIFIER):
            out.append(Cue(APPROVAL, k, c.end))
    return out


def _tells_standing(doc: Doc, start: int, head: int, after_be: bool) -> bool:
    """Does the phrase [start, head] tell of a drug's standing rather than judge its worth?"""
    words = {t.lower_ for t in doc[start:head]}
    if words & JUDGEMENTS:
        return False
    if doc[head].lower_ in AIDS:
        return bool(words & STANDING)  # "an accepted aid to therapy"; not "a useful aid"
    return not after_be or doc[head].lower_ == "reality" or bool(words & STANDING)


def _medicine_head(doc: Doc, i: int) -> int | None:
    """The index of the head of the noun phrase starting at token `i`, when it names a medicine."""
    if i < len(doc) and doc[i].lower_ in DETERMINERS:
        i += 1
    last = None
    words = 0
    while i < len(doc):
        t = doc[i]
        w = t.lower_
        if t.is_space or t.like_num or w in NP_ENDS or w in DETERMINERS:
            break
        if t.is_punct and w not in ("-", "‑"):
            break
        if not t.is_punct:
            last = i
            words += 1
            if w in MEDICINE_HEADS and i + 1 < len(doc) and doc[i + 1].lower_.endswith("ed") and doc[i + 1].is_lower:
                break  # a participle after the head starts its own phrase: "a treatment prescribed nationwide"
        i += 1
        if words > MAX_MODIFIERS + 1:
            return None  # too long to be one noun phrase read without a parser
    if last is None:
        return None
    return last if doc[last].lower_ in MEDICINE_HEADS | AIDS else None
