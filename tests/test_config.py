"""Configuration: discovery, every key, one-line errors, file selection, and `factcheck config`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.config import (
    Config,
    ConfigError,
    apply_config,
    find_config_file,
    load_config,
)
from factcheck.models import Finding


def finding(rule: str = "approval-imminent", kind: str = "regulatory-status", severity: str = "warning") -> Finding:
    return Finding(rule=rule, kind=kind, verdict="outdated", severity=severity, start=0, end=3, text="abc",
                   message="m", fact="f", line=1, column=1, end_line=1, end_column=4)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


FULL = """\
packs: [extra-pack]
include: ["content/**/*.md"]
exclude: ["content/archive/"]
disable: [approval-imminent, citation]
severity: {dose: error, mapp1-remission: info}
fail-on: warning
as-of: 2026-11-22
"""


def test_every_key_from_yaml(tmp_path):
    (tmp_path / "extra-pack").mkdir()
    cfg = load_config(tmp_path, write(tmp_path / ".factcheck.yaml", FULL))
    assert cfg.packs == [(tmp_path / "extra-pack").resolve()]
    assert cfg.include == ["content/**/*.md"]
    assert cfg.exclude == ["content/archive/"]
    assert cfg.disable == ["approval-imminent", "citation"]
    assert cfg.severity == {"dose": "error", "mapp1-remission": "info"}
    assert cfg.fail_on == "warning"
    assert cfg.as_of == date(2026, 11, 22)
    assert cfg.to_dict()["packs"] == ["extra-pack"]


def test_pyproject_table(tmp_path):
    (tmp_path / "pack").mkdir()
    write(tmp_path / "pyproject.toml", """\
[project]
name = "site"

