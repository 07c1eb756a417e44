"""Write the three audit outputs: audit.json, report.md and report.html.

report.html is one self-contained file: inline CSS, JS and SVG, no network. Page content is
untrusted: Jinja2 autoescapes every value, the data for the script is JSON inside a
`<script type="application/json">` with `<`, `>` and `&` escaped, and a Content-Security-Policy
allows only our own script and style (by hash), so even an escaping slip could not run code.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from factcheck.audit.model import AuditResult, PageResult, oldest_since
from factcheck.audit.view import build_view

VERDICT_COLORS = {
    "outdated": "#d97706",
    "contradicted": "#dc2626",
    "retracted": "#7c3aed",
    "unsupported": "#64748b",
    "supported": "#16a34a",
}
SEVERITY_COLORS = {"error": "#dc2626", "warning": "#d97706", "info": "#2563eb"}
STATUS_COLORS = {"fetched": "#16a34a", "failed": "#dc2626", "skipped": "#64748b"}


def write_outputs(result: AuditResult, out_dir: str | Path) -> dict[str, Path]:
    """Write audit.json, report.md and report.html into `out_dir` (created if needed), as a set
    or not at all: all three are rendered, encoded and written to temporary files first, every
    target is checked (a regular file or absent), and only then are the three renamed into place.
    Raises OutputTargetError (one line) when the set cannot be written; old reports are kept."""
    from factcheck.report.output import OutputTargetError, check_target

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputTargetError(f"--out {out}: {exc.strerror or exc}") from None
    paths = {
        "json": out / "audit.json",
        "markdown": out / "report.md",
        "html": out / "report.html",
    }
    # Lone surrogates (from a page's own odd charset) cannot be UTF-8: JSON keeps them as \u
    # escapes, the documents as U+FFFD, so one odd page never costs the whole report.
    data = {
        "json": json_text(result).encode("utf-8", "backslashreplace"),
        "markdown": markdown_text(result).encode("utf-8", "replace"),
        "html": html_text(result).encode("utf-8", "replace"),
    }
    for path in paths.values():
        check_target(path, option="--out")
    temps: dict[str, str] = {}
    try:
        for key, path in paths.items():
            temps[key] = _write_temp(path, data[key])
        for key, path in paths.items():
            os.replace(temps.pop(key), path)
    except OSError as exc:
        raise OutputTargetError(f"--out {out}: could not write the reports: {exc.strerror or exc}") from None
    finally:
        for tmp in temps.values():
            Path(tmp).unlink(missing_ok=True)
    return paths


def _write_temp(path: Path, data: bytes) -> str:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp creates 0600; a report is meant to be shared, so use the umask like open() does.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def json_text(result: AuditResult) -> str:
    return json.dumps(result.to_json(), indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------------------------
# Markdown


def _md(text: Any) -> str:
    """Escape text for Markdown (tables included): no live links, HTML or emphasis from pages."""
    s = " ".join(str(text if text is not None else "").split())
    # Only what can start markup mid-line: links need "[", so "(" and "#" stay as they are.
    for ch in "\\`*_[]<>|~":
        s = s.replace(ch, "\\" + ch)
    return s


def _md_link(label: str, url: str | None) -> str:
    if url and url.startswith(("http://", "https://")):
        return f"[{_md(label)}](<{url.replace('>', '%3E').replace(' ', '%20')}>)"
    return _md(label)


def markdown_text(result: AuditResult) -> str:
    run = result.run
    s = result.summary()
    pages = s["pages"]
    lines = [
        f"# factcheck audit, as of {run.as_of.isoformat()}",
        "",
        f"factcheck {_md(run.tool_version)} · database `{run.database_fingerprint[:12]}` "
        f"({run.database_claims} claims, {run.database_sources} sources)",
        "",
        "## Summary",
        "",
        "| Pages | Linted | With findings | Failed | Skipped | Findings |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {s['files']} | {pages['fetched']} | {pages['with_findings']} | {pages['failed']} "
        f"| {pages['skipped']} | {s['findings']} |",
        "",
    ]
    for title, key in (("verdict", "by_verdict"), ("severity", "by_severity"), ("kind", "by_kind")):
        if s[key]:
            parts = ", ".join(f"{_md(k)} {v}" for k, v in s[key].items())
            lines.append(f"- By {title}: {parts}")
    if s["top_rules"]:
        rules = ", ".join(f"`{r['rule']}` {r['count']}" for r in s["top_rules"][:5])
        lines.append(f"- Rules that fire most: {rules}")
    lines.append("")
    if result.compare:
        c = result.compare
        lines += [
            f"## Since the previous audit (as of {_md(c.previous_as_of or '?')})",
            "",
            f"**{c.new} new**, **{c.fixed} fixed**, {c.open} still open"
            + (f", {c.unverified} not re-checked (page unreadable)" if c.unverified else "")
            + ".",
            "",
        ]
        if c.database_changed:
            lines += ["The claims database changed since then; some changes may come from it.", ""]
        if c.pages_added:
            lines.append(f"- Pages new to the audit: {len(c.pages_added)}")
        if c.pages_removed:
            lines.append(f"- Pages no longer audited: {len(c.pages_removed)}")
        lines.append("")

    ranked = [p for p in result.ranked() if p.priority > 0]
    lines += ["## Pages to fix first", ""]
    if not ranked:
        lines += ["No page has a finding that needs fixing.", ""]
    else:
        head = "| # | Priority | Page | Errors | Warnings | Info |"
        sep = "|---:|---:|---|---:|---:|---:|"
        if result.compare:
            head += " New | Fixed |"
            sep += "---:|---:|"
        lines += [head, sep]
        for i, p in enumerate(ranked[:50], 1):
            row = (
                f"| {i} | {p.priority:g} | {_page_cell(p)} | {p.count('error')} | {p.count('warning')} "
                f"| {p.count('info')} |"
            )
            if result.compare:
                row += f" {p.changes.count('new')} | {len(p.fixed)} |"
            lines.append(row)
        if len(ranked) > 50:
            lines.append(f"\n…and {len(ranked) - 50} more pages in report.html / audit.json.")
        lines.append("")

        lines += ["## Findings by page", ""]
        for i, p in enumerate(ranked[:50], 1):
            lines += [f"### {i}. {_md(p.title or p.path)}", "", f"`{_code(p.path)}`", ""]
            for k, f in enumerate(p.findings):
                if f.verdict == "supported":
                    continue
                change = f" · **{p.changes[k]}**" if p.changes else ""
                lines.append(
                    f"- **{f.severity}** · {f.verdict} · line {f.line}{change}: {_md(f.message)}"
                )
                lines.append(f"  - Text: “{_md(f.text)}”")
                lines.append(
                    f"  - Fact: {_md(f.fact)}" + (f" (since {f.since})" if f.since else "")
                )
                if f.suggestion:
                    lines.append(f"  - Suggestion: {_md(f.suggestion)}")
                if f.sources:
                    srcs = "; ".join(_md_link(src.title, src.url) for src in f.sources)
                    lines.append(f"  - Sources: {srcs}")
            lines.append("")

    fixed_pages = [p for p in sorted(result.pages, key=lambda p: p.path) if p.fixed]
    if fixed_pages:
        lines += ["## Fixed since the previous audit", ""]
        for p in fixed_pages:
            for fx in p.fixed:
                lines.append(
                    f"- `{_code(p.path)}`: ~~{_md(fx.get('text'))}~~ fixed (`{_code(fx.get('rule'))}`)"
                )
        lines.append("")

    bad = [p for p in sorted(result.pages, key=lambda p: p.path) if p.status != "fetched"]
    if bad:
        lines += ["## Pages not audited", "", "| Page | Status | Reason |", "|---|---|---|"]
        for p in bad:
            lines.append(f"| `{_code(p.path)}` | {p.status} | {_md(p.reason)} |")
        lines.append("")
    if result.notes:
        lines += ["## Notes", ""] + [f"- {_md(n)}" for n in result.notes] + [""]
    return "\n".join(lines)


def _page_cell(p: PageResult) -> str:
    if p.title and p.title != p.path:
        return f"{_md_link(p.title, _url(p))}<br>`{_code(p.path)}`"
    return _md_link(p.path, _url(p)) if _url(p) else f"`{_code(p.path)}`"


def _code(text: Any) -> str:
    # Inside a code span only backticks and table pipes matter.
    return str(text or "").replace("`", "'").replace("|", "\\|").replace("\n", " ")


def _url(p: PageResult) -> str | None:
    return p.path if p.origin == "url" else None


# ---------------------------------------------------------------------------------------------
# HTML


def _script_json(data: Any) -> str:
    """JSON safe to embed in a <script> element: no `</script>`, `<!--` or entity tricks."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _bars(
    counts: dict[str, int],
    colors: dict[str, str],
    order: list[str] | None = None,
    default: str = "#475569",
) -> dict:
    keys = order or list(counts)
    items = [(k, counts.get(k, 0)) for k in keys if counts.get(k, 0) or order]
    top = max([v for _, v in items] or [0]) or 1
    return {
        "items": [
            {"label": k, "value": v, "frac": v / top, "color": colors.get(k, default)}
            for k, v in items
        ]
    }


