"""The kinds runner's last word on a rule claim: is it about this pack's subject or another's?"""

from __future__ import annotations

import pytest


def rules_hit(linter, text: str) -> list[str]:
    report = linter.lint_text(text, "a.md", "markdown")
    return [f.rule for f in report.findings]


@pytest.mark.parametrize("text", [
    # a rival drug listed together with the pack's own is said of each, whichever comes first
    "MDMA and psilocybin are now legal in Australia.",
    "Psilocybin and MDMA are now legal in Australia.",
])
def test_a_rival_listed_with_the_own_subject_does_not_take_a_rule_claim_away(bundled_linter, text: str):
    assert "mdma/australia-mdma-approved-legal" in rules_hit(bundled_linter, text)


def test_a_rival_named_alone_nearest_takes_a_rule_claim_away(bundled_linter):
    text = "MDMA stays banned, while psilocybin is now legal in Australia."
    assert "mdma/australia-mdma-approved-legal" not in rules_hit(bundled_linter, text)
