"""A pack's lexicon: macros, quantities, arms and topic (compiled), and its plain-word vocabulary.

The lexicon comes from pack.yaml (v2) or `lexicon:` blocks (v1); later blocks add to earlier ones.
Read before the entries, since rules and values refer to its macros, terms and quantities.
"""

from __future__ import annotations

import re

from factcheck.knowledge.fields import FieldChecker
from factcheck.knowledge.model import Quantity
from factcheck.knowledge.patterns import compile_pattern
from factcheck.knowledge.raw_pack import RawPack
from factcheck.knowledge.rule_slots import check_place
from factcheck.knowledge.schema import LEXICON_KEYS, UNITS
from factcheck.knowledge.yamlload import LineDict
from factcheck.regex_tools import required_literals


def read_lexicon(raw: RawPack, ck: FieldChecker) -> tuple[dict[str, str], dict[str, Quantity], dict[str, list[re.Pattern[str]]], list[re.Pattern[str]]]:
    """Macros, quantities (with compiled cues), arms and topic patterns, from every lexicon block."""
    macros: dict[str, str] = {}
    topic_src: list[tuple[str, LineDict]] = []
    quantity_nodes: dict[str, LineDict] = {}
    arm_src: dict[str, tuple[list[str], LineDict]] = {}
    for lex in raw.lexicons:
        ck.known_keys(lex, LEXICON_KEYS, "lexicon: ")
        m = lex.get("macros") or {}
        if not isinstance(m, dict):
            ck.error(lex, "macros", "lexicon: 'macros' must be a mapping of name to regex")
        else:
            for name, body in m.items():
                if not isinstance(body, str):
                    ck.error(m, str(name), f"lexicon: macro {name!r} must be a string")
                    continue
                macros[str(name)] = body
        for t in ck.strings(lex, "topic", what="lexicon: "):
            topic_src.append((t, lex))
        qs = lex.get("quantities") or []
        if not isinstance(qs, list):
            ck.error(lex, "quantities", "lexicon: 'quantities' must be a list")
            qs = []
        for q in qs:
            if isinstance(q, LineDict):
                qid = ck.entry_id(q, "quantity: ")
                if qid:
                    quantity_nodes[qid] = q
        arms = lex.get("arms") or {}
        if isinstance(arms, dict):
            for arm, cues in arms.items():
                if isinstance(cues, list):
                    arm_src[str(arm)] = ([str(c) for c in cues], arms)
                else:
                    ck.error(arms, str(arm), f"lexicon: arm {arm!r} must list regex cues")
    quantities: dict[str, Quantity] = {}
    for qid, q in quantity_nodes.items():
        what = f"quantity {qid}: "
        unit = ck.enum(q, "unit", UNITS, required=True, what=what) or "count"
        cues = []
        for _i, cue in enumerate(ck.strings(q, "cues", what=what)):
            pat = compile_pattern(cue, macros, ck, q, "cues", what)
            if pat:
                cues.append(pat)
        reported = q.get("reported", True)
        if not isinstance(reported, bool):
            ck.error(q, "reported", f"{what}'reported' must be true or false")
            reported = True
        quantities[qid] = Quantity(qid, ck.string(q, "label", what=what) or qid, unit, cues,
                                   [required_literals(c.pattern) for c in cues], reported)
    arms_c: dict[str, list[re.Pattern[str]]] = {}
    for arm, (cues, node) in arm_src.items():
        arms_c[arm] = [p for c in cues if (p := compile_pattern(c, macros, ck, node, arm, f"arm {arm}: "))]
    topic = [p for t, node in topic_src if (p := compile_pattern(t, macros, ck, node, "topic", "lexicon topic: "))]
    return macros, quantities, arms_c, topic


def read_vocabulary(raw: RawPack, ck: FieldChecker) -> tuple[dict[str, list[str]], list[str], list[str]]:
    """The lexicon's plain-word parts: named `terms`, what the pack is `about`, and `neighbours`
    (topics close to it that articles mix in: a passage about one of them is not the pack's)."""
    terms: dict[str, list[str]] = {}
    about: list[str] = []
    neighbours: list[str] = []
    for lex in raw.lexicons:
        node = lex.get("terms") or {}
        if not isinstance(node, dict):
            ck.error(lex, "terms", "lexicon: 'terms' must be a mapping of name to a list of phrases")
            node = {}
        for name, phrases in node.items():
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                ck.error(node, str(name), f"lexicon: term list {name!r} must be a list of phrases")
                continue
            terms[str(name)] = [str(p) for p in phrases]
        about += ck.strings(lex, "about", what="lexicon: ")
        neighbours += ck.strings(lex, "neighbours", what="lexicon: ")
    return terms, about, neighbours


def read_home_jurisdiction(raw: RawPack, ck: FieldChecker) -> str | None:
    """The pack's `home_jurisdiction` (a code of factcheck/lang/data/places.yaml), or None."""
    for lex in raw.lexicons:
        home = ck.string(lex, "home_jurisdiction", what="lexicon: ")
        if home:
            check_place(lex, "home_jurisdiction", home, ck, "lexicon: ")
            return home
    return None
