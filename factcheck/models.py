"""The typed values that flow between stages: documents -> claims -> findings -> reports.

Every stage takes and returns these plain dataclasses, so each can be tested alone. Nothing here
imports spaCy; the CLI's fast paths (--help, --version, formatters) import this module freely.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

VERDICTS = ("outdated", "contradicted", "retracted", "unsupported", "supported")
SEVERITIES = ("error", "warning", "info")
KINDS = (
    "regulatory-status",
    "trial-statistic",
    "dose",
    "protocol",
    "organization",
    "citation",
    "pharmacology",
    "legal-status",
    "other",
)
# Higher number = more severe; used by --fail-on and sorting.
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class SourceRef:
    """A bibliographic source as it appears in a finding (a subset of the database record)."""

    id: str
    title: str
    url: str
    published: str | None = None
    publisher: str | None = None
    status: str = "active"

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "url": self.url, "published": self.published}


@dataclass
class Finding:
    """One judged claim at one place in one file (Contract 1, a member of `findings`)."""

    rule: str
    kind: str
    verdict: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    fact: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    claim_id: str | None = None
    since: str | None = None
    suggestion: str | None = None
    sources: list[SourceRef] = field(default_factory=list)
    # Not part of the JSON contract's required keys; emitted under "context" for tools that want it.
    line_text: str = ""
    # Someone else's statement in the text ("analysts expect ..."): config `attributed: info` lowers it.
    attributed: bool = False
    # The judge lowered it to info (a question, a quotation, a myth the text corrects, a dated
    # statement): a severity override in config must not raise it again by accident.
    lowered: bool = False
    # Rules whose findings said the same thing in this sentence and were folded into this one
    # (judge._resolve_overlaps): the rule's examples still count as caught by it.
    merged: list[str] = field(default_factory=list)
    # The sentence the finding's claim stands in (source offsets), where a rule made it: `covers`
    # reads a whole sentence. Not part of the JSON contract.
    sentence: tuple[int, int] | None = None

    def fingerprint(self, path: str) -> str:
        """A stable id for this finding: rule + file + the flagged words (not the line number),
        so inserting an unrelated paragraph above it does not change it."""
        norm = " ".join(self.text.split()).lower()
        raw = f"{self.rule}\x1f{path}\x1f{norm}"
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "claim_id": self.claim_id,
            "kind": self.kind,
            "verdict": self.verdict,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "fact": self.fact,
            "since": self.since,
            "suggestion": self.suggestion,
            "sources": [s.to_json() for s in self.sources],
        }


@dataclass
class FileReport:
    """All findings for one input, or the error that stopped it from being read."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    published: date | None = None
    updated: date | None = None
    title: str | None = None
    error: str | None = None  # one-line reason the input could not be linted
    source_text: str | None = None  # the decoded source, kept only when a formatter asks for it

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "published": self.published.isoformat() if self.published else None,
            "updated": self.updated.isoformat() if self.updated else None,
            "findings": [f.to_json() for f in self.findings],
        }
        if self.error:
            out["error"] = self.error
        return out


@dataclass
class RunInfo:
    """What a report header needs to know about the run."""

    tool_version: str
    as_of: date
    database_claims: int
    database_sources: int
    database_fingerprint: str
    rules: list[dict[str, Any]] = field(default_factory=list)  # rule metadata for SARIF etc.


@dataclass
class Summary:
    files: int = 0
    findings: int = 0
    errors: int = 0  # inputs that could not be read
    by_verdict: dict[str, int] = field(default_factory=dict)
    by_severity: dict[str, int] = field(default_factory=dict)
    by_rule: dict[str, int] = field(default_factory=dict)

    def add(self, report: FileReport) -> None:
        self.files += 1
        if report.error:
            self.errors += 1
        for f in report.findings:
            self.findings += 1
            self.by_verdict[f.verdict] = self.by_verdict.get(f.verdict, 0) + 1
            self.by_severity[f.severity] = self.by_severity.get(f.severity, 0) + 1
            self.by_rule[f.rule] = self.by_rule.get(f.rule, 0) + 1

    def to_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "findings": self.findings,
            "by_verdict": dict(sorted(self.by_verdict.items())),
            "by_severity": dict(sorted(self.by_severity.items())),
        }
