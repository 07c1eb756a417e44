"""Kind `name`: a registered name printed wrong ("Federal Drug Administration"), an acronym
spelled out as something else ("the FDA (Food and Drug Agency)"), the name followed by another
acronym ("the Department of Health and Human Services (DHS)"), or a coined one-word alias
misspelt by one letter ("Lycos" for "Lykos", listed in the rule's `wrong` forms or not), or a
former name given as the current one ("MAPS PBC, now called Lykos" after Lykos was renamed)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress

from spacy.tokens import Doc

from factcheck.kinds.common import claim_for, sentence_of
from factcheck.kinds.described_now import described_now, present_verb
from factcheck.knowledge.model import Rule
from factcheck.knowledge.rule_kinds import NameSpec
from factcheck.lang.cues import Cue
from factcheck.lang.layer import Analysis
from factcheck.lang.lemmas import is_known_word
from factcheck.nlp.claims import Claim
from factcheck.nlp.spans import token_columns


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("&", "and")).strip()


class NameRule:
    def __init__(self, rule: Rule) -> None:
        assert isinstance(rule.spec, NameSpec)
        self.rule, self.spec = rule, rule.spec
        self.accepted = {_norm(n) for n in [self.spec.canonical, *self.spec.aliases]}
        # A one-word alias that is no English word is a coined name ("Lykos"): a one-letter
        # misspelling of it is the name printed wrong. (Words of longer names, such as
        # "Therapeutic", are too close to ordinary words.)
        self.coined = frozenset(a for a in self.spec.aliases if re.fullmatch(r"[A-Z][a-z]{4,}", a) and not is_known_word(a))
        self.labels = {f"NAME:{what}:{rule.id}" for what in ("wrong", "variant", "acronym", "canonical")}

    def claims(self, an: Analysis) -> list[Claim]:
        if self.spec.not_former:
            return self._not_former(an)
        out: list[Claim] = []
        for c in an.cues_labelled(self.labels):  # the page's cues naming this rule's name, in order
            sent = sentence_of(an, c.start)
            if sent is None:
                continue
            if c.label == f"NAME:wrong:{self.rule.id}":
                out.append(claim_for(an, c.start, c.end, sent, self.rule))
            elif c.label == f"NAME:variant:{self.rule.id}":
                # A generated variant only as a name, capitalised: "the American food and drug
                # authority" describes the agency, "the Food and Drug Authority" misnames it.
                if all(t.is_title or not t.is_alpha or (t.is_lower and len(t) <= 3) for t in an.doc[c.start:c.end]):
                    out.append(claim_for(an, c.start, c.end, sent, self.rule))
            elif c.label == f"NAME:acronym:{self.rule.id}" and self.spec.acronym:
                span = self._expansion(an, c.start, c.end)
                if span is not None:
                    out.append(claim_for(an, span[0], span[1], sent, self.rule))
            elif c.label == f"NAME:canonical:{self.rule.id}" and self.spec.acronym:
                span = self._other_acronym(an, c.end)
                if span is not None:
                    out.append(claim_for(an, c.start, span[1], sent, self.rule))
        if self.coined:
            out.extend(self._misspelt(an))
        if self.spec.former:
            out.extend(self._former_as_current(an))
        return out

    def _former_as_current(self, an: Analysis) -> list[Claim]:
        """A former name written as the bearer's name today. Left alone: a sentence that also
        gives the current name ("Resilient, formerly Lykos"), and history ("then called Lykos")."""
        out: list[Claim] = []
        prefix = f"NAME:former:{self.rule.id}:"
        current = f"NAME:canonical:{self.rule.id}"
        for c in an.cues_prefixed(prefix):
            sent = sentence_of(an, c.start)
            if sent is None or any(o.label == current for o in an.cues_in(*sent)):
                continue
            index = int(c.label[len(prefix):])
            if not (_now_named(an, c.start, sent) or self._named_before(an, c.end, index, sent)
                    or _today_subject(an, c.start, c.end, sent) or _first_person_at(an, c.start, c.end, sent)
                    or _present_relative(an, c.end, sent) or described_now(an.doc, c.start, c.end, sent)):
                continue
            claim = claim_for(an, c.start, c.end, sent, self.rule)
            claim.since = self.spec.former[index].end
            out.append(claim)
        return out

    def _not_former(self, an: Analysis) -> list[Claim]:
        """Another body's name given as the bearer's former name: "BEARER (formerly X)", "BEARER,
        previously known as the X", "X, now BEARER", "X renamed itself BEARER"."""
        out: list[Claim] = []
        label = f"NAME:notformer:{self.rule.id}"
        bearer = f"NAME:canonical:{self.rule.id}"
        for c in an.cues_labelled((label,)):
            sent = sentence_of(an, c.start)
            if sent is None or _inside_longer_name(an, c):
                continue  # "MAPS" inside "MAPS PBC" is the bearer's own name
            names = [o for o in an.cues_in(*sent) if o.label == bearer]
            start = _renamed_from_before(an, c.start, sent, {o.end for o in names})
            if start is not None:
                out.append(claim_for(an, start, c.end, sent, self.rule))
                continue
            longest: dict[int, int] = {}
            for o in names:
                longest[o.start] = max(o.end, longest.get(o.start, 0))
            end = _renamed_to_after(an, c.end, sent, longest)
            if end is not None:
                out.append(claim_for(an, c.start, end, sent, self.rule))
        return out

    def _named_before(self, an: Analysis, end: int, index: int, sent: tuple[int, int]) -> bool:
        """"OLD (formerly OLDER)", "OLD, previously known as OLDER": OLD given as the current
        name of what was once OLDER."""
        doc = an.doc
        k = end
        while k < sent[1] and k - end < 2 and doc[k].text in ("(", ",", "—", "–"):
            k += 1
        if k >= sent[1] or doc[k].lower_ not in RENAMED_FROM:
            return False
        k += 1
        while k < sent[1] and doc[k].lower_ in NAMING_WORDS:
            k += 1
        prefix = f"NAME:former:{self.rule.id}:"
        return any(o.start == k and o.label.startswith(prefix) and o.label != f"{prefix}{index}"
                   for o in an.cues_in(k, sent[1]))

    def _other_acronym(self, an: Analysis, end: int) -> tuple[int, int] | None:
        """"NAME (ACR)" where ACR is an acronym but not this name's."""
        doc = an.doc
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            acr = doc[end + 1].text
            if 2 <= len(acr) <= 6 and acr.isupper() and acr.isalpha() and acr != self.spec.acronym:
                return end + 1, end + 3
        return None

    def _second_word_misspelt(self, an: Analysis) -> list[Claim]:
        """"Lykos Therapeautics": the coined word right, the name's next word one or two letters
        off and no English word."""
        out: list[Claim] = []
        words = self.spec.canonical.split()
        if len(words) < 2 or words[0] not in self.coined:
            return out
        second = words[1]
        for i, text in _title_words(an.doc):
            if text != words[0] or i + 1 >= len(an.doc):
                continue
            nxt = an.doc[i + 1].text
            if nxt == second or not nxt[:1].isupper() or is_known_word(nxt) or _edits(nxt.lower(), second.lower()) > 2:
                continue
            sent = sentence_of(an, i)
            if sent is not None:
                out.append(claim_for(an, i, i + 2, sent, self.rule))
        return out

    def _misspelt(self, an: Analysis) -> list[Claim]:
        out: list[Claim] = self._second_word_misspelt(an)
        wrong_label = f"NAME:wrong:{self.rule.id}"
        wrong_starts = {c.start for c in an.cues_labelled((wrong_label,))}
        # One edit changes a length by one at most: only words that long can be a misspelling.
        lengths = {len(w) + d for w in self.coined for d in (-1, 0, 1)}
        for i, text in _title_words(an.doc):
            if text in self.coined or len(text) not in lengths:
                continue
            if i in wrong_starts or not _one_edit_from_any(text, self.coined) or is_known_word(text):
                continue
            sent = sentence_of(an, i)
            if sent is not None:
                out.append(claim_for(an, i, i + 1, sent, self.rule))
        return out

    def _expansion(self, an: Analysis, start: int, end: int) -> tuple[int, int] | None:
        """An expansion next to the acronym whose initials fit it but whose words are not the
        registered name: "Food and Drug Agency (FDA)" or "FDA (Federal Drug Administration)"."""
        doc = an.doc
        letters = len(self.spec.acronym or "")
        # "EXPANSION (ACR)": the capitalised words just before the bracket.
        if start >= 2 and doc[start - 1].text == "(" and end < len(doc) and doc[end].text == ")":
            j = start - 2
            words = []
            while j >= 0 and len(words) < letters + 3 and (doc[j].is_title or doc[j].lower_ in ("and", "of", "for", "&")):
                words.append(j)
                j -= 1
            while words and doc[min(words)].lower_ in ("the", "a", "an", "and", "of", "for", "&"):
                words.remove(min(words))  # "The" opening a sentence is capitalised, not part of the name
            if words:
                s, e = min(words), max(words) + 1
                return self._judge(doc[s:e].text, s, e)
        # "ACR (EXPANSION)"
        if end + 1 < len(doc) and doc[end].text == "(":
            k = end + 1
            while k < len(doc) and doc[k].text != ")" and k - end < letters + 5:
                k += 1
            if k < len(doc) and doc[k].text == ")":
                return self._judge(doc[end + 1:k].text, end + 1, k)
        return None

    def _judge(self, text: str, s: int, e: int) -> tuple[int, int] | None:
        norm = _norm(text)
        if not norm or norm in self.accepted or any(norm.endswith(a) or a.endswith(norm) for a in self.accepted):
            return None
        initials = "".join(w[0] for w in norm.split() if w not in ("and", "of", "for", "the"))
        if initials != (self.spec.acronym or "").lower():
            return None  # a different thing in brackets, not an expansion of this acronym
        return s, e


