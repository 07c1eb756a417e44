"""The spaCy pipeline: blank English tokenizer, sentence boundaries, and the claim extractor.

Built once per process (see `get_pipeline`). Documents go through `nlp.pipe`; each Doc carries the
format parser's hard breaks (headings, list items, table rows) in `doc.user_data`, and comes out
with its claims in `doc.spans["claims"]`, each Span's `._.claim` holding the typed Claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_suffix_regex

from factcheck.kinds import KindMatchers
from factcheck.knowledge.model import Pack
from factcheck.lang.cues import generic_cues
from factcheck.lang.layer import syntax_enabled
from factcheck.lang.text import KEY as TEXT_KEY
from factcheck.lang.text import doc_text
from factcheck.nlp.candidates import CandidateLayer
from factcheck.nlp.claims import Claim
from factcheck.nlp.extract import Context, Extractor
from factcheck.nlp.fingerprint import identify_by_figures
from factcheck.nlp.normalize import fold
from factcheck.nlp.numscan import literal_starts, scan_at
from factcheck.nlp.sentences import set_sentence_starts

# Abbreviations that end in a period but do not end a sentence.
ABBREVIATIONS = ["al.", "approx.", "e.g.", "i.e.", "etc.", "Fig.", "fig.", "No.", "no.", "Vol.", "vol.", "pp.",
                 "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "Prof.",
                 "Inc.", "Ltd.", "Corp.", "Co.", "Jr.", "Sr.", "St.", "Ph.D.", "M.D.", "cf.", "ca.", "resp."]

# Capitalised forms ("Approx. 90 people") and titles and abbreviations common in news copy.
ABBREVIATIONS += [a[0].upper() + a[1:] for a in ABBREVIATIONS if a[0].islower()]
ABBREVIATIONS += ["Dr.", "Drs.", "Mr.", "Mrs.", "Ms.", "vs.", "Vs.", "v.", "Gov.", "Sen.", "Rep.", "Gen.", "Col.", "Lt.",
                  "Mt.", "Dept.", "Univ.", "est.", "U.S.", "U.K.", "U.N.", "D.C.", "a.m.", "p.m.", "Nos.", "Eq.", "Ref.",
                  # degrees after a name, with or without the last period ("Rick Doblin, Ph.D, MAPS ...")
                  "Ph.D", "M.D", "Pharm.D", "Pharm.D.", "Psy.D", "Psy.D.", "D.O.", "M.P.H.", "Ed.D", "Ed.D."]
# An abbreviation that can also end a sentence does, when a typical sentence opener follows it
# ("... approved in the U.S. The agency ..."); titles such as "Dr." never do.
_ABBR_ENDING = ("U.S.", "U.K.", "U.N.", "D.C.", "Inc.", "Ltd.", "Corp.", "Co.", "etc.", "al.", "a.m.", "p.m.")
_ABBR_THEN_SENTENCE = re.compile(
    r"(?<![\w.])(?:" + "|".join(map(re.escape, _ABBR_ENDING)) + r")[ \t]+"
    r"(?=(?:The|This|That|These|Those|It|Its|In|On|At|A|An|But|However|They|Their|We|Our|He|She|His|Her|After|Before|"
    r"When|While|Since|For|As|If|Yet|Still|Then|Now|Today|Meanwhile|Researchers|MDMA)\b)"
)

_RESEARCH = re.compile(r"\b(?:pilot|study|studies|trial|trials|experiment|cohort|investigators|researchers)\b")


@lru_cache(maxsize=1)
def _nonclinical() -> re.Pattern[str]:
    """Words of use outside medicine (the language layer's `nonclinical_use` list)."""
    words = generic_cues()["NONCLIN"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True)) + r")\b")


def _around(ctx: Context, sentence: tuple[int, int]) -> tuple[int, int]:
    """The sentence and the one before it, as character offsets."""
    prev = ctx.previous_sentence(sentence[0])
    return (prev[0] if prev else sentence[0]), sentence[1]


# A number that opens a line ("2. It's already approved") numbers an item; it ends no sentence.
_ITEM_NUMBER = re.compile(r"(?m)^[ \t>*_#-]*\d{1,3}[.)][ \t]+(?=\S)")

_PACKS: dict[str, tuple[Pack, list[str]]] = {}

