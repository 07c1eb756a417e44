"""A value's note and time point are read once, when the pack loads (knowledge/notes.py)."""

from __future__ import annotations

from factcheck.knowledge import load_pack_cached
from factcheck.knowledge.notes import dose_role_near, dose_role_of_note, parse_value_text


def test_note_and_timepoint_become_typed_fields() -> None:
    assert parse_value_text("optional supplemental half dose", None) == ("supplement", None, None)
    assert parse_value_text("per-session total", None) == ("total", None, None)
    assert parse_value_text(None, "18 weeks after baseline (primary endpoint)") == (None, 18.0, "baseline")
    assert parse_value_text("no role word here", "2024") == (None, None, None)


def test_first_role_word_of_a_note_wins_but_the_nearest_in_prose() -> None:
    assert dose_role_of_note("initial dose, then a supplement") == "initial"
    text = "a first dose of 120 mg and a supplement of 60 mg"
    assert dose_role_near(text, text.index("60 mg")) == "supplement"


def test_loader_fills_the_fields_of_the_bundled_pack() -> None:
    values = load_pack_cached().all_values()
    assert values
    for v in values:
        assert (v.role, v.timepoint_weeks, v.timepoint_anchor) == parse_value_text(v.note, v.timepoint)
    assert any(v.role == "supplement" for v in values)
    assert any(v.timepoint_weeks == 18.0 and v.timepoint_anchor == "baseline" for v in values)
