"""Citations by description (factcheck/nlp/described.py): a study told by what it was, matched to
the one study whose record fits every feature the text gives. Sentences written for this test."""

from __future__ import annotations

import pytest


def _cited(run_doc, text: str) -> list[tuple[str, list[str]]]:
    from factcheck.nlp.pipeline import claims_of

    doc, d = run_doc(text)
    return [(d.text[c.start:c.end], c.studies) for c in claims_of(doc) if c.type == "citation"]


@pytest.mark.parametrize(("text", "study"), [
    # the number and phase of the trials, with how they were put together
    ("Researchers pooled the results of six phase 2 trials of MDMA therapy.", "mithoefer-2019-pooled"),
    ("A longer look, the long-term follow-up of six Phase II trials of MDMA, came out later.", "jerome-2020-ltfu"),
    ("Its authors combined four phase 2 studies of MDMA to compare antidepressant tapers.", "feduccia-2021-taper"),
])
def test_a_described_study_is_cited(run_doc, text: str, study: str):
    cited = _cited(run_doc, text)
    assert [s for _t, s in cited] == [[study]], cited


@pytest.mark.parametrize("text", [
    "MAPS ran six phase 2 trials of MDMA before its phase 3 program.",  # no feature beyond the count
    "Researchers pooled the results of two phase 3 trials of MDMA.",  # no recorded study fits
    "Researchers pooled three phase 2 trials of MDMA.",  # the count fits no study
])
def test_a_description_that_fits_no_single_study_cites_none(run_doc, text: str):
    assert [c for c in _cited(run_doc, text) if c[1]] == []


def test_a_sentence_naming_its_study_is_not_read_as_a_description(run_doc):
    cited = _cited(run_doc, "Mithoefer et al. 2019 pooled six phase 2 trials of MDMA.")
    assert [s for _t, s in cited] == [["mithoefer-2019-pooled"]]


def test_a_count_of_trials_without_a_phase_with_a_follow_up(run_doc):
    cited = _cited(run_doc, "MDMA news. The new paper pools follow-up data from six earlier trials.")
    assert [s for _t, s in cited] == [["jerome-2020-ltfu"]]
