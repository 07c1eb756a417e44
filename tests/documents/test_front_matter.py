"""The front matter's shortcut (`_simple`) against PyYAML's reading of the same text."""

from __future__ import annotations

import random
import sys
from datetime import date
from pathlib import Path

from factcheck.documents.front_matter import _simple, front_matter, read_yaml

KEYS = ["title", "date", "updated", "lastmod", "published", "author", "x", "_", "yes", "no", "on", "off", "true",
        "false", "null", "Title", "pubDate", "last_modified", "y", "n", "inf", "nan", "a-b", "1", "~", "<<"]
VALUES = ['"MDMA and PTSD: notes"', '""', '"  spaced  "', '"# not a comment"', "2024-05-01", "2024-02-30",
          "0000-00-00", "2023-13-45", "9999-12-31", "2024-1-5", '"a \\" quote"', '"tab\there"', '"café"',
          "'single'", "plain text", "42", "3.5", "yes", "null", "~", '"x" # note', "2024-05-01 # note",
          "2024-05-01T10:00:00", "[1, 2]", '"a: b"', "", '"unclosed', '"\u2028"', '"x"  ']


def _agree(text: str) -> None:
    simple = _simple(text)
    expected = read_yaml(text)
    if simple is not None:
        assert simple == expected, text
        assert [type(v) for v in simple.values()] == [type(v) for v in expected.values()], text
        assert list(simple) == list(expected), text
    assert front_matter(text) == expected, text


def test_the_shortcut_reads_what_pyyaml_reads() -> None:
    rng = random.Random(5)
    pick = lambda good, pool: rng.choice(good if rng.random() < 0.85 else pool)  # noqa: E731
    for _ in range(4000):
        lines = [f"{pick(KEYS[:8], KEYS)}:{pick([' '], [' ', '  ', ''])}{pick(VALUES[:9], VALUES)}"
                 for _ in range(rng.randint(1, 4))]
        text = "\n".join(lines) + rng.choice(["\n", "", "\n\n", " \n"])
        if rng.random() < 0.1:
            text = "  " + text
        _agree(text)


def test_the_shortcut_takes_the_usual_front_matter() -> None:
    text = 'title: "Semaglutide and obesity: notes from Leeds"\ndate: 2024-03-07\n'
    assert _simple(text) == {"title": "Semaglutide and obesity: notes from Leeds", "date": date(2024, 3, 7)}
    assert _simple('date: 2024-02-30\n') == {"date": "2024-02-30"}  # no such day: the text, as PyYAML keeps it
    for other in ("", "\n", "title: T\n", 'yes: "x"\n', 'title: "a"\ntitle: "b"\n', 'title: "x" # c\n'):
        assert _simple(other) is None, other
        _agree(other)


def test_the_benchmark_corpus_front_matter() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    import corpus

    rng = random.Random(42)
    for _ in range(200):
        page = corpus.article(rng, 300)
        block = page.split("---\n")[1]
        assert _simple(block) is not None
        _agree(block)
