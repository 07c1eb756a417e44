"""The finding policy: inline suppressions, then the config (disable, severity, attributed).

Shared by `lint` and the editor (web page, language server); out of cli/ so the editor need not
import a command module.
"""

from __future__ import annotations

from factcheck.config import Config, apply_config
from factcheck.models import FileReport


def finding_policy(cfg: Config, report_unused: bool, format_for):  # type: ignore[no-untyped-def]
    """Inline suppressions, then config (disable, severity, attributed), on one file's findings;
    the engine applies it before overlapping findings compete for a span."""
    from factcheck.suppress import apply_suppressions, has_directives, parse_directives, unused_findings

    def policy(report: FileReport, source: str) -> list:
        findings = report.findings
        if source and has_directives(source):
            directives = parse_directives(source, format_for(report.path, source))
            kept, unused = apply_suppressions(findings, directives)
            if report_unused and unused:
                kept = sorted([*kept, *unused_findings(unused, source)], key=lambda f: (f.start, f.end))
            findings = kept
        return apply_config(findings, cfg)

    return policy
