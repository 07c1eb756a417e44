"""CI gate on the development corpora (issue 11): each dev corpus keeps its recall and precision,
the off-topic corpus raises no warning at all, and every corpus file (sealed ones included) is
well formed. Sealed corpora (tests/corpus_holdout*, tests/corpus_real/sealed, tests/corpus_glp1) are
never scored here: they are measured as aggregates with ../shared/eval/score.py, outside the tests.

Matching is score.py's: a flag (warning or error) catches an outdated/wrong quote, or is a false
alarm on an ok quote, when their spans overlap.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from corpus_cases import load_cases, spans_of, write_cases

TESTS = Path(__file__).parent
AS_OF = date(2026, 11, 22)
BAD = {"outdated", "wrong"}
VERDICTS = BAD | {"ok", "unverifiable"}
KINDS = {"regulatory-status", "trial-statistic", "dose", "protocol", "organization", "citation", "pharmacology",
         "legal-status", "other", "retraction"}
# (folder, minimum recall, minimum precision): floors a little under the figures measured on
# 2026-12-06 (raised on 2026-12-07 where that session's work moved them), so a change that loses
# claims on real wording fails CI.
GATES = [
    ("corpus_dev", 0.88, 0.97),
    ("corpus_dev2", 0.87, 0.97),  # measured 0.871 -> 0.901 / 1.000 on 2026-12-06
    ("corpus_real/dev", 0.75, 0.95),  # score.py: 0.783 / 1.000 on 2026-12-06 (second session)
    ("corpus_real/dev2", 0.80, 0.95),  # 0.769 / 1.000
    ("corpus_real/dev3", 0.58, 0.95),  # 40 passages by a writer who did not tune: 0.382 / 0.941 -> 0.628 / 1.000
    ("corpus_real/dev4", 0.68, 0.95),  # 40 more by a non-tuner: 0.388 / 0.950 when written -> 0.673 / 1.000
    # Written by non-tuners in the fifth session (score when written -> after that session's work):
    ("corpus_real/dev5", 0.60, 0.95),  # 0.459 / 0.900 -> 0.595 / 1.000
    ("corpus_real/dev6", 0.58, 0.95),  # 0.543 / 0.963 -> 0.630 / 1.000
    ("corpus_real/dev7", 0.62, 0.95),  # 0.476 / 0.960 -> 0.595 / 1.000
    # Written by non-tuners in the sixth session:
    ("corpus_real/dev8", 0.58, 0.95),  # 0.491 / 0.744 (10 false alarms) -> 0.528 / 0.969
    ("corpus_real/dev9", 0.55, 0.95),  # 0.373 / 0.870 (3 false alarms) -> 0.412 / 1.000
    # dev10 precision: one label calls "Australia authorises ecstasy ... for medical use" right, where the
    # pack (and a dev9 label and the sealed part, by the aggregate) read an approval claim as wrong.
    ("corpus_real/dev10", 0.52, 0.90),  # 0.278 / 0.714 (4 false alarms) -> 0.278 / 1.000
    # Written by a non-tuner in the seventh session (score when written):
    ("corpus_real/dev11", 0.60, 0.95),  # 0.478 / 0.880 (3 false alarms) when written -> 0.522 / 0.962
    ("corpus_real/dev12", 0.61, 0.90),  # 0.392 / 0.880 (3 false alarms) when written -> 0.431 / 0.923
    ("corpus_real/dev13", 0.58, 0.78),  # 0.480 / 0.722 (5 false alarms) when written -> 0.480 / 0.765 -> 0.640 -> 0.600 (a catch made for the wrong reason lost: "lawmakers have approved large-scale clinical trials" read as MDMA approved)
    # Written by a non-tuner in the eighth session:
    ("corpus_real/dev14", 0.58, 0.88),  # 0.486 / 0.846 (3 false alarms) when written -> 0.595 / 0.929
    ("corpus_real/dev15", 0.55, 0.95),  # 0.242 / 0.727 (2 false alarms) when written -> 0.424 / 0.824
    # Written by a non-tuner in the ninth session:
    ("corpus_real/dev16", 0.57, 0.90),  # 0.476 / 0.875 (3 false alarms) when written -> 0.558 / 0.963
    ("corpus_real/dev17", 0.45, 0.88),  # 0.323 / 0.846 (2 false alarms) when written -> 0.484 / 0.941
    # Written by a non-tuner in the tenth session:
    ("corpus_real/dev18", 0.52, 0.88),  # 0.478 / 0.812 (3 false alarms) when written -> 0.565 / 0.933
    ("corpus_real/dev19", 0.54, 0.84),  # 0.429 / 0.857 (3 false alarms) when written -> 0.595 / 0.893
    ("corpus_real/dev20", 0.76, 0.80),  # 0.654 / 0.840 (4 false alarms) when written -> 0.731 / 0.852
    # Written by non-tuners in the eleventh session:
    ("corpus_real/dev21", 0.39, 0.80),  # 0.415 / 0.778 (6 false alarms) when written -> 0.415 / 0.840
    ("corpus_real/dev22", 0.60, 0.95),  # 0.516 / 1.000 (no false alarm) when written -> 0.645 / 1.000
    ("corpus_real/dev23", 0.19, 0.55),  # 0.162 / 0.545 (5 false alarms) when written -> 0.216 / 0.615
    ("corpus_real/dev24", 0.40, 0.88),  # 0.444 / 0.857 (2 false alarms) when written -> 0.444 / 0.923
    # Written by non-tuners in the twelfth session:
    ("corpus_real/dev25", 0.39, 0.77),  # 0.346 / 0.769 (3 false alarms) when written -> 0.423 / 0.800
    ("corpus_real/dev26", 0.42, 0.82),  # 0.383 / 0.815 (5 false alarms) when written (undated pages only) -> 0.447 / 0.862
    ("corpus_real/dev29", 0.39, 0.78),  # 0.400 / 0.800 (5 false alarms) when written (organisations and people) -> 0.422 / 0.808
    ("corpus_real/dev30", 0.47, 0.93),  # 0.452 / 0.952 (1 false alarm) when written (the approval story told abroad) -> 0.500 / 0.957
    ("corpus_real/dev31", 0.37, 0.90),  # 0.400 / 0.929 (1 false alarm) when written (undated English explainers)
    ("corpus_real/dev32", 0.58, 0.88),  # 0.528 / 0.905 (2 false alarms) when written (dated 2016-2019 news) -> 0.611 / 0.917
    ("corpus_real/dev27", 0.41, 0.66),  # 0.444 / 0.640 (8 false alarms) when written (figures, doses, citations) -> 0.444 / 0.696
    ("corpus_real/dev28", 0.27, 0.50),  # 0.296 / 0.474 (10 false alarms) when written (legal status abroad) -> 0.296 / 0.529
    # Written by non-tuners in the thirteenth session:
    ("corpus_real/dev34", 0.47, 0.90),  # 0.250 / 0.833 (2 false alarms) when written (2025-2026 pages on the programme) -> 0.500 / 0.938
    ("corpus_real/dev35", 0.50, 0.95),  # 0.524 / 1.000 (no false alarm) when written (English 2020-2022 news)
    ("corpus_real/dev36", 0.39, 0.90),  # 0.414 / 0.667 (6 false alarms) when written (non-English 2021-2024) -> 0.414 / 0.923
    ("corpus_real/dev37", 0.58, 0.91),  # 0.536 / 0.938 (1 false alarm) when written (clinics, forums, FAQs) -> 0.607 / 0.944
    ("corpus_real/dev38", 0.47, 0.64),  # 0.500 / 0.600 (5 false alarms) when written (medical trade press) -> 0.500 / 0.667
    ("corpus_real/dev39", 0.58, 0.78),  # 0.609 / 0.708 (7 false alarms) when written (2023-2024 news) -> 0.609 / 0.810
    ("corpus_real/dev40", 0.42, 0.93),  # 0.393 / 0.962 (1 false alarm) when written (non-English 2016-2020) -> 0.446 / 0.966
    ("corpus_real/dev41", 0.45, 0.95),  # 0.478 / 1.000 (no false alarm) when written (English opinion and blogs)
    # Written by non-tuners in the fourteenth session:
    ("corpus_real/dev42", 0.27, 0.65),  # 0.303 / 0.684 (6 false alarms) when written (non-English 2022-2026)
    ("corpus_real/dev43", 0.47, 0.77),
    ("corpus_real/dev44", 0.43, 0.70),  # 0.467 / 0.737 (5 false alarms) when written (organisations and people)
    ("corpus_real/dev45", 0.53, 0.85),  # 0.583 / 0.889 (1 false alarm) when written (US state and federal pages)
    ("corpus_real/dev46", 0.44, 0.74),  # 0.485 / 0.778 (6 false alarms) when written (headlines, briefs, syndicated copies)  # 0.526 / 0.800 (3 false alarms) when written (trial figures and citations, English explainers)
    ("corpus_real/dev33", 0.64, 0.93),  # 0.630 / 0.870 (3 false alarms) when written (MDMA one drug among several) -> 0.667 / 0.955
    ("corpus_glp1_dev", 0.84, 0.95),  # 69 cases since 2026-12-06 (57 new): measured 0.732 / 1.000 -> 0.878 / 1.000
    ("corpus_glp1_dev2", 0.82, 0.95),  # 0.875 / 1.000 (the responder share no longer read as weight loss)
    ("corpus_glp1_dev3", 0.48, 0.90),  # 30 passages by a writer who did not tune: 0.262 / 0.786 -> 0.524 / 0.958
    ("corpus_glp1_dev4", 0.52, 0.95),  # 30 more by a non-tuner: 0.308 / 0.923 when written -> 0.564 / 1.000
    ("corpus_glp1_dev5", 0.32, 0.95),  # 0.216 / 0.857 -> 0.351 / 1.000
    ("corpus_glp1_dev6", 0.50, 0.95),  # 0.345 / 0.833 -> 0.552 / 1.000
    ("corpus_glp1_dev7", 0.42, 0.95),  # 0.192 / 1.000 -> 0.462 / 1.000
    ("corpus_glp1_dev8", 0.28, 0.95),  # 0.172 / 0.625 -> 0.310 / 1.000
    # dev9 and dev12: one alarm each from the Doustdar role rule (eighth session) on a July 2025 page that calls him
    # head of International Operations, right when written; other parts label the same statement outdated.
    ("corpus_glp1_dev9", 0.27, 0.85),  # 0.200 / 0.455 (4 false alarms) -> 0.300 / 1.000 -> 0.300 / 0.875
    ("corpus_glp1_dev10", 0.33, 0.95),  # 0.273 / 1.000 -> 0.364 / 1.000
    ("corpus_glp1_dev11", 0.10, 0.60),  # 0.105 / 0.500 (2 false alarms) when written -> 0.105 / 0.667
    ("corpus_glp1_dev12", 0.25, 0.78),  # 0.143 / 0.500 (2 false alarms) when written -> 0.143 / 1.000 -> 0.286 / 0.800
    ("corpus_glp1_dev13", 0.25, 0.45),  # 0.000 / 0.000 (4 false alarms) when written -> 0.286 / 0.500
    ("corpus_glp1_dev16", 0.17, 0.50),  # 0.190 / 0.308 (7 false alarms) when written (2022-2024 news, 7 languages) -> 0.190 / 0.571
    ("corpus_glp1_dev17", 0.30, 0.85),  # 0.333 / 0.889 (1 false alarm) when written (patient-facing pages)
    ("corpus_glp1_dev18", 0.20, 0.50),  # 0.222 / 0.444 (5 false alarms) when written (investor and trade pages) -> 0.222 / 0.571
    ("corpus_glp1_dev19", 0.12, 0.90),  # 0.136 / 0.500 (3 false alarms) when written (health explainers) -> 0.136 / 1.000
    ("corpus_glp1_dev20", 0.05, 0.45),  # 0.056 / 0.500 (1 false alarm) when written (12 languages little used before)
    ("corpus_glp1_dev21", 0.05, 0.95),  # 0.071 / 1.000 (no false alarm) when written (US local news and state pages)
    ("corpus_glp1_dev15", 0.10, 0.35),  # 0.111 / 0.250 (6 false alarms) when written (2025-2026 news, 6 languages) -> 0.111 / 0.400
    ("corpus_glp1_dev14", 0.40, 0.55),  # 0.444 / 0.400 (5 false alarms) when written -> 0.444 / 0.571
    # fifteenth session: four parts written with main's code of its start, two more at its end
    ("corpus_real/dev47", 0.60, 0.78),  # 0.565 / 0.812 (3 false alarms) when written (10 languages) -> 0.652 / 0.833
    ("corpus_real/dev48", 0.50, 0.82),  # 0.421 / 0.842 (3 false alarms) when written (small English sites) -> 0.553 / 0.875
    ("corpus_real/dev49", 0.30, 0.80),  # 0.235 / 0.800 (1 false alarm) when written (aftermath, 2023-2026) -> 0.353 / 0.857
    ("corpus_glp1_dev22", 0.12, 0.38),  # 0.095 / 0.286 (5 false alarms) when written (outside the US) -> 0.143 / 0.429
    ("corpus_glp1_dev23", 0.14, 0.90),  # 0.100 / 0.400 (6 false alarms) when written (US supply, prices) -> 0.167 / 1.000
    ("corpus_glp1_dev24", 0.05, 0.30),  # 0.083 / 0.333 (2 false alarms) when written (mixed English news)
    # sixteenth session: written with main's code of its start
    ("corpus_real/dev50", 0.60, 0.95),  # 0.650 / 1.000 (no false alarm) when written (press offices, investors, local TV)
    ("corpus_glp1_dev25", 0.08, 0.60),  # 0.100 / 0.667 (1 false alarm) when written (prices, coverage, rollouts)
    ("corpus_real/dev51", 0.28, 0.70),  # 0.306 / 0.722 (5 false alarms) when written (pages before the events they await)
    ("corpus_glp1_dev26", 0.08, 0.45),  # 0.095 / 0.500 (2 false alarms) when written (approvals, indications, labels)
]
ALL_CORPORA = ["corpus", "corpus_dev", "corpus_dev2", "corpus_holdout", "corpus_holdout2", "corpus_real/dev", "corpus_real/dev2",
               "corpus_real/dev3", "corpus_real/dev4", "corpus_real/sealed", "corpus_real/offtopic", "corpus_glp1", "corpus_glp1_dev",
               "corpus_glp1_dev2", "corpus_glp1_dev3", "corpus_glp1_dev4", "corpus_real/dev5", "corpus_real/dev6",
               "corpus_real/dev7", "corpus_real/dev8", "corpus_glp1_dev5", "corpus_glp1_dev6", "corpus_glp1_dev7",
               "corpus_glp1_dev8", "corpus_glp1_dev9", "corpus_real/dev9", "corpus_real/dev10",
               "corpus_glp1_dev10", "corpus_real/dev11", "corpus_glp1_dev11", "corpus_glp1_dev12",
               "corpus_real/dev12", "corpus_glp1_dev13", "corpus_real/dev13", "corpus_real/dev14",
               "corpus_real/dev15", "corpus_glp1_dev14", "corpus_real/dev16", "corpus_real/dev17",
               "corpus_real/dev18", "corpus_real/dev19", "corpus_real/dev20", "corpus_real/dev21",
               "corpus_real/dev22", "corpus_real/dev23", "corpus_real/dev24", "corpus_real/dev25",
               "corpus_real/dev26", "corpus_real/dev27", "corpus_real/dev28", "corpus_real/dev29",
               "corpus_real/dev30", "corpus_real/dev31", "corpus_real/dev32", "corpus_real/dev33",
               "corpus_real/dev34", "corpus_real/dev35", "corpus_real/dev36", "corpus_real/dev37",
               "corpus_real/dev38", "corpus_real/dev39", "corpus_real/dev40", "corpus_real/dev41",
               "corpus_real/dev42", "corpus_real/dev43", "corpus_real/dev44", "corpus_real/dev45",
               "corpus_real/dev46", "corpus_glp1_dev15", "corpus_glp1_dev16", "corpus_glp1_dev17",
               "corpus_glp1_dev18", "corpus_glp1_dev19", "corpus_glp1_dev20",
               "corpus_glp1_dev21", "corpus_real/dev47", "corpus_real/dev48", "corpus_real/dev49",
               "corpus_glp1_dev22", "corpus_glp1_dev23", "corpus_glp1_dev24",
               "corpus_real/dev50", "corpus_glp1_dev25", "corpus_real/dev51", "corpus_glp1_dev26"]


def score(folder: Path, linter, tmp: Path) -> dict:  # type: ignore[no-untyped-def]
    files = write_cases(folder, tmp)
    caught = missed = on_bad = on_ok = flags_total = 0
    alarms: list[str] = []
    for report in linter.lint_paths(sorted(files)):
        name, case, offset = files[str(Path(report.path))]
        flags = [(f.start - offset, f.end - offset, f.rule) for f in report.findings if f.severity in ("warning", "error")]
        flags_total += len(flags)
        for exp in case.get("expected") or []:
            spans = spans_of(exp["quote"], case["text"])
            hit = [f for f in flags if any(f[0] < e and s < f[1] for s, e in spans)]
            if exp.get("verdict") in BAD:
                caught += bool(hit)
                missed += not hit
                on_bad += len(hit)
            elif exp.get("verdict") == "ok" and hit:
                on_ok += len(hit)
                alarms.append(f"{name}: {exp['quote']!r} <- {hit[0][2]}")
    return {"recall": caught / (caught + missed) if caught + missed else 1.0,
            "precision": on_bad / (on_bad + on_ok) if on_bad + on_ok else 1.0,
            "alarms": alarms, "flags": flags_total}


@pytest.fixture(scope="module")
def linter():  # type: ignore[no-untyped-def]
    from factcheck.engine import Linter
    from factcheck.knowledge import load_pack_cached

    return Linter(load_pack_cached(), AS_OF)


@pytest.mark.parametrize(("folder", "min_recall", "min_precision"), GATES, ids=[g[0] for g in GATES])
def test_dev_corpus_gate(linter, tmp_path: Path, folder: str, min_recall: float, min_precision: float) -> None:
    got = score(TESTS / folder, linter, tmp_path)
    assert got["recall"] >= min_recall, f"{folder}: recall {got['recall']:.3f} < {min_recall}"
    assert got["precision"] >= min_precision, (
        f"{folder}: precision {got['precision']:.3f} < {min_precision}; false alarms:\n" + "\n".join(got["alarms"]))


def test_offtopic_corpus_raises_no_mdma_warning_on_other_drugs(linter, tmp_path: Path) -> None:
    got = score(TESTS / "corpus_real" / "offtopic", linter, tmp_path)
    assert got["alarms"] == [], "warnings on statements about other drugs:\n" + "\n".join(got["alarms"])


@pytest.mark.parametrize("folder", ALL_CORPORA)
def test_corpus_files_are_well_formed(folder: str) -> None:
    cases = load_cases(TESTS / folder)
    assert cases, f"{folder}: no cases"
    for name, case in cases:
        for exp in case.get("expected") or []:
            assert exp.get("verdict") in VERDICTS, f"{folder}/{name}: verdict {exp.get('verdict')!r}"
            assert exp.get("kind") in KINDS, f"{folder}/{name}: kind {exp.get('kind')!r}"
            assert exp["quote"] in case["text"], f"{folder}/{name}: quote not in text: {exp['quote']!r}"


def test_real_text_corpora_avoid_the_urls_kept_for_independent_measurement() -> None:
    exclude = TESTS.parent.parent / "shared" / "eval" / "exclude-urls.txt"
    if not exclude.is_file():
        pytest.skip("../shared/eval/exclude-urls.txt is not beside this checkout")
    banned = {line.strip() for line in exclude.read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")}
    for folder in ("corpus_real/dev", "corpus_real/dev2", "corpus_real/dev3", "corpus_real/dev4", "corpus_real/dev5",
                   "corpus_real/dev6", "corpus_real/dev7", "corpus_real/dev8", "corpus_real/sealed", "corpus_real/offtopic",
                   "corpus_glp1",
                   "corpus_glp1_dev", "corpus_glp1_dev2", "corpus_glp1_dev3", "corpus_glp1_dev4", "corpus_glp1_dev5",
                   "corpus_glp1_dev6", "corpus_glp1_dev7", "corpus_glp1_dev8", "corpus_glp1_dev9", "corpus_real/dev9",
                   "corpus_real/dev10", "corpus_glp1_dev10", "corpus_real/dev11", "corpus_glp1_dev11",
                   "corpus_glp1_dev12", "corpus_real/dev12", "corpus_glp1_dev13", "corpus_real/dev13",
                   "corpus_real/dev14", "corpus_real/dev15", "corpus_glp1_dev14", "corpus_real/dev16",
                   "corpus_real/dev17", "corpus_real/dev18", "corpus_real/dev19", "corpus_real/dev20",
                   "corpus_real/dev21", "corpus_real/dev22", "corpus_real/dev23", "corpus_real/dev24",
                   "corpus_real/dev25", "corpus_real/dev26", "corpus_real/dev27", "corpus_real/dev28",
                   "corpus_real/dev29", "corpus_real/dev30", "corpus_real/dev31", "corpus_real/dev32",
                   "corpus_real/dev33", "corpus_real/dev34", "corpus_real/dev35", "corpus_real/dev36",
                   "corpus_real/dev37", "corpus_real/dev38", "corpus_real/dev39", "corpus_real/dev40",
                   "corpus_real/dev41", "corpus_real/dev42", "corpus_real/dev43", "corpus_real/dev44",
                   "corpus_real/dev45", "corpus_real/dev46", "corpus_glp1_dev15", "corpus_glp1_dev16",
                   "corpus_glp1_dev17", "corpus_glp1_dev18", "corpus_glp1_dev19", "corpus_glp1_dev20",
                   "corpus_glp1_dev21", "corpus_real/dev47", "corpus_real/dev48", "corpus_real/dev49",
                   "corpus_glp1_dev22", "corpus_glp1_dev23", "corpus_glp1_dev24",
                   "corpus_real/dev50", "corpus_glp1_dev25", "corpus_real/dev51", "corpus_glp1_dev26"):
        for name, case in load_cases(TESTS / folder):
            assert case.get("url") not in banned, f"{folder}/{name} is based on an excluded URL"
