"""Wire the stages: document -> spaCy pipeline -> judge -> findings at source positions.

`Linter` is built once per process (pipeline and compiled pack included) and streams FileReports,
so memory stays flat however many files are linted.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from pathlib import Path

from factcheck.documents import Document, InputError, parse, read_document
from factcheck.judge import Judge, JudgeOptions
from factcheck.judge.judge import resolve_overlaps
from factcheck.knowledge.model import Pack
from factcheck.models import FileReport, Finding
from factcheck.nlp import chunks as nlp_chunks
from factcheck.nlp.chunks import split_for_nlp
from factcheck.nlp.pipeline import claims_of, get_pipeline, pipe_texts

BATCH = 16  # documents read ahead and piped together; bounds memory
PARALLEL_MIN_FILES = 8  # below this, starting workers costs more than it saves

# The linter a forked worker uses: inherited from the parent at fork time, so the spaCy pipeline
# and the compiled pack are built once, not once per worker.
_WORKER_LINTER: Linter | None = None


SURVIVOR_GRACE = 10.0  # seconds a surviving worker gets to act on the executor's SIGTERM
DEAD_WORKER_GRACE = 5.0  # seconds the executor gets to notice a dead worker before the run does


def _worker_init() -> None:
    """A forked worker gets the default SIGTERM action back. It inherits the CLI's handler, which
    raises SystemExit to unwind the parent; in a worker that exception was sent back as the task's
    result, so when one worker died the executor's terminate() of the others did not stop them: a
    survivor blocked for ever writing that result to a pipe no longer read, and Python's executor
    spun at full CPU waiting for it to exit (an intermittent hang of `lint --jobs`)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _worker_lint(paths: list[str]) -> list[FileReport]:
    assert _WORKER_LINTER is not None
    return list(_WORKER_LINTER.lint_paths(paths, jobs=1))


def result_or_broken(future, executor, workers: list, poll: float = 1.0,  # type: ignore[no-untyped-def]
                     grace: float = DEAD_WORKER_GRACE) -> list[FileReport]:
    """The future's result, or BrokenProcessPool once a worker has been dead for `grace` seconds
    while the future is still not done.

    The executor notices a dead worker by itself, except in one case: a worker killed while it was
    writing a result leaves half a message in the result pipe, and the executor's manager thread
    then waits for the rest for ever (the run hung; seen once in CI on Python 3.10). Closing this
    process's copy of the pipe's write end ends that wait with an error, and the executor then
    marks the pool broken as it does for any dead worker."""
    dead_since: float | None = None
    while True:
        try:
            return future.result(timeout=poll)  # type: ignore[no-any-return]
        except FuturesTimeout:
            pass
        if dead_since is None:
            # (the executor may start a worker after the caller's list was taken: keep it complete)
            workers.extend(p for p in (getattr(executor, "_processes", None) or {}).values() if p not in workers)
            if any(p.exitcode is not None for p in workers):
                dead_since = time.monotonic()
            continue
        if time.monotonic() - dead_since >= grace:
            writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)
            try:
                if writer is not None:
                    writer.close()
            except OSError:
                pass
            raise BrokenProcessPool("a worker process died and its result never came")


def _internal_error(exc: BaseException) -> str:
    """One line for a file that could not be checked because of a bug: exit 2, not a crash."""
    detail = " ".join(str(exc).split())[:200]
    return f"could not be checked: internal error ({type(exc).__name__}: {detail})"


def _how_it_ended(exitcode: int) -> str:
    if exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit code {exitcode}"


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


