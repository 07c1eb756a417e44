"""Figures as written, what they measure, their arm and study; citations in common forms.

Uses the bundled pack's lexicon and studies (MAPP1/MAPP2 and their published figures)."""

from __future__ import annotations

import pytest


def one(figures, text: str, covering: str):
    """The figure whose text overlaps `covering`."""
    start = text.index(covering)
    end = start + len(covering)
    hits = [c for t, c in figures(text) if c.start < end and start < c.end]
    assert len(hits) == 1, [t for t, _c in figures(text)]
    return hits[0]


@pytest.mark.parametrize(("text", "covering", "unit", "low", "high"), [
    ("In MAPP1, 67 percent of the MDMA group no longer met PTSD criteria.", "67 percent", "percent", 67, 67),
    ("In MAPP1, Eighty-eight percent of the MDMA group had a clinical response.", "Eighty-eight percent", "percent", 88, 88),
    ("In MAPP1, two-thirds of the MDMA group no longer met PTSD criteria.", "two-thirds", "percent", 66.7, 66.7),
    ("In MAPP2, nearly 70% of the MDMA group no longer met PTSD criteria.", "nearly 70%", "percent", 70, 70),
    ("In MAPP2, 71.2\u00a0% of the MDMA group no longer met PTSD criteria.", "71.2\u00a0%", "percent", 71.2, 71.2),
    ("MAPP2 (n = 104) included moderate PTSD.", "n = 104", "count", 104, 104),
    ("MAPP2 (n\u00a0=\u00a0104) included moderate PTSD.", "104", "count", 104, 104),
    ("MAPP2 enrolled 104 participants with PTSD.", "104 participants", "count", 104, 104),
    ("MDMA trials gave 75 to 125 milligrams per session.", "75 to 125 milligrams", "mg", 75, 125),
    ("MDMA trials gave 80\u2013120 mg per session.", "80\u2013120 mg", "mg", 80, 120),
    ("MDMA trials gave 80\u2014120 mg per session.", "80\u2014120 mg", "mg", 80, 120),
    ("MDMA was dosed at 1.5 mg/kg of body weight.", "1.5 mg/kg", "mg/kg", 1.5, 1.5),
    ("MDMA subjective effects lasted 4.2 \u00b1 1.3 hours.", "4.2", "hours", 4.2, 4.2),
    ("MAPP1 had three MDMA dosing sessions.", "three MDMA dosing sessions", "sessions", 3, 3),
    ("MAPP1 had nine integration sessions.", "nine integration sessions", "sessions", 9, 9),
    ("In MAPP1 the effect size was d = 0.91.", "0.91", "d", 0.91, 0.91),
    ("In MAPP1 the effect size (Cohen's d) was 0.91.", "0.91", "d", 0.91, 0.91),
    ("MAPP1 participants given MDMA improved by 24.4 points on the CAPS-5.", "24.4 points", "points", 24.4, 24.4),
    ("MAPP1 ran at 15 sites.", "15 sites", "count", 15, 15),
    ("In MAPP1, 10 of 12 participants given MDMA responded.", "10 of 12 participants", "percent", 83.3, 83.4),
])
def test_numbers_as_written(figures, text, covering, unit, low, high) -> None:
    c = one(figures, text, covering)
    assert c.unit == unit
    assert c.low == pytest.approx(low, abs=0.1) and c.high == pytest.approx(high, abs=0.1)


def test_approximations_widen_the_figure(figures) -> None:
    c = one(figures, "In MAPP2, nearly 70% of the MDMA group no longer met PTSD criteria.", "70%")
    assert c.bounds == (65.0, 70.0)


@pytest.mark.parametrize("text", [
    "Phase 3 participants took an initial dose of MDMA.",
    "MDMA Table 2 patients",
])
def test_labels_are_not_counts(figures, text) -> None:
    assert not [c for _t, c in figures(text) if c.unit == "count"]


@pytest.mark.parametrize(("text", "covering", "quantity", "arm"), [
    # Each figure reads the words of its own stretch of the sentence.
    ("In MAPP2, just over 70% of that arm no longer met PTSD criteria, and 86.5% had a clinically meaningful response.",
     "70%", "loss-of-diagnosis", None),
    ("In MAPP2, just over 70% of that arm no longer met PTSD criteria, and 86.5% had a clinically meaningful response.",
     "86.5%", "clinically-meaningful-response", None),
    ("In MAPP2 severe adverse events occurred in 9.4% of the MDMA arm vs. 3.9% of the placebo arm.", "9.4%", "severe-teae", "mdma"),
    ("In MAPP2 severe adverse events occurred in 9.4% of the MDMA arm vs. 3.9% of the placebo arm.", "3.9%", "severe-teae", "placebo"),
    ("MDMA produces effects that last 8 hours, which is why the sessions are so long.", "8 hours", "effect-duration", None),
    ("MDMA sessions lasted about 8 hours, although subjective effects last around four hours.", "8 hours", "dosing-session-length", None),
    ("MDMA sessions lasted about 8 hours, although subjective effects last around four hours.", "four hours", "effect-duration", None),
    ("A dose of MDMA gives a journey of about four hours.", "four hours", "effect-duration", None),
])
def test_measure_and_arm(figures, text, covering, quantity, arm) -> None:
    c = one(figures, text, covering)
    assert c.quantity == quantity
    if arm is not None:
        assert c.arm == arm


