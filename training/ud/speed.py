"""Measure how fast the shipped syntax model annotates sentences (words per second, one process).

Reads the `# text =` sentences of a .conllu file (by default the EWT test split), tokenizes each
with spaCy's blank English tokenizer as factcheck does, joins them N to a Doc (--per-doc, like the
candidate sentences of one article), and times `factcheck.nlp.syntax.annotate` on every sentence
of every Doc. Not a test: the figure depends on the machine and its load.

Usage: OMP_NUM_THREADS=1 python training/ud/speed.py [CONLLU] [--per-doc N] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import spacy

from factcheck.nlp import syntax

HERE = Path(__file__).resolve().parent


def sentences(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [line[len("# text = "):].rstrip("\n") for line in f if line.startswith("# text = ")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("conllu", nargs="?", type=Path, default=None)
    parser.add_argument("--per-doc", type=int, default=10, help="sentences per Doc (one annotate call each)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from train import _default_data  # the same data directory the training script uses

    path = args.conllu or _default_data() / "en_ewt-ud-test.conllu"
    blank = spacy.blank("en")
    sents = sentences(path)
    groups = [sents[i : i + args.per_doc] for i in range(0, len(sents), args.per_doc)]
    nlp = syntax.load_syntax()
    warm = blank(sents[0])
    syntax.annotate(warm, [warm[:]], nlp=nlp)  # the first call pays for lazy set-up
    best = 0.0
    for _ in range(args.repeat):
        docs, spans = [], []
        for group in groups:
            # Sentence spans at the treebank's own boundaries, as the pipeline's sentences would be.
            doc = blank(" ".join(group))
            offsets, pos = [], 0
            for sent in group:
                offsets.append((pos, pos + len(sent)))
                pos += len(sent) + 1
            docs.append(doc)
            spans.append([sp for sp in (doc.char_span(a, b, alignment_mode="expand") for a, b in offsets) if sp])
        words = sum(len(d) for d in docs)
        start = time.perf_counter()
        for doc, sp in zip(docs, spans):
            syntax.annotate(doc, sp, nlp=nlp)
        elapsed = time.perf_counter() - start
        best = max(best, words / elapsed)
        print(f"{len(docs)} docs, {sum(map(len, spans))} sentences, {words} words in {elapsed:.2f} s: "
              f"{words / elapsed:,.0f} words/s")
    print(f"best of {args.repeat}: {best:,.0f} words/s")


if __name__ == "__main__":
    main()
