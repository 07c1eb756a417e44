"""Nothing lost (issue 14): --output, --write-baseline and audit --out never replace a device, a
FIFO, a symlink or an input, a missing folder is a one-line error, and audit writes its three
reports as a set or not at all, with documented exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from audit_fakes import FakeLinter, fake_run
from click.testing import CliRunner

from factcheck.cli import main

CLOSE = "MDMA-assisted therapy is close to FDA approval."


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(CLOSE + "\n", encoding="utf-8")
    return tmp_path


def lint(*args: str):
    return CliRunner().invoke(main, ["lint", "--as-of", "2026-11-22", *args])


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_input_file_is_never_overwritten(site: Path, option: str) -> None:
    res = lint(option, "a.md", "a.md")
    assert res.exit_code == 2 and "is an input file" in res.output
    assert (site / "a.md").read_text(encoding="utf-8") == CLOSE + "\n"
    res = lint(option, "sub/../a.md", ".")  # inside a named folder
    assert res.exit_code == 2 and (site / "a.md").read_text(encoding="utf-8") == CLOSE + "\n"


def test_fifo_and_symlink_targets_are_refused(site: Path) -> None:
    os.mkfifo(site / "pipe")
    os.symlink("/proc/self/fd/1", site / "stdout-link")
    for name in ("pipe", "stdout-link"):
        res = lint("--output", name, "a.md")
        assert res.exit_code == 2 and "refusing to replace it" in res.output, res.output
    assert (site / "pipe").is_fifo() and (site / "stdout-link").is_symlink()


def test_device_target_is_refused(site: Path) -> None:
    # A private copy of /dev/null: a broken build must never get to replace the real one.
    import stat

    try:
        os.mknod(site / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("creating a device node needs root")
    res = lint("--output", "null", "a.md")
    assert res.exit_code == 2 and "a device" in res.output
    assert (site / "null").is_char_device()


def test_output_into_missing_folder_is_a_clean_error(site: Path) -> None:
    res = lint("--output", "nodir/sub/r.json", "a.md")
    assert res.exit_code == 2 and "does not exist" in res.output and "Traceback" not in res.output


def test_regular_output_still_works(site: Path) -> None:
    res = lint("--format", "json", "--output", "r.json", "a.md")
    assert res.exit_code == 1 and json.loads((site / "r.json").read_text())["files"]


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "factcheck.cli.audit._make_linter",
        lambda as_of, config_path, packs=(): (FakeLinter(), fake_run(as_of)),
    )


def _audit(*args: str):
    return CliRunner().invoke(main, ["audit", "--as-of", "2026-11-01", "-q", *args])


def test_audit_reports_are_a_set_or_nothing(tmp_path: Path, fake: None) -> None:
    (tmp_path / "p.md").write_text("FDA approval is expected within months.\n", encoding="utf-8")
    out = tmp_path / "r"
    assert _audit(str(tmp_path / "p.md"), "--out", str(out)).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "report.html").unlink()
    (out / "report.html").mkdir()  # cannot be replaced
    res = _audit(str(tmp_path / "p.md"), "--out", str(out), "--as-of", "2026-11-02")
    assert res.exit_code == 2 and "a folder" in res.output and "Traceback" not in res.output
    assert (out / "audit.json").read_bytes() == before["audit.json"]
    assert (out / "report.md").read_bytes() == before["report.md"]
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_audit_fail_on_and_info_count(tmp_path: Path, fake: None) -> None:
    (tmp_path / "p.md").write_text("FDA approval is expected within months. It may help everyone.\n",
                                   encoding="utf-8")
    out = str(tmp_path / "r")
    res = _audit(str(tmp_path / "p.md"), "--out", out)
    assert res.exit_code == 0 and "1 info" in res.output, res.output
    assert _audit(str(tmp_path / "p.md"), "--out", out, "--fail-on", "error").exit_code == 1
    (tmp_path / "q.md").write_text("Nothing here.\n", encoding="utf-8")
    assert _audit(str(tmp_path / "q.md"), "--out", out, "--fail-on", "info").exit_code == 0


def test_audit_failed_page_exits_2_with_report(tmp_path: Path, fake: None) -> None:
    (tmp_path / "p.md").write_text("Fine.\n", encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"ok\n\xff bad\n")
    out = tmp_path / "r"
    res = _audit(str(tmp_path), "--out", str(out))
    assert res.exit_code == 2 and (out / "report.html").exists()


def test_audit_page_url_link_is_http_only(tmp_path: Path, fake: None) -> None:
    urls = tmp_path / "u.txt"
    urls.write_text("javascript:alert(1)\ndata:text/html,<b>x</b>\n", encoding="utf-8")
    out = tmp_path / "r"
    _audit("--urls", str(urls), "--out", str(out))
    html = (out / "report.html").read_text(encoding="utf-8")
    assert 'href="javascript:' not in html and 'href="data:' not in html


def test_audit_page_whose_metadata_crashes_fails_alone(tmp_path: Path, fake: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(text: str):
        raise RecursionError("maximum recursion depth exceeded while decoding a JSON array")

    monkeypatch.setattr("factcheck.documents.html_meta.extract_html_meta", boom)
    (tmp_path / "a.html").write_text("<p>FDA approval is expected within months.</p>", encoding="utf-8")
    (tmp_path / "b.md").write_text("FDA approval is expected within months.\n", encoding="utf-8")
    out = tmp_path / "r"
    res = _audit(str(tmp_path), "--out", str(out))
    assert res.exit_code == 2 and "Traceback" not in res.output
    pages = {Path(p["path"]).name: p for p in json.loads((out / "audit.json").read_text())["files"]}
    assert pages["a.html"]["status"] == "failed" and pages["b.md"]["status"] == "fetched"


def test_audit_json_survives_a_lone_surrogate(tmp_path: Path) -> None:
    from factcheck.audit.render import write_outputs
    from factcheck.audit.runner import collect_files, run_audit

    (tmp_path / "p.md").write_text("FDA approval is expected within months.\n", encoding="utf-8")
    result = run_audit(collect_files([str(tmp_path / "p.md")]), FakeLinter(), fake_run())
    result.pages[0].title = "bad \ud800 title"
    out = tmp_path / "r"
    write_outputs(result, out)
    assert json.loads((out / "audit.json").read_text(encoding="utf-8"))
    assert "\ufffd" in (out / "report.md").read_text(encoding="utf-8") or (out / "report.md").exists()


def test_audit_malformed_urls_fail_as_pages(tmp_path: Path, fake: None) -> None:
    urls = tmp_path / "u.txt"
    urls.write_text("http://[::1\nhttp://example.org:99999/\n", encoding="utf-8")
    out = tmp_path / "r"
    res = _audit("http://[::1/x", "--urls", str(urls), "--out", str(out))
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    pages = json.loads((out / "audit.json").read_text())["files"]
    assert len(pages) == 3 and all(p["status"] == "failed" for p in pages)


def test_audit_urls_file_not_utf8_is_a_usage_error(tmp_path: Path, fake: None) -> None:
    urls = tmp_path / "u.txt"
    urls.write_bytes(b"https://example.org/\n\xff\xfe\n")
    res = _audit("--urls", str(urls), "--out", str(tmp_path / "r"))
    assert res.exit_code == 2 and "not valid UTF-8" in res.output
