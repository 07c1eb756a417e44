"""The fetcher's guards (issue 14): private addresses, https->http, deadlines, malformed input,
big sitemaps. Real servers on 127.0.0.1 only; private targets are refused before any packet."""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Response

from factcheck.fetch import DowngradeRefused, FetchError, fetch_page, make_session
from factcheck.netguard import HostPolicy
from factcheck.url_lists import urls_from_file, urls_from_sitemap

FAST = {"read_timeout": 2, "connect_timeout": 1, "backoff": 0.01, "retries": 1}
LOCAL = {**FAST, "allow_hosts": ("127.0.0.1",)}
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    yield srv
    srv.clear()
    srv.stop()


def test_loopback_is_refused_unless_allowed(server: HTTPServer) -> None:
    server.expect_request("/p").respond_with_data("<p>hello</p>", content_type="text/html")
    page = fetch_page(server.url_for("/p"), **FAST)
    assert page.text is None and "refused 127.0.0.1" in (page.error or "")
    assert "--allow-host" in (page.error or "")
    assert fetch_page(server.url_for("/p"), **LOCAL).ok


@pytest.mark.parametrize("target", [
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.5:8080/admin",
    "http://[::ffff:10.0.0.5]/",
    "http://[fe80::1]/",
    "http://100.64.0.1/",
])
def test_redirect_to_private_address_is_refused(server: HTTPServer, target: str) -> None:
    server.expect_request("/go").respond_with_response(Response("", status=302, headers={"Location": target}))
    page = fetch_page(server.url_for("/go"), **LOCAL)
    assert page.text is None and page.error and page.error.startswith("refused"), page.error


def test_redirect_by_name_to_loopback_is_refused(server: HTTPServer) -> None:
    # Only the name "localhost" is allowed: a redirect to the address 127.0.0.1 is not.
    port = server.port
    server.expect_request("/hop").respond_with_response(
        Response("", status=301, headers={"Location": f"http://127.0.0.1:{port}/inside"}))
    page = fetch_page(f"http://localhost:{port}/hop", **{**FAST, "allow_hosts": ("localhost",)})
    assert page.error and "refused 127.0.0.1" in page.error


def test_allow_network_entry() -> None:
    HostPolicy(("10.0.0.0/8",)).check("intranet", "10.1.2.3")
    with pytest.raises(Exception, match="refused"):
        HostPolicy(("10.0.0.0/8",)).check("db", "192.168.1.1")
    HostPolicy().check("example.org", "93.184.215.14")


def test_https_to_http_redirect_is_refused() -> None:
    resp = requests.Response()
    resp.status_code = 301
    resp.url = "https://example.org/a"
    resp.raw = io.BytesIO(b"")
    resp.headers["Location"] = "http://example.org/b"
    with pytest.raises(DowngradeRefused):
        make_session().get_redirect_target(resp)
    resp.headers["Location"] = "/relative"
    assert make_session().get_redirect_target(resp) == "/relative"


def _trickler(head: list[bytes], body_bytes: int, every: float) -> tuple[int, threading.Event]:
    """A raw server sending `head` lines and then a body of `body_bytes`, one piece per `every` s."""
    stop = threading.Event()
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(4)
    srv.settimeout(0.2)

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            with conn:
                try:
                    conn.recv(4096)
                    for line in head:
                        conn.sendall(line)
                        time.sleep(every if not line.endswith(b"\r\n\r\n") else 0)
                    for _ in range(body_bytes):
                        if stop.is_set():
                            break
                        conn.sendall(b"a")
                        time.sleep(every)
                except OSError:
                    pass
        srv.close()

    threading.Thread(target=serve, daemon=True).start()
    return srv.getsockname()[1], stop


