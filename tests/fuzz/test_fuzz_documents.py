"""Fuzz the document readers and the input walk through the real CLI (issue 14).

Each run is a `factcheck lint` subprocess with a timeout, so a hang fails the test instead of
stalling CI. Hostile inputs are grouped into a few runs (starting the linter costs about 2 s):
the timeout of a run is a startup allowance plus a budget per input. Every run checks:
no traceback, the exit code the README documents (2 when an input could not be checked, never a
crash's 1), every input reported once, the good file beside the bad ones still linted, and for
every finding `source[start:end] == text` with line and column matching the offset.

Inputs are generated with a fixed seed, so a failure reproduces.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

SEED = 20261206
GOOD = "MDMA-assisted therapy is close to FDA approval.\n"
STARTUP_S = 20  # interpreter, spaCy and the claims pack, on a busy shared runner
PER_INPUT_S = 3


def lint(paths: list[str], cwd: Path, *extra: str, stdin: object = subprocess.DEVNULL,
         budget: float | None = None, wrapper: tuple[str, ...] = ()) -> tuple[int, dict, str, float]:
    timeout = budget if budget is not None else STARTUP_S + PER_INPUT_S * len(paths)
    cmd = [*wrapper, sys.executable, "-m", "factcheck", "lint", "--as-of", "2026-11-22", "--format", "json",
           "--color", "never", *extra, *paths]
    t = time.monotonic()
    proc = subprocess.run(cmd, cwd=cwd, stdin=stdin, capture_output=True, timeout=timeout,  # type: ignore[call-overload]
                          env={**os.environ, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"})
    took = time.monotonic() - t
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err[-3000:]
    assert proc.returncode in (0, 1, 2), (proc.returncode, err[-2000:])
    return proc.returncode, json.loads(proc.stdout), err, took


def check_offsets(report: dict, root: Path) -> None:
    """Every finding's text is the source at its offsets, and line/column agree with them."""
    from factcheck.documents.model import Document
    from factcheck.documents.reader import decode

    for f in report["files"]:
        if f.get("error") or not f.get("findings"):
            continue
        path = Path(f["path"])
        path = path if path.is_absolute() else root / path
        source = decode(path.read_bytes(), str(path))
        doc = Document(path=str(path), fmt="", source=source, text="")
        for x in f["findings"]:
            assert source[x["start"] : x["end"]] == x["text"], (path, x["start"], x["end"])
            assert (x["line"], x["column"]) == doc.line_col(x["start"]), path
            assert (x["end_line"], x["end_column"]) == doc.line_col(x["end"]), path


def by_path(report: dict) -> dict[str, dict]:
    return {f["path"]: f for f in report["files"]}


def assert_good_linted(report: dict, name: str = "good.md") -> None:
    good = [f for f in report["files"] if f["path"].endswith(name)]
    assert good, f"{name} missing from the report"
    for g in good:
        assert not g.get("error") and any(x["rule"] == "mdma/approval-imminent" for x in g["findings"]), g


# -- generators (seeded) --------------------------------------------------------------------------
MD_ALPHABET = "*_[]()!<>`#-|\\&;:^~=+.\n\n\t  abcXYZ019%"


def random_bytes(rng: random.Random, n: int) -> bytes:
    return bytes(rng.getrandbits(8) for _ in range(n))


