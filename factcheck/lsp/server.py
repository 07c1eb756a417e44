"""The language server: diagnostics, hover and code actions from the same Linter as `lint`.

The config (`.factcheck.yaml` or `[tool.factcheck]`) is found from the workspace root, and the
pack and pipeline are loaded once when the client says it is initialized. A document is checked on
open and save, and on change after a short pause (typing does not queue a check per keystroke)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from factcheck import __version__
from factcheck.editor.checker import Checker, CheckerError
from factcheck.editor.rewrite import rewrite_for
from factcheck.editor.suppression import suppression_comment
from factcheck.lsp.positions import LineIndex
from factcheck.models import FileReport, Finding

DEBOUNCE = 0.35  # seconds of quiet after a change before the document is checked
MAX_CHARS = 2_000_000  # a draft is far shorter; bigger documents get one diagnostic instead
LANGUAGES = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}
SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}
SOURCE = "factcheck"
REASON_PLACEHOLDER = "say why this statement stands"
log = logging.getLogger("factcheck.lsp")


@dataclass
class Checked:
    """The last check of one open document (what hover and code actions answer from)."""

    version: int | None
    text: str
    fmt: str
    findings: list[Finding] = field(default_factory=list)
    index: LineIndex | None = None


class FactcheckServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("factcheck", __version__)
        self.checker: Checker | None = None
        self.load_error: str | None = None
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task] = {}

    # -- setup ----------------------------------------------------------------------------------
    def root(self) -> str | None:
        try:
            return self.workspace.root_path
        except RuntimeError:
            return None

    def get_checker(self) -> Checker | None:
        if self.checker is None and self.load_error is None:
            try:
                self.checker = Checker(self.root())
            except CheckerError as exc:
                self.load_error = str(exc)
                self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                                 message=f"factcheck: {exc}"))
        return self.checker

    def encoding(self) -> str:
        try:
            enc = self.server_capabilities.position_encoding
        except Exception:  # before initialize
            enc = None
        return str(enc or "utf-16")

    # -- checking -------------------------------------------------------------------------------
    def check(self, uri: str) -> None:
        doc = self.workspace.get_text_document(uri)
        fmt = fmt_for(doc.language_id, uri, doc.source)
        text = doc.source
        state = Checked(doc.version, text, fmt, index=LineIndex(text, self.encoding()))
        self.checked[uri] = state
        diagnostics: list[types.Diagnostic] = []
        checker = self.get_checker()
        path = path_of(uri)
        if checker is None:
            diagnostics = [note(f"factcheck could not start: {self.load_error}")]
        elif len(text) > MAX_CHARS:
            diagnostics = [note(f"Not checked: {len(text):,} characters is more than the {MAX_CHARS:,} "
                                "factcheck checks in an editor; use `factcheck lint` on this file.")]
        elif "\x00" in text:
            diagnostics = [note("Not checked: this looks like a binary file, not text.")]
        elif not checker.accepts(path):
            diagnostics = []  # excluded by the config, as `lint` would skip it
        else:
            try:
                report = checker.check(text, path, fmt)
            except Exception as exc:  # one bad document must never stop the server
                log.exception("factcheck lsp: check failed")
                report = FileReport(path=path, error=f"{type(exc).__name__}: {exc}")
            if report.error:
                diagnostics = [note(f"factcheck could not check this document: {report.error}")]
            state.findings = report.findings
            diagnostics += [diagnostic(f, state.index) for f in report.findings]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=doc.version))

    def schedule(self, uri: str, delay: float = DEBOUNCE) -> None:
        """Check `uri` after `delay` seconds unless another change comes first."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()

        async def later() -> None:
            await asyncio.sleep(delay)
            self.pending.pop(uri, None)
            self.check(uri)

        self.pending[uri] = asyncio.get_running_loop().create_task(later())

    def at(self, uri: str, rng: types.Range) -> list[Finding]:
        """Findings of the last check that overlap `rng` (a position is a zero-width range)."""
        state = self.checked.get(uri)
        if state is None or state.index is None:
            return []
        a = state.index.offset(rng.start.line, rng.start.character)
        b = state.index.offset(rng.end.line, rng.end.character)
        return [f for f in state.findings if f.start <= b and f.end >= a]


def fmt_for(language_id: str | None, uri: str, text: str) -> str:
    if language_id in LANGUAGES:
        return LANGUAGES[language_id]
    from factcheck.documents import format_for

    return format_for(path_of(uri), text)


def path_of(uri: str) -> str:
    parts = urlsplit(uri)
    return unquote(parts.path) if parts.scheme == "file" else uri


