"""`factcheck lint`: the editor's and CI's command. Parses options, wires the stages, sets the exit code.

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage, input or
database errors (an unreadable input is reported and the other inputs are still linted).
"""

from __future__ import annotations

import os
import sys
from datetime import date

import click

from factcheck.cli.common import DateParam, die, get_pack, rules_metadata
from factcheck.models import SEVERITY_RANK, FileReport, RunInfo, Summary
from factcheck.report import FORMATS, get_reporter


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Output format.")
@click.option("--as-of", type=DateParam(), default=None, help="Judge as of this date (YYYY-MM-DD). Default: today.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="warning",
              show_default=True, help="Exit 1 when a finding at or above this severity is reported.")
@click.option("--quiet", "-q", is_flag=True, help="Only the finding lines: no excerpts, no summary.")
@click.option("--show-supported", is_flag=True, help="Also report claims that agree with the database.")
@click.option("--pack", "packs", multiple=True, type=click.Path(file_okay=False), help="An extra claims pack folder (repeatable).")
@click.option("--stdin-filename", default=None, help="Name (and format, by extension) for text read from '-'.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour in text output (auto: on a terminal, unless NO_COLOR is set).")
def lint(paths: tuple[str, ...], fmt: str, as_of: date | None, fail_on: str, quiet: bool, show_supported: bool,
         packs: tuple[str, ...], stdin_filename: str | None, color: str) -> None:
    """Check articles: Markdown, HTML and text files, folders (recursive), '-' for stdin, or URLs.

    \b
    Examples:
      factcheck lint examples/
      factcheck lint draft.md page.html notes.txt -
      factcheck lint --format json --as-of 2026-11-22 site/
      cat draft.md | factcheck lint --stdin-filename draft.md -
    """
    from factcheck.documents import InputError, decode, format_for
    from factcheck.engine import Linter
    from factcheck.inputs import expand

    as_of = as_of or date.today()
    pack = get_pack(packs)
    linter = Linter(pack, as_of, show_supported=show_supported)
    use_color = color == "always" or (color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    reporter = get_reporter(fmt, sys.stdout, color=use_color, quiet=quiet)
    reporter.start(RunInfo(tool_version=_version(), as_of=as_of, database_claims=len(pack.claims),
                           database_sources=len(pack.sources), database_fingerprint=pack.fingerprint,
                           rules=rules_metadata(pack)))
    summary = Summary()
    threshold = SEVERITY_RANK.get(fail_on, 99)
    failing = False

    def reports():  # type: ignore[no-untyped-def]
        pending: list[str] = []
        for item in expand(list(paths)):
            if item.kind == "file":
                pending.append(item.name)
                continue
            yield from linter.lint_paths(pending)
            pending = []
            if item.kind == "missing":
                yield FileReport(path=item.name, error="no such file or folder")
            elif item.kind == "stdin":
                name = stdin_filename or "<stdin>"
                try:
                    text = decode(sys.stdin.buffer.read(), name)
                    yield linter.lint_text(text, name, format_for(name, text))
                except InputError as exc:
                    yield FileReport(path=name, error=exc.reason)
            elif item.kind == "url":
                yield _lint_url(linter, item.name)
        yield from linter.lint_paths(pending)

    for report in reports():
        summary.add(report)
        if any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings):
            failing = True
        reporter.file(report)
    reporter.finish(summary)
    if summary.errors:
        sys.exit(2)
    sys.exit(1 if failing else 0)


def _lint_url(linter, url: str) -> FileReport:  # type: ignore[no-untyped-def]
    from factcheck.fetch import fetch_page

    page = fetch_page(url)
    if not page.ok or page.text is None:
        return FileReport(path=url, error=page.error or f"could not fetch (HTTP {page.status})")
    return linter.lint_text(page.text, url, page.format)


def _version() -> str:
    from factcheck import __version__

    return __version__


__all__ = ["die", "lint"]