class Linter:
    def __init__(self, pack: Pack, as_of: date, show_supported: bool = False, keep_source: bool = False,
                 policy: Callable[[FileReport, str], list[Finding]] | None = None) -> None:
        """`policy` (suppressions, config) gets each report with all its findings before findings
        that overlap compete for a span, so turning one rule off never hides another's finding."""
        self.policy = policy
        self.pack = pack
        self.as_of = as_of
        self.nlp = get_pipeline(pack)
        options = JudgeOptions(as_of=as_of, show_supported=show_supported)
        # One judge per pack: each compares claims with its own pack's records.
        self.judges = {sub.id: Judge(sub, options) for sub in pack.packs}
        self.covers = {r.id: set(r.covers) for sub in pack.packs for r in sub.rules.values() if r.covers}
        self.judge = self.judges[pack.packs[0].id]
        self.keep_source = keep_source

    # -- single inputs -----------------------------------------------------------------------
    def lint_text(self, text: str, path: str, fmt: str = "markdown", published: date | None = None,
                  updated: date | None = None) -> FileReport:
        try:
            doc = parse(text, path, fmt)
        except Exception as exc:  # a parser bug fails this input, not the run
            return FileReport(path=path, error=_internal_error(exc))
        doc.published = published or doc.published
        doc.updated = updated or doc.updated
        return next(self.lint_documents([doc]))

    def lint_path(self, path: str | Path) -> FileReport:
        return next(self.lint_paths([path]))

    # -- streams -----------------------------------------------------------------------------
    def lint_paths(self, paths: Iterable[str | Path], jobs: int = 1) -> Iterator[FileReport]:
        """Read, lint and yield one report per path, in order; unreadable inputs yield an error report.

        With jobs > 1 a fork pool lints chunks of files; workers send back findings (small),
        never spaCy Docs, and results still come out in input order as they are ready."""
        if jobs > 1 and hasattr(os, "fork"):
            path_list = [str(p) for p in paths]
            if len(path_list) >= PARALLEL_MIN_FILES:
                yield from self._lint_parallel(path_list, jobs)
                return
            paths = path_list
        batch: list[Document | FileReport] = []
        for path in paths:
            try:
                batch.append(read_document(path))
            except InputError as exc:
                batch.append(FileReport(path=str(path), error=exc.reason))
            except Exception as exc:  # a parser bug fails this file, not the run
                batch.append(FileReport(path=str(path), error=_internal_error(exc)))
            if len(batch) >= BATCH:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _lint_parallel(self, paths: list[str], jobs: int) -> Iterator[FileReport]:
        global _WORKER_LINTER
        size = max(1, min(BATCH, len(paths) // (jobs * 4) or 1))
        chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
        _WORKER_LINTER = self
        ctx = multiprocessing.get_context("fork")
        done = 0
        workers: list = []
        # An executor, not a Pool: when a worker dies (killed, crashed) a Pool waits for its lost
        # task for ever; the executor says so, and the rest is linted here instead.
        executor = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init)
        try:
            futures = [executor.submit(_worker_lint, chunk) for chunk in chunks]
            workers = list((getattr(executor, "_processes", None) or {}).values())
            for future in futures:
                reports = result_or_broken(future, executor, workers)
                done += 1
                yield from reports
            executor.shutdown(wait=True)
        except BrokenProcessPool:
            # The executor stops the survivors with SIGTERM and waits for them; one that has not yet
            # reached its initializer (or is blocked on a queue lock the dead worker held) may never
            # act on it. Their work is redone here anyway: after a grace period, stop them for sure.
            for p in workers:
                p.join(timeout=SURVIVOR_GRACE)  # the executor's SIGTERM stops them, as a rule
            for p in workers:
                if p.is_alive():
                    p.kill()
            executor.shutdown(wait=True, cancel_futures=True)
            # Exit codes are known once the executor has waited for every worker.
            codes = [p.exitcode for p in workers if p.exitcode not in (None, 0)]
            # Say so (and how the worker ended): the output stays complete, but a worker killed
            # by something else on the machine is worth knowing about.
            # The pool stops the other workers with SIGTERM: name the first cause when it is another.
            first = [c for c in codes if c != -signal.SIGTERM] or codes
            ends = ", ".join(_how_it_ended(c) for c in first) or "unknown"
            print(f"factcheck: a worker process stopped ({ends}); the remaining files are linted in the main process",
                  file=sys.stderr)
            for chunk in chunks[done:]:
                yield from self.lint_paths(chunk, jobs=1)
        except BaseException:
            # Interrupted (Ctrl-C, SIGTERM, a consumer that stopped reading): no worker outlives the run.
            for p in workers:
                if p.is_alive():
                    p.kill()
            executor.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            _WORKER_LINTER = None

    def lint_documents(self, docs: Iterable[Document]) -> Iterator[FileReport]:
        batch: list[Document | FileReport] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= BATCH:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Document | FileReport]) -> Iterator[FileReport]:
        try:
            reports = list(self._run_batch(batch))
        except Exception:
            # One document broke a stage: lint the batch one by one, so only that document fails.
            reports = [self._run_one(item) for item in batch]
        yield from reports

    def _run_one(self, item: Document | FileReport) -> FileReport:
        if isinstance(item, FileReport):
            return item
        try:
            return next(self._run_batch([item]))
        except Exception as exc:
            return FileReport(path=item.path, error=_internal_error(exc))

    def _run_batch(self, batch: list[Document | FileReport]) -> Iterator[FileReport]:
        # Texts over spaCy's max_length are linted in pieces (split_for_nlp) with exact offsets.
        limit = min(nlp_chunks.CHUNK_CHARS, self.nlp.max_length)
        docs = [d for d in batch if isinstance(d, Document)]
        plans = [split_for_nlp(d.text, d.breaks, d.paragraphs, limit) for d in docs]
        spacy_docs = pipe_texts(self.nlp, ((c.text, c.breaks, c.paragraphs, d.date)
                                           for d, plan in zip(docs, plans) for c in plan))
        next_plan = iter(plans)
        for item in batch:
            if isinstance(item, FileReport):
                yield item
                continue
            findings: list[Finding] = []
            for chunk in next(next_plan):
                sdoc = next(spacy_docs)
                findings.extend(chunk.shift(self._judge(claims_of(sdoc), item.date)))  # type: ignore[arg-type]
            yield self._report(item, findings)

    def _judge(self, claims: list, doc_date: date | None) -> list[Finding]:
        by_pack: dict[str, list] = {}
        for c in claims:
            by_pack.setdefault(c.pack or self.pack.packs[0].id, []).append(c)
        findings: list[Finding] = []
        for pack_id, group in by_pack.items():
            findings += self.judges[pack_id].judge(group, doc_date, resolve=False)
        return findings

    def _report(self, doc: Document, findings: list[Finding]) -> FileReport:
        for f in findings:
            f.start, f.end = doc.to_source(f.start, f.end)
            if f.sentence is not None:
                f.sentence = doc.to_source(*f.sentence)
            _place(f, doc)
        report = FileReport(path=doc.path, findings=findings, published=doc.published, updated=doc.updated,
                            title=doc.title, source_text=doc.source if self.keep_source else None)
        if self.policy is not None:
            report.findings = self.policy(report, doc.source)
        spans = {id(f): (f.start, f.end) for f in report.findings}
        report.findings = resolve_overlaps(report.findings, self.covers)
        for f in report.findings:
            if spans[id(f)] != (f.start, f.end):
                _place(f, doc)  # it took in the words of a finding that said the same thing
        return report


def _place(f: Finding, doc: Document) -> None:
    """The finding's words, line and columns from its source span."""
    f.text = doc.source[f.start:f.end]
    f.line, f.column = doc.line_col(f.start)
    f.end_line, f.end_column = doc.line_col(f.end)
    f.line_text = doc.line_text(f.line)
