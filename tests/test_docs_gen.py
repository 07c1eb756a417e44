"""Generated rule docs: docs/rule-kinds.md equals what the code renders, and rule pages are shared
by `factcheck explain` and SARIF help."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.docs_gen import (
    COMMON_KEYS,
    REFERENCE_PATH,
    anchor,
    help_uri,
    kind_reference,
    rule_page,
    slot_docs,
    yaml_name,
)
from factcheck.knowledge import load_pack_cached
from factcheck.knowledge.rule_kinds import KIND_DOCS
from factcheck.knowledge.rule_slots import SPEC_KEYS
from factcheck.knowledge.schema import RULE_KEYS
from factcheck.report.sarif import rule_descriptor
from factcheck.rule_table import rules_metadata

ROOT = Path(__file__).resolve().parents[1]


def test_committed_reference_is_the_generated_text() -> None:
    committed = (ROOT / REFERENCE_PATH).read_text(encoding="utf-8")
    assert committed == kind_reference(), "docs/rule-kinds.md is stale: run `python -m factcheck.docs_gen`"


def test_reference_documents_every_kind_slot_and_key() -> None:
    text = kind_reference()
    for kind, spec in KIND_DOCS.items():
        assert f'<a id="{anchor(kind)}"></a>' in text and f"## `{kind}`" in text
        if not isinstance(spec, str):
            for f in dataclasses.fields(spec):
                assert f"| `{yaml_name(spec, f.name)}` |" in text
    # Every key the loader accepts on a rule is either a kind slot or described as a common key.
    assert RULE_KEYS - SPEC_KEYS <= set(COMMON_KEYS)
    assert "python -m factcheck.docs_gen" in text


def test_explain_kinds_prints_the_reference() -> None:
    result = CliRunner().invoke(main, ["explain", "--kinds"])
    assert result.exit_code == 0 and result.output == kind_reference()


def _one_rule_of_each_kind() -> list[tuple[str, str]]:
    pack = load_pack_cached()
    found: dict[str, str] = {}
    for r in sorted(pack.rules.values(), key=lambda r: r.id):
        found.setdefault(r.check, r.id)
    return sorted(found.items())


@pytest.mark.parametrize(("kind", "rule_id"), _one_rule_of_each_kind())
def test_explain_shows_a_rule_in_its_kinds_terms(kind: str, rule_id: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no config above: the bundled packs only
    pack = load_pack_cached()
    rule = pack.rules[rule_id]
    result = CliRunner().invoke(main, ["explain", rule_id])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert f"kind: {kind}" in out
    if kind == "pattern":
        assert "## Patterns" in result.output and "kind's terms" not in result.output
        for p in rule.pattern_sources:
            assert " ".join(p.split()) in out
        return
    assert f"## The rule in its kind's terms (kind `{kind}`)" in result.output
    assert "## Patterns" not in result.output
    spec = rule.spec
    checks = {
        "status": lambda: [*spec.subject, *spec.event, *spec.stance],
        "event-date": lambda: [*spec.subject, *spec.event, spec.date.isoformat()],
        "role": lambda: [*spec.organization, *spec.role, *(h.name for h in spec.holders)],
        "jurisdiction-status": lambda: [*spec.subject, *(n for j in spec.jurisdictions for n in j.names)],
        "name": lambda: [spec.canonical, *spec.aliases, *spec.wrong],
        "figure": lambda: [spec.study, spec.quantity, "recorded:"],
        "uniqueness": lambda: [spec.says, *spec.category, *(s for m in spec.members for s in m.subject), "member 1:"],
        "ingredient": lambda: ["substance:", *(n for sub in spec.substances for n in [*sub.name, *sub.products])],
        "indication": lambda: [*spec.subject, *spec.indications, *spec.conditions, "companion:",
                               *(n for c in spec.companions for n in [*c.subject, *c.indications])],
        "price": lambda: [*spec.subject, "price:", *(f"{p.amount:g} {p.currency}" for p in spec.prices)],
    }
    for word in checks[kind]():
        assert " ".join(word.split()) in out, word


def _framed_claims() -> str:
    """packtexts' claims file with its pattern rule written as a frame with an `unless`."""
    from packtexts import CLAIMS

    pattern = '''        patterns:
          - "{near} (?:to )?{approval}"
'''
    frame = '''        frame:
          event: ["{approval}"]
          stance: ["{near}"]
          subject: ["mdma"]
          near: 6
        unless: ["\\\\bnot\\\\b"]
'''
    assert pattern in CLAIMS
    return CLAIMS.replace(pattern, frame)


