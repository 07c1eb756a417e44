"""A small typed-rule pack as text (every kind once), about a made-up product, for the kind tests.

Like tests/packtexts.py: text written into tmp_path, then loaded without the bundled packs. The
facts are invented for the tests ("Drug X", "Acme Pharma", "Federal Medicines Board").
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from packtexts import write_files  # tests/ is on sys.path, as for the kind tests' own imports

AS_OF = date(2026, 6, 1)

SOURCES = """\
sources:
  - id: src-x
    kind: regulator
    title: "A made-up source"
    publisher: Test
    published: 2025-03-10
    url: https://example.org/x
    status: active
    accessed: 2026-05-01
    evidence:
      - "Drug X was approved."
"""


def manifest(pack_id: str = "test", about: tuple[str, ...] = ("Drug X",), neighbours: tuple[str, ...] = ("Drug Y",),
             terms: dict[str, list[str]] | None = None, macros: dict[str, str] | None = None,
             home: str | None = None) -> str:
    terms = terms if terms is not None else {"drugx": ["Drug X", "DX-1"]}
    lines = ["pack:", f"  id: {pack_id}", f"  title: \"{pack_id} pack\"",
             f"  about: [{', '.join(repr(a) for a in about)}]"]
    lines.append(f"  neighbours: [{', '.join(repr(a) for a in neighbours)}]" if neighbours else "")
    if home:
        lines.append(f"  home_jurisdiction: {home}")
    lines.append("terms:")
    for name, phrases in terms.items():
        lines.append(f"  {name}: [{', '.join(repr(p) for p in phrases)}]")
    if macros:
        lines.append("macros:")
        for name, rx in macros.items():
            lines.append(f"  {name}: {rx!r}")
    lines += [
        "quantities:",
        "  - {id: response, label: \"responders\", unit: percent, cues: [responded, response]}",
        "arms:",
        "  drug: [\"Drug X group\", \"Drug X arm\"]",
        "  placebo: [placebo]",
    ]
    return "\n".join(lines) + "\n"


def claim(cid: str, fact: str, rules: str, valid_from: str = "2025-03-10", valid_until: str = "null",
          kind: str = "regulatory-status") -> str:
    return f"""\
  - id: {cid}
    kind: {kind}
    fact: "{fact}"
    valid_from: {valid_from}
    valid_until: {valid_until}
    verified_on: 2026-05-01
    review_by: 2027-05-01
    sources: [src-x]
    corrects:
{rules}"""


def rule(rid: str, body: str, verdict: str = "outdated", since: str = "2025-03-10", severity: str = "warning",
         flagged: str = "Drug X is wrong.") -> str:
    """A rule block (10-space indent for its slots), with the fields every rule needs."""
    slots = "\n".join("        " + line for line in body.strip("\n").splitlines())
    return f"""\
      - id: {rid}
{slots}
        verdict: {verdict}
        since: {since}
        severity: {severity}
        summary: "{rid}"
        message: "Rule {rid} fired."
        examples:
          flagged:
            - "{flagged}"
"""


STATUS = rule("x-not-approved", """\
kind: status
subject: "@drugx"
event: approval
stance: [negated, expected, pending]
""", flagged="Drug X is expected to be approved soon.")

REVIEW = rule("x-under-review", """\
kind: status
subject: "@drugx"
event: review
stance: [pending]
""", flagged="The agency is reviewing Drug X.")

EVENT_DATE = rule("x-approval-date", """\
kind: event-date
subject: "@drugx"
event: approval
date: "2025-03"
""", verdict="contradicted", since="null", severity="error", flagged="Drug X was approved in 2023.")

JURISDICTION = rule("x-places", """\
kind: jurisdiction-status
subject: "@drugx"
event: approval
jurisdictions:
  - {names: [Canada, Canadian], status: done, since: 2025-06-01}
  - {names: [Japan], status: not}
""", verdict="contradicted", since="null", flagged="Drug X is not approved in Canada.")

ROLE = rule("acme-ceo", """\
kind: role
organization: [Acme Pharma, Acme]
role: [CEO, chief executive]
holders:
  - {name: Jane Roe, aliases: [Roe], from: 2015-01-01, until: 2024-06-30}
  - {name: John Doe, aliases: [Doe], from: 2024-07-01}
  - {name: Max Mole, aliases: [Mole], never: true}
""", since="2024-07-01", severity="info", flagged="Acme Pharma CEO Jane Roe spoke.")

NAME = rule("board-name", """\
kind: name
canonical: Federal Medicines Board
acronym: FMB
aliases: [the Federal Medicines Board]
wrong: [Federal Medicine Board, Federal Drugs Board]
""", verdict="contradicted", since="null", flagged="The Federal Medicine Board met about Drug X.")

FIGURE = rule("trial-response-wrong", """\
kind: figure
study: trial-x
quantity: response
""", verdict="contradicted", since="null", flagged="In TRIALX, 90% of the Drug X group responded.")

STUDIES = """\
studies:
  - id: trial-x
    title: "Trial X of Drug X"
    aliases: [TRIALX, the TRIALX trial]
    citation: {author: Roe, year: 2024}
    phase: 3
    n: 200
    status: active
    sources: [src-x]
    verified_on: 2026-05-01
    review_by: 2027-05-01
    values:
      - {quantity: response, value: 62, unit: percent, arm: drug}
      - {quantity: response, value: 20, unit: percent, arm: placebo}
"""


def all_kinds_claims() -> str:
    return "claims:\n" + "".join([
        claim("x-approved", "Drug X was approved in March 2025.", STATUS + REVIEW + EVENT_DATE),
        claim("x-places-record", "Drug X is approved in Canada and not in Japan.", JURISDICTION),
        claim("acme-leader", "John Doe has led Acme Pharma since July 2024.", ROLE, valid_from="2024-07-01",
              kind="organization"),
        claim("board", "The regulator is the Federal Medicines Board (FMB).", NAME, valid_from="null",
              kind="organization"),
        claim("trial-x-results", "In Trial X, 62% on Drug X responded, against 20% on placebo.", FIGURE,
              valid_from="null", kind="trial-statistic"),
    ]) + STUDIES


def write_pack(root: Path, files: dict[str, str] | None = None, pack_id: str = "test") -> Path:
    """Write a pack with every typed kind under `root`; `files` replace or add files."""
    texts = {"claims/pack.yaml": manifest(pack_id), "sources/s.yaml": SOURCES, "claims/c.yaml": all_kinds_claims()}
    texts.update(files or {})
    return write_files(root, texts)


def linter_for(roots: list[Path], as_of: date = AS_OF, **kwargs):
    from factcheck.engine import Linter
    from factcheck.knowledge import load_pack

    return Linter(load_pack(roots, include_bundled=False), as_of, **kwargs)


def findings(linter, text: str, rule_id: str | None = None, published: date | None = None):
    report = linter.lint_text(text + "\n", "t.md", "markdown", published=published)
    return [f for f in report.findings if rule_id is None or f.rule == rule_id]
