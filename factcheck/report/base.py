"""The interface every output format implements.

Reports are streamed: `start` once, `file` once per input as soon as it is linted, `finish` once.
Formats that must emit one document (JSON, SARIF, JUnit) keep the small per-file results and
write at `finish`; line formats (text, github) write as they go.
"""

from __future__ import annotations

from typing import IO, Any

from factcheck.models import FileReport, RunInfo, Summary


class Reporter:
    """Base class: subclasses override the three hooks."""


    def __init__(self, stream: IO[str], **options: Any) -> None:
        self.stream = stream
        self.options = options

    def start(self, run: RunInfo) -> None:  # pragma: no cover - trivial default
        self.run = run

    def file(self, report: FileReport) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:  # pragma: no cover - trivial default
        pass