def test_unit_conversion_for_the_measure_named_right_there(figures) -> None:
    c = one(figures, "In MAPP1 each integration session lasts three hours.", "three hours")
    assert c.quantity == "integration-session-length" and c.unit == "minutes" and c.low == 180


def test_cue_in_previous_sentence_is_inherited(figures) -> None:
    text = "In MAPP1, 32% of placebo participants no longer met criteria. In MAPP2 the placebo figure was 21.4%."
    c = one(figures, text, "21.4%")
    assert c.quantity == "loss-of-diagnosis" and c.arm == "placebo"


@pytest.mark.parametrize(("text", "covering", "studies", "how"), [
    ("MDMA results: in MAPP2, 71.2% no longer met PTSD criteria.", "71.2%", ["mapp2"], "sentence"),
    ("MDMA results (Mitchell et al., 2021) are in. Of the MDMA group, 67% no longer met PTSD criteria.", "67%", ["mapp1"], "previous sentence"),
    ("MDMA was tested in MAPP2. It was large. Then 71.2% no longer met PTSD criteria.", "71.2%", ["mapp2"], "paragraph"),
    ("In MAPP1 it was tested. Unlike Phase 2, the Phase 3 trials gave 120 mg of MDMA.", "120 mg", ["mapp1", "mapp2"], "phase"),
])
def test_study_attachment(figures, text, covering, studies, how) -> None:
    c = one(figures, text, covering)
    assert sorted(c.studies) == studies and c.study_how == how


def test_a_follow_up_of_its_own_is_not_the_study_cited_before(figures) -> None:
    text = "MDMA results (Mitchell et al., 2021) are in. All 40 participants who took MDMA joined this long-term follow-up."
    assert one(figures, text, "40 participants").studies == []


def test_glued_table_rows(figures) -> None:
    text = "Trial | Participants | No longer met criteria (MDMA)\nMitchell et al. 20219071.2%\nMitchell et al. 202310467%\n"
    got = {t: c for t, c in figures(text)}
    assert got["90"].studies == ["mapp1"] and got["90"].quantity == "sample-size"
    assert got["71.2%"].studies == ["mapp1"] and got["71.2%"].quantity == "loss-of-diagnosis"
    assert got["71.2%"].study_how == "table row"
    assert got["104"].studies == ["mapp2"] and got["67%"].studies == ["mapp2"]


@pytest.mark.parametrize(("text", "cited", "studies"), [
    ("MDMA results (Mitchell et al., 2021) were strong.", "(Mitchell et al., 2021)", ["mapp1"]),
    ("MDMA results in Mitchell et al. (2021) were strong.", "Mitchell et al. (2021)", ["mapp1"]),
    ("MDMA results in Mitchell et al. 2023 were strong.", "Mitchell et al. 2023", ["mapp2"]),
    ("MDMA results in Mitchell and colleagues (2023) were strong.", "Mitchell and colleagues (2023)", ["mapp2"]),
    ("MDMA results from six trials, pooled by Mitchell and colleagues in 2023, were strong.", "Mitchell and colleagues in 2023", ["mapp2"]),
    ("MDMA results (Mitchell 2021) were strong.", "(Mitchell 2021)", ["mapp1"]),
    ("MDMA results (Jerome et al., 2020; Mitchell et al., 2021) differ.", "Mitchell et al., 2021", ["mapp1"]),
    ("MDMA results in Mitchell (2021) were strong.", "Mitchell (2021)", ["mapp1"]),
    ("MDMA results in Ot\u2019alora et al. (2018) were strong.", "Ot\u2019alora et al. (2018)", ["otalora-2018"]),
])
def test_citation_forms(citations, text, cited, studies) -> None:
    got = dict(citations(text))
    assert cited in got, got
    assert got[cited] == studies


