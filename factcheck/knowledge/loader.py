"""Load a claims pack (sources/ + claims/ folders), validate it and compile it for the judge.

One place knows the YAML layout (docs/claims-database.md). Every problem names file and line.
`load_pack` raises PackError on the first batch of errors (what `lint` needs); `check_packs`
returns every problem, errors and warnings, for `factcheck db check`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from factcheck.knowledge.model import (
    Claim,
    Frame,
    Origin,
    Pack,
    PartialDate,
    Quantity,
    Rule,
    Source,
    Study,
    Value,
    combine,
)
from factcheck.knowledge.notes import parse_value_text
from factcheck.knowledge.packs import PackFiles, group
from factcheck.knowledge.rule_kinds import RULE_KINDS, SPEC_KEYS, check_place, parse_spec
from factcheck.knowledge.yamlload import LineDict, LineList, YamlError, load_yaml, short_repr
from factcheck.models import KINDS, SEVERITIES
from factcheck.regex_tools import MacroError, expand_macros, nested_quantifier, required_literal_sets, required_literals

SOURCE_KINDS = ("regulator", "peer-reviewed", "press-release", "news", "registry", "report", "law-firm", "other")
RULE_VERDICTS = ("outdated", "contradicted", "retracted")
UNITS = ("percent", "count", "mg", "mg/kg", "hours", "minutes", "weeks", "months", "sessions", "ratio", "d", "points")
STATUSES = ("active", "retracted")
SCOPES = ("sentence", "paragraph", "nearby", "document")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PARTIAL_RE = re.compile(r"^\d{4}(?:-\d{2})?$")


@dataclass
class Problem:
    file: str
    line: int
    level: str  # "error" | "warning"
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.level}: {self.message}"


class PackError(Exception):
    """The claims database cannot be used; carries every error found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = problems[0]
        more = f" (and {len(problems) - 1} more; run `factcheck db check`)" if len(problems) > 1 else ""
        super().__init__(f"claims database: {first.file}:{first.line}: {first.message}{more}")


def bundled_pack_root() -> Path:
    """The pack shipped with the package: inside the wheel, or the repository root in a checkout."""
    here = Path(__file__).resolve().parent.parent
    inside = here / "_pack"
    if (inside / "claims").is_dir():
        return inside
    return here.parent


