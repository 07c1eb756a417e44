"""Claim entries: a rule id is unique within its pack."""

from __future__ import annotations

from pathlib import Path

from packtexts import CLAIMS_AND_STUDIES, line_of, problems_for, the_problem, write_pack_with_studies


def test_duplicate_rule_id(tmp_path: Path) -> None:
    second = CLAIMS_AND_STUDIES.split("studies:")[0].replace("- id: fact-a", "- id: fact-b")
    root = write_pack_with_studies(tmp_path, {"claims/d.yaml": second})
    p = the_problem(problems_for(root), "duplicate rule id 'rule-a'")
    assert (p.file, p.line) == (str(root / "claims" / "d.yaml"), line_of(second, "- id: rule-a"))
