"""Frame rules: an event cue and a stance cue close together, with the subject in view.

Uses the test pack's `drug-x-approval-expected` frame: event `approval|approved|green light`,
stance `expected|imminent|soon|next year`, subject `Drug X|the drug`, near 4 words."""

from __future__ import annotations

import pytest

RULE = "pack/drug-x-approval-expected"


def hits(test_linter, text: str) -> list[str]:
    report = test_linter.lint_text(text, "a.md")
    return [f.text for f in report.findings if f.rule == RULE]


@pytest.mark.parametrize(("text", "span"), [
    # Either order, any wording between the parts, within 4 words.
    ("Approval of Drug X is expected next year.\n", "Approval of Drug X is expected"),
    ("Drug X is expected to win approval.\n", "expected to win approval"),
    ("For Drug X, a green light now looks imminent.\n", "green light now looks imminent"),
    # The subject may be named earlier in the paragraph or in the three sentences before.
    ("Drug X was filed in 2023. Approval is expected soon.\n", "Approval is expected"),
    ("# Drug X\n\nApproval is expected soon.\n", "Approval is expected"),
])
def test_frame_matches_any_wording_of_its_parts(test_linter, text: str, span: str) -> None:
    assert hits(test_linter, text) == [span]


@pytest.mark.parametrize("text", [
    # Too far apart.
    "Approval of Drug X, which was filed in the spring of 2023, is expected.\n",
    # A turn in the sense between the parts.
    "Approval was sought for Drug X; a decision is expected.\n",
    "Approval of Drug X was sought, but what is expected now is a new trial.\n",
    # Negated before the frame or between its parts.
    "Drug X is not expected to win approval.\n",
    "Approval of Drug X is not expected.\n",
    # The rule's `unless`.
    "Approval of Drug X was expected, but the regulator declined it.\n",
    # The subject is out of view: more than three sentences back, in another paragraph...
    "Drug X is a tablet. It is white. It is round. It is small.\n\nApproval of another medicine is expected soon.\n",
    # ... or in another clause of the same sentence.
    "Approval of the vaccine is expected soon; Drug X is a tablet.\n",
])
def test_frame_does_not_match(test_linter, text: str) -> None:
    assert hits(test_linter, text) == []


def test_frame_and_pattern_of_one_rule_do_not_double_count(test_linter) -> None:
    # The rule's pattern `{approval} is imminent` and its frame both cover these words.
    assert hits(test_linter, "Drug X approval is imminent.\n") == ["approval is imminent"]


def test_frame_finding_is_attributed_like_a_pattern(test_linter) -> None:
    report = test_linter.lint_text("Analysts say approval of Drug X is expected next year.\n", "a.md")
    (f,) = [f for f in report.findings if f.rule == RULE]
    assert f.severity == "warning" and f.message.lower().startswith("attributed to analysts")


def test_a_frame_yields_to_another_rules_pattern_on_the_same_words(test_linter) -> None:
    # drug-x-approval-near's pattern covers "close to approval"; the frame's "approval, expected"
    # overlaps it, so only the pattern's finding is reported.
    report = test_linter.lint_text("Drug X is close to approval, expected soon.\n", "a.md")
    assert [f.rule for f in report.findings] == ["pack/drug-x-approval-near"]
    # Apart from any pattern finding, the frame still reports.
    report = test_linter.lint_text("Drug X is close to approval. Its approval is expected soon.\n", "a.md")
    assert sorted(f.rule for f in report.findings) == ["pack/drug-x-approval-expected", "pack/drug-x-approval-near"]
