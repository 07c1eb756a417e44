"""The learned candidate layer: ships with the package, loads offline, proposes only infos."""

from __future__ import annotations

import socket
from datetime import date
from pathlib import Path

import pytest
import yaml

from factcheck.engine import Linter
from factcheck.judge.builtin_rules import BUILTIN_RULES
from factcheck.knowledge import load_pack_cached
from factcheck.nlp import candidates

RULE = "possible-outdated-claim"
FORECAST = ("# MDMA therapy\n\nThe company says the therapy's review by the agency has gone smoothly so far, "
            "and it is preparing its sales force for a launch.\n")


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(load_pack_cached(), date(2026, 11, 22))


def _found(linter: Linter, text: str) -> list:
    return linter.lint_text(text, "a.md").findings


def test_models_ship_and_load_with_network_off(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for pid in ("mdma", "glp1"):
        layer = candidates.CandidateLayer(next(p for p in load_pack_cached().packs if p.id == pid))
        assert layer.available
        nlp = layer.model()
        assert nlp.pipe_names == ["textcat"]
        assert 0.0 < layer.threshold < 1.0
        assert sum(f.stat().st_size for f in Path(layer.path).rglob("*") if f.is_file()) < 3_000_000


def test_builtin_rule_is_info():
    r = BUILTIN_RULES[RULE]
    assert (r.severity, r.verdict) == ("info", "unsupported")


def test_forecast_no_rule_catches_gets_an_info_candidate(linter):
    found = _found(linter, FORECAST)
    assert [f.rule for f in found] == [RULE]
    f = found[0]
    assert f.severity == "info"
    assert f.kind == "regulatory-status"
    assert f.message.startswith("This sentence reads like a regulatory-status claim the pack may correct; check it against")


def test_off_topic_sentence_gets_none(linter):
    text = FORECAST.replace("MDMA", "Psilocybin")
    assert _found(linter, text) == []
    assert _found(linter, "# Gardening\n\nThe council expects approval of the new park by the end of next year.\n") == []


def test_layer_can_be_turned_off(linter, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CANDIDATES", "0")
    assert _found(linter, FORECAST) == []


def test_never_a_warning_on_a_dev_corpus(linter):
    folder = Path(__file__).parent.parent / "corpus_real" / "dev"
    seen = 0
    for path in sorted(folder.glob("*.yaml"))[:40]:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        for f in _found(linter, case["text"]):
            if f.rule == RULE:
                seen += 1
                assert f.severity == "info" and f.verdict == "unsupported"
    assert seen > 0


def test_training_script_refuses_sealed_corpora():
    import importlib.util

    root = Path(__file__).resolve().parent.parent.parent
    spec = importlib.util.spec_from_file_location("cand_train", root / "training" / "candidates" / "train.py")
    assert spec and spec.loader
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    for sealed in ("tests/corpus_holdout", "tests/corpus_holdout2", "tests/corpus_real/sealed", "tests/corpus_glp1"):
        with pytest.raises(SystemExit):
            train._check_not_sealed(root / sealed)
    train._check_not_sealed(root / "tests" / "corpus_dev2")


def test_loading_without_the_tokenizer_scores_the_same():
    import spacy
    from spacy.tokens import Doc

    pack = load_pack_cached()
    sentences = [s for sub in pack.packs for r in sub.rules.values() for s in r.examples_flagged + r.examples_accepted]
    assert len(sentences) > 100
    for pid in ("mdma", "glp1"):
        full = spacy.load(candidates.MODELS_DIR / pid)
        bare = candidates.load_model(candidates.MODELS_DIR / pid)
        assert bare.meta == full.meta
        for sentence in sentences:
            words = [t.text for t in full.make_doc(sentence)]
            a = full(Doc(full.vocab, words=words)).cats
            b = bare(Doc(bare.vocab, words=words)).cats
            assert a == b, sentence


def test_a_pointer_names_no_rule_whose_topic_the_sentence_lacks():
    layer = candidates.CandidateLayer(next(p for p in load_pack_cached().packs if p.id == "mdma"))
    _kind, rule = layer.kind_of("MDMA-assisted therapy is being examined by researchers for couples.", {"EV:review"})
    assert rule is None or "bid" not in rule.summary  # the bid-for-control rule needs its topic named
    _kind, rule = layer.kind_of("The Lykos board will review the Gracias bid next week.", {"EV:review"})
    assert rule is not None and rule.id == "mdma/gracias-bid-undecided"


def test_scores_from_the_documents_columns_equal_the_models_own():
    """The layer scores a sentence from the pipeline Doc's spelling column instead of a Doc rebuilt
    per sentence: same score, bit for bit, alone or in a batch (and 0.0 for an empty batch)."""
    from spacy.tokens import Doc

    from factcheck.nlp.pipeline import get_pipeline
    from factcheck.nlp.spans import token_columns

    pack = load_pack_cached()
    nlp = get_pipeline(pack)
    sentences = [s for sub in pack.packs for r in sub.rules.values() for s in r.examples_flagged + r.examples_accepted]
    text = " ".join(sentences[:200]) + " Dr. Smith et al. (2021) said: “it's 3.4 mg/kg”."
    doc = nlp.make_doc(text)
    cols = token_columns(doc)
    spans = [(i, min(i + n, len(doc))) for n, i in zip([1, 5, 12, 30, 60] * 400, range(0, len(doc), 7))]
    for pid in ("mdma", "glp1"):
        layer = candidates.CandidateLayer(next(p for p in pack.packs if p.id == pid))
        model = layer.model()
        assert candidates.reads_spellings(model)
        docs = [Doc(model.vocab, words=cols.words(s, e), spaces=cols.spaces(s, e)) for s, e in spans]
        expected = [d.cats.get("CANDIDATE", 0.0) for d in model.pipe(docs)]
        assert candidates.score_sentences(model, [cols.orth(s, e) for s, e in spans]) == expected
        assert candidates.score_sentences(model, [cols.orth(*spans[3])]) == [expected[3]]
        assert candidates.score_sentences(model, []) == []


def test_quantity_cues_read_from_the_extractors_context_give_the_same_candidates(monkeypatch):
    """The layer takes the pack's live quantity cues from the Context the figures read
    (`Context.live_cues`) instead of listing them again: the same candidates, also in a text
    holding a case trap (the Context then gives no literals; the layer searches each cue)."""
    from factcheck.nlp.pipeline import claims_of, get_pipeline, pipe_texts

    pack = load_pack_cached()
    nlp = get_pipeline(pack)
    sentences = [s for sub in pack.packs for r in sub.rules.values() for s in r.examples_flagged + r.examples_accepted]
    numbers = [s for s in sentences if any(ch.isdigit() for ch in s)]
    texts = ["# MDMA and Wegovy\n\n" + " ".join(numbers[i:i + 6]) for i in range(0, len(numbers), 6)]
    texts.append(texts[0] + " A ſecond ſtudy found 12 sessions.")  # long s: a case trap

    def candidates_of() -> list[tuple]:
        return [(c.pack, c.start, c.end, c.kind) for text in texts
                for c in claims_of(next(pipe_texts(nlp, [(text, [], [0])]))) if c.type == "candidate"]

    with_context = candidates_of()
    real = candidates.CandidateLayer.claims
    seen = []

    def without_context(self, *args):
        seen.append(args[7] is not None)  # the pipeline passes its Context
        return real(self, *args[:7])  # the layer lists the cues itself

    monkeypatch.setattr(candidates.CandidateLayer, "claims", without_context)
    assert candidates_of() == with_context
    assert seen and all(seen)
    assert len(with_context) > 10
