"""`--format json`: one object per run, exactly as Contract 1 in docs/architecture.md describes."""

from __future__ import annotations

import json
from typing import IO, Any

from factcheck import __version__
from factcheck.models import FileReport, RunInfo, Summary


class JsonReporter:
    def __init__(self, stream: IO[str], **_: Any) -> None:
        self.stream = stream
        self.files: list[dict[str, Any]] = []

    def start(self, run: RunInfo) -> None:
        self.run = run

    def file(self, report: FileReport) -> None:
        self.files.append(report.to_json())

    def finish(self, summary: Summary) -> None:
        out = {
            "schema_version": 1,
            "tool": {"name": "factcheck", "version": __version__},
            "as_of": self.run.as_of.isoformat(),
            "database": {"claims": self.run.database_claims, "sources": self.run.database_sources,
                         "fingerprint": self.run.database_fingerprint},
            "files": self.files,
            "summary": summary.to_json(),
        }
        json.dump(out, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
        self.stream.flush()
