"""Fixtures for the audit tests: a fake linter, and a small real website on 127.0.0.1 (sitemap
index, redirect, 404, a 500 that recovers, a slow page, a PDF, pages with and without dates, a
page carrying XSS payloads)."""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator

import pytest
from audit_fakes import DATED_HEAD, JSONLD_HEAD, SLOW_SECONDS, XSS_TEXT, FakeLinter, Site, html_page
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Request, Response


@pytest.fixture
def fake_linter() -> FakeLinter:
    return FakeLinter()


@pytest.fixture
def site() -> Iterator[Site]:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    s = Site(server)
    s.bodies = {
        "/dated": html_page(
            "Dated story", "<p>We hear FDA approval is expected within months.</p>", DATED_HEAD
        ),
        "/jsonld": html_page(
            "JSON-LD page", "<p>Results cut symptoms by 90% in the study.</p>", JSONLD_HEAD
        ),
        "/undated": html_page("Undated", "<p>A clean page with nothing to flag.</p>"),
        "/new-path": html_page(
            "Moved page",
            "<p>Cited: Smith et al. 2020. Also FDA approval is expected within months.</p>",
            '<meta name="date" content="2021-06-30">',
        ),
        "/xss": html_page(
            "XSS page",
            XSS_TEXT,
            '<meta property="og:title" content="X&quot;&gt;&lt;img src=x '
            'onerror=&quot;window.__xss=5&quot;&gt;">',
        ),
        "/notes.txt": "Plain notes.\n\nThis may help everyone.\n",
    }

    def page(request: Request) -> Response:
        s.hit(request)
        body = s.bodies[request.path]
        ctype = "text/plain; charset=utf-8" if request.path.endswith(".txt") else "text/html"
        return Response(body, content_type=ctype)

    def flaky(request: Request) -> Response:
        n = s.hit(request)
        if n == 1:
            return Response("try again", status=500)
        body = html_page("Flaky but fine", "<p>Recovered on retry.</p>")
        return Response(body, content_type="text/html")

    def slow(request: Request) -> Response:
        s.hit(request)
        time.sleep(SLOW_SECONDS)
        return Response(html_page("Slow", "<p>Too late.</p>"), content_type="text/html")

    def simple(status: int, body: bytes | str, ctype: str, headers: dict | None = None):
        def handler(request: Request) -> Response:
            s.hit(request)
            return Response(body, status=status, content_type=ctype, headers=headers or {})

        return handler

    for path in s.bodies:
        server.expect_request(path).respond_with_handler(page)
    server.expect_request("/flaky").respond_with_handler(flaky)
    server.expect_request("/slow").respond_with_handler(slow)
    server.expect_request("/missing").respond_with_handler(simple(404, "not here", "text/html"))
    server.expect_request("/paper.pdf").respond_with_handler(
        simple(200, b"%PDF-1.4\n%fake\n", "application/pdf")
    )
    server.expect_request("/old-path").respond_with_handler(
        simple(301, "", "text/html", {"Location": s.url("/new-path")})
    )
    pages = ["/dated", "/jsonld", "/undated", "/old-path", "/missing", "/flaky", "/slow",
             "/paper.pdf", "/xss", "/notes.txt"]  # fmt: skip
    urlset = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{s.url(p)}</loc></url>" for p in pages)
        + "</urlset>"
    )
    index = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{s.url('/sitemap-pages.xml.gz')}</loc></sitemap>"
        "</sitemapindex>"
    )
    server.expect_request("/sitemap.xml").respond_with_handler(
        simple(200, index, "application/xml")
    )
    server.expect_request("/sitemap-pages.xml.gz").respond_with_handler(
        simple(200, gzip.compress(urlset.encode()), "application/x-gzip")
    )
    s.page_paths = pages  # type: ignore[attr-defined]
    yield s
    server.clear()
    if server.is_running():
        server.stop()
