"""Syntax for candidate sentences: UPOS, PTB tag, morphology, lemma and dependencies.

The model (factcheck/models/en_ud_ewt, trained by training/ud/train.py on UD English EWT) ships in
the package and is loaded from there, never from the network. It runs only on the sentences a
caller passes to `annotate` (the candidates a cheap prefilter picked), not on whole documents:
parsing costs far more than tokenizing.

`annotate` copies the results back onto the caller's Doc, so later components read
`token.pos_`, `token.morph`, `token.lemma_`, `token.dep_` and `token.head` on the main Doc.
Tokens of other sentences keep what they had (an empty `dep_`, their own head), and the
Doc's sentence boundaries stay as the pipeline set them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

import numpy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "en_ud_ewt"

_LOCK = threading.Lock()
_LOADED: dict[Path, Language] = {}


class SyntaxModelMissingError(RuntimeError):
    """The shipped syntax model is not where the package keeps it (a broken install or checkout)."""


def load_syntax(path: Path | None = None) -> Language:
    """The syntax pipeline, loaded once per process from package data (no network).

    Raises SyntaxModelMissingError with the retraining command when the model directory is absent.
    """
    model_dir = (path or MODEL_DIR).resolve()
    nlp = _LOADED.get(model_dir)
    if nlp is not None:
        return nlp
    with _LOCK:
        nlp = _LOADED.get(model_dir)
        if nlp is None:
            if not (model_dir / "config.cfg").is_file() or not (model_dir / "meta.json").is_file():
                raise SyntaxModelMissingError(
                    f"factcheck's syntax model is missing from {model_dir}; reinstall factcheck, or rebuild it "
                    "with `python training/ud/train.py` (see docs/models.md)"
                )
            import spacy  # spacy.load on a directory reads only that directory

            nlp = spacy.load(model_dir)
            _LOADED[model_dir] = nlp
    return nlp


def _sentence_doc(nlp: Language, sent: Span) -> Doc:
    """The sentence as a Doc in the model's own vocab: its lexical features (NORM, SHAPE...) are then
    computed exactly as in training, whatever the caller's vocab holds. The whole span is one sentence,
    so the parser returns one tree per candidate."""
    words = [t.text for t in sent]
    spaces = [bool(t.whitespace_) for t in sent]
    return Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=[True] + [False] * (len(words) - 1))


def _single_root(parsed: Doc) -> numpy.ndarray:
    """Absolute head indices with one root: when the parser splits the span into several trees, the
    later roots hang from the first one as `parataxis`, so the sentence stays one unit on the main Doc."""
    heads = numpy.array([t.head.i for t in parsed], dtype="int64")
    roots = [t.i for t in parsed if t.head.i == t.i]
    for r in roots[1:]:
        heads[r] = roots[0]
    return heads


def annotate(doc: Doc, sentences: Iterable[Span], nlp: Language | None = None, batch_size: int = 64) -> int:
    """Parse the given sentences of `doc` and write the results onto doc's own tokens.

    Sets pos_, tag_, morph, lemma_, dep_ and head (heads within the sentence) on each token of each
    sentence; other tokens and the Doc's sentence boundaries are left as they were. Returns the
    number of sentences annotated.
    """
    nlp = nlp or load_syntax()
    spans = [s for s in sentences if len(s) > 0]
    if not spans:
        return 0
    for s in spans:
        if s.doc is not doc:
            raise ValueError("annotate() was given a span of another Doc")
    # Sentence boundaries as the pipeline set them: writing heads would otherwise recompute them.
    sent_starts = doc.to_array([SENT_START])
    arr = doc.to_array([HEAD, DEP])
    heads_rel = arr[:, 0].astype("int64")  # HEAD is an offset from the token, negative to the left
    strings = doc.vocab.strings
    for span, parsed in zip(spans, nlp.pipe((_sentence_doc(nlp, s) for s in spans), batch_size=batch_size)):
        heads = _single_root(parsed)
        for k, (tok, p) in enumerate(zip(span, parsed)):
            tok.pos_ = p.pos_
            tok.tag_ = p.tag_
            tok.set_morph(str(p.morph) or None)
            tok.lemma_ = p.lemma_
            i = span.start + k
            label = "ROOT" if heads[k] == k else ("parataxis" if p.dep_ == "ROOT" else p.dep_)
            heads_rel[i] = span.start + int(heads[k]) - i
            arr[i, 1] = strings.add(label)
    arr[:, 0] = heads_rel.astype("uint64")
    doc.from_array([HEAD, DEP], arr)
    doc.from_array([SENT_START], sent_starts)
    return len(spans)
