"""`factcheck audit`: a periodic report over a whole site, from files or the web.

Exit status (the report set is written whenever it can be, so failures can be read):
  0  every page was audited and no finding is at or above --fail-on (default: never);
  1  a finding at or above --fail-on;
  2  a usage error, the reports could not be written, or a page failed (could not be read,
     fetched or linted; pages skipped for their content type do not count), or no page at all;
  130  interrupted (Ctrl-C).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from factcheck import __version__
from factcheck.cli.common import DateParam


@click.command(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""\b
Examples:
  factcheck audit content/ --out reports/2026-11/
  factcheck audit --urls pages.txt --out reports/2026-11/
  factcheck audit --sitemap https://example.org/sitemap.xml --out reports/2026-11/
  factcheck audit content/ --out reports/2026-12/ --compare reports/2026-11/audit.json
""",
)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--urls", "urls_file", type=click.Path(exists=True, dir_okay=False),
              help="A file of page URLs, one a line (# starts a comment).")
@click.option("--sitemap", "sitemaps", multiple=True, metavar="URL",
              help="A sitemap (or sitemap index) URL whose pages to audit. Repeatable.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for audit.json, report.md and report.html (created if needed).")
@click.option("--compare", "compare_path", type=click.Path(exists=True),
              help="A previous audit.json (or its folder): show new, fixed and open findings.")
@click.option("--as-of", "as_of", type=DateParam(), default=None,
              help="Judge as of this date (YYYY-MM-DD) instead of today, for reproducible runs.")
@click.option("--jobs", type=click.IntRange(1, 64), default=8, show_default=True,
              help="Pages fetched at once.")
@click.option("--per-host", type=click.IntRange(1, 64), default=4, show_default=True,
              help="Pages fetched at once from one host.")
@click.option("--timeout", type=click.FloatRange(0.1, 600), default=15.0, show_default=True,
              help="Seconds to wait for a server to connect or send data.")
@click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
              help="Retries after a 429/5xx answer or a failed connection.")
@click.option("--max-bytes", type=click.IntRange(1024), default=5_000_000, show_default=True,
              help="Largest page to download, in bytes.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="HOST",
              help="Allow fetching from this private or local host, address or network (e.g. 127.0.0.1, "
                   "10.0.0.0/8). Repeatable. By default only public addresses are fetched.")
