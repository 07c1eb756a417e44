"""Packs: discovery on disk, isolation of each pack's vocabulary and rules, and topic gating."""

from __future__ import annotations

from pathlib import Path

import pytest
from packtexts import CLAIMS, LEXICON, SOURCES, write_pack

from factcheck.knowledge import load_pack
from factcheck.knowledge.packs import discover, group


def _touch(root: Path, rel: str, text: str = "") -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- discovery ------------------------------------------------------------------------------------
def test_top_level_pack_is_named_by_its_manifest(tmp_path):
    root = tmp_path / "Some Folder"
    _touch(root, "claims/pack.yaml", "pack:\n  id: named\n")
    _touch(root, "claims/c.yaml")
    _touch(root, "sources/s.yaml")
    (pf,) = discover(root)
    assert pf.id == "named"
    assert [p.name for p in pf.claims] == ["c.yaml"] and [p.name for p in pf.sources] == ["s.yaml"]
    assert pf.manifests == [root / "claims" / "pack.yaml"]  # the manifest is not a claims file


def test_top_level_pack_without_manifest_is_named_by_its_folder(tmp_path):
    root = tmp_path / "My Pack"
    _touch(root, "claims/c.yaml")
    (pf,) = discover(root)
    assert pf.id == "my-pack"


def test_a_manifest_with_a_bad_id_falls_back_to_the_folder(tmp_path):
    root = tmp_path / "folder"
    _touch(root, "claims/pack.yaml", "pack:\n  id: Not Valid!\n")
    (pf,) = discover(root)
    assert pf.id == "folder"


def test_sub_folder_packs(tmp_path):
    root = tmp_path / "root"
    _touch(root, "claims/pack.yaml", "pack:\n  id: main\n")
    _touch(root, "claims/top.yaml")
    _touch(root, "claims/glp/a.yaml")
    _touch(root, "sources/glp/s.yaml")
    _touch(root, "claims/other/pack.yaml", "pack:\n  id: renamed\n")
    _touch(root, "claims/other/b.yaml")
    _touch(root, "claims/empty/.keep")  # a folder without YAML is no pack
    packs = {pf.id: pf for pf in discover(root)}
    assert set(packs) == {"main", "glp", "renamed"}
    assert [p.name for p in packs["glp"].claims] == ["a.yaml"]
    assert [p.name for p in packs["glp"].sources] == ["s.yaml"]
    assert [p.name for p in packs["main"].claims] == ["top.yaml"]  # sub-folders are not the top pack's


def test_an_empty_root_holds_no_pack(tmp_path):
    assert discover(tmp_path) == []


