"""Labels a pack's typed rules compile to: built-in events and `@term` lists, or the rule's own phrases."""

from __future__ import annotations

import pytest

from factcheck.kinds.vocabulary import BUILTIN_EVENTS, event_labels, subject_labels


def test_builtin_events_come_from_the_generic_cues():
    assert {"approval", "decision", "review", "shortage"} <= BUILTIN_EVENTS


def test_event_labels():
    assert event_labels("p/r", ["approval"]) == {"EV:approval"}
    assert event_labels("p/r", ["approval", "came to market"]) == {"EV:approval", "EV:rule:p/r"}


def test_subject_labels():
    assert subject_labels("p/r", ["@drugx"]) == {"TERM:drugx"}
    assert subject_labels("p/r", ["@drugx", "the capsule"]) == {"TERM:drugx", "SUBJ:rule:p/r"}


def test_a_packs_words_match_under_their_rule_labels(kind_linter):
    from factcheck.kinds.vocabulary import build_matcher

    pack = kind_linter.pack.packs[0]
    matcher = build_matcher(kind_linter.nlp, pack)
    doc = kind_linter.nlp.make_doc("Acme Pharma CEO Jane Roe met the Federal Medicine Board in Japan.")
    labels = {c.label for c in matcher(doc)}
    assert {"ORG:test/acme-ceo", "ROLE:test/acme-ceo", "HOLDER:test/acme-ceo:0", "NAME:wrong:test/board-name",
            "JS:test/x-places:1", "JUR:jp"} <= labels
    assert "HOLDER:test/acme-ceo:1" not in labels  # John Doe is not named


def test_a_category_also_reads_with_a_widener_and_a_manner_adverb():
    from factcheck.kinds.vocabulary import category_variants

    found = category_variants(["nation to recognise", "oral blocker"])
    assert {"nation anywhere to officially recognise", "nation in the world to recognise",
            "nation to formally recognise", "nation anywhere to have recognised"} <= set(found)  # the perfect takes the participle
    assert found[:2] == ["nation to recognise", "oral blocker"]  # the pack's own phrases first, kept as written
    assert "to recognise" in found  # the noun left out: "Australia is the first to recognise ..."
    assert not any(v.startswith("oral") and v != "oral blocker" for v in found)  # only "NOUN to VERB" phrases


def test_body_name_variants_swap_one_body_noun_or_link_word():
    from factcheck.kinds.vocabulary import body_name_variants

    variants = body_name_variants("Therapeutic Goods Administration", set())
    assert "Therapeutic Goods Authority" in variants and "Therapeutic Goods Administer" in variants
    assert "Multidisciplinary Association of Psychedelic Studies" in body_name_variants(
        "Multidisciplinary Association for Psychedelic Studies", set())
    # a name the pack accepts is never a wrong variant; two-word names are left alone
    assert "Food and Drug Agency" not in body_name_variants("Food and Drug Administration", {"food and drug agency"})
    assert body_name_variants("Lykos Therapeutics", set()) == []


@pytest.mark.parametrize(("text", "flagged"), [
    ("Australia's regulator, the Therapeutic Goods Authority, changed the rules for MDMA.", True),
    ("The FDA, the American food and drug authority, turned MDMA down.", False),  # a description, not a name
])
def test_a_generated_variant_counts_only_as_a_name(bundled_linter, text: str, flagged: bool):
    found = [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.rule.endswith("-name")]
    assert bool(found) is flagged


@pytest.mark.parametrize(("verb", "participle"), [
    ("legalise", "legalised"), ("approve", "approved"), ("classify", "classified"), ("accept", "accepted"),
    ("treat", "treated"), ("regulate", "regulated"),
])
def test_the_perfect_takes_the_participle(verb: str, participle: str):
    from factcheck.kinds.vocabulary import past_participle

    assert past_participle(verb) == participle