def html_context(result: AuditResult) -> dict[str, Any]:
    from factcheck.models import KINDS, SEVERITIES, VERDICTS

    s = result.summary()
    ranked = result.ranked()
    rows = []
    views = []
    for rank, p in enumerate(ranked, 1):
        pid = f"page-{rank}"
        row = {
            "id": pid,
            "rank": rank,
            "path": p.path,
            "url": _url(p),
            "title": p.title or "",
            "label": p.title or p.path,  # what the Page column shows, and sorts by
            "status": p.status,
            "reason": p.reason or "",
            "priority": p.priority,
            "errors": p.count("error"),
            "warnings": p.count("warning"),
            "infos": p.count("info"),
            "findings": len(p.findings),
            "new": p.changes.count("new"),
            "fixed": len(p.fixed),
            "published": p.published.isoformat() if p.published else "",
            "updated": p.updated.isoformat() if p.updated else "",
            "since": oldest_since(p.findings) or "",
            "verdicts": sorted({f.verdict for f in p.findings}),
            "severities": sorted({f.severity for f in p.findings if f.verdict != "supported"}),
            "kinds": sorted({f.kind for f in p.findings}),
            "http_status": p.http_status,
            "has_view": bool(p.findings or p.fixed or p.status != "fetched"),
        }
        rows.append(row)
        if row["has_view"]:
            view = build_view(p.source, p.fmt, p.findings) if p.source and p.findings else None
            views.append({"row": row, "page": p, "view": view, "fps": p.fps})
    rule_counts = {r["rule"]: r["count"] for r in s["top_rules"]}
    kinds = dict(sorted(s["by_kind"].items(), key=lambda kv: (-kv[1], kv[0])))
    charts = [
        ("Findings by verdict", _bars(s["by_verdict"], VERDICT_COLORS, list(VERDICTS)), "verdict"),
        (
            "Findings by severity",
            _bars(s["by_severity"], SEVERITY_COLORS, list(SEVERITIES)),
            "severity",
        ),
        ("Findings by kind", _bars(kinds, {}, default="#6366f1"), "kind"),
        ("Rules that fire most", _bars(rule_counts, {}, default="#0891b2"), "rule"),
    ]
    if result.compare:
        c = result.compare
        charts.append(
            (
                "Since the previous audit",
                _bars(
                    {"new": c.new, "fixed": c.fixed, "still open": c.open},
                    {"new": "#dc2626", "fixed": "#16a34a", "still open": "#d97706"},
                    ["new", "fixed", "still open"],
                ),
                "compare",
            )
        )
    data = {"pages": rows, "summary": s}
    from factcheck.audit.html_template import CSS, JS

    return {
        "run": result.run,
        "summary": s,
        "compare": result.compare,
        "rows": rows,
        "views": views,
        "charts": charts,
        "notes": result.notes,
        "inputs": result.inputs,
        "data_json": _script_json(data),
        "css": CSS,
        "js": JS,
        "csp": (
            "default-src 'none'; img-src data:; "
            f"style-src '{_csp_hash(CSS)}'; script-src '{_csp_hash(JS)}'; "
            "base-uri 'none'; form-action 'none'"
        ),
        "verdicts": list(VERDICTS),
        "severities": list(SEVERITIES),
        "kinds": list(KINDS),
        "severity_colors": SEVERITY_COLORS,
        "verdict_colors": VERDICT_COLORS,
    }


def html_text(result: AuditResult) -> str:
    from jinja2 import Environment, StrictUndefined

    from factcheck.audit.html_template import TEMPLATE

    env = Environment(
        autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["short"] = lambda v, n=12: str(v)[:n]
    env.filters["plural"] = lambda n, word: f"{n} {word}" + ("" if n == 1 else "s")
    return env.from_string(TEMPLATE).render(**html_context(result))
