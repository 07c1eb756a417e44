"""Run a pack's typed rules over a Doc."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from factcheck.kinds.event_date import EventDateRule
from factcheck.kinds.indication import IndicationRule
from factcheck.kinds.ingredient import IngredientRule
from factcheck.kinds.jurisdiction import JurisdictionRule
from factcheck.kinds.names import NameRule
from factcheck.kinds.price import PriceRule
from factcheck.kinds.role import RoleRule
from factcheck.kinds.status import StatusRule
from factcheck.kinds.uniqueness import UniquenessRule
from factcheck.kinds.vocabulary import build_matcher, subject_labels
from factcheck.knowledge.model import Pack, Rule
from factcheck.knowledge.rule_kinds import (
    EventDateSpec,
    IndicationSpec,
    IngredientSpec,
    JurisdictionStatusSpec,
    NameSpec,
    PriceSpec,
    RoleSpec,
    StatusSpec,
    UniquenessSpec,
)
from factcheck.lang.layer import Analysis, analyse
from factcheck.lang.topic import _nearest, _Subjects, about
from factcheck.nlp.claims import Claim
from factcheck.nlp.spans import token_columns


class KindMatchers:
    def __init__(self, nlp: Language, pack: Pack, rivals: list[str] | None = None) -> None:
        self.matcher = build_matcher(nlp, pack, rivals)
        rivals = {"RIVAL"}
        typed = [r for r in pack.rules.values() if r.spec is not None]

        about = {a.lower() for a in pack.about}
        subject_terms = {f"TERM:{t}" for t, phrases in pack.terms.items() if about & {p.lower() for p in phrases}}

        phrases_of = {f"TERM:{t}": {p.lower() for p in phrases} for t, phrases in pack.terms.items()}

        def rivals_of(rule: Rule) -> set[str]:
            # The pack's other subjects compete too (term lists naming what the pack is about): a
            # sentence about Wegovy is not about Ozempic. A regulator's name is no subject.
            return rivals | subject_terms

        def date_rivals_of(rule: Rule) -> set[str]:
            # For the date of a product's event, a term that names the product among others
            # (semaglutide: Ozempic, Wegovy, Rybelsus) is no rival, nor a class naming that term
            # ("GLP-1 drugs"): "its active ingredient, semaglutide ... the FDA approved it in May
            # 2017" is Ozempic's approval. (For a status, "compounded semaglutide is not approved"
            # is another product: the wider term stays a rival there.)
            own = subject_labels(rule.id, rule.spec.subject)
            own_phrases = set().union(*(phrases_of.get(o, set()) for o in own))
            above = {t for t in subject_terms if phrases_of[t] & own_phrases} - own
            above_names = {t[len("TERM:"):].lower() for t in above}
            above |= {t for t in subject_terms if phrases_of[t] & above_names} - own
            return rivals | (subject_terms - above)

        self.status = [StatusRule(r, rivals_of(r), pack.home_jurisdiction) for r in typed if isinstance(r.spec, StatusSpec)]
        self.dates = [EventDateRule(r, date_rivals_of(r), pack.home_jurisdiction) for r in typed if isinstance(r.spec, EventDateSpec)]
        self.places = [JurisdictionRule(r, rivals_of(r)) for r in typed if isinstance(r.spec, JurisdictionStatusSpec)]
        self.names = [NameRule(r) for r in typed if isinstance(r.spec, NameSpec)]
        self.roles = [RoleRule(r) for r in typed if isinstance(r.spec, RoleSpec)]
        self.unique = [UniquenessRule(r) for r in typed if isinstance(r.spec, UniquenessSpec)]
        self.ingredients = [IngredientRule(r) for r in typed if isinstance(r.spec, IngredientSpec)]
        self.indications = [IndicationRule(r, pack.home_jurisdiction) for r in typed if isinstance(r.spec, IndicationSpec)]
        self.prices = [PriceRule(r, rivals_of(r)) for r in typed if isinstance(r.spec, PriceSpec)]
        # What the pack is about (its `about` words and term lists) against neighbouring topics.
        self.own_labels = {"ABOUT"} | {f"TERM:{t}" for t in pack.terms}
        self.rival_labels = rivals if (pack.neighbours or rivals) else set()
        self.last_analysis: Analysis | None = None
        self.last_paragraphs: dict[int, int] = {}

    def claims(self, doc: Doc, doc_date: date | None, paragraphs: list[int],
               others: list[Claim] | None = None, in_domain: bool = True) -> tuple[list[Claim], list[Claim]]:
        """The typed rules' claims, and of `others` (figures, citations, pattern rules) those whose
        passage is about the pack: a dose in a sentence about psilocybin is not an MDMA dose."""
        # Out of the pack's domain no rule reads an event, so their stances are not worked out.
        an = analyse(doc, self.matcher, doc_date, stances=in_domain)
        para_of = _paragraph_starts_of_doc(doc, an.sentences, paragraphs)
        # Kept for the candidate layer, which reads the same cues after the rules have run.
        self.last_analysis, self.last_paragraphs = an, para_of
        kept = [c for c in others or [] if self._about_pack(doc, an, c, para_of)]
        out: list[Claim] = []
        if an.events and in_domain:
            # A rule with a forecast window ("approval by 2021") is more specific than one without:
            # on the same words it speaks alone.
            windowed = [c for r in self.status if r.windowed for c in r.claims(an, para_of, in_domain)]
            out.extend(windowed)
            for rule in self.status:
                if not rule.windowed:
                    out.extend(c for c in rule.claims(an, para_of, in_domain)
                               if not any(w.start < c.end and c.start < w.end for w in windowed))
            for drule in self.dates:
                out.extend(drule.claims(an, para_of, in_domain))
            for prule in self.places:
                out.extend(prule.claims(an, para_of))
            for drule in self.indications:
                out.extend(drule.claims(an, para_of))
        if in_domain:
            for rrule in self.roles:
                out.extend(rrule.claims(an, doc_date))
        if in_domain:
            for nrule in self.names:
                out.extend(nrule.claims(an))
            for urule in self.unique:
                out.extend(urule.claims(an))
            for irule in self.ingredients:
                out.extend(irule.claims(an))
            for price_rule in self.prices:
                out.extend(price_rule.claims(an, doc_date))
        return out, kept

    def _about_pack(self, doc: Doc, an: Analysis, claim: Claim, para_of: dict[int, int]) -> bool:
        if not self.rival_labels:
            return True
        span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
        if span is None:
            return True
        at = span.start
        sent = an.sentence_at(at)
        if sent is None:
            return True
        if claim.type == "rule":
            # A curated pattern names its own subject: only a rival in the same sentence takes the
            # statement away ("Family doctors can also prescribe it" after a psilocybin aside stays),
            # and not one listed with the own subject ("MDMA and psilocybin are now legal": said of each).
            subjects = _Subjects.of(an, self.own_labels, self.rival_labels)  # only these cues can decide
            return _nearest(subjects.cues_in(*sent), self.own_labels, self.rival_labels, at, doc) != "rival"
        return about(an, sent, sent, at, self.own_labels, self.rival_labels, para_of.get(sent[0], 0), default=True)


def _paragraph_starts_of_doc(doc: Doc, sentences: list[tuple[int, int]], paragraphs: list[int]) -> dict[int, int]:
    """`_paragraph_starts`, worked out once per Doc for every pack that asks with the same
    sentences and paragraphs (each gets a copy of its own)."""
    kept = doc.user_data.get(_PARAGRAPH_STARTS)
    if kept is not None and kept[0] == sentences and kept[1] == paragraphs:
        return dict(kept[2])
    found = _paragraph_starts(doc, sentences, paragraphs)
    doc.user_data[_PARAGRAPH_STARTS] = (list(sentences), list(paragraphs) if paragraphs is not None else None, found)
    return dict(found)


_PARAGRAPH_STARTS = "factcheck_paragraph_starts"


def _paragraph_starts(doc: Doc, sentences: list[tuple[int, int]], paragraphs: list[int]) -> dict[int, int]:
    """For each sentence's first token, the first token of its paragraph."""
    import bisect

    chars = sorted(paragraphs or [0])
    out: dict[int, int] = {}
    first_token_of: dict[int, int] = {}
    idx = token_columns(doc).idx  # `doc[s].idx` without a Token object per sentence
    for s, _e in sentences:
        pstart_char = chars[max(0, bisect.bisect_right(chars, idx[s]) - 1)]
        if pstart_char not in first_token_of:
            first_token_of[pstart_char] = s
        out[s] = first_token_of[pstart_char]
    return out
