"""The lexicon: macros, quantities and arms checked where they are written."""

from __future__ import annotations

from pathlib import Path

from packtexts import LEXICON, line_of, problems_for, the_problem, write_pack_with_studies


def test_a_quantity_needs_a_known_unit(tmp_path: Path) -> None:
    lexicon = LEXICON + "  quantities:\n    - id: response\n      unit: furlongs\n"
    root = write_pack_with_studies(tmp_path, {"claims/lexicon.yaml": lexicon})
    p = the_problem(problems_for(root), "quantity response: 'unit' is 'furlongs'")
    assert (p.line, p.level) == (line_of(lexicon, "unit: furlongs"), "error")


def test_an_arm_must_list_cues_and_a_macro_must_be_text(tmp_path: Path) -> None:
    lexicon = LEXICON + "    broken: [1, 2]\n  arms:\n    placebo: placebo\n"
    root = write_pack_with_studies(tmp_path, {"claims/lexicon.yaml": lexicon})
    problems = problems_for(root)
    assert the_problem(problems, "arm 'placebo' must list regex cues").line == line_of(lexicon, "placebo: placebo")
    assert the_problem(problems, "macro 'broken' must be a string").line == line_of(lexicon, "broken:")