def _title_words(doc: Doc) -> list[tuple[int, str]]:
    """The tokens spelt like a name ("Lycos": a capital, then at least three lower-case letters),
    with their index; read once per Doc from the token columns for every name rule of every pack
    (a Token object per token per rule cost as much as the rest of the kind). Whether a spelling
    is name-shaped is kept by its string id across documents (`_NAME_SHAPED`): most words recur,
    and a C-level look-up per token replaces the tests."""
    found = doc.user_data.get(_TITLE_KEY)
    if found is None:
        cols = token_columns(doc)
        orths = cols.orth(0, len(cols.idx)).tolist()
        if len(_NAME_SHAPED) > _NAME_SHAPED_MAX:
            _NAME_SHAPED.clear()  # bounded: a long run meets ever more words
        shaped = list(map(_NAME_SHAPED.get, orths))
        if None in shaped:
            strings = doc.vocab.strings
            for i, flag in enumerate(shaped):
                if flag is None:
                    shaped[i] = _NAME_SHAPED[orths[i]] = _name_shaped(strings[orths[i]])
        text, idx, length = cols.text, cols.idx, cols.length
        found = [(i, text[idx[i] : idx[i] + length[i]]) for i in compress(range(len(shaped)), shaped)]
        doc.user_data[_TITLE_KEY] = found
    return found


