"""Typed rule kinds: what each kind's slots are, and how the loader reads them.

A rule names its kind (`kind: status`) and fills a few slots; the engine finds and compares the
claim (factcheck/kinds/). `pattern` (raw regexes, the v1 form) stays as the escape hatch. The slot
docs here feed `factcheck explain` and docs/rule-kinds.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factcheck.knowledge.yamlload import LineDict

STANCE_NAMES = ("done", "pending", "expected", "refused", "negated", "current")


@dataclass
class StatusSpec:
    """An event or state held in a stance that makes the statement wrong.

    subject: who or what the statement is about (`@term` lists of the pack, or phrases).
    event: built-in event classes of the language layer (approval, decision, review,
    advisory-vote, rescheduling, legalisation, launch, designation, submission, shortage) or phrases.
    stance: which readings are wrong: done, pending, expected, refused, negated, current.
    jurisdiction: the rule applies unless another jurisdiction is what the sentence is about.
    """

    subject: list[str]
    event: list[str]
    stance: list[str]
    jurisdiction: str | None = None


@dataclass
class NameSpec:
    """A registered name: its canonical form, accepted aliases and known wrong forms.

    canonical: the name as registered. acronym: its short form (an expansion written next to the
    acronym must be the canonical one). aliases: other accepted names. wrong: forms seen in print
    that are wrong.
    """

    canonical: str
    acronym: str | None = None
    aliases: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


KIND_DOCS: dict[str, Any] = {
    "pattern": "Raw regular expressions over the folded sentence (the escape hatch).",
    "status": StatusSpec,
    "name": NameSpec,
}
RULE_KINDS = tuple(KIND_DOCS)
SPEC_KEYS = {"subject", "event", "stance", "jurisdiction", "canonical", "acronym", "aliases", "wrong"}


def parse_spec(kind: str, item: LineDict, ck: Any, what: str, terms: dict[str, list[str]],
               events: set[str]) -> StatusSpec | NameSpec | None:
    """Read the slots of a typed rule; report missing or unknown values with file:line."""
    if kind == "status":
        subject = _strings(item, "subject", ck, what)
        for ref in subject:
            if ref.startswith("@") and ref[1:] not in terms:
                ck.error(item, "subject", f"{what}unknown term list {ref!r} (define it under lexicon: terms:)")
        event = _strings(item, "event", ck, what)
        if not event:
            ck.error(item, "event", f"{what}a status rule needs 'event' (a built-in event or phrases)")
        stance = _strings(item, "stance", ck, what)
        if not stance:
            ck.error(item, "stance", f"{what}a status rule needs 'stance' (one or more of {', '.join(STANCE_NAMES)})")
        for s in stance:
            if s not in STANCE_NAMES:
                ck.error(item, "stance", f"{what}unknown stance {s!r} (one of {', '.join(STANCE_NAMES)})")
        if not subject:
            ck.error(item, "subject", f"{what}a status rule needs 'subject'")
        jur = item.get("jurisdiction")
        return StatusSpec(subject, event, stance, str(jur) if jur is not None else None)
    if kind == "name":
        canonical = item.get("canonical")
        if not isinstance(canonical, str) or not canonical.strip():
            ck.error(item, "canonical", f"{what}a name rule needs 'canonical'")
            canonical = ""
        acronym = item.get("acronym")
        return NameSpec(canonical, str(acronym) if acronym else None, _strings(item, "aliases", ck, what),
                        _strings(item, "wrong", ck, what))
    return None


def _strings(item: LineDict, key: str, ck: Any, what: str) -> list[str]:
    value = item.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [str(v) for v in value]
    ck.error(item, key, f"{what}'{key}' must be a string or a list of strings")
    return []
