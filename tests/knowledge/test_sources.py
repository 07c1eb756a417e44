"""Source records: evidence required, a retracted source says when."""

from __future__ import annotations

from pathlib import Path

from packtexts import SOURCES, line_of, problems_for, the_problem, write_pack_with_studies


def test_retracted_source_without_date(tmp_path: Path) -> None:
    bad = SOURCES.replace("status: active", "status: retracted")
    root = write_pack_with_studies(tmp_path, {"sources/s.yaml": bad})
    p = the_problem(problems_for(root), "a retracted source needs 'retracted_on' and 'notice'")
    assert (p.file, p.line, p.level) == (str(root / "sources" / "s.yaml"), line_of(bad, "status:"), "error")


def test_missing_evidence(tmp_path: Path) -> None:
    bad = SOURCES.split("    evidence:")[0]
    root = write_pack_with_studies(tmp_path, {"sources/s.yaml": bad})
    p = the_problem(problems_for(root), "missing required list 'evidence'")
    assert (p.line, p.level) == (line_of(bad, "- id: src-a"), "error")
