"""The kinds runner's last word on a rule claim: is it about this pack's subject or another's?"""

from __future__ import annotations

import pytest


def rules_hit(linter, text: str) -> list[str]:
    report = linter.lint_text(text, "a.md", "markdown")
    return [f.rule for f in report.findings]


@pytest.mark.parametrize("text", [
    # a rival drug listed together with the pack's own is said of each, whichever comes first
    "MDMA and psilocybin are now legal in Australia.",
    "Psilocybin and MDMA are now legal in Australia.",
])
def test_a_rival_listed_with_the_own_subject_does_not_take_a_rule_claim_away(bundled_linter, text: str):
    assert "mdma/australia-mdma-approved-legal" in rules_hit(bundled_linter, text)


def test_a_rival_named_alone_nearest_takes_a_rule_claim_away(bundled_linter):
    text = "MDMA stays banned, while psilocybin is now legal in Australia."
    assert "mdma/australia-mdma-approved-legal" not in rules_hit(bundled_linter, text)


def test_a_wider_term_naming_the_product_is_no_rival_for_its_date(bundled_linter):
    # "semaglutide" names Ozempic among others, "GLP-1" names semaglutide: the approval is Ozempic's
    text = ("Ozempic treats type 2 diabetes. Its active ingredient, semaglutide, acts like the hormone GLP-1.\n\n"
            "It is sold widely: the FDA approved it in May 2017.")
    assert "glp1/ozempic-approval-wrong-year" in rules_hit(bundled_linter, text)


def test_a_wider_term_stays_a_rival_for_a_status(bundled_linter):
    # compounded semaglutide is another product than Wegovy: its missing approval is not Wegovy's
    text = "Wegovy is made by Novo Nordisk. Compounded semaglutide is sold online. It is not FDA-approved."
    assert not [r for r in rules_hit(bundled_linter, text) if r.startswith("glp1/wegovy-approval")]


def test_paragraph_starts_kept_per_doc_are_the_plain_ones():
    """Worked out once per Doc for the packs that ask with the same sentences and paragraphs; each
    gets a copy, and other arguments are answered afresh."""
    import spacy

    from factcheck.kinds.runner import _paragraph_starts, _paragraph_starts_of_doc

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("One. Two.\n\nThree. Four.\n\nFive.")
    sentences = [(s.start, s.end) for s in doc.sents]
    for paragraphs in ([0, 11, 25], [0], [], None, [0, 11, 25]):
        first = _paragraph_starts_of_doc(doc, sentences, paragraphs)
        second = _paragraph_starts_of_doc(doc, sentences, paragraphs)
        assert first == second == _paragraph_starts(doc, sentences, paragraphs) and first is not second
    assert _paragraph_starts_of_doc(doc, sentences[:2], [0, 11]) == _paragraph_starts(doc, sentences[:2], [0, 11])
