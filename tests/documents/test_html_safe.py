"""parser_safe: stray "<" after the last ">" become spaces; length and offsets are kept."""

from __future__ import annotations

from factcheck.documents.html_safe import parser_safe


def test_text_after_the_last_tag_loses_its_open_brackets_only() -> None:
    source = "<p>a < b</p> tail <a <b"
    safe = parser_safe(source)
    assert safe == "<p>a < b</p> tail  a  b"
    assert len(safe) == len(source)


def test_a_source_without_stray_brackets_is_returned_unchanged() -> None:
    source = "<p>fine</p>\n"
    assert parser_safe(source) is source
