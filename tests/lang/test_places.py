"""Jurisdiction codes and names (lang/places.py)."""

from __future__ import annotations

from factcheck.lang.cues import Cue
from factcheck.lang.places import as_written_places, jurisdiction_codes


def test_korea_is_a_place_rules_may_name():
    assert {"kr", "us", "au", "in"} <= jurisdiction_codes()


def test_the_pronoun_us_names_no_country(nlp):
    doc = nlp("Novo informed us that stock is short. US regulators agree. Let us wait.")
    cues = [Cue("JUR:us", t.i, t.i + 1) for t in doc if t.lower_ == "us"] + [Cue("TERM:x", 0, 1)]
    kept = as_written_places(doc, cues)
    assert [doc[c.start].text for c in kept if c.label == "JUR:us"] == ["US"]
    assert Cue("TERM:x", 0, 1) in kept


def test_an_acronym_names_a_place_only_in_capitals(nlp):
    doc = nlp("NICE backed it. It was a nice result. Nice work, says the FDA, not the fda.")
    cues = [Cue("JUR:uk", t.i, t.i + 1) for t in doc if t.lower_ == "nice"] + \
        [Cue("JUR:us", t.i, t.i + 1) for t in doc if t.lower_ == "fda"]
    assert [doc[c.start].text for c in as_written_places(doc, cues)] == ["NICE", "FDA"]
