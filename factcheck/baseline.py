"""Baselines: adopt factcheck on an old site and fail CI only on new problems.

`factcheck lint --write-baseline .factcheck-baseline.json site/` records today's findings;
`factcheck lint --baseline .factcheck-baseline.json site/` then reports only findings not in it,
and lists the recorded ones that are gone ("fixed") so the file can be refreshed.

Entries are keyed on `Finding.fingerprint(path)`: rule + file + the flagged words, never the line
number, so editing other parts of a page does not resurrect old findings (the problem ruff#1149
describes with line-based baselines). Paths are stored relative to the baseline file's folder, so
the same file works whether lint runs from the repository root or a subfolder. Two identical
findings in one file are two entries; matching consumes one entry per finding, so a third copy of
the same wrong sentence is still new.

File format (version 1), sorted for stable diffs:

    {"version": 1, "tool_version": "0.1.0",
     "entries": [{"fingerprint": "...", "path": "content/a.md", "rule": "approval-imminent",
                  "text": "FDA approval is expected soon"}]}
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.knowledge.yamlload import short_repr
from factcheck.models import FileReport, Finding
from factcheck.report.output import artifact_path, atomic_write

BASELINE_VERSION = 1


class BaselineError(Exception):
    """An unreadable or malformed baseline file (one-line message naming the file)."""


@dataclass(frozen=True, order=True)
class BaselineEntry:
    path: str
    rule: str
    fingerprint: str
    text: str

    def to_json(self) -> dict[str, str]:
        return {"fingerprint": self.fingerprint, "path": self.path, "rule": self.rule, "text": self.text}


@dataclass
class BaselineResult:
    """What `Baseline.filter` did: reports with known findings removed, how many were hidden, and
    the entries for linted files that no longer match any finding."""

    reports: list[FileReport]
    known: int = 0
    new: int = 0
    fixed: list[BaselineEntry] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"known": self.known, "new": self.new, "fixed": [e.to_json() for e in self.fixed]}

    def summary_line(self) -> str:
        line = f"baseline: {self.new} new, {self.known} known (hidden), {len(self.fixed)} fixed"
        if self.fixed:
            line += " (refresh the baseline with --write-baseline to drop them)"
        return line


def _key_path(report_path: str, base: Path) -> str:
    return artifact_path(report_path, base)


def entries_for(reports: Iterable[FileReport], base: Path) -> list[BaselineEntry]:
    out = []
    for report in reports:
        key = _key_path(report.path, base)
        for f in report.findings:
            out.append(BaselineEntry(path=key, rule=f.rule, fingerprint=f.fingerprint(key), text=f.text))
    return sorted(out)


def write_baseline(path: str | os.PathLike[str], reports: Iterable[FileReport], tool_version: str) -> int:
    """Record every finding in `reports`; returns the number of entries written."""
    target = Path(path)
    entries = entries_for(reports, target.resolve().parent)
    doc = {"version": BASELINE_VERSION, "tool_version": tool_version, "entries": [e.to_json() for e in entries]}
    with atomic_write(target) as stream:
        json.dump(doc, stream, indent=2, ensure_ascii=False)
        stream.write("\n")
    return len(entries)


@dataclass
class Baseline:
    path: Path
    entries: list[BaselineEntry]
    tool_version: str | None = None

    @property
    def base(self) -> Path:
        return self.path.resolve().parent

    def matcher(self) -> BaselineMatcher:
        return BaselineMatcher(self)

    def filter(self, reports: Iterable[FileReport]) -> BaselineResult:
        """Filter a whole run at once (see BaselineMatcher for streaming)."""
        m = self.matcher()
        filtered = [m.filter_report(r) for r in reports]
        result = m.result()
        result.reports = filtered
        return result


class BaselineMatcher:
    """Streams reports through a baseline: `filter_report` per file as it is linted, `result`
    once at the end (only then are the fixed entries known)."""

    def __init__(self, baseline: Baseline) -> None:
        self.baseline = baseline
        self.base = baseline.base
        self.remaining = Counter(e.fingerprint for e in baseline.entries)
        self.linted: set[str] = set()
        self.known = 0
        self.new = 0

    def filter_report(self, report: FileReport) -> FileReport:
        key = _key_path(report.path, self.base)
        self.linted.add(key)
        kept: list[Finding] = []
        for f in report.findings:
            fp = f.fingerprint(key)
            if self.remaining[fp] > 0:
                self.remaining[fp] -= 1
                self.known += 1
            else:
                kept.append(f)
        self.new += len(kept)
        return dataclasses.replace(report, findings=kept)

    def result(self) -> BaselineResult:
        result = BaselineResult(reports=[], known=self.known, new=self.new)
        remaining = Counter(self.remaining)
        # Only entries for files linted in this run can be called fixed: linting one page must
        # not report every other page's entries as gone.
        for entry in self.baseline.entries:
            if entry.path in self.linted and remaining[entry.fingerprint] > 0:
                remaining[entry.fingerprint] -= 1
                result.fixed.append(entry)
        return result


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{p}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{p}: cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{p}:{exc.lineno}: invalid JSON in baseline: {exc.msg}") from None
    except RecursionError:
        raise BaselineError(f"{p}: invalid JSON in baseline: nested too deeply") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise BaselineError(f"{p}: not a factcheck baseline (expected an object with 'entries')")
    if data.get("version") != BASELINE_VERSION or isinstance(data.get("version"), bool):
        raise BaselineError(f"{p}: unsupported baseline version {short_repr(data.get('version'))} (expected {BASELINE_VERSION})")
    entries = []
    for i, raw in enumerate(data["entries"]):
        if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in ("fingerprint", "path", "rule")):
            raise BaselineError(f"{p}: entry {i}: expected fingerprint, path and rule strings")
        entries.append(
            BaselineEntry(path=raw["path"], rule=raw["rule"], fingerprint=raw["fingerprint"], text=str(raw.get("text", "")))
        )
    return Baseline(path=p, entries=entries, tool_version=data.get("tool_version"))
