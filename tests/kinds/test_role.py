"""Kind `role`: Jane Roe led Acme Pharma until 2024-06-30; John Doe since 2024-07-01; Max Mole never."""

from __future__ import annotations

import pytest

RULE = "test/acme-ceo"


@pytest.mark.parametrize(("text", "span"), [
    ("Acme Pharma CEO Jane Roe spoke about Drug X.", "CEO Jane Roe"),
    ("Jane Roe, the chief executive of Acme, praised Drug X.", "Jane Roe, the chief executive"),
    # the organisation named in the sentence before
    ("Acme Pharma makes Drug X. CEO Jane Roe spoke about it.", "CEO Jane Roe"),
    # a year in another clause does not date the title
    ("Drug X came out in 2019, and Acme Pharma CEO Jane Roe spoke about it.", "CEO Jane Roe"),
    # the organisation's name between name and title counts as one word
    ("Drug X owes much to Jane Roe, who set up the firm Acme Pharma and is still its chief executive.",
     "Jane Roe, who set up the firm Acme Pharma and is still its chief executive"),
    # the organisation named three sentences before (a dateline is a sentence of its own)
    ("BOSTON, Mass. Acme Pharma said its Drug X works. The data are new. CEO Jane Roe spoke.", "CEO Jane Roe"),
    # a departure word after a determiner is another's: "the departing directors"
    ("Jane Roe, CEO of Acme, thanked the departing directors for their work on Drug X.", "Jane Roe, CEO"),
    # "led by" is a passive, not a past holding
    ("Acme Pharma, led by chief executive Jane Roe, makes Drug X.", "chief executive Jane Roe"),
    # a past verb after the name and title is an act of the holder's, not a term that ended
    ("Acme chief executive Jane Roe headed the delegation that discussed Drug X.", "chief executive Jane Roe"),
    # an interim word that names no post of hers
    ("Acme Pharma CEO Jane Roe presented the interim results of Drug X.", "CEO Jane Roe"),
])
def test_former_holder_named_as_current(hits, text: str, span: str):
    assert hits(text, RULE) == [(RULE, span, "info")]


@pytest.mark.parametrize("text", [
    "Acme Pharma CEO John Doe spoke about Drug X.",  # the current holder
    "Former Acme CEO Jane Roe spoke about Drug X.",
    "In 2023, Acme Pharma CEO Jane Roe spoke about Drug X.",  # dated inside her term
    "Jane Roe, a chemist, praised Drug X.",  # no title near the name
    "Beta Labs CEO Jane Roe praised Drug X.",  # another organisation
    # the title is the nearer name's: Doe's, not Roe's
    "At Acme the change made John Doe CEO, with Jane Roe staying on as an adviser on Drug X.",
    "Three Acme directors resigned over Drug X, including CEO Jane Roe.",  # a departure told
    "Jane Roe is leaving her post as Acme's chief executive, the maker of Drug X says.",  # told between
    "Jane Roe, who headed Acme as chief executive, now advises on Drug X.",  # a holding in the simple past
    # a title before another person's name is that person's, even one the pack does not know
    "Acme's authors on Drug X include founder Jane Roe and CEO Mary Major.",
])
def test_current_holder_or_history_is_not_flagged(hits, text: str):
    assert hits(text, RULE) == []



@pytest.mark.parametrize("text", [
    "Jane Roe Remains Acme CEO As Drug X Review Drags On",  # a title-case heading: no name after the title
    "Jane Roe, Acme CEO Since 2021, said Drug X works.",
])
def test_a_title_before_capitalised_words_that_are_no_name_stays_the_holders(hits, text: str):
    assert [r for r, _, _ in hits(text, RULE)] == [RULE]


