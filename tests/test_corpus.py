"""The labelled corpus (tests/corpus) as a test: recall, precision and fixed false alarms.

Reimplements /work/shared/eval/score.py's matching (that script is not available in CI): each
case is written to a temporary Markdown file (front-matter `date` when the case has `published`),
all files are linted in one run at as-of 2026-11-22, and a flag (a warning or error finding)
catches an outdated/wrong quote, or is a false alarm on an ok quote, when their spans overlap.
Precision counts flags: of the flags touching a labelled quote, the share on outdated/wrong ones.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from corpus_cases import load_cases as _load_cases
from corpus_cases import spans_of, write_cases

CORPUS = Path(__file__).parent / "corpus"
AS_OF = date(2026, 11, 22)
BAD = {"outdated", "wrong"}
FLAG_SEVERITIES = {"warning", "error"}
MIN_RECALL = 0.9
MIN_PRECISION = 0.95


def load_cases() -> list[tuple[str, dict]]:
    return _load_cases(CORPUS)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def load_regressions() -> list[tuple[str, str]]:
    out = []
    for line in (CORPUS / "regressions.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        stem, _, quote = line.partition("\t")
        out.append((stem.strip(), quote))
    return out


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from factcheck.engine import Linter
    from factcheck.knowledge import load_pack_cached

    cases = load_cases()
    files = write_cases(CORPUS, tmp_path_factory.mktemp("corpus"))
    linter = Linter(load_pack_cached(), AS_OF)
    reports = {str(Path(r.path)): r for r in linter.lint_paths(sorted(files))}

    caught = missed = on_bad = on_ok = 0
    alarms: dict[tuple[str, str], str] = {}
    misses: list[str] = []
    for path, (name, case, offset) in files.items():
        report = reports[path]
        assert report.error is None, f"{name}: {report.error}"
        flags = [f for f in report.findings if f.severity in FLAG_SEVERITIES]
        flag_spans = [(f.start - offset, f.end - offset) for f in flags]
        for exp in case.get("expected") or []:
            spans = spans_of(exp["quote"], case["text"])
            assert spans, f"{name}: quote not in text: {exp['quote']!r}"
            hit = [i for i, fs in enumerate(flag_spans) if any(overlaps(fs, s) for s in spans)]
            if exp.get("verdict") in BAD:
                if hit:
                    caught += 1
                    on_bad += len(hit)
                else:
                    missed += 1
                    misses.append(f"{name}: {exp['quote']!r}")
            elif exp.get("verdict") == "ok" and hit:
                on_ok += len(hit)
                alarms[(name, exp["quote"])] = flags[hit[0]].rule
    return {
        "recall": caught / (caught + missed) if caught + missed else 0.0,
        "precision": on_bad / (on_bad + on_ok) if on_bad + on_ok else 0.0,
        "alarms": alarms,
        "misses": misses,
        "cases": {name: case for name, case in cases},
    }


def test_corpus_recall(scored: dict) -> None:
    assert scored["recall"] >= MIN_RECALL, (
        f"recall {scored['recall']:.3f} < {MIN_RECALL}; missed:\n" + "\n".join(scored["misses"]))


def test_corpus_precision(scored: dict) -> None:
    alarms = "\n".join(f"{n}: {q!r} <- {r}" for (n, q), r in scored["alarms"].items())
    assert scored["precision"] >= MIN_PRECISION, f"precision {scored['precision']:.3f} < {MIN_PRECISION}; false alarms:\n{alarms}"


def test_fixed_false_alarms_stay_fixed(scored: dict) -> None:
    entries = load_regressions()
    assert entries, "regressions.txt lists no fixed false alarm"
    for stem, quote in entries:
        case = scored["cases"].get(stem)
        assert case is not None, f"regressions.txt names a missing case: {stem}"
        ok_quotes = [e["quote"] for e in case.get("expected") or [] if e.get("verdict") == "ok"]
        assert quote in ok_quotes, f"regressions.txt: {stem}: not an ok quote of the case: {quote!r}"
        assert (stem, quote) not in scored["alarms"], (
            f"fixed false alarm is back: {stem}: {quote!r} <- {scored['alarms'][(stem, quote)]}")
