"""`--format json`: one object per run, exactly as Contract 1 in docs/architecture.md describes.

The object is written as files are linted (the head at the first file, each file's entry as it
comes, the summary at the end), byte for byte what `json.dump(..., indent=2)` of the whole object
gives, so memory stays flat on a 20,000-file run.
"""

from __future__ import annotations

import json
from typing import IO, Any

from factcheck import __version__
from factcheck.models import FileReport, RunInfo, Summary
from factcheck.report.json_text import dumps_indented


def _nested(value: Any, depth: int) -> str:
    """`value` as json.dump(indent=2) writes it `depth` levels down (first line not indented)."""
    return dumps_indented(value, depth)


class JsonReporter:
    def __init__(self, stream: IO[str], **_: Any) -> None:
        self.stream = stream
        self.count = 0

    def start(self, run: RunInfo) -> None:
        self.run = run

    def _head(self) -> str:
        head = {
            "schema_version": 1,
            "tool": {"name": "factcheck", "version": __version__},
            "as_of": self.run.as_of.isoformat(),
            "database": {"claims": self.run.database_claims, "sources": self.run.database_sources,
                         "fingerprint": self.run.database_fingerprint},
        }
        text = json.dumps(head, ensure_ascii=False, indent=2)
        return text[: text.rfind("\n")] + ',\n  "files": ['  # drop the closing brace, open the list

    def file(self, report: FileReport) -> None:
        prefix = self._head() + "\n    " if self.count == 0 else ",\n    "
        self.stream.write(prefix + _nested(report.to_json(), 2))
        self.count += 1

    def finish(self, summary: Summary) -> None:
        if self.count == 0:
            self.stream.write(self._head() + "],")
        else:
            self.stream.write("\n  ],")
        self.stream.write('\n  "summary": ' + _nested(summary.to_json(), 1) + "\n}\n")
        self.stream.flush()
