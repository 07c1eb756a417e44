"""`factcheck audit --sitemap/--urls` against a real HTTP server on 127.0.0.1: each kind of page
(dated, undated, redirected, 404, 500-then-200, too slow, PDF, plain text) is recorded correctly
in audit.json, report.md and report.html."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from audit_fakes import FakeLinter, fake_run
from click.testing import CliRunner

from factcheck.cli import main

FAST = ["--timeout", "0.4", "--retries", "2", "--as-of", "2026-11-01", "--quiet", "--allow-host", "127.0.0.1"]


@pytest.fixture
def use_fake(monkeypatch: pytest.MonkeyPatch) -> FakeLinter:
    linter = FakeLinter()
    monkeypatch.setattr(
        "factcheck.cli.audit._make_linter",
        lambda as_of, config_path, packs=(): (linter, fake_run(as_of or fake_run().as_of)),
    )
    return linter


def _pages(out: Path) -> dict[str, dict]:
    data = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    return {f["path"]: f for f in data["files"]}


def test_sitemap_audit_records_every_page(site, use_fake, tmp_path: Path) -> None:
    out = tmp_path / "report"
    res = CliRunner().invoke(
        main, ["audit", "--sitemap", site.url("/sitemap.xml"), "--out", str(out), *FAST]
    )
    assert res.exit_code == 2, res.output  # the site has failing pages: exit 2, report written
    assert "page(s) failed" in res.output
    assert "10 pages" in res.output and "report.html" in res.output

    data = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert data["as_of"] == "2026-11-01"
    assert data["database"]["fingerprint"] == "db0123456789abcdef"
    pages = {f["path"]: f for f in data["files"]}
    assert set(pages) == {site.url(p) for p in site.page_paths}
    p = {path.rsplit("/", 1)[1]: page for path, page in pages.items()}

    dated = p["dated"]
    assert dated["status"] == "fetched" and dated["http_status"] == 200
    assert (dated["published"], dated["updated"]) == ("2023-05-04", "2024-01-15")
    assert dated["title"] == "Dated story"
    [finding] = dated["findings"]
    assert finding["rule"] == "mdma/approval-imminent" and len(finding["fingerprint"]) == 32
    # 10 for the error + 2 full years outdated since 2024-08-09 as of 2026-11-01.
    assert dated["priority"] == 12

    assert (p["jsonld"]["published"], p["jsonld"]["updated"]) == ("2022-02-02", "2022-03-03")
    assert p["undated"]["published"] is None and p["undated"]["updated"] is None
    assert p["undated"]["findings"] == [] and p["undated"]["priority"] == 0

    moved = p["old-path"]
    assert moved["status"] == "fetched"
    assert moved["redirects"] == [site.url("/old-path")]
    assert moved["final_url"] == site.url("/new-path")
    assert moved["published"] == "2021-06-30"
    assert {f["rule"] for f in moved["findings"]} == {"mdma/approval-imminent", "retracted-citation"}

    assert p["missing"]["status"] == "failed" and p["missing"]["http_status"] == 404
    assert "404" in p["missing"]["reason"] and p["missing"]["error"] == p["missing"]["reason"]

    assert p["flaky"]["status"] == "fetched" and p["flaky"]["http_status"] == 200
    assert site.hits["/flaky"] == 2  # one 500, one retry that succeeded

    assert p["slow"]["status"] == "failed" and "timeout" in p["slow"]["reason"]
    assert p["slow"]["http_status"] is None

    pdf = p["paper.pdf"]
    assert pdf["status"] == "skipped" and "application/pdf" in pdf["reason"]
    assert pdf["http_status"] == 200 and pdf["findings"] == []

    notes = p["notes.txt"]
    assert notes["status"] == "fetched" and notes["format"] == "text"
    assert [f["verdict"] for f in notes["findings"]] == ["unsupported"]

    s = data["summary"]
    assert s["files"] == 10
    assert s["pages"] == {"fetched": 7, "failed": 2, "skipped": 1, "with_findings": 5}
    assert s["by_verdict"] == {"contradicted": 1, "outdated": 3, "retracted": 1, "unsupported": 1}
    assert s["top_rules"][0] == {"rule": "mdma/approval-imminent", "count": 3}
    # The linter saw only what could be fetched, HTML as html and the .txt as text.
    assert sorted(fmt for _, fmt in use_fake.calls) == ["html"] * 6 + ["text"]
    assert all(ua.startswith("factcheck/") for ua in site.user_agents)

    md = (out / "report.md").read_text(encoding="utf-8")
    assert "## Pages to fix first" in md and "## Pages not audited" in md
    assert "HTTP 404" in md and "application/pdf" in md
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.count('<tr data-id="page-') == 10


def test_urls_file_and_positional_url(site, use_fake, tmp_path: Path) -> None:
    urls = tmp_path / "pages.txt"
    urls.write_text(
        f"# monthly list\n{site.url('/dated')}\n\n{site.url('/missing')}  # gone\n"
        f"{site.url('/dated')}\nnot a url\n",
        encoding="utf-8",
    )
    out = tmp_path / "r"
    res = CliRunner().invoke(
        main,
        ["audit", site.url("/undated"), "--urls", str(urls), "--out", str(out), *FAST],
    )
    assert res.exit_code == 2, res.output  # /missing and "not a url" failed
    pages = _pages(out)
    assert set(pages) == {
        site.url("/undated"), site.url("/dated"), site.url("/missing"), "not a url"
    }
    assert pages["not a url"]["status"] == "failed"
    assert pages["not a url"]["reason"] == "not an http(s) URL"


def test_nothing_audited_exits_2_but_writes_report(site, use_fake, tmp_path: Path) -> None:
    out = tmp_path / "r"
    res = CliRunner().invoke(
        main, ["audit", site.url("/missing"), site.url("/paper.pdf"), "--out", str(out), *FAST]
    )
    assert res.exit_code == 2
    assert "no page could be audited" in res.output
    assert {p["status"] for p in _pages(out).values()} == {"failed", "skipped"}


def test_unreadable_sitemap_is_reported(site, use_fake, tmp_path: Path) -> None:
    out = tmp_path / "r"
    res = CliRunner().invoke(
        main, ["audit", "--sitemap", site.url("/missing"), "--out", str(out), *FAST]
    )
    assert res.exit_code == 2
    data = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    assert data["files"] == []
    assert any("404" in n for n in data["audit"]["notes"])


def test_usage_errors_exit_2(tmp_path: Path, use_fake) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["audit", "--out", str(tmp_path / "r")])
    assert res.exit_code == 2 and "nothing to audit" in res.output
    res = runner.invoke(main, ["audit", str(tmp_path / "nope"), "--out", str(tmp_path / "r")])
    assert res.exit_code == 2 and "no such file or folder" in res.output
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    (tmp_path / "a.md").write_text("hi\n", encoding="utf-8")
    res = runner.invoke(
        main, ["audit", str(tmp_path / "a.md"), "--out", str(tmp_path / "r"), "--compare", str(bad)]
    )
    assert res.exit_code == 2 and "not a factcheck JSON report" in res.output
    res = runner.invoke(main, ["audit", str(tmp_path / "a.md"), "--out", "x", "--as-of", "soon"])
    assert res.exit_code == 2 and "is not a date" in res.output


def test_real_engine_end_to_end(site, tmp_path: Path) -> None:
    """No fake: the bundled claims pack and the engine, on a file and on a served page."""
    article = "# A turning point\n\nMDMA-assisted therapy is on the cusp of approval in the United States.\n"
    (tmp_path / "a.md").write_text(article, encoding="utf-8")
    site.bodies["/undated"] = (
        "<html><head><title>Served</title></head><body><article><p>MDMA-assisted therapy is on the "
        "cusp of approval in the United States.</p></article></body></html>"
    )
    out = tmp_path / "r"
    res = CliRunner().invoke(
        main, ["audit", str(tmp_path / "a.md"), site.url("/undated"), "--out", str(out), *FAST]
    )
    assert res.exit_code == 0, res.output
    data = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    assert data["database"]["claims"] > 0 and len(data["database"]["fingerprint"]) >= 12
    for page in data["files"]:
        assert page["status"] == "fetched"
        rules = {f["rule"] for f in page["findings"]}
        assert "mdma/approval-imminent" in rules, page
        src = article if page["path"].endswith("a.md") else site.bodies["/undated"]
        for f in page["findings"]:
            assert src[f["start"] : f["end"]] == f["text"]


def test_special_files_fail_their_page_not_the_audit(tmp_path: Path, use_fake) -> None:
    import os

    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "good.md").write_text("FDA approval is expected within months.\n", encoding="utf-8")
    os.mkfifo(site_dir / "fifo.md")  # reading it would block the audit forever
    os.symlink("/dev/zero", site_dir / "zero.md")  # reading it would never end
    os.symlink("loop2.md", site_dir / "loop1.md")
    os.symlink("loop1.md", site_dir / "loop2.md")
    out = tmp_path / "r"
    res = CliRunner().invoke(main, ["audit", str(site_dir), "/dev/zero", "--out", str(out), *FAST])
    assert res.exit_code == 2, res.output  # pages failed: the audit says so (its reports are still written)
    pages = _pages(out)
    reasons = {Path(p).name: v.get("reason") for p, v in pages.items() if v["status"] == "failed"}
    assert "a FIFO" in reasons["fifo.md"] and "character device" in reasons["zero.md"]
    assert "character device" in reasons["zero"]  # /dev/zero named: its reason, not "no such file"
    assert "symbolic link loop" in reasons["loop1.md"]
    assert pages[(site_dir / "good.md").as_posix()]["status"] != "failed"


def test_unreadable_folder_is_a_failed_page(tmp_path: Path, use_fake) -> None:
    import os

    site_dir = tmp_path / "site"
    (site_dir / "locked").mkdir(parents=True)
    (site_dir / "good.md").write_text("FDA approval is expected within months.\n", encoding="utf-8")
    (site_dir / "locked" / "a.md").write_text("x\n", encoding="utf-8")
    (site_dir / "locked").chmod(0)
    try:
        if os.access(site_dir / "locked", os.R_OK):
            pytest.skip("running with permission to read any folder (root)")
        res = CliRunner().invoke(main, ["audit", str(site_dir), "--out", str(tmp_path / "r"), *FAST])
    finally:
        (site_dir / "locked").chmod(0o755)
    pages = _pages(tmp_path / "r")
    assert "folder not readable" in pages[(site_dir / "locked").as_posix()]["reason"]
    assert res.exit_code in (0, 2)
