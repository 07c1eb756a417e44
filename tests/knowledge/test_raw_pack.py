"""Reading a pack's files: YAML errors with their line, entries keyed by id."""

from __future__ import annotations

from pathlib import Path

from packtexts import CLAIMS_AND_STUDIES, line_of, problems_for, the_problem, write_pack_with_studies


def test_bad_yaml(tmp_path: Path) -> None:
    bad = CLAIMS_AND_STUDIES.replace('fact: "The FDA declined to approve it."', 'fact: "The FDA declined [')
    root = write_pack_with_studies(tmp_path, {"claims/c.yaml": bad})
    p = the_problem(problems_for(root), "invalid YAML")
    assert p.level == "error"
    assert p.file == str(root / "claims" / "c.yaml")
    assert p.line >= line_of(bad, "The FDA declined [")


def test_duplicate_id_in_one_pack(tmp_path: Path) -> None:
    second = CLAIMS_AND_STUDIES.split("studies:")[0].replace("- id: rule-a", "- id: rule-b")
    root = write_pack_with_studies(tmp_path, {"claims/d.yaml": second})
    p = the_problem(problems_for(root), "duplicate claim id 'fact-a'")
    assert p.file == str(root / "claims" / "d.yaml")
    assert p.line == line_of(second, "- id: fact-a")
    assert f"{root / 'claims' / 'c.yaml'}:{line_of(CLAIMS_AND_STUDIES, '- id: fact-a')}" in p.message
