"""Hostile packs, configs, baselines and compare files (issue 14): one-line file:line errors in
well under a second, never a hang or a traceback; YAML merge keys are legal."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import packtexts
import pytest
from packtexts import CLAIMS, LEXICON, line_of

from factcheck.knowledge import check_packs
from factcheck.knowledge.yamlload import YamlError, load_yaml
from factcheck.regex_tools import nested_quantifier

AS_OF = date(2026, 11, 23)
BOMB = "".join(f"  - &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]\n" if i else "  - &l0 [lol, lol]\n"
               for i in range(9))


def problems(root: Path) -> list[str]:
    t0 = time.monotonic()
    _, found = check_packs([root], AS_OF)
    assert time.monotonic() - t0 < 20
    return [str(p) for p in found if p.level == "error"]


def test_merge_key_may_be_overridden(tmp_path: Path) -> None:
    f = tmp_path / "m.yaml"
    f.write_text("base: &b {severity: warning, verdict: outdated}\nrule:\n  <<: *b\n  severity: error\n")
    assert load_yaml(f)["rule"] == {"severity": "error", "verdict": "outdated"}
    f.write_text("rule:\n  severity: warning\n  severity: error\n")
    with pytest.raises(YamlError, match=r"m.yaml:3: .*duplicate key 'severity'"):
        load_yaml(f)


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    f = tmp_path / "bomb.yaml"
    f.write_text("lol:\n" + BOMB + "since: *l8\n")
    t0 = time.monotonic()
    with pytest.raises(YamlError, match="aliases expand to more than"):
        load_yaml(f)
    assert time.monotonic() - t0 < 10  # generous: CI machines are shared


def test_alias_bomb_in_a_rule_value(tmp_path: Path) -> None:
    bad = CLAIMS.replace("        since: 2024-08-09\n", "        since: *l8\n")
    root = packtexts.write_pack(tmp_path, {"claims/c.yaml": "lol:\n" + BOMB + bad})
    assert any("aliases expand" in p for p in problems(root))


def test_deep_nesting_is_an_error(tmp_path: Path) -> None:
    root = packtexts.write_pack(tmp_path, {"claims/deep.yaml": "x: " + "[" * 20000 + "]" * 20000 + "\n"})
    assert any("deep.yaml" in p and "invalid YAML" in p for p in problems(root))


def test_doubling_macros_are_refused(tmp_path: Path) -> None:
    macros = "".join(f"    m{i}: \"{{m{i - 1}}}{{m{i - 1}}}\"\n" if i else "    m0: \"ab\"\n" for i in range(31))
    lex = LEXICON + macros
    bad = CLAIMS.replace('"{near} (?:to )?{approval}"', '"{m30}"')
    root = packtexts.write_pack(tmp_path, {"claims/lexicon.yaml": lex, "claims/c.yaml": bad})
    found = problems(root)
    assert any("expand to more than" in p and f"c.yaml:{line_of(bad, 'patterns:')}" in p for p in found), found


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\\w+\\s?)+$"])
def test_catastrophic_pattern_is_refused_at_load(tmp_path: Path, pattern: str) -> None:
    bad = CLAIMS.replace('"{near} (?:to )?{approval}"', f'"{pattern}"')
    root = packtexts.write_pack(tmp_path, {"claims/c.yaml": bad})
    found = problems(root)
    assert any("exponential time" in p and f"c.yaml:{line_of(bad, 'patterns:')}" in p for p in found), found


def test_safe_nested_shapes_pass() -> None:
    for ok in (r"(?:\d+,)+", r"(?:(?:legal|approved)[ ,]+)+", r"\w+", r"(?:\w+\s+){0,3}x"):
        assert nested_quantifier(ok) is None, ok


def _config_error(tmp_path: Path, name: str, text: str) -> str:
    from factcheck.config import ConfigError, load_config

    (tmp_path / name).write_text(text, encoding="utf-8")
    t0 = time.monotonic()
    with pytest.raises(ConfigError) as exc:
        load_config(tmp_path, tmp_path / name)
    assert time.monotonic() - t0 < 10  # generous: CI machines are shared
    assert "\n" not in str(exc.value)
    return str(exc.value)


def test_hostile_configs(tmp_path: Path) -> None:
    assert "aliases expand" in _config_error(tmp_path, ".factcheck.yaml", "lol:\n" + BOMB + "fail-on: *l8\n")
    assert "invalid YAML" in _config_error(tmp_path, "deep.yaml", "x: " + "[" * 20000 + "]" * 20000)
    # Deeper than our limit, shallower than libyaml's own (which older builds do not have): the
    # answer must not depend on the PyYAML wheel the machine happened to install.
    assert "nested too deeply" in _config_error(tmp_path, "deep2.yaml", "x: " + "[" * 300 + "]" * 300)
    assert "nested too deeply" in _config_error(
        tmp_path, "pyproject.toml", "[tool.factcheck]\nx = " + "[" * 5000 + "]" * 5000 + "\n")


def test_bounded_repr_of_a_wrong_value(tmp_path: Path) -> None:
    # Not an alias bomb, but a huge wrong value: the message stays short.
    msg = _config_error(tmp_path, ".factcheck.yaml", "fail-on: [" + ", ".join(["x"] * 100000) + "]\n")
    assert len(msg) < 400


def test_deep_baseline_and_compare(tmp_path: Path) -> None:
    from factcheck.audit.compare import CompareError, load_previous
    from factcheck.baseline import BaselineError, load_baseline

    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100000 + "]" * 100000)
    with pytest.raises(BaselineError, match="nested too deeply"):
        load_baseline(deep)
    with pytest.raises(CompareError, match="nested too deeply"):
        load_previous(deep)
    for files in ([{"path": "a", "findings": [1, "x"]}], [{"path": ["a"]}], [3]):
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps({"schema_version": 1, "files": files}))
        with pytest.raises(CompareError):
            load_previous(bad)


def test_hostile_globs_do_not_hang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.config import Config, load_config

    glob = "*a" * 15 + "*c"
    msg = _config_error(tmp_path, ".factcheck.yaml", f"exclude: ['{glob}']\n")
    assert "more than 3 '*'" in msg
    # The same line in a repository's .gitignore: skipped with a warning, the walk finishes.
    (tmp_path / ".factcheck.yaml").unlink()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text(glob + "\n*.tmp\n")
    (tmp_path / ("a" * 60 + ".md")).write_text("x\n")
    (tmp_path / "b.tmp").write_text("x\n")
    cfg: Config = load_config(tmp_path)
    t0 = time.monotonic()
    flt = cfg.path_filter()
    assert flt.accepts_walked(tmp_path / ("a" * 60 + ".md"))
    assert not flt.accepts_walked(tmp_path / "b.tmp")
    assert time.monotonic() - t0 < 10  # generous: CI machines are shared
    assert ".gitignore:1" in capsys.readouterr().err


def test_example_lines_are_linear_in_pack_size(tmp_path: Path) -> None:
    from factcheck.selftest import _ExampleLines

    rule = CLAIMS.split("    corrects:\n", 1)[1]
    head = CLAIMS.split("    corrects:\n", 1)[0] + "    corrects:\n"
    rules = "".join(rule.replace("rule-a", f"rule-{i}") for i in range(2000))
    root = packtexts.write_pack(tmp_path, {"claims/c.yaml": head + rules})
    pack, _ = check_packs([root], AS_OF)
    assert pack is not None
    lines = _ExampleLines()
    t0 = time.monotonic()
    got = {r.id: lines.line(r, "flagged", 0) for r in pack.rules.values()}
    assert time.monotonic() - t0 < 3
    assert got["test/rule-1999"] == line_of(head + rules, "- id: rule-1999") + 10  # its first flagged example
