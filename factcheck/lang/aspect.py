"""Aspect and tense of an event's words: done (a finite past, a perfect, a participle with its
agent, a state reached), in progress, and the auxiliary that governs a word. Part of the stance
readers (stance.py), with no knowledge of any pack."""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.copulas import PAST_BE, PRESENT_BE
from factcheck.lang.lemmas import lemma_of
from factcheck.lang.timex import MONTHS as MONTH_WORDS
from factcheck.lang.wordsets import (
    ADVERBS,
    FIRST_MAKERS,
    FUTURE_MODALS,
    HABITUAL,
    IN_PROGRESS,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    IS_CONTRACTORS,
    OBJECT_STARTS,
    OBTAIN,
    OBTAIN_DONE,
    OBTAIN_REACH,
    PAST_PERFECT,
    PERFECT,
    PRODUCT_NOUNS,
    ROMAN,
    SUBJECTS,
    TIME_NOUNS,
    WEEKDAYS,
)


def _clause_tense(words: list[str], cs: int, ce: int, es: int) -> str | None:
    """The tense of the clause's finite verb: the nearest auxiliary or copula before the event
    (after a relative pronoun, the relative clause's own), else the first after it (up to `ce`;
    for an opening phrase such as "Because of the shortage," the sentence's end)."""
    for i in range(es - 1, cs - 1, -1):
        w = words[i]
        if w in ("who", "which", "that") or (w.endswith("ed") and i > cs and words[i - 1] in ("who", "which", "that")):
            return None  # "pharmacists who worked during the shortage": the relative clause's own verb
        t = _tense_of(words, i)
        if t:
            return t
    for i in range(es + 1, ce):
        t = _tense_of(words, i) or _finite_past(words, i)
        if t:
            return t
    return None


def _finite_past(words: list[str], i: int) -> str | None:
    """A past verb with its object after a plural subject or a name: "(during the shortage)
    compounding pharmacies offered a cheaper route". A participle after its noun takes no
    object ("drugs compounded during the shortage")."""
    w = words[i]
    if not (w.endswith("ed") and len(w) > 4) or i == 0 or i + 1 >= len(words):
        return None
    prev, nxt = words[i - 1], words[i + 1]
    return "past" if prev.endswith("s") and prev.isalpha() and nxt in ("a", "an", "the", "its", "their") else None


def _tense_of(words: list[str], i: int) -> str | None:
    w = words[i]
    if w == "'s" and not _is_copula_s(words, i):
        return None  # a possessive
    if w in PRESENT_BE or w in PERFECT or w in ("can", "may", "must", "remains", "remain", "continue", "continues"):
        return "present"
    if w in PAST_BE or w in PAST_PERFECT or w in ("could", "did"):
        return "past"
    return None


# Adverbials of two words that may stand between an auxiliary and its verb.
TWO_WORD_ADVERBS = {("in", "fact"), ("at", "present"), ("right", "now"), ("by", "now"), ("at", "last"),
                    ("in", "turn"), ("of", "course")}


def _aux_before(words: list[str], cs: int, at: int) -> str | None:
    """The tense of the auxiliary or copula governing the word at `at`, skipping adverbs."""
    i = at - 1
    while i >= cs and (words[i] in ADVERBS or words[i] in ("not", "n't", "never", "been", "be", "being", "to")
                       or (i - 1 >= cs and (words[i - 1], words[i]) in TWO_WORD_ADVERBS)):
        if i - 1 >= cs and (words[i - 1], words[i]) in TWO_WORD_ADVERBS:
            i -= 2  # "is in fact examining", "is at present reviewing"
            continue
        if words[i] == "been":
            j = i - 1
            while j >= cs and words[j] in ADVERBS | {"not", "n't", "never"}:
                j -= 1
            if j >= cs and words[j] in PERFECT:
                return "perfect"
            if j >= cs and words[j] in PAST_PERFECT:
                return "past"
        i -= 1
    if i < cs:
        return None
    w = words[i]
    if w == "'s" and not _is_copula_s(words, i):
        return None  # "the agency's ruling": a possessive
    if w in PRESENT_BE:
        return "present"
    if w in PERFECT:
        return "perfect"
    if w in PAST_BE or w in PAST_PERFECT:
        return "past"
    if w in FUTURE_MODALS or w in ("would", "can"):
        return "modal"
    return None


def _is_copula_s(words: list[str], i: int) -> bool:
    """Is the "'s" at `i` the verb "is" ("it's close") rather than a possessive ("the FDA's")?"""
    return i > 0 and words[i - 1] in IS_CONTRACTORS


