"""Cues read from constructions, gathered in one call (lang/constructions.py)."""

from __future__ import annotations

from factcheck.lang.constructions import construction_cues


def test_each_reader_adds_its_cues(nlp, generic_matcher) -> None:
    text = ("Drug X could become a recognised medicine. The maker will present the results to the FDA. "
            "The agency will reach a different conclusion. The regulator put Drug X on its list of approved medicines. "
            "Drug X was classed as a medicine.")
    doc = nlp(text)
    found = {(doc[c.start:c.end].text, c.label) for c in construction_cues(doc, list(generic_matcher(doc)))}
    assert ("become a recognised medicine", "EV:approval") in found
    assert ("present", "EV:submission") in found
    assert ("reach a different conclusion", "EV:decision") in found
    assert ("put", "EV:approval") in found
    assert ("classed as a medicine", "EV:approval") in found
