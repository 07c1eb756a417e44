"""A clause on the event's own noun that says when it happens (lang/postmodifiers.py)."""

from __future__ import annotations

import pytest

from factcheck.lang.postmodifiers import future_marked, postmodifier


def _words(text: str) -> list[str]:
    return text.lower().replace(",", " ,").split()


@pytest.mark.parametrize(("text", "event_end", "clause"), [
    ("the planned phase 3 studies , which are to begin in 2018 .", 4, "which are to begin in 2018"),
    ("phase 3 trials of mdma , which will begin in 2018 , will enrol many", 2, "which will begin in 2018"),
    ("phase 3 trials starting in 2017 were announced", 2, "starting in 2017 were announced"),
    ("the approval , expected in 2024 , would be a first", 2, "expected in 2024"),
])
def test_a_clause_on_the_event_noun_is_found(text: str, event_end: int, clause: str) -> None:
    words = _words(text)
    span = postmodifier(words, event_end, len(words))
    assert span is not None and " ".join(words[span[0]:span[1]]) == clause


@pytest.mark.parametrize(("text", "event_end"), [
    ("the approval came in 2024 .", 2),  # the event's own verb follows, no clause on its noun
    ("the trials , and the approval that followed", 2),  # a conjunction, not a clause on the noun
    ("the approval , that is , the licence", 2),  # ", that is," glosses the noun
])
def test_no_clause_on_the_event_noun(text: str, event_end: int) -> None:
    words = _words(text)
    assert postmodifier(words, event_end, len(words)) is None


@pytest.mark.parametrize(("clause", "future"), [
    ("which will begin in 2018", True),
    ("which are to start next year", True),
    ("due to begin in 2017", True),
    ("which is expected in 2024", True),
    ("which was filed in 2023", False),
    ("which began in 2018", False),
])
def test_a_clause_that_tells_of_the_event_as_to_come(clause: str, future: bool) -> None:
    words = clause.split()
    assert future_marked(words, (0, len(words))) is future
