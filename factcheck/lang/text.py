"""The text of a Doc, read once.

`Doc.text` joins every token each time it is read, so reading it per claim or per event made the
language layer cost tokens x events (a third of lint time on a claim-dense corpus). The pipeline's
tokenizer keeps the input string on the Doc; a Doc made elsewhere has its text joined once here.
"""

from __future__ import annotations

from spacy.tokens import Doc

KEY = "factcheck_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, cached in `doc.user_data` (spaCy's tokenizer never changes the text it splits)."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.text
        doc.user_data[KEY] = text
    return text
