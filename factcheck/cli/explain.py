"""`factcheck explain RULE`: what a rule catches, why, examples, patterns and sources.

Covers the pack's `corrects` rules and the engine's built-in rules. Plain Markdown-ish text.
"""

from __future__ import annotations

import textwrap
from typing import Any

import click

from factcheck.cli.common import die
from factcheck.cli.db import close_matches, config_option, iso, load_user_pack, pack_option, rel, source_lines

WIDTH = 100


@click.command("explain")
@click.argument("rule_id", metavar="RULE", required=False)
@click.option("--list", "list_all", is_flag=True, help="List every rule id with its summary.")
@pack_option
@config_option
def explain(rule_id: str | None, list_all: bool, packs: tuple[str, ...], config_path: str | None) -> None:
    """Explain a rule: what it catches, why, examples of flagged and accepted text, sources.

    \b
    Examples:
      factcheck explain approval-imminent
      factcheck explain figure-wrong-arm
      factcheck explain --list
    """
    from factcheck.judge import BUILTIN_RULES

    if not list_all and not rule_id:
        die("give a rule id, or --list to see them all")
    pack = load_user_pack(packs, config_path)
    if list_all:
        click.echo("\n".join(list_lines(pack, BUILTIN_RULES)))
        return
    assert rule_id is not None
    if pack.rule(rule_id) is not None:
        lines = pack_rule_lines(pack, pack.rule(rule_id))
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


def _para(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, width=WIDTH, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)


def pack_rule_lines(pack: Any, r: Any) -> list[str]:
    claim = pack.claims.get(r.claim_id)
    since = f"since {iso(r.since)}" if r.since else ("never true" if r.verdict == "contradicted" else "since: not given")
    out = [f"# {r.id}", "", *_para(r.summary), "",
           f"verdict: {r.verdict} ({since}) · severity: {r.severity} · kind: {r.kind}",
           f"defined in {rel(str(r.origin.file))}:{r.origin.line}, on claim {r.claim_id}", ""]
    out += ["## What it catches", "", *_para(r.message), ""]
    out += ["## Why", ""]
    if claim:
        out += _para(claim.fact)
        dates = [f"true from {iso(claim.valid_from)}" if claim.valid_from else None,
                 f"until {iso(claim.valid_until)}" if claim.valid_until else None,
                 f"verified {iso(claim.verified_on)}", f"review by {iso(claim.review_by)}"]
        out += ["", f"({'; '.join(d for d in dates if d)})"]
    if r.verdict == "outdated" and r.since:
        out += ["", *_para(f"Statements like this were true or plausible before {iso(r.since)} and are outdated "
                           "since then; text dated earlier is still flagged, with a note that it was correct when "
                           "published.")]
    elif r.since is None and r.verdict == "contradicted":
        out += ["", "Statements like this were never true."]
    out.append("")
    if r.suggestion:
        out += ["## Suggested rewrite", "", *_para(r.suggestion), ""]
    out += ["## Examples", ""]
    if r.examples_flagged:
        out.append("Flagged:")
        out += [f"  - {s}" for s in r.examples_flagged]
    if r.examples_accepted:
        out.append("Accepted (not flagged):")
        out += [f"  - {s}" for s in r.examples_accepted]
    if not (r.examples_flagged or r.examples_accepted):
        out.append("(none recorded)")
    out += ["", "## Patterns", ""]
    out.append("Matched case-insensitively on the normalised sentence; {name} is a lexicon macro.")
    out += [f"  - {p}" for p in r.pattern_sources]
    if r.unless:
        out += ["Unless the sentence also matches:"] + [f"  - {p.pattern}" for p in r.unless]
    if r.context:
        out += [f"Only when the {r.context_scope} matches one of:"] + [f"  - {p.pattern}" for p in r.context]
    if not r.negatable:
        out.append("Negation does not veto a match.")
    out += ["", "## Sources", ""]
    ids = claim.sources if claim else []
    for sid in ids:
        src = pack.sources.get(sid)
        out += source_lines(src, evidence=True, indent="") if src else [f"- [{sid}] (unknown source)"]
    if not ids:
        out.append("(none)")
    return out


def builtin_lines(b: Any) -> list[str]:
    out = [f"# {b.id}", "", *_para(b.summary), "",
           f"verdict: {b.verdict} · severity: {b.severity} · kind: {b.kind}",
           "built-in rule: the engine applies it, using the studies and values in the claims database", ""]
    out += ["## What it catches, and why", "", *_para(b.description), ""]
    out += ["## Facts and sources", "",
            *_para("Each finding names the study or value it was checked against and that entry's sources; "
                   "see `factcheck db list --type studies` and `factcheck db show ID`.")]
    return out
