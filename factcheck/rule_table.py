"""Every rule (pack and built-in) as plain dicts: the rule table of SARIF, `explain` and the editor.

Out of cli/ so that the editor and the servers, which sit below the command line, can build the
same table without importing a command module.
"""

from __future__ import annotations

from typing import Any


def rules_metadata(pack) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Every rule (pack and built-in) as plain dicts, for SARIF rule tables and explain. Each
    carries its page (`help_markdown`, the text `factcheck explain` prints, unwrapped) and, when
    the docs' address is known, `help_uri` (its kind's section of docs/rule-kinds.md)."""
    from factcheck.docs_gen import builtin_page, docs_base, help_uri, rule_page
    from factcheck.judge import BUILTIN_RULES

    base = docs_base()
    out: list[dict[str, Any]] = []
    for r in sorted(pack.rules.values(), key=lambda r: r.id):
        claim = pack.claims.get(r.claim_id)
        out.append({"id": r.id, "kind": r.kind, "verdict": r.verdict, "severity": r.severity, "summary": r.summary,
                    "description": r.message, "help": (r.suggestion or r.message), "fact": claim.fact if claim else "",
                    "since": r.since.isoformat() if r.since else None, "claim_id": r.claim_id,
                    "sources": [s.to_json() for s in pack.source_refs(claim.sources if claim else [])],
                    "rule_kind": r.check, "help_markdown": "\n".join(rule_page(pack, r)),
                    "help_uri": help_uri(r.check, base)})
    for b in BUILTIN_RULES.values():
        out.append({"id": b.id, "kind": b.kind, "verdict": b.verdict, "severity": b.severity, "summary": b.summary,
                    "description": b.description, "help": b.description, "fact": "", "since": None,
                    "claim_id": None, "sources": [], "help_markdown": "\n".join(builtin_page(b)),
                    "help_uri": help_uri(None, base)})
    return out
