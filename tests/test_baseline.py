"""Baselines: write, reload, and filter (new fails, known hidden, fixed reported)."""

from __future__ import annotations

import json

import pytest

from factcheck.baseline import BaselineError, load_baseline, write_baseline
from factcheck.models import FileReport, Finding


def at(source: str, text: str, rule: str = "approval-imminent", nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = source.index(text, start + 1)
    line = source.count("\n", 0, start) + 1
    return Finding(rule=rule, kind="regulatory-status", verdict="outdated", severity="error", start=start,
                   end=start + len(text), text=text, message="m", fact="f", line=line, column=1,
                   end_line=line, end_column=1 + len(text))


OLD = "# Page\n\nFDA approval is expected soon.\n\nThe dose is 10 mg.\n"


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    return tmp_path


def test_write_then_read_round_trip(site):
    reports = [
        FileReport(path="content/a.md", findings=[at(OLD, "FDA approval is expected soon"),
                                                  at(OLD, "10 mg", rule="dose-max")]),
        FileReport(path="content/clean.md"),
    ]
    n = write_baseline("baseline.json", reports, "0.1.0")
    assert n == 2
    doc = json.loads((site / "baseline.json").read_text())
    assert doc["version"] == 1 and doc["tool_version"] == "0.1.0"
    assert [e["rule"] for e in doc["entries"]] == ["approval-imminent", "dose-max"]
    assert set(doc["entries"][0]) == {"fingerprint", "path", "rule", "text"}
    assert doc["entries"][0]["path"] == "content/a.md"
    loaded = load_baseline("baseline.json")
    assert len(loaded.entries) == 2 and loaded.tool_version == "0.1.0"
    # Reapplied to the same run, nothing is new and nothing is fixed.
    result = loaded.filter(reports)
    assert (result.new, result.known, result.fixed) == (0, 2, [])
    assert all(not r.findings for r in result.reports)


def test_new_finding_fails_old_one_does_not_fixed_is_reported(site):
    write_baseline("baseline.json", [FileReport(path="content/a.md", findings=[
        at(OLD, "FDA approval is expected soon"), at(OLD, "10 mg", rule="dose-max")])], "0.1.0")
    # The page is edited: a paragraph inserted above (old finding moves), the dose fixed, and
    # a new wrong claim added.
    new_src = "# Page\n\nA new intro paragraph.\n\nFDA approval is expected soon.\n\nThe dose is 5 mg. MDMA is legal.\n"
    moved = at(new_src, "FDA approval is expected soon")
    fresh = at(new_src, "MDMA is legal", rule="legal-status-wrong")
    result = load_baseline("baseline.json").filter([FileReport(path="content/a.md", findings=[moved, fresh])])
    assert [f.text for r in result.reports for f in r.findings] == ["MDMA is legal"]
    assert (result.new, result.known) == (1, 1)
    assert [(e.rule, e.text) for e in result.fixed] == [("dose-max", "10 mg")]
    assert result.to_json()["fixed"][0]["path"] == "content/a.md"
    assert result.summary_line().startswith("baseline: 1 new, 1 known (hidden), 1 fixed")


def test_duplicates_are_counted(site):
    src = "Approval soon. Approval soon. Approval soon.\n"
    write_baseline("b.json", [FileReport(path="content/a.md", findings=[at(src, "Approval soon", nth=i) for i in range(2)])], "0")
    result = load_baseline("b.json").filter(
        [FileReport(path="content/a.md", findings=[at(src, "Approval soon", nth=i) for i in range(3)])])
    assert (result.known, result.new) == (2, 1)


def test_unlinted_files_are_not_fixed_and_paths_are_relative_to_baseline(site, monkeypatch):
    write_baseline("b.json", [
        FileReport(path="content/a.md", findings=[at(OLD, "10 mg", rule="dose-max")]),
        FileReport(path="content/b.md", findings=[at(OLD, "10 mg", rule="dose-max")]),
    ], "0")
    # Run from a subfolder, linting only a.md (spelled differently): b.md's entry is not "fixed".
    monkeypatch.chdir(site / "content")
    result = load_baseline(site / "b.json").filter([FileReport(path="a.md", findings=[at(OLD, "10 mg", rule="dose-max")])])
    assert (result.known, result.new, result.fixed) == (1, 0, [])
    result = load_baseline(site / "b.json").filter([FileReport(path="./a.md")])
    assert [e.path for e in result.fixed] == ["content/a.md"]


def test_write_is_atomic_and_overwrites(site):
    (site / "b.json").write_text("old")
    write_baseline("b.json", [], "0")
    assert json.loads((site / "b.json").read_text())["entries"] == []
    assert sorted(p.name for p in site.iterdir()) == ["b.json", "content"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found"),
        ("{", "invalid JSON"),
        ('{"version": 1}', "not a factcheck baseline"),
        ('{"version": 9, "entries": []}', "unsupported baseline version 9"),
        ('{"version": 1, "entries": [{"path": "a"}]}', "entry 0: expected fingerprint"),
    ],
)
def test_bad_baselines_are_one_line_errors(site, content, message):
    if content is not None:
        (site / "b.json").write_text(content)
    with pytest.raises(BaselineError, match=message) as info:
        load_baseline("b.json")
    assert str(info.value).startswith("b.json") and "\n" not in str(info.value)
