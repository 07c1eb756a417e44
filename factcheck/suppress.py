"""Suppressions written in the content itself.

Markdown and HTML use comments, which render invisibly:

    <!-- factcheck: disable approval-imminent, dose -- quoting the 2023 press release -->
    ...
    <!-- factcheck: enable approval-imminent -->
    <!-- factcheck: disable-next-line mapp1-remission -- historical figure, see note -->

Plain text uses the same directives on a line of their own after `#`:

    # factcheck: disable-next-line approval-imminent -- quoted from a 2023 interview

Rules:
- A directive names rule ids or claim kinds, separated by commas; none means every rule.
- Anything after ` -- ` is the reason. It is kept (for reports and review) and never parsed.
- `disable` lasts until an `enable` naming that rule (or a bare `enable`), or the end of the file.
  `enable RULE` inside a bare `disable` turns just that rule back on.
- `disable-next-line` covers the next non-blank line after the directive: a finding is suppressed
  when its lines include that line. Blank lines are skipped so the comment may sit above a
  paragraph with an empty line between, as Markdown formatters like to leave it.
- In Markdown, directives inside fenced code blocks are examples, not directives.

A directive that suppresses nothing is returned as unused; `--report-unused-suppressions` turns each
into a finding of rule `unused-suppression` (kind `other`, severity `warning`, verdict
`unsupported`: the directive asserts a finding that the run does not support). Like any rule it can
be disabled or re-levelled in config.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from factcheck.models import Finding

ACTIONS = ("disable", "enable", "disable-next-line")
UNUSED_RULE = "unused-suppression"

_COMMENT = re.compile(r"<!--\s*factcheck\s*:(?P<body>.*?)-->", re.DOTALL | re.IGNORECASE)
_HASH_LINE = re.compile(r"^[ \t]*#[ \t]*factcheck[ \t]*:(?P<body>[^\n]*)$", re.MULTILINE | re.IGNORECASE)
_FENCE = re.compile(r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})", re.MULTILINE)
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")
_ANY = re.compile(r"factcheck\s*:", re.IGNORECASE)
_COMMENT_FORMATS = {"markdown", "md", "mdx", "html", "htm", "xhtml"}


@dataclass(frozen=True)
class Directive:
    """One `factcheck:` comment. `rules` empty means all rules; `error` is set when the comment
    could not be understood (it is then never applied, and reported as unused)."""

    action: str
    rules: tuple[str, ...]
    reason: str | None
    text: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    target_line: int = 0  # disable-next-line: the line it covers
    error: str | None = None

    def matches(self, finding: Finding) -> bool:
        bare = finding.rule.split("/", 1)[-1]  # "approval-imminent" names "mdma/approval-imminent"
        return not self.rules or finding.rule in self.rules or bare in self.rules or finding.kind in self.rules


@dataclass(frozen=True)
class Region:
    """Offsets [start, end) where `rules` (None: all) minus `allowed` are disabled."""

    directive: Directive
    rules: frozenset[str] | None
    allowed: frozenset[str]
    start: int
    end: int

    def covers(self, finding: Finding) -> bool:
        if not self.start <= finding.start < self.end:
            return False
        names = {finding.rule, finding.rule.split("/", 1)[-1], finding.kind}
        if names & self.allowed:
            return False
        return self.rules is None or bool(names & self.rules)


@dataclass
class Directives:
    items: list[Directive] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.items)


class _Lines:
    """Offset -> (line, column), both 1-based; column counts code points."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def next_nonblank(self, after_line: int) -> int:
        """The first line after `after_line` with non-space text (or the line after, at EOF)."""
        for i in range(after_line, len(self.starts)):
            end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
            if self.text[self.starts[i] : end].strip():
                return i + 1
        return after_line + 1


def _fenced_ranges(text: str) -> list[tuple[int, int]]:
    ranges, open_at, fence = [], None, ""
    for m in _FENCE.finditer(text):
        marker = m.group("fence")
        if open_at is None:
            open_at, fence = m.start(), marker
        elif marker[0] == fence[0] and len(marker) >= len(fence):
            ranges.append((open_at, m.end()))
            open_at = None
    if open_at is not None:
        ranges.append((open_at, len(text)))
    return ranges


def _parse_body(body: str) -> tuple[str, tuple[str, ...], str | None, str | None]:
    """'disable a, b -- why' -> ("disable", ("a", "b"), "why", None)."""
    split = _REASON.search(body)
    head, reason = (body[: split.start()], body[split.end() :].strip() or None) if split else (body, None)
    words = head.split(None, 1)
    if not words:
        return "", (), reason, "empty directive"
    action = words[0].lower()
    rules = tuple(r for r in re.split(r"[\s,]+", words[1]) if r) if len(words) > 1 else ()
    if action not in ACTIONS:
        return action, rules, reason, f"unknown directive {action!r} (expected {', '.join(ACTIONS)})"
    return action, rules, reason, None


