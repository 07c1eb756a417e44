from factcheck.lang.layer import analyse, sentences_of

TEXT = "Drug X is not yet approved. Approval is expected next year, analysts say."


def test_without_stances_the_cues_and_sentences_are_the_same(nlp, generic_matcher):
    full = analyse(nlp(TEXT), generic_matcher, None, syntax=False)
    bare = analyse(nlp(TEXT), generic_matcher, None, syntax=False, stances=False)
    assert full.events and not bare.events
    assert bare.cues == full.cues
    assert bare.sentences == full.sentences


def test_sentences_follow_the_sentence_starts(nlp):
    doc = nlp(TEXT)
    assert sentences_of(doc) == [(s.start, s.end) for s in doc.sents]
    assert sentences_of(nlp.make_doc(TEXT)) == [(0, len(nlp.make_doc(TEXT)))]
