"""`factcheck audit --engine dask` on a LocalCluster bound to 127.0.0.1: the same audit.json as
the local engine, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

distributed = pytest.importorskip("distributed")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def cluster():
    # In-process workers over TCP on the loopback: the real protocol, no worker start-up cost.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp",
                                  host="127.0.0.1", dashboard_address=None) as c:
        yield c


def test_dask_engine_writes_the_same_audit_as_the_local_engine(cluster, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for i in range(3):
        for src in sorted(EXAMPLES.iterdir()):
            (site / f"{i}-{src.name}").write_text(src.read_text(encoding="utf-8") + f"\n\nCopy {i}.\n", encoding="utf-8")
    (site / "broken.md").write_bytes(b"\xff\xfe\x00bad")
    common = ["audit", str(site), "--as-of", "2026-11-22", "--quiet"]
    local = CliRunner().invoke(main, [*common, "--out", str(tmp_path / "local")], catch_exceptions=False)
    remote = CliRunner().invoke(main, [*common, "--out", str(tmp_path / "dask"), "--engine", "dask",
                                       "--scheduler", cluster.scheduler_address], catch_exceptions=False)
    assert local.exit_code == remote.exit_code == 0, (local.output, remote.output)
    assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
    a = (tmp_path / "local" / "audit.json").read_bytes()
    b = (tmp_path / "dask" / "audit.json").read_bytes()
    assert b'"findings": [\n' in a or b'"rule"' in a
    assert a == b
    assert (tmp_path / "local" / "report.md").read_bytes() == (tmp_path / "dask" / "report.md").read_bytes()


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["audit", str(EXAMPLES), "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"])
    assert res.exit_code == 2 and "--engine dask" in res.output


def test_a_worker_lints_one_batch_at_a_time(monkeypatch) -> None:
    """Tasks on two threads of one worker never share its Linter at once (its pipeline is not
    safe to share): the second batch waits for the first."""
    import threading
    import time

    from factcheck.audit import dask_engine

    inside, most = [0], [0]

    class SlowLinter:
        def lint_text(self, *args):
            inside[0] += 1
            most[0] = max(most[0], inside[0])
            time.sleep(0.05)
            inside[0] -= 1
            return args[0]

    monkeypatch.setattr(dask_engine, "_linter_for", lambda spec: SlowLinter())
    results: list = []
    threads = [threading.Thread(target=lambda: results.append(dask_engine.lint_batch([("a",), ("b",)], None)))
               for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert most[0] == 1 and sorted(map(tuple, results)) == [("a", "b"), ("a", "b")]
