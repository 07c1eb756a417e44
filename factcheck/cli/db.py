"""`factcheck db`: validate, list and show the claims database (bundled pack + user packs).

Exit codes: 0 clean (warnings allowed); 1 problems (errors, dead links); 2 unusable (no pack,
unreadable config, unknown id).
"""

from __future__ import annotations

import difflib
import json
import os
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import click

from factcheck.cli.common import DateParam, die
from factcheck.report.sanitize import one_line

TYPES = ("claims", "sources", "studies", "rules")

pack_option = click.option("--pack", "packs", multiple=True, type=click.Path(file_okay=False),
                           help="An extra claims pack folder, after the config's packs (repeatable).")
config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
                             help="Config file to read `packs:` from (default: search upward from here).")


# --------------------------------------------------------------------------------------------
# Helpers shared with `explain`


def pack_roots(packs: tuple[str, ...] | list[str], config_path: str | None, bundled: bool = True) -> list[Path]:
    """Bundled pack, then the config's `packs:`, then --pack folders; exit 2 when one is unusable."""
    from factcheck.config import ConfigError, load_config
    from factcheck.knowledge import bundled_pack_root

    try:
        cfg = load_config(None, config_path)
    except ConfigError as exc:
        die(str(exc))
    roots = ([bundled_pack_root()] if bundled else []) + list(cfg.packs) + [Path(p) for p in packs]
    if not roots:
        die("no claims pack to check (--no-bundled needs --pack DIR or `packs:` in the config)")
    for root in roots:
        if not root.is_dir():
            die(f"{root}: claims pack folder not found")
        if not (root / "claims").is_dir() and not (root / "sources").is_dir():
            die(f"{root}: not a claims pack (no claims/ or sources/ folder)")
    # The same folder twice would make every entry a duplicate of itself.
    return list(dict.fromkeys(r.resolve() for r in roots))


def load_user_pack(packs: tuple[str, ...] | list[str], config_path: str | None):  # type: ignore[no-untyped-def]
    """The compiled pack (bundled + config + --pack); exit 2 with one line if it has errors."""
    from factcheck.knowledge import PackError, load_pack_cached

    extra = pack_roots(packs, config_path)[1:]
    try:
        return load_pack_cached(extra)
    except PackError as exc:
        die(str(exc))


def rel(path: str) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd()) else path
    except (ValueError, OSError):
        return path


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def since_label(verdict: str, since: Any) -> str:
    """How a rule's `since` reads: 'since 2024-08-09', 'never true' (contradicted), or, for an
    outdated or retracted rule without a date, 'since: not given' (never 'outdated, never true')."""
    if since:
        return f"since {since if isinstance(since, str) else iso(since)}"
    return "never true" if verdict == "contradicted" else "since: not given"


def source_lines(src: Any, evidence: bool = True, indent: str = "  ") -> list[str]:
    """A source as a few readable lines: title, publisher and date, URL, evidence quotes."""
    meta = ", ".join(x for x in (src.publisher, iso(src.published) or "undated") if x)
    out = [f"{indent}- [{src.id}] {src.title} ({meta})", f"{indent}  {src.url}"]
    if src.status == "retracted":
        out += _wrap(f"RETRACTED {iso(src.retracted_on) or ''}: {src.notice or ''}".rstrip(), indent + "  ")
    if evidence:
        for quote in src.evidence:
            out += _wrap(f'> "{quote}"', indent + "  ")
    return out


def _wrap(text: str, indent: str, width: int = 100) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent + "  ",
                         break_long_words=False, break_on_hyphens=False) or [indent]


def close_matches(word: str, candidates: list[str]) -> str:
    """' (did you mean: a, b?)' or ''."""
    near = difflib.get_close_matches(word, candidates, n=4, cutoff=0.5)
    if not near:
        near = [c for c in candidates if word.lower() in c][:4]
    return f" (did you mean: {', '.join(near)}?)" if near else ""


# --------------------------------------------------------------------------------------------
# The group


@click.group("db")
def db() -> None:
    """Inspect and validate the claims database (bundled pack plus user packs).

    \b
    Examples:
      factcheck db check
      factcheck db check --links --jobs 4
      factcheck db list --type rules
      factcheck db show us-fda-crl-2024
    """


# --------------------------------------------------------------------------------------------
# db check


@db.command("check")
@click.option("--links", is_flag=True, help="Also check that every source URL answers (network).")
@click.option("--as-of", type=DateParam(), default=None,
              help="Warn about entries whose review_by has passed as of this date. Default: config, else today.")