@pytest.mark.parametrize(("text", "flagged"), [
    ("Acme Pharma's incoming CEO John Doe spoke about Drug X.", True),  # his term began in July 2024
    ("Acme Pharma CEO-designate John Doe spoke about Drug X.", True),
    ("In June 2024, Acme Pharma's incoming CEO John Doe spoke about Drug X.", False),  # told as of then
    ("Acme Pharma CEO John Doe spoke about Drug X.", False),
])
def test_the_holder_still_to_come_after_the_term_began(hits, text: str, flagged: bool):
    assert bool(hits(text, RULE)) == flagged


def test_role_rules_read_only_documents_about_the_pack(hits):
    # The pack is about Drug X; a page that never names it is none of its business.
    assert hits("Acme Pharma CEO Jane Roe spoke.", RULE) == []


@pytest.mark.parametrize("text", [
    # A handover told as such: the successor is named in the same sentence.
    "Acme Pharma said John Doe will become chief executive on Monday, taking over from Jane Roe, who made Drug X.",
    "Outgoing Acme CEO Jane Roe thanked the team behind Drug X.",
    # a departure to come: the sentence tells of the end of the term
    "Acme Pharma said on Friday that Jane Roe, its chief executive, will step down after Drug X's launch.",
    # the departure after an apposition that names the company
    "Jane Roe, chief executive of Acme Pharma Inc., is stepping down after Drug X's launch.",
    # the holder taking up another post: the title is the one held until then
    "Jane Roe, Acme Pharma's chief executive since 2019, takes over as chair of the board behind Drug X.",
    "The interim chair is Jane Roe, the chief executive of Acme Pharma, which makes Drug X.",
])
def test_a_handover_is_not_a_former_holder_named_as_current(hits, text: str):
    assert hits(text, RULE) == []


def test_the_company_named_in_the_sentence_before(hits):
    # "The company's chief executive" finds its company in the paragraph's previous sentence.
    text = "Acme Pharma expects Drug X to sell well. The company's chief executive, Jane Roe, said so."
    assert hits(text, RULE) == [(RULE, "chief executive, Jane Roe", "info")]
    # Without a company before it, the title belongs to nobody the rule knows.
    assert hits("Drug X sells well. The company's chief executive, Jane Roe, said so.", RULE) == []


@pytest.mark.parametrize(("text", "span"), [
    ("Acme Pharma CEO Max Mole spoke about Drug X.", "CEO Max Mole"),
    ("Former Acme CEO Max Mole spoke about Drug X.", "CEO Max Mole"),  # not even formerly
    ("Max Mole is now the chief executive of Acme, the maker of Drug X.", "Max Mole is now the chief executive"),
])
def test_someone_who_never_held_the_title(hits, text: str, span: str):
    assert [h[:2] for h in hits(text, RULE)] == [(RULE, span)]


@pytest.mark.parametrize("text", [
    "Max Mole was never the CEO of Acme, the maker of Drug X.",
    "Acme's CEO spoke after Max Mole presented Drug X at a meeting.",  # the title is not his
    "Max Mole, a chemist at Acme, praised Drug X.",
])
def test_someone_who_never_held_the_title_named_otherwise(hits, text: str):
    assert hits(text, RULE) == []


def test_a_holder_who_never_held_the_title_has_no_term(tmp_path):
    import kindpack

    from factcheck.knowledge import check_packs

    rule = kindpack.rule("x-ceo", "kind: role\norganization: [Acme]\nrole: [CEO]\nholders:\n"
                                  "  - {name: Max Mole, never: true, until: 2024-01-01}\n"
                                  "  - {name: Jane Roe, never: maybe}\n")
    root = kindpack.write_pack(tmp_path / "test", {
        "claims/pack.yaml": kindpack.manifest(),
        "claims/c.yaml": "claims:\n" + kindpack.claim("x", "Acme is led by John Doe.", rule)})
    _, problems = check_packs([root])
    text = [str(p) for p in problems if p.level == "error"]
    assert any("c.yaml" in t and "never held the title has no 'from' or 'until'" in t for t in text), text
    assert any("c.yaml" in t and "'never' must be true or false" in t for t in text), text
