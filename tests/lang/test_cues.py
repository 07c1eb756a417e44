"""Cue lists: phrases written as lemmas match their inflections; fixed labels match as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.lang.cues import FIXED_LABELS, Cue, CueMatcher, generic_cues, variants
from factcheck.lang.layer import _longest


@pytest.fixture(scope="module")
def matcher(nlp):
    return CueMatcher(nlp, {"EV:approval": ["approve", "green light"], "EV:light": ["light"],
                            "JUR:us": ["U.S."], "TERM:money": ["grant"], "NEG": ["not"]})


def found(matcher, nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return sorted((c.label, doc[c.start:c.end].text) for c in matcher(doc))


def test_a_lemma_matches_its_inflections(matcher, nlp):
    hits = found(matcher, nlp, "It approves, it approved, it is approving.")
    assert [t for label, t in hits if label == "EV:approval"] == ["approved", "approves", "approving"]


def test_every_word_of_a_phrase_inflects(matcher, nlp):
    assert ("EV:approval", "green lights") in found(matcher, nlp, "Both got green lights.")


def test_matching_ignores_case(matcher, nlp):
    assert ("EV:approval", "APPROVED") in found(matcher, nlp, "APPROVED today.")


def test_fixed_labels_match_as_written(matcher, nlp):
    hits = found(matcher, nlp, "A grant was granted.")
    assert hits == [("TERM:money", "grant")]  # a term list is not inflected


def test_a_dotted_name_stays_one_token(matcher, nlp):
    doc = nlp("The U.S. regulator acted.")
    assert "U.S." in [t.text for t in doc]
    assert ("JUR:us", "U.S.") in found(matcher, nlp, "The U.S. regulator acted.")


def test_auxiliaries_keep_their_tense(nlp):
    assert all(v.startswith("has ") for v in variants("has until", nlp))
    assert variants("approve", nlp)[0] == "approve"  # the phrase as written comes first


def test_generic_lists_load_with_their_labels():
    cues = generic_cues()
    assert "approve" in cues["EV:approval"] and "decline" in cues["ST:refused"]
    assert {"NEG", "BAR", "SUB", "ATTR", "HEDGE", "META", "MODAL", "HYP"} <= set(cues)


def test_longest_of_overlapping_cues_with_the_same_label_wins():
    long, short, other = Cue("EV:approval", 3, 5), Cue("EV:approval", 4, 5), Cue("EV:light", 4, 5)
    assert _longest([short, other, long]) == [long, other]


def test_longest_keeps_separate_cues(matcher, nlp):
    doc = nlp("It got the green light and a light.")
    kept = _longest([c for c in matcher(doc) if c.label == "EV:approval"])
    assert [doc[c.start:c.end].text for c in kept] == ["green light"]
    both = _longest(sorted(matcher(doc), key=lambda c: c.start))
    assert [(c.label, doc[c.start:c.end].text) for c in both] == [
        ("EV:approval", "green light"), ("EV:light", "light"), ("EV:light", "light")]


def test_phrases_added_as_token_ids_match_as_pattern_docs_did(nlp, generic_matcher):
    """The matcher is given each phrase's LOWER ids, not a Doc; matches and their order stay."""
    from spacy.matcher import PhraseMatcher


    lists = dict(generic_cues())
    lists["ABOUT"] = ["Drug X"]
    lists["RIVAL"] = ["Drug Y"]
    reference = PhraseMatcher(nlp.vocab, attr="LOWER")
    for label, phrases in lists.items():
        docs, seen = [], set()
        for phrase in phrases:
            fixed = label in FIXED_LABELS or label.startswith(("TERM:", "JUR:", "ABOUT", "RIVAL"))
            for v in [phrase] if fixed else [phrase, *variants(phrase, nlp)[1:]]:
                if v.lower() not in seen:
                    seen.add(v.lower())
                    docs.append(nlp.make_doc(v))
        reference.add(label, docs)
    text = ("Drug X is not yet approved, but approval is expected next year, analysts say. The agency may "
            "green-light it; Drug Y was authorised in the U.S. and approved by regulators in 2024. " * 3)
    doc = nlp(text)
    want = [(nlp.vocab.strings[m], s, e) for m, s, e in reference(doc)]
    assert [(c.label, c.start, c.end) for c in generic_matcher(doc)] == want
    assert len(want) > 20


