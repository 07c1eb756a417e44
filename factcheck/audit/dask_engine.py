"""Run an audit's per-document lint work on a Dask distributed cluster.

The client reads files and fetches URLs as in a local audit; only the lint step moves: page
texts go out in batches, each worker builds its Linter once from the spec (the compiled claims
pack, date and config) that was broadcast to it once, and FileReports (findings, never spaCy
Docs) come back. Results are consumed in input order, so the reports are byte-identical to a
single-process run. Needs the optional extra: pip install "factcheck[dask]".
"""

from __future__ import annotations

import collections
import hashlib
import pickle
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from factcheck.audit.model import AuditResult, PageResult
from factcheck.audit.runner import PageInput, fetched_page, finish_page, lint_request, read_file_page
from factcheck.models import FileReport, RunInfo

BATCH = 8  # pages per task: large enough to amortise a round trip, small enough to balance


class DaskUnavailableError(RuntimeError):
    """dask.distributed is not installed, or the scheduler cannot be reached."""


@dataclass
class LinterSpec:
    """Everything a worker needs to build the same Linter as the client would."""

    pack: Any  # factcheck.knowledge.model.Pack, compiled
    as_of: date
    config: Any  # factcheck.config.Config
    key: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            raw = pickle.dumps((self.pack.fingerprint, self.as_of, self.config.to_dict()))
            self.key = hashlib.sha256(raw).hexdigest()[:16]


# Per worker process: one Linter per spec, built on the first task that needs it. A worker may run
# tasks on several threads (threads_per_worker > 1, or a LocalCluster with processes=False), and a
# Linter's pipeline is not safe to share between threads at once: the lock makes each worker lint
# one batch at a time (the GIL already kept these CPU-bound tasks from running side by side).
_LINTERS: dict[str, Any] = {}
_LOCK = threading.Lock()


def _linter_for(spec: LinterSpec) -> Any:
    linter = _LINTERS.get(spec.key)
    if linter is None:
        from factcheck.config import apply_config
        from factcheck.engine import Linter

        config = spec.config
        linter = Linter(spec.pack, spec.as_of, policy=lambda report, source: apply_config(report.findings, config))
        _LINTERS[spec.key] = linter
    return linter


def lint_batch(requests: list[tuple], spec: LinterSpec) -> list[FileReport | BaseException]:
    """Worker side: lint each (text, path, fmt, published, updated); an exception is returned,
    not raised, so one bad page fails alone as it does locally."""
    out: list[FileReport | BaseException] = []
    with _LOCK:
        linter = _linter_for(spec)
        for args in requests:
            try:
                out.append(linter.lint_text(*args))
            except Exception as exc:
                out.append(RuntimeError(f"{exc}") if not _picklable(exc) else exc)
    return out


def _picklable(obj: Any) -> bool:
    try:
        pickle.dumps(obj)
    except Exception:
        return False
    return True


def connect(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    """A Client on `scheduler` (tcp://HOST:8786), or on a new local cluster on 127.0.0.1.
    Returns (client, cluster or None); close both when done."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailableError('--engine dask needs dask.distributed: pip install "factcheck[dask]"') from None
    try:
        if scheduler:
            return Client(scheduler, timeout="30s"), None
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
        return Client(cluster), cluster
    except OSError as exc:
        raise DaskUnavailableError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None


def run_audit_dask(
    inputs: list[PageInput],
    spec: LinterSpec,
    run: RunInfo,
    client: Any,
    *,
    fetch_limits: dict[str, Any] | None = None,
    session: Any = None,
    on_page: Callable[[PageResult], None] | None = None,
    window: int | None = None,
) -> AuditResult:
    """`factcheck.audit.runner.run_audit` with the lint step on the cluster; same pages, same order."""
    pages: list[PageResult] = []
    spec_future = client.scatter(spec, broadcast=True, hash=False)  # the pack goes to each worker once
    ahead = window or max(4, 4 * len(client.scheduler_info().get("workers", {})))

    def done(page: PageResult) -> None:
        page.finalize(run.as_of)
        pages.append(page)
        if on_page:
            on_page(page)

    def file_pages() -> Iterator[tuple[PageResult, str | None]]:
        for item in inputs:
            if item.origin == "file":
                yield read_file_page(item)

    def url_pages() -> Iterator[tuple[PageResult, str | None]]:
        urls = [i.path for i in inputs if i.origin == "url"]
        if urls:
            from factcheck.fetch import fetch_many

            for fetched in fetch_many(urls, session=session, **(fetch_limits or {})):
                yield fetched_page(fetched)

    for stream in (file_pages(), url_pages()):
        for page in _linted(stream, spec_future, client, ahead):
            done(page)
    return AuditResult(run=run, pages=pages)


def _linted(stream: Iterator[tuple[PageResult, str | None]], spec_future: Any, client: Any,
            ahead: int) -> Iterator[PageResult]:
    """Pages in stream order; at most `ahead` batches in flight, so memory stays bounded."""
    in_flight: collections.deque = collections.deque()
    batch: list[tuple[PageResult, str | None, str | None, tuple | None]] = []

    def submit() -> None:
        requests = [args for _p, _t, _m, args in batch if args is not None]
        future = client.submit(lint_batch, requests, spec_future, pure=False) if requests else None
        in_flight.append((list(batch), future))
        batch.clear()

    def drain_one() -> Iterator[PageResult]:
        items, future = in_flight.popleft()
        outcomes = iter(future.result() if future is not None else [])
        for page, text, meta_title, args in items:
            if args is None:
                yield page  # failed or skipped before linting
            else:
                yield finish_page(page, next(outcomes), text or "", meta_title)
        if future is not None:
            future.release()

    for page, text in stream:
        if text is None:
            batch.append((page, None, None, None))
        else:
            args, meta_title = lint_request(page, text)
            batch.append((page, text, meta_title, args))
        if len(batch) >= BATCH:
            submit()
            while len(in_flight) > ahead:
                yield from drain_one()
    if batch:
        submit()
    while in_flight:
        yield from drain_one()
