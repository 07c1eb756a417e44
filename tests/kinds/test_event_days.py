"""Which day a sentence gives a one-time act (kinds/event_days.py)."""

from __future__ import annotations

import pytest
import spacy

from factcheck.kinds.event_days import coordinated_act, day_next_to, phrase_count, tells_the_day


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def test_a_name_counts_about_as_one_word(nlp) -> None:
    doc = nlp("the U.S. Food and Drug Administration decided")
    assert phrase_count(doc[0:6]) <= 3


@pytest.mark.parametrize(("text", "day_end_word", "act", "joined"), [
    ("On August 9 the agency followed its advisers and rejected it.", "9", "rejected", True),
    ("On August 9 the agency heard the advisers and was persuaded.", "9", "persuaded", True),
    ("On August 9 the maker said the agency met and rejected it.", "9", "rejected", False),  # a saying
    ("On August 9 the agency met the maker and later rejected it.", "9", "rejected", False),  # another day
])
def test_a_verb_joined_by_and_shares_the_day(nlp, text: str, day_end_word: str, act: str, joined: bool) -> None:
    doc = nlp(text)
    words = [t.text for t in doc]
    assert coordinated_act(doc, words.index(day_end_word) + 1, words.index(act)) == joined


@pytest.mark.parametrize(("text", "told", "next_to"), [
    ("Shares fell on August 9, the day the agency turned it down.", True, False),
    ("Shares fell on August 9, when the agency turned it down.", True, False),
    ("Shares fell on August 9, the day after the agency turned it down.", False, True),
])
def test_a_clause_after_the_day_tells_it(nlp, text: str, told: bool, next_to: bool) -> None:
    doc = nlp(text)
    words = [t.text for t in doc]
    day_end, act = words.index("9") + 1, words.index("turned")
    assert tells_the_day(doc, day_end, act) == told
    assert day_next_to(doc, day_end, act) == next_to


@pytest.mark.parametrize(("text", "told"), [
    ("The maker announced the decision on Friday.", True),
    ("Lykos revealed its rejection on Friday.", True),
    ("The agency made its decision on Friday.", False),
])
def test_an_act_told_by_another_is_dated_by_the_telling(nlp, text: str, told: bool) -> None:
    from factcheck.kinds.event_days import _told_by_another

    doc = nlp(text)
    at = next(t.i for t in doc if t.lower_ in ("decision", "rejection"))
    assert _told_by_another(doc, at, 0) is told
