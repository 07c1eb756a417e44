"""Helpers for the NLP tests: run text through the pipeline with the bundled pack."""

from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.fixture(scope="session")
def bundled_pack():
    from factcheck.knowledge import load_pack_cached

    return load_pack_cached()


@pytest.fixture(scope="session")
def run_doc(bundled_pack) -> Callable:
    """Markdown text -> the spaCy Doc (claims in doc.user_data / doc.spans)."""
    from factcheck.documents import parse
    from factcheck.nlp.pipeline import get_pipeline, pipe_texts

    nlp = get_pipeline(bundled_pack)

    def run(text: str):
        d = parse(text, "a.md", "markdown")
        return next(pipe_texts(nlp, [(d.text, d.breaks, d.paragraphs)])), d

    return run


@pytest.fixture(scope="session")
def figures(run_doc) -> Callable:
    """Text -> its figure claims, each with the exact text it covers."""
    from factcheck.nlp.pipeline import claims_of

    def run(text: str):
        doc, d = run_doc(text)
        out = []
        for c in claims_of(doc):
            if c.type == "figure":
                out.append((d.text[c.start:c.end], c))
        return out

    return run


@pytest.fixture(scope="session")
def citations(run_doc) -> Callable:
    from factcheck.nlp.pipeline import claims_of

    def run(text: str):
        doc, d = run_doc(text)
        return [(d.text[c.start:c.end], c.studies) for c in claims_of(doc) if c.type == "citation"]

    return run
