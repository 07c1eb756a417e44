"""--output (atomic writes), --statistics, and path normalisation shared by the formats."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from factcheck.models import Summary
from factcheck.report.output import (
    AtomicOutput,
    artifact_path,
    artifact_uri,
    atomic_write,
    render_statistics,
)


def test_atomic_output_replaces_only_on_success(tmp_path):
    target = tmp_path / "out.sarif"
    target.write_text("old report")
    with AtomicOutput(target) as stream:
        stream.write("new report")
        # Until the block ends, readers still see the previous complete file.
        assert target.read_text() == "old report"
    assert target.read_text() == "new report"
    assert os.listdir(tmp_path) == ["out.sarif"]  # no temp file left behind


def test_atomic_output_keeps_old_file_on_error(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_write(target) as stream:
        stream.write("half")
        raise RuntimeError("formatter crashed")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["out.json"]


def test_atomic_output_permissions_follow_umask(tmp_path):
    target = tmp_path / "r.xml"
    old = os.umask(0o022)
    try:
        with AtomicOutput(target) as stream:
            stream.write("x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_atomic_output_without_path_is_stdout():
    with AtomicOutput(None) as stream:
        assert stream is sys.stdout
    with AtomicOutput("-") as stream:
        assert stream is sys.stdout


def test_atomic_output_relative_name_in_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with AtomicOutput("report.txt") as stream:
        stream.write("ok\n")
    assert (tmp_path / "report.txt").read_text() == "ok\n"


def test_statistics_counts_per_rule_most_frequent_first():
    s = Summary(findings=6, by_rule={"b-rule": 1, "approval-imminent": 4, "a-rule": 1})
    rules = [{"id": "approval-imminent", "verdict": "outdated", "summary": "Says approval is near"}]
    assert render_statistics(s, rules).splitlines() == [
        "4  approval-imminent  [outdated]  Says approval is near",
        "1  a-rule",
        "1  b-rule",
        "6 findings in 3 rules",
    ]


def test_statistics_empty_is_empty():
    assert render_statistics(Summary()) == ""


def test_artifact_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert artifact_path(str(tmp_path / "docs" / "a.md")) == "docs/a.md"
    assert artifact_path("./docs/../docs/a.md") == "docs/a.md"
    assert artifact_path("https://example.org/x") == "https://example.org/x"
    assert artifact_path("-") == "-"
    outside = tmp_path.parent / "elsewhere.md"
    assert artifact_path(str(outside)) == outside.as_posix()
    assert artifact_uri("docs/my page.md") == "docs/my%20page.md"
    assert artifact_uri(str(outside)).startswith("file:///")
    assert artifact_uri("-") == "stdin"
    assert artifact_path("docs/a.md", base=tmp_path / "docs") == "a.md"