def _name_shaped(word: str) -> bool:
    """A capital, then at least three characters, the cased ones lower-case."""
    return len(word) >= 4 and word[0].isupper() and word[1:].islower()


# String id of a token's text -> `_name_shaped` of it (a token's text is its spelling, ORTH).
_NAME_SHAPED: dict[int, bool] = {}
_NAME_SHAPED_MAX = 100_000


_TITLE_KEY = "factcheck_title_words"


# "now called", "now known as", "now renamed", "which is now": the words between "now" and a name.
NAMING_WORDS = {"called", "named", "known", "as", "renamed", "rebranded", "operating", "trading", "styled", "is",
                "the", "company", "firm"}
NAMING_VERBS = {"called", "named", "known", "renamed", "rebranded", "operating", "trading", "styled"}
NOW_WORDS = {"now", "today", "currently", "presently", "nowadays"}
RENAMED_FROM = {"formerly", "previously", "originally", "once", "earlier"}
HISTORY_WORDS = {"then", "later", "since", "subsequently", "eventually", "briefly", "until"}
FIRST_PERSON = {"we", "us", "our"}


RENAMED_TO = {"renamed", "rebranded", "became", "becoming", "reborn"}


def _inside_longer_name(an: Analysis, c: Cue) -> bool:
    return any(o.label.startswith("NAME:") and o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start
               for o in an.cues_in(max(0, c.start - 6), c.end + 6))


def _renamed_from_before(an: Analysis, start: int, sent: tuple[int, int], bearer_ends: set[int]) -> int | None:
    """"BEARER (formerly [known as] [the] X": the token where "formerly" stands, when a bearer name
    ends just before it."""
    doc = an.doc
    k = start - 1
    while k >= sent[0] and start - k <= 4 and doc[k].lower_ in NAMING_WORDS:
        k -= 1
    if k < sent[0] or doc[k].lower_ not in RENAMED_FROM:
        return None
    j = k
    while j - 1 >= sent[0] and k - j < 2 and doc[j - 1].text in ("(", ",", "—", "–"):
        j -= 1
    return k if j in bearer_ends else None


def _renamed_to_after(an: Analysis, end: int, sent: tuple[int, int], bearer_spans: dict[int, int]) -> int | None:
    """"X, now [called] BEARER", "X (now BEARER)", "X renamed itself BEARER", "X became BEARER":
    the end of the bearer's name."""
    doc = an.doc
    k = end
    while k < sent[1] and k - end < 2 and doc[k].text in ("(", ",", "—", "–"):
        k += 1
    if k >= sent[1] or doc[k].lower_ not in NOW_WORDS | RENAMED_TO:
        return None
    k += 1
    while k < sent[1] and (doc[k].lower_ in NAMING_WORDS or doc[k].lower_ in ("itself", "its", "name", "to")):
        k += 1
    return bearer_spans.get(k)


