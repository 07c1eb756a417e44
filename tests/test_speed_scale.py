"""Parallel lint, the result cache and huge inputs: same findings, whatever the path taken.

No test here measures speed (benchmarks/run.py does); they check that the fast paths change
nothing in the output.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CLOSE = "After years of trials, MDMA-assisted therapy is now on the verge of FDA approval."


def lint(*args: str):
    return CliRunner().invoke(main, ["lint", "--as-of", "2026-11-22", "--fail-on", "never", *args],
                              catch_exceptions=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Twelve articles (over the engine's threshold for starting workers), each a little different."""
    root = tmp_path_factory.mktemp("site")
    sources = sorted(EXAMPLES.iterdir())
    for i in range(12):
        src = sources[i % len(sources)]
        (root / f"page-{i:02d}{src.suffix}").write_text(src.read_text(encoding="utf-8") + f"\n\nPage {i}.\n",
                                                        encoding="utf-8")
    return root


def test_jobs_2_gives_byte_identical_output_to_jobs_1(site: Path):
    one = lint("--format", "json", "--no-cache", "--jobs", "1", str(site))
    two = lint("--format", "json", "--no-cache", "--jobs", "2", str(site))
    assert one.exit_code == two.exit_code == 0
    assert '"findings": [\n' in one.output  # something was found, so the comparison means something
    assert one.output == two.output


