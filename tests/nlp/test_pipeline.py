import random

from factcheck.nlp.pipeline import _ABBR_THEN_SENTENCE, _abbreviation_sentence_ends


def test_sentence_ends_after_abbreviations_are_where_finditer_finds_them():
    pieces = ["U.S.", "the", "The", "agency", "approved", "it", "in", "Inc.", "Co.", "Corp.", "al.", "et", "clinical.",
              "a.m.", "p.m.", "etc.", "D.C.", "U.K.", "U.N.", "It", "MDMA", "Researchers", ".", "\t", "  ", "\n",
              "xU.S.", ".Co.", "Ltd.", "Ltd.The", "However", "Today"]
    rng = random.Random(5)
    texts = ["Approved in the U.S. The agency said so. Smith et al. In 2024, MDMA Co. MDMA",
             "at 9 a.m. Then at 5 p.m.\tToday; x.U.S. The U.S.  It", "", "."]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(400)]
    found = 0
    for text in texts:
        expected = [m.span() for m in _ABBR_THEN_SENTENCE.finditer(text)]
        assert [m.span() for m in _abbreviation_sentence_ends(text)] == expected
        found += len(expected)
    assert found > 50


def test_a_suspended_hyphen_is_its_own_token(bundled_pack):
    from factcheck.nlp.pipeline import get_pipeline

    nlp = get_pipeline(bundled_pack)
    words = [t.text for t in nlp.make_doc("MDMA- and psilocybin-assisted therapy, a well-known co-author, 3- or 4-week")]
    assert words[:3] == ["MDMA", "-", "and"]
    assert words[-6:] == ["3", "-", "or", "4", "-", "week"]
    # words joined by a hyphen split as spaCy's tokenizer splits them
    assert words[9:12] == ["well", "-", "known"]
