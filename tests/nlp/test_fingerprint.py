"""A study known by its figures (factcheck/nlp/fingerprint.py): a paragraph that gives one recorded
study's numbers without naming it. Paragraphs written for this test; the numbers are the bundled
pack's records of the two Phase 3 trials (MAPP1: 90 people, 46 and 44 per arm, 67% and 32%;
MAPP2: 104 people, 53 and 51 per arm)."""

from __future__ import annotations

import pytest


def _figures(run_doc, text: str, unit: str | None = None) -> list[tuple[str, list[str], str | None]]:
    from factcheck.nlp.pipeline import claims_of

    doc, d = run_doc(text)
    return [(d.text[c.start:c.end], c.studies, c.study_how) for c in claims_of(doc)
            if c.type == "figure" and (unit is None or c.unit == unit)]


@pytest.mark.parametrize(("text", "study"), [
    # 53 and 51 per arm and 71% are one trial's alone: its 105 participants are judged as that trial's
    ("The team enrolled 105 volunteers with PTSD. 53 took MDMA with therapy and 51 a placebo; "
     "71 percent of the MDMA group no longer had the diagnosis.", "mapp2"),
    ("Of the 90 people in the study, 46 were given MDMA and 44 a placebo, and 67% later lost the diagnosis.", "mapp1"),
])
def test_a_paragraph_of_one_trials_figures_is_that_trials(run_doc, text: str, study: str):
    counts = _figures(run_doc, text, "count")
    assert counts and all(studies == [study] and how == "figures" for _t, studies, how in counts), counts
    # a percentage with no study named may be another measure's: it is not held to the study
    assert all(how != "figures" for _t, _s, how in _figures(run_doc, text, "percent"))


@pytest.mark.parametrize("text", [
    # figures of both trials: no single study fits
    ("Across the two trials, 46 and 53 people took MDMA, 44 and 51 a placebo; 67% and 71% lost the diagnosis "
     "among 90 and 104 participants."),
    # both trials told side by side, with scores in points: no single study fits
    ("The first trial enrolled 90 people and the second 104; scores fell by 24 points against 14 points in the "
     "first and 24 against 15 points in the second, and 67% against 33% lost the diagnosis."),
    # fewer than three recorded numbers
    "The study enrolled 60 volunteers with PTSD, and 53 of them took MDMA.",
    # no word of a trial in the paragraph
    "Prices rose 53 percent in 2021, 51 percent in 2022 and 71 percent in 2023 for 104 products.",
])
def test_figures_that_fit_no_single_study_name_none(run_doc, text: str):
    assert all(how != "figures" for _t, _s, how in _figures(run_doc, text))


def test_the_finding_says_how_the_study_was_known(bundled_linter):
    text = ("# A new PTSD treatment\n\nThe team enrolled 105 volunteers with PTSD. 53 took MDMA with therapy and "
            "51 a placebo; 71 percent of the MDMA group no longer had the diagnosis.\n")
    found = [f for f in bundled_linter.lint_text(text, "a.md").findings if f.rule == "figure-wrong-value"]
    assert found and found[0].text == "105 volunteers"
    assert "which it does not name" in found[0].message and "MAPP2" in found[0].message


def _only_fit_plainly(para: str, pack) -> str | None:
    """`_only_fit` as first written: NUMBER tried at every character, every recorded value of every
    study compared with every number."""
    from factcheck.nlp.fingerprint import MIN_COUNTS, MIN_MATCHES, NUMBER

    numbers = {(float(m.group(1)), "percent" if m.group(2) else "count") for m in NUMBER.finditer(para)
               if not m.group(3)}
    numbers = {(x, kind) for x, kind in numbers if x >= 10}
    if len(numbers) < MIN_MATCHES:
        return None
    fits = []
    for sid, study in pack.studies.items():
        if study.status == "retracted":
            continue
        recorded = {(round(abs(b), 1), v.unit) for v in study.values if v.unit in ("percent", "count")
                    for b in (v.low, v.high)}
        matched = {(x, kind) for x, kind in numbers
                   if any(kind == unit and abs(x - r) < 1.0 and round(r) == round(x) for r, unit in recorded)}
        if len(matched) >= MIN_MATCHES and sum(kind == "count" for _x, kind in matched) >= MIN_COUNTS:
            fits.append(sid)
    return fits[0] if len(fits) == 1 else None


def test_only_fit_reads_as_the_plain_reading(bundled_pack):
    """Numbers found only where digit runs start, and recorded values filed by their rounding: the
    same study (or none) as the plain reading, on paragraphs of every sub-pack's own numbers with
    neighbours, decimals, units and separators around them."""
    import random

    from factcheck.nlp.fingerprint import _only_fit

    rng = random.Random(11)
    seen = 0
    for sub in bundled_pack.packs:
        def numbers_of(studies) -> list[float]:
            return sorted({round(b + d, 2) for st in studies for v in st.values if v.unit in ("percent", "count")
                           for b in (v.low, v.high) for d in (0, 0, 0, 0.4, 0.5, 0.6, -0.5, 1)})

        every = numbers_of(sub.studies.values())
        own = [n for st in sub.studies.values() if len(n := numbers_of([st])) >= 3]
        assert own
        for _ in range(1500):
            parts = []
            values = rng.choice(own)
            for _ in range(rng.randint(3, 8)):
                x = rng.choice(values if rng.random() < 0.85 else every)
                num = f"{x:g}" if rng.random() < 0.8 else f"{x:.1f}"
                parts.append(rng.choice(["", "", "", "about ", "n=", "1", ".", ",", "٣", "x"]) + num
                             + rng.choice(["", "", "", "%", " percent", " points", " mg", " sites", ",5", ".", " of", "0"]))
            para = rng.choice(["participants ", "The placebo arm: ", ""]) + " ".join(parts)
            assert _only_fit(para, sub) == _only_fit_plainly(para, sub), para
            seen += _only_fit(para, sub) is not None
    assert seen > 0
