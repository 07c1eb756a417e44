"""Sentence boundaries: abbreviations, decimals, bullets and headings without punctuation."""

from __future__ import annotations

import pytest

from factcheck.documents.structure import line_breaks


def sentences(run_doc, text: str) -> list[str]:
    doc, _d = run_doc(text)
    return [s.text.strip() for s in doc.sents if s.text.strip()]


@pytest.mark.parametrize(("text", "expected"), [
    ("Jerome et al. reported gains. It ended.", ["Jerome et al. reported gains.", "It ended."]),
    ("Dr. Mithoefer led it. Ms. Smith helped.", ["Dr. Mithoefer led it.", "Ms. Smith helped."]),
    ("MDMA vs. placebo was 67% vs. 32%. Next.", ["MDMA vs. placebo was 67% vs. 32%.", "Next."]),
    ("The effect size was 0.91. It held.", ["The effect size was 0.91.", "It held."]),
    ("Approx. 90 people took part. Done.", ["Approx. 90 people took part.", "Done."]),
    ("It is sold in the U.S. and Canada. Done.", ["It is sold in the U.S. and Canada.", "Done."]),
    # a degree after a name, its last period dropped as some copy does
    ("Jane Roe, Ph.D, the group's director, spoke. Done.", ["Jane Roe, Ph.D, the group's director, spoke.", "Done."]),
])
def test_abbreviations_and_decimals_do_not_end_sentences(run_doc, text: str, expected: list[str]) -> None:
    assert sentences(run_doc, text) == expected


def test_abbreviation_at_the_end_of_a_sentence(run_doc) -> None:
    got = sentences(run_doc, "MDMA was never approved in the U.S. The agency declined it. Smith et al. The end.")
    assert got == ["MDMA was never approved in the U.S.", "The agency declined it.", "Smith et al.", "The end."]


def test_bullets_and_headings_without_punctuation(run_doc) -> None:
    text = "## Approval expected soon\nThe FDA may act\n\n- first item without period\n- second item\n"
    assert sentences(run_doc, text) == ["Approval expected soon", "The FDA may act", "first item without period", "second item"]


def test_line_breaks_in_plain_text() -> None:
    text = "MDMA approval expected by end of 2024\nThe sponsor filed in December\n\nA new paragraph."
    breaks, paragraphs = line_breaks(text)
    assert breaks == [0, text.index("The sponsor"), text.index("A new")]
    assert paragraphs[-1] == text.index("A new")


def test_hard_wrapped_prose_is_joined() -> None:
    line = "MDMA-assisted therapy was studied in two Phase 3 trials that enrolled people with"
    text = "\n".join([line, "severe PTSD across many sites in the United States and Israel and Canada too", line,
                      "moderate PTSD and reported the results in two papers published in a journal", line,
                      "the same journal"])
    breaks, _paragraphs = line_breaks(text)
    assert breaks == [0]


@pytest.mark.parametrize(("text", "expected"), [
    ('**2. "It\'s already approved."** It isn\'t.\n', ['2. "It\'s already approved."', "It isn't."]),
    # A Markdown list marker is markup, blanked before the tokenizer sees it.
    ("3) MDMA is close to approval\n", ["MDMA is close to approval"]),
    ("It rose by 12.\n4. Next point.\n", ["It rose by 12.", "Next point."]),
])
def test_a_number_opening_a_line_numbers_an_item(run_doc, text: str, expected: list[str]) -> None:
    assert sentences(run_doc, text) == expected