# --------------------------------------------------------------------------------------------
# Field checking


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, node: Any, key: str | int | None, message: str) -> None:
        self._add("error", node, key, message)

    def warn(self, node: Any, key: str | int | None, message: str) -> None:
        self._add("warning", node, key, message)

    def _add(self, level: str, node: Any, key: str | int | None, message: str) -> None:
        file = getattr(node, "file", "?")
        if isinstance(node, LineDict) and isinstance(key, str):
            line = node.line_of(key)
        elif isinstance(node, LineList) and isinstance(key, int):
            line = node.line_of(key)
        else:
            line = getattr(node, "line", 0)
        self.problems.append(Problem(file, line, level, message))

    # typed getters: record a problem and return a safe default on mismatch
    def string(self, node: LineDict, key: str, required: bool = False, what: str = "") -> str | None:
        val = node.get(key)
        if val is None:
            if required:
                self.error(node, key if key in node else None, f"{what}missing required field '{key}'")
            return None
        if isinstance(val, (int, float)) and not isinstance(val, bool):
            val = str(val)
        if not isinstance(val, str) or not val.strip():
            self.error(node, key, f"{what}'{key}' must be a non-empty string")
            return None
        return val.strip()

    def enum(self, node: LineDict, key: str, allowed: Iterable[str], required: bool = False,
             default: str | None = None, what: str = "") -> str | None:
        val = self.string(node, key, required, what)
        if val is None:
            return default
        if val not in allowed:
            self.error(node, key, f"{what}'{key}' is {short_repr(val)}; expected one of: {', '.join(allowed)}")
            return default
        return val

    def day(self, node: LineDict, key: str, required: bool = False, what: str = "") -> date | None:
        val = node.get(key)
        if val is None:
            if required:
                self.error(node, key if key in node else None, f"{what}missing required date '{key}'")
            return None
        if not isinstance(val, str) or not DATE_RE.match(val):
            self.error(node, key, f"{what}'{key}' must be a date YYYY-MM-DD, got {short_repr(val)}")
            return None
        try:
            return date.fromisoformat(val)
        except ValueError:
            self.error(node, key, f"{what}'{key}' is not a real date: {short_repr(val)}")
            return None

    def when(self, node: LineDict, key: str, what: str = "") -> date | None:
        """A date that may be partial: YYYY-MM-DD, YYYY-MM or YYYY (a PartialDate for the last two)."""
        val = node.get(key)
        if isinstance(val, int) and not isinstance(val, bool):
            val = str(val)  # YAML reads a bare year as a number
        if isinstance(val, str) and PARTIAL_RE.match(val):
            try:
                return PartialDate.parse(val)
            except ValueError:
                self.error(node, key, f"{what}'{key}' is not a real month: {val!r}")
                return None
        if val is not None and not (isinstance(val, str) and DATE_RE.match(val)):
            self.error(node, key, f"{what}'{key}' must be a date YYYY-MM-DD, YYYY-MM or YYYY, got {val!r}")
            return None
        return self.day(node, key, what=what)

    def strings(self, node: LineDict, key: str, required: bool = False, what: str = "") -> list[str]:
        val = node.get(key)
        if val is None:
            if required:
                self.error(node, key if key in node else None, f"{what}missing required list '{key}'")
            return []
        if isinstance(val, str):
            val = [val]
        if not isinstance(val, list) or not all(isinstance(x, (str, int, float)) for x in val):
            self.error(node, key, f"{what}'{key}' must be a list of strings")
            return []
        out = [str(x) for x in val]
        if required and not out:
            self.error(node, key, f"{what}'{key}' must not be empty")
        return out

    def number(self, node: LineDict, key: str, what: str = "") -> float | None:
        val = node.get(key)
        if val is None:
            return None
        if isinstance(val, bool) or not isinstance(val, (int, float)):
            self.error(node, key, f"{what}'{key}' must be a number, got {short_repr(val)}")
            return None
        return float(val)

    def known_keys(self, node: LineDict, allowed: set[str], what: str) -> None:
        for key in node:
            if key not in allowed:
                self.error(node, str(key), f"{what}unknown field '{key}' (allowed: {', '.join(sorted(allowed))})")

    def entry_id(self, node: LineDict, what: str) -> str | None:
        val = self.string(node, "id", True, what)
        if val is not None and not ID_RE.match(val):
            self.error(node, "id", f"{what}id {short_repr(val)} must be lower-case letters, digits, '.', '_' or '-'")
        return val


SOURCE_KEYS = {"id", "kind", "title", "publisher", "published", "url", "doi", "authors", "status",
               "retracted_on", "notice", "accessed", "note", "evidence"}
CLAIM_KEYS = {"id", "kind", "fact", "valid_from", "valid_until", "announced_on", "verified_on", "review_by", "sources",
              "values", "corrects", "notes", "note"}
RULE_KEYS = SPEC_KEYS | {"id", "verdict", "since", "severity", "summary", "message", "suggestion", "patterns", "frame",
             "unless", "context", "context_scope", "negatable", "examples", "kind", "note"}
FRAME_KEYS = {"event", "stance", "subject", "near", "subject_scope"}
STUDY_KEYS = {"id", "title", "aliases", "citation", "journal", "published", "design", "phase", "indication",
              "n", "registry", "doi", "status", "retracted_on", "notice", "sources", "verified_on", "review_by",
              "values", "note", "notes", "authors", "year"}
VALUE_KEYS = {"quantity", "value", "min", "max", "unit", "arm", "study", "timepoint", "tolerance", "note", "sources"}
LEXICON_KEYS = {"topic", "macros", "quantities", "arms", "terms", "about", "neighbours", "exhaustive_units",
                "home_jurisdiction"}
TOP_KEYS = {"sources", "claims", "studies", "lexicon", "schema_version"}
DEFAULT_TOLERANCE = {"percent": 0.5}


# --------------------------------------------------------------------------------------------
# Loading


