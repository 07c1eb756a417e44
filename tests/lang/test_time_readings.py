"""Time words near an event (lang/time_readings.py), on word lists alone."""

from __future__ import annotations

import pytest

from factcheck.lang.cues import Cue
from factcheck.lang.time_readings import _soon_in_the_past


def _cue_at(words: list[str], word: str) -> Cue:
    i = words.index(word)
    return Cue("ST:expected", i, i + 1)


@pytest.mark.parametrize(("text", "word", "past"), [
    ("first approvals soon led to more approvals", "soon", True),
    ("approval came soon after the vote", "soon", True),
    ("approval could come soon", "soon", False),
    ("scarce for close to two years", "close", True),
    ("close to 20 % of patients", "close", True),
    ("drug x is close to approval", "close", False),
    ("the agency is close to a decision", "close", False),
    ("nearly a decision on the therapy", "nearly", False),
    ("close to a third of patients", "close", True),
    ("scarce for close to a year", "close", True),
])
def test_soon_and_close_to_read_as_history_or_count(text: str, word: str, past: bool):
    words = text.split()
    assert _soon_in_the_past(words, _cue_at(words, word)) is past


@pytest.mark.parametrize(("text", "latest"), [
    ("Work began in 2012. The trials followed in March 2016 and will end next year.", 2016),
    ("Work began long ago and the trials will end next year.", None),
    ("It was first made in 1912.", 1912),
])
def test_the_latest_year_a_page_names(text: str, latest) -> None:
    import spacy

    from factcheck.lang.time_readings import latest_year_named

    doc = spacy.blank("en")(text)
    assert latest_year_named(doc) == latest
    assert latest_year_named(doc) == latest  # read once, kept with the Doc
