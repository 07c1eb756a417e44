"""`factcheck explain RULE` and `factcheck explain --list`, for pack and built-in rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import main
from factcheck.judge import BUILTIN_RULES
from factcheck.knowledge import load_pack_cached


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no config file above: the bundled pack only


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, ["explain", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def flat(text: str) -> str:
    return " ".join(text.split())  # undo the terminal wrapping


def test_explain_pack_rule() -> None:
    pack = load_pack_cached()
    rule = next(r for r in pack.rules.values() if r.examples_flagged and r.examples_accepted)
    claim = pack.claims[rule.claim_id]
    result = run(rule.id)
    assert result.exit_code == 0
    out, text = flat(result.output), result.output
    assert text.startswith(f"# {rule.id}\n")
    assert flat(rule.summary) in out and flat(rule.message) in out
    assert f"verdict: {rule.verdict}" in out and f"severity: {rule.severity}" in out
    if rule.since:
        assert f"since {rule.since.isoformat()}" in out
    assert "## Why" in text and flat(claim.fact) in out
    if rule.suggestion:
        assert flat(rule.suggestion) in out
    flagged, accepted = text.index("Flagged:"), text.index("Accepted (not flagged):")
    assert flagged < accepted
    for example in rule.examples_flagged:
        assert f"  - {example}" in text[flagged:accepted]
    for example in rule.examples_accepted:
        assert f"  - {example}" in text[accepted:]
    for pattern in rule.pattern_sources:
        assert f"  - {pattern}" in text
    for sid in claim.sources:
        assert pack.sources[sid].url in text


@pytest.mark.parametrize("rule_id", sorted(BUILTIN_RULES))
def test_explain_builtin_rule(rule_id: str) -> None:
    b = BUILTIN_RULES[rule_id]
    result = run(rule_id)
    assert result.exit_code == 0
    out = flat(result.output)
    assert result.output.startswith(f"# {rule_id}\n")
    assert b.summary in out and flat(b.description) in out
    assert f"verdict: {b.verdict}" in out and "built-in rule" in out


def test_explain_list() -> None:
    pack = load_pack_cached()
    result = run("--list")
    assert result.exit_code == 0
    ids = {line.split()[0] for line in result.output.splitlines() if line.startswith("  ")}
    assert ids == set(pack.rules) | set(BUILTIN_RULES)
    rule = next(iter(pack.rules.values()))
    assert any(line.split()[0] == rule.id and line.rstrip().endswith(rule.summary)
               for line in result.output.splitlines() if line.startswith("  "))


def test_explain_unknown_rule_suggests() -> None:
    rule_id = sorted(load_pack_cached().rules)[0]
    typo = rule_id[:-1]
    result = run(typo)
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert f"no rule {typo!r}" in result.output and rule_id in result.output


def test_explain_claim_id_points_to_db_show() -> None:
    cid = next(iter(load_pack_cached().claims))
    result = run(cid)
    if cid in load_pack_cached().rules:  # pragma: no cover - ids of different kinds may coincide
        return
    assert result.exit_code == 2 and f"factcheck db show {cid}" in result.output


def test_explain_needs_an_argument() -> None:
    result = run()
    assert result.exit_code == 2 and "--list" in result.output
