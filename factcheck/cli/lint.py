"""`factcheck lint`: the editor's and CI's command. Parses options, wires the stages, sets the exit code.

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage, input or
database errors (an unreadable input is reported and the other inputs are still linted).
"""

from __future__ import annotations

import io
import os
import sys
from datetime import date
from pathlib import Path

import click

from factcheck.cli.common import DateParam, die, run_settings
from factcheck.config import DEFAULT_FAIL_ON, Config
from factcheck.gc_tuning import for_documents, long_lived
from factcheck.models import SEVERITY_RANK, FileReport, RunInfo, Summary
from factcheck.policy import finding_policy
from factcheck.report import FORMATS, get_reporter
from factcheck.report.output import AtomicOutput, render_statistics


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Output format.")
@click.option("--as-of", type=DateParam(), default=None, help="Judge as of this date (YYYY-MM-DD). Default: today.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Exit 1 when a finding at or above this severity is reported. [default: warning, or config]")
@click.option("--quiet", "-q", is_flag=True, help="Only the finding lines: no excerpts, no summary.")
@click.option("--show-supported", is_flag=True, help="Also report claims that agree with the database.")
@click.option("--pack", "packs", multiple=True, type=click.Path(file_okay=False), help="An extra claims pack folder (repeatable).")
@click.option("--no-bundled", is_flag=True,
              help="Use only the packs from --pack and the config's `packs:`, not the bundled one.")
@click.option("--stdin-filename", default=None, help="Name (and format, by extension) for text read from '-'.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour in text output (auto: on a terminal, unless NO_COLOR is set).")
# CI options (issue 6): config, output file, statistics, baselines, unused suppressions.
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Config file to use (default: .factcheck.yaml or [tool.factcheck] in pyproject.toml, searched upward).")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to FILE (atomically) instead of stdout.")
@click.option("--statistics", is_flag=True,
              help="Print counts per rule after the report (to stderr when a machine-readable report is on stdout).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None,
              help="Report only findings not recorded in this baseline file; list recorded ones now fixed.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Record this run's findings in FILE (exit 0 unless an input could not be read).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes for many files (0: one per core). Output order is unchanged.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="HOST",
              help="Allow fetching URLs from this private or local host, address or network. Repeatable.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Folder of cached results per file content [default: .factcheck_cache, or $FACTCHECK_CACHE_DIR].")
@click.option("--no-cache", is_flag=True, help="Neither read nor write cached results.")
@click.option("--report-unused-suppressions", is_flag=True,
              help="Report 'factcheck: disable' comments that suppress nothing (rule unused-suppression).")
def lint(paths: tuple[str, ...], fmt: str, as_of: date | None, fail_on: str | None, quiet: bool, show_supported: bool,
         packs: tuple[str, ...], no_bundled: bool, stdin_filename: str | None, color: str, config_path: str | None,
         output: str | None, statistics: bool, baseline_path: str | None, write_baseline_path: str | None,
         jobs: int, allow_hosts: tuple[str, ...], cache_dir: str | None, no_cache: bool,
         report_unused_suppressions: bool) -> None:
    """Check articles: Markdown, HTML and text files, folders (recursive), '-' for stdin, or URLs.

    \b
    Examples:
      factcheck lint examples/
      factcheck lint draft.md page.html notes.txt -
      factcheck lint --format json --as-of 2026-11-22 site/
      cat draft.md | factcheck lint --stdin-filename draft.md -
    """
    from factcheck.documents import InputError, decode, format_for
    from factcheck.documents.reader import read_capped
    from factcheck.inputs import expand

    with long_lived():  # the config and the compiled pack live as long as the run
        settings = run_settings(config_path, packs, as_of, bundled=not no_bundled)
    cfg, as_of, pack, rules = settings.config, settings.as_of, settings.pack, settings.rules
    fail_on = fail_on or cfg.fail_on or DEFAULT_FAIL_ON
    baseline = _load_baseline(baseline_path)
    path_filter = cfg.path_filter()
    from factcheck.report.output import OutputTargetError, check_target

    try:
        # Before the run: a wrong target should not cost a whole lint to find out.
        if output and output != "-":
            check_target(output, paths, "--output")
        if write_baseline_path:
            check_target(write_baseline_path, paths, "--write-baseline")
    except OutputTargetError as exc:
        die(str(exc))
    linter = _LazyLinter(lambda: _new_linter(pack, as_of, show_supported,
                                             finding_policy(cfg, report_unused_suppressions, format_for)))
    out = AtomicOutput(output)
    stream = out.__enter__()
    use_color = color == "always" or (color == "auto" and stream.isatty() and not os.environ.get("NO_COLOR"))
    reporter = get_reporter(fmt, io.StringIO() if _inject_json(fmt, baseline) else stream, color=use_color, quiet=quiet)
    reporter.start(RunInfo(tool_version=_version(), as_of=as_of, database_claims=len(pack.claims),
                           database_sources=len(pack.sources), database_fingerprint=pack.fingerprint,
                           rules=rules))
    summary = Summary()
    threshold = SEVERITY_RANK.get(fail_on, 99)
    failing = False
    recorded: list[FileReport] = []  # for --write-baseline

    n_jobs = jobs or _default_jobs()
    cache = _open_cache(cache_dir, no_cache, pack, cfg, as_of, show_supported, report_unused_suppressions)

    def lint_files(names: list[str]):  # type: ignore[no-untyped-def]
        if cache is None or not names:
            return linter.lint_paths(names, jobs=n_jobs)
        from factcheck.cache import cached_lint_paths

        return cached_lint_paths(linter, names, n_jobs, cache)

    def reports():  # type: ignore[no-untyped-def]
        pending: list[str] = []
        explicit = {p for p in paths if os.path.isfile(p)}
        for item in expand(list(paths), accept=path_filter.accepts_walked):
            if item.kind == "file":
                # Named files skip include/.gitignore but not exclude (pre-commit passes names).
                if item.name not in explicit or path_filter.accepts_explicit(Path(item.name)):
                    pending.append(item.name)
                continue
            yield from lint_files(pending)
            pending = []
            if item.kind == "missing":
                yield FileReport(path=item.name, error="no such file or folder")
            elif item.kind == "error":
                yield FileReport(path=item.name, error=item.reason)
            elif item.kind == "stdin":
                name = stdin_filename or "<stdin>"
                try:
                    text = decode(read_capped(sys.stdin.buffer, name), name)
                    yield linter.lint_text(text, name, format_for(name, text))
                except InputError as exc:
                    yield FileReport(path=name, error=exc.reason)
            elif item.kind == "url":
                yield _lint_url(linter, item.name, allow_hosts)
        yield from lint_files(pending)

    try:
        for report in reports():
            report.source_text = None  # kept only for the directives; no formatter here needs it
            if write_baseline_path:
                recorded.append(FileReport(path=report.path, findings=list(report.findings)))
            if baseline is not None:
                report = baseline.filter_report(report)
            summary.add(report)
            if any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings):
                failing = True
            reporter.file(report)
        reporter.finish(summary)
        baseline_result = baseline.result() if baseline is not None else None
        if _inject_json(fmt, baseline):
            _write_json_with_baseline(reporter.stream.getvalue(), baseline_result, stream)  # type: ignore[attr-defined]
        if statistics:
            # After a text report, or when the report went to --output: stdout. After JSON/SARIF/...
            # on stdout: stderr, so the machine-readable output stays parseable.
            click.echo(render_statistics(summary, rules), nl=False, err=fmt != "text" and output is None)
    except BaseException as exc:
        out.__exit__(type(exc), exc, exc.__traceback__)
        raise
    try:
        out.__exit__(None, None, None)
    except OutputTargetError as exc:  # the target changed into a device, FIFO... during the run
        die(str(exc))
    if baseline_result is not None and not quiet:
        click.echo(f"factcheck: {baseline_result.summary_line()}", err=True)
        for entry in baseline_result.fixed:
            from factcheck.report.sanitize import one_line

            click.echo(one_line(f"  fixed: {entry.path}: {entry.rule}: {entry.text}"), err=True)
    if write_baseline_path:
        from factcheck.baseline import write_baseline

        n = write_baseline(write_baseline_path, recorded, _version())
        click.echo(f"factcheck: wrote {n} finding{'s' if n != 1 else ''} to baseline {write_baseline_path}", err=True)
        failing = False
    if summary.errors:
        sys.exit(2)
    sys.exit(1 if failing else 0)


