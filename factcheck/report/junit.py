"""`--format junit`: JUnit XML for CI test-report views (GitLab, Jenkins, Azure, CircleCI).

One `<testcase>` per linted file, so a clean file shows as a passing test and the number of tests
equals the number of files checked. Each finding in the file is one `<failure>` inside it
(`type` = rule id, `message` = line, column and message; the body adds fact and sources). An
unreadable file is an `<error>`. Counts on `<testsuite>`/`<testsuites>` count test cases, as
JUnit consumers expect: `failures` = files with findings, not the number of findings.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import IO, Any

from factcheck.models import FileReport, Summary
from factcheck.report.base import Reporter
from factcheck.report.output import artifact_path
from factcheck.report.sarif import result_message


class JunitReporter(Reporter):
    """Options: `base` (folder paths are relative to; default the working directory)."""

    def __init__(self, stream: IO[str], **options: Any) -> None:
        super().__init__(stream, **options)
        self.base = options.get("base")
        self.cases: list[ET.Element] = []
        self.failed = 0
        self.errored = 0

    def file(self, report: FileReport) -> None:
        path = artifact_path(report.path, self.base)
        # classname groups cases in CI views: the folder, dotted like a package.
        folder = path.rsplit("/", 1)[0] if "/" in path else ""
        classname = "factcheck" + ("." + folder.replace("/", ".") if folder else "")
        case = ET.Element("testcase", {"name": path, "classname": classname, "file": path})
        if report.error:
            self.errored += 1
            err = ET.SubElement(case, "error", {"message": report.error, "type": "read-error"})
            err.text = report.error
        for f in report.findings:
            where = f"line {f.line}, col {f.column}"
            failure = ET.SubElement(
                case,
                "failure",
                {"message": f"{where}: {f.message}", "type": f.rule},
            )
            failure.text = f"{path}:{f.line}:{f.column}: {f.rule} [{f.verdict}, {f.severity}]\n{result_message(f)}"
        if report.findings:
            self.failed += 1
        self.cases.append(case)

    def finish(self, summary: Summary) -> None:
        counts = {"tests": str(len(self.cases)), "failures": str(self.failed), "errors": str(self.errored)}
        root = ET.Element("testsuites", {"name": "factcheck", **counts})
        suite = ET.SubElement(root, "testsuite", {"name": "factcheck", **counts, "skipped": "0"})
        suite.extend(self.cases)
        ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(root, encoding="unicode"))
        self.stream.write("\n")