def test_cache_returns_identical_findings_and_is_used(site: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    plain = lint("--format", "json", "--no-cache", str(site)).output
    cold = lint("--format", "json", "--cache-dir", str(cache), str(site)).output
    entries = list((cache / "v1").rglob("*"))
    assert cold == plain and any(p.is_file() for p in entries)
    assert (cache / ".gitignore").read_text().strip().endswith("*")
    # Mark every entry: a warm run must read them, not lint again.
    for p in (p for p in entries if p.is_file()):
        report = pickle.loads(p.read_bytes())
        for f in report.findings:
            f.message = "FROM CACHE"
        p.write_bytes(pickle.dumps(report))
    warm = lint("--format", "json", "--cache-dir", str(cache), str(site)).output
    assert warm.count('"message": "FROM CACHE"') == plain.count('"message": ')


def test_cache_is_invalidated_by_a_config_change(site: Path, tmp_path: Path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.chdir(tmp_path)
    lint("--format", "json", "--cache-dir", str(cache), str(site))
    (tmp_path / ".factcheck.yaml").write_text("disable: [approval-imminent]\n")
    after = lint("--format", "json", "--cache-dir", str(cache), str(site)).output
    assert "approval-imminent" not in after
    assert len([d for d in (cache / "v1").iterdir() if d.is_dir()]) == 2


def test_cache_is_invalidated_by_a_pack_change(tmp_path: Path):
    pack = tmp_path / "pack"
    (pack / "claims").mkdir(parents=True)
    (pack / "claims" / "extra.yaml").write_text("claims: []\n")
    draft = tmp_path / "draft.md"
    draft.write_text(f"# Draft\n\n{CLOSE}\n")
    cache = tmp_path / "cache"
    first = lint("--format", "json", "--cache-dir", str(cache), "--pack", str(pack), str(draft))
    assert "approval-imminent" in first.output
    (pack / "claims" / "extra.yaml").write_text("claims: []\n# edited\n")
    from factcheck.knowledge import loader

    loader._CACHE.clear()  # a new process would load the edited pack; this one cached it
    lint("--format", "json", "--cache-dir", str(cache), "--pack", str(pack), str(draft))
    assert len([d for d in (cache / "v1").iterdir() if d.is_dir()]) == 2


def test_a_corrupt_cache_entry_is_ignored(tmp_path: Path):
    draft = tmp_path / "draft.md"
    draft.write_text(f"# Draft\n\n{CLOSE}\n")
    cache = tmp_path / "cache"
    expected = lint("--format", "json", "--no-cache", str(draft)).output
    lint("--format", "json", "--cache-dir", str(cache), str(draft))
    for p in (cache / "v1").rglob("*"):
        if p.is_file():
            p.write_bytes(b"\x80\x05not a pickle")
    assert lint("--format", "json", "--cache-dir", str(cache), str(draft)).output == expected
    assert lint("--format", "json", "--cache-dir", str(cache), str(draft)).output == expected


def test_a_50_mb_file_is_linted_with_positions_at_its_end(tmp_path: Path):
    # A page whose 50 MB are mostly script (as exported pages are): the prose at its very end
    # must come out at the right line and column.
    line = "var x = compute(alpha, beta, gamma); // a line of code\n"
    n = 50_000_000 // len(line)
    page = tmp_path / "export.html"
    page.write_text("<html><head><title>Export</title><script>\n" + line * n + "</script></head><body>\n"
                    f"<p>{CLOSE}</p>\n</body></html>\n", encoding="utf-8")
    assert page.stat().st_size > 50_000_000
    from datetime import date

    from factcheck.engine import Linter
    from factcheck.knowledge import load_pack_cached

    report = Linter(load_pack_cached(), date(2026, 11, 22)).lint_path(page)
    assert report.error is None
    (f,) = [f for f in report.findings if f.rule.endswith("approval-imminent")]
    assert f.line == n + 3 and f.line_text == f"<p>{CLOSE}</p>"
    assert f.column == f.line_text.index(f.text) + 1 > len("<p>")


def test_text_over_spacys_max_length_is_linted_in_pieces_at_the_same_positions(bundled_linter, monkeypatch):
    # Many paragraphs, a claim in several of them; with the limit lowered the text goes through
    # in pieces and every finding keeps its place.
    paras = [f"Paragraph {i} is about the river market and the birds counted near the bridge." for i in range(400)]
    for i in (3, 150, 399):
        paras[i] = CLOSE
    text = "# Long\n\n" + "\n\n".join(paras) + "\n"
    whole = bundled_linter.lint_text(text, "long.md")
    monkeypatch.setattr(bundled_linter.nlp, "max_length", 5_000)
    import factcheck.nlp.chunks as nlp_chunks

    monkeypatch.setattr(nlp_chunks, "CHUNK_CHARS", 5_000)
    assert len(nlp_chunks.split_for_nlp(text, [], [0], 5_000)) > 5
    pieces = bundled_linter.lint_text(text, "long.md")
    key = [(f.rule, f.line, f.column, f.end_line, f.end_column, f.text) for f in whole.findings]
    assert len(key) == 3
    assert [(f.rule, f.line, f.column, f.end_line, f.end_column, f.text) for f in pieces.findings] == key


def test_compiled_pack_cache_gives_the_same_findings_and_survives_a_bad_entry(tmp_path: Path, monkeypatch):
    from datetime import date

    from factcheck.engine import Linter
    from factcheck.knowledge import loader, pack_cache

    monkeypatch.setenv("FACTCHECK_PACK_CACHE", str(tmp_path / "packs"))
    text = (EXAMPLES / "mdma-therapy-explainer.md").read_text(encoding="utf-8")

    def findings():  # type: ignore[no-untyped-def]
        loader._CACHE.clear()
        pack = loader.load_pack_cached()
        report = Linter(pack, date(2026, 11, 22)).lint_text(text, "a.md")
        return pack, [(f.rule, f.line, f.column, f.message) for f in report.findings]

    _built, first = findings()  # builds and stores
    cached, second = findings()  # read back: regexes are LazyPatterns
    assert first and first == second
    assert any(isinstance(p, pack_cache.LazyPattern) for r in cached.rules.values() for p in r.patterns)
    (entry,) = (tmp_path / "packs").glob("*.pickle")
    entry.write_bytes(b"garbage")
    assert findings()[1] == first
    loader._CACHE.clear()
