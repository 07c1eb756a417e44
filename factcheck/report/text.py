"""Compiler-style text output: `path:line:col: severity rule message`, the line with the span
marked, then the fact, the suggestion and the sources. Written file by file as results arrive."""

from __future__ import annotations

from typing import IO, Any

from factcheck.models import FileReport, RunInfo, Summary
from factcheck.report.sanitize import one_line, printable

COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m", "dim": "\033[2m",
          "bold": "\033[1m", "reset": "\033[0m", "mark": "\033[1;35m"}


class TextReporter:
    def __init__(self, stream: IO[str], color: bool = False, quiet: bool = False, **_: Any) -> None:
        self.stream = stream
        self.color = color
        self.quiet = quiet

    def _c(self, name: str, text: str) -> str:
        return f"{COLORS[name]}{text}{COLORS['reset']}" if self.color else text

    def start(self, run: RunInfo) -> None:
        self.run = run

    def file(self, report: FileReport) -> None:
        w = self.stream.write
        # Article text and file names are neutralised before any colour escape of ours is added.
        path = one_line(report.path)
        if report.error:
            w(f"{path}: {self._c('error', 'error')} input {one_line(report.error)}\n")
            self.stream.flush()
            return
        for f in report.findings:
            head = (f"{path}:{f.line}:{f.column}: {self._c(f.severity, f.severity)} "
                    f"{self._c('bold', one_line(f.rule))} {one_line(f.message)}")
            w(head + "\n")
            if self.quiet:
                continue
            w(self._excerpt(f.line, f.column, f.end_line, f.end_column, one_line(f.line_text)))
            if f.end_line > f.line:
                w(self._continuation(f.end_line, f.text))
            if f.fact:
                w(f"   = fact: {printable(f.fact)}\n")
            if f.since:
                w(f"   = since: {f.since}\n")
            if f.suggestion:
                w(f"   = fix: {printable(f.suggestion)}\n")
            for s in f.sources[:4]:
                date = f", {s.published}" if s.published else ""
                w(f"   = source: {one_line(s.title)}{date} <{one_line(s.url)}>\n")
            if len(f.sources) > 4:
                w(f"   = and {len(f.sources) - 4} more sources (factcheck db show {f.claim_id})\n" if f.claim_id else "")
            w("\n")
        self.stream.flush()

    def _excerpt(self, line: int, col: int, end_line: int, end_col: int, text: str) -> str:
        gutter = f"{line:>5} | "
        # Long lines (one paragraph per line) are cut to a window around the span.
        start = max(0, col - 1 - 60)
        stop = len(text) if end_line > line else min(len(text), end_col - 1 + 60)
        shown = text[start:stop].replace("\t", " ")
        prefix = "…" if start > 0 else ""
        suffix = "…" if stop < len(text) else ""
        width = (end_col - col) if end_line == line else max(1, len(text) - col + 1)
        pad = " " * (len(prefix) + col - 1 - start)
        marker = "^" * max(1, width)
        return f"{self._c('dim', gutter)}{prefix}{shown}{suffix}\n{' ' * 6}{self._c('dim', '|')} {pad}{self._c('mark', marker)}\n"

    def _continuation(self, end_line: int, text: str) -> str:
        """The flagged words on the span's last line, marked: a span over two lines is marked on
        both, not only from its start to the end of the first."""
        tail = text.replace("\r\n", "\n").replace("\r", "\n").rsplit("\n", 1)[-1].replace("\t", " ")
        if len(tail) > 120:
            tail = "…" + tail[-119:]
        lead = len(tail) - len(tail.lstrip())
        gutter = f"{end_line:>5} | "
        marker = "^" * max(1, len(tail) - lead)
        return f"{self._c('dim', gutter)}{tail}\n{' ' * 6}{self._c('dim', '|')} {' ' * lead}{self._c('mark', marker)}\n"

    def finish(self, summary: Summary) -> None:
        if self.quiet:
            return
        sev = summary.by_severity
        parts = [f"{sev.get(k, 0)} {k}{'s' if sev.get(k, 0) != 1 and k != 'info' else ''}" for k in ("error", "warning", "info")]
        line = f"{summary.findings} finding{'s' if summary.findings != 1 else ''} ({', '.join(parts)}) in {summary.files} file{'s' if summary.files != 1 else ''}"
        if summary.errors:
            line += f"; {summary.errors} input{'s' if summary.errors != 1 else ''} could not be read"
        self.stream.write(line + "\n")
        self.stream.flush()
