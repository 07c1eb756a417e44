"""How a sentence holds an event: done, pending, expected, refused, negated, hypothetical, or a
forecast told as history.

Read from the words around the event inside its clause (see `clauses`): the generic stance cues,
auxiliaries and tense, modals, negators and conditionals. Written once for every rule and every
pack: a rule says which stances make a statement wrong ("approval held as expected or pending"),
never which wordings do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.attrs import LOWER
from spacy.tokens import Doc

from factcheck.lang.cues import Cue
from factcheck.lang.lemmas import lemma_of
from factcheck.lang.text import doc_text
from factcheck.lang.timex import TimeExpr, is_future

STANCES = ("done", "pending", "expected", "refused", "negated", "hypothetical", "past-forecast", "current", "none")

INTERROGATIVES = {"is", "are", "was", "were", "will", "would", "can", "could", "should", "does", "do", "did", "has",
                  "have", "what", "when", "why", "how", "who", "which", "where", "whether", "may", "might", "shall"}
PRESENT_BE = {"is", "are", "am", "'s", "remains", "remain", "stays", "stay", "seems", "seem", "looks", "look",
              "appears", "appear", "sits", "sit", "becomes", "become", "now", "feels", "sounds"}
PAST_BE = {"was", "were", "seemed", "looked", "appeared", "remained", "stayed", "became", "sat", "felt", "sounded"}
PERFECT = {"has", "have", "'ve"}
PAST_PERFECT = {"had", "'d"}
FUTURE_MODALS = {"will", "'ll", "shall", "could", "may", "might", "should", "wo", "going", "gonna"}
ADVERBS = {"currently", "presently", "actively", "now", "finally", "officially", "already", "just", "recently", "fully", "formally", "quietly", "also",
           "still", "soon", "widely", "generally", "increasingly", "very", "so", "quite", "pretty", "really",
           "likely", "probably", "almost", "nearly", "all", "but", "well", "eventually", "ultimately", "once",
           "reportedly", "apparently", "indeed", "then", "first", "even", "being", "getting", "broadly"}
# Verbs that take an event noun as something obtained ("received approval", "won the green light").
OBTAIN = {"receive", "received", "receives", "receiving", "win", "won", "wins", "winning", "gain", "gained", "gains",
          "gaining", "get", "got", "gets", "getting", "gotten", "secure", "secured", "secures", "securing", "obtain",
          "obtained", "obtains", "obtaining", "earn", "earned", "earns", "earning", "land", "landed", "lands",
          "landing", "grant", "granted", "grants", "granting", "give", "gave", "given", "gives", "giving", "clinch",
          "clinched", "achieve", "achieved", "award", "awarded", "issue", "issued"}
OBTAIN_DONE = {"received", "won", "gained", "got", "gotten", "secured", "obtained", "earned", "landed", "granted",
               "gave", "given", "clinched", "achieved", "awarded", "issued"}
IRREGULAR_PARTICIPLES = {"lit", "green-lit", "given", "won", "got", "gotten", "made", "become", "done", "set"}
# Verb cues of forecasting whose tense decides between a live forecast and history.
FORECAST_VERBS = {"expect", "anticipate", "predict", "project", "forecast", "tip", "hope", "slate", "poise", "head",
                  "set", "schedule", "destine", "plan"}
CONDITIONAL_OPENERS = {"if", "unless", "whether", "before", "until", "till", "once", "should", "lest"}
REQUIREMENT = {"need", "needs", "needed", "require", "requires", "required", "requirement", "necessary", "must",
               "condition", "prerequisite"}
SECTION_DETERMINERS = {"any", "no", "eventual", "possible", "potential", "future", "conditional", "hypothetical"}
# Nouns an approved-thing adjective describes when it speaks of a product, not a person or place.
PRODUCT_NOUNS = {"drug", "drugs", "treatment", "treatments", "therapy", "therapies", "medicine", "medicines",
                 "medication", "medications", "psychedelic", "psychedelics", "product", "option", "options", "use",
                 "indication", "capsule", "capsules", "compound", "version", "form"}
# Words that can be the subject right before a finite past verb ("the FDA approved", "regulators approved").
SUBJECTS = {"fda", "agency", "regulators", "regulator", "it", "they", "government", "authorities", "who", "which",
            "that", "tga", "ema", "mhra", "canada", "australia", "panel", "committee", "officials", "state",
            "congress", "dea", "ministry", "commission"}
PROSPECT_NEAR = 10
# Verbs that hold a state ("is in shortage", "remains on the list", "stays in Schedule I").
STATE_VERBS = {"is", "are", "'s", "remains", "remain", "stays", "stay", "was", "were", "remained", "stayed"}
# Words after "expected"/"scheduled" that show a participle ("a decision expected in August"),
# not a finite past verb with an object ("analysts expected approval").
PARTICIPLE_FOLLOWERS = {"in", "by", "on", "at", "to", "for", "within", "before", "soon", "shortly", "later", "next",
                        "this", "early", "mid", "late", "around", "sometime", "as", "imminently", ",", ".", ";", ")"}  # tokens between an event and a stance cue that still read as one statement


@dataclass
class Stance:
    """The reading of one event mention."""

    stance: str
    cue: Cue | None = None  # the stance cue that decided it, if any
    negated: bool = False
    question: bool = False
    attributed: bool = False
    attribution: str | None = None  # who says so ("analysts", "the company"), when the text names them
    quoted: bool = False  # inside quotation marks
    meta: bool = False  # reported in order to be corrected ("Myth: ...", "a common error is to say ...")
    hedged: bool = False
    times: list[TimeExpr] = field(default_factory=list)
    framing_year: int | None = None  # "In 2023, ..." opening the clause


def read_stance(doc: Doc, sent: tuple[int, int], clause: tuple[int, int], event: Cue, cues: list[Cue],
                times: list[TimeExpr], doc_date: date | None) -> Stance:
    """The stance of `event` (a cue inside `clause`, inside sentence `sent`)."""
    cs, ce = clause
    inside = [c for c in cues if cs <= c.start and c.end <= ce and c is not event]
    words = _words(doc)
    out = Stance("none")
    last = doc[sent[1] - 1] if sent[1] > sent[0] else None
    ends_q = bool(last is not None and (last.text == "?" or (last.is_space and sent[1] - 2 >= sent[0]
                                                               and doc[sent[1] - 2].text == "?")))
    # A question asks about its own clause: "As it might be approved in 2024, will insurance pay?"
    # still asserts the forecast; "Is approval close?" does not.
    first = doc[sent[0]].lower_ if sent[1] > sent[0] else ""
    out.question = ends_q and (clause[1] >= sent[1] - 2 or first in INTERROGATIVES)
    out.hedged = any(c.label == "HEDGE" for c in inside)
    out.times = [t for t in times if doc[cs].idx <= t.start < doc[ce - 1].idx + len(doc[ce - 1])]
    out.framing_year = _framing_year(doc, cs, out.times)
    _attribution(doc, sent, clause, event, cues, out)
    out.quoted = _in_quotes(doc, sent, event.start)
    out.meta = any(c.label == "META" for c in cues if sent[0] <= c.start < sent[1])
    if (out.attributed or out.quoted) and out.framing_year is None:
        # "“We are close to approval,” the CEO said in 2023": the report's own date frames it.
        reports = [doc[c.end - 1].idx + len(doc[c.end - 1]) for c in cues
                   if c.label == "ATTR" and sent[0] <= c.start < sent[1]]
        c0, c1 = doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1])
        years = [t.year for t in times if not t.relative and t.year and not c0 <= t.start < c1
                 and any(0 <= t.start - r <= 30 for r in reports)]
        out.framing_year = min(years) if years else None

    es, ee = event.start, event.end

    def near(c: Cue, n: int = PROSPECT_NEAR) -> bool:
        return abs(c.start - es) <= n or abs(c.end - ee) <= n

    def negated_between(a: int, b: int) -> bool:
        lo, hi = min(a, b), max(a, b)
        for c in inside:
            if c.label != "NEG":
                continue
            if lo - 6 <= c.start <= hi and not _harmless_negation(words, c):
                return True
        return False

    # Refused: "declined to approve", "rejected the application", "a complete response letter".
    refused = [c for c in inside if c.label == "ST:refused" and near(c, 12)]
    if refused and not negated_between(refused[0].start, refused[0].start):
        out.stance, out.cue = "refused", refused[0]
        return out

    # Conditional or counterfactual frames: "if approved", "before approval could be considered",
    # "approval would require another trial", "any approval".
    if _hypothetical(words, cs, es, inside):
        out.stance = "hypothetical"
        return out

    prospects = [c for c in inside if c.label == "ST:expected" and near(c)]
    pendings = [c for c in inside if c.label == "ST:pending" and near(c)]
    modal = _modal_before(words, cs, es, ce)
    future_time = [t for t in out.times if is_future(t, doc_date)]

    if prospects:
        cue = min(prospects, key=lambda c: abs(c.start - es))
        out.cue = cue
        if negated_between(cue.start, es):
            out.stance, out.negated = "negated", True
        elif _past_framed(doc, words, cs, cue, inside):
            out.stance = "past-forecast"
        else:
            out.stance = "expected"
        return out
    if pendings:
        cue = min(pendings, key=lambda c: abs(c.start - es))
        out.cue = cue
        if negated_between(cue.start, es):
            out.stance, out.negated = "negated", True
        elif _past_aux(words, cs, cue.start):
            out.stance = "past-forecast"
        else:
            out.stance = "pending"
        return out
    # A scheduled date stated in the present: "the PDUFA date is August 11".
    if words[ee - 1] == "date" and ee < ce and words[ee] in ("is", "falls", "'s", "lands", "remains"):
        out.stance = "negated" if negated_between(es, ee) else "expected"
        return out
    # In progress: "the agency is weighing the request", "regulators are reviewing it", "the
    # filing is being evaluated".
    ev_word = words[es]
    if es - 2 >= cs and words[es - 1] == "to" and words[es - 2] in ("has", "have", "needs", "need", "must") \
            and not negated_between(es - 3, es):
        out.stance = "pending"  # "the FDA now has to decide"
        return out
    if (_in_hands(words, cs, ce) or _with_authority(words, inside, es, ce)) and not _past_aux(words, cs, es):
        # "the application is now in the FDA's hands"
        out.stance = "negated" if negated_between(es, es) else "pending"
        return out
    if "under" in words[max(cs, es - 3):es] and not _past_aux(words, cs, words.index("under", max(cs, es - 3), es)):
        # "under FDA review", "under priority review"
        out.stance = "negated" if negated_between(es, es) else "pending"
        return out
    if es - 1 >= cs and words[es - 1] == "being" and not _past_aux(words, cs, es - 1):
        out.stance = "negated" if negated_between(es, es) else "pending"
        return out
    if ev_word.endswith("ing") and es > cs and _aux_before(words, cs, es) in ("present", "perfect"):
        out.stance = "negated" if negated_between(es, es) else "pending"
        return out
    if modal:
        if modal == "would":
            out.stance = "hypothetical"
        elif negated_between(es - 4, es):
            out.stance, out.negated = "negated", True
        else:
            out.stance = "expected" if modal != "past" else "past-forecast"
        return out
    if future_time and not _past_aux(words, cs, es) and not _past_verb_before(words, cs, es) \
            and words[ee - 1] != "date":  # "with a target date of August 11" states the schedule
        out.stance = "negated" if negated_between(es, es) else "expected"
        return out
    done = _done(words, cs, es, ee, doc)
    if done:
        out.stance = "negated" if negated_between(es, es) or done == "negated" else "done"
        out.negated = out.stance == "negated"
        return out
    # "has yet to decide", "is yet to rule": still to come.
    if any(words[i] == "yet" and i + 1 < len(words) and words[i + 1] == "to" for i in range(max(cs, es - 4), es)):
        out.stance = "pending"
        return out
    aux = _aux_before(words, cs, es)
    if aux != "present":
        # A state held now: "is still in shortage", "remains on the FDA's shortage list".
        for i in range(es - 1, max(cs, es - 7) - 1, -1):
            if words[i] in STATE_VERBS:
                aux = "past" if words[i] in PAST_BE else "present"
                break
            if words[i] in (",", ";", "and", "but", "because", "since"):
                break
    if aux == "past":
        out.stance = "past-forecast"  # "the goal was approval by 2021": told as history
    elif aux == "present" and not negated_between(es, es):
        out.stance = "current"
    elif negated_between(es, es):
        out.stance, out.negated = "negated", True
    return out


def _words(doc: Doc) -> list[str]:
    """Lower-case token texts with curly apostrophes straightened ("it’s" reads as "it's"), once per Doc."""
    cached = doc.user_data.get("factcheck_words")
    if cached is None or len(cached) != len(doc):
        # Read as one column of string ids: iterating the Doc makes a Token object per token.
        strings = doc.vocab.strings
        memo: dict[int, str] = {}
        cached = []
        for h in doc.to_array(LOWER).tolist():
            w = memo.get(h)
            if w is None:
                w = memo[h] = strings[h].replace("’", "'")
            cached.append(w)
        doc.user_data["factcheck_words"] = cached
    return cached


def _with_authority(words: list[str], inside: list[Cue], es: int, ce: int) -> bool:
    """"the dossier is with the FDA", "the application now sits before regulators"."""
    for i in range(es + 1, min(ce, es + 5)):
        if words[i] in ("with", "before") and words[i - 1] in PRESENT_BE | {"now", "still", "currently"}:
            return any((c.label == "AUTH" or c.label.startswith("JUR:")) and i < c.start <= i + 4 for c in inside)
    return False


def _in_hands(words: list[str], cs: int, ce: int) -> bool:
    """"in the agency's hands", "in regulators' hands": pending with whoever holds it."""
    for i in range(cs, ce):
        if words[i] == "in" and "hands" in words[i + 1:min(ce, i + 6)]:
            return True
    return False


def _harmless_negation(words: list[str], c: Cue) -> bool:
    """Negators that do not negate the statement: "not only", "no later than", "no doubt"."""
    nxt = words[c.end] if c.end < len(words) else ""
    if words[c.start] == "not" and nxt in ("only", "just", "least"):
        return True
    if words[c.start] == "no" and nxt in ("later", "sooner", "doubt", "one", "wonder"):
        return True
    return False


def _aux_before(words: list[str], cs: int, at: int) -> str | None:
    """The tense of the auxiliary or copula governing the word at `at`, skipping adverbs."""
    i = at - 1
    while i >= cs and (words[i] in ADVERBS or words[i] in ("not", "n't", "never", "been", "be", "being", "to")):
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
    if w in PRESENT_BE:
        return "present"
    if w in PERFECT:
        return "perfect"
    if w in PAST_BE or w in PAST_PERFECT:
        return "past"
    if w in FUTURE_MODALS or w in ("would", "can"):
        return "modal"
    return None


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


def _past_framed(doc: Doc, words: list[str], cs: int, cue: Cue, inside: list[Cue]) -> bool:
    """A forecast told as history: "approval was expected", "seemed close", "analysts predicted"."""
    if any(c.label == "ST:past" for c in inside):
        return True
    aux = _aux_before(words, cs, cue.start)
    if aux == "past":
        return True
    if aux in ("present", "perfect", "modal"):
        return False
    w = words[cue.start]
    tag = doc[cue.start].tag_
    if tag in ("VBD", "VBN") and w.endswith("ed"):
        # The parser tells a finite past verb ("analysts predicted approval") from a participle
        # ("a decision expected in August"), where it has read the sentence.
        return tag == "VBD"
    if w.endswith("ed") and lemma_of(w) in FORECAST_VERBS:
        # "Analysts predicted approval by 2021": a finite past verb after its subject, with an
        # object; "a decision expected in August" is a participle (passive, present).
        prev = words[cue.start - 1] if cue.start - 1 >= cs else ""
        nxt = words[cue.end] if cue.end < len(words) else ""
        if nxt in PARTICIPLE_FOLLOWERS:
            return False
        return prev not in ("is", "are", "'s", "be", "been", "being", "widely", "generally", "now") and cue.start > cs
    return False


def _modal_before(words: list[str], cs: int, es: int, ce: int | None = None) -> str | None:
    """A modal or future auxiliary governing the event: "will approve", "could be approved",
    "may soon win approval" (up to five words before it, not across another verb group), or
    right after an event noun that is the subject ("approval could come by 2021")."""
    if ce is not None and not words[es].endswith("ed"):
        for i in range(es + 1, min(ce, es + 4)):
            w = words[i]
            if w in FUTURE_MODALS and w != "going":
                return w
            if w in ("would", "'d"):
                return "would"
            if w in (",", ";", "."):
                break
    for i in range(es - 1, max(cs, es - 6) - 1, -1):
        w = words[i]
        if w in ("would", "'d") and i + 1 < len(words) and words[i + 1] != "have":
            return "would"
        if w == "going" and i + 1 < len(words) and words[i + 1] == "to":
            return "past" if i > cs and words[i - 1] in ("was", "were") else "will"
        if w in FUTURE_MODALS and w != "going":
            return w
        if w in (".", ",", ";", "and", "but", "by", "with") and i < es - 1:
            return None
        # Another verb between the modal and the event takes the modal: "should be supervised
        # by licensed therapists" (but "could soon win approval", "may become a legal drug").
        if i < es - 1 and (w.endswith("ed") or w.endswith("ing")) and w not in OBTAIN and w not in (
                "being", "getting", "becoming", "expected", "anticipated", "predicted", "projected", "tipped"):
            return None
    return None


def _hypothetical(words: list[str], cs: int, es: int, inside: list[Cue]) -> bool:
    opener = words[cs] if cs < len(words) else ""
    if opener in CONDITIONAL_OPENERS:
        return True
    # "if the studies succeed, therapists could prescribe it by 2021": the condition ends at its
    # comma and the main clause still forecasts.
    if any(c.label == "HYP" and c.start < es and words[c.start] != "would" and "," not in words[c.start:es]
           for c in inside):
        return True
    before = words[max(cs, es - 4):es]
    if es - 2 >= cs and words[es - 1] == "to" and words[es - 2] in ("has", "have", "needs", "need", "must"):
        return False  # an obligation to act ("the FDA now has to decide") is pending, not hypothetical
    if any(w in REQUIREMENT for w in before) or any(w in SECTION_DETERMINERS for w in words[max(cs, es - 2):es]):
        return True
    # "before approval", "until approval", "without approval", "for approval" after a requirement
    if es - 1 >= cs and words[es - 1] in ("before", "until", "till", "pending", "without"):
        return True
    # "approval of any treatment", "approval for no drug"
    if any(w in ("any", "no") for w in words[es + 1:es + 4]) and "of" in words[es + 1:es + 3]:
        return True
    return bool(any(w in REQUIREMENT for w in words[cs:es]))


def _done(words: list[str], cs: int, es: int, ee: int, doc: Doc | None = None) -> str | None:
    """The event held as having happened: "has been approved", "was approved", "received approval",
    "the FDA approved it", "an FDA-approved treatment"."""
    w = words[es]
    if doc is not None and doc[es].tag_ == "VBD" and not _aux_before(words, cs, es) == "modal":
        return "done"  # the parser read a finite past verb: "the agency approved it"
    participle = w.endswith("ed") or w in IRREGULAR_PARTICIPLES or words[ee - 1].endswith("ed")
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
        if prev == "-" or prev in ("an", "the", "a", "first", "only", "newly", "now", "fully"):
            # attributive: "an FDA-approved drug", "the first approved psychedelic"
            return "done" if nxt in PRODUCT_NOUNS or prev == "-" else None
        if prev in SUBJECTS:
            return "done"  # a finite past verb after its subject: "the FDA approved it"
        return None
    # A participle with its agent: "approved by the FDA last year", "cleared by regulators".
    if participle and ee < len(words) and words[ee] == "by":
        return "done"
    # Presupposed: "since its approval", "following FDA approval", "after the FDA's approval".
    for i in range(es - 1, max(cs, es - 4) - 1, -1):
        if words[i] in ("since", "following", "after", "post"):
            return "done"
    # An event noun obtained: "received approval", "won the green light", "got the nod".
    for i in range(es - 1, max(cs, es - 5) - 1, -1):
        if words[i] in OBTAIN:
            if words[i] in OBTAIN_DONE:
                aux = _aux_before(words, cs, i)
                return None if aux == "modal" else "done"
            return None
    return None


def _framing_year(doc: Doc, cs: int, times: list[TimeExpr]) -> int | None:
    """A year that opens the clause ("In 2023, ...", "Back in 2019", "By early 2024")."""
    if not times:
        return None
    t = times[0]
    head = doc_text(doc)[doc[cs].idx:t.start].strip().lower()
    if head in ("", "in", "back in", "as of", "during", "throughout", "until", "through", "at the end of",
                "at the start of", "in early", "in late", "in mid", "since") and not t.relative:
        return t.year
    return None


def _attribution(doc: Doc, sent: tuple[int, int], clause: tuple[int, int], event: Cue, cues: list[Cue],
                 out: Stance) -> None:
    """Is the statement someone's (`says`, `according to`, `analysts expect`)? Who?"""
    attrs = [c for c in cues if c.label == "ATTR" and sent[0] <= c.start < sent[1]]
    for c in attrs:
        word = doc[c.start].lower_
        prev_word = doc[c.start - 1].lower_ if c.start > sent[0] else ""
        if prev_word in NOUN_MARKERS:
            continue  # "shows great promise", "a plan", "the hope": a noun, not a report
        # A forecasting verb right next to the event is the stance, not a report ("approval is expected").
        if c.start >= clause[0] and c.end <= clause[1] and abs(c.start - event.start) <= 2 and word != "says":
            prev = doc[c.start - 1].lower_ if c.start > 0 else ""
            if prev in PRESENT_BE | PAST_BE | {"be", "been", "widely", "now", "generally"}:
                continue
        if c.start == event.end and word not in ("says", "said"):
            continue  # a participle after the event noun is its stance: "a decision expected in August"
        subject = _subject_before(doc, sent[0], c.start)
        if c.label == "ATTR" and doc[c.start:c.end].text.lower().startswith("according"):
            # "according to the maker, ...": the speaker ends at the first punctuation mark.
            stop = next((i for i in range(c.end, min(c.end + 4, sent[1])) if doc[i].is_punct), min(c.end + 4, sent[1]))
            subject = doc[c.end:stop].text
        if subject or doc[c.start:c.end].text.lower().startswith("according"):
            out.attributed = True
            out.attribution = subject
            return


NOUN_MARKERS = {"a", "an", "the", "its", "their", "his", "her", "our", "great", "much", "some", "this", "that",
                "no", "any", "big", "high", "early", "initial", "new", "strong"}
SUBORDINATORS = {"while", "although", "though", "if", "because", "since", "as", "when", "whereas", "unless"}


def _subject_before(doc: Doc, start: int, at: int) -> str | None:
    """The words naming who speaks, just before a reporting verb ("Lykos says", "analysts expect")."""
    toks = []
    i = at - 1
    while i >= start and len(toks) < 6:
        t = doc[i]
        if t.is_punct and t.text not in ("'s", "'"):
            break
        if t.lower_ in ("that", "which", "it", "is", "are", "was", "were", "be", "to", "will", "would", "and"):
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


def _in_quotes(doc: Doc, sent: tuple[int, int], at: int) -> bool:
    """Is token `at` inside quotation marks opened in its sentence?"""
    depth = 0
    straight = 0
    for t in doc[sent[0]:at]:
        if t.text in OPEN_QUOTES:
            depth += 1
        elif t.text in CLOSE_QUOTES and depth:
            depth -= 1
        elif t.text == '"':
            straight += 1
    return depth > 0 or straight % 2 == 1
