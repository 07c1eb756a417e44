"""Read a pack's claim entries: the fact, its validity dates, sources, values and rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from factcheck.knowledge.fields import FieldChecker
from factcheck.knowledge.model import Claim, Origin, Quantity, Rule
from factcheck.knowledge.problems import Problem
from factcheck.knowledge.raw_pack import entries_by_id
from factcheck.knowledge.references import References
from factcheck.knowledge.rule_entries import read_rules
from factcheck.knowledge.schema import CLAIM_KEYS
from factcheck.knowledge.values import read_values
from factcheck.knowledge.yamlload import LineDict
from factcheck.models import KINDS


def read_claims(items: list[LineDict], quantities: dict[str, Quantity], macros: dict[str, str],
                terms: dict[str, list[str]], refs: References, ck: FieldChecker,
                pack_id: str) -> tuple[dict[str, Claim], dict[str, Rule]]:
    """The pack's claims by id and their rules by `PACK/RULE` id (a rule id is unique in its pack)."""
    claims: dict[str, Claim] = {}
    rules: dict[str, Rule] = {}
    for cid, c in entries_by_id(items, ck, "claim").items():
        what = f"claim {cid}: "
        ck.known_keys(c, CLAIM_KEYS, what)
        kind = ck.enum(c, "kind", KINDS, True, what=what) or "other"
        ids = ck.strings(c, "sources", True, what)
        refs.check_sources(c, ids, what)
        verified, review = ck.day(c, "verified_on", True, what), ck.day(c, "review_by", True, what)
        refs.check_dates(c, verified, review, what)
        vf, vu = ck.when(c, "valid_from", what=what), ck.when(c, "valid_until", what=what)
        announced = ck.when(c, "announced_on", what=what)
        if vf and vu and vu < vf:
            ck.error(c, "valid_until", f"{what}valid_until {vu} is before valid_from {vf}")
        if vf and announced and announced < vf:
            ck.error(c, "announced_on", f"{what}announced_on {announced} is before valid_from {vf}")
        values = read_values(c, cid, None, quantities, ck, what)
        claim_rules = read_rules(c, cid, kind, macros, ck, terms, pack_id)
        for r in claim_rules:
            # Same id from another pack folder overrides; twice in one folder set is an error.
            if r.id in rules and Path(rules[r.id].origin.file).parent.parent == Path(r.origin.file).parent.parent:
                ck.problems.append(Problem(r.origin.file, r.origin.line, "error",
                                           f"duplicate rule id {r.id.split('/', 1)[-1]!r} in pack {pack_id!r} (first defined at {rules[r.id].origin})"))
                continue
            rules[r.id] = r
        claims[cid] = Claim(cid, kind, ck.string(c, "fact", True, what) or "", vf, vu,
                            verified or date.min, review or date.max, ids, values, claim_rules, Origin(c.file, c.line),
                            announced_on=announced)
    return claims, rules
