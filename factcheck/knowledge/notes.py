"""Reads a recorded value's free-text note and time point once, when the pack loads.

The judge compares typed fields (`Value.role`, `Value.timepoint_weeks`, `Value.timepoint_anchor`)
instead of re-parsing the text on every comparison; the extractor reads dose roles in prose with
the same words, so a note and an article mean the same thing by "supplement" or "total".
"""

from __future__ import annotations

import re

from factcheck.knowledge.numbers import parse_timepoint

# Which part of a dosing schedule a dose is: the first dose of a session, the optional
# supplement, or the session's total. Read the same way from the text and from a value's note.
DOSE_ROLES = (
    ("supplement", re.compile(r"\b(?:supplement\w*|booster|half[- ]dose|top-?up|additional dose|second dose)\b")),
    ("total", re.compile(r"\b(?:total|in all|cumulative|altogether|combined)\b")),
    ("initial", re.compile(r"\b(?:initial|first|starting|opening|beg[ia]n with|begins with|start(?:ed|s)? with)\b")),
)


def dose_role_near(text: str, at: int) -> str | None:
    """The role word nearest the figure (at offset `at`) in a short window of prose around it."""
    found = [(m.start(), role) for role, rx in DOSE_ROLES for m in rx.finditer(text)]
    if not found:
        return None
    return min(found, key=lambda f: abs(f[0] - at))[1]


def dose_role_of_note(note: str) -> str | None:
    """A recorded value's role, from the first role word in its note or time point."""
    found = [(m.start(), role) for role, rx in DOSE_ROLES for m in rx.finditer(note.lower())]
    return min(found)[1] if found else None


def parse_value_text(note: str | None, timepoint: str | None) -> tuple[str | None, float | None, str | None]:
    """(role, weeks, anchor) of a recorded value, from its note and time point."""
    role = dose_role_of_note(f"{note or ''} {timepoint or ''}")
    tp = parse_timepoint(timepoint or "")
    return role, (tp[0] if tp else None), (tp[1] if tp else None)
