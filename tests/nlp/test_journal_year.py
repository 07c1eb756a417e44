"""Studies cited by journal and year, or as "the YEAR trial" (nlp/journal_year.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "cited", "studies"), [
    ("The first trial of MDMA therapy was published in Nature Medicine in 2021.", "Nature Medicine", ["mapp1"]),
    ("A 2023 paper in Nature Medicine reported the second MDMA trial.", "Nature Medicine", ["mapp2"]),
    # the year nearest the journal decides when the sentence has two
    ("MDMA trials appeared in Nature Medicine in 2021 and again two years later, in 2023.",
     "Nature Medicine", ["mapp1"]),
    # "Journal of Psychopharmacology" is one name, not "Psychopharmacology" after "Journal of"
    ("An MDMA pilot was reported in the Journal of Psychopharmacology in 2011.",
     "the Journal of Psychopharmacology", ["mithoefer-2011"]),
])
def test_a_journal_and_year_name_one_study(citations, text: str, cited: str, studies: list[str]) -> None:
    assert (cited, studies) in citations(text)


def test_the_same_journal_is_the_journal_named_last(citations) -> None:
    text = ("The first MDMA trial came out in Nature Medicine in 2021; the second, in the same journal in 2023, "
            "enrolled 104 people.")
    found = citations(text)
    assert ("Nature Medicine", ["mapp1"]) in found and ("the same journal", ["mapp2"]) in found


@pytest.mark.parametrize(("text", "studies"), [
    ("In the 2021 trial of MDMA therapy, most participants improved.", ["mapp1"]),  # not the 2021 pooled analysis
    ("In the 2023 study of MDMA therapy, most participants improved.", ["mapp2"]),
])
def test_the_year_trial_names_the_years_own(citations, text: str, studies: list[str]) -> None:
    assert [s for _t, s in citations(text)] == [studies]


@pytest.mark.parametrize("text", [
    "Nature Medicine has covered MDMA therapy often.",  # no year: no study
    "In 2022 Nature Medicine ran an editorial on MDMA.",  # no MDMA study of that year in it
    "A 2021 study of MDMA therapy found most participants improved.",  # a study, not the one brought in before
])
def test_no_study_without_a_year_that_picks_one(citations, text: str) -> None:
    assert not [s for _t, s in citations(text) if s]


def test_figures_of_the_year_trial_are_held_to_it(figures) -> None:
    text = ("Two Phase 3 trials of MDMA were published in Nature Medicine. "
            "In the 2021 trial, 67% no longer met PTSD criteria versus 33% on placebo.")
    studies = {t: c.studies for t, c in figures(text)}
    assert studies["67%"] == ["mapp1"] and studies["33%"] == ["mapp1"]


def test_a_sentence_set_against_the_study_is_not_its(figures) -> None:
    text = ("A 2021 study in the journal Nature Medicine followed 90 people with PTSD who took MDMA. "
            "For 67% of them the diagnosis no longer applied. "
            "By comparison, talk therapy works for about 40% of PTSD patients.")
    studies = {t: c.studies for t, c in figures(text)}
    assert studies["67%"] == ["mapp1"] and studies["about 40%"] == []


# -- the scans tried only where a match can start: the same matches as finditer over the text ----

_PIECES = ["the", "The", "THE", "that", "same", "journal", "Journal", "Same Journal", "ſame", "2021", "1999", "2023",
           "trial", "study", "Phase 3", "phase-iii", "Nature Medicine", "Nature", "xNature", "Journal of Psychopharmacology",
           "Psychopharmacology", "-Science", "Science", "published", "appeared", "appearing", "reported", "described",
           "in", "the journal", "Lancet", "The Lancet", "İ", "\n", ",", ".", "-", " ", "the 2021 trial", "THE 1999 Phase 3 study",
           "published in Nature", "reported online in JAMA", "that same journal"]


def _texts(n: int, seed: int) -> list[str]:
    import random

    rng = random.Random(seed)
    return ([" ".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30))) for _ in range(n)]
            + ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30))) for _ in range(n // 3)])


def _ctx(text: str):
    from factcheck.nlp.context import Context
    from factcheck.nlp.normalize import fold

    return Context(text=text, folded=fold(text), sent_starts=[0], paragraphs=[0])


def test_journal_mentions_are_the_plain_scans(bundled_pack) -> None:
    from factcheck.nlp.journal_year import SAME_JOURNAL, _journal_key, _journal_mentions, _journal_pattern

    pattern = _journal_pattern(bundled_pack)[0]
    assert pattern is not None
    hits = 0
    for text in _texts(3000, 16):
        plain = sorted([(m, _journal_key(m.group(0))) for m in pattern.finditer(text)]
                       + [(m, None) for m in SAME_JOURNAL.finditer(text)], key=lambda x: x[0].start())
        got = _journal_mentions(_ctx(text), bundled_pack)
        assert [(m.span(), k) for m, k in got] == [(m.span(), k) for m, k in plain]
        hits += bool(plain)
    assert hits > 1000


def test_definite_year_and_known_journal_scans_are_the_plain_ones() -> None:
    from factcheck.nlp.citations import KNOWN_JOURNAL_NAMED, _told_in_starts
    from factcheck.nlp.journal_year import _DEFINITE_YEAR_AT, DEFINITE_YEAR

    hits = [0, 0]
    for text in _texts(3000, 17):
        ctx = _ctx(text)
        for i, (pattern, where) in enumerate(((DEFINITE_YEAR, _DEFINITE_YEAR_AT), (KNOWN_JOURNAL_NAMED, _told_in_starts))):
            plain = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in ctx.scan_where(pattern, where, folded=False)] == plain
            hits[i] += bool(plain)
        if DEFINITE_YEAR.search(text):  # the gate before the scan
            assert "the 19" in ctx.folded or "the 20" in ctx.folded
    assert min(hits) > 300