def _past_verb_before(words: list[str], cs: int, es: int) -> bool:
    """A finite past verb earlier in the clause ("the agency granted ... and set a target date of
    August 11"): the date is part of a reported past act, not a forecast."""
    for i in range(cs, es):
        w = words[i]
        if w in OBTAIN_DONE or w in ("set", "announced", "said", "told", "named", "gave", "scheduled", "accepted",
                                     "filed", "submitted", "made", "began", "started", "opened", "listed"):
            prev = words[i - 1] if i > cs else ""
            if prev not in ("is", "are", "be", "been", "being", "to", "will", "'ll", "could", "may", "might"):
                return True
    return False


def _past_aux(words: list[str], cs: int, at: int) -> bool:
    return _aux_before(words, cs, at) == "past"


def _irregular_past(word: str) -> bool:
    """A past form the lemma table knows that is neither "-ed" nor a present or "-ing" form
    ("spun", "held", "led"): the table maps it to another lemma."""
    if word.endswith(("s", "ing")) or word in PAST_BE or word in PRESENT_BE or not word.isalpha():
        return False
    return lemma_of(word) not in (word, "be")


# Verbs whose past is their bare form: after a singular subject they can only be past.
SAME_FORM_PAST = {"put", "set", "let", "cut", "cast"}


def _done(words: list[str], cs: int, es: int, ee: int, doc: Doc | None = None,
          name_ends: set[int] | None = None) -> str | None:
    """The event held as having happened: "has been approved", "was approved", "received approval",
    "the FDA approved it", "an FDA-approved treatment"."""
    w = words[es]
    if es - 1 >= cs and words[es - 1] == "to":
        # "became the first country to legalise it", "makes it the first to approve": a first is
        # a thing done ("has become the first country in the world to legalise ...").
        back = words[max(cs, es - 10):es - 1]
        if any(x in ("first", "only") for x in back) and any(x in FIRST_MAKERS for x in back):
            return "done"
    if doc is not None and doc[es].tag_ == "VBD" and not _aux_before(words, cs, es) == "modal":
        return "done"  # the parser read a finite past verb: "the agency approved it"
    participle = w.endswith("ed") or w in IRREGULAR_PARTICIPLES or words[ee - 1].endswith("ed") \
        or words[ee - 1] in IRREGULAR_PARTICIPLES or _irregular_past(w)  # "first made", "was spun off"
    if participle:
        prev = words[es - 1] if es - 1 >= cs else ""
        if prev == "to":
            return None
        if ee < len(words) and words[ee] == "by" and prev in (",", "(", "—", "-", "and", "now", "recently"):
            return "done"  # "MDMA therapy, approved by the FDA last year, ..."
        aux = _aux_before(words, cs, es)
        if aux in ("perfect", "past"):
            return "done"
        if aux == "present":
            return "done"
        if aux == "modal":
            return None
        nxt = words[ee] if ee < len(words) else ""
        product = nxt in PRODUCT_NOUNS or words[ee - 1] in PRODUCT_NOUNS  # "registered treatment"
        if prev in (",", "and") and product:
            return "done"  # "a legal, approved medicine"
        if prev == "-" or prev in ("an", "the", "a", "first", "only", "newly", "now", "fully"):
            # attributive: "an FDA-approved drug", "the first approved psychedelic"
            if _generic_object(words, cs, es, prev, nxt):
                return None
            return "done" if product or prev == "-" else None
        if prev in SUBJECTS:
            return "done"  # a finite past verb after its subject: "the FDA approved it"
        if doc is not None and w.endswith("ed") and _object_follows(doc, words, ee) and prev.isalpha() \
                and prev not in ("the", "a", "an", "this", "that", "its", "their"):
            return "done"  # a past verb with its object: "the order on mental illness rescheduled MDMA"
        if doc is not None and w in SAME_FORM_PAST and prev.isalpha() and not prev.endswith("s") \
                and prev not in ("the", "a", "an", "to", "i", "we", "you", "they") and _object_follows(doc, words, ee):
            return "done"  # "the country put both drugs on the list": a singular subject's verb without -s is past
        p = es - 1
        while p > cs and words[p] in ADVERBS:
            p -= 1
        if p - 2 > cs and words[p] == ")" and words[p - 2] == "(":
            p -= 3  # a name with its acronym: "the Therapeutic Goods Administration (TGA) approved it"
        if doc is not None and p >= cs and w.endswith("ed") and words[p] not in ("the", "a", "an", "this", "that") \
                and (((doc[p].is_title or doc[p].is_upper) and doc[p].is_alpha) or p in (name_ends or ())):
            return "done"  # after a name: "Switzerland legalized it", "New Zealand all legalized"
        if _coordinated_with_past(words, cs, es):
            return "done"  # "Canada went ahead and legalized it"
        return None
    # A participle with its agent: "approved by the FDA last year", "cleared by regulators".
    if participle and ee < len(words) and words[ee] == "by":
        return "done"
    # Presupposed: "since its approval", "following FDA approval", "after the FDA's approval".
    for i in range(es - 1, max(cs, es - 4) - 1, -1):
        if words[i] in ("since", "following", "after", "post"):
            # ... but not as the condition of a plan: "a bill to legalize MDMA after federal
            # approval", "will be legal after approval".
            if words[i] != "since" and any(w in ("to", "will", "would", "could", "'ll") for w in words[cs:i]):
                return None
            return "done"
    # An event noun obtained: "received approval", "won the green light", "got the nod", "landed
    # one of the agency's new vouchers" (not across a comma or a new clause).
    crossed_and = False
    for i in range(es - 1, max(cs, es - OBTAIN_REACH) - 1, -1):
        if words[i] == "and" and not crossed_and:
            crossed_and = True  # two objects of one grant: "giving MDMA and psilocybin the green light"
            continue
        if words[i] in (",", ";", "and", "but", "which", "that", "who", "while"):
            break
        if words[i] in OBTAIN:
            if crossed_and and words[i] not in GRANTS:
                return None  # the "and" joined two clauses, not two objects of one grant
            if words[i] in OBTAIN_DONE:
                aux = _aux_before(words, cs, i)
                return None if aux == "modal" else "done"
            if words[i] in GRANTING_NOW and i - 1 >= cs and words[i - 1] in ("was", "were"):
                return "done"  # "news came that the TGA was giving MDMA the green light": the grant told as it went
            return None
    return None


