"""`--compare` round trip: two audits of a folder, with pages fixed, broken and removed between
them; findings matched by fingerprint show as new, fixed and still open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from audit_fakes import FakeLinter, fake_run
from click.testing import CliRunner

from factcheck.cli import main

ARGS = ["--as-of", "2026-11-01", "--quiet"]


@pytest.fixture
def use_fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "factcheck.cli.audit._make_linter",
        lambda as_of, config_path, packs=(): (FakeLinter(), fake_run(as_of)),
    )


def _audit(folder: Path, out: Path, *extra: str) -> dict:
    res = CliRunner().invoke(main, ["audit", str(folder), "--out", str(out), *ARGS, *extra])
    doc = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    # Exit 2 when a page failed (the report is still written), else 0.
    assert res.exit_code == (2 if doc["summary"]["pages"]["failed"] else 0), res.output
    return doc


def test_compare_round_trip(tmp_path: Path, use_fake) -> None:
    site = tmp_path / "content"
    site.mkdir()
    (site / "fixed.md").write_text("# Fixed later\n\nFDA approval is expected within months.\n")
    (site / "broken.md").write_text("# Clean now\n\nNothing wrong here.\n")
    (site / "stays.md").write_text("# Stays\n\nSmith et al. 2020 found it.\n")
    (site / "removed.md").write_text("# Removed\n\nThis may help everyone.\n")
    first = _audit(site, tmp_path / "2026-10")
    assert first["summary"]["findings"] == 3

    # Between the runs: one page fixed, one gets a new problem, one only gains a paragraph
    # above its finding (same fingerprint), one page deleted.
    (site / "fixed.md").write_text("# Fixed later\n\nThe FDA declined approval in 2024.\n")
    (site / "broken.md").write_text("# Clean now\n\nResults cut symptoms by 90% in trials.\n")
    (site / "stays.md").write_text("# Stays\n\nA new intro paragraph.\n\nSmith et al. 2020 found it.\n")
    (site / "removed.md").unlink()
    out = tmp_path / "2026-11"
    res = CliRunner().invoke(
        main,
        ["audit", str(site), "--out", str(out), "--compare", str(tmp_path / "2026-10"), *ARGS],
    )
    assert res.exit_code == 0, res.output
    assert "1 new, 1 fixed, 1 still open" in res.output
    second = json.loads((out / "audit.json").read_text(encoding="utf-8"))

    c = second["summary"]["compare"]
    assert (c["new"], c["fixed"], c["open"], c["unverified"]) == (1, 1, 1, 0)
    assert c["pages_removed"] == [(site / "removed.md").as_posix()]
    assert c["database_changed"] is False
    pages = {Path(f["path"]).name: f for f in second["files"]}
    assert pages["fixed.md"]["findings"] == []
    assert pages["fixed.md"]["compare"]["fixed"] == 1
    assert pages["fixed.md"]["fixed"][0]["rule"] == "mdma/approval-imminent"
    [new] = pages["broken.md"]["findings"]
    assert new["change"] == "new" and new["rule"] == "trial-effect-size"
    [still] = pages["stays.md"]["findings"]
    assert still["change"] == "open" and still["line"] == 5  # moved down, same fingerprint

    md = (out / "report.md").read_text(encoding="utf-8")
    assert "**1 new**, **1 fixed**, 1 still open" in md
    assert "## Fixed since the previous audit" in md
    assert "~~FDA approval is expected within months~~ fixed (`mdma/approval-imminent`)" in md
    html = (out / "report.html").read_text(encoding="utf-8")
    assert 'data-testid="n-new">1<' in html and 'data-testid="n-fixed">1<' in html


def test_unreadable_page_is_unverified_not_fixed(tmp_path: Path, use_fake) -> None:
    site = tmp_path / "c"
    site.mkdir()
    (site / "a.md").write_text("FDA approval is expected within months.\n")
    (site / "b.md").write_text("Clean.\n")
    _audit(site, tmp_path / "r1")
    (site / "a.md").write_bytes(b"\x00\x01binary now")
    second = _audit(site, tmp_path / "r2", "--compare", str(tmp_path / "r1" / "audit.json"))
    c = second["summary"]["compare"]
    assert (c["new"], c["fixed"], c["open"], c["unverified"]) == (0, 0, 0, 1)
    a = next(f for f in second["files"] if f["path"].endswith("a.md"))
    assert a["status"] == "failed" and "binary" in a["reason"]


def test_compare_with_plain_lint_json_and_changed_database(tmp_path: Path, use_fake, monkeypatch) -> None:
    site = tmp_path / "c"
    site.mkdir()
    (site / "a.md").write_text("FDA approval is expected within months.\n")
    path = (site / "a.md").as_posix()
    # `factcheck lint --format json` output: no fingerprints, another database.
    lint_json = {
        "schema_version": 1,
        "as_of": "2026-10-01",
        "database": {"claims": 1, "sources": 1, "fingerprint": "older"},
        "files": [{"path": path, "findings": [
            {"rule": "mdma/approval-imminent", "text": "FDA approval is expected  within months"},
            {"rule": "gone-rule", "text": "something"},
        ]}],
    }  # fmt: skip
    prev = tmp_path / "lint.json"
    prev.write_text(json.dumps(lint_json), encoding="utf-8")
    second = _audit(site, tmp_path / "r", "--compare", str(prev))
    c = second["summary"]["compare"]
    assert (c["new"], c["fixed"], c["open"]) == (0, 1, 1)  # whitespace does not change a fingerprint
    assert c["database_changed"] is True and c["previous_as_of"] == "2026-10-01"