@dataclass
class _Raw:
    sources: list[LineDict]
    claims: list[LineDict]
    studies: list[LineDict]
    lexicons: list[LineDict]
    digest: str
    roots: list[str]


MANIFEST_KEYS = {"pack", "terms", "quantities", "arms", "about", "neighbours", "macros", "topic", "schema_version"}
PACK_KEYS = {"id", "title", "version", "about", "neighbours", "description", "home_jurisdiction"}


def _read_pack(pf: PackFiles, ck: _Checker) -> tuple[_Raw, dict[str, str]]:
    """Read one pack's files; return them raw and the manifest's `pack:` fields (title, version)."""
    raw = _Raw([], [], [], [], "", list(pf.roots))
    meta: dict[str, str] = {}
    h = hashlib.sha256(pf.id.encode())
    for path in pf.manifests:
        try:
            data = load_yaml(path)
        except YamlError as exc:
            ck.problems.append(Problem(exc.path, exc.line or 0, "error", exc.message))
            continue
        h.update(path.read_bytes())
        if not isinstance(data, LineDict):
            ck.problems.append(Problem(str(path), 1, "error", "pack.yaml must hold a mapping (pack:, terms:, ...)"))
            continue
        ck.known_keys(data, MANIFEST_KEYS, "pack.yaml: ")
        head = data.get("pack")
        if isinstance(head, LineDict):
            ck.known_keys(head, PACK_KEYS, "pack.yaml pack: ")
            for key in ("title", "version", "description"):
                if head.get(key) is not None:
                    meta[key] = str(head.get(key))
        # The manifest's vocabulary is the pack's lexicon (v2 keeps it beside `pack:`).
        lex = LineDict({k: v for k, v in data.items() if k in LEXICON_KEYS})
        lex.file, lex.line, lex.key_lines = data.file, data.line, dict(data.key_lines)
        if isinstance(head, LineDict):
            for key in ("about", "neighbours", "home_jurisdiction"):
                if key in head:
                    lex[key] = head[key]
                    lex.key_lines[key] = head.line_of(key)
        raw.lexicons.append(lex)
    for path in pf.sources + pf.claims:
        try:
            data = load_yaml(path)
        except YamlError as exc:
            ck.problems.append(Problem(exc.path, exc.line or 0, "error", exc.message))
            continue
        h.update(path.name.encode())
        h.update(path.read_bytes())
        if data is None:
            continue
        if not isinstance(data, LineDict):
            ck.problems.append(Problem(str(path), 1, "error", "the file must hold a mapping (sources:, claims:, studies:, lexicon:)"))
            continue
        ck.known_keys(data, TOP_KEYS, "")
        for key, bucket in (("sources", raw.sources), ("claims", raw.claims), ("studies", raw.studies)):
            items = data.get(key)
            if items is None:
                continue
            if not isinstance(items, LineList):
                ck.error(data, key, f"'{key}' must be a list")
                continue
            for i, item in enumerate(items):
                if not isinstance(item, LineDict):
                    ck.error(items, i, f"each entry of '{key}' must be a mapping")
                    continue
                bucket.append(item)
        lex = data.get("lexicon")
        if lex is not None:
            if isinstance(lex, LineDict):
                raw.lexicons.append(lex)
            else:
                ck.error(data, "lexicon", "'lexicon' must be a mapping")
    raw.digest = h.hexdigest()[:16]
    return raw, meta


def _by_id(items: list[LineDict], ck: _Checker, what: str) -> dict[str, LineDict]:
    """Later packs override earlier ones by id; a duplicate inside one file set is an error."""
    out: dict[str, LineDict] = {}
    for item in items:
        ident = ck.entry_id(item, f"{what}: ")
        if ident is None:
            continue
        if ident in out and Path(out[ident].file).parent.parent == Path(item.file).parent.parent:
            first = out[ident]
            ck.error(item, "id", f"duplicate {what} id {ident!r} (first defined at {first.file}:{first.line})")
            continue
        out[ident] = item
    return out


