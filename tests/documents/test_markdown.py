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
