"""The Flask app behind `factcheck serve`.

Flask because it is small, mature and well kept, renders on the server with Jinja2 (already a
factcheck dependency, autoescaping every value), and its development server is enough for one
editor on one machine. Security for a page that shows untrusted text and can fetch URLs:
- every value is autoescaped; the highlighted view is built from plain-string pieces;
- a Content-Security-Policy allows only our own script and stylesheet, so even an escaping slip
  could not run code or load anything;
- request bodies are capped (MAX_CONTENT_LENGTH), and so are fetched pages (the audit's fetcher);
- a POST whose Origin (or Referer, or Sec-Fetch-Site) shows another site is refused, and the Host
  header must name this server, so other web pages cannot drive it (CSRF, DNS rebinding).
"""

from __future__ import annotations

import logging
import re
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, render_template, request

from factcheck.editor.checker import Checker
from factcheck.editor.export import findings_json, findings_markdown
from factcheck.editor.rewrite import apply_rewrite, rewrite_for
from factcheck.serve.inputs import Draft, FormError, draft_from_form, parse_date

MAX_BODY = 8 * 1024 * 1024  # a long article is well under 1 MB of text
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1"}
EXTENSIONS = {"markdown": ".md", "html": ".html", "text": ".txt"}
log = logging.getLogger("factcheck.serve")