def test_phrase_tokens_are_cached_on_disk_by_their_inputs(nlp, tmp_path):
    from factcheck.lang.cues import cached_keywords, keywords

    lists = {"EV:approval": ["approve", "green light"], "ABOUT": ["Drug X"]}
    fixed = FIXED_LABELS
    built = keywords(nlp, lists, True, fixed)
    assert cached_keywords(nlp, lists, True, fixed, tmp_path) == built
    (entry,) = tmp_path.glob("cues-*.pickle")
    assert cached_keywords(nlp, lists, True, fixed, tmp_path) == built  # read back
    other = {**lists, "ABOUT": ["Drug Z"]}
    assert cached_keywords(nlp, other, True, fixed, tmp_path) == keywords(nlp, other, True, fixed)
    assert len(list(tmp_path.glob("cues-*.pickle"))) == 2
    entry.write_bytes(b"not a pickle")
    assert cached_keywords(nlp, lists, True, fixed, tmp_path) == built  # a bad entry is rebuilt
    assert CueMatcher(nlp, lists, cache=tmp_path)(nlp("It won the green light."))[0].label == "EV:approval"


def _reference(nlp, matcher):
    """One PhraseMatcher of the matcher's own lists, as each matcher had before they were grouped."""
    from spacy.matcher import PhraseMatcher

    ref = PhraseMatcher(nlp.vocab, attr="LOWER")
    for label, docs in matcher.found:
        ref.add(label, docs)
    return ref


def test_preshed_order_is_the_order_of_a_phrases_labels():
    """A phrase listed under many labels: the PhraseMatcher reports them in its hash map's order,
    which `preshed_order` works out from the order they were added (through several resizes)."""
    import random

    import spacy
    from spacy.matcher import PhraseMatcher

    from factcheck.lang.cues import preshed_order

    nlp = spacy.blank("en")
    doc = nlp("the same words")
    rng = random.Random(7)
    for n in (1, 2, 3, 5, 8, 13, 40, 90):
        labels = [f"L{rng.randrange(10**9)}" for _ in range(n)]
        ref = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label in labels + labels[: n // 3]:  # a label added twice changes nothing
            ref.add(label, [nlp.make_doc("same words")])
        want = [nlp.vocab.strings[m] for m, s, e in ref(doc)]
        order = preshed_order([nlp.vocab.strings[x] for x in labels + labels[: n // 3]])
        assert [nlp.vocab.strings[k] for k in order] == want
        assert sorted(want) == sorted(labels)


def test_grouped_matchers_give_what_each_ones_own_phrase_matcher_gives(monkeypatch):
    """Both bundled packs' matchers on one pipeline match each span once (one group matcher);
    each gets the cues, in the order, of a PhraseMatcher of its own lists: on every phrase that
    several labels list, and on an example article."""
    import spacy
    from spacy.tokens import Doc

    from factcheck.kinds.vocabulary import build_matcher
    from factcheck.knowledge import load_pack_cached

    monkeypatch.setenv("FACTCHECK_NO_PACK_CACHE", "1")  # phrases tokenized here: their strings are known
    nlp = spacy.blank("en")
    packs = load_pack_cached([], include_bundled=True).packs
    matchers = [build_matcher(nlp, p, [a for o in packs if o is not p for a in o.about]) for p in packs]
    assert len(matchers) == 2
    words: list[str] = []
    for m in matchers:
        labels_of: dict[tuple[int, ...], set[str]] = {}
        for label, docs in m.found:
            for d in docs:
                labels_of.setdefault(tuple(d), set()).add(label)
        for phrase, labels in labels_of.items():
            if len(labels) > 1:
                words += [nlp.vocab.strings[i] for i in phrase] + ["|"]
    article = (Path(__file__).parents[2] / "examples" / "mdma-therapy-explainer.md").read_text(encoding="utf-8")
    for doc in (Doc(nlp.vocab, words=words), nlp(article)):
        for m in matchers:
            want = [(nlp.vocab.strings[k], s, e) for k, s, e in _reference(nlp, m)(doc)]
            assert [(c.label, c.start, c.end) for c in m(doc)] == want
            assert len(want) > 20
        assert sum(1 for k in doc.user_data if str(k).startswith("factcheck_cues:")) == 1  # matched once


def test_greenlighted_is_an_approval_word(analyse_text) -> None:
    an = analyse_text("Drug X greenlighted for burns")
    assert any(e.event == "approval" for e in an.events)