class _LazyLinter:
    """Builds the engine (spaCy and the compiled pack) on first use, so a run whose files all
    come from the cache never imports spaCy."""

    def __init__(self, build) -> None:  # type: ignore[no-untyped-def]
        self._build = build
        self._linter = None

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        if self._linter is None:
            self._linter = self._build()
        return getattr(self._linter, name)


def _new_linter(pack, as_of: date, show_supported: bool, policy):  # type: ignore[no-untyped-def]
    with long_lived():  # spaCy and the pipeline live as long as the run (and its forked workers)
        from factcheck.engine import Linter

        # The policy gets each source inside the engine; reports need not carry it (nor workers send it).
        linter = Linter(pack, as_of, show_supported=show_supported, keep_source=False, policy=policy)
    for_documents()  # what follows is documents: few collections (forked workers inherit it)
    return linter


def _default_jobs() -> int:
    # Same rule as factcheck.engine.default_jobs, without importing the engine (and spaCy).
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _open_cache(cache_dir: str | None, no_cache: bool, pack, cfg: Config, as_of: date, show_supported: bool,  # type: ignore[no-untyped-def]
                report_unused: bool):
    """The result cache for this run, or None. FACTCHECK_NO_CACHE=1 turns the default off (the
    test suite sets it); an explicit --cache-dir still uses one."""
    if no_cache or (cache_dir is None and os.environ.get("FACTCHECK_NO_CACHE")):
        return None
    from factcheck.cache import ResultCache, code_fingerprint, default_cache_dir, run_key

    key = run_key(_version(), code_fingerprint(), pack.fingerprint, pack.roots, cfg.to_dict(),
                  as_of.isoformat(), show_supported, report_unused)
    return ResultCache(cache_dir or default_cache_dir(), key)


def _load_baseline(path: str | None):  # type: ignore[no-untyped-def]
    if path is None:
        return None
    from factcheck.baseline import BaselineError, load_baseline

    try:
        return load_baseline(path).matcher()
    except BaselineError as exc:
        die(str(exc))


def _inject_json(fmt: str, baseline) -> bool:  # type: ignore[no-untyped-def]
    # The JSON report gains a "baseline" key (new/known/fixed) when --baseline is used.
    return fmt == "json" and baseline is not None


def _write_json_with_baseline(rendered: str, result, stream) -> None:  # type: ignore[no-untyped-def]
    import json

    doc = json.loads(rendered)
    doc["baseline"] = result.to_json()
    json.dump(doc, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _lint_url(linter, url: str, allow_hosts: tuple[str, ...] = ()) -> FileReport:  # type: ignore[no-untyped-def]
    from factcheck.fetch import fetch_page

    page = fetch_page(url, allow_hosts=allow_hosts)
    if not page.ok or page.text is None:
        return FileReport(path=url, error=page.error or f"could not fetch (HTTP {page.status})")
    return linter.lint_text(page.text, url, page.format)


def _version() -> str:
    from factcheck import __version__

    return __version__


__all__ = ["die", "lint"]