def create_app(checker: Checker, fetch_enabled: bool = True, allowed_hosts: set[str] | None = None,
               fetch_allow_hosts: tuple[str, ...] = (),
               max_body: int = MAX_BODY) -> Flask:
    """The app for one long-lived checker. `allowed_hosts` are the host names a request may be
    addressed to (default: the loopback names)."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = max_body
    app.config["MAX_FORM_MEMORY_SIZE"] = max_body
    hosts = {h.lower() for h in (allowed_hosts or LOOPBACK_NAMES)}

    def page(template: str, status: int = 200, **ctx: Any) -> tuple[str, int]:
        ctx.setdefault("fetch_enabled", fetch_enabled)
        ctx.setdefault("as_of_default", checker.as_of().isoformat())
        return render_template(template, **ctx), status

    def form_error(message: str, status: int) -> tuple[str, int]:
        return page("index.html", status, error=message)

    @app.before_request
    def guard() -> Any:
        host = (request.host or "").rsplit(":", 1)[0].strip("[]").lower() if request.host else ""
        if host not in hosts and "*" not in hosts:
            return form_error(f"This server answers only requests addressed to {', '.join(sorted(hosts))}.", 421)
        if request.method == "POST" and not _same_origin():
            return form_error("Refused: this form was sent from another web site. Open the page from this "
                              "server and submit it there.", 403)
        return None

    @app.after_request
    def headers(resp: Response) -> Response:
        resp.headers["Content-Security-Policy"] = CSP
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "same-origin"
        resp.headers["X-Frame-Options"] = "DENY"
        resp.headers.setdefault("Cache-Control", "no-store")
        return resp

    @app.errorhandler(413)
    def too_large(_: Exception) -> tuple[str, int]:
        return form_error(f"That is too large to check here: the limit is {max_body // (1024 * 1024)} MB per "
                          "request. Check a single article, or use `factcheck lint` for big files.", 413)

    @app.errorhandler(400)
    def bad_request(_: Exception) -> tuple[str, int]:
        return form_error("The request could not be read. Send the form again from this page.", 400)

    @app.errorhandler(404)
    def not_found(_: Exception) -> tuple[str, int]:
        return form_error("No such page here.", 404)

    @app.errorhandler(405)
    def not_allowed(_: Exception) -> tuple[str, int]:
        return form_error("That address takes a form post from this page.", 405)

    @app.errorhandler(Exception)
    def crashed(exc: Exception) -> tuple[str, int]:
        log.exception("factcheck serve: unexpected error")
        return form_error(f"Something went wrong while checking ({type(exc).__name__}). The server is still "
                          "running; please report this with the draft that caused it.", 500)

    @app.get("/assets/report.css")
    def report_css() -> Response:
        # The audit report's stylesheet, so both pages look alike (it lives in a Python module).
        from factcheck.audit.html_template import CSS

        resp = Response(CSS, mimetype="text/css")
        resp.headers["Cache-Control"] = "max-age=3600"
        return resp

    @app.get("/favicon.ico")
    def favicon() -> Response:
        return app.send_static_file("favicon.svg")

    @app.get("/")
    def index() -> tuple[str, int]:
        return page("index.html")

    @app.post("/check")
    def check() -> tuple[str, int]:
        try:
            draft = draft_from_form(request.form, request.files, fetch_enabled, fetch_allow_hosts)
        except FormError as exc:
            return form_error(str(exc), 400)
        return result(draft)

    @app.post("/apply")
    def apply() -> tuple[str, int]:
        try:
            draft = _resubmitted()
        except FormError as exc:
            return form_error(str(exc), 400)
        report = checker.check(draft.text, draft.name, draft.fmt, draft.published, draft.as_of)
        wanted = request.form.get("apply", "")
        target = next((f for f in report.findings if f"{f.rule}@{f.start}:{f.end}" == wanted), None)
        new_text = apply_rewrite(draft.text, target) if target else None
        if new_text is None:
            return result(draft, report, notice="That suggestion no longer matches the text; the text was "
                                                "checked again instead.")
        draft.text = new_text
        return result(draft, notice=f"Applied the suggestion for {target.rule}; the draft was checked again.")

    @app.post("/download/<kind>")
    def download(kind: str) -> Any:
        try:
            draft = _resubmitted()
        except FormError as exc:
            return form_error(str(exc), 400)
        stem = _safe_stem(draft.name)
        if kind == "draft":
            return _attachment(draft.text, f"{stem}{EXTENSIONS.get(draft.fmt, '.txt')}", "text/plain")
        if kind not in ("json", "markdown"):
            return form_error("No such download.", 404)
        as_of = checker.as_of(draft.as_of)
        report = checker.check(draft.text, draft.name, draft.fmt, draft.published, draft.as_of)
        if kind == "json":
            body = findings_json(report, as_of, checker.pack, checker.rules)
            return _attachment(body, f"{stem}.factcheck.json", "application/json")
        return _attachment(findings_markdown(report, as_of), f"{stem}.factcheck.md", "text/markdown")

    def _resubmitted() -> Draft:
        """The draft as the result page sends it back (text plus the hidden fields)."""
        text = (request.form.get("text") or "").replace("\r\n", "\n")
        if not text.strip():
            raise FormError("Nothing to check: the draft is empty.")
        fmt = request.form.get("format", "markdown")
        return Draft(text, request.form.get("name") or "draft", fmt if fmt in EXTENSIONS else "markdown",
                     parse_date(request.form.get("published"), "publication date"),
                     parse_date(request.form.get("as_of"), "as-of date"))

    def result(draft: Draft, report: Any = None, notice: str | None = None) -> tuple[str, int]:
        from factcheck.audit.view import build_view

        if report is None:
            report = checker.check(draft.text, draft.name, draft.fmt, draft.published, draft.as_of)
        findings = report.findings
        cards = [{"f": f, "key": f"{f.rule}@{f.start}:{f.end}", "rewrite": rewrite_for(f),
                  "evidence": _evidence(checker, f)} for f in findings]
        counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
        return page("result.html", draft=draft, report=report, view=build_view(draft.text, draft.fmt, findings),
                    cards=cards, counts=counts, as_of=checker.as_of(draft.as_of), notice=notice)

    return app


def _same_origin() -> bool:
    """False when the browser says the post comes from another origin. Requests without Origin,
    Referer or Sec-Fetch-Site (curl, scripts) are not cross-site forgeries and pass."""
    site = request.headers.get("Sec-Fetch-Site")
    if site and site not in ("same-origin", "none"):
        return False
    here = f"{request.scheme}://{request.host}".lower()
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin.lower() == here
    referer = request.headers.get("Referer")
    if referer:
        p = urlsplit(referer)
        return f"{p.scheme}://{p.netloc}".lower() == here
    return True


def _evidence(checker: Checker, finding: Any) -> dict[str, list[str]]:
    """Evidence quotes the pack records for each of the finding's sources (source id -> quotes)."""
    out: dict[str, list[str]] = {}
    sources = getattr(checker.pack, "sources", {})
    for s in finding.sources:
        record = sources.get(s.id) if hasattr(sources, "get") else None
        quotes = [q for q in (getattr(record, "evidence", None) or []) if isinstance(q, str)]
        if quotes:
            out[s.id] = quotes[:2]
    return out


def _safe_stem(name: str) -> str:
    stem = PurePosixPath(urlsplit(name).path or name).stem or "draft"
    return re.sub(r"[^A-Za-z0-9._-]+", "-", stem)[:60].strip("-.") or "draft"


def _attachment(body: str, filename: str, mimetype: str) -> Response:
    resp = Response(body, mimetype=f"{mimetype}; charset=utf-8")
    resp.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return resp
