"""Typed rule kinds: what each kind's slots are (knowledge/rule_slots.py reads them from YAML).

A rule names its kind (`kind: status`) and fills a few slots; the engine finds and compares the
claim (factcheck/kinds/). `pattern` (raw regexes, the v1 form) stays as the escape hatch. The slot
docs here feed `factcheck explain` and docs/rule-kinds.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

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


@dataclass
class Price:
    amount: float
    currency: str
    since: date | None
    until: date | None


@dataclass
class PriceSpec:
    """A price told as today's after it changed: "Wegovy costs $499 a month through NovoCare"
    once the price was cut. The engine reads money amounts ("$499", "499 dollars", "EUR 301.91")
    in sentences that name the subject, and flags an amount whose period has ended when the
    sentence tells it in the present; an amount told as history ("was $499", "cut from $499",
    "in March 2025 it cost $499") or next to the price that replaced it is left alone.

    subject: the product (@terms or phrases). channel: words that say which price it is
    (NovoCare, self-pay, cash); when given, the sentence must name one. prices: each with
    `amount`, `currency` (USD, EUR, GBP; default USD), `from` and `until` (the price of today has
    no `until`). Only amounts with an `until` are findings: list every price a writer may give.
    """

    subject: list[str]
    prices: list[Price]
    channel: list[str] = field(default_factory=list)


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
    "price": PriceSpec,
}
RULE_KINDS = tuple(KIND_DOCS)
