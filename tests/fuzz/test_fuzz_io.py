"""Fuzz suite for the network, outputs and loaders (issue 14, part 2).

A hostile HTTP server on 127.0.0.1 (redirects to private and metadata addresses, trickling
bodies and headers, huge and endless bodies, bad encodings, garbage) and hostile YAML, config,
baseline and compare files built from a fixed seed. For every input: no traceback, no hang (a
time bound per input), and only the documented outcome: a page error, or the loader's one-line
error class, or exit code 2 from the CLI. The whole module runs in well under 60 s.
"""

from __future__ import annotations

import gzip
import json
import random
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.fetch import FetchError, fetch_page
from factcheck.url_lists import urls_from_sitemap

SEED = 20261206
LOCAL = ("127.0.0.1",)
FAST = {"connect_timeout": 1.0, "read_timeout": 1.0, "total_timeout": 2.0, "retries": 0, "allow_hosts": LOCAL}
BOUND = 6.0  # seconds any single input may take (deadline 2 s plus slack for a loaded machine)


@contextmanager
def time_bound(seconds: float = BOUND) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the block runs past `seconds`."""

    def expired(*_: object) -> None:
        raise TimeoutError(f"input took more than {seconds:g}s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert time.monotonic() - started < seconds


# --------------------------------------------------------------------------------------------
# The hostile server: one raw socket server, behaviour chosen by the request path.


def _head(status: str, headers: dict[str, str]) -> bytes:
    # One request per connection, said so: a client must not reuse a socket this server closes.
    headers = {**headers, "Connection": "close"}
    lines = [f"HTTP/1.1 {status}"] + [f"{k}: {v}" for k, v in headers.items()] + ["", ""]
    return "\r\n".join(lines).encode("latin-1")


class HostileServer:
    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(32)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.stop = threading.Event()
        self.rng = random.Random(SEED)
        threading.Thread(target=self._serve, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            try:
                request = conn.recv(65536).decode("latin-1")
                path = request.split(" ", 2)[1] if " " in request else "/"
                self._answer(conn, path)
            except OSError:
                pass

    def _trickle(self, conn: socket.socket, data: bytes, every: float) -> None:
        for i in range(len(data)):
            if self.stop.is_set():
                return
            conn.sendall(data[i:i + 1])
            time.sleep(every)

    def _answer(self, conn: socket.socket, path: str) -> None:
        html = {"Content-Type": "text/html; charset=utf-8"}
        if path.startswith("/redirect/"):
            target = {
                "meta": "http://169.254.169.254/latest/meta-data/",
                "ten": "http://10.0.0.5:8080/admin",
                "v6": "http://[::1]/",
                "mapped": "http://[::ffff:169.254.169.254]/",
                "zero": "http://0.0.0.0/",
                "bad": "http://[::1",
                "file": "file:///etc/passwd",
                "named": f"http://localhost:{self.port}/page",
            }[path.split("/")[2]]
            conn.sendall(_head("302 Found", {"Location": target, "Content-Length": "0"}))
        elif path.startswith("/chain/"):
            n = int(path.split("/")[2])
            target = self.url(f"/chain/{n - 1}") if n > 0 else "http://10.1.2.3/"
            conn.sendall(_head("301 Moved", {"Location": target, "Content-Length": "0"}))
        elif path == "/trickle-body":
            conn.sendall(_head("200 OK", {**html, "Content-Length": "5000"}))
            self._trickle(conn, b"<p>" + b"a" * 4997, 0.1)
        elif path == "/trickle-headers":
            conn.sendall(b"HTTP/1.1 200 OK\r\n")
            self._trickle(conn, b"X-Slow: 1\r\n" * 200, 0.05)
        elif path == "/huge-declared":
            conn.sendall(_head("200 OK", {**html, "Content-Length": str(2**40)}))
        elif path == "/endless":
            conn.sendall(_head("200 OK", {**html, "Transfer-Encoding": "chunked"}))
            chunk = b"<p>" + b"x" * 65000 + b"</p>"
            for _ in range(200):
                conn.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        elif path == "/gzip-bomb":
            body = gzip.compress(b" " * 50_000_000)
            conn.sendall(_head("200 OK", {**html, "Content-Encoding": "gzip", "Content-Length": str(len(body))}) + body)
        elif path.startswith("/charset/"):
            charset = path.split("/")[2]
            body = {"unicode_escape": b"<p>\\ud800 lone surrogate</p>", "utf-7": b"<p>+AKM-1</p>",
                    "bogus": b"<p>\xff\xfe\xfd</p>", "utf-16": b"<p>not utf-16</p>x"}[charset]
            conn.sendall(_head("200 OK", {"Content-Type": f"text/html; charset={charset}",
                                          "Content-Length": str(len(body))}) + body)
        elif path == "/random":
            body = bytes(self.rng.randrange(256) for _ in range(4096))
            conn.sendall(_head("200 OK", {**html, "Content-Length": str(len(body))}) + body)
        elif path == "/garbage-status":
            conn.sendall(b"HTTP/9 \x00\xff garbage\r\n\r\n")
        elif path == "/sitemap-huge":
            entries = "".join(f"<url><loc>{self.url(f'/p{i}')}</loc></url>" for i in range(5000))
            body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'.encode()
            conn.sendall(_head("200 OK", {"Content-Type": "application/xml", "Content-Length": str(len(body))}) + body)
        elif path == "/sitemap-dtd":
            body = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><urlset><url><loc>&e;</loc></url></urlset>'
            conn.sendall(_head("200 OK", {"Content-Type": "application/xml", "Content-Length": str(len(body))}) + body)
        else:
            body = b"<html><body><p>MDMA-assisted therapy is close to FDA approval.</p></body></html>"
            conn.sendall(_head("200 OK", {**html, "Content-Length": str(len(body))}) + body)


@pytest.fixture(scope="module")
def server() -> Iterator[HostileServer]:
    srv = HostileServer()
    yield srv
    srv.stop.set()
    srv.sock.close()


PRIVATE_REDIRECTS = ["meta", "ten", "v6", "mapped", "zero"]


@pytest.mark.parametrize("kind", PRIVATE_REDIRECTS)
def test_redirect_to_private_address_is_refused(server: HostileServer, kind: str) -> None:
    with time_bound():
        page = fetch_page(server.url(f"/redirect/{kind}"), **FAST)
    assert page.text is None and page.error and page.error.startswith("refused"), page.error


def test_redirect_chain_ending_inside_is_refused(server: HostileServer) -> None:
    with time_bound():
        page = fetch_page(server.url("/chain/5"), **FAST)
    assert page.error and page.error.startswith("refused 10.1.2.3"), page.error


def test_without_allow_host_loopback_itself_is_refused(server: HostileServer) -> None:
    with time_bound():
        page = fetch_page(server.url("/page"), **{**FAST, "allow_hosts": ()})
    assert page.error and page.error.startswith("refused 127.0.0.1")


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-headers", "/huge-declared", "/endless",
                                  "/gzip-bomb", "/garbage-status", "/redirect/bad", "/redirect/file",
                                  "/charset/unicode_escape", "/charset/utf-7", "/charset/bogus",
                                  "/charset/utf-16", "/random"])
def test_hostile_page_never_raises_or_hangs(server: HostileServer, path: str) -> None:
    with time_bound():
        page = fetch_page(server.url(path), **{**FAST, "max_bytes": 1_000_000})
    assert page.ok or page.error
    if page.text is not None:
        page.text.encode("utf-8", "surrogatepass")  # a str, whatever the bytes were


def test_sitemaps(server: HostileServer) -> None:
    problems: list[str] = []
    with time_bound():
        urls = urls_from_sitemap(server.url("/sitemap-huge"), errors=problems, **{**FAST, "max_bytes": 60_000})
    assert 0 < len(urls) < 5000 and any("read up to the cap" in p for p in problems)
    with time_bound(), pytest.raises(FetchError, match="DTD"):
        urls_from_sitemap(server.url("/sitemap-dtd"), **FAST)


def test_cli_lint_of_hostile_urls_exits_2_and_lints_the_good_file(server: HostileServer, tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("MDMA-assisted therapy is close to FDA approval.\n", encoding="utf-8")
    urls = [server.url(f"/redirect/{k}") for k in ("meta", "ten", "bad", "file")]
    urls += ["http://[::1", server.url("/garbage-status"), server.url("/huge-declared")]
    with time_bound(60):
        res = CliRunner().invoke(main, ["lint", "--as-of", "2026-11-22", "--allow-host", "127.0.0.1",
                                        *urls, str(good)])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output and "mdma/approval-imminent" in res.output
    assert res.output.count("refused") >= 2


# --------------------------------------------------------------------------------------------
# Hostile files for the loaders, from a fixed seed.

YAML_PIECES = [
    "a: &x [1, 2]\n", "b: *x\n", "<<: *x\n", "c: {<<: {d: 1}, d: 2}\n", "!!python/object/apply:os.system ['true']\n",
    "date: 2024-02-30\n", "n: " + "9" * 5000 + "\n", "[" * 3000, "]" * 10, "{", "? [a]\n: b\n",
    "fail-on: " + "[" * 50 + "x" + "]" * 50 + "\n", "k: !!binary 'AAAA'\n", "\t- x\n", "'unterminated\n",
    "- &l0 [a, a]\n- &l1 [*l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0]\n- &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]\n",
    "\x00\x01\x1b[2K\n", "\ufeff", "exclude: ['" + "*a" * 12 + "*c']\n", "severity: {x: loud}\n", "as-of: 2026-13-45\n",
    "packs: [" + "'/'" + "]\n", "include: ['***/[']\n", "%YAML 9.9\n---\n", "&a [*a]\n",
]


def _hostile_yaml(rng: random.Random) -> bytes:
    text = "".join(rng.choice(YAML_PIECES) for _ in range(rng.randint(1, 5)))
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.2:
        data += bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    return data


def _hostile_json(rng: random.Random) -> bytes:
    choices: list[Callable[[], object]] = [
        lambda: {"version": 1, "entries": [rng.choice([1, "x", None, {"fingerprint": 1}, [], {}])]},
        lambda: {"schema_version": 1, "files": [rng.choice([1, "x", {"path": ["a"]}, {"findings": [1]},
                                                            {"path": "a", "findings": [{"rule": 5}]}])]},
        lambda: {"version": True, "entries": []},
        lambda: [],
    ]
    if rng.random() < 0.3:
        depth = rng.choice([1000, 100000])
        return ("[" * depth + "]" * depth).encode()
    if rng.random() < 0.1:
        return bytes(rng.randrange(256) for _ in range(64))
    return json.dumps(rng.choice(choices)()).encode()


def test_hostile_configs_give_one_line_errors(tmp_path: Path) -> None:
    from factcheck.config import ConfigError, load_config

    rng = random.Random(SEED)
    for i in range(40):
        f = tmp_path / f"c{i}.yaml"
        f.write_bytes(_hostile_yaml(rng))
        with time_bound():
            try:
                load_config(tmp_path, f)
            except ConfigError as exc:
                assert "\n" not in str(exc) and len(str(exc)) < 2000


def test_hostile_packs_give_file_line_problems(tmp_path: Path) -> None:
    import packtexts

    from factcheck.knowledge import check_packs

    rng = random.Random(SEED + 1)
    for i in range(12):
        root = packtexts.write_pack(tmp_path / f"p{i}", {"claims/zz.yaml": _hostile_yaml(rng).decode("utf-8", "replace")})
        with time_bound(15):
            _, problems = check_packs([root], date(2026, 11, 23))
        assert all(str(p.file).endswith(".yaml") or p.file for p in problems)


def test_hostile_baselines_and_compare_files(tmp_path: Path) -> None:
    from factcheck.audit.compare import CompareError, load_previous
    from factcheck.baseline import BaselineError, load_baseline

    rng = random.Random(SEED + 2)
    for i in range(30):
        f = tmp_path / f"b{i}.json"
        f.write_bytes(_hostile_json(rng))
        with time_bound():
            try:
                load_baseline(f)
            except BaselineError as exc:
                assert "\n" not in str(exc)
            try:
                load_previous(f)
            except CompareError as exc:
                assert "\n" not in str(exc)


def test_cli_config_errors_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Nothing here.\n", encoding="utf-8")
    rng = random.Random(SEED + 3)
    for i in range(6):
        f = tmp_path / f"cfg{i}.yaml"
        f.write_bytes(b"fail-on: warning\n" + _hostile_yaml(rng))
        with time_bound(30):
            res = CliRunner().invoke(main, ["lint", "--config", str(f), str(tmp_path / "a.md")])
        assert res.exit_code in (0, 2), res.output
        assert ("Traceback" not in res.output and res.exception is None) or isinstance(res.exception, SystemExit)


def test_cli_output_targets_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("Nothing here.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "fifo")
    os.symlink("/proc/self/fd/1", tmp_path / "out-link")
    (tmp_path / "dir").mkdir()
    for target in ("fifo", "out-link", "dir", "missing/r.json", "a.md"):
        with time_bound(30):
            res = CliRunner().invoke(main, ["lint", "--output", target, "a.md"])
        assert res.exit_code == 2 and "Traceback" not in res.output, (target, res.output)