@pack_option
@config_option
@click.option("--no-bundled", is_flag=True, help="Check only the user packs, not the bundled one.")
@click.option("--no-examples", is_flag=True, help="Skip running each rule's examples through the linter.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0.01), default=10.0, show_default=True,
              help="--links: seconds to wait for a server to connect or answer.")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True,
              help="--links: extra attempts after a 429/5xx answer or a dropped connection.")
@click.option("--jobs", type=click.IntRange(min=1, max=64), default=8, show_default=True,
              help="--links: requests at once.")
@click.option("--stale", is_flag=True,
              help="Instead of validating, list what to re-verify next: oldest review_by first, with the sources "
                   "to re-read.")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True,
              help="--stale: how many entries to list.")
def check(links: bool, as_of: date | None, packs: tuple[str, ...], config_path: str | None, no_bundled: bool,
          no_examples: bool, fmt: str, timeout: float, retries: int, jobs: int, stale: bool, limit: int) -> None:
    """Validate the claims database: schema, ids, sources, evidence, dates, patterns, examples.

    Every problem is printed as FILE:LINE: LEVEL: MESSAGE. Exit 0 when there are no errors
    (warnings allowed), 1 when there are, 2 when no pack can be read.

    With --stale, list the claims and studies to re-verify next instead (exit 0).
    """
    from factcheck.config import ConfigError, load_config
    from factcheck.knowledge import check_packs
    from factcheck.knowledge.problems import Problem

    roots = pack_roots(packs, config_path, bundled=not no_bundled)
    if as_of is None:
        try:
            as_of = load_config(None, config_path).as_of
        except ConfigError as exc:  # pragma: no cover - pack_roots already read it
            die(str(exc))
    as_of = as_of or date.today()
    pack, problems = check_packs(roots, as_of)
    if pack is None:
        die("no claims pack could be read")
    if stale:
        _print_stale(pack, as_of, limit, fmt)
        return
    from factcheck.knowledge.checks import check_consistency

    problems += check_consistency(pack)
    notes: list[str] = []
    if not no_examples:
        if any(p.level == "error" for p in problems):
            # A pack with errors is compiled only partly; its examples would fail for that reason.
            notes.append("examples not run: fix the errors first")
        else:
            try:
                # Imported here: it loads the engine and spaCy, which the other checks do not need.
                from factcheck.selftest import check_examples

                problems += check_examples(pack, as_of)
            except Exception as exc:  # the linter itself failed (model missing...): one line, not a traceback
                die(f"cannot run the rules' examples through the linter: {type(exc).__name__}: {exc} "
                    "(--no-examples skips them)")
    link_results: list[tuple[Any, Any]] = []  # (source, LinkResult)
    if links:
        from factcheck.knowledge.links import check_links

        sources = sorted(pack.sources.values(), key=lambda s: (s.origin.file, s.origin.line))
        sources = [s for s in sources if s.url]
        results = check_links([s.url for s in sources], timeout=timeout, retries=retries, jobs=jobs)
        link_results = list(zip(sources, results, strict=True))
        for src, res in link_results:
            if res.is_problem or res.outcome == "blocked":
                level = "error" if res.is_problem else "warning"
                problems.append(Problem(src.origin.file, src.origin.line, level,
                                        f"source {src.id}: {res.describe()}: {src.url}"))

    problems.sort(key=lambda p: (p.file, p.line))
    errors = sum(p.level == "error" for p in problems)
    warnings = sum(p.level == "warning" for p in problems)
    counts = {"sources": len(pack.sources), "claims": len(pack.claims), "studies": len(pack.studies),
              "rules": len(pack.rules), "errors": errors, "warnings": warnings}
    if fmt == "json":
        out: dict[str, Any] = {
            "ok": errors == 0, "as_of": as_of.isoformat(), "packs": [str(r) for r in roots], "counts": counts,
            "problems": [{"file": p.file, "line": p.line, "level": p.level, "message": p.message} for p in problems],
        }
        if links:
            out["links"] = [{"source": s.id, "file": s.origin.file, "line": s.origin.line, "url": r.url,
                             "outcome": r.outcome, "status": r.status, "final_url": r.final_url,
                             "redirects": [{"status": st, "location": loc} for st, loc in r.redirects],
                             "error": r.error, "method": r.method, "attempts": r.attempts, "result": r.describe()}
                            for s, r in link_results]
        click.echo(json.dumps(out, indent=2))
    else:
        if link_results:
            click.echo(f"Links ({len(link_results)}):")
            for src, res in link_results:
                click.echo(one_line(f"  {res.describe():<24} {src.url}  [{src.id}]"))
            click.echo("")
        for p in problems:
            click.echo(one_line(f"{rel(p.file)}:{p.line}: {p.level}: {p.message}"))
        for note in notes:
            click.echo(f"note: {note}")
        where = "bundled pack" if not no_bundled else ""
        user = len(roots) - (0 if no_bundled else 1)
        if user:
            where = f"{where} + {user} user pack{'s' if user != 1 else ''}".lstrip(" +")
        click.echo(f"{where}: {counts['sources']} sources, {counts['claims']} claims, {counts['studies']} studies, "
                   f"{counts['rules']} rules; {errors} error{'s' if errors != 1 else ''}, "
                   f"{warnings} warning{'s' if warnings != 1 else ''} (as of {as_of.isoformat()})")
    raise SystemExit(1 if errors else 0)


