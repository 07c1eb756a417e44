"""Whose object an event is (lang/objects.py)."""

from __future__ import annotations

from factcheck.lang.cues import Cue
from factcheck.lang.objects import acted_on, object_of_nearer_event


def test_an_event_acted_on_by_another_is_its_object() -> None:
    words = "the agency is due to rule on the application".split()
    rule, application = Cue("EV:decision", 5, 6), Cue("EV:submission", 8, 9)
    assert acted_on(words, application, [rule, application])
    assert not acted_on(words, rule, [rule, application])


def test_a_forecast_noun_that_aims_at_another_event_is_that_events() -> None:
    words = "it is entering phase 3 , with the goal of approval in 2030".split()
    stage, goal, approval = Cue("EV:final-stage", 3, 5), Cue("ST:expected", 8, 9), Cue("EV:approval", 10, 11)
    assert object_of_nearer_event(words, goal, stage, [stage, goal, approval])
    assert not object_of_nearer_event(words, goal, approval, [stage, goal, approval])


def test_a_forecast_word_joined_to_a_nearer_event_is_that_events() -> None:
    words = "the negative vote has made approval less likely".split()
    vote, approval, likely = Cue("EV:advisory-vote", 2, 3), Cue("EV:approval", 5, 6), Cue("ST:expected", 7, 8)
    assert object_of_nearer_event(words, likely, vote, [vote, approval, likely])
    # a second noun of the same event ("committee meeting") keeps the forecast with the first
    words = "an advisory committee meeting is likely".split()
    committee, meeting, likely = Cue("EV:advisory-vote", 1, 3), Cue("EV:advisory-vote", 2, 4), Cue("ST:expected", 5, 6)
    assert not object_of_nearer_event(words, likely, committee, [committee, meeting, likely])
