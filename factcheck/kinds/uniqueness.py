"""Kind `uniqueness`: something called the first or the only one of its category when the record
says otherwise ("Rybelsus is the only oral GLP-1" after a second one was approved; "the Wegovy
pill, the first GLP-1 pill" when Rybelsus came first)."""

from __future__ import annotations

from factcheck.kinds.common import claim_for, sentence_of
from factcheck.kinds.facets import FIRST_WORDS, ONLY_WORDS, facet_phrases
from factcheck.kinds.vocabulary import PRO_FORMS, acts_of, listed_labels
from factcheck.knowledge.model import Rule
from factcheck.knowledge.rule_kinds import UniquenessSpec
from factcheck.lang.cues import Cue, practitioner_words
from factcheck.lang.layer import Analysis
from factcheck.lang.lemmas import lemma_of
from factcheck.lang.topic import title_sentence
from factcheck.nlp.claims import Claim

# Nouns that may follow a category without narrowing it ("oral GLP-1 receptor agonist therapy").
HEAD_NOUNS = {"receptor", "agonist", "agonists", "therapy", "therapies", "treatment", "treatments", "drug", "drugs",
              "medicine", "medicines", "medication", "medications", "pill", "pills", "tablet", "tablets", "option",
              "options", "product", "products"}
PAST_THE_CATEGORY = HEAD_NOUNS | {"both", "also", "now", "specifically", "officially"}
# Words that may stand between "the first/only" and the category ("the first and only
# FDA-approved oral GLP-1").
BETWEEN = {"the", "a", "an", "and", "ever", "approved", "fda-approved", "-", "fda", "us", "u.s.", "currently", "one",
           "licensed", "available", "marketed"}
LOOKBACK = 6  # tokens before the category where its "first"/"only" may stand
# After the category: a qualifier narrows it to another category ("the first GLP-1 pill for weight
# loss", "the only oral GLP-1 approved for obesity").
QUALIFIERS = {"for", "to", "approved", "indicated", "cleared", "licensed", "that", "which", "with", "in", "made",
              "designed", "meant", "intended", "aimed", "specifically", "developed", "built"}
# A condition in the sentence ("if the pill is cleared it will be the first ...") asserts nothing.
CONDITIONS = {"if", "unless", "should", "would", "whether"}
# "was the only ...", "before it, Rybelsus was the only ...": a state that held then.
PAST_MARKERS = {"was", "were", "had", "before", "until", "till", "then", "once", "previously", "formerly", "used"}
# "it", "this", or a definite noun ("the pill") standing for a member named before.
ANAPHORS = {"it", "its", "this", "the", "that"}
BACK_SENTENCES = 2
AS_MEDICINE = {"medicine", "medicines", "medication", "medications"}


