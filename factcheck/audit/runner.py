"""Collect the pages of an audit, obtain each (disk or web), lint it, and gather the results.

The web is read concurrently (see `factcheck.fetch.fetch_many`) while this thread lints each
page as it arrives, so fetching overlaps the NLP work. One page that cannot be fetched, decoded
or linted becomes a "failed" or "skipped" PageResult with a reason; the audit carries on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from factcheck.audit.model import AuditResult, PageResult
from factcheck.models import FileReport, RunInfo

AUDIT_EXTENSIONS = (".md", ".markdown", ".mdown", ".html", ".htm", ".xhtml", ".txt", ".text")


class LinterLike(Protocol):
    """What the audit needs from `factcheck.engine.Linter`."""

    def lint_text(
        self,
        text: str,
        path: str,
        fmt: str,
        published: date | None = None,
        updated: date | None = None,
    ) -> FileReport: ...


@dataclass(frozen=True)
class PageInput:
    path: str  # posix file path as given, or a URL
    origin: str  # "file" or "url"


class AuditUsageError(Exception):
    """An input the user named does not exist or cannot be used (the CLI exits 2)."""


def is_url(text: str) -> bool:
    # By scheme only: a malformed URL ("http://[::1") is still a URL, and fails as a page.
    try:
        return urlsplit(text).scheme in ("http", "https")
    except ValueError:
        return text.lower().startswith(("http://", "https://"))


def collect_files(paths: Iterable[str]) -> list[PageInput]:
    """Files named directly, plus the Markdown/HTML/text files under each folder (hidden files
    and folders skipped), sorted so that every run walks them in the same order."""
    out: dict[str, PageInput] = {}
    for raw in paths:
        if is_url(raw):
            out.setdefault(raw, PageInput(raw, "url"))
            continue
        p = Path(raw)
        if p.is_file():
            key = _norm(raw)
            out.setdefault(key, PageInput(key, "file"))
        elif p.is_dir():
            found: list[str] = []
            # A folder that cannot be listed becomes a failed page, not a silent gap in the report.
            for root, dirs, files in os.walk(p, onerror=_unlisted(found)):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if not name.startswith(".") and name.lower().endswith(AUDIT_EXTENSIONS):
                        found.append(_norm(os.path.join(root, name)))
            for key in sorted(found):
                out.setdefault(key, PageInput(key, "file"))
        elif os.path.lexists(raw):  # a device, FIFO or link loop: that page fails with the reason
            key = _norm(raw)
            out.setdefault(key, PageInput(key, "file"))
        else:
            raise AuditUsageError(f"{raw}: no such file or folder")
    return list(out.values())


def _unlisted(found: list[str]) -> Callable[[OSError], None]:
    return lambda exc: found.append(_norm(str(exc.filename)))


def _norm(path: str) -> str:
    # The key across runs: "content/a.md" and "./content//a.md" are the same page.
    return Path(os.path.normpath(path)).as_posix()


def url_inputs(urls: Iterable[str]) -> list[PageInput]:
    seen: dict[str, PageInput] = {}
    for u in urls:
        seen.setdefault(u, PageInput(u, "url"))
    return list(seen.values())


def run_audit(
    inputs: list[PageInput],
    linter: LinterLike,
    run: RunInfo,
    *,
    fetch_limits: dict[str, Any] | None = None,
    session: Any = None,
    on_page: Callable[[PageResult], None] | None = None,
) -> AuditResult:
    """Lint every input; never raises for one page. `on_page` is called after each (progress)."""
    pages: list[PageResult] = []

    def done(page: PageResult) -> None:
        page.finalize(run.as_of)
        pages.append(page)
        if on_page:
            on_page(page)

    for item in (i for i in inputs if i.origin == "file"):
        done(_audit_file(item, linter))

    urls = [i.path for i in inputs if i.origin == "url"]
    if urls:
        from factcheck.fetch import fetch_many  # requests is imported only for web audits

        for fetched in fetch_many(urls, session=session, **(fetch_limits or {})):
            done(_audit_fetched(fetched, linter))

    return AuditResult(run=run, pages=pages)


def _audit_file(item: PageInput, linter: LinterLike) -> PageResult:
    page, text = read_file_page(item)
    return page if text is None else _lint(page, linter, text)


def read_file_page(item: PageInput) -> tuple[PageResult, str | None]:
    """The page for a file input and its text, or a failed page and None."""
    from factcheck.documents.errors import InputError
    from factcheck.documents.reader import decode, format_for, read_bytes

    page = PageResult(path=item.path, origin="file")
    if os.path.isdir(item.path):  # only folders os.walk could not list are inputs
        return _fail(page, "folder not readable: its files were not checked")
    try:
        # Regular files only, size-capped: a FIFO or /dev/zero fails this page, not the audit.
        data = read_bytes(item.path)
        text = decode(data, item.path)
    except InputError as exc:
        return _fail(page, getattr(exc, "reason", None) or str(exc)), None
    except OSError as exc:
        return _fail(page, f"cannot read: {exc.strerror or exc}"), None
    page.fmt = format_for(item.path, text)
    page.source = text
    return page, text


def _audit_fetched(fetched: Any, linter: LinterLike) -> PageResult:
    page, text = fetched_page(fetched)
    return page if text is None else _lint(page, linter, text)


def fetched_page(fetched: Any) -> tuple[PageResult, str | None]:
    """The page for a fetched URL and its text, or a skipped/failed page and None."""
    page = PageResult(
        path=fetched.url,
        origin="url",
        http_status=fetched.status,
        final_url=fetched.final_url,
        redirects=list(fetched.redirects),
        content_type=fetched.content_type,
    )
    if not fetched.ok:
        page.status = "skipped" if fetched.skipped else "failed"
        page.reason = fetched.error
        return page, None
    page.fmt = fetched.format
    page.source = fetched.text
    return page, fetched.text


def lint_request(page: PageResult, text: str) -> tuple[tuple | None, str | None]:
    """The arguments of `lint_text` for a page (dates from HTML metadata), and the metadata title."""
    published = updated = None
    meta_title = None
    if page.fmt == "html":
        from factcheck.documents.html_meta import extract_html_meta

        try:
            meta = extract_html_meta(text)
            published, updated, meta_title = meta.published, meta.updated, meta.title
        except (Exception, RecursionError) as exc:
            # One page's odd markup (100k-deep JSON-LD...) fails that page, not the audit: the
            # page is marked failed and no lint request is made (None).
            _fail(page, f"linter error: {type(exc).__name__}: {str(exc)[:300]}")
            return None, None
    return (text, page.path, page.fmt or "html", published, updated), meta_title


def finish_page(page: PageResult, outcome: FileReport | BaseException, text: str, meta_title: str | None) -> PageResult:
    """Record a lint outcome (a report, or the exception the linter raised) on the page."""
    if isinstance(outcome, BaseException):
        return _fail(page, f"linter error: {type(outcome).__name__}: {str(outcome)[:300]}")
    if outcome.error:
        return _fail(page, outcome.error)
    page.report = outcome
    page.title = outcome.title or meta_title or _first_heading(text, page.fmt)
    return page


def _lint(page: PageResult, linter: LinterLike, text: str) -> PageResult:
    args, meta_title = lint_request(page, text)
    if args is None:
        return page  # failed before linting
    try:
        report: FileReport | BaseException = linter.lint_text(*args)
    except Exception as exc:
        report = exc
    return finish_page(page, report, text, meta_title)


def _fail(page: PageResult, reason: str) -> PageResult:
    page.status = "failed"
    page.reason = reason
    page.source = None
    return page


def _first_heading(text: str, fmt: str | None) -> str | None:
    if fmt == "html":
        return None
    for line in text.splitlines()[:80]:
        s = line.strip()
        if s.startswith("# "):
            return s[2:].strip() or None
    return None
