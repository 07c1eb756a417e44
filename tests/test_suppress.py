"""Inline suppressions: every directive form, in Markdown, HTML and plain text, and unused ones."""

from __future__ import annotations

import pytest

from factcheck.models import Finding
from factcheck.suppress import (
    UNUSED_RULE,
    apply_suppressions,
    has_directives,
    parse_directives,
    unused_findings,
)


def at(source: str, text: str, rule: str = "approval-imminent", kind: str = "regulatory-status", nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = source.index(text, start + 1)
    end = start + len(text)
    line = source.count("\n", 0, start) + 1
    end_line = source.count("\n", 0, end) + 1
    return Finding(rule=rule, kind=kind, verdict="outdated", severity="error", start=start, end=end, text=text,
                   message="m", fact="f", line=line, column=1, end_line=end_line, end_column=1)


def run(source: str, fmt: str, findings: list[Finding]):
    kept, unused = apply_suppressions(findings, parse_directives(source, fmt))
    return [f.text for f in kept], unused


def test_parse_forms_rules_and_reasons():
    src = (
        "<!-- factcheck: disable approval-imminent, dose -- quoting the 2023 release -->\n"
        "<!--factcheck:enable-->\n"
        "<!-- factcheck: disable-next-line mapp1-remission -->\n"
        "text\n"
    )
    items = parse_directives(src, "markdown").items
    assert [(d.action, d.rules, d.reason) for d in items] == [
        ("disable", ("approval-imminent", "dose"), "quoting the 2023 release"),
        ("enable", (), None),
        ("disable-next-line", ("mapp1-remission",), None),
    ]
    assert (items[0].line, items[0].column) == (1, 1)
    assert items[2].target_line == 4
    assert src[items[0].start : items[0].end] == items[0].text


def test_disable_next_line_markdown():
    src = "Intro.\n\n<!-- factcheck: disable-next-line approval-imminent -- historical quote -->\n\nApproval is near.\n\nApproval is near.\n"
    a = at(src, "Approval is near.")
    b = at(src, "Approval is near.", nth=1)
    kept, unused = run(src, "markdown", [a, b])
    assert kept == ["Approval is near."] and unused == []
    # The second (uncovered) occurrence is the one kept.
    assert apply_suppressions([a, b], parse_directives(src, "md"))[0] == [b]


def test_disable_next_line_covers_a_finding_spanning_that_line():
    src = "<!-- factcheck: disable-next-line -->\nThe FDA will approve\nit soon.\nLater line.\n"
    spanning = at(src, "approve\nit soon")
    later = at(src, "Later line", rule="other")
    kept, _ = run(src, "markdown", [spanning, later])
    assert kept == ["Later line"]


def test_disable_enable_block_and_rule_matching_by_kind():
    src = (
        "Before: approval soon.\n"
        "<!-- factcheck: disable approval-imminent, dose -->\n"
        "Inside: approval soon. 10 mg daily. Wrong year 2019.\n"
        "<!-- factcheck: enable approval-imminent -->\n"
        "After: approval soon. 20 mg daily.\n"
    )
    findings = [
        at(src, "approval soon"),  # before the block
        at(src, "approval soon", nth=1),  # inside: suppressed
        at(src, "10 mg", rule="dose-max", kind="dose"),  # inside, matched by kind: suppressed
        at(src, "2019", rule="cite-year", kind="citation"),  # inside, not named: kept
        at(src, "approval soon", nth=2),  # after enable: kept
        at(src, "20 mg", rule="dose-max", kind="dose"),  # dose never re-enabled: suppressed
    ]
    kept, unused = run(src, "html", findings)
    assert kept == ["approval soon", "2019", "approval soon"]
    assert [f.start for f in apply_suppressions(findings, parse_directives(src, "html"))[0]] == [
        findings[0].start, findings[3].start, findings[4].start]
    assert unused == []


def test_bare_disable_with_selective_enable():
    src = "<!-- factcheck: disable -->\nA x.\n<!-- factcheck: enable dose -->\nB x. C x.\n<!-- factcheck: enable -->\nD x.\n"
    findings = [
        at(src, "A x", rule="r1"),
        at(src, "B x", rule="r2", kind="dose"),  # re-enabled by kind
        at(src, "C x", rule="r3"),  # still disabled
        at(src, "D x", rule="r4"),  # everything enabled again
    ]
    kept, unused = run(src, "markdown", findings)
    assert kept == ["B x", "D x"] and unused == []


def test_disable_without_enable_runs_to_end_of_file():
    src = "ok\n<!-- factcheck: disable -->\nx1\n\n\nx2\n"
    kept, _ = run(src, "markdown", [at(src, "ok"), at(src, "x1"), at(src, "x2")])
    assert kept == ["ok"]


def test_plain_text_hash_directives():
    src = (
        "Intro.\n"
        "# factcheck: disable-next-line approval-imminent -- quoted from a 2023 interview\n"
        "Approval is near.\n"
        "  #factcheck: disable dose\n"
        "10 mg.\n"
        "# factcheck: enable\n"
        "20 mg.\n"
    )
    d = parse_directives(src, "text")
    assert [x.action for x in d.items] == ["disable-next-line", "disable", "enable"]
    assert d.items[0].reason == "quoted from a 2023 interview"
    findings = [at(src, "Approval is near."), at(src, "10 mg", rule="dose-x", kind="dose"),
                at(src, "20 mg", rule="dose-x", kind="dose")]
    kept, unused = run(src, "text", findings)
    assert kept == ["20 mg"] and unused == []


def test_formats_do_not_mix():
    # HTML comments mean nothing in plain text, and '#' lines are headings in Markdown.
    assert not parse_directives("<!-- factcheck: disable -->\n", "text")
    assert not parse_directives("# factcheck: disable\n", "markdown")


def test_markdown_code_fences_hold_examples_not_directives():
    src = "```markdown\n<!-- factcheck: disable -->\n```\n\nApproval is near.\n"
    assert not parse_directives(src, "markdown")
    assert parse_directives(src, "html")  # no fences in HTML


def test_unused_directives_and_findings():
    src = (
        "<!-- factcheck: disable-next-line dose -- wrong rule named -->\n"
        "Approval is near.\n"
        "<!-- factcheck: disable citation -->\n"
        "<!-- factcheck: disable-next-line approval-imminent -->\n"
        "Approval is near again.\n"
        "<!-- factcheck: ignore[approval-imminent] -->\n"
    )
    findings = [at(src, "Approval is near."), at(src, "Approval is near again.")]
    kept, unused = run(src, "markdown", findings)
    assert kept == ["Approval is near."]
    assert [(d.action, d.rules) for d in unused] == [
        ("disable-next-line", ("dose",)),
        ("disable", ("citation",)),
        ("ignore[approval-imminent]", ()),
    ]
    reported = unused_findings(unused, src)
    assert [f.rule for f in reported] == [UNUSED_RULE] * 3
    first = reported[0]
    assert (first.kind, first.verdict, first.severity) == ("other", "unsupported", "warning")
    assert src[first.start : first.end] == first.text
    assert (first.line, first.column) == (1, 1)
    assert first.line_text == src.splitlines()[0]
    assert "suppresses no finding of dose" in first.message and "line 2" in first.fact
    assert "Unrecognised factcheck directive" in reported[2].message


def test_enable_alone_is_never_unused():
    src = "<!-- factcheck: enable -->\nx\n"
    assert run(src, "markdown", [at(src, "x")]) == (["x"], [])


@pytest.mark.parametrize(("text", "expected"), [("no directives here", False), ("<!-- FactCheck: disable -->", True)])
def test_has_directives_precheck(text, expected):
    assert has_directives(text) is expected


def test_no_directives_keeps_everything():
    src = "Approval is near.\n"
    f = at(src, "Approval")
    assert apply_suppressions([f], parse_directives(src, "markdown")) == ([f], [])
