"""Ablation of the candidate layer on a labelled corpus: aggregates only, never a sentence.

Usage (from the repository root):
  python training/candidates/ablation.py CASES_DIR [--scorer ../shared/eval/score.py]

Runs `factcheck lint` once with the layer (default) and reads its JSON. Flags (warnings, errors)
are the scorer's; the layer only adds `possible-outdated-claim` infos, so this counts, of the
labelled outdated/wrong quotes that no flag covers, how many a candidate covers, and how many
ok quotes a candidate touches. Prints counts only, so it is safe on the sealed corpora.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def _scorer(path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _spans(findings: list[dict], offset: int) -> list[tuple[int, int]]:
    return [(f["start"] - offset, f["end"] - offset) for f in findings]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("cases", type=Path)
    ap.add_argument("--scorer", type=Path, default=ROOT.parent.parent / "shared" / "eval" / "score.py")
    ap.add_argument("--as-of", default="2026-11-22")
    args = ap.parse_args()
    score = _scorer(args.scorer)
    cases = score.load_cases(args.cases)
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for name, case in cases:
            path, offset = score.write_case(Path(tmp), name, case)
            files[str(Path(path).resolve())] = (case, offset)
        run = subprocess.run([sys.executable, "-m", "factcheck", "lint", "--format", "json", "--as-of", args.as_of,
                              *sorted(files)], capture_output=True, text=True)
        report = json.loads(run.stdout)
    by_path = {str(Path(e["path"]).resolve()): e.get("findings", []) for e in report.get("files", [])}
    n = {"bad": 0, "bad_flagged": 0, "bad_candidate_only": 0, "ok": 0, "ok_flagged": 0, "ok_candidate": 0,
         "candidates": 0, "candidates_unlabelled": 0, "candidate_warnings": 0}
    for path, (case, offset) in files.items():
        findings = by_path.get(path, [])
        flags = _spans([f for f in findings if f.get("severity") in score.FLAG_SEVERITIES], offset)
        cand_f = [f for f in findings if f.get("rule") == "possible-outdated-claim"]
        n["candidate_warnings"] += sum(1 for f in cand_f if f.get("severity") != "info")
        cands = _spans(cand_f, offset)
        n["candidates"] += len(cands)
        touched = [False] * len(cands)
        for exp in case.get("expected") or []:
            qs = score.spans_of(exp["quote"], case["text"])
            if not qs:
                continue
            flagged = any(score.overlaps(f, q) for f in flags for q in qs)
            hit = [i for i, c in enumerate(cands) if any(score.overlaps(c, q) for q in qs)]
            for i in hit:
                touched[i] = True
            if exp.get("verdict") in score.BAD:
                n["bad"] += 1
                n["bad_flagged"] += flagged
                n["bad_candidate_only"] += bool(hit) and not flagged
            elif exp.get("verdict") == "ok":
                n["ok"] += 1
                n["ok_flagged"] += flagged
                n["ok_candidate"] += bool(hit)
        n["candidates_unlabelled"] += touched.count(False)
    print(json.dumps(n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