def test_citation_of_a_known_study_puts_the_text_in_the_domain(citations) -> None:
    # No topic word, but a study the pack knows: its claims are checked.
    assert citations("Long-term benefits were described by Jerome et al. (2020).") == [("Jerome et al. (2020)", ["jerome-2020-ltfu"])]


def test_off_topic_text_has_no_figures(figures) -> None:
    assert figures("The bridge is 67% complete and cost 120 mg of gold per visitor.") == []


def test_own_unit_measure_beats_a_generic_cue_in_another_unit(figures) -> None:
    text = "MDMA therapy: the preparation and integration sessions generally last about 90 minutes."
    c = one(figures, text, "90 minutes")
    assert c.quantity == "integration-session-length" and c.unit == "minutes"


def test_citation_span_has_no_trailing_space(citations) -> None:
    got = citations("MDMA table\nOt\u2019alora G et al.\u00a02876%\n")
    assert got and got[0][0] == "Ot\u2019alora G et al."


def test_session_type_before_the_count(figures) -> None:
    text = "MAPP1 had three 8-hour dosing sessions, each followed by three 90-minute integration sessions."
    c = one(figures, text, "three 90-minute integration sessions")
    assert c.quantity == "integration-sessions-per-dosing-session"


@pytest.mark.parametrize("text", [
    "The MDMA regimen had 3 preparatory, 3 dosing and 9 integration sessions.",
    "- Regimen: three preparatory, three dosing and nine integration sessions",
])
def test_a_counts_own_type_words_beat_those_before_it(figures, text) -> None:
    c = one(figures, text, "integration sessions")
    assert c.quantity == "integration-sessions" and c.low == 9


def test_an_arm_that_labels_the_next_figure_is_not_this_ones(figures) -> None:
    text = "| MAPP1 | 90 | 67% no longer met PTSD criteria (placebo 32%) |"
    assert one(figures, text, "67%").arm != "placebo"
    assert one(figures, text, "32%").arm == "placebo"


@pytest.mark.parametrize("text", [
    "Up to 50 MDMA patients will be treated at as many as 10 sites while Phase 3 research continues.",
    "While Phase 3 research continues, up to 50 MDMA patients will be treated at as many as 10 sites.",
])
def test_a_phase_in_a_side_clause_does_not_claim_the_figure(figures, text) -> None:
    c = one(figures, text, "10 sites")
    assert c.studies == [] and c.phase is None


def test_words_after_a_figure_stop_at_a_conjunction(figures) -> None:
    text = "In MAPP1, 46 participants were randomized to MDMA and 44 to placebo."
    c = one(figures, text, "46 participants")
    assert c.arm != "placebo"


@pytest.mark.parametrize("table", [
    "| Trial | Participants | No longer met PTSD criteria (MDMA arm) |\n|---|---|---|\n"
    "| Mitchell et al. 2021 | 90 | 67% |\n| Mitchell et al. 2023 | 104 | 71.2% |\n",
    "Trial\tParticipants\tNo longer met PTSD criteria (MDMA arm)\n"
    "Mitchell et al. 2021\t90\t67%\nMitchell et al. 2023\t104\t71.2%\n",
])
def test_table_cells_take_their_column_header(figures, table: str) -> None:
    got = {t.strip(): c for t, c in figures("MDMA results\n\n" + table)}
    assert got["67%"].quantity == "loss-of-diagnosis" and got["67%"].studies == ["mapp1"]
    assert got["71.2%"].quantity == "loss-of-diagnosis" and got["71.2%"].studies == ["mapp2"]
    assert got["90"].quantity == "sample-size" and got["104"].studies == ["mapp2"]


@pytest.mark.parametrize(("text", "cited", "studies"), [
    ("MDMA: see doi:10.1007/s00213-019-05249-5 for the pooled data.", "10.1007/s00213-019-05249-5", ["mithoefer-2019-pooled"]),
    ("MDMA: Mithoefer's 2019 pooled analysis shaped Phase 3.", "Mithoefer's 2019", ["mithoefer-2019-pooled"]),
    ("MDMA: the 2019 pooled analysis by Mithoefer and colleagues shaped Phase 3.", "Mithoefer and colleagues", ["mithoefer-2019-pooled"]),
])
def test_more_citation_forms(citations, text, cited, studies) -> None:
    got = dict(citations(text))
    assert cited in got, got
    assert got[cited] == studies


