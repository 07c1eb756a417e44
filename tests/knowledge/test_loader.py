"""The pack loader on good and broken packs: every problem names the right file and line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import packtexts
import pytest
from packtexts import SOURCES, STUDIES, line_of

from factcheck.knowledge import PackError, bundled_pack_root, check_packs, load_pack, load_pack_cached
from factcheck.knowledge.loader import Problem

CLAIMS = packtexts.CLAIMS + STUDIES
AS_OF = date(2026, 11, 23)


def write_pack(root: Path, files: dict[str, str] | None = None) -> Path:
    return packtexts.write_pack(root, files, studies=True)



def problems_for(root: Path, as_of: date = AS_OF) -> list[Problem]:
    _, problems = check_packs([root], as_of)
    return problems


def the_problem(problems: list[Problem], fragment: str) -> Problem:
    hits = [p for p in problems if fragment in p.message]
    assert hits, f"no problem mentions {fragment!r}: {[str(p) for p in problems]}"
    return hits[0]


def test_good_pack_has_no_problems(tmp_path: Path) -> None:
    pack, problems = check_packs([write_pack(tmp_path)], AS_OF)
    assert problems == []
    assert pack is not None
    assert set(pack.claims) == {"fact-a"} and set(pack.rules) == {"test/rule-a"} and set(pack.studies) == {"study-a"}
    assert pack.rules["test/rule-a"].origin.line == line_of(CLAIMS, "- id: rule-a")


def test_bundled_pack_has_no_errors() -> None:
    _, problems = check_packs([bundled_pack_root()], AS_OF)
    assert [str(p) for p in problems if p.level == "error"] == []


def test_bad_yaml(tmp_path: Path) -> None:
    bad = CLAIMS.replace('fact: "The FDA declined to approve it."', 'fact: "The FDA declined [')
    root = write_pack(tmp_path, {"claims/c.yaml": bad})
    p = the_problem(problems_for(root), "invalid YAML")
    assert p.level == "error"
    assert p.file == str(root / "claims" / "c.yaml")
    assert p.line >= line_of(bad, "The FDA declined [")


def test_unknown_source(tmp_path: Path) -> None:
    bad = CLAIMS.replace("sources: [src-a]\n    corrects", "sources: [src-a, no-such-source]\n    corrects")
    root = write_pack(tmp_path, {"claims/c.yaml": bad})
    p = the_problem(problems_for(root), "unknown source id 'no-such-source'")
    assert (p.file, p.line, p.level) == (str(root / "claims" / "c.yaml"), line_of(bad, "no-such-source"), "error")


def test_unused_source_is_a_warning(tmp_path: Path) -> None:
    extra = SOURCES + SOURCES.replace("sources:\n", "").replace("src-a", "src-unused")
    root = write_pack(tmp_path, {"sources/s.yaml": extra})
    p = the_problem(problems_for(root), "src-unused: not cited")
    assert (p.line, p.level) == (line_of(extra, "id: src-unused"), "warning")


def test_duplicate_id_in_one_pack(tmp_path: Path) -> None:
    second = CLAIMS.split("studies:")[0].replace("- id: rule-a", "- id: rule-b")
    root = write_pack(tmp_path, {"claims/d.yaml": second})
    p = the_problem(problems_for(root), "duplicate claim id 'fact-a'")
    assert p.file == str(root / "claims" / "d.yaml")
    assert p.line == line_of(second, "- id: fact-a")
    assert f"{root / 'claims' / 'c.yaml'}:{line_of(CLAIMS, '- id: fact-a')}" in p.message


def test_duplicate_rule_id(tmp_path: Path) -> None:
    second = CLAIMS.split("studies:")[0].replace("- id: fact-a", "- id: fact-b")
    root = write_pack(tmp_path, {"claims/d.yaml": second})
    p = the_problem(problems_for(root), "duplicate rule id 'rule-a'")
    assert (p.file, p.line) == (str(root / "claims" / "d.yaml"), line_of(second, "- id: rule-a"))


@pytest.mark.parametrize("value, fragment", [
    ("2027-13-40", "'review_by' is not a real date: '2027-13-40'"),
    ("2027/05/22", "'review_by' must be a date YYYY-MM-DD"),
    ("soon", "'review_by' must be a date YYYY-MM-DD"),
])
def test_bad_date(tmp_path: Path, value: str, fragment: str) -> None:
    bad = CLAIMS.replace("review_by: 2027-05-22", f"review_by: {value}")
    root = write_pack(tmp_path, {"claims/c.yaml": bad})
    p = the_problem(problems_for(root), fragment)
    assert (p.file, p.line, p.level) == (str(root / "claims" / "c.yaml"), line_of(bad, "review_by:"), "error")


def test_unordered_dates(tmp_path: Path) -> None:
    bad = CLAIMS.replace("review_by: 2027-05-22", "review_by: 2026-01-01")
    root = write_pack(tmp_path, {"claims/c.yaml": bad})
    p = the_problem(problems_for(root), "review_by 2026-01-01 is before verified_on 2026-11-22")
    assert (p.line, p.level) == (line_of(bad, "review_by:"), "error")


def test_uncompilable_pattern(tmp_path: Path) -> None:
    bad = CLAIMS.replace('- "{near} (?:to )?{approval}"', '- "(close to approval"')
    root = write_pack(tmp_path, {"claims/c.yaml": bad})
    p = the_problem(problems_for(root), "pattern does not compile")
    assert (p.file, p.level) == (str(root / "claims" / "c.yaml"), "error")
    assert p.line == line_of(bad, "patterns:")
    assert "rule rule-a" in p.message and "(close to approval" in p.message


def test_unknown_macro(tmp_path: Path) -> None:
    bad = CLAIMS.replace('- "{near} (?:to )?{approval}"', '- "{near} (?:to )?{no_such_macro}"')
    root = write_pack(tmp_path, {"claims/c.yaml": bad})
    p = the_problem(problems_for(root), "unknown macro {no_such_macro}")
    assert (p.line, p.level) == (line_of(bad, "patterns:"), "error")


def test_retracted_source_without_date(tmp_path: Path) -> None:
    bad = SOURCES.replace("status: active", "status: retracted")
    root = write_pack(tmp_path, {"sources/s.yaml": bad})
    p = the_problem(problems_for(root), "a retracted source needs 'retracted_on' and 'notice'")
    assert (p.file, p.line, p.level) == (str(root / "sources" / "s.yaml"), line_of(bad, "status:"), "error")


def test_missing_evidence(tmp_path: Path) -> None:
    bad = SOURCES.split("    evidence:")[0]
    root = write_pack(tmp_path, {"sources/s.yaml": bad})
    p = the_problem(problems_for(root), "missing required list 'evidence'")
    assert (p.line, p.level) == (line_of(bad, "- id: src-a"), "error")


def test_review_by_passed_is_a_warning(tmp_path: Path) -> None:
    root = write_pack(tmp_path)
    problems = problems_for(root, as_of=date(2027, 6, 1))
    p = the_problem(problems, "review_by 2027-05-22 has passed (as of 2027-06-01)")
    assert (p.file, p.line, p.level) == (str(root / "claims" / "c.yaml"), line_of(CLAIMS, "review_by: 2027-05-22"),
                                         "warning")
    assert all(q.level == "warning" for q in problems)


def test_unknown_field(tmp_path: Path) -> None:
    bad = CLAIMS.replace("    valid_from:", "    valid_form: 2024-08-09\n    valid_from:")
    root = write_pack(tmp_path, {"claims/c.yaml": bad})
    p = the_problem(problems_for(root), "unknown field 'valid_form'")
    assert p.line == line_of(bad, "valid_form")


def test_load_pack_raises_on_errors(tmp_path: Path) -> None:
    bad = CLAIMS.replace("sources: [src-a]\n    corrects", "sources: [nope]\n    corrects")
    root = write_pack(tmp_path, {"claims/c.yaml": bad})
    with pytest.raises(PackError) as info:
        load_pack([root], include_bundled=False)
    assert f"c.yaml:{line_of(bad, 'sources: [nope]')}: claim fact-a: unknown source id 'nope'" in str(info.value)


# -- user packs override by id -------------------------------------------------------------------


def test_later_pack_overrides_by_id(tmp_path: Path) -> None:
    base = write_pack(tmp_path / "base")
    user = CLAIMS.split("studies:")[0].replace("The FDA declined to approve it.", "Overridden fact.")
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


# -- frames ------------------------------------------------------------------------------------
FRAME = '''        frame:
          event: ["{approval}"]
          stance: ["expected|imminent"]
          subject: ["mdma"]
'''


def with_frame(frame: str, drop_patterns: bool = False) -> str:
    text = CLAIMS.replace("        examples:\n", frame + "        examples:\n", 1)
    if drop_patterns:
        text = text.replace('        patterns:\n          - "{near} (?:to )?{approval}"\n', "")
    return text


def test_frame_compiles_and_adds_its_event_triggers(tmp_path: Path) -> None:
    pack, problems = check_packs([write_pack(tmp_path, {"claims/c.yaml": with_frame(FRAME)})], AS_OF)
    assert problems == []
    rule = pack.rules["test/rule-a"]
    assert rule.frame is not None and rule.frame.near == 8 and rule.frame.subject_scope == "paragraph"
    assert [p.pattern for p in rule.frame.event] == ["(?:approv(?:al|ed))"]  # macros expand wrapped
    assert "approv" in rule.triggers


def test_a_frame_may_replace_patterns(tmp_path: Path) -> None:
    pack, problems = check_packs([write_pack(tmp_path, {"claims/c.yaml": with_frame(FRAME, True)})], AS_OF)
    assert [str(p) for p in problems if p.level == "error"] == []
    assert pack.rules["test/rule-a"].patterns == []


def test_rule_without_patterns_or_frame(tmp_path: Path) -> None:
    bad = with_frame("", drop_patterns=True)
    p = the_problem(problems_for(write_pack(tmp_path, {"claims/c.yaml": bad})), "'patterns'")
    assert p.level == "error"


@pytest.mark.parametrize(("frame", "fragment", "needle"), [
    (FRAME.replace('          event: ["{approval}"]\n', ""), "'event'", "stance:"),
    (FRAME + "          near: 0\n", "'near' must be a whole number", "near: 0"),
    (FRAME + "          nearby: 3\n", "unknown field 'nearby'", "nearby: 3"),
    (FRAME.replace('"expected|imminent"', '"(expected"'), "pattern does not compile", "stance:"),
    (FRAME + "          subject_scope: document\n", "'subject_scope' is 'document'", "subject_scope"),
    ("        frame: [approval]\n", "'frame' must be a mapping", "frame:"),
])
def test_frame_problems_name_their_line(tmp_path: Path, frame: str, fragment: str, needle: str) -> None:
    bad = with_frame(frame)
    p = the_problem(problems_for(write_pack(tmp_path, {"claims/c.yaml": bad})), fragment)
    assert p.level == "error"
    assert p.line == line_of(bad, needle)
