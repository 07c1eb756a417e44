#!/usr/bin/env python3
"""Cost of `factcheck lint` as a ratio to spaCy's blank English tokenizer on the same text.

Both are timed as whole processes (startup included), alternating, median of --runs:

  A. tokenizer floor: read every file and run spacy.blank("en") over it (nothing else);
  B. factcheck lint --format json over the same folder (parse, extract, judge, report).

The corpus is generated from the given article files (default: examples/ plus ../shared/seeds/
when present), repeated with small variations into --files Markdown files.

    python benchmarks/bench_lint.py --files 2000 --runs 3
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TOKENIZE = """
import sys, pathlib, spacy
nlp = spacy.blank("en")
words = 0
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.md")):
    doc = nlp.make_doc(p.read_text(encoding="utf-8"))
    words += len(doc)
print(words)
"""


def build_corpus(sources: list[Path], out: Path, files: int, seed: int) -> int:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sources]
    words = 0
    for i in range(files):
        base = texts[i % len(texts)]
        paras = base.split("\n\n")
        rng.shuffle(paras)  # vary the order so caches do not see identical files
        text = f"---\ndate: 202{rng.randint(1, 6)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n---\n" + "\n\n".join(paras)
        (out / f"page-{i:05d}.md").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sources", nargs="*", type=Path)
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    sources = args.sources or sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    if not sources:
        print("no source articles found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        words = build_corpus(sources, corpus, args.files, args.seed)
        floor_cmd = [sys.executable, "-c", TOKENIZE, str(corpus)]
        lint_cmd = [sys.executable, "-m", "factcheck", "lint", "--format", "json", "--fail-on", "never",
                    "--as-of", "2026-11-22", str(corpus)]
        timed(floor_cmd), timed(lint_cmd)  # warm the page cache and bytecode
        floors, lints, ratios = [], [], []
        for _ in range(args.runs):
            a, b = timed(floor_cmd), timed(lint_cmd)
            floors.append(a)
            lints.append(b)
            ratios.append(b / a)
    f, l_ = statistics.median(floors), statistics.median(lints)
    print(f"corpus: {args.files} files, {words:,} words (from {len(sources)} articles)")
    print(f"tokenizer floor: {f:.2f} s  ({words / f:,.0f} words/s)")
    print(f"factcheck lint:  {l_:.2f} s  ({words / l_:,.0f} words/s)")
    print(f"ratio lint/floor: median {statistics.median(ratios):.2f}x (min {min(ratios):.2f}, max {max(ratios):.2f}; budget 4x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
