"""Upkeep of the pack through `factcheck db`: partial dates printed as given, no 'outdated, never
true', and `db check --stale` listing what to re-verify next."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from packtexts import CLAIMS, STUDIES, write_pack

from factcheck.cli import main


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_show_prints_partial_dates_as_given() -> None:
    claims = CLAIMS.replace("    valid_from: 2024-08-09\n", "    valid_from: 2024-08\n    announced_on: 2024-08-09\n")
    write_pack(Path("pack"), {"claims/c.yaml": claims})
    out = run("db", "show", "fact-a", "--pack", "pack").output
    assert "valid from:   2024-08\n" in out, out
    assert "announced on: 2024-08-09" in out, out


def test_outdated_without_since_fails_check_and_never_reads_never_true() -> None:
    write_pack(Path("pack"), {"claims/c.yaml": CLAIMS.replace("since: 2024-08-09", "since: null")})
    result = run("db", "check", "--no-bundled", "--pack", "pack", "--as-of", "2026-12-06", "--no-examples")
    assert result.exit_code == 1, result.output
    assert "error: rule test/rule-a: verdict 'outdated' without 'since'" in result.output
    for args in (("db", "show", "rule-a"), ("db", "list", "--type", "rules"), ("explain", "rule-a")):
        out = run(*args, "--pack", "pack").output
        block = [line for line in out.splitlines() if "rule-a" in line or "verdict:" in line]
        assert block and not [line for line in block if "never true" in line], (args, out)
        assert "since: not given" in out, (args, out)


def test_bundled_pack_show_never_prints_outdated_never_true() -> None:
    out = run("db", "list", "--type", "rules").output
    assert not [line for line in out.splitlines() if "outdated" in line and "never true" in line]


def test_stale_lists_oldest_review_first_with_sources() -> None:
    # Two claims and a study, review_by 2027-05-22 / 2026-01-01 / 2027-11-22.
    second = CLAIMS.replace("claims:\n", "").replace("fact-a", "fact-b").replace("rule-a", "rule-b").replace(
        "review_by: 2027-05-22", "review_by: 2026-01-01")
    write_pack(Path("pack"), {"claims/c.yaml": CLAIMS + second + STUDIES})
    result = run("db", "check", "--stale", "--no-bundled", "--pack", "pack", "--as-of", "2026-12-06")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.index("claim fact-b") < out.index("claim fact-a") < out.index("study study-a"), out
    assert "OVERDUE review by 2026-01-01" in out and "OVERDUE review by 2027" not in out
    assert "  - A source\n    https://example.org/a" in out
    limited = run("db", "check", "--stale", "--limit", "1", "--no-bundled", "--pack", "pack",
                  "--as-of", "2026-12-06", "--format", "json")
    data = json.loads(limited.output)
    assert [(e["id"], e["overdue"]) for e in data["entries"]] == [("fact-b", True)]
    assert data["entries"][0]["sources"] == [{"id": "src-a", "title": "A source", "url": "https://example.org/a"}]


def test_stale_on_bundled_pack_is_spread_out() -> None:
    # The pack must not expire all at once: no single review_by date holds most of it.
    data = json.loads(run("db", "check", "--stale", "--limit", "1000", "--format", "json",
                          "--as-of", "2026-12-06").output)
    days = [e["review_by"] for e in data["entries"]]
    assert max(days.count(d) for d in set(days)) <= len(days) // 3, sorted(days)
    assert not [e for e in data["entries"] if e["overdue"]]
