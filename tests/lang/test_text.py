from spacy.tokens import Doc

from factcheck.lang.text import KEY, doc_text


def test_doc_text_is_the_docs_text_and_read_once(nlp):
    doc = nlp.make_doc("The FDA  approved it.\nIn 2024, twice.")
    doc.user_data.pop(KEY, None)
    assert doc_text(doc) == doc.text
    assert doc.user_data[KEY] == doc.text


def test_doc_text_of_a_doc_built_from_words(nlp):
    doc = Doc(nlp.vocab, words=["Approved", "in", "2024", "."], spaces=[True, True, False, False])
    assert doc_text(doc) == "Approved in 2024."
