"""Read the `values:` of a claim or study: figures with unit, range, arm, time point and sources.

Each value is checked against the lexicon's quantities (known id, same unit); its note and time
point are parsed once here for the judge.
"""

from __future__ import annotations

from factcheck.knowledge.fields import FieldChecker
from factcheck.knowledge.model import Origin, Quantity, Value
from factcheck.knowledge.notes import parse_value_text
from factcheck.knowledge.schema import DEFAULT_TOLERANCE, UNITS, VALUE_KEYS
from factcheck.knowledge.yamlload import LineDict


def read_values(node: LineDict, owner: str, default_study: str | None, quantities: dict[str, Quantity],
            ck: FieldChecker, what: str) -> list[Value]:
    """The `values:` of one claim or study; a bad value is reported and left out."""
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
