"""Lookup lemmas: the shipped table, read both ways."""

from __future__ import annotations

import socket

from factcheck.lang import lemmas
from factcheck.lang.lemmas import forms_of, lemma_of


def test_regular_verb_forms():
    assert set(forms_of("approve")) >= {"approve", "approved", "approves", "approving"}
    assert lemma_of("approved") == "approve"
    assert lemma_of("Approves") == "approve"  # case does not matter


def test_irregular_forms():
    assert {"went", "gone", "goes", "going"} <= set(forms_of("go"))
    assert lemma_of("went") == "go"
    assert lemma_of("children") == "child"
    assert "given" in forms_of("give") and lemma_of("gave") == "give"


def test_prefixed_verb_missing_from_the_table_inflects_like_its_stem():
    # "deschedule" is not in the lookup table; "schedule" is.
    assert set(forms_of("deschedule")) >= {"deschedule", "descheduled", "deschedules", "descheduling"}


def test_unknown_word_is_its_own_lemma_and_form():
    assert lemma_of("Xqztv") == "xqztv"
    assert forms_of("Xqztv") == ("xqztv",)


def test_forms_include_the_lemma_and_are_lower_case():
    forms = forms_of("Decline")
    assert "decline" in forms and all(f == f.lower() for f in forms)


def test_table_loads_from_the_package_without_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the lemma table must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    lemmas._table.cache_clear()
    lemmas._reverse.cache_clear()
    try:
        assert lemmas.DATA.is_file() and lemmas.DATA.is_relative_to(lemmas.Path(lemmas.__file__).parent)
        assert len(lemmas._table()) > 10_000
        assert lemma_of("approving") == "approve"
    finally:
        lemmas._table.cache_clear()
        lemmas._reverse.cache_clear()


def test_known_words_are_the_tables_forms_and_lemmas():
    from factcheck.lang import lemmas

    assert lemmas._lemmas() == frozenset(lemmas._reverse())
    for word in ("approved", "Approve", "lykos", "MDMA", "went", "go", "Wegovy", "xyzzy"):
        low = word.lower()
        assert lemmas.is_known_word(word) == (low in lemmas._table() or low in lemmas._reverse())
