"""The reading of one event mention (`Stance`), on its own so that the stance readers
(stance.py, stance_frames.py, stance_prospects.py) share it without importing one another."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.lang.cues import Cue
from factcheck.lang.timex import TimeExpr


@dataclass
class Stance:
    """The reading of one event mention."""

    stance: str
    cue: Cue | None = None  # the stance cue that decided it, if any
    negated: bool = False
    question: bool = False
    attributed: bool = False
    attribution: str | None = None  # who says so ("analysts", "the company"), when the text names them
    quoted: bool = False  # inside quotation marks
    meta: bool = False  # reported in order to be corrected ("Myth: ...", "a common error is to say ...")
    hedged: bool = False
    times: list[TimeExpr] = field(default_factory=list)
    framing_year: int | None = None  # "In 2023, ..." opening the clause