def _compile(pattern: str, macros: dict[str, str], ck: _Checker, node: Any, key: Any, what: str) -> re.Pattern[str] | None:
    try:
        expanded = expand_macros(pattern, macros)
        compiled = re.compile(expanded, re.IGNORECASE)
    except MacroError as exc:
        ck.error(node, key, f"{what}{exc} in pattern {short_repr(pattern)}")
        return None
    except (re.error, RecursionError, OverflowError) as exc:
        ck.error(node, key, f"{what}pattern does not compile ({str(exc)[:200]}): {short_repr(pattern)}")
        return None
    risk = nested_quantifier(expanded)
    if risk:
        # Python's re has no time limit: such a pattern could stall every lint run on ordinary text.
        ck.error(node, key, f"{what}pattern can take exponential time ({risk}; write (a+)+ as a+, "
                            f"or give the inner part a fixed separator): {short_repr(pattern)}")
        return None
    return compiled


def _lexicon(raw: _Raw, ck: _Checker) -> tuple[dict[str, str], dict[str, Quantity], dict[str, list[re.Pattern[str]]], list[re.Pattern[str]]]:
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
            pat = _compile(cue, macros, ck, q, "cues", what)
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
        arms_c[arm] = [p for c in cues if (p := _compile(c, macros, ck, node, arm, f"arm {arm}: "))]
    topic = [p for t, node in topic_src if (p := _compile(t, macros, ck, node, "topic", "lexicon topic: "))]
    return macros, quantities, arms_c, topic


def _values(node: LineDict, owner: str, default_study: str | None, quantities: dict[str, Quantity],
            ck: _Checker, what: str) -> list[Value]:
    out: list[Value] = []
    items = node.get("values") or []
    if not isinstance(items, list):
        ck.error(node, "values", f"{what}'values' must be a list")
        return out
    for item in items:
        if not isinstance(item, LineDict):
            ck.error(node, "values", f"{what}each value must be a mapping")
            continue
        ck.known_keys(item, VALUE_KEYS, what)
        qid = ck.string(item, "quantity", True, what)
        unit = ck.enum(item, "unit", UNITS, True, what=what)
        if qid and qid not in quantities:
            ck.error(item, "quantity", f"{what}unknown quantity {qid!r} (define it in lexicon.quantities)")
        elif qid and unit and quantities[qid].unit != unit:
            ck.error(item, "unit", f"{what}unit {unit!r} differs from quantity {qid!r} unit {quantities[qid].unit!r}")
        val, lo, hi = ck.number(item, "value", what), ck.number(item, "min", what), ck.number(item, "max", what)
        if val is not None:
            lo = lo if lo is not None else val
            hi = hi if hi is not None else val
        if lo is None or hi is None:
            ck.error(item, None, f"{what}a value needs 'value' or both 'min' and 'max'")
            continue
        if lo > hi:
            ck.error(item, "min", f"{what}min {lo:g} is greater than max {hi:g}")
        tol = ck.number(item, "tolerance", what)
        if not qid or not unit:
            continue
        out.append(Value(
            quantity=qid, unit=unit, low=lo, high=hi, owner=owner,
            study=ck.string(item, "study", what=what) or default_study,
            arm=ck.string(item, "arm", what=what),
            timepoint=ck.string(item, "timepoint", what=what),
            tolerance=tol if tol is not None else DEFAULT_TOLERANCE.get(unit, 0.0),
            note=ck.string(item, "note", what=what),
            sources=ck.strings(item, "sources", what=what),
        ))
        # The note and time point are read once here, not by the judge on every comparison.
        out[-1].role, out[-1].timepoint_weeks, out[-1].timepoint_anchor = parse_value_text(out[-1].note, out[-1].timepoint)
        out[-1]._origin = Origin(item.file, item.line)  # type: ignore[attr-defined]
    return out


def _vocabulary(raw: _Raw, ck: _Checker) -> tuple[dict[str, list[str]], list[str], list[str]]:
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


