"""A plain-text progress bar on stderr: shown only on a terminal, redrawn at most ~10 times a
second, cleared before anything else is printed. No dependency, no colour codes."""

from __future__ import annotations

import shutil
import sys
import time
from typing import IO


class Progress:
    def __init__(
        self, total: int, stream: IO[str] | None = None, enabled: bool | None = None
    ) -> None:
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = _isatty(self.stream)
        self.enabled = enabled
        self.started = time.monotonic()
        self._last_draw = 0.0
        self._drawn = False

    def advance(self, label: str = "", n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.enabled and (now - self._last_draw >= 0.1 or self.done >= self.total):
            self._last_draw = now
            from factcheck.report.sanitize import one_line

            # Page names come from sitemaps and file names: no escape sequence reaches the terminal.
            self.stream.write("\r" + one_line(self.line(label)))
            self.stream.flush()
            self._drawn = True

    def line(self, label: str = "", width: int | None = None) -> str:
        """The bar as one line that fits `width` columns (the terminal's by default)."""
        cols = width or shutil.get_terminal_size((80, 24)).columns
        total = max(self.total, 1)
        frac = min(1.0, self.done / total)
        counter = f" {self.done}/{self.total} pages "
        elapsed = time.monotonic() - self.started
        eta = ""
        if 0 < self.done < self.total:
            eta = f"~{_fmt_secs(elapsed / self.done * (self.total - self.done))} left "
        bar_w = max(10, min(30, cols // 3))
        filled = int(bar_w * frac)
        bar = "[" + "#" * filled + "-" * (bar_w - filled) + "]"
        head = f"{bar}{counter}{eta}"
        room = cols - len(head) - 1
        tail = label if len(label) <= room else "…" + label[-(room - 1) :] if room > 1 else ""
        return (head + tail).ljust(cols - 1)[: cols - 1]

    def close(self) -> None:
        if self.enabled and self._drawn:
            cols = shutil.get_terminal_size((80, 24)).columns
            self.stream.write("\r" + " " * (cols - 1) + "\r")
            self.stream.flush()
            self._drawn = False


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _fmt_secs(s: float) -> str:
    s = int(s + 0.5)
    return f"{s // 60}m{s % 60:02d}s" if s >= 60 else f"{s}s"