def _now_named(an: Analysis, start: int, sent: tuple[int, int]) -> bool:
    """"MAPS PBC, now renamed OLD", "(now OLD)", "the developer, today known as OLD"."""
    doc = an.doc
    k = start - 1
    while k >= sent[0] and start - k <= 4 and doc[k].lower_ in NAMING_WORDS:
        k -= 1
    if k < sent[0] or doc[k].lower_ not in NOW_WORDS:
        return False
    # "later Lykos and now ..." names a history; "until now" is no present.
    if k - 1 >= sent[0] and doc[k - 1].lower_ in HISTORY_WORDS:
        return False
    # A naming verb ("now called"), or "now" set off as an aside on an earlier name ("X (now OLD)",
    # "X, now OLD", "X, which is now OLD"); a bare "Today OLD ..." is read as a clause opener.
    named = any(doc[i].lower_ in NAMING_VERBS for i in range(k + 1, start))
    return named or (k - 1 >= sent[0] and doc[k - 1].lower_ in ("(", ",", "—", "–", "is", "are"))


def _today_subject(an: Analysis, start: int, end: int, sent: tuple[int, int]) -> bool:
    """"Today OLD is ...", "Now, OLD has ...": a clause opened by a word for the present, with the
    former name as its subject and a verb in the present tense."""
    doc = an.doc
    k = start - 1
    if k >= sent[0] and doc[k].text == ",":
        k -= 1
    if k < sent[0] or doc[k].lower_ not in NOW_WORDS or (k > sent[0] and doc[k - 1].text not in (",", ";", ":", "—")):
        return False
    return end < sent[1] and present_verb(doc[end].text)


SELF_DESCRIPTIONS = {"is", "remains", "describes", "calls", "bills", "brands", "styles", "presents", "defines"}


def _present_relative(an: Analysis, end: int, sent: tuple[int, int]) -> bool:
    """"OLD (ACR), which describes itself as ...", "OLD, which is developing ...": a relative clause
    in the present tense says what the bearer is now, under that name."""
    doc = an.doc
    k = end
    if k < sent[1] and doc[k].text == "(":
        close = next((j for j in range(k, min(sent[1], k + 8)) if doc[j].text == ")"), None)
        if close is None:
            return False
        k = close + 1
    if not (k + 2 < sent[1] and doc[k].text == "," and doc[k + 1].lower_ in ("which", "who")):
        return False
    k += 2
    while k < sent[1] and doc[k].lower_ in ("now", "still", "currently", "also", "today"):
        k += 1
    # What the bearer is or calls itself (not any present verb: "Lykos, which uses MDMA in therapy"
    # in a story about a deal is the deal's party, named as it was then).
    if k >= sent[1] or doc[k].lower_ not in SELF_DESCRIPTIONS:
        return False
    # "is" as a copula ("which is a clinical-stage company"), not an auxiliary ("which is asking")
    return not (doc[k].lower_ in ("is", "remains") and k + 1 < sent[1] and doc[k + 1].lower_.endswith("ing"))


def _first_person_at(an: Analysis, start: int, end: int, sent: tuple[int, int]) -> bool:
    """"We at OLD have ...", "here at OLD we ...": the bearer speaking of itself under the name,
    outside quotation marks (a quoted remark is the speaker's words on the day)."""
    doc = an.doc
    if start - 1 < sent[0] or doc[start - 1].lower_ != "at":
        return False
    before = start - 2 >= sent[0] and doc[start - 2].lower_ in FIRST_PERSON | {"here"}
    after = end + 1 < sent[1] and doc[end].text == "," and doc[end + 1].lower_ in FIRST_PERSON
    if not (before or after):
        return False
    return not any(doc[i].text in ('"', "“", "”") for i in range(sent[0], sent[1]))


@lru_cache(maxsize=16384)
def _one_edit_from_any(word: str, names: frozenset[str]) -> bool:
    """Is `word` one edit from one of `names`? Kept across documents: the same capitalised words
    (names, sentence openers) come back in page after page."""
    return any(_one_edit(word, name) for name in names)


def _one_edit(a: str, b: str) -> bool:
    """Are `a` and `b` one substitution, insertion, deletion or swap of neighbours apart?"""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1:]


def _edits(a: str, b: str) -> int:
    """Levenshtein distance, for two short words."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
