"""GitLab Code Quality output: the fields GitLab requires, stable unique fingerprints."""

from __future__ import annotations

import io
import json
from datetime import date

from factcheck.models import FileReport, Finding, RunInfo, Summary
from factcheck.report import get_reporter


def make(text: str, line: int, severity: str = "error") -> Finding:
    return Finding(rule="mdma/approval-imminent", kind="regulatory-status", verdict="outdated", severity=severity,
                   start=0, end=len(text), text=text, message="Approval is not near.", fact="Declined 2024.",
                   line=line, column=1, end_line=line + 1, end_column=3)


def test_code_quality_fields(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    r = get_reporter("gitlab", out)
    r.start(RunInfo(tool_version="0.1.0", as_of=date(2026, 11, 22), database_claims=1,
                    database_sources=1, database_fingerprint="x"))
    r.file(FileReport(path=str(tmp_path / "site" / "a.md"),
                      findings=[make("soon", 3), make("soon", 9, "info"), make("later", 12, "warning")]))
    r.file(FileReport(path="site/clean.md"))
    r.finish(Summary())
    issues = json.loads(out.getvalue())
    assert len(issues) == 3
    for issue in issues:
        assert issue["description"] and issue["check_name"] == "mdma/approval-imminent"
        assert issue["location"]["path"] == "site/a.md"
    assert [i["severity"] for i in issues] == ["major", "info", "minor"]
    assert issues[0]["location"]["lines"] == {"begin": 3, "end": 4}
    fps = [i["fingerprint"] for i in issues]
    assert len(set(fps)) == 3  # repeats of the same words are numbered
    assert fps[1] == fps[0] + ":2"
    assert "Declined 2024." in issues[0]["content"]["body"]
