"""The language layer on its own: a blank English tokenizer with a sentencizer and the generic cues."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

DOC_DATE = date(2026, 6, 1)


@pytest.fixture(scope="session")
def nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="session")
def generic_matcher(nlp):
    from factcheck.lang.cues import CueMatcher, generic_cues

    lists = dict(generic_cues())
    lists["ABOUT"] = ["Drug X"]
    lists["RIVAL"] = ["Drug Y"]
    return CueMatcher(nlp, lists)


@pytest.fixture(scope="session")
def analyse_text(nlp, generic_matcher) -> Callable:
    """Text -> the language layer's Analysis of it (document dated DOC_DATE unless told)."""
    from factcheck.lang.layer import analyse

    def run(text: str, doc_date: date | None = DOC_DATE):
        return analyse(nlp(text), generic_matcher, doc_date, syntax=False)

    return run


@pytest.fixture(scope="session")
def stance_of(analyse_text) -> Callable:
    """Text and an event class -> the Stance of the first mention of that event."""

    def run(text: str, event: str = "approval", doc_date: date | None = DOC_DATE):
        an = analyse_text(text, doc_date)
        hits = [e for e in an.events if e.event == event]
        assert hits, f"no {event} mention in {text!r}: {[e.event for e in an.events]}"
        return hits[0].stance

    return run


@pytest.fixture(scope="session")
def events_read(analyse_text) -> Callable:
    """Text and an event class -> (the cue's words, its stance) for each mention of that class."""

    def run(text: str, event: str) -> list[tuple[str, str]]:
        an = analyse_text(text)
        return [(an.doc[e.cue.start:e.cue.end].text, e.stance.stance) for e in an.events if e.event == event]

    return run