[tool.factcheck]
packs = ["pack"]
disable = ["dose"]
severity = { approval-imminent = "info" }
fail-on = "never"
as-of = 2025-01-31
""")
    (tmp_path / "sub").mkdir()
    cfg = load_config(tmp_path / "sub")
    assert cfg.path == tmp_path / "pyproject.toml"
    assert cfg.disable == ["dose"] and cfg.severity == {"approval-imminent": "info"}
    assert cfg.fail_on == "never" and cfg.as_of == date(2025, 1, 31)


def test_discovery_walks_up_and_prefers_yaml(tmp_path):
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    write(tmp_path / "pyproject.toml", "[tool.factcheck]\ndisable = ['x']\n")
    # A pyproject.toml without [tool.factcheck] is not a config file: keep walking.
    write(tmp_path / "a" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config_file(deep) == tmp_path / "pyproject.toml"
    write(tmp_path / ".factcheck.yaml", "disable: [y]\n")
    assert find_config_file(deep) == tmp_path / ".factcheck.yaml"
    assert load_config(deep).disable == ["y"]


def test_no_config_is_all_defaults(tmp_path):
    cfg = load_config(tmp_path)
    assert cfg.path is None and cfg.disable == [] and cfg.fail_on is None and cfg.as_of is None
    assert cfg.severity == {} and cfg.packs == [] and cfg.include == [] and cfg.exclude == []


@pytest.mark.parametrize(
    ("text", "key", "reason"),
    [
        ("colour: red\n", "colour", "unknown key"),
        ("fail_on: error\n", "fail_on", "did you mean 'fail-on'"),
        ("packs: [missing]\n", "packs", "pack folder not found: missing"),
        ("packs: 3\n", "packs", "expected a list"),
        ("include: [1, 2]\n", "include", "expected a list"),
        ("exclude: ['']\n", "exclude", "expected a list"),
        ("disable: {a: 1}\n", "disable", "expected a list"),
        ("severity: [error]\n", "severity", "expected a mapping"),
        ("severity: {dose: fatal}\n", "severity", "dose: expected one of error, warning, info"),
        ("fail-on: sometimes\n", "fail-on", "expected one of error, warning, info, never"),
        ("as-of: next week\n", "as-of", "expected a date YYYY-MM-DD"),
        ("as-of: 2026-13-01\n", "as-of", "expected a date"),
        ("include: ['\\']\n", "include", "invalid glob"),
    ],
)
def test_bad_values_name_file_and_key(tmp_path, text, key, reason):
    path = write(tmp_path / ".factcheck.yaml", text)
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    message = str(info.value)
    assert message.startswith(f"{path}: key '{key}': ")
    assert reason in message
    assert "\n" not in message


def test_bad_files_are_one_line_errors(tmp_path):
    write(tmp_path / ".factcheck.yaml", "disable: [a\n")
    with pytest.raises(ConfigError, match=r"\.factcheck\.yaml:\d+: invalid YAML"):
        load_config(tmp_path)
    write(tmp_path / ".factcheck.yaml", "- a list\n")
    with pytest.raises(ConfigError, match="expected a mapping"):
        load_config(tmp_path)
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path, tmp_path / "nope.yaml")
    write(tmp_path / "b" / "pyproject.toml", "[tool.factcheck\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(tmp_path / "b")
    write(tmp_path / "c" / "pyproject.toml", "[tool.factcheck]\nbogus = 1\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml: key 'bogus': unknown key"):
        load_config(tmp_path / "c")


def test_empty_yaml_is_defaults(tmp_path):
    cfg = load_config(tmp_path, write(tmp_path / ".factcheck.yaml", "# nothing yet\n"))
    assert cfg.path == tmp_path / ".factcheck.yaml" and cfg.disable == []


def test_apply_config_disable_and_severity():
    cfg = Config(disable=["approval-imminent", "citation"], severity={"dose": "error", "dose-max": "info"})
    findings = [
        finding(),  # disabled by rule id
        finding(rule="cite-wrong-year", kind="citation"),  # disabled by kind
        finding(rule="dose-max", kind="dose"),  # rule override wins over kind
        finding(rule="dose-min", kind="dose"),  # kind override
        finding(rule="other", kind="protocol"),
    ]
    kept = apply_config(findings, cfg)
    assert [(f.rule, f.severity) for f in kept] == [("dose-max", "info"), ("dose-min", "error"), ("other", "warning")]
    assert findings[2].severity == "warning"  # the input is not mutated
    assert kept[2] is findings[4]


def test_unknown_rule_names_are_reported_once_rules_are_known(tmp_path):
    cfg = Config(path=tmp_path / ".factcheck.yaml", disable=["dose", "approval-imminent", "typo-rule"],
                 severity={"another-typo": "info"})
    assert cfg.unknown_rules(["approval-imminent"]) == ["another-typo", "typo-rule"]
    with pytest.raises(ConfigError, match="unknown rule or kind: another-typo, typo-rule"):
        cfg.check_rules(["approval-imminent"])
    Config(disable=["dose"]).check_rules([])  # kinds are always known


def make_site(root: Path) -> None:
    for rel in ["content/a.md", "content/b.html", "content/notes.txt", "content/img.png",
                "content/archive/old.md", "content/drafts/d.md", "content/drafts/keep.md",
                "build/out.md", "node_modules/pkg/readme.md", "README.md"]:
        write(root / rel, "x\n")
    write(root / ".gitignore", "build/\ncontent/drafts/*\n!content/drafts/keep.md\n")
    (root / ".git").mkdir()


def walked(cfg: Config, root: Path, **kw) -> list[str]:
    return [p.relative_to(root).as_posix() for p in cfg.path_filter(**kw).walk(root, (".md", ".html", ".txt"))]


def test_walk_respects_gitignore_exclude_and_suffixes(tmp_path):
    make_site(tmp_path)
    cfg = Config(root=tmp_path, exclude=["content/archive/"])
    assert walked(cfg, tmp_path) == [
        "README.md", "content/a.md", "content/b.html", "content/notes.txt", "content/drafts/keep.md",
    ]
    everything = walked(Config(root=tmp_path), tmp_path, respect_gitignore=False)
    assert "build/out.md" in everything and "content/drafts/d.md" in everything
    assert "node_modules/pkg/readme.md" not in everything  # never walked


def test_walk_with_include_globs_and_nested_gitignore(tmp_path):
    make_site(tmp_path)
    write(tmp_path / "content" / ".gitignore", "notes.txt\n")
    cfg = Config(root=tmp_path, include=["content/**/*.md", "content/*.txt"])
    assert walked(cfg, tmp_path) == ["content/a.md", "content/archive/old.md", "content/drafts/keep.md"]


def test_explicit_files_honour_exclude_only(tmp_path):
    make_site(tmp_path)
    filt = Config(root=tmp_path, exclude=["*.html"]).path_filter()
    assert not filt.accepts_explicit(tmp_path / "content" / "b.html")
    assert filt.accepts_explicit(tmp_path / "build" / "out.md")  # gitignored, but named by the user
    assert filt.gitignored(tmp_path / "build" / "out.md")
    assert filt.accepts_explicit(tmp_path.parent / "elsewhere.md")  # outside the config folder


def test_config_command_yaml_and_json(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "extra-pack").mkdir()
    write(tmp_path / ".factcheck.yaml", FULL)
    runner = CliRunner()
    result = runner.invoke(main, ["config"])
    assert result.exit_code == 0, result.output
    first, rest = result.output.split("\n", 1)
    assert first == f"# from: {tmp_path / '.factcheck.yaml'}"
    assert yaml.safe_load(rest)["severity"] == {"dose": "error", "mapp1-remission": "info"}
    result = runner.invoke(main, ["config", "--format", "json"])
    data = json.loads(result.output)
    assert data["file"] == str(tmp_path / ".factcheck.yaml")
    assert data["config"]["fail-on"] == "warning" and data["config"]["as-of"] == "2026-11-22"


def test_config_command_defaults_and_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["config"])
    assert result.exit_code == 0
    assert result.output.startswith("# from: (no config file found; defaults)")
    shown = yaml.safe_load(result.output)
    assert shown["fail-on"] == "warning" and shown["as-of"] == "today" and shown["disable"] == []
    write(tmp_path / "bad.yaml", "fail-on: maybe\n")
    result = runner.invoke(main, ["config", "--config", "bad.yaml"])
    assert result.exit_code == 2
    assert "bad.yaml: key 'fail-on': expected one of" in result.output
