"""Cross-entry checks that `db check` adds to the loader's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from factcheck.knowledge import check_packs
from factcheck.knowledge.checks import check_consistency

SOURCE = """\
  - id: {id}
    kind: news
    title: "A page"
    published: {published}
    url: {url}
    accessed: {accessed}
    evidence: ["{quote}"]
"""

CLAIMS = """\
claims:
  - id: fact-a
    kind: other
    fact: "A fact."
    verified_on: 2026-11-22
    review_by: 2027-05-22
    sources: [a, b]
    corrects:
      - id: rule-a
        verdict: outdated
        since: null
        severity: info
        summary: "x"
        message: "x"
        patterns: ["never matches this"]
        examples: {flagged: ["never matches this."]}
"""


def messages(tmp_path: Path, sources: str) -> list[str]:
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    (tmp_path / "sources" / "s.yaml").write_text("sources:\n" + sources, encoding="utf-8")
    (tmp_path / "claims" / "c.yaml").write_text(CLAIMS, encoding="utf-8")
    (tmp_path / "claims" / "pack.yaml").write_text("pack:\n  id: test\n", encoding="utf-8")
    pack, problems = check_packs([tmp_path], date(2026, 11, 23))
    assert pack is not None and [p for p in problems if p.level == "error"] == []
    return [f"{Path(p.file).name}:{p.line}: {p.level}: {p.message}" for p in check_consistency(pack)]


def test_consistency(tmp_path: Path) -> None:
    a = SOURCE.format(id="a", published="2025-01-10", url="https://example.org/p", accessed="2024-01-01", quote=" ")
    b = SOURCE.format(id="b", published="null", url="https://example.org/p/", accessed="2026-01-01", quote="q")
    got = messages(tmp_path, a + b)
    b_line = 2 + a.count("\n")
    assert got == [
        "s.yaml:2: error: source a: accessed 2024-01-01 is before published 2025-01-10",
        "s.yaml:2: error: source a: an evidence quote is empty",
        f"s.yaml:{b_line}: warning: source b: same URL as source a ({tmp_path / 'sources' / 's.yaml'}:2): "
        "https://example.org/p/",
        "c.yaml:9: error: rule test/rule-a: verdict 'outdated' without 'since' (when did it stop being true? "
        "if never, use verdict 'contradicted')",
    ]
