"""Rule entries: patterns or a frame, frame slots checked with their lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from packtexts import AS_OF, CLAIMS_AND_STUDIES, line_of, problems_for, the_problem, write_pack_with_studies

from factcheck.knowledge import check_packs

FRAME = '''        frame:
          event: ["{approval}"]
          stance: ["expected|imminent"]
          subject: ["mdma"]
'''


def with_frame(frame: str, drop_patterns: bool = False) -> str:
    text = CLAIMS_AND_STUDIES.replace("        examples:\n", frame + "        examples:\n", 1)
    if drop_patterns:
        text = text.replace('        patterns:\n          - "{near} (?:to )?{approval}"\n', "")
    return text


def test_frame_compiles_and_adds_its_event_triggers(tmp_path: Path) -> None:
    pack, problems = check_packs([write_pack_with_studies(tmp_path, {"claims/c.yaml": with_frame(FRAME)})], AS_OF)
    assert problems == []
    rule = pack.rules["test/rule-a"]
    assert rule.frame is not None and rule.frame.near == 8 and rule.frame.subject_scope == "paragraph"
    assert [p.pattern for p in rule.frame.event] == ["(?:approv(?:al|ed))"]  # macros expand wrapped
    assert "approv" in rule.triggers


def test_a_frame_may_replace_patterns(tmp_path: Path) -> None:
    pack, problems = check_packs([write_pack_with_studies(tmp_path, {"claims/c.yaml": with_frame(FRAME, True)})], AS_OF)
    assert [str(p) for p in problems if p.level == "error"] == []
    assert pack.rules["test/rule-a"].patterns == []


def test_rule_without_patterns_or_frame(tmp_path: Path) -> None:
    bad = with_frame("", drop_patterns=True)
    p = the_problem(problems_for(write_pack_with_studies(tmp_path, {"claims/c.yaml": bad})), "'patterns'")
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
    p = the_problem(problems_for(write_pack_with_studies(tmp_path, {"claims/c.yaml": bad})), fragment)
    assert p.level == "error"
    assert p.line == line_of(bad, needle)


def test_an_event_list_may_name_a_term_list(tmp_path: Path) -> None:
    import kindpack

    rule = kindpack.rule("x-stage-running", """\
kind: status
subject: "@drugx"
event: ["@late_stage", "pivotal study"]
stance: [current]
""", flagged="Drug X is now in its final round of testing.")
    terms = {"drugx": ["Drug X"], "late_stage": ["final round of testing", "pivotal study"]}
    root = kindpack.write_pack(tmp_path / "test", {
        "claims/pack.yaml": kindpack.manifest(terms=terms),
        "claims/c.yaml": "claims:\n" + kindpack.claim("x-done", "Drug X finished testing.", rule)})
    pack, problems = check_packs([root], AS_OF)
    assert [p for p in problems if p.level == "error"] == []
    assert pack.rules["test/x-stage-running"].spec.event == ["final round of testing", "pivotal study"]
    bad = rule.replace('"@late_stage"', '"@nowhere"')
    root2 = kindpack.write_pack(tmp_path / "test2", {"claims/c.yaml": "claims:\n" + kindpack.claim("x-done", "F.", bad)})
    _, problems2 = check_packs([root2], AS_OF)
    assert any("unknown term list '@nowhere'" in p.message and p.line > 0 for p in problems2)
