"""Numbers as written, glued table cells and time points."""

from __future__ import annotations

import pytest

from factcheck.knowledge.numbers import parse_timepoint, split_glued, to_number


@pytest.mark.parametrize(("word", "value"), [
    ("104", 104.0), ("1,200", 1200.0), ("71.2", 71.2), ("three", 3.0), ("nine", 9.0),
    ("eighty-eight", 88.0), ("Sixty seven", 67.0), ("twelve", 12.0),
])
def test_to_number(word: str, value: float) -> None:
    assert to_number(word) == value


def test_to_number_rejects_words_that_are_not_numbers() -> None:
    assert to_number("several") is None
    assert to_number("three-hundred-ish") is None


@pytest.mark.parametrize(("digits", "counts", "expected"), [
    ("10471.2", set(), (104.0, 71.2, 3)),        # the only two-digit percentage
    ("9071.2", {90.0}, (90.0, 71.2, 2)),          # the study's sample size decides
    ("10467", {104.0, 53.0}, (104.0, 67.0, 3)),
    ("8060", {80.0}, (80.0, 60.0, 2)),
])
def test_split_glued(digits: str, counts: set[float], expected: tuple) -> None:
    assert split_glued(digits, counts) == expected


def test_split_glued_refuses_to_guess() -> None:
    assert split_glued("1005", set()) is None  # 100 and 5%? 10 and 05%? no two-digit percentage
    assert split_glued("9071.2", {104.0}) is None  # the cited study's size is not in the row


@pytest.mark.parametrize(("text", "weeks", "anchor"), [
    ("One year after treatment, 67% no longer met criteria", 52.0, "treatment"),
    ("18 weeks after baseline", 18.0, "baseline"),
    ("at the 12-month follow-up", 52.0, "treatment"),
    ("two months after the last dosing session", 52 / 12 * 2, "treatment"),
    ("six months later", 26.0, "treatment"),
    ("measured a full year after the last dose", 52.0, "treatment"),
    # "after N units" counts from the start of the study.
    ("two-thirds lost their diagnosis after one year", 52.0, "baseline"),
    ("following 18 weeks, 67% no longer met criteria", 18.0, "baseline"),
    # "at" with an anchor after it counts from that anchor
    ("at two months after treatment, 67% no longer qualified", 52 / 12 * 2, "treatment"),
    ("at 18 weeks, 67% no longer met criteria", 18.0, "baseline"),
])
def test_parse_timepoint(text: str, weeks: float, anchor: str) -> None:
    got = parse_timepoint(text)
    assert got is not None
    assert got[0] == pytest.approx(weeks) and got[1] == anchor


@pytest.mark.parametrize("text", ["a 12-week course of therapy", "three 8-hour sessions", "no time at all",
                                  "after a year of therapy", "after two sessions"])
def test_lengths_are_not_time_points(text: str) -> None:
    assert parse_timepoint(text) is None
