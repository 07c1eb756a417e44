"""Negation scope, attribution, quotes, questions and dated statements on pack rules."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.engine import Linter
from factcheck.nlp.claims import Claim
from factcheck.nlp.extract import _dated_year, _mark_speech, _negated
from factcheck.nlp.normalize import collapse, fold


def speech(sentence: str, phrase: str) -> Claim:
    norm, _ = collapse(fold(sentence))
    s = norm.index(fold(phrase))
    c = Claim(type="rule", kind="other", start=0, end=0, sentence=(0, len(sentence)))
    _mark_speech(c, norm, s, s + len(phrase))
    return c


@pytest.mark.parametrize(("sentence", "phrase"), [
    ("MDMA is not close to approval.", "close to approval"),
    ("MDMA-assisted therapy has not yet been approved.", "approved"),
    ("It isn't near approval.", "near approval"),
    ("MDMA is far from approval.", "approval"),
])
def test_negated(sentence: str, phrase: str) -> None:
    norm = fold(sentence)
    assert _negated(norm, norm.index(fold(phrase)))


@pytest.mark.parametrize(("sentence", "phrase"), [
    # The negation belongs to another clause.
    ("The FDA has not published its reasons, but approval is close.", "approval is close"),
    ("No one expected it; MDMA is close to approval.", "close to approval"),
    ("Without doubt MDMA therapy works, and approval is imminent.", "approval is imminent"),
])
def test_negation_is_clause_local(sentence: str, phrase: str) -> None:
    norm = fold(sentence)
    assert not _negated(norm, norm.index(fold(phrase)))


@pytest.mark.parametrize(("sentence", "phrase"), [
    ("Critics say MDMA is close to approval.", "close to approval"),
    ("Supporters insist the drug is on the brink of approval.", "on the brink of approval"),
    ("According to the company, approval is within reach.", "approval is within reach"),
    ("Approval is within reach, the company's chief executive said.", "approval is within reach"),
    ("Approval is imminent, said Doblin.", "approval is imminent"),
    ("Critics said, however, that approval is close.", "approval is close"),
    ("\u201cApproval is imminent,\u201d he told reporters.", "approval is imminent"),
    ('She called it "a drug on the verge of approval" in 2023.', "on the verge of approval"),
    # Meta statements name an error; press reports are other people's words.
    ("A common error is to say the phase 3 volunteers were given 125 mg.", "125 mg"),
    ("The myth is that MDMA is approved.", "mdma is approved"),
    ("It is wrong to say that the drug is approved.", "the drug is approved"),
    ("Contrary to claims that 88% were cured, the figure was lower.", "88% were cured"),
    ("Some outlets went further and reported that 88% lost their diagnosis.", "88%"),
])
def test_attributed(sentence: str, phrase: str) -> None:
    assert speech(sentence, phrase).attributed


@pytest.mark.parametrize(("sentence", "phrase"), [
    ("MDMA-assisted therapy is on the cusp of approval in the United States.", "on the cusp of approval"),
    ("Lykos CEO Amy Emerson says the company will keep working with the FDA.", "lykos ceo amy emerson"),
    ("We agree with them: approval is within reach.", "approval is within reach"),
    ("I think approval is within reach.", "approval is within reach"),
    ("Regulators are expected to sign off next year.", "expected to sign off"),
    # "Contrary to" covers only its own phrase; a study reporting its result is asserted.
    ("Contrary to some reports, the FDA has not rejected it.", "the fda has not rejected it"),
    ("The trial reported that 88% lost their diagnosis.", "88%"),
    ("The error was corrected in 2023, and 88% lost their diagnosis.", "88%"),
    # A relative clause or a subordinate clause's report is not attribution of the main clause.
    ("The company is still led by Amy Emerson, who has promised a resubmission.", "led by amy emerson"),
    ("Half a year after the FDA said no, Lykos is trying to rebuild.", "lykos is trying"),
])
def test_not_attributed(sentence: str, phrase: str) -> None:
    assert not speech(sentence, phrase).attributed


@pytest.mark.parametrize("sentence", [
    "Is MDMA therapy close to approval?",
    "Is MDMA therapy close to approval?\u201d",
    "## Is MDMA therapy close to approval?",
])
def test_questions(sentence: str) -> None:
    assert speech(sentence, "close to approval").question


def test_statement_is_not_a_question() -> None:
    assert not speech("MDMA therapy is close to approval.", "close to approval").question


@pytest.mark.parametrize(("sentence", "year"), [
    ("In 2023, MDMA therapy seemed close to approval.", 2023),
    ("Back in March 2022 approval looked near.", 2022),
    ("MDMA is close to approval.", None),
    ("MDMA could be approved as soon as 2024.", None),  # a predicted date, not an anchor
])
def test_dated_year(sentence: str, year: int | None) -> None:
    norm = fold(sentence)
    assert _dated_year(norm, norm.index("approv")) == year


@pytest.mark.parametrize(("sentence", "phrase", "word"), [
    ("Regulators are expected to sign off next year.", "expected to sign off", "next year"),
    ("MDMA is currently close to approval.", "close to approval", "currently"),
    ("MDMA is close to approval; a decision came last year.", "close to approval", None),  # another clause
    ("MDMA is close to approval.", "close to approval", None),
])
def test_relative_time(sentence: str, phrase: str, word: str | None) -> None:
    from factcheck.nlp.extract import _relative_time

    norm = fold(sentence)
    s = norm.index(phrase)
    assert _relative_time(norm, s, s + len(phrase)) == word


def test_a_plain_not_inside_a_pattern_match_negates_it(bundled_pack) -> None:
    # The bundled pack's "Canada ... legalized ... MDMA" pattern can hold a "not".
    linter = Linter(bundled_pack, date(2026, 11, 22))
    said = [f.rule for f in linter.lint_text("Canada has not legalized MDMA therapy.\n", "a.md").findings]
    assert "mdma/canada-legalized-mdma" not in said
    said = [f.rule for f in linter.lint_text("Canada has legalized MDMA therapy.\n", "a.md").findings]
    assert "mdma/canada-legalized-mdma" in said
    # "no later than" and "said no" are no negation of the claim.
    said = [f.rule for f in linter.lint_text("Regulators will rule on midomafetamine no later than Aug. 11.\n",
                                             "a.md").findings]
    assert "mdma/fda-decision-pending" in said


def test_two_patterns_of_one_rule_on_overlapping_words_give_one_finding(bundled_pack) -> None:
    linter = Linter(bundled_pack, date(2026, 11, 22))
    text = "The MDMA developer recently published positive results of a phase 3 trial, the final stage before applying.\n"
    said = [f.rule for f in linter.lint_text(text, "a.md").findings]
    assert said.count("mdma/phase3-final-stage-before-application") == 1
