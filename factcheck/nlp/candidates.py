"""The learned candidate layer: a small sentence classifier, one per pack, trained here.

It reads only candidate sentences: those of an in-domain document, about the pack, that hold an
event cue or a quantity cue of the pack and that no rule, figure or citation turned into a claim.
A sentence it scores above its threshold becomes a `candidate` claim, which the judge reports as
the builtin `possible-outdated-claim` at severity `info`: a pointer for an editor, never a flag.
The models are spaCy `textcat` (bag of words) pipelines in factcheck/models/candidates/<pack>/,
trained by training/candidates/train.py (docs/models.md).
"""

from __future__ import annotations

import bisect
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from factcheck.knowledge.model import Pack, Rule
from factcheck.lang.layer import Analysis
from factcheck.lang.topic import about
from factcheck.nlp.claims import Claim
from factcheck.nlp.literals import CASE_TRAPS, TextLiterals, literal_index, live_patterns
from factcheck.nlp.ngrams import use_batched_ngrams
from factcheck.nlp.spans import Coverage as _Coverage
from factcheck.nlp.spans import token_columns

if TYPE_CHECKING:
    from factcheck.nlp.context import Context

MODELS_DIR = Path(__file__).resolve().parent.parent / "models" / "candidates"
NEAREST = 5  # examples whose rule kinds vote for a candidate's kind
_WORD = re.compile(r"[a-z][a-z0-9-]+")
_DIGIT = re.compile(r"\d")

# Cost of the layer in this process (the benchmark reports the share of sentences it reads).
STATS = {"sentences": 0, "candidates": 0, "proposed": 0, "seconds": 0.0}


def enabled() -> bool:
    """On by default; FACTCHECK_CANDIDATES=0 turns it off (the ablation in docs/models.md)."""
    return os.environ.get("FACTCHECK_CANDIDATES", "1") != "0"


class _NoTokenizer:
    """The candidate models never tokenize: they score Docs rebuilt from the pipeline's tokens."""

    def __call__(self, text: str) -> Doc:
        raise RuntimeError("the candidate models score Docs built from the pipeline's tokens")


def _no_tokenizer() -> Callable[[Language], _NoTokenizer]:
    return lambda nlp: _NoTokenizer()


def load_model(path: Path) -> Language:
    """A candidate model without its tokenizer: spaCy would build the default English tokenizer and
    then read the saved one (two thirds of the load). The bag-of-words classifier reads only the
    tokens' spellings (ORTH), so the scores are the same (tests/nlp/test_candidates.py)."""
    import spacy
    from spacy.util import registry

    if "factcheck.no_tokenizer.v1" not in registry.tokenizers:
        registry.tokenizers.register("factcheck.no_tokenizer.v1", func=_no_tokenizer)
    return spacy.load(path, exclude=["tokenizer"],
                      config={"nlp": {"tokenizer": {"@tokenizers": "factcheck.no_tokenizer.v1"}}})


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS)


def _any_cue(cues: list[tuple[re.Pattern[str], Sequence[str] | None]], folded: str, start: int, end: int) -> bool:
    """Does one of the cues match in folded[start:end]? A cue none of whose literals the sentence
    holds is not searched (the document-level prefilter, per sentence: most sentences with a
    digit name no measure)."""
    sentence = folded[start:end]
    if any(c in sentence for c in CASE_TRAPS):
        return any(q.search(folded, start, end) for q, _lits in cues)
    has = sentence.__contains__
    # The literals are checked for ASCII when the document's cues are listed (_live_cues).
    for q, lits in cues:
        if (lits is None or any(map(has, lits))) and q.search(folded, start, end):
            return True
    return False


class _Spellings:
    """What spaCy's bag-of-words text classifier reads of a Doc: one column of token attributes
    (`extract_ngrams` calls `doc.to_array([attr])`; the models read ORTH, the spelling)."""

    __slots__ = ("column",)

    def __init__(self, column: numpy.ndarray) -> None:
        self.column = column

    def to_array(self, attrs: object) -> numpy.ndarray:
        return self.column

    def __len__(self) -> int:
        return len(self.column)


