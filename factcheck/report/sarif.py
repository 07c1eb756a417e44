"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

The shape follows what GitHub's ingestion documents as required (see shared/research/anchors.md
c.1): every rule declared in `tool.driver.rules` (so "ran and found nothing" closes old alerts),
repo-relative `artifactLocation.uri`, 1-based regions whose `endColumn` is the column after the
last character (`columnKind: unicodeCodePoints`, since Python offsets are code points), and
`partialFingerprints` computed from rule + path + flagged words, not the line number, so alerts
survive unrelated edits above them.
"""

from __future__ import annotations

import json
from typing import IO, Any

from factcheck.models import FileReport, Finding, RunInfo, Summary
from factcheck.report.base import Reporter
from factcheck.report.output import artifact_path, artifact_uri

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# Key under which our own fingerprint is stored beside GitHub's primaryLocationLineHash.
FINGERPRINT_KEY = "factcheck/v1"


def sarif_level(severity: str) -> str:
    return LEVELS.get(severity, "warning")


def _text(value: Any, fallback: str) -> str:
    # GitHub rejects empty strings in required text properties.
    text = " ".join(str(value).split()) if value else ""
    return text or fallback


def rule_descriptor(rule: dict[str, Any]) -> dict[str, Any]:
    """A SARIF reportingDescriptor from one RunInfo.rules entry (keys as the lint command fills
    them: id, kind, verdict, severity, summary/message, description, help, sources)."""
    rid = str(rule["id"])
    short = _text(rule.get("summary") or rule.get("message") or rule.get("name"), rid)
    full = _text(rule.get("description") or rule.get("fact") or rule.get("message"), short)
    help_text = _text(rule.get("help") or rule.get("suggestion"), full)
    sources = [s for s in rule.get("sources") or [] if isinstance(s, dict)]
    desc: dict[str, Any] = {
        "id": rid,
        "name": _text(rule.get("name"), rid)[:255],
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": _help(rule, help_text, sources),
        "defaultConfiguration": {"level": sarif_level(str(rule.get("severity") or "warning"))},
        "properties": {
            "tags": [t for t in ("fact-check", rule.get("kind"), rule.get("verdict")) if t],
        },
    }
    if rule.get("help_uri") or rule.get("helpUri"):
        desc["helpUri"] = rule.get("help_uri") or rule.get("helpUri")
    for key in ("kind", "rule_kind", "verdict", "claim_id"):
        if rule.get(key):
            desc["properties"][key] = rule[key]
    if sources:
        desc["properties"]["sources"] = sources
    return desc


def _help(rule: dict[str, Any], help_text: str, sources: list[dict[str, Any]]) -> dict[str, str]:
    """The rule's page (docs_gen.rule_page, what `factcheck explain` prints) when the caller
    rendered it; otherwise the help sentence and the sources' links."""
    page = str(rule.get("help_markdown") or "").strip()
    if page:
        return {"text": page, "markdown": page}
    return {"text": help_text, "markdown": _help_markdown(help_text, sources)}


def _help_markdown(help_text: str, sources: list[dict[str, Any]]) -> str:
    lines = [help_text]
    refs = [f"- [{s.get('title') or s.get('id')}]({s['url']})" for s in sources if s.get("url")]
    if refs:
        lines += ["", "**Sources**", "", *refs]
    return "\n".join(lines)


def _rule_from_finding(f: Finding) -> dict[str, Any]:
    """Metadata for a rule that fired but was not announced in RunInfo.rules (e.g.
    `unused-suppression`, or when the caller passed no rule list)."""
    return {
        "id": f.rule,
        "kind": f.kind,
        "verdict": f.verdict,
        "severity": f.severity,
        "summary": f.message,
        "description": f.fact or f.message,
        "help": f.suggestion or f.fact or f.message,
        "sources": [s.to_json() for s in f.sources],
    }


def result_message(f: Finding) -> str:
    """The message GitHub shows: what is wrong, then the correcting fact and where it comes from."""
    parts = [f.message.strip()]
    if f.fact and f.fact.strip() not in parts[0]:
        parts.append(f"Fact: {f.fact.strip()}")
    if f.suggestion:
        parts.append(f"Suggestion: {f.suggestion.strip()}")
    if f.sources:
        refs = "; ".join(f"{s.title} <{s.url}>" if s.url else s.title for s in f.sources)
        parts.append(f"Sources: {refs}")
    return "\n".join(p for p in parts if p)


