"""Typed claims: what the extractor found in the text, before the judge compares it with the database."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.knowledge.model import Rule

# How a figure's study was guessed from a phase or a described design alone: several studies may
# fit, and the judge narrows them (a retracted study's own figure settles it).
GUESSED_STUDY = ("phase", "previous sentence phase", "description")


@dataclass
class Claim:
    """A checkable statement at prose offsets [start, end).

    `type` says which payload is set: "rule" (a pack pattern matched), "figure" (a number with a
    unit and, when found, the quantity it measures, the arm and the study), "citation" (an
    author-year citation or study alias).
    """

    type: str
    kind: str
    start: int
    end: int
    sentence: tuple[int, int]
    rule: Rule | None = None
    quantity: str | None = None
    other_quantities: list[str] = field(default_factory=list)  # other measures its clause names too
    unit: str | None = None
    low: float = 0.0
    high: float = 0.0
    approx: tuple[float, float] = (0.0, 0.0)
    arm: str | None = None
    studies: list[str] = field(default_factory=list)  # candidate studies it is attached to
    study_how: str | None = None  # "sentence", "previous sentence", "paragraph", "phase", "description", "table row"
    phase: str | None = None
    # The figure is stated of every study it is attached to ("Phase 3 trials in which more than
    # 70% ..."): a bound must then hold in each, not in one of them.
    each_study: bool = False
    each_exact: bool = False  # ... and an exact figure is said of each ("both trials showed 0.91")
    combined: bool = False  # ... or it is their sum ("a combined 194 participants")
    citation: str | None = None  # the citation text as written
    negated: bool = False
    attributed: bool = False
    attribution: str | None = None
    outcome_noted: bool = False
    quoted: bool = False  # inside quotation marks: someone's own words, reported
    corrected_nearby: bool = False  # the text answers an attributed statement right after it ("In fact, ...")
    unnamed_study: bool = False  # a figure from a study the text describes but does not name
    pack: str | None = None  # the pack whose rules, figures or citations produced it
    forecast_until: object | None = None  # the latest date a forecast names, when it names one
    forecast_from: object | None = None  # the earliest
    forecast_open_from: object | None = None  # a forecast naming no time, made on this (page) date
    since: object | None = None  # a date that overrides the rule's `since` for this claim (a role's end)  # the text itself says what became of a forecast (a refusal nearby)  # who the text says holds the statement ("analysts", "Lykos")
    question: bool = False
    hedged: bool = False
    by_frame: bool = False  # found by a rule's frame rather than one of its patterns
    # When the text ties the figure to a time ("one year after treatment"): weeks and anchor.
    timepoint: str | None = None
    timepoint_weeks: float | None = None
    timepoint_anchor: str | None = None  # "baseline" or "treatment"
    # A time point given in a later sentence for an earlier figure ("That outcome was measured a
    # year after the last dose"): the claim stands on the time point and is judged on it alone.
    timepoint_only: bool = False
    dated_year: int | None = None
    retraction_noted: bool = False
    journal: str | None = None  # the journal a citation names ("in the journal Nature")
    role: str | None = None
    relative_time: str | None = None  # "next year", "currently": read against the page's date  # for doses: "initial", "supplement" or "total"  # a citation whose retraction the text itself mentions  # an explicit past anchor for the whole clause ("In 2023, ...")

    @property
    def bounds(self) -> tuple[float, float]:
        return self.low + self.approx[0], self.high + self.approx[1]
