"""`--compare PREVIOUS`: match this run's findings with a previous audit.json by fingerprint.

Per page: a finding whose fingerprint was there last time is "open", otherwise "new"; a previous
finding with no match is "fixed". A page that could not be read this time proves nothing, so its
previous findings count as "unverified", not fixed; pages that dropped out of the audit are
listed as removed, not fixed, for the same reason.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from factcheck.audit.model import AuditResult, CompareSummary


class CompareError(Exception):
    """The previous report cannot be used (missing, not JSON, not an audit/lint JSON report)."""


def load_previous(path: str | Path) -> dict[str, Any]:
    """Read a previous audit.json (or a folder holding one). Plain `lint --format json` output
    works too: it has the same `files[].findings[]` shape, and fingerprints are recomputed."""
    p = Path(path)
    if p.is_dir():
        p = p / "audit.json"
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CompareError(f"{p}: no such file") from exc
    except (OSError, ValueError) as exc:
        raise CompareError(f"{p}: not readable JSON ({exc})") from exc
    except RecursionError:
        raise CompareError(f"{p}: not readable JSON (nested too deeply)") from None
    if not isinstance(data, dict) or not isinstance(data.get("files"), list):
        raise CompareError(f"{p}: not a factcheck JSON report (no 'files' list)")
    if data.get("schema_version") != 1:
        raise CompareError(
            f"{p}: schema_version {str(data.get('schema_version'))[:40]} is not supported (expected 1)"
        )
    # Checked now, not after a long audit: every page an object with a string path and a list
    # of finding objects.
    for i, entry in enumerate(data["files"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("path", ""), str):
            raise CompareError(f"{p}: files[{i}] is not a page object with a string 'path'")
        findings = entry.get("findings") or []
        if not isinstance(findings, list) or not all(isinstance(f, dict) for f in findings):
            raise CompareError(f"{p}: files[{i}].findings is not a list of finding objects")
        for j, f in enumerate(findings):
            if not all(isinstance(f.get(k, ""), str) for k in ("fingerprint", "rule", "text")):
                raise CompareError(f"{p}: files[{i}].findings[{j}]: fingerprint, rule and text must be strings")
    data["_loaded_from"] = str(p)
    return data


def _previous_fingerprints(entry: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    from factcheck.models import Finding  # local: only needed for reports without fingerprints

    out = []
    seen: dict[str, int] = {}
    for fj in entry.get("findings") or []:
        fp = fj.get("fingerprint")
        if not fp:
            f = Finding(
                rule=fj.get("rule", ""), kind="", verdict="", severity="", start=0, end=0,
                text=fj.get("text", ""), message="", fact="",
            )  # fmt: skip
            base = f.fingerprint(entry.get("path", ""))
            seen[base] = seen.get(base, 0) + 1
            fp = base if seen[base] == 1 else f"{base}:{seen[base]}"
        out.append((fp, fj))
    return out


def apply_compare(result: AuditResult, previous: dict[str, Any]) -> CompareSummary:
    """Mark each finding of `result` new/open, record fixed ones per page; return the totals."""
    prev_db = (previous.get("database") or {}).get("fingerprint")
    summary = CompareSummary(
        previous=previous.get("_loaded_from", ""),
        previous_as_of=previous.get("as_of"),
        previous_database=prev_db,
        database_changed=bool(prev_db) and prev_db != result.run.database_fingerprint,
    )
    prev_pages = {e.get("path"): e for e in previous["files"] if isinstance(e, dict)}
    current_paths = {p.path for p in result.pages}
    for page in result.pages:
        entry = prev_pages.get(page.path)
        if entry is None:
            page.previously = "absent"
            summary.pages_added.append(page.path)
            page.changes = ["new"] * len(page.findings)
            summary.new += len(page.findings)
            continue
        prev = _previous_fingerprints(entry)
        if entry.get("status") in ("failed", "skipped"):
            page.previously = entry["status"]  # its findings now are new to the report
        if page.status != "fetched":
            summary.unverified += len(prev)
            continue
        prev_fps = {fp for fp, _ in prev}
        page.changes = ["open" if fp in prev_fps else "new" for fp in page.fps]
        now = set(page.fps)
        page.fixed = [
            {
                "fingerprint": fp,
                "rule": fj.get("rule"),
                "verdict": fj.get("verdict"),
                "severity": fj.get("severity"),
                "text": fj.get("text"),
                "message": fj.get("message"),
                "line": fj.get("line"),
            }
            for fp, fj in prev
            if fp not in now
        ]
        summary.new += page.changes.count("new")
        summary.open += page.changes.count("open")
        summary.fixed += len(page.fixed)
    summary.pages_removed = sorted(p for p in prev_pages if p and p not in current_paths)
    summary.pages_added.sort()
    result.compare = summary
    return summary
