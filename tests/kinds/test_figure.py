"""Kind `figure`: the engine's figure check, spoken for by the pack's rule for its study and quantity."""

from __future__ import annotations

import kindpack

RULE = "test/trial-response-wrong"


def test_wrong_figure_takes_the_rule_id(kind_linter):
    (f,) = kindpack.findings(kind_linter, "In TRIALX, 90% of the Drug X group responded.", RULE)
    assert (f.text, f.severity, f.verdict) == ("90%", "warning", "contradicted")
    assert f.message.startswith("Rule trial-response-wrong fired.")


def test_right_figure_is_not_flagged(hits):
    assert hits("In TRIALX, 62% of the Drug X group responded.", RULE) == []
    assert hits("In TRIALX, 20% of the placebo group responded.", RULE) == []


def test_figure_of_an_unknown_study_is_not_bound(hits):
    assert hits("In another trial, 90% of the Drug X group responded.", RULE) == []
