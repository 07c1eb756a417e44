"""`factcheck serve` as a real process: it starts, answers on 127.0.0.1, and --no-fetch hides URLs."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest
import requests
from click.testing import CliRunner

from factcheck.cli import main


def test_help_lists_the_commands() -> None:
    res = CliRunner().invoke(main, ["--help"])
    assert "serve" in res.output and "lsp" in res.output
    assert "--no-fetch" in CliRunner().invoke(main, ["serve", "--help"]).output


def test_serve_process(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "serve", "--port", str(port), "--no-fetch"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                r = requests.get(f"http://127.0.0.1:{port}/", timeout=5)
                break
            except requests.ConnectionError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"server did not start: {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
                time.sleep(0.3)
        assert r.status_code == 200 and 'name="url"' not in r.text
        r = requests.post(f"http://127.0.0.1:{port}/check", data={"text": "MDMA therapy is now on the verge of FDA "
                                                                          "approval, and clinics are ready."}, timeout=30)
        assert r.status_code == 200 and "<mark" in r.text
    finally:
        proc.terminate()
        proc.wait(timeout=10)