def reads_spellings(nlp: Language) -> bool:
    """Is the model's classifier a bag of n-grams of token spellings (ORTH), which
    `score_sentences` can feed from a Doc's columns?"""
    if nlp.pipe_names != ["textcat"]:
        return False
    return any(node.name == "extract_ngrams" and node.attrs.get("attr") == ORTH
               for node in nlp.get_pipe("textcat").model.walk())


def score_sentences(nlp: Language, columns: list[numpy.ndarray]) -> list[float]:
    """The CANDIDATE score of each sentence, given as its tokens' ORTH column, for a model that
    `reads_spellings`: what `nlp.pipe(docs)` puts in `doc.cats["CANDIDATE"]` (0.0 without that
    label), without building a Doc per sentence. A score depends on its own row alone, so how
    the sentences are batched changes none."""
    textcat = nlp.get_pipe("textcat")
    if "CANDIDATE" not in textcat.labels or not any(len(c) for c in columns):
        return [0.0] * len(columns)  # spaCy scores a batch of empty Docs as zeros
    j = list(textcat.labels).index("CANDIDATE")
    scores = textcat.model.ops.asarray(textcat.model.predict([_Spellings(c) for c in columns]))
    return [float(scores[i, j]) for i in range(len(columns))]


class CandidateLayer:
    """One pack's classifier, loaded on first use (most documents never reach it)."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.path = MODELS_DIR / pack.id
        self.available = (self.path / "meta.json").is_file()
        self._nlp: Language | None = None
        self._spellings = False
        self.threshold = 1.0
        self.examples = [(_words(s), rule) for rule in pack.rules.values() for s in rule.examples_flagged]
        # Word -> examples holding it: a sentence is compared only with examples it shares a word with.
        self.index: dict[str, list[int]] = {}
        for i, (words, _rule) in enumerate(self.examples):
            for w in words:
                self.index.setdefault(w, []).append(i)
        self.quantity_cues = [c for q in pack.quantities.values() for c in q.cues]
        # The status rules with the event labels they read and their topic words lower-cased, in
        # the pack's order: what `kind_of` asks of every rule for each candidate with an event.
        self.status_rules = [(r, {f"EV:{ev}" for ev in getattr(r.spec, "event", [])},
                              [t.lower() for t in r.spec.topic or ()])
                             for r in pack.rules.values() if r.check == "status"]

    def model(self) -> Language:
        if self._nlp is None:
            self._nlp = load_model(self.path)
            self.threshold = float(self._nlp.meta.get("factcheck", {}).get("threshold", 0.5))
            self._spellings = reads_spellings(self._nlp)
            if self._spellings:  # its rows scored as one batch (nlp/ngrams.py): the same scores
                use_batched_ngrams(self._nlp.get_pipe("textcat").model)
        return self._nlp

    def claims(self, doc: Doc, an: Analysis, folded: str, existing: list[Claim], para_of: dict[int, int],
               own: Collection[str], rival: Collection[str], ctx: Context | None = None) -> list[Claim]:
        """Candidate claims for the sentences no other claim covers (the document is in domain).
        `ctx`: the extractor's Context of the same Doc and pack, whose live cues the figures read."""
        if not self.available or not enabled():
            return []
        t0 = time.perf_counter()
        STATS["sentences"] += len(an.sentences)
        covered = _Coverage((c.start, c.end) for c in existing)
        ev_starts = sorted(c.start for c in an.cues if c.label.startswith("EV:"))
        # Only the quantity cues whose literals the document holds can match one of its sentences.
        index = literal_index(doc.user_data, folded)
        if ctx is not None and ctx.folded is folded:
            # The figures listed them already (Context.live_cues): the same cues, in the same
            # order; it gives no literals to a cue when the text holds a case trap, where
            # `_any_cue` reads none either (it searches every cue of such a sentence, and a
            # literal is a sound test of any other sentence).
            quantity_cues = [(c, lits) for q in self.pack.quantities.values() for c, lits in ctx.live_cues(q)]
        else:
            quantity_cues = self._live_cues(folded, index)
        cols = token_columns(doc)
        picked: list[tuple[int, int]] = []
        for s, e in an.sentences:
            cs, ce = cols.start(s), cols.end(e - 1)
            if covered.overlaps(cs, ce):
                continue
            i = bisect.bisect_left(ev_starts, s)
            has_event = i < len(ev_starts) and ev_starts[i] < e
            if not has_event and not (_DIGIT.search(folded, cs, ce) and _any_cue(quantity_cues, folded, cs, ce)):
                continue
            picked.append((s, e))
        out: list[Claim] = []
        if picked:
            STATS["candidates"] += len(picked)
            # The sentence's own tokens, read from the Doc's columns: no second tokenization, and
            # no Doc rebuilt per sentence (the model reads only the spellings' hashes).
            nlp = self.model()
            if self._spellings:
                scores = score_sentences(nlp, [cols.orth(s, e) for s, e in picked])
            else:  # another kind of model: the sentence's own tokens, rebuilt in its vocabulary
                docs = [Doc(nlp.vocab, words=cols.words(s, e), spaces=cols.spaces(s, e)) for s, e in picked]
                scores = [d.cats.get("CANDIDATE", 0.0) for d in nlp.pipe(docs)]
            for (s, e), score in zip(picked, scores):
                if score < self.threshold:
                    continue
                # As the sentence's Doc would spell it: tokens joined with their trailing spaces.
                text = "".join(w + " " if sp else w for w, sp in zip(cols.words(s, e), cols.spaces(s, e)))
                # Scope after scoring: most candidates stop at the threshold, and `about` costs more.
                if not about(an, (s, e), (s, e), s, own, rival, para_of.get(s, 0), default=True):
                    continue
                cs, ce = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
                events = {c.label for c in an.cues_in(s, e, "EV:")}
                kind, rule = self.kind_of(text, events)
                out.append(Claim(type="candidate", kind=kind, start=cs, end=ce, sentence=(cs, ce), rule=rule,
                                 pack=self.pack.id))
        STATS["proposed"] += len(out)
        STATS["seconds"] += time.perf_counter() - t0
        return out

    def _live_cues(self, folded: str, index: TextLiterals) -> list[tuple[re.Pattern[str], Sequence[str] | None]]:
        """The quantity cues that may match in the document, each with its required literals."""
        out: list[tuple[re.Pattern[str], Sequence[str] | None]] = []
        for q in self.pack.quantities.values():
            lits = list(q.cue_triggers) if len(q.cue_triggers) == len(q.cues) else [None] * len(q.cues)
            live = {id(c) for c in live_patterns(q.cues, q.cue_triggers, folded, index)}
            # A literal outside ASCII cannot rule a cue out (may_match): such cues carry None.
            out.extend((c, tuple(lit) if lit is not None and all(map(str.isascii, lit)) else None)
                       for c, lit in zip(q.cues, lits) if id(c) in live)
        return out

    def kind_of(self, text: str, events: set[str] | None = None) -> tuple[str, Rule | None]:
        """The kind of the sentence's claim. A typed rule reading one of the sentence's events (an
        approval, a review, a launch) names it; else the most common rule kind among the flagged
        examples nearest the sentence (word overlap), and the nearest example's rule; `other` when
        no example shares a word."""
        if events:
            low = text.lower()
            # A rule about one topic ("the bid for control") reads only sentences that name it.
            by_event = [r for r, labels, topic in self.status_rules
                        if events & labels and (not topic or any(t in low for t in topic))]
            if by_event:
                counts = Counter(r.kind for r in by_event)
                kind = counts.most_common(1)[0][0]
                return kind, next(r for r in by_event if r.kind == kind)
        words = _words(text)
        if not words:
            return "other", None
        shared: Counter[int] = Counter()
        for w in words:
            shared.update(self.index.get(w, ()))
        # Ties broken by the example's place in the pack, so the answer never depends on hashing.
        scored = sorted(((n / (len(words) + len(self.examples[i][0]) - n), i) for i, n in shared.items()),
                        key=lambda x: (-x[0], x[1]))
        if not scored:
            return "other", None
        top = [(s, self.examples[i][1]) for s, i in scored[:NEAREST]]
        counts = Counter(r.kind for _, r in top)
        best = max(counts.values())
        kind = next(r.kind for _, r in top if counts[r.kind] == best)
        nearest = next(r for _, r in top if r.kind == kind)
        return kind, nearest