# A grant in the past progressive is the grant made ("was giving it the green light"); "was getting"
# may be "getting ready", and is left alone.
GRANTING_NOW = {"giving", "granting", "awarding", "issuing"}
GRANTS = GRANTING_NOW | {"gave", "granted", "given", "awarded", "issued"}


def _progressive_after(words: list[str], ee: int, ce: int) -> bool:
    """The event's phrase is the subject of a present progressive or an "under way" state, past its
    head noun and a short "of ..." phrase: "the study of the drug is still enrolling", "trials are
    under way"."""
    i = ee
    while i < min(ce, ee + 6) and words[i] not in ("is", "are"):
        if words[i] in ("now", "still", "currently") and _in_progress_at(words, i + 1, ce):
            return True  # without a verb: "the Phase 3 trials now under way in three countries"
        if words[i] in ("has", "have") and _started_at(words, i + 1, ce):
            return True  # a start in the present perfect: "Phase 3 studies have now begun", so they run
        if not words[i].isalnum() or words[i] in ("and", "that", "which", "who", "but") or words[i].endswith("ed"):
            return False  # the phrase ends before any verb of its own
        i += 1
    if i >= ce or words[i] not in ("is", "are"):
        return False
    i += 1
    while i < ce and (words[i] in ADVERBS or words[i].endswith("ly")):  # "is simply taking longer"
        i += 1
    if i < ce and words[i].endswith("ing") and words[i] not in ("being", "going"):
        return True
    return _in_progress_at(words, i, ce)


STARTED = {"begun", "started", "commenced", "kicked"}


def _started_at(words: list[str], i: int, ce: int) -> bool:
    """"(has) now begun", "(have) already started" at token `i`: a start whose state holds now."""
    while i < ce and words[i] in ("now", "already", "just", "finally", "recently"):
        i += 1
    return i < ce and words[i] in STARTED


def _in_progress_at(words: list[str], i: int, ce: int) -> bool:
    """"under way", "underway", "ongoing", "in progress" at token `i`."""
    if i >= ce:
        return False
    w = words[i]
    if w == "in":
        return i + 1 < ce and words[i + 1] == "progress"
    if w == "under":
        return i + 1 < ce and words[i + 1] == "way"
    return w in IN_PROGRESS


COPULAS = {"is", "are", "was", "were", "be", "been", "being", "become", "becomes", "became", "remains", "remain",
           "stays", "'s", "as"}


def _generic_object(words: list[str], cs: int, es: int, prev: str, nxt: str) -> bool:
    """An indefinite "an FDA-approved drug" that a verb acts on ("compounders may copy an
    FDA-approved drug") names any such drug, not the sentence's subject; after a copula ("is an
    FDA-approved drug", "became an approved medicine") it says what the subject is."""
    d = es - 3 if prev == "-" else es - 1
    if d < cs or words[d] not in ("a", "an") or nxt not in PRODUCT_NOUNS or nxt.endswith("s"):
        return False
    before = words[d - 1] if d - 1 >= cs else ""
    return bool(before) and before.isalpha() and before not in COPULAS and before not in ("first", "only", "like")