def _rules(node: LineDict, claim_id: str, kind: str, macros: dict[str, str], ck: _Checker,
           terms: dict[str, list[str]] | None = None, pack_id: str | None = None) -> list[Rule]:
    out: list[Rule] = []
    items = node.get("corrects") or []
    if not isinstance(items, list):
        ck.error(node, "corrects", f"claim {claim_id}: 'corrects' must be a list")
        return out
    for item in items:
        if not isinstance(item, LineDict):
            ck.error(node, "corrects", f"claim {claim_id}: each rule must be a mapping")
            continue
        rid = ck.entry_id(item, f"claim {claim_id} rule: ") or "?"
        what = f"rule {rid}: "
        ck.known_keys(item, RULE_KEYS, what)
        pats, srcs, triggers = [], [], set()
        always = False
        # `kind` names the rule kind (status, name, ...); a claim kind there (the v1 form) only
        # overrides the claim's kind for this rule.
        raw_kind = item.get("kind")
        check = raw_kind if raw_kind in RULE_KINDS else "pattern"
        claim_kind = kind if raw_kind in RULE_KINDS else (ck.enum(item, "kind", KINDS, what=what) or kind)
        spec = parse_spec(check, item, ck, what, terms or {}, set()) if check != "pattern" else None
        frame = _frame(item, macros, ck, what) if "frame" in item else None
        raw_patterns = ck.strings(item, "patterns", frame is None and check == "pattern", what)
        for _i, p in enumerate(raw_patterns):
            cp = _compile(p, macros, ck, item, "patterns", what)
            if cp is None:
                continue
            pats.append(cp)
            srcs.append(p)
        # A rule is tried on sentences holding a literal of one of its patterns or frame events;
        # there, each pattern only when one of its own literals is in the sentence.
        pattern_triggers: list[list[str] | None] = []
        pattern_requires: list[list[list[str]]] = []
        for i, cp in enumerate(pats + (frame.event if frame else [])):
            lits = required_literals(cp.pattern)
            if i < len(pats):
                pattern_triggers.append(lits)
                pattern_requires.append(required_literal_sets(cp.pattern))
            if lits is None:
                always = True
            else:
                triggers.update(lits)
        examples = item.get("examples") or {}
        flagged = accepted = []
        pending: dict[str, list[str]] = {}
        if isinstance(examples, dict):
            flagged = ck.strings(examples, "flagged", what=what) if isinstance(examples, LineDict) else []
            accepted = ck.strings(examples, "accepted", what=what) if isinstance(examples, LineDict) else []
            # Known misses, kept in view: sentences the engine does not yet read as the rule says.
            pending = {k: ck.strings(examples, k, what=what) for k in ("pending_flagged", "pending_accepted")} \
                if isinstance(examples, LineDict) else {}
        else:
            ck.error(item, "examples", f"{what}'examples' must be a mapping with flagged/accepted lists")
        if not flagged:
            ck.warn(item, "examples" if "examples" in item else "id", f"{what}no flagged examples (tests and `explain` use them)")
        negatable = item.get("negatable", True)
        if not isinstance(negatable, bool):
            ck.error(item, "negatable", f"{what}'negatable' must be true or false")
            negatable = True
        unless_raw = ck.strings(item, "unless", what=what)
        out.append(Rule(
            id=f"{pack_id}/{rid}" if pack_id else rid, claim_id=claim_id,
            kind=claim_kind,
            verdict=ck.enum(item, "verdict", RULE_VERDICTS, True, what=what) or "contradicted",
            severity=ck.enum(item, "severity", SEVERITIES, True, what=what) or "warning",
            since=ck.when(item, "since", what=what),
            summary=ck.string(item, "summary", what=what) or ck.string(item, "message", what=what) or rid,
            message=ck.string(item, "message", True, what) or "",
            suggestion=ck.string(item, "suggestion", what=what),
            patterns=pats, pattern_sources=srcs,
            unless=[] if check != "pattern" else
            [p for u in unless_raw if (p := _compile(u, macros, ck, item, "unless", what))],
            unless_words=unless_raw if check != "pattern" else [],
            context=[p for u in ck.strings(item, "context", what=what) if (p := _compile(u, macros, ck, item, "context", what))],
            context_scope=ck.enum(item, "context_scope", SCOPES, default="document", what=what) or "document",
            negatable=negatable,
            triggers=None if always or not triggers else sorted(triggers),
            pattern_triggers=pattern_triggers,
            pattern_requires=pattern_requires,
            examples_flagged=flagged, examples_accepted=accepted,
            examples_pending_flagged=pending.get("pending_flagged", []) if isinstance(examples, LineDict) else [],
            examples_pending_accepted=pending.get("pending_accepted", []) if isinstance(examples, LineDict) else [],
            origin=Origin(item.file, item.line),
            frame=frame, check=check, spec=spec,
            unless_sources=unless_raw if check == "pattern" else [],
        ))
    return out


