from datetime import date

from factcheck.documents.markdown import parse_markdown

SRC = """---
title: Drug X today
date: 2023-05-04
updated: 2024-01-02
---
# Drug X is **close** to approval

See [the regulator's page](https://example.org/a "t") and `67% in code` here.
<!-- 67% in a comment -->
```
67% in a fence
```
| Study | n | % |
|---|---|---|
| Smith et al. 2021 | 80 | 60% |
"""


def test_prose_is_aligned_with_source_and_non_prose_is_blank():
    doc = parse_markdown(SRC, "a.md")
    assert len(doc.text) == len(SRC)
    assert doc.src_start is None  # one-to-one alignment
    assert "67%" not in doc.text.replace("60%", "")  # code, comment and fence are gone
    assert "https://example.org" not in doc.text
    assert "the regulator's page" in doc.text
    assert "close" in doc.text and "**" not in doc.text
    assert "Smith et al. 2021" in doc.text and "|" not in doc.text


def test_front_matter_dates_and_title():
    doc = parse_markdown(SRC, "a.md")
    assert doc.published == date(2023, 5, 4)
    assert doc.updated == date(2024, 1, 2)
    assert doc.title == "Drug X today"
    assert doc.date == date(2024, 1, 2)


def test_headings_list_items_and_table_rows_start_sentences():
    src = "# Heading without stop\nA sentence.\n- item one\n- item two\n| a | b |\n"
    doc = parse_markdown(src, "b.md")
    starts = {src[b : b + 3] for b in doc.breaks}
    assert {"# H", "A s", "- i", "| a"} <= starts


def test_hard_wrapped_paragraph_is_one_sentence_run():
    para = ("Drug X is a medicine that has been studied for many years in several trials and\n"
            "Regulators looked at it in 2024 when the company filed an application for it and\n"
            "the decision came in the summer of that year after a long review by the agency.\n") * 3
    doc = parse_markdown(para, "c.md")
    # Lines that wrap mid-sentence do not start new sentences, even before a capital letter;
    # only the lines after "agency." do.
    starts = [para[b : b + 6] for b in doc.breaks]
    assert "Regula" not in starts
    assert starts == ["Drug X"] * 3


def test_unclosed_fence_runs_to_end():
    doc = parse_markdown("Intro.\n```\n67% hidden\n", "d.md")
    assert "67%" not in doc.text


# -- CommonMark parsing (issue 14) -------------------------------------------------------------------
def _prose(src: str) -> str:
    doc = parse_markdown(src, "x.md")
    assert len(doc.text) == len(src)  # aligned one to one with the source
    return doc.text


def test_footnotes_are_prose_and_their_labels_are_not():
    text = _prose("Drug X works.[^1] It was ^[an inline note] filed.\n\n[^1]: Approved in 2024 by the FDA.\n")
    assert "Approved in 2024 by the FDA." in text and "an inline note" in text
    assert "[^1]" not in text and "^[" not in text


def test_script_style_indented_code_and_comments_are_not_prose():
    src = ("Intro text.\n\n    indented 67% code\n\n<!-- 68% in a comment -->\n\n"
           "<script>var x = '69%';</script>\n\n<style>p { width: 70% }</style>\n\n<textarea>74%</textarea>\n\n"
           "Inline <script>alert('71%')</script> and <!-- 72% --> done.\n\n<div>\nBlock 73% text\n</div>\n")
    text = _prose(src)
    for hidden in ("67%", "68%", "69%", "70%", "71%", "72%", "74%"):
        assert hidden not in text, hidden
    assert "Inline" in text and "done." in text and "Block 73% text" in text


def test_escapes_entities_and_link_titles():
    text = _prose('A \\*starred\\* word, AT&amp;T and [a link](https://x.org/a "a title") then more.\n')
    assert "*starred *" in text and "AT&" in text  # the backslashes are blanked in place
    assert "a link" in text and "a title" not in text and "x.org" not in text and "then more." in text


