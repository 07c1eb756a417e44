"""Reading a typed rule's slots from its YAML: each kind's keys checked and turned into the kind's
spec (knowledge/rule_kinds.py), with a one-line problem for every slot that is missing or malformed."""

from __future__ import annotations

from typing import Any

from factcheck.knowledge.rule_kinds import (
    STANCE_NAMES,
    Companion,
    EventDateSpec,
    FigureSpec,
    FormerName,
    Holder,
    IndicationSpec,
    IngredientSpec,
    JurisdictionState,
    JurisdictionStatusSpec,
    Member,
    NameSpec,
    OtherDate,
    Price,
    PriceSpec,
    RoleSpec,
    StatusSpec,
    Substance,
    UniquenessSpec,
)
from factcheck.knowledge.yamlload import LineDict

UNLESS_SCOPES = ("clause", "sentence")
# The currencies a price rule may give (the money reader knows their signs and words).
CURRENCIES = {"USD", "EUR", "GBP", "CAD", "AUD", "INR", "JPY", "BRL"}
SPEC_KEYS = {"unless_scope", "fulfilled", "forecast", "subject", "event", "stance", "jurisdiction", "canonical", "acronym", "aliases", "wrong", "former", "not_former", "date", "day_tolerance",
             "organization", "role", "holders", "jurisdictions", "study", "quantity", "topic", "end", "says", "category",
             "members", "substances", "indications", "conditions", "companions", "elsewhere", "facets", "channel",
             "prices"}