def test_explain_pattern_rule_shows_frame_and_unless_unexpanded(tmp_path: Path) -> None:
    # The bundled packs no longer hold a framed pattern rule with `unless`: a small pack does.
    from packtexts import write_pack

    from factcheck.knowledge.loader import load_pack

    root = write_pack(tmp_path / "test", {"claims/c.yaml": _framed_claims()})
    pack = load_pack([root], include_bundled=False)
    rule = next(r for r in pack.rules.values() if r.frame is not None and r.frame.sources and r.unless_sources)
    text = "\n".join(rule_page(pack, rule, width=10_000))  # as explain prints it, unwrapped
    for cues in rule.frame.sources.values():
        assert " | ".join(cues) in text
    for u in rule.unless_sources:
        assert f"  - {u}" in text
    markdown = "\n".join(rule_page(pack, rule))  # as SARIF help carries it: regexes as code
    for u in rule.unless_sources:
        assert f"  - `{u}`" in markdown
    assert any("{" in c for cues in rule.frame.sources.values() for c in cues)  # macros stay as written


def test_explain_shows_pending_examples() -> None:
    pack = load_pack_cached()
    rule = next(r for r in pack.rules.values() if r.examples_pending_flagged or r.examples_pending_accepted)
    text = "\n".join(rule_page(pack, rule))
    for s in rule.examples_pending_flagged + rule.examples_pending_accepted:
        assert f"  - {s}" in text
    assert "Known misses" in text


def test_sarif_help_is_the_explain_page() -> None:
    pack = load_pack_cached()
    meta = {m["id"]: m for m in rules_metadata(pack)}
    for kind, rule_id in _one_rule_of_each_kind():
        desc = rule_descriptor(meta[rule_id])
        page = "\n".join(rule_page(pack, pack.rules[rule_id]))
        assert desc["help"]["markdown"] == page and desc["help"]["text"] == page
        assert desc["properties"]["rule_kind"] == kind
    builtin = rule_descriptor(meta["figure-wrong-value"])
    assert builtin["help"]["markdown"].startswith("# figure-wrong-value\n")


def test_help_uri_points_to_the_kind_section() -> None:
    base = "https://example.org/factcheck/docs"
    assert help_uri("status", base) == f"{base}/rule-kinds.md#kind-status"
    assert help_uri(None, base) == f"{base}/rule-kinds.md#built-in-rules"
    assert help_uri("status", None) is None
    rule = {"id": "glp1/x", "summary": "s", "help_markdown": "# glp1/x", "help_uri": help_uri("name", base)}
    assert rule_descriptor(rule)["helpUri"] == f"{base}/rule-kinds.md#kind-name"
    assert "helpUri" not in rule_descriptor({**rule, "help_uri": None})


