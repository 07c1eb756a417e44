"""Cross-references: cited source ids, unused sources, review dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from packtexts import CLAIMS_AND_STUDIES, SOURCES, line_of, problems_for, the_problem, write_pack_with_studies


def test_unknown_source(tmp_path: Path) -> None:
    bad = CLAIMS_AND_STUDIES.replace("sources: [src-a]\n    corrects", "sources: [src-a, no-such-source]\n    corrects")
    root = write_pack_with_studies(tmp_path, {"claims/c.yaml": bad})
    p = the_problem(problems_for(root), "unknown source id 'no-such-source'")
    assert (p.file, p.line, p.level) == (str(root / "claims" / "c.yaml"), line_of(bad, "no-such-source"), "error")


def test_unused_source_is_a_warning(tmp_path: Path) -> None:
    extra = SOURCES + SOURCES.replace("sources:\n", "").replace("src-a", "src-unused")
    root = write_pack_with_studies(tmp_path, {"sources/s.yaml": extra})
    p = the_problem(problems_for(root), "src-unused: not cited")
    assert (p.line, p.level) == (line_of(extra, "id: src-unused"), "warning")


def test_unordered_dates(tmp_path: Path) -> None:
    bad = CLAIMS_AND_STUDIES.replace("review_by: 2027-05-22", "review_by: 2026-01-01")
    root = write_pack_with_studies(tmp_path, {"claims/c.yaml": bad})
    p = the_problem(problems_for(root), "review_by 2026-01-01 is before verified_on 2026-11-22")
    assert (p.line, p.level) == (line_of(bad, "review_by:"), "error")


def test_review_by_passed_is_a_warning(tmp_path: Path) -> None:
    root = write_pack_with_studies(tmp_path)
    problems = problems_for(root, as_of=date(2027, 6, 1))
    p = the_problem(problems, "review_by 2027-05-22 has passed (as of 2027-06-01)")
    assert (p.file, p.line, p.level) == (str(root / "claims" / "c.yaml"), line_of(CLAIMS_AND_STUDIES, "review_by: 2027-05-22"),
                                         "warning")
    assert all(q.level == "warning" for q in problems)
