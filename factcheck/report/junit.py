"""`--format junit`: JUnit XML for CI test-report views (GitLab, Jenkins, Azure, CircleCI).

One `<testcase>` per finding (`name` = path:line:col rule, one `<failure>` inside: `type` = rule
id, `message` = line, column and message; the body adds fact and sources), so each finding is
listed, counted and tracked on its own. A file without findings is one passing test case named
after the file; an unreadable file is one case with an `<error>`. Counts on `<testsuite>` and
`<testsuites>` count test cases, as JUnit consumers expect. Control characters from articles and
file names, illegal in XML 1.0, are replaced by visible stand-ins so the document stays valid.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import IO, Any

from factcheck.models import FileReport, Summary
from factcheck.report.base import Reporter
from factcheck.report.output import artifact_path
from factcheck.report.sanitize import one_line, printable
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
        path = one_line(artifact_path(report.path, self.base))
        # classname groups cases in CI views: the folder, dotted like a package.
        folder = path.rsplit("/", 1)[0] if "/" in path else ""
        classname = "factcheck" + ("." + folder.replace("/", ".") if folder else "")
        if report.error:
            self.errored += 1
            case = ET.Element("testcase", {"name": path, "classname": classname, "file": path})
            err = ET.SubElement(case, "error", {"message": one_line(report.error), "type": "read-error"})
            err.text = printable(report.error)
            self.cases.append(case)
        for f in report.findings:
            self.failed += 1
            case = ET.Element("testcase", {"name": f"{path}:{f.line}:{f.column} {one_line(f.rule)}",
                                           "classname": classname, "file": path, "line": str(f.line)})
            failure = ET.SubElement(case, "failure", {"message": one_line(f"line {f.line}, col {f.column}: {f.message}"),
                                                      "type": one_line(f.rule)})
            failure.text = printable(f"{path}:{f.line}:{f.column}: {f.rule} [{f.verdict}, {f.severity}]\n"
                                     f"{result_message(f)}")
            self.cases.append(case)
        if not report.error and not report.findings:
            self.cases.append(ET.Element("testcase", {"name": path, "classname": classname, "file": path}))

    def finish(self, summary: Summary) -> None:
        counts = {"tests": str(len(self.cases)), "failures": str(self.failed), "errors": str(self.errored)}
        root = ET.Element("testsuites", {"name": "factcheck", **counts})
        suite = ET.SubElement(root, "testsuite", {"name": "factcheck", **counts, "skipped": "0"})
        suite.extend(self.cases)
        ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(root, encoding="unicode"))
        self.stream.write("\n")
