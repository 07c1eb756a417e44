"""The repository's CI integrations: the pre-commit hook (run for real with `pre-commit try-repo`,
offline) and the composite GitHub Action's shape."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
# What `pip install .` needs to build the package (hatchling reads README.md for metadata).
PACKAGE_PATHS = ["pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml", "factcheck", "claims", "sources"]

BAD = "# MDMA therapy\n\nFDA approval of MDMA-assisted therapy is expected soon.\n"
GOOD = "# Notes\n\nThis page makes no checkable claim about any drug.\n"


def test_hook_manifest_is_valid_for_pre_commit():
    clientlib = pytest.importorskip("pre_commit.clientlib")
    (hook,) = clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "factcheck"
    assert hook["entry"] == "factcheck lint"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "html", "plain-text"]


def test_hook_types_select_content_files_only():
    identify = pytest.importorskip("identify.identify")
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    wanted = set(hook["types_or"])
    for name in ["a.md", "a.markdown", "a.html", "a.htm", "a.txt"]:
        assert identify.tags_from_filename(name) & wanted, name
    for name in ["a.py", "a.yaml", "a.json", "a.css"]:
        assert not identify.tags_from_filename(name) & wanted, name


def test_action_is_a_composite_action_with_the_documented_inputs():
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) >= {"paths", "format", "fail-on", "version"}
    steps = action["runs"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    script = "\n".join(s.get("run", "") for s in steps)
    assert "factcheck lint --format sarif --output" in script and "factcheck lint --format github" in script
    for step in steps:
        # Shell steps of a composite action must name their shell, and inputs must reach scripts
        # through env, not `${{ }}` pasted into the script (injection).
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false",
                    *args], cwd=cwd, check=True, capture_output=True)


def _snapshot_project(dest: Path) -> None:
    """A git repository holding the working tree's package files, committed, so try-repo tests
    what is on disk (and the same in a fresh CI clone)."""
    dest.mkdir()
    for rel in PACKAGE_PATHS:
        src = ROOT / rel
        if src.is_dir():
            shutil.copytree(src, dest / rel, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*cache"))
        elif src.is_file():
            shutil.copy2(src, dest / rel)
    if not (dest / "README.md").exists():
        (dest / "README.md").write_text("factcheck\n")
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "snapshot")


def test_pre_commit_try_repo_runs_the_hook(tmp_path):
    """pre-commit builds the hook's virtualenv from the repository and runs `factcheck lint` on
    the files it is given. Offline: no package index (PIP_NO_INDEX). Hermetic: the hook's venv sees
    exactly the site-packages of the interpreter running the tests (through PYTHONPATH), where
    factcheck's dependencies and the build backend are, never the base interpreter's: in a fresh
    venv, `VIRTUALENV_SYSTEM_SITE_PACKAGES` exposed the base's packages and the build failed with
    "No module named 'hatchling'"."""
    pytest.importorskip("pre_commit")
    try:
        import hatchling  # noqa: F401  # the build backend, used without build isolation
    except ImportError:
        pytest.fail("hatchling must be installed (test extra) for the offline pre-commit hook test")
    if shutil.which("git") is None:
        pytest.fail("git is required for the pre-commit test")

    hook_repo = tmp_path / "factcheck-repo"
    _snapshot_project(hook_repo)
    site = tmp_path / "site"
    site.mkdir()
    (site / "bad.md").write_text(BAD)
    (site / "good.md").write_text(GOOD)
    _git(site, "init", "-q")
    _git(site, "add", "-A")

    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "VIRTUALENV_", "PRE_COMMIT"))}
    env.update({
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_CONFIG_FILE": os.devnull,  # ignore machine pip config (extra indexes, find-links)
        "PIP_NO_INDEX": "1",  # offline: nothing may come from a package index
        # Build with the hatchling already installed. pip reads "no-*" options from the
        # environment inverted: PIP_NO_BUILD_ISOLATION=0 is what turns isolation off.
        "PIP_NO_BUILD_ISOLATION": "0",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        # Dependencies (spaCy, ...) and hatchling come from this interpreter's own site-packages.
        "PYTHONPATH": os.pathsep.join(dict.fromkeys(sysconfig.get_paths()[k] for k in ("purelib", "platlib"))),
        "NO_COLOR": "1",
    })
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "factcheck", "--verbose", "--color", "never"]

    started = time.monotonic()
    bad = subprocess.run([*cmd, "--files", "bad.md"], cwd=site, env=env, capture_output=True, text=True, timeout=300)
    first_run = time.monotonic() - started
    output = bad.stdout + bad.stderr
    assert bad.returncode == 1, output
    assert "Failed" in output and "mdma/approval-imminent" in output and "bad.md" in output

    good = subprocess.run([*cmd, "--files", "good.md"], cwd=site, env=env, capture_output=True, text=True, timeout=300)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
    # Installing the hook environment dominates; keep the whole test well under a minute.
    assert first_run < 90, f"pre-commit hook install + run took {first_run:.0f}s"
