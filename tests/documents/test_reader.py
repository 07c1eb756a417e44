import os

import pytest

from factcheck.documents import InputError, read_document
from factcheck.documents import reader as reader_mod


def test_binary_file_is_refused(tmp_path):
    p = tmp_path / "image.md"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary file"):
        read_document(p)


def test_bad_encoding_names_the_line(tmp_path):
    p = tmp_path / "latin.md"
    p.write_bytes("line one\nbad \xe9 here\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"not valid UTF-8 .* line 2"):
        read_document(p)


def test_html_with_declared_charset_is_decoded(tmp_path):
    p = tmp_path / "page.html"
    p.write_bytes('<meta charset="iso-8859-1"><p>caf\xe9</p>'.encode("latin-1"))
    assert "café" in read_document(p).text


def test_empty_and_missing_files(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert read_document(p).text == ""  # empty is fine: nothing to check, nothing wrong
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.md")


def test_huge_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    monkeypatch.setattr(reader_mod, "MAX_BYTES", 1000)
    p = tmp_path / "big.txt"
    p.write_text("word " * 1000)
    with pytest.raises(InputError, match="over the"):
        read_document(p)


def test_utf8_bom_and_utf16_are_read(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfDrug X text")
    assert read_document(p).text == "Drug X text"
    q = tmp_path / "u16.txt"
    q.write_bytes("Drug X text".encode("utf-16"))
    assert read_document(q).text == "Drug X text"


def test_text_dates_from_labelled_lines(tmp_path):
    p = tmp_path / "note.txt"
    p.write_text("Title\nLast updated: 2026-02-16 13:05\n\nBody.\n")
    doc = read_document(p)
    assert doc.updated is not None and doc.updated.isoformat() == "2026-02-16"


def test_fifo_and_devices_are_refused_without_reading(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"pipe.md: not a regular file \(a FIFO\)"):
        read_document(fifo)
    with pytest.raises(InputError, match="character device"):
        read_document("/dev/zero")


def test_symlink_loop_is_named(tmp_path):
    os.symlink("b.md", tmp_path / "a.md")
    os.symlink("a.md", tmp_path / "b.md")
    with pytest.raises(InputError, match="symbolic link loop"):
        read_document(tmp_path / "a.md")


def test_lone_cr_lines_are_counted_like_an_editor(tmp_path):
    p = tmp_path / "mac.txt"
    p.write_bytes(b"One.\rTwo.\rThree words here\r")
    doc = read_document(p)
    at = doc.source.index("words")
    assert doc.line_col(at) == (3, 7)
    assert doc.line_text(3) == "Three words here"
    assert doc.breaks == [0, 5, 10]


def test_lone_surrogates_become_replacement_characters():
    from factcheck.documents import parse

    doc = parse("<p>a \ud800 b</p>", "x.html", "html")
    assert "\ud800" not in doc.text and "\ufffd" in doc.text


def test_findings_on_one_long_line_share_its_text():
    from factcheck.documents import parse

    doc = parse("word " * 200_000, "one.txt", "text")
    assert doc.line_text(1) is doc.line_text(1)  # not a 1 MB copy per finding


def test_page_charset_that_decodes_to_surrogates_is_cleaned(tmp_path):
    from factcheck.documents import decode

    text = decode(b'<meta charset="unicode_escape"><p>\\ud800 \xff</p>', "p.html", "html")
    assert "\ud800" not in text and "\ufffd" in text
    text.encode("utf-8")


def test_control_ratio_counts_the_control_bytes_a_byte_loop_counts():
    import random

    rng = random.Random(3)
    samples = [b"", bytes(range(256)), b"plain text\n\twith tabs\r\n\x1b[0m", b"\x01\x02\x03abc"]
    samples += [bytes(rng.randrange(256) for _ in range(rng.randint(1, 300))) for _ in range(200)]
    for head in samples:
        bad = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
        assert reader_mod._control_ratio(head) == (bad / len(head) if head else 0.0)