def test_same_id_across_roots_extends_one_pack(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for root, name in ((a, "one.yaml"), (b, "two.yaml")):
        _touch(root, "claims/pack.yaml", "pack:\n  id: shared\n")
        _touch(root, f"claims/{name}")
    _touch(b, "claims/extra/c.yaml")
    packs = group([a, b])
    assert [pf.id for pf in packs] == ["shared", "extra"]
    assert [p.name for p in packs[0].claims] == ["one.yaml", "two.yaml"]
    assert packs[0].roots == [str(a), str(b)]


# -- isolation ------------------------------------------------------------------------------------
def _manifest(pack_id: str) -> str:
    return f"pack:\n  id: {pack_id}\n"


@pytest.fixture(scope="module")
def two_packs(tmp_path_factory):
    """Two packs, each with a macro `near` and a rule `rule-a`, meaning different things."""
    base = tmp_path_factory.mktemp("isolation")
    alpha = write_pack(base / "alpha", {"claims/pack.yaml": _manifest("alpha")})
    beta_lexicon = LEXICON.replace('near: "close|nearing"', 'near: "a step from"')
    beta = write_pack(base / "beta", {"claims/pack.yaml": _manifest("beta"), "claims/lexicon.yaml": beta_lexicon,
                                      "claims/c.yaml": CLAIMS.replace("MDMA is close to approval.",
                                                                      "MDMA is a step from approval.")})
    return load_pack([alpha, beta], include_bundled=False)


def test_rule_ids_are_qualified_by_their_pack(two_packs):
    assert {"alpha/rule-a", "beta/rule-a"} <= set(two_packs.rules)
    assert all("/" in rid for rid in two_packs.rules)
    assert [p.id for p in two_packs.packs] == ["alpha", "beta"]


def test_each_pack_keeps_its_own_macro(two_packs):
    alpha, beta = two_packs.packs
    assert alpha.macros["near"] == "close|nearing" and beta.macros["near"] == "a step from"


def test_same_macro_and_rule_id_stay_isolated_in_a_lint(two_packs):
    from datetime import date

    from factcheck.engine import Linter

    linter = Linter(two_packs, date(2026, 11, 22))

    def rules(text: str) -> list[str]:
        return sorted(f.rule for f in linter.lint_text(text + "\n", "a.md").findings)

    assert rules("MDMA is close to approval.") == ["alpha/rule-a"]
    assert rules("MDMA is a step from approval.") == ["beta/rule-a"]


def test_rule_by_bare_id_only_when_unambiguous(two_packs, tmp_path):
    assert two_packs.rule("rule-a") is None  # two packs define it
    assert two_packs.rule("alpha/rule-a").id == "alpha/rule-a"
    single = load_pack([write_pack(tmp_path / "solo", {"claims/pack.yaml": _manifest("solo")})],
                       include_bundled=False)
    assert single.rule("rule-a").id == "solo/rule-a"
    assert single.rule("no-such-rule") is None


def test_duplicate_rule_id_inside_one_pack_is_an_error(tmp_path):
    from factcheck.knowledge.loader import check_packs

    root = write_pack(tmp_path / "dup", {"claims/pack.yaml": _manifest("dup"),
                                         "claims/d.yaml": CLAIMS.replace("fact-a", "fact-b")})
    _pack, problems = check_packs([root])
    assert any(p.level == "error" and "duplicate rule id 'rule-a'" in p.message for p in problems)


# -- what a pack is about gates it ----------------------------------------------------------------
STATUS_RULE = """\
claims:
  - id: approved
    kind: regulatory-status
    fact: "It was approved."
    valid_from: 2025-01-01
    verified_on: 2026-05-01
    review_by: 2027-05-01
    sources: [src-a]
    corrects:
      - id: not-approved
        kind: status
        subject: "@subject"
        event: approval
        stance: [expected, pending, negated]
        verdict: outdated
        since: 2025-01-01
        severity: warning
        summary: "Said to be awaiting approval"
        message: "Says it awaits approval."
        examples:
          flagged: ["It is expected to be approved."]
"""


def _topic_pack(root: Path, pack_id: str, words: list[str]) -> Path:
    listed = ", ".join(words)
    manifest = f"pack:\n  id: {pack_id}\n  about: [{listed}]\nterms:\n  subject: [{listed}]\n"
    return write_pack(root, {"claims/pack.yaml": manifest, "claims/lexicon.yaml": "", "claims/c.yaml": STATUS_RULE,
                             "sources/s.yaml": SOURCES})


@pytest.fixture(scope="module")
def topic_linter(tmp_path_factory):
    from datetime import date

    from factcheck.engine import Linter

    base = tmp_path_factory.mktemp("topics")
    pack = load_pack([_topic_pack(base / "m", "mdma", ["MDMA", "midomafetamine"]),
                      _topic_pack(base / "g", "glp1", ["semaglutide", "Wegovy"])], include_bundled=False)
    return Linter(pack, date(2026, 6, 1))


@pytest.mark.parametrize(("text", "expected"), [
    ("Semaglutide is expected to be approved for a new use soon.", ["glp1/not-approved"]),
    ("MDMA is expected to be approved soon.", ["mdma/not-approved"]),
    ("Regulators are expected to approve it soon.", []),  # a page about neither
    ("Semaglutide sells well. MDMA is still awaiting approval.", ["mdma/not-approved"]),
])
def test_a_pack_reads_only_passages_about_its_subject(topic_linter, text: str, expected: list[str]):
    found = sorted(f.rule for f in topic_linter.lint_text(text + "\n", "a.md").findings)
    assert found == expected


def test_bundled_packs_do_not_read_each_other(bundled_linter):
    def packs(text: str) -> set[str]:
        return {f.rule.split("/", 1)[0] for f in bundled_linter.lint_text(text + "\n", "a.md").findings}

    assert packs("MDMA-assisted therapy is expected to win FDA approval next year.") == {"mdma"}
    assert "mdma" not in packs("Semaglutide is expected to win FDA approval next year.")


def test_unknown_jurisdiction_codes_are_reported(tmp_path: Path) -> None:
    import kindpack

    from factcheck.knowledge import check_packs

    rule = kindpack.rule("x-zz", "kind: status\nsubject: \"@drugx\"\nevent: approval\nstance: [pending]\njurisdiction: zz\n")
    root = kindpack.write_pack(tmp_path / "test", {
        "claims/pack.yaml": kindpack.manifest(home="atlantis"),
        "claims/c.yaml": "claims:\n" + kindpack.claim("x", "Drug X was approved.", rule)})
    _, problems = check_packs([root])
    text = [str(p) for p in problems if p.level == "error"]
    assert any("pack.yaml" in t and "unknown jurisdiction 'atlantis'" in t for t in text), text
    assert any("c.yaml" in t and "unknown jurisdiction 'zz'" in t for t in text), text


def test_quantity_reported_must_be_a_bool(tmp_path: Path) -> None:
    import kindpack

    from factcheck.knowledge import check_packs

    text = kindpack.manifest().replace("unit: percent, cues: [responded, response]}",
                                       "unit: percent, reported: maybe, cues: [responded, response]}")
    root = kindpack.write_pack(tmp_path / "test", {"claims/pack.yaml": text, "claims/c.yaml": "claims: []\n"})
    _, problems = check_packs([root])
    errors = [str(p) for p in problems if p.level == "error"]
    assert any("pack.yaml" in e and "'reported' must be true or false" in e for e in errors), errors
