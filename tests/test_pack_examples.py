"""Every rule in the bundled pack catches its own `flagged` examples and spares its `accepted` ones.

Each example is linted on its own, as a one-sentence document, through the whole pipeline.
"""

from __future__ import annotations

import pytest

from factcheck.knowledge import load_pack_cached

PACK = load_pack_cached()
CASES = [(r.id, "flagged", s) for r in PACK.rules.values() for s in r.examples_flagged] + [
    (r.id, "accepted", s) for r in PACK.rules.values() for s in r.examples_accepted
]


@pytest.mark.parametrize(("rule_id", "expect", "sentence"), CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_rule_examples(bundled_linter, rule_id: str, expect: str, sentence: str):
    report = bundled_linter.lint_text(sentence + "\n", "example.txt", "text")
    hit = [f for f in report.findings if f.rule == rule_id]
    if expect == "flagged":
        assert hit, f"{rule_id} did not flag: {sentence!r}"
    else:
        assert not hit, f"{rule_id} flagged a true sentence: {sentence!r}"


def test_every_rule_has_examples():
    assert all(r.examples_flagged for r in PACK.rules.values())