class UniquenessRule:
    def __init__(self, rule: Rule) -> None:
        assert isinstance(rule.spec, UniquenessSpec)
        self.rule, self.spec = rule, rule.spec
        # Each member's labels: its @terms and its own phrases.
        self.member_labels = [listed_labels(m.subject, f"MEMBER:{rule.id}:{i}") for i, m in enumerate(self.spec.members)]
        self.acts = acts_of(self.spec.category)
        self.facet_labels = [f"FACET:{rule.id}:{i}" for i in range(len(self.spec.facets))]
        # The nouns a phrase of features may be headed by: the generic ones and the category's own
        # ("GLP-1" of "oral GLP-1", "pill" of "weight-loss pill").
        self.heads = HEAD_NOUNS | {p.partition(" for ")[0].split()[-1].lower() for p in self.spec.category}

    def claims(self, an: Analysis) -> list[Claim]:
        out: list[Claim] = []
        label = f"CATEGORY:{self.rule.id}"
        mentions = [c for c in an.cues if c.label == label]
        for c in mentions:
            if any(o is not c and o.start <= c.start and c.end <= o.end and (o.start, o.end) != (c.start, c.end)
                   for o in mentions):
                continue  # "oral GLP-1" inside "oral GLP-1 receptor agonist": the longest name is the category
            sent = sentence_of(an, c.start)
            if sent is None:
                continue
            word = self._uniqueness_word(an, c, sent)
            if word is None or self._qualified(an, c, sent) \
                    or any(an.doc[i].lower_ in CONDITIONS for i in range(sent[0], word)):
                continue
            says_only = an.doc[word].lower_ in ONLY_WORDS or self._first_and_only(an, word, c)
            says_first = an.doc[word].lower_ in FIRST_WORDS
            if self.spec.says == "only" and (not says_only or self._told_as_past(an, word, sent)):
                continue
            if self.spec.says == "first" and not says_first:
                continue
            if self._pro_form(an, c) and not self._act_told_before(an, sent, word):
                continue  # "the first country to do so": only where the act it stands for is one of ours
            member = self._member(an, c, sent)
            if member is None:
                continue
            if self.spec.says == "first" and member == 0:
                continue  # the first one called the first: right
            out.append(claim_for(an, word, c.end, sent, self.rule))
        if self.facet_labels:
            out += self._facet_claims(an, {cl.start for cl in out})
        return out

    def _facet_claims(self, an: Analysis, taken: set[int]) -> list[Claim]:
        """The category told by its features ("the only drug for weight loss that is swallowed as
        a pill"), read as a phrase of the category is (kinds/facets.py)."""
        out: list[Claim] = []
        # (the sentences holding the first feature, from the index by label: no walk over every cue)
        sents = {an.sentence_at(an.cues[i].start) for i in an.cue_index().get(self.facet_labels[0], ())}
        for sent in sorted(s for s in sents if s is not None):
            for ph in facet_phrases(an, sent, self.facet_labels, self.heads):
                start = an.doc[ph.word].idx
                if start in taken or any(an.doc[i].lower_ in CONDITIONS for i in range(sent[0], ph.word)):
                    continue
                if self.spec.says == "only" and (not ph.says_only or self._told_as_past(an, ph.word, sent)):
                    continue
                if self.spec.says == "first" and an.doc[ph.word].lower_ not in FIRST_WORDS:
                    continue
                span = Cue(f"CATEGORY:{self.rule.id}", ph.word + 1, ph.end)
                member = self._member(an, span, sent, anaphoric=ph.anaphoric)
                if member is None or (self.spec.says == "first" and member == 0):
                    continue
                out.append(claim_for(an, ph.word - 1 if ph.anaphoric else ph.word, ph.end, sent, self.rule))
        return out

    @staticmethod
    def _pro_form(an: Analysis, c: Cue) -> bool:
        text = an.doc[c.start:c.end].text.lower()
        return any(text.endswith(p) for p in PRO_FORMS)

    def _act_told_before(self, an: Analysis, sent: tuple[int, int], word: int) -> bool:
        """The act a pro-form stands for, told earlier in its sentence or in the one before: one of
        the category's verbs ("legalised", "approve"), not another act ("let psychiatrists prescribe")."""
        idx = an.sentence_index(sent)
        lo = an.sentences[idx - 1][0] if idx > 0 else sent[0]
        doc = an.doc
        practitioners = practitioner_words()
        for i in range(lo, word):
            if lemma_of(doc[i].lower_) in self.acts:
                if i + 1 < len(doc) and (doc[i + 1].lower_ in practitioners or doc[i + 1].lower_.startswith("prescriber")):
                    continue  # a participle naming who may act ("authorised psychiatrists prescribe"), not the act
                return True
            # an act of recognising told with "as medicines" ("allowing psychedelics as medicines")
            if doc[i].lower_ == "as" and any(doc[k].lower_ in AS_MEDICINE for k in range(i + 1, min(word, i + 3))):
                return True
        return False

    def _uniqueness_word(self, an: Analysis, c: Cue, sent: tuple[int, int]) -> int | None:
        """The token of "first", "only", "sole" or "lone" that opens the category's noun phrase."""
        doc = an.doc
        k = c.start - 1
        while k >= sent[0] and c.start - k <= LOOKBACK:
            w = doc[k].lower_
            if w in ONLY_WORDS or w in FIRST_WORDS:
                # "one of the first to ...", "among the first": one of several, no uniqueness
                before = [doc[i].lower_ for i in range(max(sent[0], k - 5), k)]
                if ("one" in before[-4:] and "of" in before[-3:]) or "among" in before[-3:]:
                    return None
                return k
            if w not in BETWEEN:
                return None
            k -= 1
        return None

    @staticmethod
    def _first_and_only(an: Analysis, word: int, c: Cue) -> bool:
        return any(an.doc[i].lower_ in ONLY_WORDS for i in range(word, c.start))

    @staticmethod
    def _qualified(an: Analysis, c: Cue, sent: tuple[int, int]) -> bool:
        k = c.end
        # "the first GLP-1 tablet both for weight loss and for heart risk": past the linking word,
        # and past a head noun the category leaves out ("the first oral GLP-1 treatment indicated for ...")
        while k < sent[1] and an.doc[k].lower_ in PAST_THE_CATEGORY:
            k += 1
        if k >= sent[1]:
            return False
        nxt = an.doc[k]
        return nxt.lower_ in QUALIFIERS or (nxt.lower_.endswith("ed") and nxt.is_alpha)

    @staticmethod
    def _told_as_past(an: Analysis, word: int, sent: tuple[int, int]) -> bool:
        return any(an.doc[i].lower_ in PAST_MARKERS for i in range(sent[0], word))

    def _member(self, an: Analysis, c: Cue, sent: tuple[int, int], anaphoric: bool = False) -> int | None:
        """Which member the sentence calls first or only: the member named nearest the category in
        its sentence, or, for "it", "the pill", the one named last in the sentences before."""
        found = self._nearest_member(an.cues_in(*sent), c)
        if found is not None:
            return found
        if not anaphoric and not any(an.doc[i].lower_ in ANAPHORS for i in range(sent[0], c.start)):
            return None
        idx = an.sentence_index(sent)
        spans = [an.sentences[idx - back] for back in range(1, BACK_SENTENCES + 1) if idx - back >= 0]
        title = title_sentence(an)
        if title is not None and title not in spans and title != sent:
            spans.append(title)  # the title ("The Wegovy pill has launched: ...")
        for s in spans:
            cues = [x for x in an.cues_in(*s) if self._member_of(x) is not None]
            if cues:
                return self._member_of(max(cues, key=lambda x: x.start))
        return None

    def _nearest_member(self, cues: list[Cue], c: Cue) -> int | None:
        best: tuple[int, int] | None = None
        for x in cues:
            m = self._member_of(x)
            if m is None or (x.start < c.end and c.start < x.end):
                continue
            dist = c.start - x.end if x.end <= c.start else x.start - c.end
            if best is None or dist < best[0]:
                best = (dist, m)
        return best[1] if best else None

    def _member_of(self, cue: Cue) -> int | None:
        for i, labels in enumerate(self.member_labels):
            if cue.label in labels:
                return i
        return None
