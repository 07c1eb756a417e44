"""Typed rule kinds: what each kind's slots are, and how the loader reads them.

A rule names its kind (`kind: status`) and fills a few slots; the engine finds and compares the
claim (factcheck/kinds/). `pattern` (raw regexes, the v1 form) stays as the escape hatch. The slot
docs here feed `factcheck explain` and docs/rule-kinds.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from factcheck.knowledge.yamlload import LineDict

STANCE_NAMES = ("done", "pending", "expected", "refused", "negated", "current")


@dataclass
class StatusSpec:
    """An event or state held in a stance that makes the statement wrong.

    subject: who or what the statement is about (`@term` lists of the pack, or phrases).
    event: built-in event classes of the language layer (approval, decision, review,
    advisory-vote, rescheduling, legalisation, launch, designation, submission, shortage,
    final-stage: the last stage of clinical testing under any name) or phrases.
    stance: which readings are wrong: done, pending, expected, refused, negated, current.
    jurisdiction: the rule applies unless another jurisdiction is what the sentence is about
    (`us-federal`: US federal law, where a sentence naming a US state is about that state).
    topic: phrases of which the sentence must name one: what the event is for (an indication, a
    label section), when the rule is about one use among several ("approved to cut heart risk").
    A sentence that borrows its subject from the one before may borrow its topic from it too.
    forecast: {after, before}: only statements naming a time in this window (optional). With
    `era: true`, a statement that names no time is of the page's time: in the window when the
    page's date is, or, on a page with no date, unless the page names a year after the window (an
    undated page that speaks of the "upcoming" trials and names 2012 and nothing later).
    fulfilled: true when `since` is the day the forecast event itself happened (a filing): a
    forecast whose named time holds that day came true and is not reported.
    unless_scope: where the rule's `unless` phrases are looked for: `clause` (the default) or
    `sentence`, when the words that make a statement right may follow it after a semicolon ("has
    not rejected it; it issued a complete response letter").
    """

    subject: list[str]
    event: list[str]
    stance: list[str]
    jurisdiction: str | None = None
    # Optional: only statements that name a time inside this window ("approval by 2021"): a more
    # specific rule than one without a window, so it speaks for the statement.
    forecast_after: date | None = None
    forecast_before: date | None = None
    forecast_era: bool = False
    # `since` is the day the forecast event itself happened (a filing): a forecast whose window
    # holds that day came true and is no finding.
    fulfilled: bool = False
    topic: list[str] = field(default_factory=list)
    unless_scope: str = "clause"


@dataclass
class FormerName:
    names: list[str]
    end: date | None


@dataclass
class NameSpec:
    """A registered name: its canonical form, accepted aliases and known wrong forms.

    canonical: the name as registered. acronym: its short form (an expansion written next to the
    acronym must be the canonical one, and an acronym in brackets after the name must be this
    one). aliases: other accepted names; a one-word alias that is no English word ("Lykos") is
    also caught misspelt by one letter ("Lycos"). wrong: forms seen in print that are wrong;
    besides them, a canonical name of three words or more with its body noun swapped for another
    ("Therapeutic Goods Authority" for "... Administration") or "for" and "of" swapped is wrong
    when printed capitalised, as a name (kinds/vocabulary.py `body_name_variants`).
    former: names the bearer had before, each with `names` and `until`: a former name given as
    the current one ("X, now called OLD", "OLD (formerly OLDER)", "Today OLD is ...", "we at OLD")
    is outdated since its `until`. not_former: names of OTHER bodies that print gives as the
    bearer's former name ("Lykos, formerly MAPS" when it was MAPS's subsidiary MAPS PBC): "BEARER
    (formerly X)", "BEARER, previously known as X", "X, now BEARER", "X renamed itself BEARER" is
    wrong, BEARER being the canonical name, an alias or a former name. A rule with `not_former`
    checks only that.
    """

    canonical: str
    acronym: str | None = None
    aliases: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    former: list[FormerName] = field(default_factory=list)
    not_former: list[str] = field(default_factory=list)


@dataclass
class OtherDate:
    date: date
    where: str


@dataclass
class EventDateSpec:
    """When something happened: a date given for the event that does not fit its true date.

    subject: who or what (`@term` lists or phrases). event: built-in event classes or phrases.
    date: the true date at the precision writers are judged on (YYYY, YYYY-MM or YYYY-MM-DD); a
    stated date is wrong when it does not fall inside it at the precision the text gives (a full
    day allows `day_tolerance` days either side, three unless set: reports often give the day of
    the announcement; 0 where writers are judged on the act's own day, as for a dated letter).
    end: true when `date` is when the event or state ended ("the shortage was resolved in
    February 2025"): only mentions the language layer reads as ended are compared.
    jurisdiction: as for `status`. topic: as for `status`, read in the clause that gives the date
    (or its sentence, when that clause does not name the subject). elsewhere: the same event's
    dates in other jurisdictions, each with `date` and `where` (a jurisdiction code): a sentence
    that names no place and gives one of them is left alone ("Wegovy was authorised at the start of
    2022" on a European page is the EU's date).
    """

    subject: list[str]
    event: list[str]
    date: date | None = None
    end: bool = False
    jurisdiction: str | None = None
    topic: list[str] = field(default_factory=list)
    day_tolerance: int = 3
    elsewhere: list[OtherDate] = field(default_factory=list)


@dataclass
class Holder:
    name: str
    aliases: list[str]
    start: date | None
    end: date | None
    never: bool = False


@dataclass
class RoleSpec:
    """Who holds a title, with validity: a person named in the role after their term ended, or
    called the holder still to come ("incoming", "nominee", "-designate") after it began.

    organization: names of the organisation. role: the title's words (CEO, chief executive).
    holders: each with `name`, `aliases`, `from` and `until`, or `never: true` for someone often
    named in the title who never held it.
    """

    organization: list[str]
    role: list[str]
    holders: list[Holder] = field(default_factory=list)


@dataclass
class JurisdictionState:
    names: list[str]
    status: str  # "done" (approved/legal there) or "not" (not approved/prohibited)
    since: date | None


@dataclass
class JurisdictionStatusSpec:
    """A legal or regulatory state per country or state: a statement that a place has (or has
    not) done the event when the record says otherwise.

    subject, event, topic: as for `status`. jurisdictions: each with `names`, `status` (done |
    not) and `since`. stance: which readings of a place's `done` event count as saying it has not
    happened (default all three: negated, pending, expected; a launch rule leaves out `expected`,
    since "will launch in Germany next month" mostly came true on time).
    """

    subject: list[str]
    event: list[str]
    jurisdictions: list[JurisdictionState] = field(default_factory=list)
    topic: list[str] = field(default_factory=list)
    stance: list[str] = field(default_factory=lambda: ["negated", "pending", "expected"])


@dataclass
class FigureSpec:
    """A study's figure reported wrongly: the engine compares every number it reads for the
    study's `quantity` with the study's `values`; this rule gives that comparison its message.

    study: the id of the study (under `studies:`) whose recorded values are the truth.
    quantity: the id of the quantity (under `quantities:`) the rule covers, such as a percentage.
    """

    study: str
    quantity: str


@dataclass
class Member:
    subject: list[str]
    since: date | None


@dataclass
class UniquenessSpec:
    """A claim that something is the first or the only one of its category: "X is the only oral
    GLP-1" after a second one was approved, "Y is the first GLP-1 pill" when X came first.

    says: `only` (the rule catches a member called the only one once a second member exists, or
    any later member called the only one) or `first` (a member other than the first called the
    first). category: phrases naming the category ("oral GLP-1", "GLP-1 pill"); a category
    narrowed by a qualifier ("the first GLP-1 pill for weight loss") is another category and left
    alone; "NOUN to do so", "NOUN to take such a step" stand for the act told before them and
    count when it is one of the category's verbs ("Australia legalised it ... the first country
    to do so"). members: the members in the order they joined, each with `subject` (phrases or
    @terms) and `since`. facets: the category told as the features it joins, one list of words
    per feature ([[oral, pill, tablet, swallowed], [weight loss, obesity]]): "the
    only drug for weight loss that is swallowed as a pill" names the category when every feature
    is said in the phrase after "the first" or "the only", however the writer orders it.
    """

    says: str
    category: list[str]
    members: list[Member] = field(default_factory=list)
    facets: list[list[str]] = field(default_factory=list)


@dataclass
class Substance:
    name: list[str]
    products: list[str]


@dataclass
class IngredientSpec:
    """A product tied to the wrong active substance: "semaglutide drugs such as Ozempic and
    Mounjaro", "Zepbound (semaglutide)", "Mounjaro, a semaglutide injection". Only tight
    constructions bind a product to a substance (a parenthesis, an apposition or copula before a
    head noun, a list after "such as", "sold as" or "including", a verb of containing, "the active
    ingredient in"); a comparison or a denial between them keeps them apart.

    substances: each with `name` (the substance's names) and `products` (the names of the
    products that contain it, as printed: brand names). A product bound to a substance that is not
    its own, with its own not bound beside it, is the finding.
    """

    substances: list[Substance] = field(default_factory=list)


@dataclass
class Companion:
    subject: list[str]
    indications: list[str]


@dataclass
class IndicationSpec:
    """A licence or permission said to cover a condition it does not cover: "Australia lets
    psychiatrists prescribe MDMA for treatment-resistant depression" (it covers PTSD), "the
    regulator approved psilocybin and MDMA for depression".

    subject: the product whose indication is checked (phrases or @terms). indications: the
    conditions its licence or permission covers. conditions: other conditions a statement may
    name in their place (what counts as a condition at all). companions: products often listed
    with it, each with `subject` and `indications`, so that "MDMA and psilocybin for PTSD and
    treatment-resistant depression" (each for its own) is read as right. event: the built-in
    event classes or phrases that make a sentence a licence or permission (approval, prescribe,
    allow). jurisdiction: as for `status`.

    A condition list is bound to the products named after the previous list and before it ("MDMA
    for PTSD and psilocybin for depression" binds each to its own); the statement is wrong when a
    listed condition is covered for none of the products, or the subject is bound to conditions
    none of which it covers.
    """

    subject: list[str]
    indications: list[str]
    conditions: list[str]
    event: list[str]
    companions: list[Companion] = field(default_factory=list)
    jurisdiction: str | None = None


KIND_DOCS: dict[str, Any] = {
    "pattern": "Raw regular expressions over the folded sentence (the escape hatch).",
    "status": StatusSpec,
    "event-date": EventDateSpec,
    "role": RoleSpec,
    "jurisdiction-status": JurisdictionStatusSpec,
    "name": NameSpec,
    "figure": FigureSpec,
    "uniqueness": UniquenessSpec,
    "ingredient": IngredientSpec,
    "indication": IndicationSpec,
}
RULE_KINDS = tuple(KIND_DOCS)
UNLESS_SCOPES = ("clause", "sentence")
SPEC_KEYS = {"unless_scope", "fulfilled", "forecast", "subject", "event", "stance", "jurisdiction", "canonical", "acronym", "aliases", "wrong", "former", "not_former", "date", "day_tolerance",
             "organization", "role", "holders", "jurisdictions", "study", "quantity", "topic", "end", "says", "category",
             "members", "substances", "indications", "conditions", "companions", "elsewhere", "facets"}


def parse_spec(kind: str, item: LineDict, ck: Any, what: str, terms: dict[str, list[str]],
               events: set[str]) -> Any:
    """Read the slots of a typed rule; report missing or unknown values with file:line."""
    if kind == "status":
        subject = _strings(item, "subject", ck, what)
        _check_terms(item, subject, terms, ck, what)
        event = _event_phrases(item, _strings(item, "event", ck, what), terms, ck, what)
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
        subject = _strings(item, "subject", ck, what)
        _check_terms(item, subject, terms, ck, what)
        event = _event_phrases(item, _strings(item, "event", ck, what), terms, ck, what)
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
    if kind == "figure":
        study, quantity = item.get("study"), item.get("quantity")
        if not isinstance(study, str) or not isinstance(quantity, str):
            ck.error(item, "study", f"{what}a figure rule needs 'study' and 'quantity'")
        return FigureSpec(str(study), str(quantity))
    return None


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
