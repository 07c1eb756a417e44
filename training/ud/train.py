"""Train factcheck's English tagger, morphologizer and parser on UD English EWT and ship it.

Stages (all by default, or name some):
  convert   .conllu splits -> .spacy files (`spacy convert -c conllu -n 10`)
  train     `spacy train` with training/ud/config.cfg (CPU, OMP_NUM_THREADS=1)
  package   model-best + a rule lemmatizer whose tables come from spacy-lookups-data, written to
            factcheck/models/en_ud_ewt/ with only what loading needs
  evaluate  `spacy evaluate` of the shipped model on the EWT TEST split; scores to
            training/ud/scores-test.json

Usage (from the repository root):
  python training/ud/train.py [--data DIR] [--work DIR] [stage ...]

The data directory defaults to ../shared/data/ud-english-ewt (next to the checkout, or next to
the worktrees' directory); the work
directory (converted corpora, checkpoints) defaults to training/ud/work and is never shipped.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CONFIG = HERE / "config.cfg"
MODEL_DIR = ROOT / "factcheck" / "models" / "en_ud_ewt"
SPLITS = {"train": "en_ewt-ud-train.conllu", "dev": "en_ewt-ud-dev.conllu", "test": "en_ewt-ud-test.conllu"}
STAGES = ("convert", "train", "package", "evaluate")

# Files the packaged pipeline needs besides the components' own directories.
NOTICE = """This model was trained on Universal Dependencies English EWT (CC BY-SA 4.0,
https://github.com/UniversalDependencies/UD_English-EWT; Silveira et al., LREC 2014) and is shared
under CC BY-SA 4.0. Its lemma tables come from spacy-lookups-data (MIT), whose English tables are
derived from WordNet 3.0 (Copyright 2006 by Princeton University; WordNet licence in
WORDNET-LICENSE.txt). See docs/models.md in the factcheck repository.
"""


def _default_data() -> Path:
    """The shared treebank sits next to the main checkout (../shared) or next to the worktrees' parent."""
    for base in (ROOT.parent, ROOT.parent.parent):
        candidate = base / "shared" / "data" / "ud-english-ewt"
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared" / "data" / "ud-english-ewt"


def _env() -> dict[str, str]:
    """One thread per process: the build machine's two cores are shared."""
    env = dict(os.environ)
    env["OMP_NUM_THREADS"] = "1"
    env["OPENBLAS_NUM_THREADS"] = "1"
    env["MKL_NUM_THREADS"] = "1"
    return env


def _run(args: list[str]) -> None:
    print("+", " ".join(args), flush=True)
    subprocess.run(args, check=True, env=_env())


def convert(data: Path, work: Path) -> None:
    """Group sentences ten to a Doc, as spaCy's UD recipes do."""
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for name in SPLITS.values():
        _run([sys.executable, "-m", "spacy", "convert", str(data / name), str(corpus), "-c", "conllu", "-n", "10"])


def _spacy_file(work: Path, split: str) -> Path:
    return work / "corpus" / (Path(SPLITS[split]).stem + ".spacy")


def train(work: Path) -> None:
    _run([sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(work / "output"),
          "--paths.train", str(_spacy_file(work, "train")), "--paths.dev", str(_spacy_file(work, "dev"))])


def aux_lemmas(train_conllu: Path, min_count: int = 5) -> dict[str, list[str]]:
    """Lemmas for auxiliaries ("is" -> "be", "'ll" -> "will"), which the English lemma tables list
    only under VERB: each lowercased AUX form seen at least min_count times in the train split,
    with its most frequent lemma there."""
    counts: dict[str, Counter[str]] = {}
    with train_conllu.open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 10 and cols[3] == "AUX" and cols[0].isdigit():
                counts.setdefault(cols[1].lower(), Counter())[cols[2].lower()] += 1
    return {form: [c.most_common(1)[0][0]] for form, c in sorted(counts.items()) if c.total() >= min_count}


def package(work: Path, data: Path, out: Path = MODEL_DIR) -> None:
    """Add the lemmatizer to the best checkpoint and write only the loadable pipeline."""
    import spacy
    import spacy_lookups_data  # the lemmatizer reads its tables from it, here only

    nlp = spacy.load(work / "output" / "model-best")
    # Rule mode uses the morphologizer's UPOS; its tables are stored in the pipeline, so nothing
    # is needed at run time.
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lemmatizer.initialize()
    lemmatizer.lookups.get_table("lemma_exc").set("aux", aux_lemmas(data / SPLITS["train"]))
    nlp.meta.update({
        "name": "ud_ewt",
        "version": "0.1.0",
        "description": "factcheck's tagger, morphologizer, parser and lemmatizer for English, trained on UD English EWT",
        "license": "CC BY-SA 4.0",
        "sources": [
            {"name": "Universal Dependencies English EWT", "url": "https://github.com/UniversalDependencies/UD_English-EWT",
             "license": "CC BY-SA 4.0", "author": "Silveira et al.; Universal Dependencies"},
            {"name": "spacy-lookups-data (English lemma tables, from WordNet 3.0)", "license": "MIT; WordNet 3.0 licence"},
        ],
    })
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    (out / "NOTICE.txt").write_text(NOTICE, encoding="utf-8")
    wordnet = Path(spacy_lookups_data.__file__).parent / "data" / "en_license.txt"
    shutil.copyfile(wordnet, out / "WORDNET-LICENSE.txt")
    print(f"packaged {out}")


def evaluate(work: Path, out: Path = MODEL_DIR) -> dict:
    scores_path = HERE / "scores-test.json"
    _run([sys.executable, "-m", "spacy", "evaluate", str(out), str(_spacy_file(work, "test")),
          "--output", str(scores_path)])
    scores = json.loads(scores_path.read_text(encoding="utf-8"))
    for key in ("tag_acc", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "speed"):
        print(f"{key}: {scores.get(key)}")
    return scores


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stages", nargs="*", help=f"any of {', '.join(STAGES)} (default: all, in order)")
    parser.add_argument("--data", type=Path, default=_default_data(), help="directory with the EWT .conllu splits")
    parser.add_argument("--work", type=Path, default=HERE / "work")
    args = parser.parse_args(argv)
    unknown = [s for s in args.stages if s not in STAGES]
    if unknown:
        parser.error(f"unknown stage(s): {', '.join(unknown)}")
    for stage in args.stages or STAGES:
        if stage == "convert":
            convert(args.data, args.work)
        elif stage == "train":
            train(args.work)
        elif stage == "package":
            package(args.work, args.data)
        elif stage == "evaluate":
            evaluate(args.work)


if __name__ == "__main__":
    main()