def hostile_markdown(rng: random.Random) -> dict[str, str | bytes]:
    pieces = {
        "spaces.md": "Intro.\n" + " " * 100_000 + "\n" + GOOD,
        "spaces_in_row.md": "| a |" + " " * 100_000 + "|\n|---|---|\n" + GOOD,
        "data_uri.md": "Intro ![x](data:image/png;base64," + "QUFB" * 250_000 + ") end.\n\n" + GOOD,
        "inline_code.md": "Intro `" + "code " * 20_000 + "` end.\n\n" + GOOD,
        "backticks.md": "`a ``b " * 20_000,
        "brackets.md": "[" * 30_000 + "](" * 10_000,
        "images.md": "![" * 20_000,
        "emphasis.md": "*a **b _c __d " * 5_000,
        "unclosed_fence.md": "Intro.\n```\n" + "67% inside\n" * 10_000,
        "deep_quote.md": ">" * 50_000 + " " + GOOD,
        "deep_list.md": "".join("  " * i + "- item\n" for i in range(200)) + "\n" + GOOD,
        "html_comments.md": "<!--" * 20_000,
        "entities.md": "&amp;&#x0;&#99999999;&bogus;" * 5_000 + "\n\n" + GOOD,
        "footnotes.md": "Text[^1] and ^[inline " * 5_000 + "\n\n[^1]: " + GOOD,
        "bad_date.md": "---\ndate: 2024-02-30\nupdated: 2023-13-45\n---\n" + GOOD,
        "zero_date.md": "---\nupdated: 0000-00-00\ndate: 2023-01-01T10:00:00+25:00\n---\n" + GOOD,
        "huge_number.md": "---\ncount: " + "9" * 5000 + "\n---\n" + GOOD,
        "deep_yaml.md": "---\nx: " + "[" * 20_000 + "]" * 20_000 + "\n---\n" + GOOD,
        "alias_bomb.md": "---\n" + "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8))
        + "title: *i\n---\n" + GOOD,
        "yaml_tags.md": "---\nx: !!python/object/apply:os.system ['touch pwned']\n---\n" + GOOD,
        "lone_cr.md": GOOD.replace("\n", "\r") * 3,
        "mixed_newlines.md": "One.\r\nTwo.\rThree.\n" + GOOD.replace("\n", "\r\n"),
        "nul_late.md": "x" * 9000 + "\0" + "\n\n" + GOOD,
        "surrogate_escape.md": "A \\ud800 B\n\n" + GOOD,
        "script.md": "<script>\n" + GOOD + "</script>\n\n<style>" + GOOD + "</style>\n",
        "bom.md": "\ufeff---\ntitle: x\n---\n" + GOOD,
        "numbers.md": f"MDMA trial enrolled {'9' * 250} participants and {'9' * 5000}% responded at 1e999 mg, "
        "10^999 sessions, 0.000000000000000000000000000001%, d = 99999999999999999999.9, 1,000,000,000,000,000 "
        "patients, 3 ½ hours, ⅔ of 12 people, ٣ sessions, 10⁹ mg (Smith et al. 9999).\n\n" + GOOD,
        "deep_nesting_then_text.md": "".join("  " * i + "- item\n" for i in range(12)) + "\n" + GOOD,
    }
    for i in range(6):  # random Markdown syntax soup
        pieces[f"soup{i}.md"] = "".join(rng.choice(MD_ALPHABET) for _ in range(rng.randint(1, 40_000))) + "\n\n" + GOOD
    return pieces  # type: ignore[return-value]


def hostile_html(rng: random.Random) -> dict[str, str | bytes]:
    pieces: dict[str, str | bytes] = {
        "stray_end_tags.html": "<span>" * 60_000 + "</x>" * 100_000 + "<p>" + GOOD + "</p>",
        "unclosed_a.html": "<p>" + GOOD + "</p>" + "<a " * 20_000,
        "unclosed_attr.html": "<p>" + GOOD + '</p><p title="' + "A" * 200_000,
        "deep_divs.html": "<div>" * 50_000 + GOOD + "</div>" * 50_000,
        "deep_jsonld.html": '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script><p>" + GOOD + "</p>",
        "surrogate_jsonld.html": '<script type="application/ld+json">{"@type": "Article", "headline": "\\ud800",'
        ' "datePublished": "2024-02-30"}</script><p>' + GOOD + "</p>",
        "unicode_escape.html": b'<meta charset="unicode_escape"><p>\\ud800 \xff</p><p>' + GOOD.encode() + b"</p>",
        "comments.html": "<!--" * 20_000 + "<p>" + GOOD,
        "bad_meta_dates.html": '<meta property="article:published_time" content="99999-99-99">'
        '<time datetime="2024-02-30">x</time><p>' + GOOD + "</p>",
        "entities.html": "<p>" + "&#xD800;&#0;&#x110000;&nbsp;&amp" * 5_000 + "</p><p>" + GOOD + "</p>",
        "script_only.html": "<script>" + GOOD + "</script><style>" + GOOD + "</style><p>ok</p>",
    }
    tags = ["<p>", "</p>", "<a ", "<div>", "</div>", "<script>", "</script>", "<!--", "-->", "&amp;", "&#", "<br/>",
            "<td>", "<table>", ">", "<", '"', "'", "=", " ", "x", "\n", "<![CDATA[", "]]>", "<?", "</"]
    for i in range(5):
        pieces[f"soup{i}.html"] = "".join(rng.choice(tags) for _ in range(rng.randint(1, 30_000))) + "<p>" + GOOD + "</p>"
    return pieces


