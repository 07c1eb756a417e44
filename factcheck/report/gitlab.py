"""`--format gitlab`: GitLab Code Quality report (the CodeClimate JSON subset GitLab reads).

GitLab shows these in the merge request widget and the changes view when a job declares
`artifacts: reports: codequality: factcheck-quality.json`. GitLab needs, per issue: description,
check_name, fingerprint (unique, stable), severity (info|minor|major|critical|blocker) and
location.path + location.lines.begin. Fingerprints are the same rule + path + words hash the SARIF
output and baselines use, numbered for repeats.
"""

from __future__ import annotations

import json
from typing import IO, Any

from factcheck.models import FileReport, Summary
from factcheck.report.base import Reporter
from factcheck.report.output import artifact_path
from factcheck.report.sarif import result_message

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


class GitlabReporter(Reporter):
    """Options: `base` (folder paths are relative to; default the working directory)."""

    def __init__(self, stream: IO[str], **options: Any) -> None:
        super().__init__(stream, **options)
        self.base = options.get("base")
        self.issues: list[dict[str, Any]] = []

    def file(self, report: FileReport) -> None:
        path = artifact_path(report.path, self.base)
        seen: dict[str, int] = {}
        for f in report.findings:
            fp = f.fingerprint(path)
            seen[fp] = seen.get(fp, 0) + 1
            self.issues.append(
                {
                    "type": "issue",
                    "check_name": f.rule,
                    "description": f"{f.rule}: {f.message}",
                    "content": {"body": result_message(f)},
                    "categories": ["Bug Risk"],
                    "fingerprint": fp if seen[fp] == 1 else f"{fp}:{seen[fp]}",
                    "severity": SEVERITY.get(f.severity, "minor"),
                    "location": {
                        "path": path,
                        "lines": {"begin": max(f.line, 1), "end": max(f.end_line, f.line, 1)},
                    },
                }
            )

    def finish(self, summary: Summary) -> None:
        json.dump(self.issues, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