def test_bundled_rule_pages_name_files_relative_to_the_bundled_root(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # elsewhere: no absolute path of this machine in the page
    pack = load_pack_cached()
    rule = pack.rules["glp1/fda-name"]
    page = "\n".join(rule_page(pack, rule))
    assert f"defined in claims/glp1/organizations.yaml:{rule.origin.line}," in page


def test_docs_base_from_the_package_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    import factcheck.docs_gen as docs_gen

    class Meta:
        def __init__(self, urls: list[str]) -> None:
            self.urls = urls

        def get_all(self, key: str) -> list[str]:
            return self.urls if key == "Project-URL" else []

    def use(urls: list[str]) -> None:
        monkeypatch.setattr(metadata, "metadata", lambda name: Meta(urls))

    use([])
    assert docs_gen.docs_base() is None
    use(["Repository, https://github.com/owner/factcheck"])
    assert docs_gen.docs_base() == "https://github.com/owner/factcheck/blob/HEAD/docs"
    use(["Repository, https://github.com/owner/factcheck", "Documentation, https://docs.example.org/fc/"])
    assert docs_gen.docs_base() == "https://docs.example.org/fc"
    use(["Homepage, https://example.org/"])
    assert docs_gen.docs_base() is None  # not a repository whose docs/ path is known


def _doc_kind_snippets() -> dict[str, str]:
    """The `kind: X` YAML blocks of docs/writing-a-pack.md, section 5, as written there."""
    import re

    text = (ROOT / "docs" / "writing-a-pack.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    out = {}
    for block in blocks:
        m = re.match(r"\s*kind: ([a-z-]+)\n", block)
        if m and "..." not in block:
            out[m.group(1)] = block
    return out


def test_writing_a_pack_snippets_load(tmp_path: Path) -> None:
    """Each rule kind's example in the editors' page is valid as written (so the page cannot drift
    from the loader)."""
    from datetime import date

    from packtexts import write_pack

    from factcheck.knowledge import check_packs

    snippets = _doc_kind_snippets()
    assert set(snippets) == set(KIND_DOCS) - {"pattern"}
    rules = ""
    for i, (kind, block) in enumerate(sorted(snippets.items())):
        rules += (f"      - id: doc-{kind}\n" + block.rstrip() + "\n        verdict: contradicted\n"
                  f"        since: null\n        severity: info\n        message: \"m{i}\"\n"
                  "        examples: {flagged: [\"x\"]}\n")
    claims = ("claims:\n  - id: fact-doc\n    kind: other\n    fact: \"A fact.\"\n    verified_on: 2026-11-22\n"
              "    review_by: 2027-05-22\n    sources: [src-a]\n    corrects:\n" + rules +
              "studies:\n  - id: step-1\n    title: \"A study\"\n    sources: [src-a]\n    verified_on: 2026-11-22\n"
              "    review_by: 2027-11-22\n    values:\n"
              "      - {quantity: weight-loss-percent, value: 14.9, unit: percent, arm: semaglutide}\n")
    manifest = ("pack:\n  id: doc\n  about: [Ozempic, Wegovy]\nterms:\n  ozempic: [Ozempic]\n  wegovy: [Wegovy]\n"
                "quantities:\n  - {id: weight-loss-percent, label: weight loss, unit: percent, cues: [lost]}\n"
                "arms:\n  semaglutide: [semaglutide]\n")
    write_pack(tmp_path, {"claims/c.yaml": claims, "claims/pack.yaml": manifest, "claims/lexicon.yaml": ""})
    pack, problems = check_packs([tmp_path], date(2026, 12, 6))
    errors = [str(p) for p in problems if p.level == "error"]
    assert pack is not None and not errors, errors
    assert {r.check for r in pack.rules.values()} == set(snippets)


def test_slot_docs_read_labels_for_yaml_keys() -> None:
    """A docstring may document a YAML mapping key (`forecast: {after, before}: ...`) that stands
    for several fields; its text goes to those fields, not to the slot before it."""
    from dataclasses import dataclass

    @dataclass
    class StatusSpec:  # the class name the YAML_NAMES table knows
        """Summary.

        jurisdiction: where. forecast: {after, before}: a window.
        """

        jurisdiction: str | None = None
        forecast_after: str | None = None
        forecast_before: str | None = None

    summary, docs = slot_docs(StatusSpec)
    assert summary == "Summary."
    assert docs == {"jurisdiction": "where.", "forecast_after": "a window.", "forecast_before": "a window."}
    assert yaml_name(StatusSpec, "forecast_after") == "forecast.after"
