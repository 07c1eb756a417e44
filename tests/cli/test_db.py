"""`factcheck db check | list | show` through click's CliRunner (network: 127.0.0.1 only)."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from packtexts import CLAIMS, SOURCES, line_of, write_pack
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from factcheck.cli import main
from factcheck.knowledge import load_pack_cached as load_pack  # one compile per process


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Run from an empty folder: no .factcheck.yaml above it, and short relative paths in messages.
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


SUMMARY = re.compile(r"(\d+) sources, (\d+) claims, (\d+) studies, (\d+) rules; (\d+) errors?, (\d+) warnings?")


# -- db check ----------------------------------------------------------------------------------


def test_check_bundled_pack_passes() -> None:
    result = run("db", "check", "--as-of", "2026-11-23")
    assert result.exit_code == 0, result.output
    m = SUMMARY.search(result.output)
    assert m, result.output
    pack = load_pack()
    assert [int(x) for x in m.groups()[:4]] == [len(pack.sources), len(pack.claims), len(pack.studies),
                                                 len(pack.rules)]
    assert m.group(5) == "0"
    assert result.output.splitlines()[-1].startswith("bundled pack:")


def test_check_clean_user_pack() -> None:
    write_pack(Path("pack"))
    result = run("db", "check", "--no-bundled", "--pack", "pack", "--as-of", "2026-11-23")
    assert result.exit_code == 0, result.output
    assert "1 user pack: 1 sources, 1 claims, 0 studies, 1 rules; 0 errors, 0 warnings" in result.output


BROKEN = [
    ("bad-yaml", "claims/c.yaml", CLAIMS.replace('fact: "The FDA declined to approve it."', 'fact: "unclosed ['),
     "invalid YAML", None),
    ("unknown-source", "claims/c.yaml", CLAIMS.replace("sources: [src-a]", "sources: [src-a, ghost]"),
     "claim fact-a: unknown source id 'ghost'", "ghost"),
    ("duplicate-id", "claims/d.yaml", CLAIMS.replace("rule-a", "rule-b"),
     "duplicate claim id 'fact-a' (first defined at", "- id: fact-a"),
    ("bad-date", "claims/c.yaml", CLAIMS.replace("verified_on: 2026-11-22", "verified_on: 2026-02-30"),
     "claim fact-a: 'verified_on' is not a real date: '2026-02-30'", "verified_on:"),
    ("bad-pattern", "claims/c.yaml", CLAIMS.replace('- "{near} (?:to )?{approval}"', '- "close to (approval"'),
     "rule rule-a: pattern does not compile", "patterns:"),
    ("unknown-macro", "claims/c.yaml", CLAIMS.replace("{approval}", "{aproval}"),
     "rule rule-a: unknown macro {aproval}", "patterns:"),
    ("retracted-no-date", "sources/s.yaml", SOURCES.replace("status: active", "status: retracted"),
     "source src-a: a retracted source needs 'retracted_on' and 'notice'", "status:"),
]


@pytest.mark.parametrize("name, file, text, message, needle", BROKEN, ids=[b[0] for b in BROKEN])
def test_check_broken_pack(name: str, file: str, text: str, message: str, needle: str | None) -> None:
    write_pack(Path("pack"), {file: text})
    result = run("db", "check", "--no-bundled", "--pack", "pack")
    assert result.exit_code == 1, result.output
    lines = [ln for ln in result.output.splitlines() if message in ln]
    assert lines, result.output
    where = f"pack/{file}:"
    assert lines[0].startswith(where), lines[0]
    if needle is not None:
        assert lines[0].startswith(f"{where}{line_of(text, needle)}: error: "), lines[0]
    assert re.search(r"; [1-9]\d* errors?, ", result.output)


def test_broken_user_pack_on_top_of_bundled_is_checked_the_same_way() -> None:
    user = CLAIMS.replace("sources: [src-a]", "sources: [ghost]").replace("fact-a", "user-fact").replace(
        "rule-a", "user-rule")
    Path("pack/claims").mkdir(parents=True)
    Path("pack/claims/c.yaml").write_text(user, encoding="utf-8")
    result = run("db", "check", "--pack", "pack")
    assert result.exit_code == 1
    assert f"pack/claims/c.yaml:{line_of(user, 'ghost')}: error: claim user-fact: unknown source id 'ghost'" \
        in result.output
    assert "bundled pack + 1 user pack:" in result.output


def test_config_packs_are_checked(tmp_path: Path) -> None:
    write_pack(Path("content/pack"), {"claims/c.yaml": CLAIMS.replace("[src-a]", "[nope]")})
    Path("content/.factcheck.yaml").write_text("packs: [pack]\n", encoding="utf-8")
    result = run("db", "check", "--no-bundled", "--config", "content/.factcheck.yaml")
    assert result.exit_code == 1
    assert "content/pack/claims/c.yaml:" in result.output and "unknown source id 'nope'" in result.output


def test_review_by_passed_warns_but_passes() -> None:
    write_pack(Path("pack"))
    result = run("db", "check", "--no-bundled", "--pack", "pack", "--as-of", "2027-06-01")
    assert result.exit_code == 0, result.output
    needle = f"pack/claims/c.yaml:{line_of(CLAIMS, 'review_by:')}: warning: claim fact-a: review_by 2027-05-22 has passed"
    assert needle in result.output
    assert "0 errors, 1 warning" in result.output


def test_examples_are_run_through_the_linter() -> None:
    bad = CLAIMS.replace('- "MDMA is close to approval."', '- "MDMA is almost cleared."').replace(
        '- "MDMA is not close to approval."', '- "MDMA, once nearing approval, was turned down."')
    write_pack(Path("pack"), {"claims/c.yaml": bad})
    result = run("db", "check", "--no-bundled", "--pack", "pack", "--as-of", "2026-11-23")
    assert result.exit_code == 1, result.output
    assert (f"pack/claims/c.yaml:{line_of(bad, 'almost cleared')}: error: rule test/rule-a: flagged example is not "
            "flagged (no pattern matches") in result.output
    assert (f"pack/claims/c.yaml:{line_of(bad, 'turned down')}: error: rule test/rule-a: accepted example is flagged "
            "(at 'nearing approval')") in result.output


def test_check_json() -> None:
    write_pack(Path("pack"), {"claims/c.yaml": CLAIMS.replace("[src-a]", "[nope]")})
    result = run("db", "check", "--no-bundled", "--pack", "pack", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["ok"] is False and data["counts"]["errors"] == 1
    (problem,) = [p for p in data["problems"] if p["level"] == "error"]
    assert problem["file"].endswith("c.yaml") and problem["level"] == "error"
    assert problem["line"] == line_of(CLAIMS, "[src-a]")


@pytest.mark.parametrize("args, fragment", [
    (["--pack", "missing"], "claims pack folder not found"),
    (["--pack", "empty"], "not a claims pack"),
    (["--config", "bad.yaml"], "invalid YAML"),
    (["--config", "nowhere.yaml"], "config file not found"),
    (["--no-bundled"], "no claims pack to check"),
])
def test_check_unusable_exits_2(args: list[str], fragment: str) -> None:
    Path("empty").mkdir()
    Path("bad.yaml").write_text("packs: [unclosed\n", encoding="utf-8")
    result = run("db", "check", *args)
    assert result.exit_code == 2, result.output
    assert fragment in result.output
    assert len(result.output.strip().splitlines()) == 1


# -- db check --links against a local server -----------------------------------------------------


@pytest.fixture
def site() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    release = threading.Event()
    flaky_hits: list[str] = []

    def flaky(request: Request) -> Response:
        flaky_hits.append(request.method)
        return Response("busy", status=500) if len(flaky_hits) == 1 else Response("fine", status=200)

    def slow(request: Request) -> Response:
        release.wait(5)  # never answers within the test's timeout; released at teardown
        return Response("late")

    server.expect_request("/ok").respond_with_data("fine")
    server.expect_request("/moved").respond_with_response(
        Response("", status=301, headers={"Location": server.url_for("/ok")}))
    server.expect_request("/gone").respond_with_data("not here", status=404)
    server.expect_request("/flaky").respond_with_handler(flaky)
    server.expect_request("/slow").respond_with_handler(slow)
    yield server
    release.set()
    server.clear()
    server.stop()


def test_check_links(site: HTTPServer) -> None:
    names = ["ok", "moved", "gone", "flaky", "slow"]
    blocks = [SOURCES.replace("sources:\n", "").replace("src-a", f"src-{n}").replace(
        "https://example.org/a", site.url_for(f"/{n}")) for n in names]
    sources = "sources:\n" + "".join(blocks)
    claims = CLAIMS.replace("sources: [src-a]", f"sources: [{', '.join(f'src-{n}' for n in names)}]")
    write_pack(Path("pack"), {"sources/s.yaml": sources, "claims/c.yaml": claims})
    result = run("db", "check", "--no-bundled", "--no-examples", "--pack", "pack", "--links",
                 "--timeout", "0.3", "--retries", "2", "--jobs", "4")
    assert result.exit_code == 1, result.output
    out = result.output

    def link_line(name: str) -> str:
        return next(ln for ln in out.splitlines() if ln.startswith("  ") and ln.endswith(f"[src-{name}]"))

    assert link_line("ok").split()[:2] == ["ok", "200"]
    assert link_line("moved").split()[:4] == ["redirect", "301", "->", site.url_for("/ok")]
    assert link_line("gone").split()[:2] == ["dead", "404"]
    assert link_line("flaky").split()[:2] == ["ok", "200"]  # 500 first, then 200 on the retry
    assert link_line("slow").split()[:2] == ["error:", "timeout"]
    for name, outcome in (("gone", "dead 404"), ("slow", "error: timeout")):
        line = line_of(sources, f"id: src-{name}")
        assert f"pack/sources/s.yaml:{line}: error: source src-{name}: {outcome}: {site.url_for('/' + name)}" in out
    assert "2 errors" in out


def test_check_links_json(site: HTTPServer) -> None:
    write_pack(Path("pack"), {"sources/s.yaml": SOURCES.replace("https://example.org/a", site.url_for("/moved"))})
    result = run("db", "check", "--no-bundled", "--no-examples", "--pack", "pack", "--links", "--format", "json")
    assert result.exit_code == 0, result.output
    (link,) = json.loads(result.output)["links"]
    assert link["outcome"] == "redirect" and link["status"] == 200 and link["final_url"] == site.url_for("/ok")
    assert link["redirects"][0]["status"] == 301


# -- db list / show ----------------------------------------------------------------------------


def test_list_json_lists_every_entry() -> None:
    result = run("db", "list", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    pack = load_pack()
    assert {e["id"] for e in data["claims"]} == set(pack.claims)
    assert {e["id"] for e in data["sources"]} == set(pack.sources)
    assert {e["id"] for e in data["studies"]} == set(pack.studies)
    assert {e["id"] for e in data["rules"]} == set(pack.rules)
    assert data["counts"] == {"claims": len(pack.claims), "sources": len(pack.sources),
                              "studies": len(pack.studies), "rules": len(pack.rules)}
    claim = data["claims"][0]
    for key in ("id", "kind", "fact", "valid_from", "verified_on", "review_by", "sources"):
        assert key in claim
    for key in ("id", "kind", "title", "published", "url"):
        assert key in data["sources"][0]


def test_list_filters() -> None:
    pack = load_pack()
    kind = next(iter(pack.claims.values())).kind
    data = json.loads(run("db", "list", "--type", "claims", "--kind", kind, "--format", "json").output)
    assert set(data) == {"claims", "counts"}
    assert {e["id"] for e in data["claims"]} == {c.id for c in pack.claims.values() if c.kind == kind}
    text = run("db", "list", "--type", "rules").output
    assert text.startswith(f"Rules ({len(pack.rules)})")
    assert all(r in text for r in pack.rules)
    bad = run("db", "list", "--kind", "regulatory-stats")
    assert bad.exit_code == 2 and "did you mean: regulatory-status" in bad.output


def _claim_with_rules():  # type: ignore[no-untyped-def]
    pack = load_pack()
    claim = next(c for c in pack.claims.values() if c.rules)
    return pack, claim


def test_show_claim() -> None:
    pack, claim = _claim_with_rules()
    result = run("db", "show", claim.id)
    assert result.exit_code == 0
    out = " ".join(result.output.split())  # undo wrapping
    assert f"claim {claim.id} ({claim.kind})" in out
    assert " ".join(claim.fact.split()) in out
    assert f"verified on: {claim.verified_on.isoformat()}" in out
    assert f"review by: {claim.review_by.isoformat()}" in out
    for sid in claim.sources:
        src = pack.sources[sid]
        assert f"[{sid}]" in out and src.url in out
        assert " ".join(src.evidence[0].split()) in out
    for rule in claim.rules:
        assert f"{rule.id}: {rule.verdict}, {rule.severity}" in out
        assert rule.pattern_sources[0] in result.output
        for example in rule.examples_flagged:
            assert example in result.output


def test_show_rule_shows_its_claim() -> None:
    _, claim = _claim_with_rules()
    rule = claim.rules[0]
    result = run("db", "show", rule.id)
    assert result.exit_code == 0
    assert f"rule {rule.id} (carried by claim {claim.id}" in result.output
    assert f"claim {claim.id} ({claim.kind})" in result.output


def test_show_study_and_source() -> None:
    pack = load_pack()
    study = next(s for s in pack.studies.values() if s.aliases)
    out = run("db", "show", study.id).output
    assert f"study {study.id}" in out and study.aliases[0] in out
    if study.author and study.year:
        assert f"{study.author} et al. ({study.year})" in out
    src = next(iter(pack.sources.values()))
    out = run("db", "show", src.id).output
    assert f"source {src.id} ({src.kind})" in out and src.url in out and "Evidence:" in out


def test_show_unknown_id() -> None:
    _, claim = _claim_with_rules()
    typo = claim.id[:-1] + ("x" if claim.id[-1] != "x" else "y")
    result = run("db", "show", typo)
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert f"no entry with id {typo!r}" in result.output and claim.id in result.output


def test_show_user_pack_entry_overrides() -> None:
    write_pack(Path("pack"))
    result = run("db", "show", "--pack", "pack", "fact-a")
    assert result.exit_code == 0 and "The FDA declined to approve it." in result.output
