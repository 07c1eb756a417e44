"""`factcheck lsp` as a subprocess, spoken to over JSON-RPC on stdio: initialize, diagnostics with
UTF-16 ranges, hover, code actions, didChange (debounced), didSave, config and suppressions,
shutdown and exit. Skipped when pygls is not installed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lsp_client import LspClient

pytest.importorskip("pygls")

# Curly quotes, an emoji (two UTF-16 units) and an em dash before the flagged words on one line.
DRAFT = (
    "# Draft\n"
    "\n"
    "In “Hope” 🎉 — the treatment is now on the verge of FDA approval.\n"
    "\n"
    "The trials used three integration sessions.\n"
)
FLAGGED = "is now on the verge of FDA approval"


def utf16_col(line: str, chars: int) -> int:
    return len(line[:chars].encode("utf-16-le")) // 2


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


@pytest.fixture
def client(workspace: Path):  # type: ignore[no-untyped-def]
    c = LspClient([sys.executable, "-m", "factcheck", "lsp"], cwd=str(workspace))
    yield c
    if c.proc.poll() is None:
        c.proc.kill()
        c.proc.wait()


def start(c: LspClient, root: Path) -> dict:
    result = c.request("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {},
                                      "workspaceFolders": [{"uri": root.as_uri(), "name": "ws"}]}, timeout=60)
    c.notify("initialized", {})
    return result


def open_doc(c: LspClient, uri: str, text: str, language: str = "markdown", version: int = 1) -> None:
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": version,
                                                       "text": text}})


def test_diagnostics_hover_actions_change_shutdown(client: LspClient, workspace: Path) -> None:
    caps = start(client, workspace)["capabilities"]
    assert caps.get("positionEncoding", "utf-16") == "utf-16"
    assert caps["hoverProvider"] and caps["codeActionProvider"]
    uri = (workspace / "draft.md").as_uri()
    open_doc(client, uri, DRAFT)
    diags = client.diagnostics(uri, timeout=60)
    by_rule = {d["code"]: d for d in diags}
    assert set(by_rule) >= {"mdma/approval-imminent", "protocol-mismatch"}, diags
    d = by_rule["mdma/approval-imminent"]
    line = DRAFT.split("\n")[2]
    start_char = line.index(FLAGGED)
    # The emoji counts two UTF-16 units: the column is one more than the character index.
    assert d["range"] == {"start": {"line": 2, "character": utf16_col(line, start_char)},
                          "end": {"line": 2, "character": utf16_col(line, start_char + len(FLAGGED))}}
    assert d["range"]["start"]["character"] == start_char + 1
    assert d["severity"] == 2 and d["source"] == "factcheck" and "Fact:" in d["message"]

    # Hover in the middle of the flagged words: fact and sources.
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 2, "character": d["range"]["start"]["character"] + 5}})
    value = hover["contents"]["value"]
    assert "mdma/approval-imminent" in value and "**Fact:**" in value and "https://" in value
    assert hover["range"] == d["range"]
    # Hover outside any finding: nothing.
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 0, "character": 1}}) is None

    # Code actions: the rewrite replaces exactly the flagged range; the suppression goes above.
    actions = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": d["range"],
                                                         "context": {"diagnostics": [d]}})
    titles = [a["title"] for a in actions]
    rewrite = next(a for a in actions if "rewrite" in a["title"])
    edit = rewrite["edit"]["changes"][uri][0]
    assert edit["range"] == d["range"] and "FDA declined" in edit["newText"]
    suppress = next(a for a in actions if "disable mdma/approval-imminent" in a["title"])
    sedit = suppress["edit"]["changes"][uri][0]
    assert sedit["range"]["start"] == {"line": 2, "character": 0}
    assert sedit["newText"].startswith("<!-- factcheck: disable-next-line mdma/approval-imminent -- ")
    assert sedit["newText"].endswith(" -->\n"), titles

    # didChange: insert the suppression (as the action would) and change the other claim; the
    # debounced check publishes the new diagnostics, without the suppressed one.
    changed = DRAFT.replace("In “Hope”", sedit["newText"] + "In “Hope”").replace("three integration", "nine integration")
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": changed}]})
    diags2 = client.diagnostics(uri, timeout=30)
    assert "mdma/approval-imminent" not in {x["code"] for x in diags2}, diags2

    # An incremental edit on the emoji line, addressed in UTF-16 columns, then save.
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [
        {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 1, "character": 0}}, "text": ""}]})
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    client.diagnostics(uri, timeout=30)

    assert client.request("shutdown", None) is None
    client.notify("exit", None)
    assert client.close() == 0


def test_plain_text_suppression_and_config(client: LspClient, workspace: Path) -> None:
    # The workspace's config turns one rule off; the text file gets '#' suppression actions.
    (workspace / ".factcheck.yaml").write_text("disable: [protocol-mismatch]\nexclude: [\"archive/**\"]\n",
                                               encoding="utf-8")
    start(client, workspace)
    uri = (workspace / "notes.txt").as_uri()
    text = DRAFT.replace("# Draft\n", "Notes\n")
    open_doc(client, uri, text, language="plaintext")
    diags = client.diagnostics(uri, timeout=60)
    codes = {d["code"] for d in diags}
    assert "mdma/approval-imminent" in codes and "protocol-mismatch" not in codes
    d = next(x for x in diags if x["code"] == "mdma/approval-imminent")
    actions = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": d["range"],
                                                         "context": {"diagnostics": [d]}})
    sedit = next(a for a in actions if "disable" in a["title"])["edit"]["changes"][uri][0]
    assert sedit["newText"].startswith("# factcheck: disable-next-line mdma/approval-imminent -- ")
    # A file the config excludes gets no diagnostics, as `lint` would skip it.
    archived = (workspace / "archive" / "old.md").as_uri()
    open_doc(client, archived, DRAFT)
    assert client.diagnostics(archived) == []
    client.request("shutdown", None)
    client.notify("exit", None)
    assert client.close() == 0


def test_bad_documents_get_a_diagnostic_not_a_crash(client: LspClient, workspace: Path) -> None:
    start(client, workspace)
    uri = (workspace / "blob.md").as_uri()
    open_doc(client, uri, "abc\x00def")
    diags = client.diagnostics(uri, timeout=60)
    assert len(diags) == 1 and "binary" in diags[0]["message"]
    empty = (workspace / "empty.md").as_uri()
    open_doc(client, empty, "")
    assert client.diagnostics(empty) == []
    html_uri = (workspace / "page.html").as_uri()
    open_doc(client, html_uri, "<p>MDMA therapy <b>is now on the verge of FDA approval</b>, and clinics are ready.</p>", language="html")
    assert any(d["code"] == "mdma/approval-imminent" for d in client.diagnostics(html_uri))
    client.request("shutdown", None)
    client.notify("exit", None)
    assert client.close() == 0


def test_debounce_checks_once_after_a_burst(client: LspClient, workspace: Path) -> None:
    start(client, workspace)
    uri = (workspace / "draft.md").as_uri()
    open_doc(client, uri, DRAFT)
    client.diagnostics(uri, timeout=60)
    for v in range(2, 7):  # five quick edits, as when typing
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v},
                                                 "contentChanges": [{"text": DRAFT + "x" * v}]})
    m = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics", timeout=30)
    assert m["params"]["version"] == 6  # one check, of the last text
    with pytest.raises(TimeoutError):
        client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics", timeout=1.0)
    client.request("shutdown", None)
    client.notify("exit", None)
    assert client.close() == 0


def test_utf8_positions_when_the_client_asks(client: LspClient, workspace: Path) -> None:
    client.request("initialize", {"processId": None, "rootUri": workspace.as_uri(),
                                  "capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}}}, timeout=60)
    client.notify("initialized", {})
    uri = (workspace / "draft.md").as_uri()
    open_doc(client, uri, DRAFT)
    d = next(x for x in client.diagnostics(uri, timeout=60) if x["code"] == "mdma/approval-imminent")
    line = DRAFT.split("\n")[2]
    assert d["range"]["start"] == {"line": 2, "character": len(line[: line.index(FLAGGED)].encode("utf-8"))}
    client.request("shutdown", None)
    client.notify("exit", None)
    assert client.close() == 0


def test_broken_config_is_reported_not_fatal(client: LspClient, workspace: Path) -> None:
    (workspace / ".factcheck.yaml").write_text("disable: [no-such-rule-anywhere]\n", encoding="utf-8")
    start(client, workspace)
    uri = (workspace / "draft.md").as_uri()
    open_doc(client, uri, DRAFT)
    diags = client.diagnostics(uri, timeout=60)
    assert len(diags) == 1 and "could not start" in diags[0]["message"]
    shown = client.wait(lambda m: m.get("method") == "window/showMessage", timeout=10)
    assert "no-such-rule-anywhere" in shown["params"]["message"]
    assert client.request("shutdown", None) is None
    client.notify("exit", None)
    assert client.close() == 0
