"""Cue lists: phrases written as lemmas match their inflections; fixed labels match as written."""

from __future__ import annotations

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