def test_crlf_and_lone_cr_keep_offsets():
    for nl in ("\r\n", "\r"):
        src = f"# Title{nl}{nl}Drug X is approved.{nl}"
        text = _prose(src)
        start = src.index("Drug")
        assert text[start : start + 19] == "Drug X is approved."


def test_impossible_front_matter_values_are_ignored():
    for value in ("2024-02-30", "2023-13-45", "0000-00-00", "9" * 5000):
        doc = parse_markdown(f"---\ntitle: T\ndate: {value}\n---\nBody.\n", "x.md")
        assert doc.published is None and doc.title == "T"
    # An impossible offset: the date is read as written.
    doc = parse_markdown("---\ndate: 2023-01-01T10:00:00+25:00\n---\nBody.\n", "x.md")
    assert doc.published == date(2023, 1, 1)
    deep = "---\nx: " + "[" * 20000 + "]" * 20000 + "\n---\nBody.\n"
    assert parse_markdown(deep, "x.md").title is None


def test_hostile_inputs_parse_in_linear_time():
    # Linear, not quadratic: four times the input may cost about four times the time, never the
    # sixteen a quadratic scan costs. A ratio of best-of-three timings, so a busy machine (which
    # slows both sizes alike) does not fail it; no absolute time is asserted.
    import time

    builders = [
        lambda n: "Intro.\n" + " " * n + "\nEnd.\n",  # was quadratic: _TABLE_RULE/_HEADING on space runs
        lambda n: "Intro. | " + " " * n + "x |\n",
        lambda n: "Intro ![x](data:image/png;base64," + "QUFB" * (n // 4) + ") end.\n",  # a data-URI image
        lambda n: "Intro `" + "code " * (n // 5) + "` end.\n",  # inline code
        lambda n: "`a ``b " * (n // 7),
        lambda n: "[" * (n // 2),
    ]

    def best(src: str) -> float:
        times = []
        for _ in range(3):
            t = time.perf_counter()
            text = _prose(src)
            times.append(time.perf_counter() - t)
            assert "QUFB" not in text
        return min(times)

    for build in builders:
        small, large = best(build(10_000)), best(build(40_000))
        assert large < 10 * small + 0.05, build(20)[:20]


def test_text_after_a_deeply_nested_list_is_prose():
    src = "".join("  " * i + "- item\n" for i in range(12)) + "\nDrug X is approved.\n"
    assert "Drug X is approved." in _prose(src)
    for deep in (">" * 100_000 + " x\n", "".join("  " * i + "- item\n" for i in range(500))):
        _prose(deep)  # no RecursionError


def test_blanking_keeps_newlines_and_length():
    from factcheck.documents.markdown import _NOT_NEWLINE, _blank

    for text in ["", "\n", "x", "a\r\nb\n\n\x0bc\u2028d\x85e\n", "# Title\n\n| a | b |\n|---|---|\n", "é😀\n\n  \t"]:
        assert _blank(text) == _NOT_NEWLINE.sub(" ", text)



def test_bare_url_pattern_finds_what_a_leading_word_boundary_finds():
    """`_BARE_URL` opens with a literal for speed; it matches where r"\bhttps?://..." does."""
    import random
    import re

    from factcheck.documents.markdown import _BARE_URL

    plain = re.compile(r"\bhttps?://[^\s<>()\[\]]+")
    pieces = ["http://a.b", "https://x.y/z", "xhttp://no", "_http://no", "(http://p)", "\u00e9https://u", "http:/",
              "https", "h", " ", "\n", "word", "-https://k", "[https://q]", "2http://n"]
    rng = random.Random(2)
    texts = ["", "http://x", "ahttp://x"] + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
                                              for _ in range(2000)]
    for text in texts:
        assert [m.span() for m in _BARE_URL.finditer(text)] == [m.span() for m in plain.finditer(text)], text
