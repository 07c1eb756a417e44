"""The compiled claims pack: what the judge and the `db` commands work with."""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from factcheck.models import SourceRef


class PartialDate(date):
    """A date known only to the month ("2025-06") or the year ("2025").

    Sources often give only a month or a year; inventing a day would make the pack claim a
    precision nobody has. It is a `date` (its first day) so code that only stores or prints dates
    keeps working, but comparisons use the whole period: it is before a day only when the period
    ends before it, after a day only when the period starts after it, and neither while the day
    falls inside it. `isoformat()` gives the date back as written.
    """

    precision: str  # "month" | "year"

    def __new__(cls, year: int, month: int | None = None) -> PartialDate:
        self = super().__new__(cls, year, month or 1, 1)
        self.precision = "month" if month else "year"
        return self

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """'2025-06' or '2025' (raises ValueError otherwise)."""
        m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", text)
        if not m:
            raise ValueError(f"not a partial date: {text!r}")
        month = int(m.group(2)) if m.group(2) else None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month out of range: {text!r}")
        return cls(int(m.group(1)), month)

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        if self.precision == "year":
            return date(self.year, 12, 31)
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def isoformat(self) -> str:
        return f"{self.year:04d}" if self.precision == "year" else f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    def __reduce__(self) -> tuple:  # type: ignore[override]
        return (PartialDate, (self.year, self.month if self.precision == "month" else None))

    @staticmethod
    def _span(other: object) -> tuple[date, date] | None:
        if isinstance(other, PartialDate):
            return other.first, other.last
        if isinstance(other, date):
            return other, other
        return None

    def __lt__(self, other: object) -> bool:
        span = self._span(other)
        return NotImplemented if span is None else self.last < span[0]

    def __le__(self, other: object) -> bool:
        span = self._span(other)
        return NotImplemented if span is None else self.last <= span[0]

    def __gt__(self, other: object) -> bool:
        span = self._span(other)
        return NotImplemented if span is None else self.first > span[1]

    def __ge__(self, other: object) -> bool:
        span = self._span(other)
        return NotImplemented if span is None else self.first >= span[1]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PartialDate):
            return (self.precision, self.year, self.month) == (other.precision, other.year, other.month)
        return False  # a month or a year is never one day

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((self.precision, self.year, self.month))


