"""`factcheck explain RULE`: what a rule catches, why, examples, patterns and sources.

Covers the pack's `corrects` rules and the engine's built-in rules. Plain Markdown-ish text; the
page itself is rendered by factcheck/docs_gen.py, which SARIF's rule help shares. A typed rule is
shown in its kind's terms; a pattern rule's patterns, frame and `unless` as the pack wrote them.
"""

from __future__ import annotations

from typing import Any

import click

from factcheck.cli.common import die
from factcheck.cli.db import close_matches, config_option, load_user_pack, pack_option, source_lines

WIDTH = 100


@click.command("explain")
@click.argument("rule_id", metavar="RULE", required=False)
@click.option("--list", "list_all", is_flag=True, help="List every rule id with its summary.")
@click.option("--kinds", "kinds", is_flag=True, help="Print the reference of rule kinds and their slots (Markdown).")
@pack_option
@config_option
def explain(rule_id: str | None, list_all: bool, kinds: bool, packs: tuple[str, ...], config_path: str | None) -> None:
    """Explain a rule: what it catches, why, examples of flagged and accepted text, sources.

    \b
    Examples:
      factcheck explain approval-imminent
      factcheck explain figure-wrong-arm
      factcheck explain --list
      factcheck explain --kinds
    """
    from factcheck.judge import BUILTIN_RULES

    if kinds:
        from factcheck.docs_gen import kind_reference

        click.echo(kind_reference(), nl=False)
        return
    if not list_all and not rule_id:
        die("give a rule id, or --list to see them all (--kinds: the rule kinds)")
    pack = load_user_pack(packs, config_path)
    if list_all:
        click.echo("\n".join(list_lines(pack, BUILTIN_RULES)))
        return
    assert rule_id is not None
    rule = pack.rule(rule_id)
    if rule is not None:
        lines = pack_rule_lines(pack, rule)
    elif rule_id in BUILTIN_RULES:
        lines = builtin_lines(BUILTIN_RULES[rule_id])
    else:
        ids = sorted({*pack.rules, *BUILTIN_RULES})
        hint = close_matches(rule_id, ids)
        if rule_id in pack.claims:
            hint = f" ({rule_id!r} is a claim: try `factcheck db show {rule_id}`){hint}"
        die(f"no rule {rule_id!r}{hint}; `factcheck explain --list` lists them")
    click.echo("\n".join(lines).rstrip())


def list_lines(pack: Any, builtins: dict[str, Any]) -> list[str]:
    rows = [(r.id, r.verdict, r.severity, r.summary) for r in sorted(pack.rules.values(), key=lambda r: r.id)]
    brows = [(b.id, b.verdict, b.severity, b.summary) for b in builtins.values()]
    width = max(len(r[0]) for r in rows + brows)
    out = [f"Pack rules ({len(rows)})"]
    out += [f"  {i:<{width}}  {v:<12} {s:<7}  {summary}" for i, v, s, summary in rows]
    out += ["", f"Built-in rules ({len(brows)})"]
    out += [f"  {i:<{width}}  {v:<12} {s:<7}  {summary}" for i, v, s, summary in brows]
    return out


def pack_rule_lines(pack: Any, r: Any) -> list[str]:
    """The rule's page (docs_gen.rule_page, shared with SARIF help), wrapped for a terminal."""
    from factcheck.docs_gen import rule_page

    return rule_page(pack, r, width=WIDTH, source_lines=lambda src: source_lines(src, evidence=True, indent=""))


def builtin_lines(b: Any) -> list[str]:
    from factcheck.docs_gen import builtin_page

    return builtin_page(b, width=WIDTH)