if not Span.has_extension("claim"):
    Span.set_extension("claim", default=None)


_text_of = doc_text  # doc.text joins every token each time it is read; read it once per document


def _abbreviation_sentence_ends(text: str) -> list[re.Match[str]]:
    """`_ABBR_THEN_SENTENCE.finditer(text)`, tried only where one of its abbreviations is spelt
    (every match starts with one): the pattern opens with a look-behind, which the regex engine
    tries at every character."""
    return scan_at(_ABBR_THEN_SENTENCE, text, literal_starts(text, _ABBR_ENDING))


@Language.component("factcheck_sentences")
def factcheck_sentences(doc: Doc) -> Doc:
    """Sentence starts: spaCy's sentencizer rule, then a start at every hard break the document
    format knows (heading, list item, row), and never after an abbreviation the tokenizer kept
    whole or on a list item's number (factcheck/nlp/sentences.py: whole columns, no per-token
    assignment)."""
    text = _text_of(doc)
    breaks = list(doc.user_data.get("breaks") or [])
    if "." in text:
        breaks.extend(m.end() for m in _abbreviation_sentence_ends(text))
    joins = [m.end() for m in _ITEM_NUMBER.finditer(text)] if "." in text or ")" in text else []
    return set_sentence_starts(doc, breaks, joins)


@Language.factory("factcheck_claims", default_config={"pack_key": ""})
def make_claims_component(nlp: Language, name: str, pack_key: str) -> ClaimsComponent:
    pack, rivals = _PACKS[pack_key]
    return ClaimsComponent(nlp, pack, rivals)


class ClaimsComponent:
    """One pack's claims: its pattern rules, figures and citations (Extractor) and its typed rules
    (KindMatchers). Each pack has its own component, so packs never share vocabulary."""

    def __init__(self, nlp: Language, pack: Pack, rivals: list[str] | None = None) -> None:
        self.pack = pack
        self.extractor = Extractor(pack)
        self.kinds = KindMatchers(nlp, pack, rivals or [])
        self.candidates = CandidateLayer(pack)

    def __call__(self, doc: Doc) -> Doc:
        # The sentences' first characters, read once per Doc for every pack (each gets its own
        # list); each time when the parser runs, as lang/layer.py's `analyse` reads them.
        parse = syntax_enabled()
        kept = None if parse else doc.user_data.get("factcheck_sentence_chars")
        if kept is None:
            arr = doc.to_array([IDX, SENT_START])
            kept = arr[arr[:, 1] == 1, 0].tolist() if len(doc) else [0]
            if not kept or kept[0] != 0:
                kept.insert(0, 0)
            if not parse:
                doc.user_data["factcheck_sentence_chars"] = kept
        starts = list(kept)
        text = _text_of(doc)
        folded = doc.user_data.get("factcheck_folded")
        if folded is None:
            folded = doc.user_data["factcheck_folded"] = fold(text)
        # One folded text and one set of pattern scans per Doc, shared by every pack's component.
        ctx = Context(text=text, folded=folded, sent_starts=starts,
                      paragraphs=doc.user_data.get("paragraphs") or [0],
                      scans=doc.user_data.setdefault("factcheck_scans", {}), store=doc.user_data)
        claims = self.extractor.extract(ctx)
        in_domain = not self.pack.topic or ctx.names_topic(self.pack.topic)
        exhaustive = set(self.pack.exhaustive_units)
        # A dose or duration told of recreational use is no protocol's: not a claim the pack checks.
        claims = [c for c in claims if not (c.type == "figure" and not c.studies and c.unit in exhaustive
                                            and _nonclinical().search(ctx.folded, *c.sentence))]
        for c in claims:
            if c.type == "figure" and not c.studies:
                # A figure from a study the text describes but the pack does not know ("a pilot in
                # Israel used 12 to 15 sessions"): the judge must not read it as the pack's protocol.
                c.unnamed_study = bool(_RESEARCH.search(ctx.folded, *_around(ctx, c.sentence)))
        # A paragraph that gives one recorded study's own figures without naming it.
        identify_by_figures(claims, self.pack, ctx.text, ctx.paragraphs)
        typed, claims = self.kinds.claims(doc, doc.user_data.get("doc_date"), ctx.paragraphs, claims, in_domain)
        if typed:
            # A typed rule reads a claim's shape; a pattern rule on the same words is more
            # specific (it names the date or figure), so the typed one yields to it.
            patterned = [(c.start, c.end, c.rule) for c in claims if c.type == "rule" and c.rule is not None]
            for c in typed:
                if not any(s < c.end and c.start < e and r is not c.rule and r.kind == c.kind
                           for s, e, r in patterned):
                    claims.append(c)
            claims.sort(key=lambda c: (c.start, c.end))
        an = self.kinds.last_analysis
        if in_domain and an is not None:
            # The learned layer reads only what the rules left: candidate sentences, info only.
            found = self.candidates.claims(doc, an, ctx.folded, claims, self.kinds.last_paragraphs,
                                           self.kinds.own_labels, self.kinds.rival_labels, ctx)
            if found:
                claims = sorted(claims + found, key=lambda c: (c.start, c.end))
        spans = []
        for i, claim in enumerate(claims):
            # span_id keeps two claims on the same words apart (extension values are keyed by it).
            span = doc.char_span(claim.start, claim.end, label=claim.type, alignment_mode="expand", span_id=i)
            if span is None:
                continue
            span._.claim = claim
            spans.append(span)
        for claim in claims:
            claim.pack = self.pack.id
        doc.spans["claims"] = list(doc.spans.get("claims", [])) + spans if "claims" in doc.spans else spans
        doc.user_data.setdefault("factcheck_claims", []).extend(claims)
        return doc


