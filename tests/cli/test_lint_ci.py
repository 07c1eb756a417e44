"""`factcheck lint` in CI: SARIF/GitHub/JUnit through the real linter, --output, --statistics,
configuration keys, inline suppressions, and baselines end to end."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from factcheck.cli import main

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json").read_text())
FIXTURE_PACK = Path(__file__).resolve().parents[1] / "fixtures" / "pack"

CLOSE = "MDMA-assisted therapy is close to FDA approval."  # approval-imminent (regulatory-status, warning)
FOUNDED = "MAPS was founded in 2000 to research MDMA."  # maps-founding-year-wrong (organization)
APPROVED = "In 2024 the FDA approved MDMA for PTSD."  # fda-approved-mdma (error)


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(*args: str, as_of: bool = True):
    extra = ["--as-of", "2026-11-22"] if as_of else []
    return CliRunner().invoke(main, ["lint", *extra, *args], catch_exceptions=False)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def findings(result) -> list[dict]:
    return [f for file in json.loads(result.stdout)["files"] for f in file["findings"]]


# --- formats -------------------------------------------------------------------------------


def test_sarif_validates_and_fingerprints_survive_an_unrelated_edit(site):
    page = write(site / "content" / "drug.md", f"# MDMA\n\nIntro.\n\n{CLOSE}\n")
    before = lint("--format", "sarif", str(page))
    assert before.exit_code == 1
    doc = json.loads(before.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    run = doc["runs"][0]
    (result,) = run["results"]
    assert result["ruleId"] == "mdma/approval-imminent" and result["level"] == "warning"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "mdma/approval-imminent"
    # Every rule of the database is declared, not only the one that fired.
    assert len(run["tool"]["driver"]["rules"]) > 20
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "content/drug.md"
    assert loc["region"]["startLine"] == 5
    assert result["properties"]["claimId"] and result["properties"]["sources"]
    assert "https://" in result["message"]["text"]

    write(page, f"# MDMA\n\nIntro.\n\nA new paragraph about\nsomething else entirely.\n\n{CLOSE}\n")
    after = json.loads(lint("--format", "sarif", "content/drug.md").stdout)["runs"][0]["results"][0]
    assert after["locations"][0]["physicalLocation"]["region"]["startLine"] == 8
    assert after["partialFingerprints"] == result["partialFingerprints"]


def test_github_and_junit_formats(site):
    write(site / "a.md", f"{CLOSE}\n")
    gh = lint("--format", "github", "a.md")
    assert gh.exit_code == 1
    assert gh.stdout.startswith("::warning file=a.md,line=1,col=")
    assert "title=mdma/approval-imminent (outdated)::" in gh.stdout
    junit = lint("--format", "junit", "a.md")
    root = ET.fromstring(junit.stdout.split("\n", 1)[1])
    assert root.get("tests") == "1" and root.get("failures") == "1"
    assert root.find("testsuite/testcase/failure").get("type") == "mdma/approval-imminent"


def test_output_file_and_statistics(site):
    write(site / "a.md", f"{CLOSE}\n\n{FOUNDED}\n\n{CLOSE}\n")
    (site / "out").mkdir()
    res = lint("--format", "sarif", "--output", "out/report.sarif", "--statistics", "a.md")
    assert res.exit_code == 1
    jsonschema.Draft4Validator(SCHEMA).validate(json.loads((site / "out" / "report.sarif").read_text()))
    # With the report in a file, stdout carries only the statistics.
    lines = res.stdout.splitlines()
    assert lines[0].split()[:3] == ["2", "mdma/approval-imminent", "[outdated]"]
    assert lines[1].split()[:2] == ["1", "mdma/maps-founding-year-wrong"]
    assert lines[-1] == "3 findings in 2 rules"
    assert [p.name for p in (site / "out").iterdir()] == ["report.sarif"]

    # JSON on stdout stays parseable: the statistics go to stderr.
    res = lint("--format", "json", "--statistics", "a.md")
    assert len(findings(res)) == 3
    assert "3 findings in 2 rules" in res.stderr
    # Text: statistics follow the report on stdout.
    res = lint("--statistics", "--quiet", "a.md")
    assert res.stdout.rstrip().endswith("3 findings in 2 rules")


# --- configuration -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "exit_code", "expected"),
    [
        ("disable: [approval-imminent]\n", 0, []),
        ("disable: [regulatory-status]\n", 0, []),  # by kind
        ("severity: {approval-imminent: error}\nfail-on: error\n", 1, [("mdma/approval-imminent", "error")]),
        ("severity: {regulatory-status: info}\n", 0, [("mdma/approval-imminent", "info")]),
        ("fail-on: error\n", 0, [("mdma/approval-imminent", "warning")]),
        ("fail-on: never\nseverity: {approval-imminent: error}\n", 0, [("mdma/approval-imminent", "error")]),
    ],
)
def test_config_disable_severity_fail_on(site, config, exit_code, expected):
    write(site / ".factcheck.yaml", config)
    write(site / "a.md", f"{CLOSE}\n")
    res = lint("--format", "json", "a.md")
    assert res.exit_code == exit_code, res.output
    assert [(f["rule"], f["severity"]) for f in findings(res)] == expected


def test_command_line_fail_on_beats_config(site):
    write(site / "pyproject.toml", "[tool.factcheck]\nfail-on = 'error'\n")
    write(site / "a.md", f"{CLOSE}\n")
    assert lint("a.md").exit_code == 0
    assert lint("--fail-on", "warning", "a.md").exit_code == 1


def test_config_as_of(site):
    write(site / ".factcheck.yaml", "as-of: 2025-03-01\n")
    write(site / "a.md", f"{CLOSE}\n")
    assert json.loads(lint("--format", "json", "a.md", as_of=False).stdout)["as_of"] == "2025-03-01"
    # --as-of on the command line wins.
    assert json.loads(lint("--format", "json", "a.md").stdout)["as_of"] == "2026-11-22"


def test_config_packs_relative_to_config_file(site):
    shutil.copytree(FIXTURE_PACK, site / "packs" / "drug-x")
    write(site / ".factcheck.yaml", "packs: [packs/drug-x]\n")
    write(site / "docs" / "a.md", "Drug X is close to approval.\n")
    res = lint("--format", "json", "docs/a.md")
    assert "drug-x/drug-x-approval-near" in [f["rule"] for f in findings(res)]
    # Found from a subfolder too: the pack path is relative to the config file, not the cwd.
    res = CliRunner().invoke(main, ["config", "--format", "json"])
    assert json.loads(res.stdout)["config"]["packs"] == ["packs/drug-x"]


def test_config_include_exclude_and_gitignore(site):
    for rel in ["content/a.md", "content/drafts/b.md", "build/c.md", "content/notes/d.md"]:
        write(site / rel, f"{CLOSE}\n")
    write(site / ".gitignore", "build/\n")
    (site / ".git").mkdir()
    write(site / ".factcheck.yaml", "exclude: [content/drafts/]\ninclude: ['content/**', 'build/**']\n")
    res = lint("--format", "json", ".")
    paths = [f["path"] for f in json.loads(res.stdout)["files"]]
    assert sorted(Path(p).as_posix() for p in paths) == ["content/a.md", "content/notes/d.md"]
    # A file named on the command line skips include/.gitignore but not exclude (pre-commit).
    res = lint("--format", "json", "content/drafts/b.md", "build/c.md")
    assert [f["path"] for f in json.loads(res.stdout)["files"]] == ["build/c.md"]


def test_config_errors_exit_2_naming_file_and_key(site):
    write(site / ".factcheck.yaml", "severity: {approval-imminent: fatal}\n")
    write(site / "a.md", f"{CLOSE}\n")
    res = lint("a.md")
    assert res.exit_code == 2
    assert ".factcheck.yaml: key 'severity': approval-imminent: expected one of" in res.stderr
    write(site / ".factcheck.yaml", "disable: [approval-imminant]\n")
    res = lint("a.md")
    assert res.exit_code == 2 and "unknown rule or kind: approval-imminant" in res.stderr
    res = lint("--config", "missing.yaml", "a.md")
    assert res.exit_code == 2 and "missing.yaml: config file not found" in res.stderr


# --- suppressions --------------------------------------------------------------------------


def test_suppressions_in_markdown_html_and_text(site):
    write(site / "a.md", (
        f"<!-- factcheck: disable-next-line approval-imminent -- quoting a 2023 article -->\n{CLOSE}\n\n"
        f"<!-- factcheck: disable organization -->\n{FOUNDED}\n\n{CLOSE} kept\n<!-- factcheck: enable -->\n\n"
        f"{FOUNDED}\n"
    ))
    write(site / "b.html", f"<p><!-- factcheck: disable -->{CLOSE}</p>\n<p><!-- factcheck: enable -->{APPROVED}</p>\n")
    write(site / "c.txt", f"# factcheck: disable-next-line approval-imminent -- quoted from a 2023 interview\n{CLOSE}\n{APPROVED}\n")
    res = lint("--format", "json", "a.md", "b.html", "c.txt")
    got = {(Path(file["path"]).name, f["rule"], f["line"]) for file in json.loads(res.stdout)["files"]
           for f in file["findings"]}
    assert got == {
        ("a.md", "mdma/approval-imminent", 7),
        ("a.md", "mdma/maps-founding-year-wrong", 10),
        ("b.html", "mdma/fda-approved-mdma", 2),
        ("c.txt", "mdma/fda-approved-mdma", 3),
    }


def test_report_unused_suppressions(site):
    write(site / "a.md", f"<!-- factcheck: disable-next-line dose -->\n{CLOSE}\n")
    plain = lint("--format", "json", "a.md")
    assert [f["rule"] for f in findings(plain)] == ["mdma/approval-imminent"]
    res = lint("--format", "json", "--report-unused-suppressions", "a.md")
    unused = [f for f in findings(res) if f["rule"] == "unused-suppression"]
    assert len(unused) == 1
    assert unused[0]["line"] == 1 and unused[0]["severity"] == "warning" and unused[0]["verdict"] == "unsupported"
    # Like any rule, it can be turned down in config.
    write(site / ".factcheck.yaml", "disable: [approval-imminent]\nseverity: {unused-suppression: info}\n")
    res = lint("--report-unused-suppressions", "a.md")
    assert res.exit_code == 0 and "info unused-suppression" in res.stdout


# --- baselines -----------------------------------------------------------------------------


def test_baseline_round_trip(site):
    page = write(site / "content" / "a.md", f"# Old page\n\n{CLOSE}\n\n{FOUNDED}\n")
    wrote = lint("--write-baseline", ".factcheck-baseline.json", "content")
    assert wrote.exit_code == 0, wrote.output  # writing a baseline accepts today's findings
    assert "wrote 2 findings to baseline" in wrote.stderr
    entries = json.loads((site / ".factcheck-baseline.json").read_text())["entries"]
    assert {e["rule"] for e in entries} == {"mdma/approval-imminent", "mdma/maps-founding-year-wrong"}

    same = lint("--baseline", ".factcheck-baseline.json", "content")
    assert same.exit_code == 0 and "0 findings" in same.stdout
    assert "baseline: 0 new, 2 known (hidden), 0 fixed" in same.stderr

    # An unrelated edit above the old findings, one of them fixed, and a new wrong claim.
    write(page, f"# Old page\n\nA new intro.\n\n{CLOSE}\n\nMAPS was founded in 1986.\n\n{APPROVED}\n")
    res = lint("--format", "json", "--baseline", ".factcheck-baseline.json", "content")
    assert res.exit_code == 1
    assert [f["rule"] for f in findings(res)] == ["mdma/fda-approved-mdma"]
    data = json.loads(res.stdout)
    assert data["baseline"]["new"] == 1 and data["baseline"]["known"] == 1
    assert [e["rule"] for e in data["baseline"]["fixed"]] == ["mdma/maps-founding-year-wrong"]
    text = lint("--baseline", ".factcheck-baseline.json", "content")
    assert "1 fixed" in text.stderr and "fixed: content/a.md: mdma/maps-founding-year-wrong" in text.stderr


def test_bad_baseline_exits_2(site):
    write(site / "a.md", f"{CLOSE}\n")
    res = lint("--baseline", "nope.json", "a.md")
    assert res.exit_code == 2 and "nope.json: baseline file not found" in res.stderr
