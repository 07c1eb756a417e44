"""One finding per statement: curated findings on the same words that say the same thing fold into
one (judge._resolve_overlaps); different corrections on the same words both stay."""

from __future__ import annotations

from pathlib import Path

import kindpack
import pytest

from factcheck.judge.judge import resolve_overlaps
from factcheck.models import Finding


def finding(rule: str, start: int, end: int, claim: str | None = "c1", severity: str = "warning") -> Finding:
    return Finding(rule=rule, kind="regulatory-status", verdict="outdated", severity=severity, start=start, end=end,
                   text="", message=f"{rule} says so", fact="A fact.", claim_id=claim)


def test_two_rules_on_one_fact_fold_into_the_one_on_more_words():
    kept = resolve_overlaps([finding("p/short", 10, 20), finding("p/long", 5, 30)])
    assert [(f.rule, f.start, f.end, f.merged) for f in kept] == [("p/long", 5, 30, ["p/short"])]


def test_the_kept_finding_spans_the_words_of_both():
    kept = resolve_overlaps([finding("p/a", 0, 12), finding("p/b", 8, 30)])
    assert [(f.rule, f.start, f.end) for f in kept] == [("p/b", 0, 30)]


def test_different_facts_on_the_same_words_both_stay():
    kept = resolve_overlaps([finding("p/a", 0, 12, claim="c1"), finding("p/b", 5, 20, claim="c2")])
    assert sorted(f.rule for f in kept) == ["p/a", "p/b"]


def test_a_covering_rule_keeps_its_finding_even_on_fewer_words():
    findings = [finding("p/filing", 5, 15, claim="c1"), finding("p/approval", 5, 40, claim="c2")]
    kept = resolve_overlaps(findings, {"p/filing": {"p/approval"}})
    assert [(f.rule, f.start, f.end, f.merged) for f in kept] == [("p/filing", 5, 40, ["p/approval"])]


def test_a_covering_rule_covers_its_whole_sentence():
    a, b = finding("p/stage", 10, 20, claim="c1"), finding("p/filing", 30, 40, claim="c2")
    a.sentence, b.sentence = (0, 50), (0, 49)  # kinds may end a sentence a character apart
    kept = resolve_overlaps([a, b], {"p/stage": {"p/filing"}})
    assert [(f.rule, f.start, f.end) for f in kept] == [("p/stage", 10, 40)]
    # in another sentence, both stay
    c, d = finding("p/stage", 10, 20, claim="c1"), finding("p/filing", 60, 70, claim="c2")
    c.sentence, d.sentence = (0, 50), (51, 90)
    assert sorted(f.rule for f in resolve_overlaps([c, d], {"p/stage": {"p/filing"}})) == ["p/filing", "p/stage"]


def test_cover_is_one_way():
    findings = [finding("p/filing", 5, 15, claim="c1"), finding("p/approval", 5, 40, claim="c2")]
    kept = resolve_overlaps(findings, {"p/approval": {"p/other"}})
    assert sorted(f.rule for f in kept) == ["p/approval", "p/filing"]


def test_a_warning_and_a_note_on_one_fact_are_not_folded():
    # a quotation lowered to info is another statement about the fact than a flag
    kept = resolve_overlaps([finding("p/a", 0, 12), finding("p/b", 5, 20, severity="info")])
    assert sorted(f.rule for f in kept) == ["p/a", "p/b"]


def test_the_choice_does_not_depend_on_the_order_rules_ran_in():
    one = resolve_overlaps([finding("p/a", 0, 10), finding("p/b", 0, 10)])
    two = resolve_overlaps([finding("p/b", 0, 10), finding("p/a", 0, 10)])
    assert [f.rule for f in one] == [f.rule for f in two] == ["p/a"]


FILING = kindpack.rule("x-filing-to-come", """\
kind: status
subject: "@drugx"
event: submission
stance: [expected]
covers: [x-approval-to-come]
""", flagged="Acme plans to file Drug X's application with the board in 2024.")

APPROVAL = kindpack.rule("x-approval-to-come", """\
kind: status
subject: "@drugx"
event: approval
stance: [expected]
""", flagged="Drug X is expected to be approved in 2024.")


@pytest.fixture(scope="module")
def linter(tmp_path_factory):
    claims = "claims:\n" + kindpack.claim("x-filed", "Acme filed Drug X's application in 2024.", FILING) \
        + kindpack.claim("x-declined", "The board declined Drug X in 2025.", APPROVAL)
    root = kindpack.write_pack(tmp_path_factory.mktemp("covers") / "test",
                               {"claims/c.yaml": claims, "claims/pack.yaml": kindpack.manifest(home="us")})
    return kindpack.linter_for([root])


def test_the_engine_reports_the_covering_finding_with_its_new_words(linter):
    text = "Intro line.\nAcme expects to seek approval of Drug X by filing its application in 2024.\n"
    report = linter.lint_text(text, "page.txt", "text")
    flags = [f for f in report.findings if f.severity == "warning"]
    assert [f.rule for f in flags] == ["test/x-filing-to-come"]
    f = flags[0]
    assert "test/x-approval-to-come" in f.merged
    # text, line and columns follow the span it took over
    assert f.text == text[f.start:f.end] == "expects to seek approval of Drug X by filing its application in 2024"
    assert f.line == 2 and f.end_line == 2 and f.column == f.start - len("Intro line.\n") + 1


def test_a_covering_rule_turned_off_covers_nothing(tmp_path_factory):
    # config and suppressions (the engine's policy) run before findings compete for a span
    claims = "claims:\n" + kindpack.claim("x-filed", "Acme filed Drug X's application in 2024.", FILING) \
        + kindpack.claim("x-declined", "The board declined Drug X in 2025.", APPROVAL)
    root = kindpack.write_pack(tmp_path_factory.mktemp("off") / "test",
                               {"claims/c.yaml": claims, "claims/pack.yaml": kindpack.manifest(home="us")})
    linter = kindpack.linter_for([root])
    linter.policy = lambda report, source: [f for f in report.findings if f.rule != "test/x-filing-to-come"]
    report = linter.lint_text("Acme expects to seek approval of Drug X by filing its application in 2024.\n",
                              "page.txt", "text")
    assert [f.rule for f in report.findings if f.severity == "warning"] == ["test/x-approval-to-come"]


def test_a_pack_may_only_cover_its_own_rules(tmp_path: Path):
    from factcheck.knowledge import check_packs

    bad = FILING.replace("covers: [x-approval-to-come]", "covers: [x-nothing, x-filing-to-come]")
    root = kindpack.write_pack(tmp_path / "test", {"claims/c.yaml": "claims:\n" + kindpack.claim("x-filed", "F.", bad)})
    _, problems = check_packs([root], kindpack.AS_OF)
    messages = [p.message for p in problems if p.level == "error"]
    assert any("'covers' names test/x-nothing, which is not a rule of this pack" in m for m in messages)
    assert any("'covers' names the rule itself" in m for m in messages)
    assert all(p.line > 0 for p in problems if "covers" in p.message)
