#!/usr/bin/env python3
"""How fast the editor surfaces answer once they are up: a 2,000-word draft checked

  A. in process, by the long-lived Checker both surfaces use (pipeline and pack loaded once);
  B. through `factcheck serve`: POST /check to a real server on 127.0.0.1, page rendered;
  C. through `factcheck lsp`: didChange of the whole text -> publishDiagnostics, over stdio
     (the debounce delay is subtracted: it is a wait for quiet, not work).

The draft is built from the example articles, repeated until it has --words words. Median and
worst of --runs, after one warm-up each. The target (issue 15) is under 0.3 s.

    python benchmarks/bench_editor.py --words 2000 --runs 20
"""

from __future__ import annotations

import argparse
import logging
import re
import statistics
import sys
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "lsp"))  # the JSON-RPC test client


def build_draft(words: int) -> str:
    paras: list[str] = []
    for path in sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT / "examples").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
        paras += [p for p in re.split(r"\n\s*\n", text) if p.strip() and not p.lstrip().startswith("<!--")]
    out: list[str] = []
    n = 0
    i = 0
    while n < words:
        p = paras[i % len(paras)]
        out.append(p)
        n += len(p.split())
        i += 1
    return "\n\n".join(out) + "\n"


def timed(fn, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def report(label: str, times: list[float]) -> None:
    print(f"{label:<60} median {statistics.median(times) * 1000:7.1f} ms   worst {max(times) * 1000:7.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--as-of", default="2026-11-01")
    args = ap.parse_args()
    as_of = date.fromisoformat(args.as_of)
    draft = build_draft(args.words)
    print(f"draft: {len(draft.split())} words, {len(draft)} characters")

    from factcheck.editor import Checker

    t = time.perf_counter()
    checker = Checker(as_of=as_of)
    print(f"start-up (config, pack, pipeline): {time.perf_counter() - t:.2f} s, once")
    findings = len(checker.check(draft, "draft.md").findings)
    print(f"findings in the draft: {findings}")
    report("A. Checker.check (in process)", timed(lambda: checker.check(draft, "draft.md"), args.runs))

    try:
        import requests
        from werkzeug.serving import make_server

        from factcheck.serve import create_app
    except ImportError:
        print("B. skipped: pip install 'factcheck[serve]'")
    else:
        logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no access log lines in the output
        srv = make_server("127.0.0.1", 0, create_app(checker), threaded=True)
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{srv.server_port}/check"
        session = requests.Session()

        def post() -> None:
            r = session.post(url, data={"text": draft, "name": "draft.md"}, timeout=30)
            assert r.status_code == 200 and "<mark" in r.text

        report("B. factcheck serve: POST /check, page back", timed(post, args.runs))
        srv.shutdown()

    try:
        import pygls  # noqa: F401
        from lsp_client import LspClient

        from factcheck.lsp.server import DEBOUNCE
    except ImportError:
        print("C. skipped: pip install 'factcheck[lsp]'")
        return
    client = LspClient([sys.executable, "-m", "factcheck", "lsp"], cwd=str(ROOT))
    client.request("initialize", {"processId": None, "rootUri": ROOT.as_uri(), "capabilities": {}}, timeout=60)
    client.notify("initialized", {})
    uri = (ROOT / "bench-draft.md").as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                            "text": draft}})
    client.diagnostics(uri, timeout=60)
    version = [1]

    def change() -> None:
        version[0] += 1
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version[0]},
                                                 "contentChanges": [{"text": draft + " " * (version[0] % 2)}]})
        client.diagnostics(uri, timeout=30)

    times = [t - DEBOUNCE for t in timed(change, args.runs)]
    report(f"C. factcheck lsp: didChange -> diagnostics (-{DEBOUNCE}s debounce)", times)
    client.request("shutdown", None)
    client.notify("exit", None)
    client.close()


if __name__ == "__main__":
    main()
