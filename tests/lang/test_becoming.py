"""A drug said to become a medicine is read as an approval (lang/becoming.py)."""

from __future__ import annotations

import pytest


def _approvals(events_read, text: str) -> list[tuple[str, str]]:
    return events_read(text, "approval")


@pytest.mark.parametrize(("text", "span", "stance"), [
    ("Drug X appears poised to become a badly needed therapy for burns.", "become a badly needed therapy", "expected"),
    ("Medicines based on Drug X may be a reality in two or three years.", "be a reality", "expected"),
    ("Drug X will likely be an accepted remedy by 2030.", "be an accepted remedy", "expected"),
    ("Drug X is not going to become a treatment any time soon.", "become a treatment", "negated"),
    ("By 2030 Drug X may become an accepted aid to therapy.", "become an accepted aid", "expected"),
])
def test_becoming_a_medicine_is_an_approval_event(events_read, text: str, span: str, stance: str):
    assert (span, stance) in _approvals(events_read, text)


@pytest.mark.parametrize("text", [
    "Drug X has become a popular treatment among students.",  # a description of use, told in the perfect
    "Drug X became a fashionable party drug in the 1980s.",
    "Drug X is a promising treatment for burns.",  # the present of "be" describes
    "Drug X could become a treatment centre's biggest expense.",  # the phrase's head is not a medicine
    "Drug X could become a tool in the therapist's kit.",
    "Drug X could become a useful aid to therapy.",  # an aid with no word of standing
])
def test_descriptions_and_other_heads_are_not_approvals(events_read, text: str):
    assert _approvals(events_read, text) == []


@pytest.mark.parametrize("text", [
    "Drug X could be a promising therapy for burns.",  # a judgement of worth, not of standing
    "Drug X may be the most popular medicine of the decade.",
    "Drug X could become a safer treatment than surgery.",
    "Drug X will be a treatment for some and a poison for others.",  # "be" with no word of standing
])
def test_judgements_of_worth_are_not_approvals(events_read, text: str):
    assert _approvals(events_read, text) == []


@pytest.mark.parametrize(("text", "span", "stance"), [
    ("Drug X could be publicly available for burns in 2030.", "be publicly available", "expected"),
    ("Drug X may soon become legally prescribable.", "become legally prescribable", "expected"),
])
def test_a_predicate_of_standing_after_an_adverb_is_an_approval_event(events_read, text: str, span: str,
                                                                      stance: str):
    assert (span, stance) in _approvals(events_read, text)


def test_a_predicate_of_worth_after_an_adverb_is_not_one(events_read):
    assert _approvals(events_read, "Drug X could be really useful for burns in 2030.") == []
    # supply, not standing
    assert not [s for s, _ in _approvals(events_read, "Drug X will be readily available again by March.")
                if "readily" in s]


@pytest.fixture(scope="module")
def analyse_with_term(nlp):
    """The layer with a pack's term for Drug X (a TERM: cue), as packs give their subjects."""
    from factcheck.lang.cues import CueMatcher, generic_cues
    from factcheck.lang.layer import analyse

    lists = dict(generic_cues())
    lists["TERM:x"] = ["Drug X"]
    matcher = CueMatcher(nlp, lists)
    return lambda text: analyse(nlp(text), matcher, None, syntax=False)


@pytest.mark.parametrize(("text", "span"), [
    ("The vote opens the way to legal Drug X by 2030.", "legal Drug X"),
    ("Prescription Drug X may at last be within reach.", "Prescription Drug X"),
    ("The bill is a step toward licensed Drug X clinics.", "licensed Drug X"),
])
def test_a_subject_named_with_a_modifier_of_standing_is_an_approval_event(analyse_with_term, text: str, span: str):
    an = analyse_with_term(text)
    assert span in [an.doc[e.cue.start:e.cue.end].text for e in an.events if e.event == "approval"]


@pytest.mark.parametrize("text", [
    "The state legalized Drug X for veterans.",  # a verb, not a modifier (its own approval word aside)
    "In 2017 the agency gave medical Drug X a designation.",  # the research drug
    "Pharmacies that are state-licensed may not sell Drug X.",
    "Websites selling so-called legal Drug X online are scams.",  # grey market
    "Shops sell legal Drug X substitutes.",
])
def test_other_words_before_a_subject_are_not_modifiers_of_standing(analyse_with_term, text: str):
    an = analyse_with_term(text)
    spans = [an.doc[e.cue.start:e.cue.end].text for e in an.events if e.event == "approval"]
    assert not any(s.endswith("Drug X") for s in spans), spans


@pytest.mark.parametrize(("text", "span", "stance"), [
    ("Drug X is now officially a medicine.", "is now officially a medicine", "current"),
    ("Drug X is legally a prescription treatment there.", "is legally a prescription treatment", "current"),
])
def test_a_present_be_with_an_adverb_of_standing_states_a_licence(events_read, text: str, span: str, stance: str):
    assert (span, stance) in _approvals(events_read, text)


@pytest.mark.parametrize("text", [
    "Drug X is officially a Schedule 1 drug.",  # no medicine head
    "Drug X is formally a promising treatment.",  # a judgement of worth
    "Drug X is a medicine for burns.",  # no adverb of standing: a description
])
def test_other_present_descriptions_are_not_approvals(events_read, text: str):
    assert _approvals(events_read, text) == []


@pytest.mark.parametrize(("text", "span"), [
    ("Drug X could be a legal drug in 2031.", "be a legal drug"),  # "drug" with a word of standing
    ("Drug X could be made publicly available for medical use in 2031.", "be made publicly available"),
])
def test_a_standing_told_with_drug_or_made_available(events_read, text: str, span: str):
    assert (span, "expected") in events_read(text, "approval")


def test_a_party_drug_is_no_licence(events_read):
    assert events_read("Drug X could become a popular party drug.", "approval") == []


def test_a_participle_after_the_head_ends_the_phrase_and_the_queue_forecasts(events_read):
    read = events_read("Drug X leads the queue to become a legal treatment prescribed nationwide.", "approval")
    assert ("become a legal treatment", "expected") in read