def stale_entries(pack: Any, limit: int) -> list[Any]:
    """Claims and studies in the order to re-verify them: earliest review_by first (then the
    oldest verification, then id, so the order is stable)."""
    items = list(pack.claims.values()) + list(pack.studies.values())
    items.sort(key=lambda e: (e.review_by, e.verified_on, e.id))
    return items[:limit]


def _print_stale(pack: Any, as_of: date, limit: int, fmt: str) -> None:
    rows = stale_entries(pack, limit)
    if fmt == "json":
        click.echo(json.dumps({"as_of": as_of.isoformat(), "entries": [
            {"id": e.id, "type": "claim" if e.id in pack.claims else "study", "review_by": iso(e.review_by),
             "verified_on": iso(e.verified_on), "overdue": e.review_by < as_of,
             "file": e.origin.file, "line": e.origin.line,
             "sources": [{"id": s.id, "title": s.title, "url": s.url}
                         for s in (pack.sources.get(i) for i in e.sources) if s]}
            for e in rows]}, indent=2))
        return
    click.echo(f"Re-verify next ({len(rows)}, oldest review_by first; as of {as_of.isoformat()}):")
    for e in rows:
        kind = "claim" if e.id in pack.claims else "study"
        due = "OVERDUE " if e.review_by < as_of else ""
        text = e.fact if kind == "claim" else e.title
        click.echo("")
        click.echo(f"{due}review by {iso(e.review_by)}  {kind} {e.id}  (verified {iso(e.verified_on)})  "
                   f"{rel(str(e.origin.file))}:{e.origin.line}")
        click.echo(f"  {_short(text, 96)}")
        for sid in e.sources:
            src = pack.sources.get(sid)
            if src:
                click.echo(f"  - {src.title}")
                click.echo(f"    {src.url}")


# --------------------------------------------------------------------------------------------
# db list


def entries(pack: Any) -> dict[str, list[dict[str, Any]]]:
    """Every entry of the pack as plain dicts, by type (the JSON of `db list`)."""
    claims = [{"id": c.id, "type": "claim", "kind": c.kind, "fact": c.fact, "valid_from": iso(c.valid_from),
               "valid_until": iso(c.valid_until), "verified_on": iso(c.verified_on), "review_by": iso(c.review_by),
               "sources": list(c.sources), "rules": [r.id for r in c.rules], "values": len(c.values),
               "file": c.origin.file, "line": c.origin.line}
              for c in pack.claims.values()]
    sources = [{"id": s.id, "type": "source", "kind": s.kind, "title": s.title, "publisher": s.publisher,
                "published": iso(s.published), "accessed": iso(s.accessed), "url": s.url, "doi": s.doi,
                "status": s.status, "retracted_on": iso(s.retracted_on), "evidence": list(s.evidence),
                "file": s.origin.file, "line": s.origin.line}
               for s in pack.sources.values()]
    studies = [{"id": s.id, "type": "study", "kind": "study", "title": s.title, "label": s.label,
                "aliases": list(s.aliases), "journal": s.journal, "published": iso(s.published),
                "verified_on": iso(s.verified_on), "review_by": iso(s.review_by), "status": s.status,
                "retracted_on": iso(s.retracted_on), "sources": list(s.sources), "values": len(s.values),
                "file": s.origin.file, "line": s.origin.line}
               for s in pack.studies.values()]
    rules = []
    for r in pack.rules.values():
        claim = pack.claims.get(r.claim_id)
        rules.append({"id": r.id, "type": "rule", "kind": r.kind, "claim_id": r.claim_id, "summary": r.summary,
                      "verdict": r.verdict, "severity": r.severity, "since": iso(r.since),
                      "sources": list(claim.sources) if claim else [], "patterns": list(r.pattern_sources),
                      "file": r.origin.file, "line": r.origin.line})
    out = {"claims": claims, "sources": sources, "studies": studies, "rules": rules}
    for items in out.values():
        items.sort(key=lambda e: e["id"])
    return out