def _frame(item: LineDict, macros: dict[str, str], ck: _Checker, what: str) -> Frame | None:
    node = item.get("frame")
    if not isinstance(node, LineDict):
        ck.error(item, "frame", f"{what}'frame' must be a mapping with event, stance and subject lists")
        return None
    ck.known_keys(node, FRAME_KEYS, f"{what}frame: ")

    def compiled(key: str, required: bool) -> list[re.Pattern[str]]:
        return [p for raw in ck.strings(node, key, required, f"{what}frame: ")
                if (p := _compile(raw, macros, ck, node, key, what))]

    near = node.get("near", 8)
    if isinstance(near, bool) or not isinstance(near, int) or not 1 <= near <= 40:
        ck.error(node, "near", f"{what}frame: 'near' must be a whole number of words from 1 to 40")
        near = 8
    return Frame(
        event=compiled("event", True),
        stance=compiled("stance", True),
        subject=compiled("subject", False),
        near=near,
        subject_scope=ck.enum(node, "subject_scope", ("sentence", "paragraph"), default="paragraph",
                              what=f"{what}frame: ") or "paragraph",
        sources={key: [str(v) for v in (node.get(key) if isinstance(node.get(key), list) else [node.get(key)])]
                 for key in ("event", "stance", "subject") if isinstance(node.get(key), (str, list))},
    )


