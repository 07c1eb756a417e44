"""JUnit XML: one testcase per file, one failure per finding, error for unreadable files."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import date

from factcheck.models import FileReport, Finding, RunInfo, Summary
from factcheck.report import get_reporter


def make(rule: str, line: int) -> Finding:
    return Finding(rule=rule, kind="dose", verdict="contradicted", severity="warning", start=0, end=5,
                   text="10 mg", message="Dose <too> high & wrong", fact="The label says 5 mg.",
                   line=line, column=2, end_line=line, end_column=7)


def render(reports: list[FileReport]) -> ET.Element:
    out = io.StringIO()
    r = get_reporter("junit", out)
    r.start(RunInfo(tool_version="0.1.0", as_of=date(2026, 11, 22), database_claims=1,
                    database_sources=1, database_fingerprint="x"))
    summary = Summary()
    for rep in reports:
        r.file(rep)
        summary.add(rep)
    r.finish(summary)
    text = out.getvalue()
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(text.split("\n", 1)[1])


def test_testcase_per_finding(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = render([
        FileReport(path="site/drugs/a.md", findings=[make("dose-a", 3), make("dose-b", 9)]),
        FileReport(path="b.md"),
        FileReport(path="c.md", error="not UTF-8"),
    ])
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "2", "1")
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["site/drugs/a.md:3:2 dose-a", "site/drugs/a.md:9:2 dose-b", "b.md", "c.md"]
    assert cases[0].get("classname") == "factcheck.site.drugs" and cases[0].get("file") == "site/drugs/a.md"
    failures = [c.find("failure") for c in cases[:2]]
    assert [f.get("type") for f in failures] == ["dose-a", "dose-b"]
    # Markup in messages is escaped by the XML writer and survives the round trip.
    assert failures[0].get("message") == "line 3, col 2: Dose <too> high & wrong"
    assert failures[0].text.startswith("site/drugs/a.md:3:2: dose-a [contradicted, warning]")
    assert "The label says 5 mg." in failures[0].text
    assert list(cases[2]) == []  # a clean file is a passing test
    assert cases[3].find("error").get("message") == "not UTF-8"


def test_control_characters_keep_the_xml_valid(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    f = make("dose-a", 1)
    f.message = "bad \x1b]0;pwned\x07 \x1b[2K"
    root = render([FileReport(path="x\x1b[31m.md", findings=[f]), FileReport(path="e\x00.md", error="x\x1by")])
    text = ET.tostring(root, encoding="unicode")
    assert "\x1b" not in text and "\x00" not in text and "\u241b" in text


def test_empty_run_is_valid_xml(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = render([])
    assert root.get("tests") == "0" and root.find("testsuite") is not None
