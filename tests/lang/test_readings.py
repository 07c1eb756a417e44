"""Word readings the stance reader uses (lang/readings.py), on word lists alone."""

from __future__ import annotations

import pytest

from factcheck.lang.readings import on_condition_of_approval


@pytest.mark.parametrize(("text", "conditional"), [
    ("the bill seeks to allow lawful use of such drugs once the fda has approved them", True),
    ("insurers will cover it if regulators approve the drug", True),
    ("prescribing will start as soon as the agency authorises it", True),
    ("the fda will approve it next year", False),
    ("the fda will decide in august ; if it approves , sales start", False),  # the condition is another clause's
    ("the bill would allow its use when patients need it", False),  # a condition, but not an approval
    ("it could be available by 2029 if approved", False),  # the forecast's own approval, after its time
    ("the bill would allow its use once approved", True),  # no time given: the use waits on the approval
])
def test_an_event_made_to_wait_on_an_approval(text: str, conditional: bool) -> None:
    words = text.split()
    assert on_condition_of_approval(words, 3, len(words)) is conditional


@pytest.mark.parametrize(("text", "further"), [
    ("asked it to complete a third confirmatory phase 3", True),
    ("plans to run a new phase 3", True),
    ("is being tested in a second phase 3", False),  # the second of the two, MAPP2
    ("completed the phase 3", False),
])
def test_one_more_of_its_kind(text: str, further: bool) -> None:
    from factcheck.lang.readings import _a_further_one

    words = text.split()
    es = len(words) - 2
    assert _a_further_one(words, 0, es) is further


@pytest.mark.parametrize(("text", "supposed"), [
    ("the bill would move it into schedule ii , where patients could get access", True),
    ("the rule would set up a program , whereby clinics could offer it", True),
    ("the fda could approve it next year , where it is sold in clinics", False),  # no "would" before
    ("maps said the bill would move it into schedule ii , where doctors could prescribe it", False),  # reported
    ("the bill would move it into schedule ii and patients could get access", False),  # no relative clause
])
def test_a_relative_clause_on_what_something_would_do(text: str, supposed: bool) -> None:
    from factcheck.lang.readings import relative_under_would

    words = text.split()
    assert relative_under_would(words, 0, len(words) - 2, []) is supposed
