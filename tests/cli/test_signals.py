"""Ctrl-C exits 130 (not 1, the code for findings); SIGTERM with --jobs 2 leaves no worker behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ARTICLE = "MDMA-assisted therapy is close to FDA approval. " * 40 + "\n"
FILES = 800


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


def _start(tmp_path: Path, jobs: str) -> subprocess.Popen[bytes]:
    for i in range(FILES):  # long enough that the signal always lands mid-run
        (tmp_path / f"a{i:04}.md").write_text(ARTICLE, encoding="utf-8")
    # SIGINT back to its default in the child: a test run started in the background (`cmd &` in a
    # script) inherits SIGINT ignored, and Python then never raises KeyboardInterrupt.
    return subprocess.Popen(
        [sys.executable, "-m", "factcheck", "lint", "--jobs", jobs, "--format", "json",
         "--output", str(tmp_path / "r.json"), str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _wait_for_workers(proc: subprocess.Popen[bytes], want: int) -> list[int]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        kids = _children(proc.pid)
        if len(kids) >= want:
            return kids
        time.sleep(0.1)
    pytest.skip("the run ended before its workers could be seen")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only")
def test_ctrl_c_exits_130(tmp_path: Path) -> None:
    proc = _start(tmp_path, "2")
    _wait_for_workers(proc, 2)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()[-2000:]
    assert not list(tmp_path.glob(".r.json.*.tmp"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only")
def test_sigterm_stops_the_workers(tmp_path: Path) -> None:
    proc = _start(tmp_path, "2")
    kids = _wait_for_workers(proc, 2)
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=60)
    assert proc.returncode == 143
    time.sleep(0.5)
    alive = [k for k in kids if Path(f"/proc/{k}").exists()
             and "Z" not in (Path(f"/proc/{k}/stat").read_text().rsplit(")", 1)[1].split()[0])]
    assert alive == []
    assert not list(tmp_path.glob(".r.json.*.tmp"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_worker_killed_mid_run_costs_no_output(tmp_path: Path, sig: signal.Signals) -> None:
    """One worker killed from outside: the run neither hangs (the survivors used to turn the pool's
    SIGTERM into a result nobody read) nor stops; the rest is linted in process, in order."""
    proc = _start(tmp_path, "2")
    kids = _wait_for_workers(proc, 2)
    time.sleep(1.0)
    os.kill(sorted(kids)[0], sig)
    try:
        _, err = proc.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        for pid in [proc.pid, *_children(proc.pid)]:
            os.kill(pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("the run hung after one of its workers was killed")
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    names = [Path(f["path"]).name for f in report["files"]]
    assert names == sorted(names) and len(names) == FILES
    assert len({len(f["findings"]) for f in report["files"]}) == 1  # the same article, the same findings
    assert proc.returncode == 1, err.decode()[-2000:]
    if b"worker process stopped" in err:  # unless the worker had already finished its share
        assert signal.Signals(sig).name.encode() in err
