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
])
def test_a_noun_group_the_subject_of_a_verb_of_going_on(text: str, event_end: int, going: bool) -> None:
    words = text.split()
    assert goes_on(words, event_end, len(words)) is going
