"""Downloads: the findings as the `lint --format json` contract, and as Markdown."""

from __future__ import annotations

import io
from datetime import date

from factcheck.models import FileReport, RunInfo, Summary


def findings_json(report: FileReport, as_of: date, pack, rules: list) -> str:  # type: ignore[no-untyped-def]
    """The same JSON a `factcheck lint --format json` run over this one draft writes."""
    from factcheck import __version__
    from factcheck.report import get_reporter

    out = io.StringIO()
    reporter = get_reporter("json", out, color=False, quiet=False)
    reporter.start(RunInfo(tool_version=__version__, as_of=as_of, database_claims=len(pack.claims),
                           database_sources=len(pack.sources), database_fingerprint=pack.fingerprint,
                           rules=rules))
    summary = Summary()
    summary.add(report)
    reporter.file(report)
    reporter.finish(summary)
    return out.getvalue()


def _md(text: object) -> str:
    """Text from the draft or the pack, made inert in Markdown (no links, HTML or emphasis)."""
    s = " ".join(str(text if text is not None else "").split())
    for ch in "\\`*_[]<>|~":
        s = s.replace(ch, "\\" + ch)
    return s


def findings_markdown(report: FileReport, as_of: date) -> str:
    lines = [f"# factcheck: {_md(report.path)}", "", f"Checked as of {as_of.isoformat()}; "
             f"{len(report.findings)} finding{'s' if len(report.findings) != 1 else ''}.", ""]
    for n, f in enumerate(report.findings, 1):
        lines.append(f"## {n}. {f.severity} {_md(f.verdict)}: `{f.rule}` (line {f.line}, column {f.column})")
        lines += ["", f"> {_md(f.text)}", "", _md(f.message), ""]
        if f.fact:
            lines += [f"- **Fact:** {_md(f.fact)}"]
        if f.suggestion:
            lines += [f"- **Suggestion:** {_md(f.suggestion)}"]
        for s in f.sources:
            url = s.url if s.url.startswith(("http://", "https://")) else ""
            label = _md(s.title)
            lines.append(f"- Source: [{label}](<{url.replace('>', '%3E').replace(' ', '%20')}>)" if url
                         else f"- Source: {label}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
