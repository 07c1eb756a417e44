"""Study entries: size and retraction checked; values and sources as for claims."""

from __future__ import annotations

from pathlib import Path

from packtexts import CLAIMS_AND_STUDIES, line_of, problems_for, the_problem, write_pack_with_studies


def test_a_retracted_study_needs_a_date_or_a_retracted_source(tmp_path: Path) -> None:
    claims = CLAIMS_AND_STUDIES.replace("    status: active\n    sources: [src-a]\n    verified_on",
                                        "    status: retracted\n    sources: [src-a]\n    verified_on")
    root = write_pack_with_studies(tmp_path, {"claims/c.yaml": claims})
    p = the_problem(problems_for(root), "a retracted study needs 'retracted_on'")
    assert (p.line, p.level) == (line_of(claims, "status: retracted"), "error")


def test_the_study_size_must_be_a_whole_number(tmp_path: Path) -> None:
    claims = CLAIMS_AND_STUDIES.replace("    aliases: [STUDYA]\n", "    aliases: [STUDYA]\n    n: about ninety\n")
    root = write_pack_with_studies(tmp_path, {"claims/c.yaml": claims})
    p = the_problem(problems_for(root), "study study-a: 'n' must be a whole number")
    assert p.line == line_of(claims, "n: about ninety")
