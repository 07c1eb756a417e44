"""`factcheck lint` end to end: CliRunner for behaviour, a real subprocess for the installed command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

CLOSE = "MDMA-assisted therapy is close to FDA approval.\n"
TRUE = "The FDA declined to approve MDMA-assisted therapy in August 2024.\n"


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, ["lint", "--as-of", "2026-11-22", *args], input=input, catch_exceptions=False)


def test_outdated_claim_is_reported_compiler_style(tmp_path: Path):
    f = tmp_path / "draft.md"
    f.write_text("# Draft\n\n" + CLOSE)
    res = run("--color", "never", str(f))
    assert res.exit_code == 1
    assert f"{f}:3:" in res.output and "warning mdma/approval-imminent" in res.output
    assert "^" in res.output and "= fact:" in res.output and "= source:" in res.output
    assert "\x1b[" not in res.output


def test_true_statement_passes_with_exit_zero(tmp_path: Path):
    f = tmp_path / "ok.md"
    f.write_text(TRUE)
    res = run(str(f))
    assert res.exit_code == 0, res.output
    assert "0 findings" in res.output


def test_fail_on_error_ignores_warnings(tmp_path: Path):
    f = tmp_path / "draft.md"
    f.write_text(CLOSE)
    assert run("--fail-on", "error", str(f)).exit_code == 0
    assert run("--fail-on", "warning", str(f)).exit_code == 1


def test_json_output_follows_the_contract(tmp_path: Path):
    md = tmp_path / "a.md"
    md.write_text("---\ndate: 2023-05-04\n---\nIntro.\n\n**MDMA** therapy is *close* to FDA approval.\n")
    page = tmp_path / "b.html"
    page.write_text("<html><body><script>x='close to FDA approval'</script><p>MDMA therapy is nearing "
                    "FDA&nbsp;approval, experts hope.</p><p>MDMA is on the verge of FDA approval.</p></body></html>")
    res = run("--format", "json", str(md), str(page))
    data = json.loads(res.output)
    assert data["schema_version"] == 1 and data["tool"]["name"] == "factcheck"
    assert data["as_of"] == "2026-11-22"
    assert set(data["database"]) == {"claims", "sources", "fingerprint"}
    assert data["summary"]["files"] == 2
    keys = {"rule", "claim_id", "kind", "verdict", "severity", "line", "column", "end_line", "end_column",
            "start", "end", "text", "message", "fact", "since", "suggestion", "sources"}
    seen = 0
    for entry in data["files"]:
        source = Path(entry["path"]).read_text()
        for f in entry["findings"]:
            assert set(f) == keys
            assert source[f["start"] : f["end"]] == f["text"]
            line_start = sum(len(x) + 1 for x in source.split("\n")[: f["line"] - 1])
            assert f["start"] == line_start + f["column"] - 1
            seen += 1
    assert seen >= 2
    md_entry = data["files"][0]
    assert md_entry["published"] == "2023-05-04"
    assert "correct when published on 2023-05-04" in md_entry["findings"][0]["message"]


def test_as_of_before_the_change_reports_nothing(tmp_path: Path):
    f = tmp_path / "a.md"
    f.write_text(CLOSE)
    res = CliRunner().invoke(main, ["lint", "--as-of", "2024-01-01", str(f)])
    assert res.exit_code == 0, res.output


def test_folders_are_walked_and_hidden_ones_skipped(tmp_path: Path):
    (tmp_path / "site" / "sub").mkdir(parents=True)
    (tmp_path / "site" / ".hidden").mkdir()
    (tmp_path / "site" / "sub" / "a.markdown").write_text(CLOSE)
    (tmp_path / "site" / "b.htm").write_text(f"<p>{CLOSE}</p>")
    (tmp_path / "site" / "c.txt").write_text(TRUE)
    (tmp_path / "site" / ".hidden" / "d.md").write_text(CLOSE)
    (tmp_path / "site" / "e.pdf").write_bytes(b"%PDF-1.4")
    data = json.loads(run("--format", "json", str(tmp_path / "site")).output)
    names = sorted(Path(f["path"]).name for f in data["files"])
    assert names == ["a.markdown", "b.htm", "c.txt"]


def test_stdin(tmp_path: Path):
    res = run("--stdin-filename", "draft.md", "-", input=CLOSE)
    assert res.exit_code == 1 and "draft.md:1:" in res.output


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.md", b"\x00\x01\x02\x03PNG" * 50, "binary file"),
        ("latin.md", "caf\xe9 MDMA\n".encode("latin-1"), "not valid UTF-8"),
        ("fifo.md", None, "not a regular file (a FIFO)"),
    ],
)
def test_bad_inputs_are_one_line_errors_and_others_still_linted(tmp_path: Path, name, content, message):
    bad = tmp_path / name
    if content is None:
        os.mkfifo(bad)  # nobody writes to it: reading it would block forever
    else:
        bad.write_bytes(content)
    good = tmp_path / "good.md"
    good.write_text(CLOSE)
    res = run("--color", "never", str(bad), str(good), str(tmp_path / "missing.md"))
    assert res.exit_code == 2
    lines = [x for x in res.output.splitlines() if x.startswith(str(bad))]
    assert len(lines) == 1 and message in lines[0]
    assert "missing.md: error input no such file" in res.output
    assert "mdma/approval-imminent" in res.output  # the good file was still linted
    assert "Traceback" not in res.output


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_empty_and_blank_files_pass_with_no_finding(tmp_path: Path, content: bytes):
    f = tmp_path / "empty.md"
    f.write_bytes(content)
    res = run("--color", "never", str(f))
    assert res.exit_code == 0, res.output
    assert "0 findings" in res.output and "could not be read" not in res.output


def test_unreadable_subfolder_is_named_and_the_rest_linted(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "ok.md").write_text(CLOSE)
    locked = tmp_path / "b"
    locked.mkdir()
    (locked / "hidden.md").write_text(CLOSE)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running with permission to read any folder (root)")
        res = run("--color", "never", "--format", "json", str(tmp_path))
    finally:
        locked.chmod(0o755)
    assert res.exit_code == 2
    doc = json.loads(res.output)
    errors = {f["path"]: f["error"] for f in doc["files"] if f.get("error")}
    assert "folder not readable" in errors[str(locked)]
    assert any(f["path"].endswith("ok.md") and f["findings"] for f in doc["files"])


def test_symlink_loop_in_a_folder_is_one_error(tmp_path: Path):
    (tmp_path / "ok.md").write_text(CLOSE)
    os.symlink("b.md", tmp_path / "a.md")
    os.symlink("a.md", tmp_path / "b.md")
    res = run("--color", "never", str(tmp_path))
    assert res.exit_code == 2
    assert f"{tmp_path / 'a.md'}: error input symbolic link loop" in res.output
    assert "approval-imminent" in res.output


def test_dev_zero_is_refused_not_read(tmp_path: Path):
    link = tmp_path / "zero.md"
    os.symlink("/dev/zero", link)
    res = run("--color", "never", str(link))
    assert res.exit_code == 2
    assert "not a regular file (a character device)" in res.output


def test_endless_stdin_is_capped(monkeypatch):
    from factcheck.documents import reader

    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    res = run("--color", "never", "-", input=b"a" * 5000)
    assert res.exit_code == 2 and "over the" in res.output


def test_broken_claims_pack_is_a_clean_error(tmp_path: Path):
    pack = tmp_path / "pack"
    (pack / "claims").mkdir(parents=True)
    (pack / "claims" / "bad.yaml").write_text("claims:\n  - id: x\n    kind: [unclosed\n")
    f = tmp_path / "a.md"
    f.write_text(TRUE)
    res = CliRunner().invoke(main, ["lint", "--pack", str(pack), str(f)])
    assert res.exit_code == 2
    assert "bad.yaml:3" in res.output and "Traceback" not in res.output


def test_usage_errors_exit_2():
    assert CliRunner().invoke(main, ["lint", "--as-of", "yesterday", "x.md"]).exit_code == 2
    assert CliRunner().invoke(main, ["lint"]).exit_code == 2


def test_installed_command_in_a_real_process(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(CLOSE)
    proc = subprocess.run([sys.executable, "-m", "factcheck", "lint", "--format", "json", str(f)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["summary"]["findings"] >= 1


def test_help_and_version_do_not_import_spacy():
    code = ("import sys; from factcheck.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "try:\n    main(['lint', '--help'])\nexcept SystemExit:\n    pass\n"
            "print('spacy' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip().endswith("False")


def test_jobs_give_the_same_report_in_the_same_order(tmp_path: Path):
    for i in range(12):
        (tmp_path / f"p{i:02d}.md").write_text(CLOSE if i % 3 else TRUE)
    (tmp_path / "p05.md").write_bytes(b"\x00\x01 binary")

    def lint_json(jobs: str) -> tuple[int, str]:
        proc = subprocess.run([sys.executable, "-m", "factcheck", "lint", "--format", "json", "--as-of", "2026-11-22",
                               "--jobs", jobs, str(tmp_path)], capture_output=True, text=True, check=False)
        return proc.returncode, proc.stdout

    serial, parallel = lint_json("1"), lint_json("2")
    assert serial == parallel
    assert serial[0] == 2  # the binary file is an input error; the others are still reported
    data = json.loads(serial[1])
    assert [Path(f["path"]).name for f in data["files"]] == [f"p{i:02d}.md" for i in range(12)]
    assert data["summary"]["findings"] == 7  # eight outdated pages, one of them replaced by the binary


@pytest.mark.parametrize("nl", ["\n", "\r\n", "\r"])
def test_finding_over_two_lines_is_marked_on_both(tmp_path: Path, nl: str):
    f = tmp_path / "two.md"
    f.write_bytes(f"Intro line here.{nl}Some prefix text: MDMA-assisted therapy is close{nl}to FDA approval.{nl}".encode())
    res = run("--color", "never", str(f))
    lines = res.output.splitlines()
    i = next(i for i, x in enumerate(lines) if x.startswith("    2 | "))
    assert lines[i] == "    2 | Some prefix text: MDMA-assisted therapy is close"
    assert lines[i + 1] == "      | " + " " * 40 + "^" * 8  # "is close" (the statement's verb group)
    assert lines[i + 2] == "    3 | to FDA approval"
    assert lines[i + 3] == "      | " + "^" * 15
    assert "\r" not in res.output


def test_no_bundled_lints_with_the_user_pack_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from packtexts import write_pack

    monkeypatch.chdir(tmp_path)  # no config file above
    write_pack(tmp_path / "pack")
    f = tmp_path / "draft.md"
    f.write_text("MDMA is close to approval.\n" + CLOSE)
    both = run("--format", "json", "--pack", "pack", str(f))
    alone = run("--format", "json", "--no-bundled", "--pack", "pack", str(f))
    rules_both = {x["rule"] for x in json.loads(both.output)["files"][0]["findings"]}
    rules_alone = {x["rule"] for x in json.loads(alone.output)["files"][0]["findings"]}
    assert "mdma/approval-imminent" in rules_both  # the bundled pack's rule, gone below
    assert rules_alone == {"test/rule-a"}, alone.output
    assert json.loads(alone.output)["database"]["claims"] == 1


def test_no_bundled_without_a_pack_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    f = tmp_path / "draft.md"
    f.write_text(CLOSE)
    res = run("--no-bundled", str(f))
    assert res.exit_code == 2
    assert "--no-bundled needs --pack DIR" in res.output
