"""Pattern compilation: macros expanded, a bad pattern reported at its key's line."""

from __future__ import annotations

from pathlib import Path

from packtexts import CLAIMS_AND_STUDIES, line_of, problems_for, the_problem, write_pack_with_studies

from factcheck.knowledge.fields import FieldChecker
from factcheck.knowledge.patterns import compile_pattern


def test_uncompilable_pattern(tmp_path: Path) -> None:
    bad = CLAIMS_AND_STUDIES.replace('- "{near} (?:to )?{approval}"', '- "(close to approval"')
    root = write_pack_with_studies(tmp_path, {"claims/c.yaml": bad})
    p = the_problem(problems_for(root), "pattern does not compile")
    assert (p.file, p.level) == (str(root / "claims" / "c.yaml"), "error")
    assert p.line == line_of(bad, "patterns:")
    assert "rule rule-a" in p.message and "(close to approval" in p.message


def test_unknown_macro(tmp_path: Path) -> None:
    bad = CLAIMS_AND_STUDIES.replace('- "{near} (?:to )?{approval}"', '- "{near} (?:to )?{no_such_macro}"')
    root = write_pack_with_studies(tmp_path, {"claims/c.yaml": bad})
    p = the_problem(problems_for(root), "unknown macro {no_such_macro}")
    assert (p.line, p.level) == (line_of(bad, "patterns:"), "error")


def test_macros_expand_and_the_pattern_ignores_case() -> None:
    ck = FieldChecker()
    pat = compile_pattern("{near} {approval}", {"near": "close|nearing", "approval": "approv(?:al|ed)"}, ck, None, None, "")
    assert pat is not None and pat.search("Nearing APPROVAL") and ck.problems == []


def test_a_pattern_that_can_take_exponential_time_is_refused() -> None:
    ck = FieldChecker()
    assert compile_pattern("(a+)+b", {}, ck, None, None, "rule r: ") is None
    (p,) = ck.problems
    assert p.level == "error" and "exponential time" in p.message and p.message.startswith("rule r: ")
