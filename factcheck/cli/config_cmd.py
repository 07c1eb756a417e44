"""`factcheck config`: print the effective configuration and the file it came from."""

from __future__ import annotations

import json
import sys

import click
import yaml

from factcheck.config import ConfigError, load_config


@click.command("config")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Use this config file instead of searching upward from the working directory.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json"]),
    default="yaml",
    show_default=True,
    help="Output format.",
)
def config(config_path: str | None, fmt: str) -> None:
    """Print the effective configuration and where it came from.

    Settings come from .factcheck.yaml or [tool.factcheck] in pyproject.toml, whichever is found
    first walking up from the working directory; keys not set show their defaults.
    """
    try:
        cfg = load_config(None, config_path)
    except ConfigError as exc:
        click.echo(f"factcheck: error: {exc}", err=True)
        sys.exit(2)
    source = str(cfg.path) if cfg.path else None
    if fmt == "json":
        click.echo(json.dumps({"file": source, "config": cfg.to_dict(effective=True)}, indent=2))
        return
    click.echo(f"# from: {source or '(no config file found; defaults)'}")
    click.echo(yaml.safe_dump(cfg.to_dict(effective=True), sort_keys=False, default_flow_style=False).rstrip())
