"""The engine's order of operations (issue 12): config before overlap resolution; valid_until."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck.config import Config, apply_config
from factcheck.engine import Linter
from factcheck.knowledge import load_pack

TEXT = "In TRIALX, 90% of the Drug X group responded.\n"


def _pack_with_pattern(root: Path, severity: str):
    """The kind test pack without its figure rule, plus a pattern rule on the same words as the
    engine's own figure check ("90%" is not the trial's figure)."""
    import kindpack

    pattern = kindpack.rule("ninety", 'patterns: ["\\\\b90%"]', verdict="contradicted", since="null",
                            severity=severity, flagged=TEXT.strip())
    claims = "claims:\n" + kindpack.claim("x-approved", "Drug X was approved in March 2025.",
                                          kindpack.STATUS + pattern) + kindpack.STUDIES
    return load_pack([kindpack.write_pack(root, {"claims/c.yaml": claims})], include_bundled=False)


def _rules(pack, disable: list[str]) -> list[tuple[str, str]]:
    cfg = Config(disable=disable)
    linter = Linter(pack, date(2026, 6, 1), policy=lambda report, source: apply_config(report.findings, cfg))
    return [(f.rule, f.text) for f in linter.lint_text(TEXT, "a.md").findings]


@pytest.fixture(scope="module")
def strong(tmp_path_factory):
    return _pack_with_pattern(tmp_path_factory.mktemp("order") / "test", "error")


@pytest.fixture(scope="module")
def weak(tmp_path_factory):
    return _pack_with_pattern(tmp_path_factory.mktemp("order") / "test", "info")


def test_findings_on_one_span_compete(strong, weak):
    assert _rules(strong, []) == [("test/ninety", "90%")]  # the curated error wins the span
    assert _rules(weak, []) == [("figure-wrong-value", "90%")]  # the engine's warning beats an info


def test_disabling_the_winner_never_hides_the_other_finding(strong, weak):
    assert _rules(strong, ["test/ninety"]) == [("figure-wrong-value", "90%")]
    assert _rules(strong, ["ninety"]) == [("figure-wrong-value", "90%")]  # bare id
    assert _rules(weak, ["figure-wrong-value"]) == [("test/ninety", "90%")]


def test_two_pack_rules_on_the_same_words_both_stay_and_disable_alone(tmp_path):
    import kindpack
    from kindpack import findings

    kind_linter = kindpack.linter_for([kindpack.write_pack(tmp_path / "test")])
    text = "Drug X is not approved in Canada."
    both = sorted((f.rule, f.text) for f in findings(kind_linter, text))
    assert both == [("test/x-not-approved", "is not approved"), ("test/x-places", "is not approved in Canada")]
    cfg = Config(disable=["test/x-places"])
    report = kind_linter.lint_text(text + "\n", "a.md")
    assert [f.rule for f in apply_config(report.findings, cfg)] == ["test/x-not-approved"]


# -- valid_until -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ended_pack(tmp_path_factory):
    """The event-date rule (contradicted) on a claim that stopped holding at the end of 2025."""
    import kindpack

    claims = "claims:\n" + kindpack.claim("x-approved", "Drug X was approved in March 2025.", kindpack.EVENT_DATE,
                                          valid_until="2025-12-31")
    return load_pack([kindpack.write_pack(tmp_path_factory.mktemp("until") / "test", {"claims/c.yaml": claims})],
                     include_bundled=False)


@pytest.mark.parametrize(("as_of", "flagged"), [(date(2025, 6, 1), True), (date(2026, 6, 1), False)])
def test_contradicted_rule_holds_only_while_its_claim_does(ended_pack, as_of: date, flagged: bool):
    report = Linter(ended_pack, as_of).lint_text("Drug X was approved in 2023.\n", "a.md")
    assert bool([f for f in report.findings if f.rule == "test/x-approval-date"]) is flagged