def parse_directives(source_text: str, fmt: str) -> Directives:
    """Find the directives in a decoded source. `fmt` is the document format: "markdown" and
    "html" (and their usual aliases) use comments; anything else uses `#` lines."""
    lines = _Lines(source_text)
    fmt = fmt.lower().lstrip(".")
    if fmt in _COMMENT_FORMATS:
        matches = list(_COMMENT.finditer(source_text))
        if fmt in {"markdown", "md", "mdx"}:
            fenced = _fenced_ranges(source_text)
            matches = [m for m in matches if not any(a <= m.start() < b for a, b in fenced)]
    else:
        matches = list(_HASH_LINE.finditer(source_text))

    items: list[Directive] = []
    for m in matches:
        action, rules, reason, error = _parse_body(m.group("body"))
        line, column = lines.at(m.start())
        end_line, end_col0 = lines.at(m.end() - 1)
        items.append(
            Directive(
                action=action,
                rules=rules,
                reason=reason,
                text=m.group(0).strip(),
                start=m.start(),
                end=m.end(),
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_col0 + 1,
                target_line=lines.next_nonblank(end_line) if action == "disable-next-line" else 0,
                error=error,
            )
        )
    return Directives(items=items, regions=_regions(items, len(source_text)))


def _regions(items: list[Directive], length: int) -> list[Region]:
    closed: list[Region] = []
    open_: list[Region] = []
    for d in items:
        if d.error:
            continue
        if d.action == "disable":
            open_.append(Region(d, frozenset(d.rules) or None, frozenset(), d.end, length))
        elif d.action == "enable":
            still_open = []
            for r in open_:
                if not d.rules:  # bare enable: everything back on
                    closed.append(_close(r, d.start))
                elif r.rules is None:
                    # "all rules" stays disabled except the ones enabled here.
                    closed.append(_close(r, d.start))
                    still_open.append(Region(r.directive, None, r.allowed | set(d.rules), d.end, length))
                else:
                    ended = r.rules & set(d.rules)
                    if ended:
                        closed.append(_close(r, d.start))
                        rest = r.rules - ended
                        if rest:
                            still_open.append(Region(r.directive, rest, r.allowed, d.end, length))
                    else:
                        still_open.append(r)
            open_ = still_open
    return [r for r in closed + open_ if r.start < r.end]


def _close(region: Region, at: int) -> Region:
    return Region(region.directive, region.rules, region.allowed, region.start, at)


def apply_suppressions(findings: list[Finding], directives: Directives) -> tuple[list[Finding], list[Directive]]:
    """Split findings into those kept and drop the suppressed ones. Returns (kept, unused), where
    unused lists the `disable`/`disable-next-line` directives that suppressed nothing and any
    directive that could not be parsed."""
    if not directives:
        return list(findings), []
    next_line = [d for d in directives.items if d.action == "disable-next-line" and not d.error]
    used: set[int] = set()  # ids of directives that suppressed something
    kept = []
    for f in findings:
        hits = [d for d in next_line if f.line <= d.target_line <= max(f.end_line, f.line) and d.matches(f)]
        hits += [r.directive for r in directives.regions if r.covers(f)]
        if hits:
            used.update(id(d) for d in hits)
        else:
            kept.append(f)
    unused = [
        d
        for d in directives.items
        if d.error or (d.action in ("disable", "disable-next-line") and id(d) not in used)
    ]
    return kept, unused


def unused_findings(unused: list[Directive], source_text: str | None = None) -> list[Finding]:
    """Findings of rule `unused-suppression` for `--report-unused-suppressions`. With the source,
    each carries its line's text, which the text report quotes."""
    lines = source_text.splitlines() if source_text is not None else []
    out = []
    for d in unused:
        names = ", ".join(d.rules) if d.rules else "any rule"
        if d.error:
            message = f"Unrecognised factcheck directive: {d.error}."
            fact = "Directives are disable, enable and disable-next-line, optionally with rules and ' -- reason'."
            suggestion = "Fix or remove the directive."
        else:
            message = f"Unused suppression: this '{d.action}' directive suppresses no finding of {names}."
            where = f"line {d.target_line}" if d.action == "disable-next-line" else "the text it covers"
            fact = f"factcheck reports no finding of {names} on {where}."
            suggestion = "Remove the directive, or correct the rule id."
        out.append(
            Finding(
                rule=UNUSED_RULE,
                kind="other",
                verdict="unsupported",
                severity="warning",
                start=d.start,
                end=d.end,
                text=d.text,
                message=message,
                fact=fact,
                suggestion=suggestion,
                line=d.line,
                column=d.column,
                end_line=d.end_line,
                end_column=d.end_column,
                line_text=lines[d.line - 1] if 0 < d.line <= len(lines) else "",
            )
        )
    return out


def has_directives(source_text: str) -> bool:
    """Cheap pre-check so files without directives skip parsing."""
    return _ANY.search(source_text) is not None
