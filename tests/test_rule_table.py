"""The rule table: every pack rule and built-in rule once, each with its explain page."""

from __future__ import annotations

from factcheck.judge import BUILTIN_RULES
from factcheck.knowledge import load_pack_cached
from factcheck.rule_table import rules_metadata


def test_every_rule_is_listed_once_with_its_page() -> None:
    pack = load_pack_cached()
    table = rules_metadata(pack)
    ids = [r["id"] for r in table]
    assert len(ids) == len(set(ids)) == len(pack.rules) + len(BUILTIN_RULES)
    assert all(r["help_markdown"] for r in table)
    first = min(pack.rules)
    row = next(r for r in table if r["id"] == first)
    assert row["claim_id"] == pack.rules[first].claim_id and row["rule_kind"] == pack.rules[first].check