def test_after_table_finds_the_notes_paragraph() -> None:
    from factcheck.nlp.extract import Context, _after_table
    from factcheck.nlp.normalize import fold

    lines = ["Intro.", "", "  Study   Year   Participants  ", "  MAPP1   2021   90  ", "  MAPP2   2023   104  ", "",
             "Notes: retracted.", ""]
    text = "\n".join(lines)
    starts = [text.index(x) for x in ("Intro", "  Study", "  MAPP1", "  MAPP2", "Notes")]
    ctx = Context(text=text, folded=fold(text), sent_starts=starts, paragraphs=starts)
    notes = (text.index("Notes"), len(text))
    assert _after_table(ctx, text.index("MAPP1")) == notes
    assert _after_table(ctx, text.index("104")) == notes
    assert _after_table(ctx, 0) is None


def test_session_count_is_the_number_next_to_it(figures) -> None:
    """"14 people two MDMA sessions": the count of sessions is two; the 14 counts people."""
    got = {t: c for t, c in figures("The BIMA study gave 14 people two MDMA sessions.")}
    assert "two MDMA sessions" in got and got["two MDMA sessions"].low == 2
    got = {t: c for t, c in figures("In one of the three MDMA sessions, the patient slept.")}
    assert all(c.unit != "sessions" or c.low != 1 for c in got.values())


def test_approximation_is_relative_outside_percentages(figures) -> None:
    """"around eight hours" is about 7.2-8.8 hours, not 5-11; "about 70%" keeps its 3 points."""
    c = one(figures, "MDMA dosing sessions lasted around eight hours.", "around eight hours")
    lo, hi = c.bounds
    assert 7.0 <= lo < 8 < hi <= 9.0
    c = one(figures, "In MAPP1, about 70% of the MDMA group no longer met PTSD criteria.", "about 70%")
    assert c.bounds == (67.0, 73.0)
    c = one(figures, "MDMA dosing sessions lasted up to 8 hours.", "up to 8 hours")
    assert c.bounds == (0.0, 8.0)


def test_appointments_count_as_sessions(figures) -> None:
    c = one(figures, "After every MDMA day the participant came back for one ninety-minute integration appointment.",
            "one ninety-minute integration appointment")
    assert c.unit == "sessions" and c.low == 1 and c.quantity and c.quantity.startswith("integration-sessions")


def test_sample_size_takes_its_approximation(figures) -> None:
    """"more than 100 participants" is a bound, not the count 100."""
    c = one(figures, "MAPP2 enrolled more than 100 participants.", "more than 100 participants")
    lo, hi = c.bounds
    assert lo == 100 and hi > 104
    c = one(figures, "MAPP2 enrolled 104 participants.", "104 participants")
    assert c.bounds == (104.0, 104.0)


def test_a_documents_pattern_scans_are_run_once_and_shared():
    from factcheck.nlp.citations import CITATION
    from factcheck.nlp.context import Context
    from factcheck.nlp.figures import PERCENT
    from factcheck.nlp.normalize import fold

    text = "In Mitchell et al. 2021, 67% of 90 participants no longer met the criteria."
    shared: dict = {}
    first = Context(text=text, folded=fold(text), sent_starts=[0], paragraphs=[0], scans=shared)
    second = Context(text=text, folded=fold(text), sent_starts=[0], paragraphs=[0], scans=shared)
    found = first.scan(PERCENT)
    assert [m.group(0) for m in found] == [m.group(0) for m in PERCENT.finditer(fold(text))] == ["67%"]
    assert second.scan(PERCENT) is found
    assert [m.group("author") for m in second.scan(CITATION, folded=False)] == ["Mitchell"]


def test_trials_in_the_plural_are_each_of_the_phase_whatever_year_the_sentence_names(figures) -> None:
    c = one(figures, "Lykos filed in Dec. 2023, citing Phase 3 trials in which 71% no longer met PTSD criteria.", "71%")
    assert sorted(c.studies) == ["mapp1", "mapp2"] and c.study_how == "phase" and c.each_study
    c = one(figures, "The 2021 Phase 3 trial found that 67% no longer met PTSD criteria.", "67%")
    assert c.studies == ["mapp1"] and not c.each_study


def test_a_measure_wrapped_across_lines_is_still_named(figures) -> None:
    text = "In MAPP1 (Mitchell et al. 2021), 67% of participants had a clinically\nmeaningful response."
    assert one(figures, text, "67%").quantity == "clinically-meaningful-response"


def test_a_study_named_right_after_the_figure_is_its_own(figures) -> None:
    text = "The MDMA effect size was d = 0.91 in MAPP1 and d = 0.7 in MAPP2."
    assert one(figures, text, "0.7").studies == ["mapp2"]
    assert one(figures, text, "0.91").studies == ["mapp1"]


def test_a_measure_named_after_than_is_what_the_figure_is_compared_with(figures) -> None:
    text = "The MDMA hearing lasted nine hours, hardly longer than an MDMA dosing session."
    assert all(c.quantity != "dosing-session-length" for t, c in figures(text))
