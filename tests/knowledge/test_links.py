"""check_links against a real HTTP server on 127.0.0.1 (no other network)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from factcheck.knowledge.links import LinkResult, check_links


class Site:
    """A threaded local server (a slow handler must not hold up the others)."""

    def __init__(self, server: HTTPServer, release: threading.Event) -> None:
        self.server = server
        self.release = release
        self.hits: dict[str, list[str]] = {}

    def url(self, path: str) -> str:
        return self.server.url_for(path)


@pytest.fixture(scope="module")
def server_site() -> Iterator[Site]:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    release = threading.Event()
    s = Site(server, release)

    def record(path: str, request: Request) -> None:
        s.hits.setdefault(path, []).append(request.method)

    def ok(request: Request) -> Response:
        record("/ok", request)
        return Response("fine", status=200)

    def flaky(request: Request) -> Response:
        record("/flaky", request)
        # The first answer is a server error, every later one succeeds.
        return Response("oops", status=500) if len(s.hits["/flaky"]) == 1 else Response("fine", status=200)

    def slow(request: Request) -> Response:
        record("/slow", request)
        release.wait(5)  # far past the client's timeout; released at teardown so the server can stop
        return Response("late", status=200)

    def no_head(request: Request) -> Response:
        record("/no-head", request)
        return Response("", status=405) if request.method == "HEAD" else Response("fine", status=200)

    def gone(request: Request) -> Response:
        record("/gone", request)
        return Response("not here", status=404)

    def always_500(request: Request) -> Response:
        record("/broken", request)
        return Response("down", status=500)

    server.expect_request("/ok").respond_with_handler(ok)
    server.expect_request("/moved").respond_with_response(
        Response("", status=301, headers={"Location": server.url_for("/ok")}))
    server.expect_request("/gone").respond_with_handler(gone)
    server.expect_request("/flaky").respond_with_handler(flaky)
    server.expect_request("/slow").respond_with_handler(slow)
    server.expect_request("/no-head").respond_with_handler(no_head)
    server.expect_request("/broken").respond_with_handler(always_500)
    server.expect_request("/forbidden").respond_with_data("no bots", status=403)
    yield s
    release.set()
    server.clear()
    server.stop()


@pytest.fixture
def site(server_site: Site) -> Site:
    server_site.hits.clear()  # one server for the module (stopping one takes a while); fresh counts per test
    return server_site


def one(site: Site, path: str, **kw: float) -> LinkResult:
    opts = {"timeout": 2.0, "retries": 2, "jobs": 2, "backoff": 0.01, **kw}
    return check_links([site.url(path)], **opts)[0]  # type: ignore[arg-type]


def test_ok(site: Site) -> None:
    r = one(site, "/ok")
    assert (r.outcome, r.status, r.method) == ("ok", 200, "HEAD")
    assert r.describe() == "ok 200"
    assert not r.is_problem


def test_redirect_is_followed_and_reported(site: Site) -> None:
    r = one(site, "/moved")
    assert r.outcome == "redirect" and r.status == 200
    assert r.final_url == site.url("/ok")
    assert r.redirects[0][0] == 301
    assert r.describe() == f"redirect 301 -> {site.url('/ok')} (200)"
    assert not r.is_problem


def test_dead(site: Site) -> None:
    r = one(site, "/gone")
    assert r.outcome == "dead" and r.describe() == "dead 404" and r.is_problem
    assert site.hits["/gone"] == ["HEAD", "GET"]  # a 404 to HEAD is confirmed with GET


def test_retry_after_server_error(site: Site) -> None:
    r = one(site, "/flaky")
    assert (r.outcome, r.status) == ("ok", 200)
    assert r.attempts == 2
    assert len(site.hits["/flaky"]) == 2


def test_server_error_after_retries_is_a_problem(site: Site) -> None:
    r = one(site, "/broken", retries=2)
    assert r.status == 500 and r.is_problem
    assert len(site.hits["/broken"]) == 3  # the first try and two retries


def test_timeout(site: Site) -> None:
    r = one(site, "/slow", timeout=0.2)
    assert r.outcome == "error" and r.describe() == "error: timeout" and r.is_problem
    assert len(site.hits["/slow"]) == 1  # a timeout is not retried


def test_head_refused_falls_back_to_get(site: Site) -> None:
    r = one(site, "/no-head")
    assert (r.outcome, r.status, r.method) == ("ok", 200, "GET")
    assert site.hits["/no-head"] == ["HEAD", "GET"]


def test_forbidden_is_blocked_not_dead(site: Site) -> None:
    r = one(site, "/forbidden")
    assert r.outcome == "blocked" and not r.is_problem
    assert r.method == "GET"


def test_connection_refused() -> None:
    # Port 9 on 127.0.0.1 (discard) has no listener in a test environment.
    r = check_links(["http://127.0.0.1:9/x"], timeout=1.0, retries=0, jobs=1)[0]
    assert r.outcome == "error" and r.is_problem
    assert r.error in ("connection refused", "connection failed")


def test_many_links_keep_input_order_and_dedupe(site: Site) -> None:
    paths = ["/ok", "/gone", "/moved", "/ok", "/no-head", "/gone"]
    results = check_links([site.url(p) for p in paths], timeout=2.0, retries=1, jobs=3, backoff=0.01)
    assert [r.url for r in results] == [site.url(p) for p in paths]
    assert [r.outcome for r in results] == ["ok", "dead", "redirect", "ok", "ok", "dead"]
    assert site.hits["/ok"].count("HEAD") == 2  # once for /ok (checked once), once via /moved
