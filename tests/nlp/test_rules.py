import re
from types import SimpleNamespace

from factcheck.knowledge import load_pack_cached
from factcheck.nlp.normalize import collapse, fold
from factcheck.nlp.rules import _absent_patterns, pattern_checks


def _rule(*triggers):
    return pattern_checks(SimpleNamespace(pattern_triggers=list(triggers)))  # type: ignore[arg-type]


def test_a_pattern_is_skipped_only_when_none_of_its_literals_is_there():
    rule = _rule(["approved"], ["legal", "legali"], None)
    assert _absent_patterns(rule, "it was approved in 2024") == {1}
    assert _absent_patterns(rule, "nothing here") == {0, 1}


def test_non_ascii_text_or_literals_are_never_skipped():
    # Case-insensitive matching lets "s" match the long s: no substring test can rule it out.
    assert re.search("approvals", "approval\u017f", re.IGNORECASE)
    assert _absent_patterns(_rule(["approvals"]), "approval\u017f") == set()
    assert _absent_patterns(_rule(["caf\u00e9"]), "plain text") == set()
    assert _absent_patterns(_rule(), "anything") == set()


def test_every_bundled_pattern_that_matches_an_example_holds_one_of_its_literals():
    pack = load_pack_cached()
    checked = 0
    for sub in pack.packs:
        for rule in sub.rules.values():
            if not rule.patterns:
                continue
            assert len(rule.pattern_triggers) == len(rule.patterns)
            for example in rule.examples_flagged + rule.examples_accepted:
                norm, _ = collapse(fold(example))
                for pattern, lits in zip(rule.patterns, rule.pattern_triggers):
                    if lits is not None and pattern.search(norm):
                        assert any(lit in norm for lit in lits), (rule.id, pattern.pattern[:60])
                        checked += 1
    assert checked > 50