def to_range(index: LineIndex, start: int, end: int) -> types.Range:
    (l1, c1), (l2, c2) = index.position(start), index.position(end)
    return types.Range(start=types.Position(line=l1, character=c1), end=types.Position(line=l2, character=c2))


def note(message: str) -> types.Diagnostic:
    return types.Diagnostic(range=types.Range(start=types.Position(line=0, character=0),
                                              end=types.Position(line=0, character=0)),
                            message=message, severity=types.DiagnosticSeverity.Warning, source=SOURCE)


def diagnostic(f: Finding, index: LineIndex) -> types.Diagnostic:
    message = f"{f.verdict}: {f.message}"
    if f.fact:
        message += f"\nFact: {f.fact}"
    return types.Diagnostic(range=to_range(index, f.start, f.end), message=message,
                            severity=SEVERITY.get(f.severity, types.DiagnosticSeverity.Information),
                            code=f.rule, source=SOURCE,
                            data={"rule": f.rule, "start": f.start, "end": f.end})


def hover_text(f: Finding) -> str:
    def md(s: str) -> str:
        return "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in " ".join(s.split()))

    lines = [f"**factcheck {md(f.verdict)}** `{f.rule}` ({f.severity})", "", md(f.message)]
    if f.fact:
        lines += ["", f"**Fact:** {md(f.fact)}" + (f" (since {f.since})" if f.since else "")]
    if f.suggestion:
        lines += ["", f"**Suggestion:** {md(f.suggestion)}"]
    if f.sources:
        lines += ["", "**Sources:**"]
        for s in f.sources:
            title = md(s.title) + (f" ({s.published})" if s.published else "")
            ok = s.url.startswith(("http://", "https://"))
            lines.append(f"- [{title}](<{s.url.replace('>', '%3E').replace(' ', '%20')}>)" if ok else f"- {title}")
    return "\n".join(lines)


def suppression_edit(state: Checked, f: Finding) -> types.TextEdit:
    """A directive line above the finding's first line, indented like it."""
    line, _ = state.index.position(f.start) if state.index else (0, 0)
    start = state.index.starts[line] if state.index else 0
    body = state.text[start:]
    indent = body[: len(body) - len(body.lstrip(" \t"))]
    comment = suppression_comment(f.rule, REASON_PLACEHOLDER, state.fmt)
    pos = types.Position(line=line, character=0)
    return types.TextEdit(range=types.Range(start=pos, end=pos), new_text=f"{indent}{comment}\n")


def code_actions(server: FactcheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    state = server.checked.get(uri)
    if state is None or state.index is None:
        return []
    if server.workspace.get_text_document(uri).source != state.text:
        return []  # edited since the last check: its offsets could rewrite the wrong words
    actions: list[types.CodeAction] = []
    for f in server.at(uri, params.range):
        diag = [diagnostic(f, state.index)]
        new = rewrite_for(f)
        if new is not None:
            edit = types.TextEdit(range=to_range(state.index, f.start, f.end), new_text=new)
            actions.append(types.CodeAction(title=f"factcheck: apply the suggested rewrite ({f.rule})",
                                            kind=types.CodeActionKind.QuickFix, diagnostics=diag, is_preferred=True,
                                            edit=types.WorkspaceEdit(changes={uri: [edit]})))
        actions.append(types.CodeAction(title=f"factcheck: disable {f.rule} for this line (with a reason)",
                                        kind=types.CodeActionKind.QuickFix, diagnostics=diag,
                                        edit=types.WorkspaceEdit(changes={uri: [suppression_edit(state, f)]})))
    return actions


def build_server() -> FactcheckServer:
    server = FactcheckServer()

    @server.feature(types.INITIALIZED)
    def initialized(ls: FactcheckServer, params: types.InitializedParams) -> None:
        ls.get_checker()  # load pack and pipeline now, before the first document arrives

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactcheckServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactcheckServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: FactcheckServer, params: types.DidSaveTextDocumentParams) -> None:
        pending = ls.pending.pop(params.text_document.uri, None)
        if pending is not None:
            pending.cancel()
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactcheckServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        pending = ls.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        ls.checked.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: FactcheckServer, params: types.HoverParams) -> types.Hover | None:
        p = params.position
        found = ls.at(params.text_document.uri, types.Range(start=p, end=p))
        state = ls.checked.get(params.text_document.uri)
        if not found or state is None or state.index is None:
            return None
        f = found[0]
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value="\n\n---\n\n".join(hover_text(x) for x in found)),
                           range=to_range(state.index, f.start, f.end))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: FactcheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return code_actions(ls, params)

    return server


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="factcheck lsp: %(message)s")  # stderr, never stdout
    build_server().start_io()
