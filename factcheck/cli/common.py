"""Helpers shared by the subcommands: option types, pack loading with clean errors."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click

from factcheck.rule_table import rules_metadata


class DateParam(click.ParamType):
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date in the form YYYY-MM-DD", param, ctx)


def die(message: str, code: int = 2) -> NoReturn:
    from factcheck.report.sanitize import one_line

    # Messages quote file names and file content: no escape sequence reaches the terminal.
    click.echo(f"factcheck: error: {one_line(message)}", err=True)
    sys.exit(code)


def get_pack(extra: tuple[str, ...] | list[str] = (), bundled: bool = True):  # type: ignore[no-untyped-def]
    """The compiled pack (bundled, unless told not to, + extra), or a one-line error and exit 2."""
    from factcheck.knowledge import PackError, load_pack_cached

    if not bundled and not extra:
        die("no claims pack to use (--no-bundled needs --pack DIR or `packs:` in the config)")
    try:
        return load_pack_cached([Path(p) for p in extra], include_bundled=bundled)
    except PackError as exc:
        die(str(exc))


@dataclass
class RunSettings:
    """What `lint` and `audit` both need before they start: config, date, pack, rule table."""

    config: Any
    as_of: date
    pack: Any
    rules: list[dict[str, Any]]


def run_settings(config_path: str | None, packs: tuple[str, ...] | list[str], as_of: date | None,
                 bundled: bool = True) -> RunSettings:
    """Load the config (walking up from the working directory unless named), the pack (bundled
    unless `bundled` is false, then the config's packs, then --pack, so the command line wins) and
    check the config's rule names against it. Any problem is a one-line error and exit 2."""
    from factcheck.config import ConfigError, load_config

    try:
        cfg = load_config(None, config_path)
    except ConfigError as exc:
        die(str(exc))
    pack = get_pack([*(str(p) for p in cfg.packs), *packs], bundled=bundled)
    rules = rules_metadata(pack)
    try:
        cfg.check_rules(r["id"] for r in rules)
    except ConfigError as exc:
        die(str(exc))
    return RunSettings(cfg, as_of or cfg.as_of or date.today(), pack, rules)