def parse_spec(kind: str, item: LineDict, ck: Any, what: str, terms: dict[str, list[str]],
               events: set[str]) -> Any:
    """Read the slots of a typed rule; report missing or unknown values with file:line."""
    if kind == "status":
        subject, event = _subject_and_event(item, ck, what, terms)
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
        window = item.get("forecast")
        after = before = None
        era = False
        if window is not None:
            if not isinstance(window, LineDict):
                ck.error(item, "forecast", f"{what}'forecast' must be a mapping with 'after' and/or 'before'")
            else:
                after, before = ck.when(window, "after", what=what), ck.when(window, "before", what=what)
                era = window.get("era", False)
                if not isinstance(era, bool):
                    ck.error(window, "era", f"{what}'forecast.era' must be true or false")
                    era = False
        fulfilled = item.get("fulfilled", False)
        if not isinstance(fulfilled, bool):
            ck.error(item, "fulfilled", f"{what}'fulfilled' must be true or false")
            fulfilled = False
        if jur is not None:
            check_place(item, "jurisdiction", str(jur), ck, what)
        scope = item.get("unless_scope", "clause")
        if scope not in UNLESS_SCOPES:
            ck.error(item, "unless_scope", f"{what}unknown unless_scope {scope!r} (one of {', '.join(UNLESS_SCOPES)})")
            scope = "clause"
        return StatusSpec(subject, event, stance, str(jur) if jur is not None else None, after, before, era,
                          fulfilled, _strings(item, "topic", ck, what), scope)
    if kind == "name":
        canonical = item.get("canonical")
        if not isinstance(canonical, str) or not canonical.strip():
            ck.error(item, "canonical", f"{what}a name rule needs 'canonical'")
            canonical = ""
        acronym = item.get("acronym")
        former = []
        for f in item.get("former") or []:
            if not isinstance(f, LineDict) or not _strings(f, "names", ck, what):
                ck.error(item, "former", f"{what}each former name needs 'names'")
                continue
            until = ck.when(f, "until", what=what)
            if until is None:
                ck.error(item, "former", f"{what}each former name needs 'until' (YYYY, YYYY-MM or YYYY-MM-DD)")
            former.append(FormerName(_strings(f, "names", ck, what), until))
        return NameSpec(canonical, str(acronym) if acronym else None, _strings(item, "aliases", ck, what),
                        _strings(item, "wrong", ck, what), former, _strings(item, "not_former", ck, what))
    if kind == "event-date":
        subject, event = _subject_and_event(item, ck, what, terms)
        if not event:
            ck.error(item, "event", f"{what}an event-date rule needs 'event'")
        when = ck.when(item, "date", what=what)
        if when is None and "date" not in item:
            ck.error(item, "date", f"{what}an event-date rule needs 'date' (YYYY, YYYY-MM or YYYY-MM-DD)")
        end = item.get("end", False)
        if not isinstance(end, bool):
            ck.error(item, "end", f"{what}'end' must be true or false")
            end = False
        jur = item.get("jurisdiction")
        if jur is not None:
            check_place(item, "jurisdiction", str(jur), ck, what)
        tolerance = item.get("day_tolerance", 3)
        if isinstance(tolerance, bool) or not isinstance(tolerance, int) or not 0 <= tolerance <= 31:
            ck.error(item, "day_tolerance", f"{what}'day_tolerance' must be a whole number of days from 0 to 31")
            tolerance = 3
        elsewhere = []
        for other in item.get("elsewhere") or []:
            other_when = ck.when(other, "date", what=what) if isinstance(other, LineDict) else None
            if other_when is None or not isinstance(other.get("where"), str):
                ck.error(item, "elsewhere", f"{what}each 'elsewhere' entry needs 'date' and 'where' (a jurisdiction code)")
                continue
            check_place(other, "where", other["where"], ck, what)
            elsewhere.append(OtherDate(other_when, other["where"]))
        return EventDateSpec(subject, event, when, end, str(jur) if jur is not None else None,
                             _strings(item, "topic", ck, what), tolerance, elsewhere)
    if kind == "role":
        holders = []
        for h in item.get("holders") or []:
            if not isinstance(h, LineDict) or not isinstance(h.get("name"), str):
                ck.error(item, "holders", f"{what}each holder needs a 'name'")
                continue
            never = h.get("never", False)
            if not isinstance(never, bool):
                ck.error(h, "never", f"{what}'never' must be true or false")
                never = False
            if never and (h.get("from") is not None or h.get("until") is not None):
                ck.error(h, "never", f"{what}a holder who never held the title has no 'from' or 'until'")
            holders.append(Holder(h["name"], _strings(h, "aliases", ck, what), ck.when(h, "from", what=what),
                                  ck.when(h, "until", what=what), never))
        if not holders:
            ck.error(item, "holders", f"{what}a role rule needs 'holders'")
        return RoleSpec(_strings(item, "organization", ck, what), _strings(item, "role", ck, what), holders)
    if kind == "jurisdiction-status":
        subject = _strings(item, "subject", ck, what)
        _check_terms(item, subject, terms, ck, what)
        states = []
        for j in item.get("jurisdictions") or []:
            if not isinstance(j, LineDict):
                ck.error(item, "jurisdictions", f"{what}each jurisdiction must be a mapping")
                continue
            status = str(j.get("status", "done"))
            if status not in ("done", "not"):
                ck.error(j, "status", f"{what}jurisdiction status must be 'done' or 'not', got {status!r}")
            states.append(JurisdictionState(_strings(j, "names", ck, what), status, ck.when(j, "since", what=what)))
        not_done = _strings(item, "stance", ck, what) or ["negated", "pending", "expected"]
        if any(x not in ("negated", "pending", "expected") for x in not_done):
            ck.error(item, "stance", f"{what}a jurisdiction rule's stance lists only negated, pending or expected")
        return JurisdictionStatusSpec(subject, _strings(item, "event", ck, what), states, _strings(item, "topic", ck, what),
                                      not_done)
    if kind == "uniqueness":
        says = str(item.get("says", ""))
        if says not in ("only", "first"):
            ck.error(item, "says", f"{what}'says' must be 'only' or 'first'")
        category = _strings(item, "category", ck, what)
        if not category:
            ck.error(item, "category", f"{what}a uniqueness rule needs 'category' (phrases naming it)")
        members = []
        for m in item.get("members") or []:
            if not isinstance(m, LineDict) or not _strings(m, "subject", ck, what):
                ck.error(item, "members", f"{what}each member needs 'subject'")
                continue
            subject = _strings(m, "subject", ck, what)
            _check_terms(m, subject, terms, ck, what)
            members.append(Member(subject, ck.when(m, "since", what=what)))
        if len(members) < (2 if says == "only" else 1):
            ck.error(item, "members", f"{what}a uniqueness rule needs its members in order (two or more for 'only')")
        facets = []
        for f in item.get("facets") or []:
            if not isinstance(f, list) or not f or not all(isinstance(x, str) and x.strip() for x in f):
                ck.error(item, "facets", f"{what}each facet must be a list of words or phrases")
                continue
            facets.append([x.strip() for x in f])
        if item.get("facets") is not None and len(facets) < 2:
            ck.error(item, "facets", f"{what}'facets' needs two or more features (one alone is a category phrase)")
        return UniquenessSpec(says, category, members, facets)
    if kind == "ingredient":
        substances = []
        for sub in item.get("substances") or []:
            if not isinstance(sub, LineDict) or not _strings(sub, "name", ck, what) or not _strings(sub, "products", ck, what):
                ck.error(item, "substances", f"{what}each substance needs 'name' and 'products'")
                continue
            substances.append(Substance(_strings(sub, "name", ck, what), _strings(sub, "products", ck, what)))
        if len(substances) < 2:
            ck.error(item, "substances", f"{what}an ingredient rule needs two or more substances with their products")
        return IngredientSpec(substances)
    if kind == "indication":
        subject = _strings(item, "subject", ck, what)
        _check_terms(item, subject, terms, ck, what)
        indications = _strings(item, "indications", ck, what)
        conditions = _strings(item, "conditions", ck, what)
        event = _event_phrases(item, _strings(item, "event", ck, what), terms, ck, what)
        if not subject or not indications or not conditions or not event:
            ck.error(item, "indications", f"{what}an indication rule needs 'subject', 'indications', 'conditions' and 'event'")
        companions = []
        for comp in item.get("companions") or []:
            if not isinstance(comp, LineDict) or not _strings(comp, "subject", ck, what) \
                    or not _strings(comp, "indications", ck, what):
                ck.error(item, "companions", f"{what}each companion needs 'subject' and 'indications'")
                continue
            comp_subject = _strings(comp, "subject", ck, what)
            _check_terms(comp, comp_subject, terms, ck, what)
            companions.append(Companion(comp_subject, _strings(comp, "indications", ck, what)))
        jur = item.get("jurisdiction")
        if jur is not None:
            check_place(item, "jurisdiction", str(jur), ck, what)
        return IndicationSpec(subject, indications, conditions, event, companions,
                              str(jur) if jur is not None else None)
    if kind == "price":
        subject = _strings(item, "subject", ck, what)
        _check_terms(item, subject, terms, ck, what)
        if not subject:
            ck.error(item, "subject", f"{what}a price rule needs 'subject'")
        prices = []
        for p in item.get("prices") or []:
            amount = p.get("amount") if isinstance(p, LineDict) else None
            if not isinstance(amount, (int, float)) or isinstance(amount, bool) or amount <= 0:
                ck.error(p if isinstance(p, LineDict) else item, "amount", f"{what}each price needs a positive 'amount'")
                continue
            currency = str(p.get("currency", "USD")).upper()
            if currency not in CURRENCIES:
                ck.error(p, "currency", f"{what}unknown currency {currency!r} (one of {', '.join(sorted(CURRENCIES))})")
            prices.append(Price(float(amount), currency, ck.when(p, "from", what=what), ck.when(p, "until", what=what)))
        if not any(p.until is not None for p in prices):
            ck.error(item, "prices", f"{what}a price rule needs 'prices', one or more with 'until' (a price that ended)")
        return PriceSpec(subject, prices, _strings(item, "channel", ck, what))
    if kind == "figure":
        study, quantity = item.get("study"), item.get("quantity")
        if not isinstance(study, str) or not isinstance(quantity, str):
            ck.error(item, "study", f"{what}a figure rule needs 'study' and 'quantity'")
        return FigureSpec(str(study), str(quantity))
    return None


