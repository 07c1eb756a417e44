"""`factcheck serve` over real HTTP on 127.0.0.1: checking, applying, downloads, and bad input
(empty, 20 MB, binary, unreachable URL, other origins), each a clear message and never a crash."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
import requests

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ARTICLE = (EXAMPLES / "mdma-therapy-explainer.md").read_text(encoding="utf-8")


def post(server, path: str, data=None, files=None, headers=None) -> requests.Response:  # type: ignore[no-untyped-def]
    return requests.post(server.url + path, data=data, files=files, headers=headers, timeout=60)


def message(resp: requests.Response) -> str:
    m = re.search(r'data-testid="error">(.*?)</div>', resp.text, re.S)
    assert m, resp.text[:500]
    return unescape(m.group(1))


def test_page_headers(server) -> None:  # type: ignore[no-untyped-def]
    r = requests.get(server.url + "/", timeout=10)
    assert r.status_code == 200 and "<form" in r.text
    csp = r.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "form-action 'self'" in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    for asset in ("/assets/report.css", "/static/serve.css", "/static/serve.js"):
        assert requests.get(server.url + asset, timeout=10).status_code == 200


def test_check_apply_and_downloads(server) -> None:  # type: ignore[no-untyped-def]
    r = post(server, "/check", {"text": ARTICLE, "name": "explainer.md", "as_of": "2026-11-01"})
    assert r.status_code == 200
    assert "is now on the verge of FDA approval</mark>" in r.text
    assert 'data-rule="mdma/approval-imminent"' in r.text and 'data-verdict="retracted"' in r.text
    key = re.search(r'name="apply" value="(mdma/approval-imminent@\d+:\d+)"', r.text).group(1)
    fields = {"text": ARTICLE.replace("\n", "\r\n"), "name": "explainer.md", "format": "markdown",
              "published": "", "as_of": "2026-11-01"}  # browsers send CRLF in textareas
    r2 = post(server, "/apply", {**fields, "apply": key})
    assert r2.status_code == 200 and 'data-testid="notice"' in r2.text
    assert "is now on the verge of FDA approval" not in re.search(r"<textarea[^>]*>(.*?)</textarea>", r2.text, re.S).group(1)
    assert 'data-rule="mdma/approval-imminent"' not in r2.text
    # A stale key (text changed) is a message, not an error.
    r3 = post(server, "/apply", {**fields, "apply": "mdma/approval-imminent@1:2"})
    assert r3.status_code == 200 and "no longer matches" in r3.text

    js = post(server, "/download/json", fields)
    assert js.status_code == 200 and "attachment" in js.headers["Content-Disposition"]
    data = json.loads(js.text)
    f = data["files"][0]["findings"][0] if "files" in data else data["findings"][0]
    assert ARTICLE[f["start"] : f["end"]] == f["text"]
    md = post(server, "/download/markdown", fields)
    assert md.status_code == 200 and "mdma/approval-imminent" in md.text and "**Fact:**" in md.text
    draft = post(server, "/download/draft", fields)
    assert draft.text == ARTICLE and 'filename="explainer.md"' in draft.headers["Content-Disposition"]


def test_dates_from_the_form(server) -> None:  # type: ignore[no-untyped-def]
    undated = "MDMA therapy is now on the verge of FDA approval, and clinics are ready.\n"
    r = post(server, "/check", {"text": undated, "published": "2023-05-04", "as_of": "2026-11-01"})
    assert r.status_code == 200 and "2023-05-04" in r.text
    assert re.search(r'data-testid="as-of">2026-11-01<', r.text)
    assert "correct when published on 2023-05-04" in unescape(r.text)


def test_upload_and_html(server) -> None:  # type: ignore[no-untyped-def]
    page = (EXAMPLES / "regulatory-update.html").read_bytes()
    r = post(server, "/check", {"as_of": "2026-11-01"}, files={"file": ("update.html", page, "text/html")})
    assert r.status_code == 200 and "<mark" in r.text and "update.html (html)" in r.text


def test_empty_body(server) -> None:  # type: ignore[no-untyped-def]
    r = post(server, "/check", {"text": "   "})
    assert r.status_code == 400 and "Nothing to check" in message(r)
    r = requests.post(server.url + "/check", timeout=10)
    assert r.status_code == 400 and "Nothing to check" in message(r)


def test_twenty_megabyte_paste(server) -> None:  # type: ignore[no-untyped-def]
    r = post(server, "/check", {"text": "MDMA " * (4 * 1024 * 1024)})
    assert r.status_code == 413 and "too large" in message(r)


def test_binary_upload(server) -> None:  # type: ignore[no-untyped-def]
    blob = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    r = post(server, "/check", files={"file": ("picture.md", blob, "application/octet-stream")})
    assert r.status_code == 400 and "binary" in message(r)


def test_unreachable_and_unsupported_urls(server, closed_port: int) -> None:  # type: ignore[no-untyped-def]
    r = post(server, "/check", {"url": f"http://127.0.0.1:{closed_port}/article"})
    assert r.status_code == 400 and "Could not fetch" in message(r)
    r = post(server, "/check", {"url": "file:///etc/passwd"})
    assert r.status_code == 400 and "Only http:// and https://" in message(r)


def test_fetched_url(server, httpserver) -> None:  # type: ignore[no-untyped-def]
    httpserver.expect_request("/a").respond_with_data(
        "<p>MDMA therapy is now on the verge of FDA approval, and clinics are ready.</p>", content_type="text/html")
    r = post(server, "/check", {"url": httpserver.url_for("/a")})
    assert r.status_code == 200 and 'data-rule="mdma/approval-imminent"' in r.text


def test_no_fetch(server_no_fetch) -> None:  # type: ignore[no-untyped-def]
    assert 'name="url"' not in requests.get(server_no_fetch.url + "/", timeout=10).text
    r = post(server_no_fetch, "/check", {"url": "http://127.0.0.1:9/x"})
    assert r.status_code == 400 and "--no-fetch" in message(r)


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Referer": "http://evil.example/page"},
    {"Sec-Fetch-Site": "cross-site"},
])
def test_cross_origin_posts_are_refused(server, headers) -> None:  # type: ignore[no-untyped-def]
    r = post(server, "/check", {"text": ARTICLE}, headers=headers)
    assert r.status_code == 403 and "another web site" in message(r)


def test_same_origin_post_passes(server) -> None:  # type: ignore[no-untyped-def]
    r = post(server, "/check", {"text": ARTICLE}, headers={"Origin": server.url, "Sec-Fetch-Site": "same-origin"})
    assert r.status_code == 200


def test_foreign_host_header_is_refused(server) -> None:  # type: ignore[no-untyped-def]
    r = requests.get(server.url + "/", headers={"Host": "evil.example"}, timeout=10)
    assert r.status_code == 421


def test_bad_dates_and_unknown_paths(server) -> None:  # type: ignore[no-untyped-def]
    r = post(server, "/check", {"text": ARTICLE, "published": "yesterday"})
    assert r.status_code == 400 and "not a date" in message(r)
    assert requests.get(server.url + "/nope", timeout=10).status_code == 404
    assert requests.get(server.url + "/check", timeout=10).status_code == 405
    # Still serving after all of the above.
    assert requests.get(server.url + "/", timeout=10).status_code == 200