def _region(f: Finding) -> dict[str, int]:
    start_line = max(f.line, 1)
    start_col = max(f.column, 1)
    end_line = max(f.end_line, start_line)
    # Finding.end_column is exclusive (the column after the last character), as SARIF wants;
    # a zero-width or missing end falls back to one character past the start.
    end_col = f.end_column if f.end_column > 0 else start_col + max(len(f.text), 1)
    if end_line == start_line and end_col <= start_col:
        end_col = start_col + 1
    return {"startLine": start_line, "startColumn": start_col, "endLine": end_line, "endColumn": end_col}


class SarifReporter(Reporter):
    """Collects results per file and writes one SARIF log at `finish`.

    Options: `base` (folder that URIs are relative to; default the working directory).
    """

    def __init__(self, stream: IO[str], **options: Any) -> None:
        super().__init__(stream, **options)
        self.base = options.get("base")
        self.run: RunInfo | None = None
        self.rules: list[dict[str, Any]] = []
        self.rule_index: dict[str, int] = {}
        self.results: list[dict[str, Any]] = []
        self.notifications: list[dict[str, Any]] = []
        self.artifacts: list[dict[str, Any]] = []

    def start(self, run: RunInfo) -> None:
        self.run = run
        for rule in run.rules:
            self._add_rule(rule)

    def _add_rule(self, rule: dict[str, Any]) -> int:
        rid = str(rule["id"])
        if rid not in self.rule_index:
            self.rule_index[rid] = len(self.rules)
            self.rules.append(rule_descriptor(rule))
        return self.rule_index[rid]

    def file(self, report: FileReport) -> None:
        uri = artifact_uri(report.path, self.base)
        key_path = artifact_path(report.path, self.base)
        artifact_index = len(self.artifacts)
        self.artifacts.append({"location": {"uri": uri}})
        if report.error:
            # An unreadable input is a tool problem, not a result: SARIF's place for it is a
            # notification in the invocation.
            self.notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{key_path}: {report.error}"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                }
            )
        seen: dict[str, int] = {}
        for f in report.findings:
            index = self.rule_index.get(f.rule)
            if index is None:
                index = self._add_rule(_rule_from_finding(f))
            fp = f.fingerprint(key_path)
            # The same words flagged twice in one file share a fingerprint; number the repeats
            # (as GitHub's own line hashes do) so each stays a distinct alert.
            seen[fp] = seen.get(fp, 0) + 1
            self.results.append(
                {
                    "ruleId": f.rule,
                    "ruleIndex": index,
                    "level": sarif_level(f.severity),
                    "message": {"text": result_message(f)},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": uri, "index": artifact_index},
                                "region": {**_region(f), "snippet": {"text": f.text}},
                            }
                        }
                    ],
                    "partialFingerprints": {
                        "primaryLocationLineHash": f"{fp}:{seen[fp]}",
                        FINGERPRINT_KEY: fp,
                    },
                    "properties": {
                        "verdict": f.verdict,
                        "kind": f.kind,
                        "severity": f.severity,
                        "claimId": f.claim_id,
                        "since": f.since,
                        "fact": f.fact,
                        "suggestion": f.suggestion,
                        "sources": [s.to_json() for s in f.sources],
                    },
                }
            )

    def document(self) -> dict[str, Any]:
        run = self.run
        version = run.tool_version if run else _package_version()
        driver: dict[str, Any] = {"name": "factcheck", "version": version, "semanticVersion": version}
        uri = information_uri()
        if uri:
            driver["informationUri"] = uri
        driver["rules"] = self.rules
        sarif_run: dict[str, Any] = {
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "artifacts": self.artifacts,
            "invocations": [
                {
                    "executionSuccessful": not self.notifications,
                    "toolExecutionNotifications": self.notifications,
                }
            ],
            "results": self.results,
        }
        if run is not None:
            sarif_run["properties"] = {
                "asOf": run.as_of.isoformat(),
                "database": {
                    "claims": run.database_claims,
                    "sources": run.database_sources,
                    "fingerprint": run.database_fingerprint,
                },
            }
        return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [sarif_run]}

    def finish(self, summary: Summary) -> None:
        json.dump(self.document(), self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")


def information_uri() -> str | None:
    """The project's home page from the installed package metadata ([project.urls] Homepage or
    Repository), or None when the package declares none: SARIF makes the field optional, and a
    made-up address would send users nowhere."""
    from importlib import metadata

    try:
        from factcheck import DISTRIBUTION

        meta = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None
    urls = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    for label in ("homepage", "home", "repository", "source", "documentation"):
        if urls.get(label, "").startswith(("https://", "http://")):
            return urls[label]
    home = meta.get("Home-page")
    return home if home and home.startswith(("https://", "http://")) else None


def _package_version() -> str:
    from factcheck import __version__

    return __version__
