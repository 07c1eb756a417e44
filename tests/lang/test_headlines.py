"""Acts and states told in headline style (lang/headlines.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "word", "done"), [
    ("FDA approves MDMA-assisted therapy", "approves", True),
    ("MDMA therapy approved in the US for veterans", "approved", True),
    ("FDA to approve MDMA therapy", "approve", False),  # the headline's future
    ("Australia approves MDMA and psilocybin to treat mental disorders", "approves", True),  # "to" of purpose
    ("FDA set to approve MDMA therapy", "approve", False),
    ("Will the FDA approve MDMA therapy?", "approve", False),
    ("The FDA approves drugs that are safe and effective.", "approves", False),  # a sentence, not a headline
    ("MDMA therapy could be approved in the US", "approved", False),
])
def test_an_act_told_in_headline_style(text: str, word: str, done: bool) -> None:
    import spacy

    from factcheck.lang.cues import Cue
    from factcheck.lang.headlines import headline_act

    doc = spacy.blank("en")(text)
    i = next(t.i for t in doc if t.text == word)
    assert headline_act(doc, (0, len(doc)), Cue("EV:approval", i, i + 1)) is done
