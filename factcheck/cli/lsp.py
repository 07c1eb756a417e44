"""`factcheck lsp`: the language server over stdio (issue 15)."""

from __future__ import annotations

import click

from factcheck.cli.common import die


@click.command()
@click.option("--stdio", is_flag=True, help="Speak over stdin/stdout (the default and only transport).")
def lsp(stdio: bool) -> None:
    """Run the factcheck language server over stdio for an editor's LSP client.

    Diagnostics for Markdown, HTML and plain text on open, change and save; hover shows the fact
    and sources; code actions apply a suggested rewrite or insert a suppression comment. The
    workspace's .factcheck.yaml or [tool.factcheck] applies.
    """
    try:
        from factcheck.lsp.server import main
    except ImportError:
        die('factcheck lsp needs pygls: pip install "factcheck[lsp]"')
    main()
