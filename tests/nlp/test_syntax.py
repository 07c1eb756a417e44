"""The shipped UD EWT syntax model: loads offline, parses candidate sentences, writes onto the main Doc."""

from __future__ import annotations

import socket

import pytest
import spacy

from factcheck.nlp import syntax


@pytest.fixture(scope="module")
def nlp():
    return syntax.load_syntax()


@pytest.fixture(scope="module")
def blank():
    b = spacy.blank("en")
    b.add_pipe("sentencizer")
    return b


def _parsed(blank, nlp, text: str):
    doc = blank(text)
    syntax.annotate(doc, list(doc.sents), nlp=nlp)
    return doc


def _tok(doc, text: str):
    return next(t for t in doc if t.text == text)


def test_model_loads_with_network_off(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(syntax, "_LOADED", {})
    nlp = syntax.load_syntax()
    assert {"tagger", "morphologizer", "parser", "lemmatizer"} <= set(nlp.pipe_names)
    assert syntax.load_syntax() is nlp  # once per process
    assert nlp("The FDA approved the drug.")[1].dep_ == "nsubj"


def test_missing_model_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(syntax, "_LOADED", {})
    with pytest.raises(syntax.SyntaxModelMissingError, match=r"train\.py"):
        syntax.load_syntax(tmp_path / "absent")


def test_subject_of_the_verb(blank, nlp):
    doc = _parsed(blank, nlp, "The FDA approved the drug.")
    fda, approved = _tok(doc, "FDA"), _tok(doc, "approved")
    assert fda.dep_ == "nsubj" and fda.head.i == approved.i
    assert approved.dep_ == "ROOT" and approved.pos_ == "VERB"
    assert approved.morph.get("Tense") == ["Past"] and approved.lemma_ == "approve"
    assert _tok(doc, "drug").dep_ == "obj"


def test_passive_auxiliary_and_tense(blank, nlp):
    doc = _parsed(blank, nlp, "Approval is expected next year.")
    expected, is_ = _tok(doc, "expected"), _tok(doc, "is")
    assert is_.head.i == expected.i and is_.dep_ == "aux:pass"
    assert is_.pos_ == "AUX" and is_.morph.get("Tense") == ["Pres"] and is_.lemma_ == "be"
    assert _tok(doc, "Approval").dep_ == "nsubj:pass" and _tok(doc, "Approval").head.i == expected.i
    assert expected.morph.get("VerbForm") == ["Part"]


def test_negation_attaches_to_the_verb(blank, nlp):
    doc = _parsed(blank, nlp, "The agency has not approved it.")
    approved, not_ = _tok(doc, "approved"), _tok(doc, "not")
    assert not_.head.i == approved.i and not_.dep_ == "advmod"
    assert not_.morph.get("Polarity") == ["Neg"]
    assert _tok(doc, "has").head.i == approved.i and _tok(doc, "has").dep_ == "aux"
    assert _tok(doc, "agency").dep_ == "nsubj"


def test_annotate_touches_only_the_given_sentences(blank, nlp):
    text = "Trials ended in 2023. The agency is weighing the request. Nobody knows when."
    doc = blank(text)
    before = [(t.i, t.idx, t.text, t.whitespace_) for t in doc]
    sents_before = [(s.start, s.end) for s in doc.sents]
    first, middle, last = doc.sents
    assert syntax.annotate(doc, [middle], nlp=nlp) == 1
    assert doc.text == text
    assert [(t.i, t.idx, t.text, t.whitespace_) for t in doc] == before
    assert [(s.start, s.end) for s in doc.sents] == sents_before
    for tok in (*first, *last):
        assert tok.dep_ == "" and tok.head.i == tok.i and tok.pos_ == "" and str(tok.morph) == ""
    assert all(middle.start <= t.head.i < middle.end for t in middle)
    assert [t.dep_ for t in middle].count("ROOT") == 1
    agency, weighing = doc[middle.start + 1], doc[middle.start + 3]
    assert (agency.text, weighing.text) == ("agency", "weighing")
    assert agency.dep_ == "nsubj" and agency.head.i == weighing.i
    # A second call adds to the first one's annotations.
    syntax.annotate(doc, [first], nlp=nlp)
    assert doc[middle.start + 1].dep_ == "nsubj" and doc[0].dep_ == "nsubj"
    assert [(s.start, s.end) for s in doc.sents] == sents_before


def test_annotate_on_factcheck_pipeline_doc(run_doc, nlp):
    doc, _ = run_doc("# MDMA therapy\n\nThe FDA has not approved MDMA-assisted therapy. It may decide next year.\n")
    sents = list(doc.sents)
    target = next(s for s in sents if "approved" in s.text)
    syntax.annotate(doc, [target], nlp=nlp)
    assert [(s.start, s.end) for s in doc.sents] == [(s.start, s.end) for s in sents]
    approved = next(t for t in target if t.text == "approved")
    assert next(t for t in target if t.text == "not").head.i == approved.i


@pytest.mark.parametrize("text", [
    "The FDA's decision wasn't expected until Aug. 2024 (per Lykos Therapeutics, Inc.).",
    "MDMA-assisted therapy: 67% vs. 32% didn't meet criteria—see https://example.org/a?b=1.",
    "They'll vote on it next month, e.g. on 3/4/2025 at 10:30 a.m.; it's gonna be close!",
])
def test_tokenization_is_the_blank_english_tokenizer(nlp, text):
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in spacy.blank("en").make_doc(text)]
    assert [t.whitespace_ for t in nlp.make_doc(text)] == [t.whitespace_ for t in spacy.blank("en").make_doc(text)]
