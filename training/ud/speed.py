"""Measure how fast the shipped syntax model annotates sentences (words per second, one process).

Reads the `# text =` sentences of a .conllu file (by default the EWT test split), tokenizes each
with spaCy's blank English tokenizer as factcheck does, and times `factcheck.nlp.syntax.annotate`
over them, sentence by sentence in one Doc per sentence. Not a test: the figure depends on the machine.

Usage: OMP_NUM_THREADS=1 python training/ud/speed.py [CONLLU] [--repeat N]
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
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from train import _default_data  # the same data directory the training script uses

    path = args.conllu or _default_data() / "en_ewt-ud-test.conllu"
    blank = spacy.blank("en")
    docs_text = sentences(path)
    nlp = syntax.load_syntax()
    syntax.annotate(blank(docs_text[0]), list(blank(docs_text[0])[:]), nlp=nlp)  # warm up
    best = 0.0
    for _ in range(args.repeat):
        docs = [blank(t) for t in docs_text]
        words = sum(len(d) for d in docs)
        start = time.perf_counter()
        for d in docs:
            syntax.annotate(d, [d[:]], nlp=nlp)
        elapsed = time.perf_counter() - start
        best = max(best, words / elapsed)
        print(f"{len(docs)} sentences, {words} words in {elapsed:.2f} s: {words / elapsed:,.0f} words/s")
    print(f"best of {args.repeat}: {best:,.0f} words/s")


if __name__ == "__main__":
    main()
