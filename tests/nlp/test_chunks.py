"""Long texts are linted in pieces (spaCy's E088 limit) with exact positions."""

from __future__ import annotations

from factcheck.nlp import chunks
from factcheck.nlp.chunks import split_for_nlp

PARA = "Drug X is close to approval. Other words follow here.\n\n"


def test_short_text_is_one_chunk():
    (c,) = split_for_nlp("abc", [0], [0])
    assert (c.offset, c.text) == (0, "abc")


def test_pieces_cover_the_text_and_cut_at_paragraphs():
    text = PARA * 2000
    paragraphs = list(range(0, len(text), len(PARA)))
    pieces = split_for_nlp(text, paragraphs, paragraphs, limit=10_000)
    assert "".join(p.text for p in pieces) == text
    assert all(len(p.text) <= 10_000 for p in pieces)
    assert all(p.text.startswith("Drug X") for p in pieces)
    for p in pieces:
        assert all(text[p.offset + b : p.offset + b + 6] == "Drug X" for b in p.breaks)


def test_fifty_megabytes_without_structure_are_cut_at_spaces():
    text = ("word " * 10_000_000)[:-1] + "."  # 50 MB, one paragraph, no line end
    pieces = split_for_nlp(text, [0], [0])
    assert sum(len(p.text) for p in pieces) == len(text)
    assert all(len(p.text) <= chunks.CHUNK_CHARS for p in pieces)
    assert all(p.text.startswith("word") for p in pieces)
    last = pieces[-1]
    assert last.offset + len(last.text) == len(text) and text[last.offset :] == last.text


def test_findings_in_a_long_text_have_exact_positions(test_linter, monkeypatch):
    # The same text linted whole and in ~4 KB pieces gives the same findings at the same places.
    text = ("Filler sentence with nothing to check in it at all.\n\n" * 40 + PARA) * 12
    whole = test_linter.lint_text(text, "a.md")
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 4_000)
    assert len(split_for_nlp(text, [0], list(range(0, len(text), 50)))) > 5
    pieced = test_linter.lint_text(text, "a.md")
    key = [(f.rule, f.start, f.end, f.line, f.column, f.end_line, f.end_column) for f in whole.findings]
    assert key and key == [(f.rule, f.start, f.end, f.line, f.column, f.end_line, f.end_column) for f in pieced.findings]
    last = pieced.findings[-1]
    assert text[last.start : last.end] == last.text and last.line == text[: last.start].count("\n") + 1


def test_text_over_spacy_max_length_is_linted_to_the_end(test_linter, monkeypatch):
    # spaCy raises E088 past nlp.max_length (1,000,000); a lowered limit tests the same path quickly.
    monkeypatch.setattr(test_linter.nlp, "max_length", 20_000)
    filler = "Filler sentence with nothing to check in it at all.\n\n" * 1_000
    text = filler + PARA
    report = test_linter.lint_text(text, "big.md", "text")
    assert report.error is None
    last = report.findings[-1]
    assert last.start >= len(filler) and text[last.start : last.end] == last.text
    assert (last.line, last.column) == (filler.count("\n") + 1, last.start - len(filler) + 1)


def test_symbol_runs_are_blanked_for_the_tokenizer(test_linter):
    import time

    text = "[" * 5_000 + " ](" * 3 + "](" * 5_000 + ' title="' + "A" * 20_000 + "\n\n" + PARA
    t = time.perf_counter()
    report = test_linter.lint_text(text, "x.md", "text")
    assert time.perf_counter() - t < 5  # was over 40 s: quadratic in spaCy and in CITATION
    assert [f.rule for f in report.findings] and text[report.findings[0].start :].startswith("close")
    assert split_for_nlp("a -- b ---------------- c", [0], [0])[0].text == "a -- b " + " " * 16 + " c"


def test_calm_symbols_skips_only_text_without_long_runs():
    """The shortcut (no stretch of 16+ non-space characters) gives what the substitution gives."""
    from factcheck.nlp.chunks import _SLOW_RUN, calm_symbols

    def slow(t: str) -> str:
        return _SLOW_RUN.sub(lambda m: " " * len(m.group(0)), t)

    for text in ["plain words only", "a " * 5 + "#" * 16, "x" * 300, "ab\u00a0" + "-" * 15, "-" * 15 + "\u2003-",
                 "see https://example.com/a/long/path?x=1 here", "\u3000".join(["=" * 10] * 3), "", "=" * 15 + "a"]:
        assert calm_symbols(text) == slow(text), text