@db.command("list")
@click.option("--kind", default=None, help="Only entries of this kind (regulatory-status, dose, news, study...).")
@click.option("--type", "types", type=click.Choice(TYPES), multiple=True,
              help="Only entries of this type (repeatable). Default: all.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pack_option
@config_option
def list_cmd(kind: str | None, types: tuple[str, ...], fmt: str, packs: tuple[str, ...],
             config_path: str | None) -> None:
    """List the database's entries: claims, sources, studies and rules."""
    pack = load_user_pack(packs, config_path)
    everything = entries(pack)
    chosen = {t: everything[t] for t in (types or TYPES)}
    if kind:
        chosen = {t: [e for e in items if e["kind"] == kind] for t, items in chosen.items()}
        if not any(chosen.values()):
            kinds = sorted({e["kind"] for items in everything.values() for e in items})
            die(f"no entry of kind {kind!r}{close_matches(kind, kinds)} (kinds: {', '.join(kinds)})")
    if fmt == "json":
        click.echo(json.dumps({**chosen, "counts": {t: len(items) for t, items in chosen.items()}}, indent=2))
        return
    first = True
    for t, items in chosen.items():
        if not items:
            continue
        if not first:
            click.echo("")
        first = False
        click.echo(f"{t.capitalize()} ({len(items)})")
        width = max(len(e["id"]) for e in items)
        for e in items:
            click.echo(f"  {e['id']:<{width}}  {_list_detail(t, e)}")


def _list_detail(t: str, e: dict[str, Any]) -> str:
    if t == "claims":
        return f"{e['kind']:<17} review {e['review_by']}  {_short(e['fact'])}"
    if t == "sources":
        status = " RETRACTED" if e["status"] == "retracted" else ""
        return f"{e['kind']:<13} {e['published'] or 'undated':<10}{status}  {_short(e['title'])}"
    if t == "studies":
        status = " RETRACTED" if e["status"] == "retracted" else ""
        return f"{e['label']}{status}  {_short(e['title'], 60)}"
    since = since_label(e["verdict"], e["since"])
    return f"{e['verdict']:<12} {e['severity']:<7} {since:<16} {_short(e['summary'])}"


def _short(text: str, width: int = 80) -> str:
    return textwrap.shorten(text, width=width, placeholder="...")


# --------------------------------------------------------------------------------------------
# db show


@db.command("show")
@click.argument("entry_id", metavar="ID")
@pack_option
@config_option
def show(entry_id: str, packs: tuple[str, ...], config_path: str | None) -> None:
    """Show one entry: a claim (fact, dates, sources with evidence, rules), study, source or rule."""
    pack = load_user_pack(packs, config_path)
    blocks: list[list[str]] = []
    if pack.rule(entry_id) is not None:
        rule = pack.rule(entry_id)
        blocks.append([f"rule {rule.id} (carried by claim {rule.claim_id}; `factcheck explain {rule.id}` for more)"])
        if rule.claim_id in pack.claims and rule.claim_id != entry_id:
            blocks.append(claim_lines(pack, pack.claims[rule.claim_id]))
    if entry_id in pack.claims:
        blocks.append(claim_lines(pack, pack.claims[entry_id]))
    if entry_id in pack.studies:
        blocks.append(study_lines(pack, pack.studies[entry_id]))
    if entry_id in pack.sources:
        blocks.append(source_block(pack, pack.sources[entry_id]))
    if not blocks:
        ids = sorted({*pack.claims, *pack.studies, *pack.sources, *pack.rules})
        die(f"no entry with id {entry_id!r}{close_matches(entry_id, ids)}")
    click.echo("\n\n".join("\n".join(b) for b in blocks))


def _dates(pairs: list[tuple[str, date | None]]) -> list[str]:
    return [f"  {label + ':':<14}{iso(d) or '-'}" for label, d in pairs]


def claim_lines(pack: Any, c: Any) -> list[str]:
    out = [f"claim {c.id} ({c.kind})  {rel(str(c.origin.file))}:{c.origin.line}", ""]
    out += _wrap(c.fact, "  ")
    out.append("")
    out += _dates([("valid from", c.valid_from), ("valid until", c.valid_until),
                   *([("announced on", c.announced_on)] if c.announced_on else []),
                   ("verified on", c.verified_on), ("review by", c.review_by)])
    out += ["", "Sources:"]
    out += _source_list(pack, c.sources)
    if c.values:
        out += ["", "Values:"] + [f"  - {_value(pack, v)}" for v in c.values]
    if c.rules:
        out += ["", f"Rules ({len(c.rules)}):"]
        for r in c.rules:
            out += rule_lines(r)
    return out


def rule_lines(r: Any, indent: str = "  ") -> list[str]:
    since = since_label(r.verdict, r.since)
    out = [f"{indent}{r.id}: {r.verdict}, {r.severity}, {since}  {rel(str(r.origin.file))}:{r.origin.line}"]
    out += _wrap(r.summary, indent + "  ")
    out.append(f"{indent}  patterns:")
    out += [f"{indent}    {p}" for p in r.pattern_sources]
    if r.examples_flagged:
        out.append(f"{indent}  flagged:")
        out += [f"{indent}    - {s}" for s in r.examples_flagged]
    if r.examples_accepted:
        out.append(f"{indent}  accepted:")
        out += [f"{indent}    - {s}" for s in r.examples_accepted]
    return out


def study_lines(pack: Any, s: Any) -> list[str]:
    out = [f"study {s.id}: {s.name}  {rel(str(s.origin.file))}:{s.origin.line}", ""]
    out += _wrap(s.title, "  ")
    out.append("")
    if s.aliases:
        out.append(f"  aliases:     {'; '.join(s.aliases)}")
    if s.author and s.year:
        out.append(f"  citation:    {s.author} et al. {s.year} / {s.author} et al. ({s.year}) / "
                   f"({s.author} et al., {s.year})")
    for label, val in (("journal", s.journal), ("design", s.design), ("phase", s.phase), ("indication", s.indication),
                       ("n", s.n), ("registry", s.registry), ("doi", s.doi)):
        if val is not None:
            out.append(f"  {label + ':':<13}{val}")
    if s.status == "retracted":
        out.append(f"  RETRACTED:   {iso(s.retracted_on) or 'date unknown'}")
        if s.notice:
            out += _wrap(f"notice: {s.notice}", "  ")
    out += _dates([("published", s.published), ("verified on", s.verified_on), ("review by", s.review_by)])
    out += ["", "Sources:", *_source_list(pack, s.sources)]
    if s.values:
        out += ["", "Values:"] + [f"  - {_value(pack, v)}" for v in s.values]
    return out


def source_block(pack: Any, src: Any) -> list[str]:
    out = [f"source {src.id} ({src.kind})  {rel(str(src.origin.file))}:{src.origin.line}", ""]
    out += _wrap(src.title, "  ")
    out.append("")
    for label, val in (("publisher", src.publisher), ("published", iso(src.published) or "undated"),
                       ("url", src.url), ("doi", src.doi), ("authors", ", ".join(src.authors) or None),
                       ("status", src.status), ("retracted on", iso(src.retracted_on)),
                       ("accessed", iso(src.accessed))):
        if val:
            out.append(f"  {label + ':':<13}{val}")
    for label, val in (("notice", src.notice), ("note", src.note)):
        if val:
            out += _wrap(f"{label}: {val}", "  ")
    out += ["", "Evidence:"]
    for quote in src.evidence:
        out += _wrap(f'> "{quote}"', "  ")
    cited = [f"claim {c.id}" for c in pack.claims.values() if src.id in c.sources]
    cited += [f"study {s.id}" for s in pack.studies.values() if src.id in s.sources]
    out += ["", "Cited by:"] + ([f"  - {x}" for x in cited] or ["  (nothing)"])
    return out


def _source_list(pack: Any, ids: list[str]) -> list[str]:
    out: list[str] = []
    for sid in ids:
        src = pack.sources.get(sid)
        out += source_lines(src) if src else [f"  - [{sid}] (unknown source)"]
    return out


def _value(pack: Any, v: Any) -> str:
    q = pack.quantities.get(v.quantity)
    bits = [f"{q.label if q else v.quantity}: {v.describe()}"]
    extra = [x for x in (v.arm and f"arm {v.arm}", v.study and f"study {v.study}", v.timepoint) if x]
    if extra:
        bits.append(f"({', '.join(extra)})")
    if v.note:
        bits.append(f"- {v.note}")
    return " ".join(bits)
