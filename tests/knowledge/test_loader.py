"""check_packs, load_pack and load_pack_cached: whole packs in, a Pack or every problem out."""

from __future__ import annotations

from pathlib import Path

import pytest
from packtexts import AS_OF, CLAIMS_AND_STUDIES, line_of, write_pack_with_studies

from factcheck.knowledge import PackError, bundled_pack_root, check_packs, load_pack, load_pack_cached


def test_good_pack_has_no_problems(tmp_path: Path) -> None:
    pack, problems = check_packs([write_pack_with_studies(tmp_path)], AS_OF)
    assert problems == []
    assert pack is not None
    assert set(pack.claims) == {"fact-a"} and set(pack.rules) == {"test/rule-a"} and set(pack.studies) == {"study-a"}
    assert pack.rules["test/rule-a"].origin.line == line_of(CLAIMS_AND_STUDIES, "- id: rule-a")


def test_bundled_pack_has_no_errors() -> None:
    _, problems = check_packs([bundled_pack_root()], AS_OF)
    assert [str(p) for p in problems if p.level == "error"] == []


def test_load_pack_raises_on_errors(tmp_path: Path) -> None:
    bad = CLAIMS_AND_STUDIES.replace("sources: [src-a]\n    corrects", "sources: [nope]\n    corrects")
    root = write_pack_with_studies(tmp_path, {"claims/c.yaml": bad})
    with pytest.raises(PackError) as info:
        load_pack([root], include_bundled=False)
    assert f"c.yaml:{line_of(bad, 'sources: [nope]')}: claim fact-a: unknown source id 'nope'" in str(info.value)


def test_later_pack_overrides_by_id(tmp_path: Path) -> None:
    base = write_pack_with_studies(tmp_path / "base")
    user = CLAIMS_AND_STUDIES.split("studies:")[0].replace("The FDA declined to approve it.", "Overridden fact.")
    user = user.replace("Says it is close to approval.", "Overridden message.")
    override = tmp_path / "user"
    (override / "claims").mkdir(parents=True)
    (override / "claims" / "c.yaml").write_text(user, encoding="utf-8")
    # A user pack that names the same pack id extends it (entries with the same id replace).
    (override / "claims" / "pack.yaml").write_text("pack:\n  id: test\n", encoding="utf-8")
    pack, problems = check_packs([base, override], AS_OF)
    assert [p for p in problems if p.level == "error"] == []
    assert pack is not None
    assert pack.claims["fact-a"].fact == "Overridden fact."
    assert pack.rules["test/rule-a"].message == "Overridden message."
    assert pack.claims["fact-a"].origin.file == str(override / "claims" / "c.yaml")


def test_user_pack_overrides_and_adds_to_the_bundled_pack(tmp_path: Path) -> None:
    bundled = load_pack_cached()
    cid = sorted(bundled.claims)[0]
    claim = bundled.claims[cid]
    user = f"""\
claims:
  - id: {cid}
    kind: {claim.kind}
    fact: "A user's replacement fact."
    verified_on: 2026-11-22
    review_by: 2027-11-22
    sources: [{claim.sources[0]}]
  - id: user-extra-claim
    kind: other
    fact: "A fact only the user pack has."
    verified_on: 2026-11-22
    review_by: 2027-11-22
    sources: [{claim.sources[0]}]
"""
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "mine.yaml").write_text(user, encoding="utf-8")
    (tmp_path / "claims" / "pack.yaml").write_text("pack:\n  id: mdma\n", encoding="utf-8")
    pack = load_pack([tmp_path])
    assert pack.claims[cid].fact == "A user's replacement fact."
    assert pack.claims["user-extra-claim"].fact == "A fact only the user pack has."
    assert len(pack.claims) == len(bundled.claims) + 1
    assert len(pack.sources) == len(bundled.sources)
