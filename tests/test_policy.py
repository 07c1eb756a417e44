"""The finding policy: an inline directive, then the config's `disable`, applied to one file."""

from __future__ import annotations

from factcheck.config import Config
from factcheck.models import FileReport, Finding
from factcheck.policy import finding_policy

SOURCE = "<!-- factcheck: disable-next-line approval-imminent -->\nIt is close to approval.\nDose is 80 mg.\n"


def finding(text: str, rule: str, kind: str) -> Finding:
    start = SOURCE.index(text)
    return Finding(rule=rule, kind=kind, verdict="outdated", severity="warning", start=start, end=start + len(text),
                   text=text, message="m", fact="f", line=SOURCE.count("\n", 0, start) + 1, column=1)


def test_a_directive_and_the_config_each_drop_their_finding() -> None:
    report = FileReport("a.md", [finding("close to approval", "approval-imminent", "regulatory-status"),
                                 finding("80 mg", "dose", "dosing"),
                                 finding("Dose is", "other-rule", "other")])
    policy = finding_policy(Config(disable=["dose"]), False, lambda path, source: "markdown")
    assert [f.rule for f in policy(report, SOURCE)] == ["other-rule"]