@click.option("--pack", "packs", multiple=True, type=click.Path(file_okay=False),
              help="An extra claims pack folder (repeatable).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
              help="Configuration file (default: .factcheck.yaml or pyproject.toml found upward).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="never",
              show_default=True, help="Exit 1 when a finding at or above this severity is reported.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where pages are linted: this process, or a Dask distributed cluster (pip install 'factcheck[dask]').")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler for --engine dask (tcp://HOST:8786); default: a local cluster on 127.0.0.1.")
@click.option("--workers", type=click.IntRange(1, 1024), default=None,
              help="Workers of the local Dask cluster [default: one per core].")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def audit(
    paths: tuple[str, ...],
    urls_file: str | None,
    sitemaps: tuple[str, ...],
    out_dir: str,
    compare_path: str | None,
    as_of: date | None,
    jobs: int,
    per_host: int,
    timeout: float,
    retries: int,
    max_bytes: int,
    allow_hosts: tuple[str, ...],
    packs: tuple[str, ...],
    config_path: str | None,
    fail_on: str,
    engine: str,
    scheduler: str | None,
    workers: int | None,
    quiet: bool,
) -> None:
    """Audit a folder, a list of URLs or a sitemap into reports in --out.

    Writes audit.json (the JSON contract plus per-page status), report.md and a self-contained
    report.html with pages ranked by what to fix first.
    """
    from factcheck.audit.compare import CompareError, apply_compare, load_previous
    from factcheck.audit.progress import Progress
    from factcheck.audit.render import write_outputs
    from factcheck.audit.runner import AuditUsageError, collect_files, run_audit, url_inputs

    if not (paths or urls_file or sitemaps):
        raise click.UsageError("nothing to audit: give PATHS, --urls FILE or --sitemap URL")

    # Read the previous report first: a wrong --compare should fail before a long run.
    previous = None
    if compare_path:
        try:
            previous = load_previous(compare_path)
        except CompareError as exc:
            raise click.UsageError(f"--compare: {exc}") from None

    limits: dict[str, Any] = {
        "connect_timeout": min(timeout, 10.0),
        "read_timeout": timeout,
        "total_timeout": max(timeout * 4, 30.0),
        "retries": retries,
        "max_bytes": max_bytes,
        "jobs": jobs,
        "per_host": per_host,
        "allow_hosts": allow_hosts,
    }
    notes: list[str] = []
    try:
        inputs = collect_files(paths)
    except AuditUsageError as exc:
        raise click.UsageError(str(exc)) from None
    extra_urls: list[str] = []
    if urls_file:
        from factcheck.fetch import FetchError
        from factcheck.url_lists import urls_from_file

        try:
            extra_urls += urls_from_file(urls_file)
        except FetchError as exc:
            raise click.UsageError(f"--urls: {exc}") from None
        if not extra_urls:
            notes.append(f"{urls_file}: no URLs in the file")
    for sm in sitemaps:
        from factcheck.fetch import FetchError
        from factcheck.url_lists import urls_from_sitemap

        problems: list[str] = []
        try:
            found = urls_from_sitemap(sm, errors=problems, **limits)
        except FetchError as exc:
            from factcheck.report.sanitize import one_line

            click.echo(f"factcheck audit: sitemap {one_line(str(exc))}", err=True)
            notes.append(f"sitemap {exc}")
            found = []
        notes += [f"sitemap {p}" for p in problems]
        extra_urls += found
    inputs += url_inputs(u for u in extra_urls if u not in {i.path for i in inputs})

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if engine == "dask":
        result = _run_dask(inputs, as_of, config_path, packs, scheduler, workers, limits, quiet)
    else:
        linter, run = _make_linter(as_of, config_path, packs)
        progress = Progress(len(inputs), enabled=None if not quiet else False)
        try:
            result = run_audit(
                inputs,
                linter,
                run,
                fetch_limits=limits,
                on_page=lambda page: progress.advance(page.path),
            )
        finally:
            progress.close()
    result.notes = notes
    result.inputs = {
        "paths": list(paths),
        "urls_file": urls_file,
        "sitemaps": list(sitemaps),
        "pages": len(inputs),
    }
    if previous is not None:
        apply_compare(result, previous)

    from factcheck.report.output import OutputTargetError

    try:
        written = write_outputs(result, out_dir)
    except OutputTargetError as exc:
        from factcheck.cli.common import die

        die(f"{exc} (no report written; any previous one is unchanged)")
    s = result.summary()
    line = (
        f"factcheck audit: {s['files']} pages ({s['pages']['fetched']} linted, "
        f"{s['pages']['failed']} failed, {s['pages']['skipped']} skipped), "
        f"{s['findings']} findings ({s['by_severity'].get('error', 0)} errors, "
        f"{s['by_severity'].get('warning', 0)} warnings, {s['by_severity'].get('info', 0)} info)"
        f" on {s['pages']['with_findings']} pages"
    )
    if result.compare:
        c = result.compare
        line += f"; {c.new} new, {c.fixed} fixed, {c.open} still open"
    click.echo(f"{line} -> {Path(written['html'])}")
    if not result.linted:
        click.echo("factcheck audit: no page could be audited", err=True)
        sys.exit(2)
    if s["pages"]["failed"]:
        click.echo(f"factcheck audit: {s['pages']['failed']} page(s) failed (see the report)", err=True)
        sys.exit(2)
    from factcheck.models import SEVERITY_RANK

    threshold = SEVERITY_RANK.get(fail_on, 99)
    if any(SEVERITY_RANK.get(f.severity, -1) >= threshold for p in result.pages for f in p.findings):
        sys.exit(1)


def _run_dask(inputs: list[Any], as_of: date | None, config_path: str | None, packs: tuple[str, ...],
              scheduler: str | None, workers: int | None, limits: dict[str, Any], quiet: bool) -> Any:
    """The audit with the lint step on a Dask cluster (same reports as the local engine)."""
    from factcheck.audit.dask_engine import DaskUnavailableError, LinterSpec, connect, run_audit_dask
    from factcheck.audit.progress import Progress
    from factcheck.cli.common import run_settings
    from factcheck.models import RunInfo

    settings = run_settings(config_path, packs, as_of)
    pack = settings.pack
    run = RunInfo(tool_version=__version__, as_of=settings.as_of, database_claims=len(pack.claims),
                  database_sources=len(pack.sources), database_fingerprint=pack.fingerprint)
    spec = LinterSpec(pack, settings.as_of, settings.config)
    try:
        client, cluster = connect(scheduler, workers or _cores())
    except DaskUnavailableError as exc:
        raise click.UsageError(str(exc)) from None
    progress = Progress(len(inputs), enabled=None if not quiet else False)
    try:
        return run_audit_dask(inputs, spec, run, client, fetch_limits=limits,
                              on_page=lambda page: progress.advance(page.path))
    finally:
        progress.close()
        client.close()
        if cluster is not None:
            cluster.close()


def _cores() -> int:
    import os

    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _make_linter(as_of: date | None, config_path: str | None, packs: tuple[str, ...] = ()) -> tuple[Any, Any]:
    """The engine's Linter for this run, and the RunInfo stamped on the reports."""
    from factcheck.cli.common import run_settings
    from factcheck.engine import Linter
    from factcheck.models import RunInfo

    settings = run_settings(config_path, packs, as_of)
    config, as_of, pack = settings.config, settings.as_of, settings.pack
    from factcheck.config import apply_config

    # Config applies before overlapping findings compete for a span (as in `lint`).
    linter = Linter(pack, as_of, policy=lambda report, source: apply_config(report.findings, config))
    run = RunInfo(
        tool_version=__version__,
        as_of=as_of,
        database_claims=len(pack.claims),
        database_sources=len(pack.sources),
        database_fingerprint=pack.fingerprint,
    )
    return _Configured(linter, config), run


class _Configured:
    """The linter as the audit uses it (config is applied inside the engine, see _make_linter)."""

    def __init__(self, linter: Any, config: Any) -> None:
        self.linter = linter
        self.config = config

    def lint_text(self, text: str, path: str, fmt: str, published: Any = None, updated: Any = None) -> Any:
        return self.linter.lint_text(text, path, fmt, published=published, updated=updated)
