"""The `factcheck` command group.

Subcommands live in their own modules and are imported only when invoked, so `factcheck --help`
and `factcheck --version` never import spaCy or the claims pack.
"""

from __future__ import annotations

import importlib

import click

from factcheck import __version__

# command name -> "module:attribute"; each module owns one command (or group).
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "lint": ("factcheck.cli.lint:lint", "Lint articles (files, folders, stdin, URLs) against the claims database."),
    "db": ("factcheck.cli.db:db", "Inspect and validate the claims database."),
    "explain": ("factcheck.cli.explain:explain", "Explain a rule: what it catches, why, examples, sources."),
    "audit": ("factcheck.cli.audit:audit", "Audit a site, folder or list of URLs into a report (HTML, Markdown, JSON)."),
    "config": ("factcheck.cli.config_cmd:config", "Print the effective configuration and where it came from."),
    "serve": ("factcheck.cli.serve:serve", "Serve a local web page to check a draft (needs factcheck[serve])."),
    "lsp": ("factcheck.cli.lsp:lsp", "Run the language server over stdio, for editors (needs factcheck[lsp])."),
}


# Exit codes for a run cut short by a signal (shell convention 128 + signal number), so CI can
# tell an interrupted run from one with findings (1).
EXIT_SIGINT = 130
EXIT_SIGTERM = 143


def _on_sigterm(signum: int, frame: object) -> None:
    # Unwind like Ctrl-C does: `with Pool()` terminates the workers, --output drops its temp file.
    raise SystemExit(128 + signum)


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def invoke(self, ctx: click.Context) -> object:
        import signal
        import threading

        old = None
        if threading.current_thread() is threading.main_thread():
            old = signal.signal(signal.SIGTERM, _on_sigterm)
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # click would print "Aborted!" and exit 1, the code for findings.
            click.echo("factcheck: interrupted", err=True)
            raise click.exceptions.Exit(EXIT_SIGINT) from None
        finally:
            if old is not None:
                signal.signal(signal.SIGTERM, old)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in SUBCOMMANDS:
            return None
        target, _ = SUBCOMMANDS[name]
        module_name, _, attr = target.partition(":")
        return getattr(importlib.import_module(module_name), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Use the short help recorded above instead of importing every subcommand for --help.
        rows = [(name, SUBCOMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="factcheck")
def main() -> None:
    """factcheck: find outdated, wrong, retracted and unsupported claims in articles.

    \b
    Examples:
      factcheck lint examples/
      factcheck lint --format json --as-of 2026-11-22 site/
      factcheck explain approval-imminent
    """
