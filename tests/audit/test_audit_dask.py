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
