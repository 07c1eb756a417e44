"""`factcheck serve`: a local web page to check one draft at a time (issue 15)."""

from __future__ import annotations

from datetime import date

import click

from factcheck.cli.common import DateParam, die


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback lets other machines use the page.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
@click.option("--no-fetch", is_flag=True, help="Do not fetch URLs; only pasted text and uploads are checked.")
@click.option("--allow-host", "allow_hosts", multiple=True,
              help="Let URL checks reach this private or loopback host (name, address or network; repeatable).")
@click.option("--as-of", type=DateParam(), default=None, help="Default as-of date (YYYY-MM-DD). Default: today, or config.")
@click.option("--pack", "packs", multiple=True, type=click.Path(file_okay=False), help="An extra claims pack folder (repeatable).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Config file (default: .factcheck.yaml or [tool.factcheck], searched upward from here).")
def serve(host: str, port: int, open_browser: bool, no_fetch: bool, allow_hosts: tuple[str, ...], as_of: date | None, packs: tuple[str, ...],
          config_path: str | None) -> None:
    """Serve a local web page: paste or upload a draft (or give a URL) and see its findings.

    \b
    Examples:
      factcheck serve --open
      factcheck serve --port 9000 --no-fetch
    """
    try:
        from werkzeug.serving import make_server

        from factcheck.serve import create_app
    except ImportError:
        die('factcheck serve needs Flask: pip install "factcheck[serve]"')
    from factcheck.editor import Checker, CheckerError

    try:
        checker = Checker(None, config_path, packs, as_of)
    except CheckerError as exc:
        die(str(exc))
    allowed = {"127.0.0.1", "localhost", "::1"}
    if host not in ("127.0.0.1", "localhost", "::1"):
        allowed = {"*"} if host in ("0.0.0.0", "::") else allowed | {host.lower()}
    app = create_app(checker, fetch_enabled=not no_fetch, allowed_hosts=allowed, fetch_allow_hosts=tuple(allow_hosts))
    server = make_server(host, port, app, threaded=True)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{server.server_port}/"
    click.echo(f"factcheck: serving on {url} (Ctrl+C to stop)", err=True)
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
