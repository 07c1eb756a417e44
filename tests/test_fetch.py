"""factcheck.fetch against a real HTTP server on 127.0.0.1 (pytest-httpserver, threaded)."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Request, Response

from factcheck.fetch import USER_AGENT, FetchError, decode_body, fetch_many, fetch_page, make_session, parse_retry_after
from factcheck.url_lists import UnsafeXMLError, parse_xml_safely, urls_from_file, urls_from_sitemap

FAST = {"read_timeout": 0.4, "connect_timeout": 0.4, "backoff": 0.01, "retries": 2, "allow_hosts": ("127.0.0.1",)}


@pytest.fixture(scope="module")
def _server() -> Iterator[HTTPServer]:
    # One server per module: stopping one waits for its 0.5 s poll interval.
    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def server(_server: HTTPServer) -> Iterator[HTTPServer]:
    yield _server
    _server.clear()


def _counter(responses: list[Response]):
    """A handler answering with each response in turn (the last one repeats); counts calls."""
    calls: list[Request] = []

    def handler(request: Request) -> Response:
        calls.append(request)
        return responses[min(len(calls), len(responses)) - 1]

    handler.calls = calls  # type: ignore[attr-defined]
    return handler


def test_ok_page_with_user_agent(server: HTTPServer) -> None:
    h = _counter([Response("<html><title>t</title><p>Hi ü</p></html>", content_type="text/html; charset=utf-8")])
    server.expect_request("/a").respond_with_handler(h)
    page = fetch_page(server.url_for("/a"), **FAST)
    assert page.ok and page.status == 200 and page.error is None
    assert page.content_type == "text/html" and page.format == "html"
    assert "Hi ü" in page.text
    assert page.final_url == server.url_for("/a") and page.redirects == []
    assert page.attempts == 1
    assert h.calls[0].headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("factcheck/") and "(+https://" in USER_AGENT


def test_redirects_recorded(server: HTTPServer) -> None:
    server.expect_request("/old").respond_with_response(
        Response("", status=301, headers={"Location": server.url_for("/mid")})
    )
    server.expect_request("/mid").respond_with_response(
        Response("", status=302, headers={"Location": "/new"})
    )
    server.expect_request("/new").respond_with_data("<p>here</p>", content_type="text/html")
    page = fetch_page(server.url_for("/old"), **FAST)
    assert page.ok
    assert page.redirects == [server.url_for("/old"), server.url_for("/mid")]
    assert page.final_url == server.url_for("/new")


def test_redirect_loop_is_an_error(server: HTTPServer) -> None:
    server.expect_request("/loop").respond_with_response(
        Response("", status=302, headers={"Location": "/loop"})
    )
    page = fetch_page(server.url_for("/loop"), max_redirects=3, **FAST)
    assert not page.ok and "more than 3 redirects" in page.error


def test_404_is_not_retried(server: HTTPServer) -> None:
    h = _counter([Response("no", status=404)])
    server.expect_request("/missing").respond_with_handler(h)
    page = fetch_page(server.url_for("/missing"), **FAST)
    assert not page.ok and not page.skipped
    assert page.status == 404 and page.error.startswith("HTTP 404")
    assert len(h.calls) == 1 and page.attempts == 1


def test_500_recovers_on_retry(server: HTTPServer) -> None:
    h = _counter([Response("oops", status=500), Response("oops", status=503), Response("<p>ok</p>", content_type="text/html")])
    server.expect_request("/flaky").respond_with_handler(h)
    page = fetch_page(server.url_for("/flaky"), **FAST)
    assert page.ok and page.status == 200 and page.attempts == 3
    assert len(h.calls) == 3


def test_500_that_never_recovers_gives_up(server: HTTPServer) -> None:
    h = _counter([Response("down", status=502)])
    server.expect_request("/down").respond_with_handler(h)
    page = fetch_page(server.url_for("/down"), **FAST)
    assert not page.ok and page.error.startswith("HTTP 502") and page.status == 502
    assert len(h.calls) == 3  # first try + 2 retries


def test_429_honours_small_retry_after(server: HTTPServer) -> None:
    h = _counter([Response("slow down", status=429, headers={"Retry-After": "0"}), Response("<p>ok</p>", content_type="text/html")])
    server.expect_request("/limited").respond_with_handler(h)
    page = fetch_page(server.url_for("/limited"), **FAST)
    assert page.ok and len(h.calls) == 2


def test_retry_after_beyond_cap_gives_up_at_once(server: HTTPServer) -> None:
    h = _counter([Response("later", status=503, headers={"Retry-After": "3600"})])
    server.expect_request("/later").respond_with_handler(h)
    page = fetch_page(server.url_for("/later"), max_retry_after=5, **FAST)
    assert not page.ok and len(h.calls) == 1
    assert "retry after 3600s" in page.error


def test_slow_page_times_out_without_retry(server: HTTPServer) -> None:
    done = threading.Event()

    def slow(request: Request) -> Response:
        done.wait(2.0)  # released at the end of the test so the server can stop
        return Response("<p>late</p>", content_type="text/html")

    server.expect_request("/slow").respond_with_handler(slow)
    try:
        page = fetch_page(server.url_for("/slow"), **FAST)
    finally:
        done.set()
    assert not page.ok and page.status is None
    assert "read timeout" in page.error and page.attempts == 1


def test_pdf_is_skipped_with_reason(server: HTTPServer) -> None:
    server.expect_request("/paper.pdf").respond_with_data(b"%PDF-1.4 ...", content_type="application/pdf")
    page = fetch_page(server.url_for("/paper.pdf"), **FAST)
    assert page.skipped and not page.ok and page.text is None
    assert page.status == 200 and page.error == "content type application/pdf is not HTML or text"


def test_size_cap_declared_and_streamed(server: HTTPServer) -> None:
    big = "<p>" + "x" * 5000 + "</p>"
    server.expect_request("/big").respond_with_data(big, content_type="text/html")

    def chunked(request: Request) -> Response:
        # A generator body: no Content-Length, so the cap must stop the stream itself.
        return Response((("<p>" + "y" * 1000 + "</p>") for _ in range(20)), content_type="text/html")

    server.expect_request("/stream").respond_with_handler(chunked)
    page = fetch_page(server.url_for("/big"), max_bytes=1000, **FAST)
    assert page.skipped and "5,007 bytes, over the 1,000-byte cap" in page.error
    page = fetch_page(server.url_for("/stream"), max_bytes=2000, **FAST)
    assert page.skipped and "over the 2,000-byte cap" in page.error and page.text is None


def test_text_types_and_sniffing(server: HTTPServer) -> None:
    server.expect_request("/notes").respond_with_data("Plain words.", content_type="text/plain")
    server.expect_request("/md").respond_with_data("# Title", content_type="text/markdown")
    server.expect_request("/untyped").respond_with_response(Response(b"<!doctype html><p>x</p>", headers={"Content-Type": ""}))
    assert fetch_page(server.url_for("/notes"), **FAST).format == "text"
    assert fetch_page(server.url_for("/md"), **FAST).format == "markdown"
    untyped = fetch_page(server.url_for("/untyped"), **FAST)
    assert untyped.ok and untyped.content_type == "text/html"


def test_charset_from_header_and_meta() -> None:
    assert decode_body("café".encode("latin-1"), "text/html; charset=ISO-8859-1")[0] == "café"
    meta = '<meta charset="windows-1252"><p>caf\xe9 \x93q\x94</p>'.encode("latin-1")
    assert "café “q”" in decode_body(meta)[0]
    assert decode_body("naïve".encode())[0] == "naïve"
    assert decode_body(b"\xef\xbb\xbfbom")[0] == "bom"
    # Undeclared and not UTF-8: decoded anyway rather than failing the page.
    assert decode_body(b"caf\xe9")[0] == "café"


def test_connection_refused_is_recorded() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    page = fetch_page(f"http://127.0.0.1:{port}/", **FAST)
    assert not page.ok and page.status is None
    assert page.error.startswith("connection failed") and page.attempts == 3


def test_bad_urls_never_raise() -> None:
    for url in ("not a url", "ftp://example.org/x", "file:///etc/passwd", "http://"):
        page = fetch_page(url)
        assert page.error == "not an http(s) URL" and page.attempts == 0


def test_unknown_limit_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="unknown fetch limit"):
        fetch_page("http://127.0.0.1/", read_timout=1)


def test_fetch_many_bounds_concurrency_per_host(server: HTTPServer) -> None:
    lock = threading.Lock()
    state = {"now": 0, "max": 0}

    def tracked(request: Request) -> Response:
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        time.sleep(0.05)  # overlap requests so that a missing bound would show
        with lock:
            state["now"] -= 1
        return Response(f"<p>{request.path}</p>", content_type="text/html")

    for i in range(8):
        server.expect_request(f"/p{i}").respond_with_handler(tracked)
    urls = [server.url_for(f"/p{i}") for i in range(8)] + ["nope"]
    pages = list(fetch_many(urls, jobs=6, per_host=2, **FAST))
    assert sorted(p.url for p in pages) == sorted(urls)
    assert all(p.ok for p in pages if p.url != "nope")
    assert 1 <= state["max"] <= 2


def test_fetch_many_shares_a_given_session(server: HTTPServer) -> None:
    server.expect_request("/s").respond_with_data("<p>x</p>", content_type="text/html")
    session = make_session(2)
    pages = list(fetch_many([server.url_for("/s")], session=session, **FAST))
    assert pages[0].ok
    session.close()


def test_parse_retry_after() -> None:
    now = datetime(2026, 11, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Sun, 01 Nov 2026 12:00:30 GMT", now=now) == 30
    assert parse_retry_after("Sun, 01 Nov 2026 11:00:00 GMT", now=now) == 0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def test_sitemap_index_gzip_and_problems(server: HTTPServer) -> None:
    child1 = f"<urlset {SITEMAP_NS}><url><loc> {server.url_for('/a')} </loc></url><url><loc>{server.url_for('/b')}</loc></url><url><loc>javascript:alert(1)</loc></url></urlset>"
    child2 = f"<urlset {SITEMAP_NS}><url><loc>{server.url_for('/b')}</loc></url><url><loc>{server.url_for('/c')}</loc></url></urlset>"
    index = (
        f'<?xml version="1.0"?><sitemapindex {SITEMAP_NS}>'
        f"<sitemap><loc>{server.url_for('/s1.xml')}</loc></sitemap>"
        f"<sitemap><loc>{server.url_for('/s2.xml.gz')}</loc></sitemap>"
        f"<sitemap><loc>{server.url_for('/gone.xml')}</loc></sitemap>"
        "</sitemapindex>"
    )
    server.expect_request("/sitemap.xml").respond_with_data(index, content_type="application/xml")
    server.expect_request("/s1.xml").respond_with_data(child1, content_type="text/xml")
    server.expect_request("/s2.xml.gz").respond_with_data(gzip.compress(child2.encode()), content_type="application/x-gzip")
    server.expect_request("/gone.xml").respond_with_data("no", status=404)
    problems: list[str] = []
    urls = urls_from_sitemap(server.url_for("/sitemap.xml"), errors=problems, **FAST)
    assert urls == [server.url_for(p) for p in ("/a", "/b", "/c")]
    assert any("javascript:alert(1)" in p for p in problems)
    assert any("gone.xml" in p and "404" in p for p in problems)


def test_sitemap_top_level_failure_raises(server: HTTPServer) -> None:
    server.expect_request("/sitemap.xml").respond_with_data("nope", status=404)
    with pytest.raises(FetchError, match="404"):
        urls_from_sitemap(server.url_for("/sitemap.xml"), **FAST)


def test_sitemap_from_local_file(tmp_path: Path) -> None:
    f = tmp_path / "sitemap.xml"
    f.write_text(f"<urlset {SITEMAP_NS}><url><loc>https://example.org/x</loc></url></urlset>")
    assert urls_from_sitemap(str(f)) == ["https://example.org/x"]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<urlset><url><loc>&lol2;</loc></url></urlset>"""