def _object_follows(doc: Doc, words: list[str], at: int) -> bool:
    """Does a direct object start at `at`? A participle never takes one ("a drug approved last
    year", "treatments approved this month" carry a time, not an object)."""
    if at >= len(words):
        return False
    tok = doc[at]
    if tok.is_alpha and ((tok.is_upper and len(tok) > 1) or (tok.is_title and at > 0 and not doc[at - 1].is_title)) \
            and words[at] not in MONTH_WORDS and words[at] not in WEEKDAYS:
        # "rescheduled MDMA", "approved Wegovy" (not a headline's capitals); but a name that
        # modifies a plural product noun is part of the participle's noun phrase: "approved PTSD
        # medicines ease symptoms" names medicines that are approved, not something approved now.
        nxt = words[at + 1] if at + 1 < len(words) else ""
        return not (nxt in PRODUCT_NOUNS and nxt.endswith("s"))
    ahead = words[at + 1:at + 3]
    if any(x in TIME_NOUNS or x in MONTH_WORDS or x.isdigit() for x in ahead):
        return False
    return words[at] in OBJECT_STARTS


def _moved_into(words: list[str], cs: int, es: int, ee: int, doc: Doc | None, name_ends: set[int]) -> str | None:
    """A state reached by a verb done to something: "shifted the drug into Schedule III", "has been
    moved down to the list". The verb must be finite or have its auxiliary; an -ing form or an
    infinitive before it ("recommended moving it to ...", "lobbying to shift it to ...") is not."""
    i = es - 1
    determiner = i >= cs and words[i] in ("the", "a", "an")
    if determiner:
        i -= 1  # "moved it to the shortage list"
    if i < cs or words[i] not in ("into", "to", "onto"):
        return None
    # After a bare "to", only a numbered list ("to Schedule III", "to schedule 3") is a place
    # reached; "lobbied the agency to approve it", "Passed 1344 to Legalize MDMA" are infinitives.
    named = ee - es > 1 and (words[ee - 1].isdigit() or words[ee - 1] in ROMAN)
    if words[i] == "to" and not determiner and not named:
        return None
    i -= 1
    if i >= cs and words[i] in ("down", "back", "up"):
        i -= 1
    for j in range(i, max(cs, i - 4) - 1, -1):
        w = words[j]
        if w.endswith("ing") or w == "to" or w in (",", ";"):
            return None
        if w.endswith("s") and j > cs and words[j - 1] in SUBJECTS and w not in PRESENT_BE:
            return "done"  # a reporting present after its subject: "an executive order moves it down to ..."
        if not (w.endswith("ed") or w in IRREGULAR_PARTICIPLES or w in IRREGULAR_PAST):
            continue
        aux = _aux_before(words, cs, j)
        if aux in ("perfect", "past", "present"):
            return "done"
        if aux is None and j > cs and (words[j - 1] in SUBJECTS or j - 1 in name_ends
                                       or (doc is not None and doc[j - 1].is_title and doc[j - 1].is_alpha)):
            return "done"
        return None
    return None


def _coordinated_with_past(words: list[str], cs: int, es: int) -> bool:
    """Is the participle-looking verb at `es` the second of two past verbs ("went ahead and
    legalized", "met and voted")? Adverbs between are skipped."""
    i = es - 1
    while i >= cs and words[i] in ADVERBS:
        i -= 1
    if i < cs or words[i] not in ("and", "then"):
        return False
    for j in range(i - 1, max(cs, i - 4) - 1, -1):
        w = words[j]
        if w in IRREGULAR_PAST or (w.endswith("ed") and _aux_before(words, cs, j) is None and j > cs):
            return True
    return False


# Words that, between a clause's start and the verb, show the verb is not its opening subject's own
# (an auxiliary, a conjunction, a question word).
NOT_SUBJECT_WORDS = frozenset({"to", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "is",
                               "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "not",
                               "if", "when", "whether", "that", "which", "who", "what", "how", "why", "and", "or"})


def finite_after_subject(words: list[str], cs: int, es: int, ce: int, name_ends: set[int]) -> str | None:
    """"present" or "past" when the event is a finite verb right after its subject, a short noun
    phrase that opens the clause ("Ecstasy cures", "MDMA-assisted therapy cured", "it cures");
    None otherwise."""
    w = words[es]
    if es - 1 < cs or lemma_of(w) == w:
        return None
    if w.endswith("s"):
        if any(x in HABITUAL for x in words[cs:ce]):
            return None  # "usually cures": said of cases, not a state held
        if es + 1 < ce and words[es + 1] in NOT_SUBJECT_WORDS:
            return None  # "the FDA vouchers were announced": a plural noun, the subject of a verb after it
        tense = "present"
    elif w.endswith("ed") or w in IRREGULAR_PAST:
        tense = "past"
    else:
        return None
    if words[es - 1] in SUBJECTS or es - 1 in name_ends:
        return tense
    return tense if es - cs <= 5 and not any(x in NOT_SUBJECT_WORDS for x in words[cs:es]) else None
