"""Events told as going on or as moved towards (lang/going.py), on word lists alone."""

from __future__ import annotations

import pytest

from factcheck.lang.going import goes_on


@pytest.mark.parametrize(("text", "event_end", "going"), [
    ("while the phase 3 trials go on , data are gathered", 5, True),
    ("while the phase 3 trials of drug x continue", 5, True),
    ("the shortage persists", 2, True),
    ("phase 3 studies of drug x for burns run by acme are under way", 2, True),
    ("the phase 3 trials went on for years", 4, False),  # told in the past
    ("the phase 3 trials , which are under way , report soon", 4, False),  # another clause's "be"
    ("shortages of drug x and of other drugs such as drug y are ongoing", 1, True),  # "and of": one noun group
    ("the trials ended and the reviews are ongoing", 2, False),  # "and" opens another clause
])
def test_a_noun_group_the_subject_of_a_verb_of_going_on(text: str, event_end: int, going: bool) -> None:
    words = text.split()
    assert goes_on(words, event_end, len(words)) is going


@pytest.mark.parametrize(("text", "entering"), [
    ("drug x therapy enters its third and final phase", True),
    ("drug x therapy entered its third and final phase", False),  # told in the past: read as done elsewhere
    ("drug x therapy will enter its third and final phase", False),  # to come: read as a forecast elsewhere
    ("drug x therapy is set to begin its third phase", False),
])
def test_a_stage_entered_in_the_news_present(text: str, entering: bool) -> None:
    from factcheck.lang.going import enters_now

    words = text.split()
    es = words.index("third")  # where the stage's cue ("third and final phase") starts
    assert enters_now(words, 0, es) is entering


def test_a_start_in_the_news_present_goes_on() -> None:
    words = "the third and final phase gets going".split()
    assert goes_on(words, 5, len(words))
    assert not goes_on("the third and final phase got going".split(), 5, 7)