def _build(raw: _Raw, ck: _Checker, as_of: date | None, pack_id: str = "pack") -> Pack:
    macros, quantities, arms, topic = _lexicon(raw, ck)
    terms, about, neighbours = _vocabulary(raw, ck)

    sources: dict[str, Source] = {}
    for sid, s in _by_id(raw.sources, ck, "source").items():
        what = f"source {sid}: "
        ck.known_keys(s, SOURCE_KEYS, what)
        status = ck.enum(s, "status", STATUSES, default="active", what=what) or "active"
        url = ck.string(s, "url", True, what) or ""
        if url and not re.match(r"^https?://[^\s/]+", url):
            ck.error(s, "url", f"{what}url must start with http:// or https://: {url!r}")
        evidence = ck.strings(s, "evidence", True, what)
        src = Source(
            id=sid, kind=ck.enum(s, "kind", SOURCE_KINDS, True, what=what) or "other",
            title=ck.string(s, "title", True, what) or sid, publisher=ck.string(s, "publisher", what=what),
            published=ck.when(s, "published", what=what), url=url, status=status, evidence=evidence,
            origin=Origin(s.file, s.line), doi=ck.string(s, "doi", what=what),
            authors=ck.strings(s, "authors", what=what), retracted_on=ck.when(s, "retracted_on", what=what),
            notice=ck.string(s, "notice", what=what), accessed=ck.day(s, "accessed", what=what),
            note=ck.string(s, "note", what=what),
        )
        if "published" not in s:
            ck.error(s, "id", f"{what}missing 'published' (use null when the source shows no date)")
        if status == "retracted" and (src.retracted_on is None or not src.notice):
            ck.error(s, "status", f"{what}a retracted source needs 'retracted_on' and 'notice'")
        sources[sid] = src

    used: set[str] = set()

    def check_sources(node: LineDict, ids: list[str], what: str) -> None:
        for sid in ids:
            used.add(sid)
            if sid not in sources:
                ck.error(node, "sources", f"{what}unknown source id {sid!r}")

    def check_dates(node: LineDict, verified: date | None, review: date | None, what: str) -> None:
        if verified and review and review < verified:
            ck.error(node, "review_by", f"{what}review_by {review} is before verified_on {verified}")
        if verified and as_of and verified > as_of:
            ck.warn(node, "verified_on", f"{what}verified_on {verified} is in the future (as of {as_of})")
        if review and as_of and review < as_of:
            ck.warn(node, "review_by", f"{what}review_by {review} has passed (as of {as_of}): re-verify this entry")

    studies: dict[str, Study] = {}
    for sid, s in _by_id(raw.studies, ck, "study").items():
        what = f"study {sid}: "
        ck.known_keys(s, STUDY_KEYS, what)
        cit = s.get("citation") or {}
        author = year = None
        if isinstance(cit, LineDict):
            author = ck.string(cit, "author", what=what)
            y = cit.get("year")
            if y is not None and not (isinstance(y, int) and 1900 < y < 2100):
                ck.error(cit, "year", f"{what}citation year must be a 4-digit year, got {y!r}")
            elif y is not None:
                year = y
        elif cit:
            ck.error(s, "citation", f"{what}'citation' must be a mapping {{author, year}}")
        ids = ck.strings(s, "sources", True, what)
        check_sources(s, ids, what)
        verified, review = ck.day(s, "verified_on", True, what), ck.day(s, "review_by", True, what)
        check_dates(s, verified, review, what)
        status = ck.enum(s, "status", STATUSES, default="active", what=what) or "active"
        retracted_on, notice = ck.when(s, "retracted_on", what=what), ck.string(s, "notice", what=what)
        if status == "retracted" and not retracted_on:
            # Take the retraction from a retracted source record when the study itself does not say.
            rs = next((sources[i] for i in ids if i in sources and sources[i].status == "retracted"), None)
            if rs:
                retracted_on, notice = rs.retracted_on, notice or rs.notice
            else:
                ck.error(s, "status", f"{what}a retracted study needs 'retracted_on' (or a retracted source)")
        n = s.get("n")
        if n is not None and (isinstance(n, bool) or not isinstance(n, int)):
            ck.error(s, "n", f"{what}'n' must be a whole number")
            n = None
        phase = s.get("phase")
        studies[sid] = Study(
            id=sid, title=ck.string(s, "title", True, what) or sid, aliases=ck.strings(s, "aliases", what=what),
            author=author, year=year, journal=ck.string(s, "journal", what=what),
            published=ck.when(s, "published", what=what), design=ck.string(s, "design", what=what),
            phase=str(phase) if phase is not None else None, indication=ck.string(s, "indication", what=what),
            n=n, status=status, retracted_on=retracted_on, notice=notice, sources=ids,
            values=_values(s, sid, sid, quantities, ck, what), verified_on=verified or date.min,
            review_by=review or date.max, origin=Origin(s.file, s.line),
            registry=ck.string(s, "registry", what=what), doi=ck.string(s, "doi", what=what),
        )

    claims: dict[str, Claim] = {}
    rules: dict[str, Rule] = {}
    for cid, c in _by_id(raw.claims, ck, "claim").items():
        what = f"claim {cid}: "
        ck.known_keys(c, CLAIM_KEYS, what)
        kind = ck.enum(c, "kind", KINDS, True, what=what) or "other"
        ids = ck.strings(c, "sources", True, what)
        check_sources(c, ids, what)
        verified, review = ck.day(c, "verified_on", True, what), ck.day(c, "review_by", True, what)
        check_dates(c, verified, review, what)
        vf, vu = ck.when(c, "valid_from", what=what), ck.when(c, "valid_until", what=what)
        announced = ck.when(c, "announced_on", what=what)
        if vf and vu and vu < vf:
            ck.error(c, "valid_until", f"{what}valid_until {vu} is before valid_from {vf}")
        if vf and announced and announced < vf:
            ck.error(c, "announced_on", f"{what}announced_on {announced} is before valid_from {vf}")
        values = _values(c, cid, None, quantities, ck, what)
        claim_rules = _rules(c, cid, kind, macros, ck, terms, pack_id)
        for r in claim_rules:
            if r.id in rules and Path(rules[r.id].origin.file).parent.parent == Path(r.origin.file).parent.parent:
                ck.problems.append(Problem(r.origin.file, r.origin.line, "error",
                                           f"duplicate rule id {r.id.split('/', 1)[-1]!r} in pack {pack_id!r} (first defined at {rules[r.id].origin})"))
                continue
            rules[r.id] = r
        claims[cid] = Claim(cid, kind, ck.string(c, "fact", True, what) or "", vf, vu,
                            verified or date.min, review or date.max, ids, values, claim_rules, Origin(c.file, c.line),
                            announced_on=announced)

    for owner in list(claims.values()) + list(studies.values()):
        for v in owner.values:
            origin = getattr(v, "_origin", owner.origin)
            for sid in v.sources:
                used.add(sid)
                if sid not in sources:
                    ck.problems.append(Problem(origin.file, origin.line, "error", f"value {v.quantity}: unknown source id {sid!r}"))
            if v.study and v.study not in studies:
                ck.problems.append(Problem(origin.file, origin.line, "error", f"value {v.quantity}: unknown study {v.study!r}"))
    for sid, src in sources.items():
        if sid not in used:
            ck.problems.append(Problem(src.origin.file, src.origin.line, "warning", f"source {sid}: not cited by any claim or study"))

    if not topic and about:
        # A v2 pack names what it is about in plain words; they gate its pattern rules too.
        topic = [re.compile(r"(?<![\w-])" + re.escape(a.lower()) + r"(?![\w-])") for a in about]
    pack = Pack(sources, claims, studies, rules, quantities, arms, topic, macros, raw.digest, raw.roots,
                terms=terms, about=about, neighbours=neighbours, id=pack_id,
                exhaustive_units=[u for lex in raw.lexicons for u in ck.strings(lex, "exhaustive_units", what="lexicon: ")],
                home_jurisdiction=_home_jurisdiction(raw, ck))
    pack.index()
    return pack