def _subject_and_event(item: LineDict, ck: Any, what: str, terms: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """A rule's `subject` (its @terms checked) and `event` (built-in events or its own phrases)."""
    subject = _strings(item, "subject", ck, what)
    _check_terms(item, subject, terms, ck, what)
    return subject, _event_phrases(item, _strings(item, "event", ck, what), terms, ck, what)


def _event_phrases(item: LineDict, event: list[str], terms: dict[str, list[str]], ck: Any, what: str) -> list[str]:
    """The event list with each `@term` replaced by its phrases: two rules about one event (a
    stage of trials said to be running, or still to begin) share one list in the lexicon."""
    out: list[str] = []
    for e in event:
        if not e.startswith("@"):
            out.append(e)
        elif e[1:] in terms:
            out += terms[e[1:]]
        else:
            ck.error(item, "event", f"{what}unknown term list {e!r} (define it under lexicon: terms:)")
    return list(dict.fromkeys(out))


def _check_terms(item: LineDict, refs: list[str], terms: dict[str, list[str]], ck: Any, what: str) -> None:
    for ref in refs:
        if ref.startswith("@") and ref[1:] not in terms:
            ck.error(item, "subject", f"{what}unknown term list {ref!r} (define it under lexicon: terms:)")


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


def check_place(item: LineDict, key: str, code: str, ck: Any, what: str) -> None:
    """An error unless `code` is a jurisdiction the language layer knows."""
    from factcheck.lang.places import jurisdiction_codes  # no spaCy: the data file only

    if code not in jurisdiction_codes():
        ck.error(item, key, f"{what}unknown jurisdiction {code!r} (one of {', '.join(sorted(jurisdiction_codes()))})")