@dataclass
class Origin:
    """Where an entry was defined (for messages and `db show`)."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass
class Source:
    id: str
    kind: str
    title: str
    publisher: str | None
    published: date | None  # may be a PartialDate
    url: str
    status: str
    evidence: list[str]
    origin: Origin
    doi: str | None = None
    authors: list[str] = field(default_factory=list)
    retracted_on: date | None = None
    notice: str | None = None
    accessed: date | None = None
    note: str | None = None

    def ref(self) -> SourceRef:
        return SourceRef(
            id=self.id,
            title=self.title,
            url=self.url,
            published=self.published.isoformat() if self.published else None,
            publisher=self.publisher,
            status=self.status,
        )


@dataclass
class Value:
    """One numeric fact: a quantity measured in a study (and arm), with its unit."""

    quantity: str
    unit: str
    low: float
    high: float
    owner: str  # claim or study id that records it
    study: str | None = None
    arm: str | None = None
    timepoint: str | None = None
    tolerance: float = 0.0
    note: str | None = None
    sources: list[str] = field(default_factory=list)
    # Read from `note` and `timepoint` once by the loader (knowledge/notes.py), for the judge.
    role: str | None = None  # "initial", "supplement" or "total" dose
    timepoint_weeks: float | None = None
    timepoint_anchor: str | None = None  # "baseline" or "treatment"

    def matches(self, low: float, high: float) -> bool:
        """True when the stated number (or range) agrees with this value within tolerance."""
        tol = self.tolerance
        if low == high:
            return self.low - tol <= low <= self.high + tol
        # A stated range agrees when it lies inside, or equals, the recorded range.
        return self.low - tol <= low and high <= self.high + tol

    def overlaps(self, low: float, high: float) -> bool:
        """For approximate figures ("about 90 minutes", "nearly 70%"): any overlap agrees."""
        return low <= self.high + self.tolerance and self.low - self.tolerance <= high

    def describe(self) -> str:
        if self.low == self.high:
            num = _fmt(self.low)
        else:
            num = f"{_fmt(self.low)}–{_fmt(self.high)}"
        unit = {"percent": "%", "count": "", "d": ""}.get(self.unit, f" {self.unit}")
        text = f"{num}{unit}"
        if self.unit == "d":
            text = f"d = {num}"
        return text


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


@dataclass
class Frame:
    """A claim recognised by its parts rather than by one surface pattern.

    A frame matches when an `event` cue (what happens: approval, legalisation) and a `stance` cue
    (how the text holds it: expected, imminent, done) sit within `near` words of each other in one
    clause, and a `subject` cue (what it is about) is in the sentence or earlier in its paragraph.
    Any wording that combines known parts is caught, so the pack lists parts, not paraphrases.
    """

    event: list[re.Pattern[str]]
    stance: list[re.Pattern[str]]
    subject: list[re.Pattern[str]]
    near: int = 8
    subject_scope: str = "paragraph"  # sentence | paragraph
    # The cues as the pack wrote them ({macro} unexpanded), for `explain` and rule pages.
    sources: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Rule:
    """A `corrects` entry: statements that its claim supersedes or refutes."""

    id: str
    claim_id: str
    kind: str
    verdict: str
    severity: str
    since: date | None
    summary: str
    message: str
    suggestion: str | None
    patterns: list[re.Pattern[str]]
    pattern_sources: list[str]
    unless: list[re.Pattern[str]]
    context: list[re.Pattern[str]]
    context_scope: str
    negatable: bool
    triggers: list[str] | None  # literal strings, one of which any match must contain; None = always try
    examples_flagged: list[str]
    examples_accepted: list[str]
    origin: Origin
    frame: Frame | None = None
    check: str = "pattern"  # the rule kind (knowledge/rule_kinds.py): pattern, status, name, ...
    spec: object | None = None  # the kind's slots (StatusSpec, NameSpec, ...)
    unless_words: list[str] = field(default_factory=list)  # typed rules: phrases that take a clause out
    # Known misses the pack records openly: should be flagged / accepted, and are not yet.
    examples_pending_flagged: list[str] = field(default_factory=list)
    examples_pending_accepted: list[str] = field(default_factory=list)
    # Pattern rules: `unless` as the pack wrote it ({macro} unexpanded), for `explain` and rule pages.
    unless_sources: list[str] = field(default_factory=list)
    # Pattern rules: for each of `patterns`, the literals one of which its every match contains
    # (lower-case; None when none can be derived). Empty when not computed: every pattern is tried.
    pattern_triggers: list[list[str] | None] = field(default_factory=list)
    # Pattern rules: for each of `patterns`, every literal set it requires (`pattern_triggers` is
    # one of them): a sentence lacking one whole set cannot match it. Empty when not computed.
    pattern_requires: list[list[list[str]]] = field(default_factory=list)
    # Rules whose finding this one's makes redundant in the same sentence ("the application is still
    # to be filed" says approval is still to come): ids as `PACK/RULE`, checked by the loader.
    covers: list[str] = field(default_factory=list)


@dataclass
class Claim:
    id: str
    kind: str
    fact: str
    valid_from: date | None  # these three may be PartialDate
    valid_until: date | None
    verified_on: date
    review_by: date
    sources: list[str]
    values: list[Value]
    rules: list[Rule]
    origin: Origin
    # When the public could first know the fact (an announcement), if later than `valid_from`
    # (the FDA dated its letter 2024-08-08; Lykos announced it 2024-08-09). Rules' `since` uses it.
    announced_on: date | None = None


@dataclass
class Study:
    id: str
    title: str
    aliases: list[str]
    author: str | None
    year: int | None
    journal: str | None
    published: date | None
    design: str | None
    phase: str | None
    indication: str | None
    n: int | None
    status: str
    retracted_on: date | None
    notice: str | None
    sources: list[str]
    values: list[Value]
    verified_on: date
    review_by: date
    origin: Origin
    registry: str | None = None
    doi: str | None = None

    @property
    def label(self) -> str:
        if self.author and self.year:
            return f"{self.author} et al. {self.year}"
        return self.aliases[0] if self.aliases else self.id

    @property
    def name(self) -> str:
        """A short human name: the trial name when it has one, else the citation."""
        trial = next((a for a in self.aliases if a.isupper() and len(a) <= 8), None)
        if trial and self.author and self.year:
            return f"{trial} ({self.author} et al. {self.year})"
        return trial or self.label


@dataclass
class Quantity:
    id: str
    label: str
    unit: str
    cues: list[re.Pattern[str]]
    # For each cue, the literals one of which its every match contains (None: none derived);
    # empty when not computed (every cue is tried).
    cue_triggers: list[list[str] | None] = field(default_factory=list)
    # False for a measure no study reports ("cure rate"): a figure told of it that equals another
    # measure's recorded figure is that figure put on the wrong measure.
    reported: bool = True


@dataclass
class Pack:
    """Everything the linter knows, compiled once per process."""

    sources: dict[str, Source]
    claims: dict[str, Claim]
    studies: dict[str, Study]
    rules: dict[str, Rule]
    quantities: dict[str, Quantity]
    arms: dict[str, list[re.Pattern[str]]]
    topic: list[re.Pattern[str]]
    macros: dict[str, str]
    fingerprint: str
    roots: list[str]
    # Plain-word vocabulary of the pack (lexicon `terms`, `about`, `neighbours`): rule kinds read
    # these through the language layer's matcher, not as regexes.
    terms: dict[str, list[str]] = field(default_factory=dict)
    about: list[str] = field(default_factory=list)
    neighbours: list[str] = field(default_factory=list)
    # Units whose recorded values are every value a protocol used (a dose or session count the
    # pack does not record is then a protocol error); a pack's own knowledge, not the engine's.
    exhaustive_units: list[str] = field(default_factory=list)
    # The jurisdiction a sentence naming no place is about (the MDMA pack's FDA rules are US):
    # a rule for another country then needs that country named. None: any rule may apply.
    home_jurisdiction: str | None = None
    id: str = "pack"
    title: str = ""
    version: str | None = None
    # The packs this one combines (see `combine`); empty for a single pack.
    subpacks: list[Pack] = field(default_factory=list)

    @property
    def packs(self) -> list[Pack]:
        """The isolated packs to run, each with its own rules, vocabulary and studies."""
        return self.subpacks or [self]

    def rule(self, name: str) -> Rule | None:
        """A rule by its qualified id (`mdma/approval-imminent`) or, when unambiguous, bare id."""
        if name in self.rules:
            return self.rules[name]
        hits = [r for r in self.rules.values() if r.id.split("/", 1)[-1] == name]
        return hits[0] if len(hits) == 1 else None

    def values_for(self, quantity: str) -> list[Value]:
        return self._values_by_quantity.get(quantity, [])

    def all_values(self) -> list[Value]:
        return [v for vs in self._values_by_quantity.values() for v in vs]

    def source_refs(self, ids: list[str]) -> list[SourceRef]:
        return [self.sources[i].ref() for i in ids if i in self.sources]

    def index(self) -> None:
        """Build the lookup tables the judge uses (called once after loading)."""
        by_q: dict[str, list[Value]] = {}
        for owner in list(self.claims.values()) + list(self.studies.values()):
            for v in owner.values:
                by_q.setdefault(v.quantity, []).append(v)
        self._values_by_quantity = by_q


def combine(packs: list[Pack]) -> Pack:
    """Several isolated packs seen as one for lookups (`db`, `explain`, reports). Rules are keyed
    by their qualified ids; claims, studies and sources by id (a later pack's entry wins)."""
    if len(packs) == 1:
        return packs[0]
    merged = Pack(
        sources={k: v for p in packs for k, v in p.sources.items()},
        claims={k: v for p in packs for k, v in p.claims.items()},
        studies={k: v for p in packs for k, v in p.studies.items()},
        rules={k: v for p in packs for k, v in p.rules.items()},
        quantities={k: v for p in packs for k, v in p.quantities.items()},
        arms={k: v for p in packs for k, v in p.arms.items()},
        topic=[t for p in packs for t in p.topic],
        macros={},
        fingerprint=hashlib.sha256("".join(p.fingerprint for p in packs).encode()).hexdigest()[:16],
        roots=list(dict.fromkeys(r for p in packs for r in p.roots)),
        about=[a for p in packs for a in p.about],
        exhaustive_units=sorted({u for p in packs for u in p.exhaustive_units}),
        id="+".join(p.id for p in packs),
        subpacks=list(packs),
    )
    merged.index()
    return merged
