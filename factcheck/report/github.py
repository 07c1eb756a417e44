"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

    ::error file=content/x.md,line=3,col=5,endLine=3,endColumn=31,title=approval-imminent (outdated)::...

Streams as files are linted. Escaping follows the workflow-commands spec: in the message `%`, CR
and LF are percent-encoded (so a multi-line message stays one command); property values also
encode `:` and `,`, which would otherwise end the value. An `::error` does not fail the job by
itself: the lint command's exit code does.
"""

from __future__ import annotations

from typing import IO, Any

from factcheck.models import FileReport, Finding, Summary
from factcheck.report.base import Reporter
from factcheck.report.output import artifact_path
from factcheck.report.sanitize import printable
from factcheck.report.sarif import result_message

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    # CR and LF are encoded as the spec says; any other control (ESC...) is made inert.
    return printable(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(command: str, message: str, **props: Any) -> str:
    """One workflow command line; properties with value None are left out."""
    fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    head = f"::{command} {fields}" if fields else f"::{command}"
    return f"{head}::{escape_data(message)}"


def finding_annotation(f: Finding, path: str) -> str:
    line = max(f.line, 1)
    end_line = max(f.end_line, line)
    props: dict[str, Any] = {"file": path, "line": line, "col": max(f.column, 1)}
    props["endLine"] = end_line
    if f.end_column > 0:
        props["endColumn"] = f.end_column
    props["title"] = f"{f.rule} ({f.verdict})"
    return annotation(COMMANDS.get(f.severity, "warning"), result_message(f), **props)


class GithubReporter(Reporter):
    """Options: `base` (folder paths are relative to; default the working directory)."""

    def __init__(self, stream: IO[str], **options: Any) -> None:
        super().__init__(stream, **options)
        self.base = options.get("base")

    def file(self, report: FileReport) -> None:
        path = artifact_path(report.path, self.base)
        if report.error:
            self.stream.write(annotation("error", f"{path}: {report.error}", file=path, title="factcheck") + "\n")
        for f in report.findings:
            self.stream.write(finding_annotation(f, path) + "\n")
        self.stream.flush()

    def finish(self, summary: Summary) -> None:
        # Annotations only: GitHub reads each line as a command; the job log needs no footer.
        pass
