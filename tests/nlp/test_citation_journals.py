"""A journal named for a study (nlp/citations.py `_journals_named`) and the judge's check of it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "cited", "studies"), [
    # "published in" a well-known journal, with no word "journal"
    ("The phase 3 MDMA trial was published in Nature in 2021.", "Nature", ["mapp1"]),
    # the phase named in the next sentence; no year, but both phase 3 papers share one journal
    ("MDMA therapy worked, according to a study in the journal Nature. The leaders of the trial (phase 3) "
     "say the drug helps.", "Nature", ["mapp1", "mapp2"]),
])
def test_a_journal_named_for_a_phase(citations, text: str, cited: str, studies: list[str]) -> None:
    assert (cited, studies) in citations(text)


@pytest.mark.parametrize("text", [
    "The first MDMA trial results were published in December 2021.",  # a month, not a journal
    "The phase 2 MDMA results were published in Science.",  # phase 2 papers appeared in several journals
])
def test_no_journal_citation_without_one_journal(citations, text: str) -> None:
    assert not [c for c in citations(text) if c[0] in ("December", "Science")]


def test_the_wrong_journal_is_flagged_even_after_according_to(bundled_linter) -> None:
    text = ("MDMA therapy worked, according to a study in the journal Nature. The leaders of the trial "
            "(phase 3) say the drug helps.")
    found = [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.rule == "citation-wrong-journal"]
    assert [f.severity for f in found] == ["warning"]
