"""Shortages told without the word, and the tense of a shortage noun (lang/scarcity.py)."""

from __future__ import annotations

import pytest


def _shortages(analyse_text, text: str) -> list[str]:
    an = analyse_text(text)
    return [e.stance.stance for e in an.events if e.event == "shortage"]


@pytest.mark.parametrize("text", [
    "Demand for Drug X far exceeds supply.",
    "Demand for Drug X and its rivals is outrunning what the maker can supply.",
    "Demand for Drug X continues to outstrip production.",
    "With demand high and supplies short, pharmacies are rationing Drug X.",  # an opening phrase of now
    "With shortages as they are, Drug X is hard to get.",
    "The shortages mean patients who need Drug X go without.",  # the subject of a present verb of effect
    "Constant shortages have made Drug X hard to get.",
    "The maker is struggling to make enough Drug X to meet demand.",  # an effort still under way
    "The maker has struggled to make enough Drug X to meet demand.",
])
def test_a_shortage_of_now(analyse_text, text: str):
    assert "current" in _shortages(analyse_text, text)


@pytest.mark.parametrize("text", [
    "In 2023 demand for Drug X exceeded supply.",  # told as history
    "The maker struggled to make enough Drug X to meet demand in 2023.",
    "Sales of Drug X outpaced forecasts.",  # no supply outrun
    "Demand for Drug X exceeded expectations.",
    "With the shortage over, pharmacies stock Drug X again.",
])
def test_no_shortage_of_now(analyse_text, text: str):
    assert "current" not in _shortages(analyse_text, text)
