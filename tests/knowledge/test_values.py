"""Values of claims and studies: a known quantity in its own unit, and a sane range."""

from __future__ import annotations

from pathlib import Path

from packtexts import AS_OF, CLAIMS_AND_STUDIES, LEXICON, line_of, problems_for, the_problem, write_pack_with_studies

from factcheck.knowledge import check_packs

QUANTITY = LEXICON + "  quantities:\n    - id: response\n      unit: percent\n      cues: [\"respon\\\\w+\"]\n"


def with_value(value: str) -> str:
    return CLAIMS_AND_STUDIES.replace("    sources: [src-a]\n    corrects", f"    sources: [src-a]\n    values:\n{value}    corrects", 1)


def test_a_value_is_read_with_the_default_tolerance_of_its_unit(tmp_path: Path) -> None:
    claims = with_value("      - {quantity: response, unit: percent, value: 67}\n")
    root = write_pack_with_studies(tmp_path, {"claims/lexicon.yaml": QUANTITY, "claims/c.yaml": claims})
    pack, problems = check_packs([root], AS_OF)
    assert [str(p) for p in problems] == []
    (value,) = pack.claims["fact-a"].values
    assert (value.quantity, value.low, value.high, value.tolerance) == ("response", 67.0, 67.0, 0.5)


def test_an_unknown_quantity_is_reported_at_its_line(tmp_path: Path) -> None:
    claims = with_value("      - {quantity: remission, unit: percent, value: 67}\n")
    root = write_pack_with_studies(tmp_path, {"claims/lexicon.yaml": QUANTITY, "claims/c.yaml": claims})
    p = the_problem(problems_for(root), "unknown quantity 'remission'")
    assert (p.line, p.level) == (line_of(claims, "quantity: remission"), "error")


def test_min_above_max_is_an_error(tmp_path: Path) -> None:
    claims = with_value("      - {quantity: response, unit: percent, min: 70, max: 60}\n")
    root = write_pack_with_studies(tmp_path, {"claims/lexicon.yaml": QUANTITY, "claims/c.yaml": claims})
    assert the_problem(problems_for(root), "min 70 is greater than max 60").level == "error"
