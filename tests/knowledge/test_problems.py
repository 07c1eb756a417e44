"""Problem lines and the PackError message `lint` prints."""

from __future__ import annotations

from factcheck.knowledge.problems import PackError, Problem


def test_a_problem_reads_as_file_line_level_message() -> None:
    assert str(Problem("claims/c.yaml", 7, "error", "bad")) == "claims/c.yaml:7: error: bad"


def test_pack_error_names_the_first_problem_and_counts_the_rest() -> None:
    problems = [Problem("a.yaml", 3, "error", "first"), Problem("b.yaml", 9, "error", "second")]
    err = PackError(problems)
    assert err.problems == problems
    assert str(err) == "claims database: a.yaml:3: first (and 1 more; run `factcheck db check`)"
    assert str(PackError(problems[:1])) == "claims database: a.yaml:3: first"
