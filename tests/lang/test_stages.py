"""The last stage of clinical testing read from its noun phrase (lang/stages.py)."""

from __future__ import annotations

import pytest


def _stages(analyse_text, text: str) -> list[str]:
    an = analyse_text(text)
    return [an.doc[e.cue.start:e.cue.end].text for e in an.events if e.event == "final-stage"]


@pytest.mark.parametrize(("text", "span"), [
    ("Drug X moves on to the concluding phase of human trials.", "concluding phase of human trials"),
    ("Drug X sits in the third and decisive clinical stage.", "third and decisive clinical stage"),
    ("Drug X is in the last round of its testing.", "last round of its testing"),
    ("Drug X begins the final, third stage of studies.", "final, third stage of studies"),
    ("Drug X is in the final testing stage before approval.", "final testing stage"),  # testing inside the phrase
    ("The Drug X trials have reached their final stages.", "final stages"),  # the trials' own stage
    ("Drug X will enter the third (and final) phase of clinical trials.", "third (and final) phase of clinical trials"),
])
def test_late_stage_noun_phrases_are_the_final_stage(analyse_text, text: str, span: str):
    assert span in _stages(analyse_text, text)


@pytest.mark.parametrize("text", [
    "Drug X enters the final stage of the negotiations.",  # a stage of something else
    "The third round closed with twenty investors.",  # a round alone may be funding
    "The third phase of the building works starts soon.",
    "In its final phase, the study tracked sleep.",  # what the stage is of is not said
    "The final phase of the study starts in May.",  # the last part of one study
    "The final design stage of the app starts soon.",  # a filler that names no testing
    "The Drug X maker has reached its final stage of growth.",  # "its" is not the trials'
])
def test_other_stages_are_not_read(analyse_text, text: str):
    assert _stages(analyse_text, text) == []


@pytest.mark.parametrize(("text", "span"), [
    ("Drug X has reached the late stages of clinical trials.", "late stages of clinical trials"),
    ("Drug X is now in late-stage trials.", "late-stage trials"),
    ("Drug X begins a final-stage clinical study.", "final-stage clinical study"),
])
def test_late_stages_and_stage_modifiers(analyse_text, text: str, span: str):
    assert span in _stages(analyse_text, text)


@pytest.mark.parametrize("text", [
    "Drug X is tested in people with late-stage cancer.",
    "The late stage of the disease is hard to treat.",
])
def test_a_late_stage_of_something_else(analyse_text, text: str):
    assert _stages(analyse_text, text) == []
