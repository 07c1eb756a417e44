"""SARIF output: schema validity, GitHub's required fields, positions and stable fingerprints."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from factcheck.models import FileReport, Finding, RunInfo, SourceRef, Summary
from factcheck.report import FORMATS, get_reporter
from factcheck.report.sarif import SarifReporter, result_message

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"

RULES = [
    {
        "id": "mdma/approval-imminent",
        "kind": "regulatory-status",
        "verdict": "outdated",
        "severity": "error",
        "summary": "Says FDA approval of MDMA therapy is imminent",
        "help": "Say that the FDA declined approval in August 2024.",
        "sources": [{"id": "fda-crl", "title": "FDA CRL", "url": "https://example.org/crl"}],
    },
    {"id": "mapp1-remission", "kind": "trial-statistic", "verdict": "contradicted", "severity": "warning",
     "summary": "Wrong MAPP1 remission rate", "help": "Use 33% remission (MDMA arm)."},
    {"id": "never-fires", "kind": "dose", "verdict": "contradicted", "severity": "info",
     "summary": "A rule with no findings this run", "help": "n/a"},
]


def finding_at(text: str, source: str, rule: str = "mdma/approval-imminent", severity: str = "error") -> Finding:
    """A Finding for the first occurrence of `text` in `source`, positions computed like the engine."""
    start = source.index(text)
    end = start + len(text)
    line = source.count("\n", 0, start) + 1
    column = start - (source.rfind("\n", 0, start) + 1) + 1
    end_line = source.count("\n", 0, end) + 1
    end_column = end - (source.rfind("\n", 0, end) + 1) + 1
    return Finding(
        rule=rule, kind="regulatory-status", verdict="outdated", severity=severity,
        start=start, end=end, text=text, message="Says FDA approval is near; the FDA declined it.",
        fact="On 9 August 2024 the FDA declined to approve MDMA for PTSD.",
        line=line, column=column, end_line=end_line, end_column=end_column,
        claim_id="us-fda-crl-2024", since="2024-08-09", suggestion="Say the FDA declined approval.",
        sources=[SourceRef(id="fda-crl", title="FDA Complete Response Letter", url="https://example.org/crl",
                           published="2024-08-09")],
    )


def run_info(rules: list[dict] | None = None) -> RunInfo:
    return RunInfo(tool_version="0.1.0", as_of=date(2026, 11, 22), database_claims=10,
                   database_sources=20, database_fingerprint="abc123", rules=RULES if rules is None else rules)


def render(reports: list[FileReport], rules: list[dict] | None = None, **options) -> dict:
    out = io.StringIO()
    reporter = get_reporter("sarif", out, **options)
    reporter.start(run_info(rules))
    summary = Summary()
    for r in reports:
        reporter.file(r)
        summary.add(r)
    reporter.finish(summary)
    return json.loads(out.getvalue())


SOURCE = "# MDMA\n\nIntro paragraph.\n\nFDA approval is expected soon — café ≥ 2 µg.\n"


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    return tmp_path


def test_registered_in_formats():
    assert FORMATS["sarif"] == "factcheck.report.sarif:SarifReporter"
    assert isinstance(get_reporter("sarif", io.StringIO()), SarifReporter)


def test_validates_against_oasis_schema(in_tmp):
    f1 = finding_at("FDA approval is expected soon", SOURCE)
    f2 = finding_at("≥ 2 µg", SOURCE, rule="unannounced-rule", severity="info")
    doc = render([
        FileReport(path="content/a.md", findings=[f1, f2]),
        FileReport(path="content/clean.md"),
        FileReport(path="content/broken.md", error="not UTF-8"),
    ])
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(doc)
    assert doc["version"] == "2.1.0"
    # Broken input is a notification, not a result; the run still says it was not fully successful.
    invocation = doc["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "not UTF-8" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_driver_and_rules_cover_github_required_fields(in_tmp):
    doc = render([FileReport(path="content/a.md")])
    driver = doc["runs"][0]["tool"]["driver"]
    assert driver["name"] == "factcheck"
    assert driver["version"] == driver["semanticVersion"] == "0.1.0"
    # informationUri comes from the package's [project.urls]; when declared it must be absolute.
    assert driver.get("informationUri", "https://").startswith(("https://", "http://"))
    # Every rule is declared, including those that did not fire, so fixed alerts can close.
    assert [r["id"] for r in driver["rules"]] == ["mdma/approval-imminent", "mapp1-remission", "never-fires"]
    for rule in driver["rules"]:
        for key in ("shortDescription", "fullDescription", "help"):
            assert rule[key]["text"].strip()
    first = driver["rules"][0]
    assert first["defaultConfiguration"]["level"] == "error"
    assert driver["rules"][2]["defaultConfiguration"]["level"] == "note"
    assert "https://example.org/crl" in first["help"]["markdown"]
    assert first["properties"]["verdict"] == "outdated"


def test_result_location_level_message_and_properties(in_tmp):
    f = finding_at("FDA approval is expected soon", SOURCE)
    doc = render([FileReport(path=str(in_tmp / "content" / "a.md"), findings=[f])])
    run = doc["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    (result,) = run["results"]
    assert result["ruleId"] == "mdma/approval-imminent"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "mdma/approval-imminent"
    assert result["level"] == "error"
    loc = result["locations"][0]["physicalLocation"]
    # Absolute input path under the working directory becomes a relative POSIX URI.
    assert loc["artifactLocation"]["uri"] == "content/a.md"
    assert loc["region"] == {"startLine": 5, "startColumn": 1, "endLine": 5, "endColumn": 30,
                             "snippet": {"text": "FDA approval is expected soon"}}
    text = result["message"]["text"]
    assert "FDA declined" in text and "FDA Complete Response Letter <https://example.org/crl>" in text
    props = result["properties"]
    assert props["verdict"] == "outdated"
    assert props["claimId"] == "us-fda-crl-2024"
    assert props["since"] == "2024-08-09"
    assert props["fact"].startswith("On 9 August 2024")
    assert props["sources"][0]["url"] == "https://example.org/crl"


def test_end_column_is_exclusive_in_code_points(in_tmp):
    # "µ" and "≥" are one code point each; the region must end one past the last character.
    f = finding_at("≥ 2 µg", SOURCE, severity="warning")
    line_text = SOURCE.splitlines()[4]
    doc = render([FileReport(path="content/a.md", findings=[f])])
    region = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert line_text[region["startColumn"] - 1 : region["endColumn"] - 1] == "≥ 2 µg"
    assert doc["runs"][0]["results"][0]["level"] == "warning"


def test_unannounced_rule_is_added_to_driver(in_tmp):
    f = finding_at("Intro", SOURCE, rule="unused-suppression", severity="warning")
    doc = render([FileReport(path="content/a.md", findings=[f])], rules=[])
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["unused-suppression"]
    assert doc["runs"][0]["results"][0]["ruleIndex"] == 0


def fingerprints(doc: dict) -> list[str]:
    return [r["partialFingerprints"]["primaryLocationLineHash"] for r in doc["runs"][0]["results"]]


def test_fingerprints_survive_unrelated_edit_above(in_tmp):
    claim = "FDA approval is expected soon"
    before = render([FileReport(path="content/a.md", findings=[finding_at(claim, SOURCE)])])
    edited = SOURCE.replace("Intro paragraph.\n", "Intro paragraph.\n\nA new unrelated paragraph\nover two lines.\n")
    moved = finding_at(claim, edited)
    assert moved.line != finding_at(claim, SOURCE).line
    after = render([FileReport(path="content/a.md", findings=[moved])])
    assert fingerprints(before) == fingerprints(after)
    # ... and the same across runs, and independent of how the path was spelled.
    again = render([FileReport(path=str(in_tmp / "content" / "a.md"), findings=[moved])])
    assert fingerprints(again) == fingerprints(before)


def test_repeated_text_gets_distinct_fingerprints(in_tmp):
    src = "FDA approval is expected soon.\n\nAgain: FDA approval is expected soon.\n"
    first = finding_at("FDA approval is expected soon", src)
    second_start = src.rindex("FDA approval")
    second = finding_at("FDA approval is expected soon", src[second_start:])
    doc = render([FileReport(path="content/a.md", findings=[first, second])])
    fps = fingerprints(doc)
    assert len(set(fps)) == 2
    assert {fp.rsplit(":", 1)[0] for fp in fps} == {first.fingerprint("content/a.md")}


def test_fingerprint_changes_with_rule_or_file(in_tmp):
    f = finding_at("FDA approval is expected soon", SOURCE)
    a = fingerprints(render([FileReport(path="content/a.md", findings=[f])]))
    b = fingerprints(render([FileReport(path="content/b.md", findings=[f])]))
    assert a != b


def test_information_uri_from_package_metadata(monkeypatch):
    from importlib import metadata

    import factcheck.report.sarif as sarif

    class Meta:
        def get_all(self, key):
            return ["Changelog, https://example.org/changes", "Homepage, https://example.org/factcheck"]

        def get(self, key):
            return None

    monkeypatch.setattr(metadata, "metadata", lambda name: Meta())
    assert sarif.information_uri() == "https://example.org/factcheck"

    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "metadata", missing)
    assert sarif.information_uri() is None


def test_result_message_omits_missing_parts():
    f = finding_at("Intro", SOURCE)
    f.sources, f.suggestion, f.fact = [], None, ""
    assert result_message(f) == f.message