@pytest.mark.parametrize("kind", ["body", "headers"])
def test_trickling_server_stops_at_the_deadline(kind: str) -> None:
    if kind == "body":
        head = [b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n"]
        n = 1000
    else:
        head = [b"HTTP/1.1 200 OK\r\n"] + [b"X-Slow: 1\r\n"] * 1000
        n = 0
    port, stop = _trickler(head, n, 0.2)
    t0 = time.monotonic()
    try:
        page = fetch_page(f"http://127.0.0.1:{port}/", total_timeout=1.5, **LOCAL)
    finally:
        stop.set()
    took = time.monotonic() - t0
    assert page.text is None and "took more than 1.5s" in (page.error or ""), page.error
    assert took < 4


@pytest.mark.parametrize("url", ["http://[::1", "http://example.org:99999/", "http://[zz]/"])
def test_malformed_url_is_a_page_error(url: str) -> None:
    page = fetch_page(url, **FAST)
    assert page.text is None and page.error


def test_url_file_not_utf8_is_a_clean_error(tmp_path: Path) -> None:
    f = tmp_path / "urls.txt"
    f.write_bytes(b"https://example.org/\n\xff\xfe junk\n")
    with pytest.raises(FetchError, match="not valid UTF-8"):
        urls_from_file(f)


def test_sitemap_with_malformed_loc_skips_it(tmp_path: Path) -> None:
    f = tmp_path / "s.xml"
    f.write_text(f"<urlset {NS}><url><loc>http://[::1</loc></url><url><loc>https://example.org/a</loc></url></urlset>")
    problems: list[str] = []
    assert urls_from_sitemap(str(f), errors=problems) == ["https://example.org/a"]
    assert any("[::1" in p for p in problems)


def test_sitemap_over_the_cap_is_read_up_to_the_cap(server: HTTPServer, tmp_path: Path) -> None:
    entries = "".join(f"<url><loc>https://example.org/p{i}</loc></url>" for i in range(3000))
    xml = f'<?xml version="1.0"?><urlset {NS}>{entries}</urlset>'
    server.expect_request("/big.xml").respond_with_data(xml, content_type="application/xml")
    problems: list[str] = []
    urls = urls_from_sitemap(server.url_for("/big.xml"), errors=problems, max_bytes=50_000, **LOCAL)
    assert 500 < len(urls) < 3000 and urls[0] == "https://example.org/p0"
    assert any("read up to the cap" in p for p in problems)
    f = tmp_path / "big.xml"
    f.write_text(xml)
    assert len(urls_from_sitemap(str(f), max_bytes=50_000)) == len(urls)


def test_image_locs_inside_entries_are_not_pages(tmp_path: Path) -> None:
    f = tmp_path / "s.xml"
    f.write_text(f'<urlset {NS} xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">'
                 "<url><loc>https://example.org/a</loc><image:image><image:loc>https://example.org/i.png"
                 "</image:loc></image:image></url></urlset>")
    assert urls_from_sitemap(str(f)) == ["https://example.org/a"]


def test_sitemap_fifo_is_refused(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "s.xml"
    os.mkfifo(fifo)
    with pytest.raises(FetchError, match="not a regular file"):
        urls_from_sitemap(str(fifo))


def test_link_check_of_slow_headers_stops_at_its_deadline() -> None:
    from factcheck.knowledge.links import check_links

    port, stop = _trickler([b"HTTP/1.1 200 OK\r\n"] + [b"X-Slow: 1\r\n"] * 1000, 0, 0.2)
    t0 = time.monotonic()
    try:
        (result,) = check_links([f"http://127.0.0.1:{port}/"], timeout=0.5, retries=2, jobs=1)
    finally:
        stop.set()
    assert result.error == "timeout" and time.monotonic() - t0 < 5


def test_proxied_request_is_checked_on_its_own_host(server: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    # Through a proxy the socket guard sees the proxy's address, so the target is resolved and
    # checked before the request is sent (the proxy here is never contacted).
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    page = fetch_page("http://10.0.0.7/x", **{**FAST, "allow_hosts": ("127.0.0.1",)})
    assert page.error and page.error.startswith("refused 10.0.0.7"), page.error


def test_a_name_is_judged_by_the_address_it_resolved_to(server: HTTPServer) -> None:
    # "localhost" is not an IP literal: refused after resolution, on the address connected to.
    server.expect_request("/n").respond_with_data("<p>x</p>", content_type="text/html")
    page = fetch_page(f"http://localhost:{server.port}/n", **FAST)
    assert page.error and page.error.startswith("refused localhost ("), page.error  # 127.0.0.1 or ::1
    assert fetch_page(f"http://localhost:{server.port}/n", **{**FAST, "allow_hosts": ("localhost",)}).ok
