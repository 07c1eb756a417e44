"""Assemble one pack from its raw entries: lexicon first, then sources, studies, claims, then
the cross-references that need every entry read. The order fixes the order problems are listed in."""

from __future__ import annotations

import re
from datetime import date

from factcheck.knowledge.claims import read_claims
from factcheck.knowledge.fields import FieldChecker
from factcheck.knowledge.lexicon import read_home_jurisdiction, read_lexicon, read_vocabulary
from factcheck.knowledge.model import Pack, Rule
from factcheck.knowledge.raw_pack import RawPack
from factcheck.knowledge.references import References
from factcheck.knowledge.sources import read_sources
from factcheck.knowledge.studies import read_studies


def build_pack(raw: RawPack, ck: FieldChecker, as_of: date | None, pack_id: str = "pack") -> Pack:
    """Check and compile one pack; problems go to `ck` (a pack is returned even with errors)."""
    macros, quantities, arms, topic = read_lexicon(raw, ck)
    terms, about, neighbours = read_vocabulary(raw, ck)

    sources = read_sources(raw.sources, ck)
    refs = References(sources, ck, as_of)
    studies = read_studies(raw.studies, quantities, refs, ck)
    claims, rules = read_claims(raw.claims, quantities, macros, terms, refs, ck, pack_id)
    refs.check_values(claims, studies)
    _check_covers(rules, ck)
    refs.warn_unused()

    if not topic and about:
        # A v2 pack names what it is about in plain words; they gate its pattern rules too.
        topic = [re.compile(r"(?<![\w-])" + re.escape(a.lower()) + r"(?![\w-])") for a in about]
    pack = Pack(sources, claims, studies, rules, quantities, arms, topic, macros, raw.digest, raw.roots,
                terms=terms, about=about, neighbours=neighbours, id=pack_id,
                exhaustive_units=[u for lex in raw.lexicons for u in ck.strings(lex, "exhaustive_units", what="lexicon: ")],
                home_jurisdiction=read_home_jurisdiction(raw, ck))
    pack.index()
    return pack


def _check_covers(rules: dict[str, Rule], ck: FieldChecker) -> None:
    """A rule may only cover another rule of its own pack, and not itself."""
    for r in rules.values():
        for c in r.covers:
            if c == r.id:
                ck.error(r.origin, None, f"rule {r.id}: 'covers' names the rule itself")
            elif c not in rules:
                ck.error(r.origin, None, f"rule {r.id}: 'covers' names {c}, which is not a rule of this pack")