XXE = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><urlset><url><loc>&e;</loc></url></urlset>"""


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, XXE, BILLION_LAUGHS.decode().encode("utf-16")])
def test_xml_with_dtd_or_entities_is_refused(payload: bytes) -> None:
    with pytest.raises(UnsafeXMLError):
        parse_xml_safely(payload)


def test_dtd_sitemap_is_refused_over_http(server: HTTPServer) -> None:
    server.expect_request("/evil.xml").respond_with_data(BILLION_LAUGHS, content_type="application/xml")
    with pytest.raises(FetchError, match="DTD"):
        urls_from_sitemap(server.url_for("/evil.xml"), **FAST)


def test_gzip_bomb_stops_at_cap(tmp_path: Path) -> None:
    # Decompression stops at the cap; what was read is used (a legal big sitemap is not refused).
    f = tmp_path / "bomb.xml.gz"
    f.write_bytes(gzip.compress(b"<urlset>" + b" " * 2_000_000 + b"</urlset>"))
    problems: list[str] = []
    assert urls_from_sitemap(str(f), max_bytes=100_000, errors=problems) == []
    assert any("read up to the cap" in p for p in problems)


def test_urls_from_file(tmp_path: Path) -> None:
    f = tmp_path / "pages.txt"
    f.write_text(
        "\ufeff# monthly audit\nhttps://example.org/a\n\n  https://example.org/b   # moved?\n"
        "https://example.org/a\nhttps://example.org/c#section\nnot-a-url\n",
        encoding="utf-8",
    )
    assert urls_from_file(f) == [
        "https://example.org/a",
        "https://example.org/b",
        "https://example.org/c#section",
        "not-a-url",
    ]