class _TextKeepingTokenizer:
    """The blank tokenizer, keeping the input string on the Doc (rebuilding doc.text from the
    tokens costs as much as the sentencizer)."""

    def __init__(self, tokenizer: object) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)  # type: ignore[operator]
        doc.user_data[TEXT_KEY] = text
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self.tokenizer, name)


SUSPENDED_HYPHEN = r"(?<=[A-Za-z0-9])-"


def build_pipeline(pack: Pack) -> Language:
    nlp = spacy.blank("en")
    for abbr in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{"ORTH": abbr}])
    # A suspended hyphen is its own token: "MDMA- and psilocybin-assisted therapy" names MDMA
    # ("MDMA-" as one token would match no name).
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, SUSPENDED_HYPHEN]).search
    nlp.tokenizer = _TextKeepingTokenizer(nlp.tokenizer)  # type: ignore[assignment]
    nlp.add_pipe("factcheck_sentences")
    for sub in pack.packs:
        # Other packs' subjects are this pack's rivals: a passage about them is not its business.
        rivals = [a for other in pack.packs if other is not sub for a in other.about]
        key = sub.fingerprint + ":" + str(id(sub))
        _PACKS[key] = (sub, rivals)
        nlp.add_pipe("factcheck_claims", name=f"factcheck_claims_{sub.id}", config={"pack_key": key})
    return nlp


# Keyed by the pack's id, with the pack itself kept beside its pipeline: an id is reused once its
# object is freed, and a new pack at the old address must not get the old pack's pipeline (a
# test suite builds many packs; which address is reused differs between Python versions).
_PIPELINES: dict[int, tuple[Pack, Language]] = {}


def get_pipeline(pack: Pack) -> Language:
    """One pipeline per pack per process."""
    entry = _PIPELINES.get(id(pack))
    if entry is None or entry[0] is not pack:
        entry = _PIPELINES[id(pack)] = (pack, build_pipeline(pack))
    return entry[1]


def claims_of(doc: Doc) -> list[Claim]:
    """The typed claims of a processed Doc, in text order (also on `doc.spans["claims"]`)."""
    return list(doc.user_data.get("factcheck_claims", []))


def pipe_texts(nlp: Language, items: Iterable[tuple], batch_size: int = 32) -> Iterator[Doc]:
    """Run (text, breaks, paragraphs[, document date]) tuples through the pipeline in order."""

    def docs() -> Iterator[Doc]:
        for text, breaks, paragraphs, *rest in items:
            doc = nlp.make_doc(text)
            doc.user_data["breaks"] = breaks
            doc.user_data["paragraphs"] = paragraphs
            doc.user_data["doc_date"] = rest[0] if rest else None
            yield doc

    yield from nlp.pipe(docs(), batch_size=batch_size)