def write_all(root: Path, files: dict[str, str | bytes]) -> list[str]:
    for name, content in files.items():
        (root / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    (root / "good.md").write_text(GOOD)
    return [*files, "good.md"]


# -- runs ----------------------------------------------------------------------------------------
def test_random_bytes(tmp_path: Path):
    rng = random.Random(SEED)
    files: dict[str, str | bytes] = {}
    for i in range(24):
        ext = rng.choice([".md", ".html", ".txt", ".htm", ".markdown"])
        n = rng.choice([1, 7, 100, 4096, 70_000])
        if i % 3 == 0:  # mostly text, so it passes the binary sniff and reaches the parsers
            data = bytes(rng.choice(b"abc <>/&;#*_[]()!`|\\\r\n\t\xc3\xa9\xe2\x80\x99") for _ in range(n))
        else:
            data = random_bytes(rng, n)
        files[f"rand{i}{ext}"] = data
    names = write_all(tmp_path, files)
    rc, report, _, _ = lint(names, tmp_path)
    assert rc in (1, 2)
    assert sorted(f["path"] for f in report["files"]) == sorted(names)
    assert_good_linted(report)
    check_offsets(report, tmp_path)


def test_hostile_markdown(tmp_path: Path):
    names = write_all(tmp_path, hostile_markdown(random.Random(SEED)))
    rc, report, _, _ = lint(names, tmp_path)
    files = by_path(report)
    assert sorted(files) == sorted(names)
    # Nothing here is unreadable: every file is checked, so the exit code is findings (1), not 2.
    assert rc == 1, {p: f.get("error") for p, f in files.items() if f.get("error")}
    for name in ("spaces.md", "data_uri.md", "inline_code.md", "bad_date.md", "zero_date.md", "huge_number.md",
                 "deep_yaml.md", "alias_bomb.md", "lone_cr.md", "mixed_newlines.md", "footnotes.md", "bom.md",
                 "numbers.md", "deep_nesting_then_text.md"):
        assert_good_linted(report, name)
    assert not files["script.md"]["findings"]  # script and style content is not prose
    assert not files["unclosed_fence.md"]["findings"]
    lone = [x["line"] for x in files["lone_cr.md"]["findings"]]
    assert lone == [1, 2, 3]
    assert not (tmp_path / "pwned").exists()
    check_offsets(report, tmp_path)


def test_hostile_html(tmp_path: Path):
    names = write_all(tmp_path, hostile_html(random.Random(SEED)))
    rc, report, _, _ = lint(names, tmp_path)
    files = by_path(report)
    assert sorted(files) == sorted(names)
    assert rc == 1, {p: f.get("error") for p, f in files.items() if f.get("error")}
    for name in ("stray_end_tags.html", "unclosed_a.html", "deep_jsonld.html", "surrogate_jsonld.html",
                 "unicode_escape.html", "bad_meta_dates.html", "entities.html", "soup0.html"):
        assert_good_linted(report, name)
    assert not files["script_only.html"]["findings"]
    check_offsets(report, tmp_path)


def _special_files(root: Path) -> dict[str, str]:
    """Name -> the error the report must give. Each would block, eat memory or crash if read."""
    os.mkfifo(root / "fifo.md")
    os.symlink("/dev/zero", root / "zero.md")
    os.symlink("loop_b.md", root / "loop_a.md")
    os.symlink("loop_a.md", root / "loop_b.md")
    os.symlink("nowhere.md", root / "dangling.md")
    return {"fifo.md": "not a regular file (a FIFO)", "zero.md": "not a regular file (a character device)",
            "loop_a.md": "symbolic link loop", "loop_b.md": "symbolic link loop", "dangling.md": "broken symbolic link"}


@pytest.mark.parametrize("walked", [False, True], ids=["named", "walked"])
def test_special_files_are_refused_and_the_rest_linted(tmp_path: Path, walked: bool):
    site = tmp_path / "site"
    site.mkdir()
    expected = _special_files(site)
    (site / "good.md").write_text(GOOD)
    (site / "empty.md").write_bytes(b"")
    (site / "blank.md").write_bytes(b" \n\t\n")
    (site / "folder.md").mkdir()  # a folder with an article's name is walked, not read
    (site / "folder.md" / "inner.md").write_text(GOOD)
    args = ["site"] if walked else [f"site/{n}" for n in [*expected, "good.md", "empty.md", "blank.md"]] + ["/dev/zero"]
    rc, report, _, _ = lint(args, tmp_path, budget=STARTUP_S + 10)
    assert rc == 2
    files = by_path(report)
    for name, message in expected.items():
        assert message in files[f"site/{name}"]["error"], files[f"site/{name}"]
    for name in ("empty.md", "blank.md"):  # empty is fine: no finding, no error
        assert not files[f"site/{name}"].get("error") and not files[f"site/{name}"]["findings"]
    assert_good_linted(report)
    if walked:
        assert_good_linted(report, "inner.md")
    else:
        assert "not a regular file (a character device)" in files["/dev/zero"]["error"]


def test_endless_stdin_is_capped(tmp_path: Path):
    with open("/dev/zero", "rb") as zero:
        rc, report, _, _ = lint(["-"], tmp_path, "--stdin-filename", "in.md", stdin=zero, budget=STARTUP_S + 20)
    assert rc == 2 and "over the" in report["files"][0]["error"]


def _without_root_override() -> tuple[str, ...] | None:
    """A command prefix under which file modes apply (root reads everything otherwise)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return (setpriv, "--bounding-set", "-dac_override,-dac_read_search")


def test_unreadable_file_and_folder_are_named(tmp_path: Path):
    wrapper = _without_root_override()
    if wrapper is None:
        pytest.skip("running as root without setpriv: file modes cannot be enforced")
    site = tmp_path / "site"
    (site / "locked").mkdir(parents=True)
    (site / "locked" / "inside.md").write_text(GOOD)
    (site / "good.md").write_text(GOOD)
    (site / "secret.md").write_text(GOOD)
    (site / "secret.md").chmod(0)
    (site / "locked").chmod(0)
    try:
        rc, report, _, _ = lint(["site"], tmp_path, wrapper=wrapper, budget=STARTUP_S + 10)
    finally:
        (site / "locked").chmod(stat.S_IRWXU)
    assert rc == 2
    files = by_path(report)
    assert "permission denied" in files["site/secret.md"]["error"]
    assert "folder not readable" in files["site/locked"]["error"]
    assert_good_linted(report)


def test_501_files_with_bad_ones_are_all_checked(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    for i in range(495):
        (site / f"a{i:03}.md").write_text(f"Note {i}.\n\n" + (GOOD if i % 50 == 0 else "Nothing to check.\n"))
    (site / "a100_bad_date.md").write_text("---\ndate: 2024-02-30\n---\n" + GOOD)
    (site / "a200_deep.html").write_text('<script type="application/ld+json">' + "[" * 50_000 + "]" * 50_000 + "</script>")
    (site / "a300_spaces.md").write_text(" " * 100_000 + "\n" + GOOD)
    os.mkfifo(site / "a400_fifo.md")
    os.symlink("/dev/zero", site / "a450_zero.md")
    (site / "a499_binary.md").write_bytes(b"\0" * 100)
    rc, report, _, _ = lint(["site"], tmp_path, "--jobs", "2", budget=STARTUP_S + 60)
    assert rc == 2
    assert len(report["files"]) == 501
    errors = {f["path"] for f in report["files"] if f.get("error")}
    assert errors == {"site/a400_fifo.md", "site/a450_zero.md", "site/a499_binary.md"}
    linted = [f for f in report["files"] if any(x["rule"] == "mdma/approval-imminent" for x in f["findings"])]
    assert len(linted) == 10 + 2  # every 50th note, the bad-date file and the spaces file
    check_offsets(report, tmp_path)
