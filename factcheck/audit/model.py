"""What an audit produces: one `PageResult` per input page, gathered in an `AuditResult`.

Priority (what to fix first), stable finding fingerprints and the JSON form of audit.json live
here, so the HTML, Markdown and JSON outputs all rank and count the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from factcheck.models import SEVERITY_RANK, FileReport, Finding, RunInfo

# Page status in audit.json: "fetched" = content obtained (from the web or disk) and linted.
STATUSES = ("fetched", "failed", "skipped")

# Priority weights. A finding that says "supported" is good news and weighs nothing.
WEIGHTS = {"error": 10, "warning": 3, "info": 1}
AGE_BONUS_CAP = 5  # years


def priority_of(findings: list[Finding], as_of: date) -> float:
    """What to fix first: 10 per error + 3 per warning + 1 per info (`supported` verdicts not
    counted), plus one point per full year that the page's oldest outdated or retracted claim
    has been wrong (at most 5), so among equal pages the longest-stale comes first. 0 when
    clean."""
    score = 0
    oldest: date | None = None
    for f in findings:
        if f.verdict == "supported":
            continue
        score += WEIGHTS.get(f.severity, 1)
        if f.verdict in ("outdated", "retracted") and f.since:
            try:
                since = date.fromisoformat(f.since)
            except ValueError:
                continue
            oldest = since if oldest is None or since < oldest else oldest
    if score and oldest is not None and oldest <= as_of:
        score += min(AGE_BONUS_CAP, (as_of - oldest).days // 365)
    return float(score)


def oldest_since(findings: list[Finding]) -> str | None:
    dates = [f.since for f in findings if f.since and f.verdict in ("outdated", "retracted")]
    return min(dates) if dates else None


def fingerprints(report: FileReport) -> list[str]:
    """`Finding.fingerprint(path)` per finding, made unique within the page: the n-th identical
    finding (same rule, same words) gets `:n`, so two copies of one sentence match one to one."""
    seen: dict[str, int] = {}
    out = []
    for f in report.findings:
        fp = f.fingerprint(report.path)
        seen[fp] = seen.get(fp, 0) + 1
        out.append(fp if seen[fp] == 1 else f"{fp}:{seen[fp]}")
    return out


def finding_sort_key(f: Finding) -> tuple[int, int, str, str]:
    return (f.start, f.end, f.rule, f.text)


@dataclass
class PageResult:
    """One audited page: where it came from, whether it could be read, and what was found."""

    path: str  # file path as given (posix) or the requested URL; the key across runs
    origin: str  # "file" or "url"
    status: str = "fetched"
    reason: str | None = None  # why failed/skipped
    report: FileReport | None = None
    source: str | None = None  # decoded text, kept for the highlighted page view
    fmt: str | None = None
    http_status: int | None = None
    final_url: str | None = None
    redirects: list[str] = field(default_factory=list)
    content_type: str | None = None
    title: str | None = None
    priority: float = 0.0
    fps: list[str] = field(default_factory=list)  # parallel to report.findings
    # Filled by compare(): change per finding ("new" / "open"), and findings gone since last run.
    changes: list[str] = field(default_factory=list)
    fixed: list[dict[str, Any]] = field(default_factory=list)
    previously: str | None = None  # "absent" when the page was not in the previous run

    @property
    def findings(self) -> list[Finding]:
        return self.report.findings if self.report else []

    @property
    def published(self) -> date | None:
        return self.report.published if self.report else None

    @property
    def updated(self) -> date | None:
        return self.report.updated if self.report else None

    def count(self, severity: str) -> int:
        return sum(
            1 for f in self.findings if f.severity == severity and f.verdict != "supported"
        )

    def finalize(self, as_of: date) -> None:
        """Sort findings stably and compute fingerprints and priority."""
        if self.report:
            self.report.findings.sort(key=finding_sort_key)
            self.fps = fingerprints(self.report)
            self.priority = priority_of(self.report.findings, as_of)

    def to_json(self) -> dict[str, Any]:
        if self.report is not None:
            out = self.report.to_json()
        else:
            out = {"path": self.path, "published": None, "updated": None, "findings": []}
        for i, fj in enumerate(out["findings"]):
            fj["fingerprint"] = self.fps[i] if i < len(self.fps) else None
            if self.changes:
                fj["change"] = self.changes[i]
        if self.status != "fetched" and "error" not in out:
            out["error"] = self.reason
        out.update(
            {
                "title": self.title,
                "origin": self.origin,
                "status": self.status,
                "reason": self.reason,
                "http_status": self.http_status,
                "final_url": self.final_url,
                "redirects": list(self.redirects),
                "content_type": self.content_type,
                "format": self.fmt,
                "priority": self.priority,
                "counts": {s: self.count(s) for s in WEIGHTS},
                "oldest_outdated_since": oldest_since(self.findings),
            }
        )
        if self.changes or self.fixed or self.previously:
            out["compare"] = {
                "new": self.changes.count("new"),
                "open": self.changes.count("open"),
                "fixed": len(self.fixed),
                "previously": self.previously,
            }
            out["fixed"] = self.fixed
        return out


@dataclass
class CompareSummary:
    previous: str
    previous_as_of: str | None
    previous_database: str | None
    new: int = 0
    fixed: int = 0
    open: int = 0
    unverified: int = 0  # previous findings on pages that could not be read this time
    pages_added: list[str] = field(default_factory=list)
    pages_removed: list[str] = field(default_factory=list)
    database_changed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "previous": self.previous,
            "previous_as_of": self.previous_as_of,
            "previous_database": self.previous_database,
            "database_changed": self.database_changed,
            "new": self.new,
            "fixed": self.fixed,
            "open": self.open,
            "unverified": self.unverified,
            "pages_added": self.pages_added,
            "pages_removed": self.pages_removed,
        }


@dataclass
class AuditResult:
    run: RunInfo
    pages: list[PageResult]
    inputs: dict[str, Any] = field(default_factory=dict)  # what was asked for (folders, URLs...)
    notes: list[str] = field(default_factory=list)  # e.g. sitemap problems
    compare: CompareSummary | None = None

    @property
    def linted(self) -> list[PageResult]:
        return [p for p in self.pages if p.status == "fetched"]

    def ranked(self) -> list[PageResult]:
        """Pages in fix-first order: priority, then errors, warnings, then path (stable)."""
        return sorted(
            self.pages,
            key=lambda p: (-p.priority, -p.count("error"), -p.count("warning"), p.path),
        )

    def summary(self) -> dict[str, Any]:
        by_verdict: dict[str, int] = {}
        by_severity: dict[str, int] = {}
        by_kind: dict[str, int] = {}
        by_rule: dict[str, int] = {}
        findings = 0
        for p in self.pages:
            for f in p.findings:
                findings += 1
                by_verdict[f.verdict] = by_verdict.get(f.verdict, 0) + 1
                by_severity[f.severity] = by_severity.get(f.severity, 0) + 1
                by_kind[f.kind] = by_kind.get(f.kind, 0) + 1
                by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
        status = {s: sum(1 for p in self.pages if p.status == s) for s in STATUSES}
        out: dict[str, Any] = {
            "files": len(self.pages),
            "findings": findings,
            "by_verdict": dict(sorted(by_verdict.items())),
            "by_severity": dict(
                sorted(by_severity.items(), key=lambda kv: -SEVERITY_RANK.get(kv[0], -1))
            ),
            "by_kind": dict(sorted(by_kind.items())),
            "top_rules": [
                {"rule": r, "count": n}
                for r, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
            ],
            "pages": {
                **status,
                "with_findings": sum(
                    1 for p in self.pages if any(f.verdict != "supported" for f in p.findings)
                ),
            },
        }
        if self.compare:
            out["compare"] = self.compare.to_json()
        return out

    def to_json(self) -> dict[str, Any]:
        """audit.json: Contract 1 (schema_version 1, extended) plus per-page audit fields."""
        return {
            "schema_version": 1,
            "tool": {"name": "factcheck", "version": self.run.tool_version},
            "as_of": self.run.as_of.isoformat(),
            "database": {
                "claims": self.run.database_claims,
                "sources": self.run.database_sources,
                "fingerprint": self.run.database_fingerprint,
            },
            "files": [p.to_json() for p in sorted(self.pages, key=lambda p: p.path)],
            "summary": self.summary(),
            "audit": {
                "kind": "factcheck-audit",
                "inputs": self.inputs,
                "notes": self.notes,
                "priority": (
                    "10 x errors + 3 x warnings + 1 x infos (supported not counted), plus 1 per "
                    "full year the oldest outdated/retracted claim has been wrong (max 5)"
                ),
            },
        }
