"""A small valid claims pack as text, shared by the loader and `db` command tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from factcheck.knowledge import check_packs
from factcheck.knowledge.problems import Problem

SOURCES = """\
sources:
  - id: src-a
    kind: regulator
    title: "A source"
    publisher: FDA
    published: 2024-08-09
    url: https://example.org/a
    status: active
    accessed: 2026-11-22
    evidence:
      - "The FDA declined to approve it."
"""

MANIFEST = """\
pack:
  id: test
"""

LEXICON = """\
lexicon:
  topic: ["mdma"]
  macros:
    near: "close|nearing"
    approval: "approv(?:al|ed)"
"""

CLAIMS = """\
claims:
  - id: fact-a
    kind: regulatory-status
    fact: "The FDA declined to approve it."
    valid_from: 2024-08-09
    verified_on: 2026-11-22
    review_by: 2027-05-22
    sources: [src-a]
    corrects:
      - id: rule-a
        verdict: outdated
        since: 2024-08-09
        severity: warning
        summary: "Close to approval"
        message: "Says it is close to approval."
        patterns:
          - "{near} (?:to )?{approval}"
        examples:
          flagged:
            - "MDMA is close to approval."
          accepted:
            - "MDMA is not close to approval."
"""

STUDIES = """\
studies:
  - id: study-a
    title: "A study"
    aliases: [STUDYA]
    citation: {author: Smith, year: 2021}
    status: active
    sources: [src-a]
    verified_on: 2026-11-22
    review_by: 2027-11-22
"""


def write_pack(root: Path, files: dict[str, str] | None = None, studies: bool = False) -> Path:
    """Write the pack under `root`; `files` ({relative path: text}) replace or add files."""
    texts = {"claims/pack.yaml": MANIFEST, "sources/s.yaml": SOURCES, "claims/lexicon.yaml": LEXICON,
             "claims/c.yaml": CLAIMS + (STUDIES if studies else "")}
    texts.update(files or {})
    return write_files(root, texts)


def write_files(root: Path, texts: dict[str, str]) -> Path:
    """Write {relative path: text} under `root` (folders made as needed); return `root`."""
    for rel, text in texts.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line containing `needle`."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[nth - 1]


# -- checking a written pack (the loader tests under tests/knowledge/) ---------------------------
CLAIMS_AND_STUDIES = CLAIMS + STUDIES
AS_OF = date(2026, 11, 23)


def problems_for(root: Path, as_of: date = AS_OF) -> list[Problem]:
    """Every problem `check_packs` reports for the pack at `root`."""
    _, problems = check_packs([root], as_of)
    return problems


def the_problem(problems: list[Problem], fragment: str) -> Problem:
    """The first problem whose message holds `fragment` (fails, listing them all, when none does)."""
    hits = [p for p in problems if fragment in p.message]
    assert hits, f"no problem mentions {fragment!r}: {[str(p) for p in problems]}"
    return hits[0]


def write_pack_with_studies(root: Path, files: dict[str, str] | None = None) -> Path:
    """`write_pack` with the study entry too (CLAIMS_AND_STUDIES in claims/c.yaml)."""
    return write_pack(root, files, studies=True)
