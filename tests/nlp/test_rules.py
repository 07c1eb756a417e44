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


def test_every_literal_set_a_pattern_requires_is_held_by_its_matches():
    from factcheck.regex_tools import required_literal_sets, required_literals

    assert required_literal_sets(r"\b(?:19[67]\d)\b[^;]{0,30}?\b(?:federal law|csa)\b.{0,9}(?:mdma|ecstasy)") \
        == [["19"], ["csa", "federal"], ["ecstasy", "mdma"]]
    assert required_literal_sets(r"(?:a|\d+)") == [] and required_literal_sets("(") == []
    pack = load_pack_cached()
    checked = 0
    for sub in pack.packs:
        for rule in sub.rules.values():
            assert len(rule.pattern_requires) == len(rule.patterns)
            for pattern, sets, lits in zip(rule.patterns, rule.pattern_requires, rule.pattern_triggers):
                assert (lits is None) == (not sets) and (lits is None or lits in sets)
                assert required_literals(pattern.pattern) == lits
                for example in rule.examples_flagged + rule.examples_accepted:
                    norm, _ = collapse(fold(example))
                    for m in pattern.finditer(norm):
                        for required in sets:
                            assert any(lit in m.group(0) for lit in required), (rule.id, required)
                            checked += 1
    assert checked > 100


def test_sentences_where_no_pattern_can_match_are_skipped_with_the_same_claims(monkeypatch):
    """A rule is not tried on sentences lacking a whole literal set of each of its patterns; trying
    it on every candidate sentence (as before) gives the same claims."""
    from factcheck.nlp import rules
    from factcheck.nlp.pipeline import claims_of, get_pipeline, pipe_texts

    pack = load_pack_cached()
    examples = [s for sub in pack.packs for r in sub.rules.values() if r.patterns
                for s in r.examples_flagged + r.examples_accepted]
    text = "# MDMA and Wegovy\n\n" + "\n\n".join(" ".join(examples[i:i + 3]) for i in range(0, len(examples), 3))
    nlp = get_pipeline(pack)

    def read() -> list[tuple]:
        doc = next(pipe_texts(nlp, [(text, [], [0])]))
        return [(c.start, c.end, c.rule.id if c.rule else None, c.by_frame) for c in claims_of(doc) if c.type == "rule"]

    sifted = read()
    monkeypatch.setattr(rules.RuleMatcher, "_possible", lambda self, rule, ctx, sentences: sentences)
    assert read() == sifted
    assert len(sifted) > 50
