"""The audit outputs without a browser: escaping, ranking, the text view, stable output, the
progress bar; plus the HTML metadata extractor."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from audit_fakes import XSS_TEXT, FakeLinter, fake_run, html_page

from factcheck.audit import collect_files, run_audit, write_outputs
from factcheck.audit.model import priority_of
from factcheck.audit.progress import Progress
from factcheck.audit.render import _script_json, html_text, markdown_text
from factcheck.audit.view import build_view
from factcheck.documents.html_meta import extract_html_meta, parse_date
from factcheck.models import Finding

EVIL_TITLE = '"><img src=x onerror="window.__xss=5"><script>window.__xss=6</script>'


def _site(tmp_path: Path) -> Path:
    d = tmp_path / "site"
    d.mkdir()
    (d / "xss.html").write_text(
        html_page("x", XSS_TEXT, f'<meta property="og:title" content="{EVIL_TITLE.replace(chr(34), "&quot;").replace("<", "&lt;").replace(">", "&gt;")}">'),
        encoding="utf-8",
    )
    (d / "evil.md").write_text(
        "# </script><script>window.__xss=7</script>\n\n"
        "Text with <script>window.__xss=8</script> and [a](javascript:alert(1)) | pipes.\n\n"
        "FDA approval is expected within months.\n",
        encoding="utf-8",
    )
    (d / "clean.txt").write_text("Nothing here.\n", encoding="utf-8")
    return d


def _result(tmp_path: Path):
    return run_audit(collect_files([str(_site(tmp_path))]), FakeLinter(), fake_run())


def test_html_report_escapes_everything_from_pages(tmp_path: Path) -> None:
    html = html_text(_result(tmp_path))
    # Parse the report as a browser's tokenizer would: page content must not create elements.
    tags: list[tuple[str, dict]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
            tags.append((tag, dict(attrs)))

    Collect().feed(html)
    assert [t for t, _ in tags if t == "script"] == ["script", "script"]  # data block + our code
    assert not [t for t, _ in tags if t in ("img", "iframe", "object", "embed", "base")]
    assert not [(t, a) for t, a in tags for k in a if k.startswith("on")]
    assert not [a for _, a in tags for v in a.values() if v and v.strip().lower().startswith("javascript:")]
    assert "&lt;script&gt;window.__xss=8&lt;/script&gt;" in html
    # The data block cannot close its element or open a comment.
    data = re.search(r'<script type="application/json" id="audit-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data and ">" not in data and "&" not in data
    pages = json.loads(data)["pages"]
    assert any(p["title"] == EVIL_TITLE for p in pages)
    # A CSP allows only our own script and style, by hash.
    csp = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp and "unsafe-inline" not in csp


def test_script_json_escapes_markup() -> None:
    out = _script_json({"t": "</script><!-- & \u2028"})
    assert out == '{"t":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}'
    assert json.loads(out) == {"t": "</script><!-- & \u2028"}


def test_markdown_report_escapes_page_text(tmp_path: Path) -> None:
    md = markdown_text(_result(tmp_path))
    assert re.search(r"(?<!\\)<(script|img)", md) is None  # only escaped: \<script\>
    assert "\\<script\\>" in md
    assert "](javascript:" not in md


def test_outputs_are_stable_run_to_run(tmp_path: Path) -> None:
    site = _site(tmp_path)
    outs = []
    for n in (1, 2):
        result = run_audit(list(reversed(collect_files([str(site)]))), FakeLinter(), fake_run())
        paths = write_outputs(result, tmp_path / f"out{n}")
        outs.append({k: p.read_bytes() for k, p in paths.items()})
    assert outs[0] == outs[1]
    data = json.loads(outs[0]["json"])
    assert [f["path"] for f in data["files"]] == sorted(f["path"] for f in data["files"])
    assert data["tool"] == {"name": "factcheck", "version": "0.1.0"}
    assert data["database"] == {"claims": 12, "sources": 7, "fingerprint": "db0123456789abcdef"}
    # Contract 1: each finding's text is exactly its source span.
    for f in data["files"]:
        src = Path(f["path"]).read_text(encoding="utf-8")
        for fj in f["findings"]:
            assert src[fj["start"] : fj["end"]] == fj["text"]


def test_linter_crash_on_one_page_is_recorded(tmp_path: Path) -> None:
    d = tmp_path / "s"
    d.mkdir()
    (d / "bad.md").write_text("RAISE-IN-LINTER\n", encoding="utf-8")
    (d / "good.md").write_text("FDA approval is expected within months.\n", encoding="utf-8")
    result = run_audit(collect_files([str(d)]), FakeLinter(), fake_run())
    by = {Path(p.path).name: p for p in result.pages}
    assert by["bad.md"].status == "failed" and by["bad.md"].reason == "linter error: RuntimeError: boom"
    assert by["good.md"].status == "fetched" and len(by["good.md"].findings) == 1


def _f(severity: str, verdict: str = "outdated", since: str | None = None) -> Finding:
    return Finding(rule="r", kind="other", verdict=verdict, severity=severity, start=0, end=1,
                   text="x", message="m", fact="f", since=since)  # fmt: skip


def test_priority_formula() -> None:
    as_of = date(2026, 11, 1)
    assert priority_of([], as_of) == 0
    assert priority_of([_f("error"), _f("warning"), _f("info")], as_of) == 14
    assert priority_of([_f("info", verdict="supported")], as_of) == 0
    # Outdated for 2 full years adds 2; the bonus is capped at 5.
    assert priority_of([_f("warning", since="2024-08-09")], as_of) == 5
    assert priority_of([_f("warning", since="2001-01-01")], as_of) == 8
    # A "since" in the future (relative to --as-of) adds nothing.
    assert priority_of([_f("warning", since="2030-01-01")], as_of) == 3


def test_view_cuts_html_at_findings_and_drops_markup() -> None:
    src = "<html><head><title>T</title><script>var a='<p>';</script></head><body><nav>menu</nav><p>Before <em>FDA approval</em> &amp; after.</p></body></html>"
    start = src.index("FDA")
    end = src.index("</em>") + len("</em> &amp;")
    f = Finding(rule="r", kind="other", verdict="outdated", severity="error", start=start, end=end,
                text=src[start:end], message="m", fact="f")  # fmt: skip
    view = build_view(src, "html", [f])
    text = ["".join(p.text for p in para) for para in view.paragraphs]
    assert text == ["Before FDA approval & after."]
    marked = "".join(p.text for para in view.paragraphs for p in para if p.marks)
    assert marked == "FDA approval &"
    assert view.hidden == []


def test_view_markdown_skips_front_matter_and_marks_headings() -> None:
    src = "---\ndate: 2024-01-01\n---\n# Title\n\nBody text here.\n"
    f = Finding(rule="r", kind="other", verdict="outdated", severity="info", start=src.index("text"),
                end=src.index("text") + 4, text="text", message="m", fact="f")  # fmt: skip
    view = build_view(src, "markdown", [f])
    assert ["".join(p.text for p in para) for para in view.paragraphs] == ["Title", "Body text here."]
    assert view.headings == {0}


def test_progress_bar_only_on_a_terminal() -> None:
    quiet = io.StringIO()
    p = Progress(3, stream=quiet)
    p.advance("a")
    p.close()
    assert quiet.getvalue() == ""  # StringIO is not a TTY
    loud = io.StringIO()
    p = Progress(4, stream=loud, enabled=True)
    for name in "abcd":
        p.advance(f"https://example.org/{name}")
    p.close()
    assert "[" in loud.getvalue() and "4/4 pages" in loud.getvalue()
    line = Progress(10, enabled=False)
    line.done = 5
    text = line.line("https://example.org/" + "x" * 200, width=60)
    assert len(text) == 59 and "5/10 pages" in text and "…" in text


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<meta property="article:published_time" content="2023-05-04T23:30:00-07:00">'
         '<meta property="article:modified_time" content="2024-01-15">',
         (None, date(2023, 5, 4), date(2024, 1, 15))),
        ('<script type="application/ld+json">{"@graph":[{"@type":"Organization","name":"O"},'
         '{"@type":["NewsArticle"],"headline":"H","datePublished":"2022-02-02","dateModified":"2022-03-03"}]}</script>',
         ("H", date(2022, 2, 2), date(2022, 3, 3))),
        ('<meta name="DC.date" content="2020-01-02"><meta name="parsely-pub-date" content="2019-09-09">',
         (None, date(2019, 9, 9), None)),
        ('<meta name="date" content="2021-06-30"><meta property="og:title" content="OG &amp; title">'
         "<title>T | Site</title>", ("OG & title", date(2021, 6, 30), None)),
        ('<article><time datetime="2023-02-03">Feb 3</time></article>'
         '<p class="updated">Updated <time datetime="2024-05-01">May 1</time></p><h1>Head</h1>',
         ("Head", date(2023, 2, 3), date(2024, 5, 1))),
        ('<script type="application/ld+json">{broken</script><title> Plain  title </title>',
         ("Plain title", None, None)),
        # An "update" before publication is a template bug and is dropped.
        ('<meta property="article:published_time" content="2024-01-01">'
         '<meta property="article:modified_time" content="2020-01-01">', (None, date(2024, 1, 1), None)),
        ("<p>No dates at all</p>", (None, None, None)),
    ],
)  # fmt: skip
def test_extract_html_meta(html: str, expected: tuple) -> None:
    meta = extract_html_meta(html)
    assert (meta.title, meta.published, meta.updated) == expected


def test_parse_date_formats() -> None:
    assert parse_date("2024-03-05T10:00:00Z") == date(2024, 3, 5)
    assert parse_date("2024/3/5") == date(2024, 3, 5)
    assert parse_date("20240305") == date(2024, 3, 5)
    assert parse_date("Tue, 05 Mar 2024 08:00:00 GMT") == date(2024, 3, 5)
    assert parse_date("March 5, 2024") == date(2024, 3, 5)
    assert parse_date("2024-02-30") is None and parse_date("soon") is None


def test_view_of_unclosed_start_tags_is_linear() -> None:
    import time

    t = time.perf_counter()
    view = build_view("<p>Kept text.</p>" + "<a " * 20_000, "html", [])
    assert time.perf_counter() - t < 3  # was 34 s: every "<" scanned to the end
    assert view.paragraphs[0][0].text == "Kept text."


def test_markdown_view_hides_html_comments() -> None:
    src = "Intro <!-- a note to editors --> text.\n\n<!-- whole\nparagraph -->\n\nLast <!-- unclosed"
    shown = " | ".join("".join(p.text for p in para) for para in build_view(src, "markdown", []).paragraphs)
    assert "note" not in shown and "whole" not in shown and "unclosed" not in shown
    assert shown == "Intro  text. | Last"