def _home_jurisdiction(raw: _Raw, ck: _Checker) -> str | None:
    """The pack's `home_jurisdiction` (a code of factcheck/lang/data/places.yaml), or None."""
    for lex in raw.lexicons:
        home = ck.string(lex, "home_jurisdiction", what="lexicon: ")
        if home:
            check_place(lex, "home_jurisdiction", home, ck, "lexicon: ")
            return home
    return None


def check_packs(roots: list[Path], as_of: date | None = None) -> tuple[Pack | None, list[Problem]]:
    """Load and validate every pack under `roots`; return them combined (None if none could be
    read) and every problem found. Each pack is built on its own (its macros, terms, quantities,
    arms and topic are its own) and its rules are named `PACK/RULE`."""
    ck = _Checker()
    for root in roots:
        if not (root / "claims").is_dir() and not (root / "sources").is_dir():
            ck.problems.append(Problem(str(root), 0, "error", "not a claims pack: no claims/ or sources/ folder"))
    built: list[Pack] = []
    for pf in group(roots):
        raw, meta = _read_pack(pf, ck)
        sub = _build(raw, ck, as_of, pack_id=pf.id)
        sub.title = meta.get("title", pf.id)
        sub.version = meta.get("version")
        built.append(sub)
    if not built:
        return None, ck.problems
    return combine(built), ck.problems


def load_pack(extra_roots: Iterable[Path] = (), include_bundled: bool = True) -> Pack:
    """The pack the linter uses: the bundled one plus user packs (later ids override earlier)."""
    roots = ([bundled_pack_root()] if include_bundled else []) + [Path(p) for p in extra_roots]
    pack, problems = check_packs(roots)
    errors = [p for p in problems if p.level == "error"]
    if errors or pack is None:
        raise PackError(errors or [Problem(str(roots[0]), 0, "error", "no pack loaded")])
    return pack


_CACHE: dict[tuple[str, ...], Pack] = {}


def load_pack_cached(extra_roots: Iterable[Path] = (), include_bundled: bool = True) -> Pack:
    """Build the compiled pack once per process per set of roots."""
    extra = [Path(p) for p in extra_roots]
    key = (str(include_bundled), *tuple(str(p.resolve()) for p in extra))
    if key not in _CACHE:
        # Across processes: the built pack is kept on disk, keyed by its files (pack_cache).
        from factcheck.knowledge.pack_cache import load_or_build

        roots = ([bundled_pack_root()] if include_bundled else []) + extra
        _CACHE[key] = load_or_build(roots, lambda: load_pack(extra, include_bundled))
    return _CACHE[key]

