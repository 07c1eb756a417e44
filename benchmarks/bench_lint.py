#!/usr/bin/env python3
"""Cost of `factcheck lint` as a ratio to spaCy's blank English tokenizer on the same text.

Both are timed as whole processes (startup included), alternating, median of --runs:

  A. tokenizer floor: read every file and run spacy.blank("en") over it (nothing else);
  B. factcheck lint --format json over the same folder (parse, extract, judge, report).

The corpus is generated from the given article files (default: examples/ plus ../shared/seeds/
when present), repeated with small variations into --files Markdown files.

    python benchmarks/bench_lint.py --files 2000 --runs 3 --jobs 2
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
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the parallel run")
    args = ap.parse_args()
    sources = args.sources or sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    if not sources:
        print("no source articles found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        words = build_corpus(sources, corpus, args.files, args.seed)
        floor_cmd = [sys.executable, "-c", TOKENIZE, str(corpus)]
        def lint_cmd(jobs: int) -> list[str]:
            return [sys.executable, "-m", "factcheck", "lint", "--format", "json", "--fail-on", "never",
                    "--as-of", "2026-11-22", "--jobs", str(jobs), str(corpus)]

        timed(floor_cmd), timed(lint_cmd(1))  # warm the page cache and bytecode
        floors, one, many = [], [], []
        for _ in range(args.runs):
            floors.append(timed(floor_cmd))
            one.append(timed(lint_cmd(1)))
            many.append(timed(lint_cmd(args.jobs)))
    f = statistics.median(floors)
    print(f"corpus: {args.files} files, {words:,} words (from {len(sources)} articles); median of {args.runs} runs")
    print(f"tokenizer floor (1 process):  {f:.2f} s  ({words / f:,.0f} words/s)")
    for label, times in (("factcheck lint --jobs 1", one), (f"factcheck lint --jobs {args.jobs}", many)):
        m = statistics.median(times)
        ratios = [t / b for t, b in zip(times, floors)]
        print(f"{label:<29} {m:.2f} s  ({words / m:,.0f} words/s)  ratio to floor {statistics.median(ratios):.2f}x "
              f"(min {min(ratios):.2f}, max {max(ratios):.2f}; budget 4x)")
    print(f"speed-up --jobs {args.jobs} over --jobs 1: {statistics.median(one) / statistics.median(many):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
