"""Turn a finding's suggestion into a rewrite of the flagged span, where it is one.

Pack suggestions are instructions to the writer ("Write that the FDA declined ... in August 2024.").
The words after "Write that" / "Say that" are what the text should say, so they are offered as the
replacement of the flagged span; anything else ("Drop the figure ...", "Check ...") is advice, not
a rewrite, and gets no apply action. The result is a starting point the writer then edits."""

from __future__ import annotations

import re

from factcheck.models import Finding

_REWRITE = re.compile(r"^\s*(?:write|say|state)\s+that\s+(?P<body>.+?)\s*$", re.I | re.S)


def rewrite_for(finding: Finding) -> str | None:
    """The replacement text for the finding's span, or None when the suggestion is not a rewrite."""
    if not finding.suggestion:
        return None
    m = _REWRITE.match(finding.suggestion)
    if not m:
        return None
    body = m.group("body")
    # A clause replaces a span inside a sentence: drop the final full stop, keep the words.
    if body.endswith(".") and not body.endswith(".."):
        body = body[:-1]
    return body or None


def apply_rewrite(text: str, finding: Finding) -> str | None:
    """`text` with the finding's span replaced by its rewrite; None when there is no rewrite or the
    span no longer holds the flagged words (the text changed since the check)."""
    new = rewrite_for(finding)
    if new is None or text[finding.start : finding.end] != finding.text:
        return None
    return text[: finding.start] + new + text[finding.end :]
