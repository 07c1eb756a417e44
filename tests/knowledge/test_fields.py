"""Typed field checks: each bad field is a problem at its own line."""

from __future__ import annotations

from pathlib import Path

import pytest
from packtexts import CLAIMS_AND_STUDIES, line_of, problems_for, the_problem, write_pack_with_studies

from factcheck.knowledge.fields import FieldChecker
from factcheck.knowledge.model import PartialDate
from factcheck.knowledge.yamlload import LineDict, load_yaml


@pytest.mark.parametrize("value, fragment", [
    ("2027-13-40", "'review_by' is not a real date: '2027-13-40'"),
    ("2027/05/22", "'review_by' must be a date YYYY-MM-DD"),
    ("soon", "'review_by' must be a date YYYY-MM-DD"),
])
def test_bad_date(tmp_path: Path, value: str, fragment: str) -> None:
    bad = CLAIMS_AND_STUDIES.replace("review_by: 2027-05-22", f"review_by: {value}")
    root = write_pack_with_studies(tmp_path, {"claims/c.yaml": bad})
    p = the_problem(problems_for(root), fragment)
    assert (p.file, p.line, p.level) == (str(root / "claims" / "c.yaml"), line_of(bad, "review_by:"), "error")


def test_unknown_field(tmp_path: Path) -> None:
    bad = CLAIMS_AND_STUDIES.replace("    valid_from:", "    valid_form: 2024-08-09\n    valid_from:")
    root = write_pack_with_studies(tmp_path, {"claims/c.yaml": bad})
    p = the_problem(problems_for(root), "unknown field 'valid_form'")
    assert p.line == line_of(bad, "valid_form")


def entry(text: str, tmp_path: Path) -> LineDict:
    """The first mapping of a small YAML list, read with its lines."""
    path = tmp_path / "e.yaml"
    path.write_text(text, encoding="utf-8")
    data = load_yaml(path)
    assert isinstance(data, list) and isinstance(data[0], LineDict)
    return data[0]


def test_a_partial_date_keeps_its_precision_and_a_bad_month_is_reported(tmp_path: Path) -> None:
    node = entry("- id: x\n  year: 2025\n  month: 2025-03\n  bad: 2025-13\n", tmp_path)
    ck = FieldChecker()
    assert ck.when(node, "year") == PartialDate.parse("2025")
    assert ck.when(node, "month") == PartialDate.parse("2025-03")
    assert ck.when(node, "bad") is None
    assert [(p.line, p.message) for p in ck.problems] == [(4, "'bad' is not a real month: '2025-13'")]


def test_typed_getters_return_defaults_and_record_each_mismatch(tmp_path: Path) -> None:
    node = entry("- id: Bad Id\n  n: seven\n  kind: blog\n  tags: {a: 1}\n", tmp_path)
    ck = FieldChecker()
    assert ck.entry_id(node, "x: ") == "Bad Id"
    assert ck.number(node, "n") is None
    assert ck.enum(node, "kind", ("news", "other"), default="other") == "other"
    assert ck.strings(node, "tags") == []
    assert ck.string(node, "missing", required=True) is None
    assert [p.line for p in ck.problems] == [1, 2, 3, 4, 1]
    assert all(p.level == "error" for p in ck.problems)
