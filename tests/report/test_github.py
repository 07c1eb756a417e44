"""GitHub Actions annotations: command per severity, positions, and the spec's escaping."""

from __future__ import annotations

import io
from datetime import date

from factcheck.models import FileReport, Finding, RunInfo, SourceRef, Summary
from factcheck.report import get_reporter
from factcheck.report.github import annotation, escape_data, escape_property


def make(rule: str = "approval-imminent", severity: str = "error", **kw) -> Finding:
    fields = {
        "rule": rule, "kind": "regulatory-status", "verdict": "outdated", "severity": severity,
        "start": 10, "end": 39, "text": "FDA approval is expected soon",
        "message": "Says approval is near: 100% wrong, see below.",
        "fact": "The FDA declined, 9 Aug 2024.", "line": 3, "column": 5, "end_line": 3, "end_column": 34,
        "sources": [SourceRef(id="crl", title="FDA CRL", url="https://example.org/crl")],
    }
    fields.update(kw)
    return Finding(**fields)


def render(reports: list[FileReport]) -> list[str]:
    out = io.StringIO()
    r = get_reporter("github", out)
    r.start(RunInfo(tool_version="0.1.0", as_of=date(2026, 11, 22), database_claims=1,
                    database_sources=1, database_fingerprint="x"))
    for rep in reports:
        r.file(rep)
    r.finish(Summary())
    return out.getvalue().splitlines()


def test_escaping_per_spec():
    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    # Property values also protect the separators of the command syntax.
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    # The message may contain ':' and ',' unescaped; only the property part may not.
    assert annotation("warning", "x: y, z", file="a,b.md") == "::warning file=a%2Cb.md::x: y, z"


def test_one_line_per_finding_with_positions_and_title(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = render([
        FileReport(path=str(tmp_path / "docs" / "a.md"), findings=[
            make(), make(rule="r2", severity="warning", line=7, end_line=8, end_column=3),
            make(rule="r3", severity="info"),
        ]),
        FileReport(path="docs/clean.md"),
    ])
    assert len(lines) == 3
    first = lines[0]
    assert first.startswith(
        "::error file=docs/a.md,line=3,col=5,endLine=3,endColumn=34,title=approval-imminent (outdated)::"
    )
    message = first.split("::", 2)[2]
    # Multi-line message (message, fact, sources) stays on one physical line.
    assert "%0AFact%3A" not in message and "%0AFact: The FDA declined, 9 Aug 2024." in message
    assert "100%25 wrong" in message
    assert "FDA CRL <https://example.org/crl>" in message
    assert lines[1].startswith("::warning file=docs/a.md,line=7,col=5,endLine=8,endColumn=3,title=r2 ")
    assert lines[2].startswith("::notice ")


def test_unreadable_file_is_an_error_annotation(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (line,) = render([FileReport(path="x.md", error="cannot decode: byte 0xff")])
    assert line == "::error file=x.md,title=factcheck::x.md: cannot decode: byte 0xff"
