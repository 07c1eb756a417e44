"""The suppression comment an editor inserts above a flagged line (see factcheck/suppress.py)."""

from __future__ import annotations

COMMENT_FORMATS = ("markdown", "html")


def suppression_comment(rule: str, reason: str, fmt: str) -> str:
    """One directive line, without indentation or newline: a comment in Markdown and HTML, a
    `# factcheck:` line in plain text."""
    reason = " ".join(reason.replace("--", "-").split()) or "reason"
    if fmt in COMMENT_FORMATS:
        return f"<!-- factcheck: disable-next-line {rule} -- {reason.replace('>', ')')} -->"
    return f"# factcheck: disable-next-line {rule} -- {reason}"
