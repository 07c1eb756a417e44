"""Verdicts and messages on the bundled pack: each pairing (study, measure, arm, time) named right.

Figures and citations are judged alone (the pack's own `corrects` rules are left out), so these
tests check the engine's judgement, not which curated rule happens to cover the same words."""

from __future__ import annotations

from datetime import date

import pytest

AS_OF = date(2026, 11, 22)


@pytest.fixture(scope="module")
def lint():
    from factcheck.documents import parse
    from factcheck.judge import Judge, JudgeOptions
    from factcheck.knowledge import load_pack_cached
    from factcheck.nlp.pipeline import claims_of, get_pipeline, pipe_texts

    pack = load_pack_cached()
    nlp = get_pipeline(pack)
    judge = Judge(pack, JudgeOptions(as_of=AS_OF, show_supported=True))

    def run(text: str, published: date | None = None):
        d = parse(text, "a.md", "markdown")
        doc = next(pipe_texts(nlp, [(d.text, d.breaks, d.paragraphs)]))
        claims = [c for c in claims_of(doc) if c.type != "rule"]
        findings = judge.judge(claims, published)
        for f in findings:
            f.text = d.text[f.start:f.end]
        return findings

    return run


def on(findings, text: str):
    hits = [f for f in findings if text in f.text or f.text in text]
    assert hits, [(f.rule, f.text) for f in findings]
    return hits[0]


def test_supported_figure(lint) -> None:
    f = on(lint("In MAPP1, 67% of the MDMA group no longer met PTSD diagnostic criteria."), "67%")
    assert f.verdict == "supported" and f.severity == "info"


def test_wrong_measure_names_the_right_pairing(lint) -> None:
    f = on(lint("In MAPP1, 88% of the MDMA group were in full remission."), "88%")
    assert f.rule == "figure-wrong-measure" and f.verdict == "contradicted"
    assert "MAPP1" in f.message and "clinically meaningful response" in f.message and "remission" in f.message


def test_wrong_arm(lint) -> None:
    f = on(lint("In MAPP2, 47.6% of the MDMA group no longer met PTSD criteria."), "47.6%")
    assert f.rule == "figure-wrong-arm" and "placebo arm" in f.message and "MAPP2" in f.message


def test_wrong_study(lint) -> None:
    f = on(lint("In MAPP1, 71.2% of the MDMA group no longer met PTSD criteria."), "71.2%")
    assert f.rule == "figure-wrong-study"
    assert "MAPP2" in f.message and "not by MAPP1" in f.message


def test_effect_size_from_the_other_trial(lint) -> None:
    f = on(lint("MAPP2 repeated the MDMA result with the same effect size of 0.91."), "0.91")
    assert f.rule == "figure-wrong-study" and "d = 0.91" in f.message


def test_score_change_compares_magnitudes(lint) -> None:
    fs = lint("On the CAPS-5, MAPP1 participants given MDMA improved by 24.4 points versus 13.9 points with placebo.")
    assert on(fs, "24.4 points").verdict == "supported"
    assert on(fs, "13.9 points").verdict == "supported"


def test_wrong_time_point(lint) -> None:
    f = on(lint("One year after treatment, 67% of MAPP1 participants given MDMA no longer met the criteria for PTSD."), "67%")
    assert f.rule == "figure-wrong-timepoint" and "18 weeks" in f.message and "one year" in f.message


def test_right_time_point_in_other_words(lint) -> None:
    f = on(lint("Two months after the last dosing session, 67% of MAPP1 participants given MDMA no longer met PTSD criteria."), "67%")
    assert f.verdict == "supported"


def test_doses_are_sets_not_ranges(lint) -> None:
    # MAPP2's 80-180 mg is a per-session total of 80+40 or 120+60: 125 mg was never given.
    f = on(lint("In the Phase 3 trials, patients received 125 mg of MDMA in each session."), "125 mg")
    assert f.verdict == "contradicted" and "Mithoefer" in f.message


def test_dose_role(lint) -> None:
    f = on(lint("In the Phase 3 studies, each dosing day began with a 180 mg dose of MDMA."), "180 mg")
    assert f.verdict == "contradicted"
    f = on(lint("In the Phase 3 studies, MDMA totals reached 180 mg per session."), "180 mg")
    assert f.verdict == "supported"


def test_weight_based_dose_for_fixed_dose_trials(lint) -> None:
    f = on(lint("Unlike Phase 2, the Phase 3 MDMA trials dosed participants by body weight at 1.5 mg/kg."), "1.5 mg/kg")
    assert f.rule == "protocol-mismatch" and "fixed doses" in f.message


def test_other_study_counts_only_when_the_named_study_records_the_measure(lint) -> None:
    # MAPP2's record has no session count: not "wrong study", just not confirmed.
    fs = lint("Mitchell and colleagues (2023) published MAPP2. After three MDMA sessions, it ended.")
    assert all(f.severity == "info" for f in fs), [(f.rule, f.text) for f in fs]


def test_unsupported_figure_is_info(lint) -> None:
    f = on(lint("In Wolfson et al. (2020), 40% of MDMA participants no longer met PTSD criteria."), "40%")
    assert f.rule == "unsupported-figure" and f.verdict == "unsupported" and f.severity == "info"


def test_retracted_citation(lint) -> None:
    f = on(lint("A pooled analysis of six MDMA Phase 2 trials (Mithoefer et al., 2019) shaped Phase 3."), "Mithoefer et al., 2019")
    assert f.rule == "citation-retracted" and f.verdict == "retracted" and f.severity == "error"


def test_retracted_citation_whose_retraction_the_text_states(lint) -> None:
    f = on(lint("Psychopharmacology retracted three MDMA papers in 2024. They included the follow-up by Jerome and colleagues."),
           "Jerome and colleagues")
    assert f.verdict == "retracted" and f.severity == "info"


def test_attributed_forecast_keeps_its_severity_and_names_the_speaker(test_linter) -> None:
    # Issue 11's policy: an overtaken forecast misleads a reader whoever made it.
    (f,) = test_linter.lint_text("Supporters insist Drug X is on the verge of approval.", "a.md").findings
    assert f.severity == "warning" and f.attributed
    assert f.message.lower().startswith("attributed to supporters")
    (f,) = [f for f in test_linter.lint_text("Drug X is close to approval, its maker said.", "a.md").findings]
    assert f.severity == "warning" and f.message.startswith("Attributed")


def test_quoted_statement_stays_info(test_linter) -> None:
    (f,) = test_linter.lint_text('"Drug X is close to approval," one fan wrote.', "a.md").findings
    assert f.severity == "info" and f.lowered


def test_reporter_as_subject_is_not_attribution(test_linter) -> None:
    (f,) = test_linter.lint_text("Drug X is close to approval in the United States.", "a.md").findings
    assert f.severity == "warning"


def test_question_gives_no_finding(test_linter) -> None:
    assert test_linter.lint_text("Is Drug X close to approval?", "a.md").findings == []


def test_dated_statement_is_info(test_linter) -> None:
    (f,) = test_linter.lint_text("In 2023, Drug X was close to approval.", "a.md").findings
    assert f.severity == "info" and f.message.startswith("Dated statement")
    (f,) = test_linter.lint_text("Drug X is close to approval.", "a.md").findings
    assert f.severity == "warning"


def test_outdated_statement_against_the_page_date(test_linter) -> None:
    (f,) = test_linter.lint_text("Drug X is close to approval.", "a.md", published=date(2023, 5, 4)).findings
    assert f.severity == "warning" and "correct when published on 2023-05-04" in f.message
    (f,) = test_linter.lint_text("Drug X is close to approval.", "a.md", published=date(2025, 5, 4)).findings
    assert "already outdated" in f.message


@pytest.mark.parametrize(("text", "published", "said"), [
    ("Drug X is close to approval and should be approved next year.", date(2023, 5, 4), "'next year' is 2024"),
    ("This year, Drug X is close to approval.", date(2023, 5, 4), "'this year' is 2023"),
    ("Drug X is close to approval, with a decision next month.", date(2024, 12, 4), "'next month' is 2025-01"),
    ("Drug X is currently close to approval.", date(2021, 6, 1), "'currently' as of the page's date, 2021-06-01"),
    ("Drug X is close to approval and may be approved next year.", None, "'next year' cannot be placed"),
])
def test_time_words_read_against_the_page_date(test_linter, text: str, published: date | None, said: str) -> None:
    (f,) = [f for f in test_linter.lint_text(text, "a.md", published=published).findings
            if f.rule == "pack/drug-x-approval-near"]
    assert said in f.message


def test_time_words_on_figures_need_no_date(test_linter) -> None:
    # Only rule findings carry time words; an undated figure is judged as before.
    r = test_linter.lint_text("In TRIAL1 of Drug X, 60 percent of the drug group no longer met criteria.\n", "a.md")
    assert all("page" not in f.message for f in r.findings)


def test_retracted_figure(lint) -> None:
    f = on(lint("A follow-up of MDMA therapy by Jerome et al. (2020) found 67% no longer met PTSD criteria."), "67%")
    assert f.rule == "figure-retracted" and f.severity == "error"


@pytest.mark.parametrize(("text", "figure", "study"), [
    # the phase names several studies; only the retracted pooled paper reported the figure
    ("Across the phase II studies of MDMA, 54.2% lost their PTSD diagnosis.", "54.2%", "Mithoefer"),
    # described by its design, no phase named
    ("In a pooled analysis of MDMA therapy, 54% no longer had PTSD.", "54%", "Mithoefer"),
    # the design told in the paragraph before, across a paragraph break
    ("A new pooled look at MDMA therapy came out this week.\n\n"
     "The share without PTSD rose from 56 percent at treatment exit to 67 percent a year later.", "56 percent", "Jerome"),
    # no measure named: the exact figure of the retracted study settles it
    ("MAPS's phase 2 research on MDMA found that 54 percent of patients recovered.", "54 percent", "Mithoefer"),
])
def test_figure_of_a_retracted_study_described_not_named(lint, text: str, figure: str, study: str) -> None:
    f = on(lint(text), figure)
    assert f.rule == "figure-retracted" and study in f.message


@pytest.mark.parametrize("text", [
    # a dose the retracted paper describes was still the protocol
    "In the phase 2 trials of MDMA, the control groups received between 0 and 40 mg.",
    # a figure no retracted study reported leaves a described study unnamed
    "In a pooled analysis of MDMA therapy, 88% found the sessions tolerable.",
    # a later clause of its own tells of another study: the follow-up is not the figure's
    "With MDMA 67% lost the PTSD diagnosis against 32% on placebo, and the benefit lasted in long-term follow-up.",
])
def test_described_study_without_a_retracted_figure_is_not_retracted(lint, text: str) -> None:
    assert all(f.rule != "figure-retracted" for f in lint(text))


@pytest.mark.parametrize(("text", "figure", "rule"), [
    # a measure no study reports ("cure"): a figure that is another measure's is misattributed
    ("MDMA-assisted therapy cured 67% of patients with PTSD.", "67%", "figure-wrong-measure"),
    # a fraction is as exact as writers get
    ("Two-thirds of MDMA patients went into remission.", "Two-thirds", "figure-wrong-measure"),
    # a year where the study measured at 18 weeks, told without naming the study
    ("After one year, 67% of MDMA patients no longer had PTSD.", "67%", "figure-wrong-timepoint"),
    ("67% of the MDMA group were free of a PTSD diagnosis at 12 months.", "67%", "figure-wrong-timepoint"),
])
def test_figure_put_on_another_measure_or_time(lint, text: str, figure: str, rule: str) -> None:
    assert on(lint(text), figure).rule == rule


@pytest.mark.parametrize("text", [
    "Two-thirds of the MDMA group in MAPP1 no longer met diagnostic criteria at 18 weeks.",  # the study's clock
    "About 70% of the MDMA group went into remission.",  # a loose figure is no evidence of another measure
])
def test_figure_at_its_own_time_or_loose_is_not_misattributed(lint, text: str) -> None:
    assert all(f.rule not in ("figure-wrong-measure", "figure-wrong-timepoint") for f in lint(text))


def test_retracted_figure_quoted_with_its_retraction(lint) -> None:
    fs = lint("A follow-up of MDMA therapy by Jerome et al. (2020) found 67% no longer met PTSD criteria. "
              "That analysis was retracted in 2024.")
    assert on(fs, "67%").severity == "info"
    assert on(fs, "Jerome et al. (2020)").severity == "info"


@pytest.mark.parametrize(("text", "figure"), [
    ("Each MDMA dosing session in MAPP1 lasted 6 to 8 hours.", "6 to 8 hours"),
    ("MAPP1 integration sessions after MDMA lasted 60 to 90 minutes.", "60 to 90 minutes"),
])
def test_a_duration_span_that_includes_the_recorded_one_agrees(lint, text: str, figure: str) -> None:
    assert on(lint(text), figure).verdict == "supported"


def test_a_dose_span_must_match_the_recorded_one(lint) -> None:
    f = on(lint("Phase 3 MDMA participants received 75 to 125 milligrams per session."), "75 to 125 milligrams")
    assert f.verdict == "contradicted"


def test_time_point_compared_on_the_value_study_scale(lint) -> None:
    # "Two months after treatment" is about 20 weeks after baseline in a 12-week protocol.
    fs = lint("In a 2021 MDMA study, 67 percent of participants who received MDMA no longer qualified "
              "for a PTSD diagnosis two months after treatment.")
    assert all(f.rule != "figure-wrong-timepoint" for f in fs)
    assert all(f.text != "two months" for f in fs)  # a time point, not a treatment length


def test_dose_role_stops_at_the_next_clause(lint) -> None:
    fs = lint("In the Phase 3 trials MDMA was given at 80 mg or 120 mg, with a supplemental half dose of 40 or 60 mg.")
    assert all(f.verdict == "supported" for f in fs), [(f.rule, f.text) for f in fs]


def test_messages_name_what_the_study_did_report(lint) -> None:
    f = on(lint("Even two-thirds of the placebo group in MAPP1 lost their PTSD diagnosis."), "two-thirds")
    assert f.rule == "figure-wrong-arm" and "32% (placebo arm)" in f.message
    f = on(lint("In MAPP1, 71.2% of the MDMA group no longer met PTSD criteria."), "71.2%")
    assert "MAPP1 (Mitchell et al. 2021) reported 67% (MDMA arm)" in f.message


def test_attributed_figure_is_info(lint) -> None:
    """Figures follow the attribution policy of pack rules."""
    text = "MAPP1 was published in 2021. Some outlets reported that 88% of MDMA recipients no longer met criteria for PTSD."
    f = on(lint(text), "88%")
    assert f.verdict == "contradicted" and f.severity == "info" and f.message.startswith("Attributed")
    f = on(lint("MAPP1 was published in 2021. In MAPP1, 88% of MDMA recipients no longer met criteria for PTSD."), "88%")
    assert f.verdict == "contradicted" and f.severity == "warning"


def test_meta_statement_figure_is_info(lint) -> None:
    f = on(lint("A common error is to say the phase 3 MDMA volunteers were given 125 mg."), "125 mg")
    assert f.severity == "info"
    f = on(lint("The phase 3 MDMA volunteers were given 125 mg."), "125 mg")
    assert f.severity == "warning"


def test_time_point_in_a_later_sentence(lint) -> None:
    """"That outcome was measured ..." gives the time point of the figure before it."""
    text = ("In MAPP1, 67% of the MDMA group no longer met the criteria for PTSD. "
            "That outcome was measured a full year after the last dose.")
    f = on(lint(text), "a full year after the last dose")
    assert f.rule == "figure-wrong-timepoint" and "18 weeks" in f.message
    fs = lint("In MAPP1, 67% of the MDMA group no longer met the criteria for PTSD. "
              "That outcome was measured about two months after the last dosing session.")
    assert all(f.rule != "figure-wrong-timepoint" for f in fs)
    # Without a pointer back, a time point in another sentence says nothing about the figure.
    fs = lint("In MAPP1, 67% of the MDMA group no longer met the criteria for PTSD. "
              "Participants were contacted a full year after the last dose.")
    assert all(f.rule != "figure-wrong-timepoint" for f in fs)


def test_phase_and_year_pick_the_study(lint) -> None:
    """A row naming a phase and a year belongs to the phase's study of that year, not to all of them."""
    fs = lint("| Study | Year | Participants |\n|---|---|---|\n| Pooled MDMA phase 2 | 2019 | 103 |\n")
    assert all(f.rule != "figure-wrong-value" for f in fs), [(f.rule, f.text) for f in fs]


def test_new_study_does_not_inherit_the_previous_citation(lint) -> None:
    fs = lint("In England, the BIMA study gave 14 people two MDMA sessions. "
              "A pilot of couples therapy involved six couples, with both partners taking MDMA.")
    assert all(f.rule != "figure-wrong-study" for f in fs), [(f.rule, f.text) for f in fs]
    fs = lint("In England, the BIMA study gave 14 people two MDMA sessions. It involved six couples.")
    assert any(f.rule == "figure-wrong-study" for f in fs)


def test_retraction_noted_below_a_table(lint) -> None:
    table = "| Study | Year | Participants |\n|---|---|---|\n| Pooled MDMA phase 2 | 2019 | 103 |\n\n"
    f = on(lint(table + "The pooled paper in the last row was retracted in 2024."), "103")
    assert f.verdict == "retracted" and f.severity == "info"
    f = on(lint(table + "Both phase 3 studies were sponsored by MAPS PBC."), "103")
    assert f.verdict == "retracted" and f.severity == "error"


def test_one_integration_appointment_is_a_protocol_mismatch(lint) -> None:
    f = on(lint("After every MDMA session the participant came back for one ninety-minute integration appointment."),
           "one ninety-minute integration appointment")
    assert f.rule == "protocol-mismatch" and "1 session " in f.message


def test_phase_of_the_previous_sentence(lint) -> None:
    text = ("In the phase 3 programme, each MDMA session began with either 80 mg or 120 mg. "
            "Two hours later, participants could be offered a top-up of 62.5 mg.")
    f = on(lint(text), "62.5 mg")
    assert f.rule == "figure-wrong-study"
    # In another paragraph the phase no longer applies.
    f = on(lint("In the phase 3 programme, each MDMA session began with 80 mg.\n\n"
                "Participants could be offered a top-up of 62.5 mg."), "62.5 mg")
    assert f.verdict == "supported"


def test_value_of_no_single_study_supports_a_study_figure(lint) -> None:
    text = ("The MDMA application rested on phase 3 trials. Reviewers focused on unblinding: "
            "roughly 90% of people on MDMA correctly guessed which group they were in.")
    fs = lint(text)
    assert all(f.verdict != "contradicted" for f in fs), [(f.rule, f.text) for f in fs]


def test_a_dose_span_inside_a_dose_set_is_not_the_set(lint) -> None:
    """Phase 2 gave 75 or 125 mg: "80 to 120 mg" lies inside the recorded range but names neither dose."""
    f = on(lint("These MDMA phase 2 trials used dosing sessions of 80 to 120 mg."), "80 to 120 mg")
    assert f.verdict == "contradicted"
    f = on(lint("These MDMA phase 2 trials used active doses of 75 to 125 mg."), "75 to 125 mg")
    assert f.verdict == "supported"


def test_duration_of_another_measure_without_a_study() -> None:
    """"Keeps working for eight hours": 8 hours is the dosing session's length, not the drug's
    effect duration (recorded here as 4.2 +/- 1.3 hours)."""
    import copy

    from factcheck.judge import Judge, JudgeOptions
    from factcheck.knowledge import load_pack_cached
    from factcheck.nlp.claims import Claim

    pack = copy.deepcopy(load_pack_cached())
    for v in pack.all_values():
        if v.quantity == "effect-duration":
            v.low = v.high = 4.2
            v.tolerance = 1.3
    judge = Judge(pack, JudgeOptions(as_of=AS_OF, show_supported=True))

    def verdict(low: float, approx: tuple[float, float] = (0.0, 0.0)):
        c = Claim(type="figure", kind="pharmacology", start=0, end=5, sentence=(0, 5), quantity="effect-duration",
                  unit="hours", low=low, high=low, approx=approx)
        (f,) = judge.judge([c], None)
        return f

    f = verdict(8.0, (-0.8, 0.8))
    assert f.rule == "figure-wrong-measure" and "length of one dosing session" in f.message
    assert "the the" not in verdict(2.0).message
    assert verdict(4.0).verdict == "supported"


def test_previous_phase_not_taken_by_a_sentence_naming_its_own_study(lint) -> None:
    fs = lint("The MDMA phase 3 trials enrolled 90 and 104 people. Earlier, the pilot enrolled 20 people.")
    assert all(f.verdict != "contradicted" for f in fs), [(f.rule, f.text) for f in fs]


def test_time_point_of_something_else_in_the_pointing_sentence(lint) -> None:
    fs = lint("In MAPP1, 67% of the MDMA group no longer met the criteria for PTSD. "
              "This rate is lower than in earlier trials, which followed patients a full year after the last dose.")
    assert all(f.rule != "figure-wrong-timepoint" for f in fs)


def test_threshold_in_a_measures_name_is_not_a_figure(lint) -> None:
    # "lost at least 5% of their weight" names the responders measure (its cue holds the number):
    # the 5% is a threshold, and the 86.4% before it is the share that reached it.
    findings = lint("In STEP 1, 86.4% of people on semaglutide lost at least 5% of their weight.")
    assert [f.text for f in findings if "5%" == f.text.strip() or "at least 5%" in f.text] == []
    f = on(findings, "86.4%")
    assert f.verdict == "supported"


def test_a_threshold_is_not_read_into_a_result(lint) -> None:
    # "at least 20%" is a result here (no measure is named by it): it is still a figure.
    f = on(lint("In STEP 1, people on semaglutide lost at least 20% of their weight on average."), "20%")
    assert f.verdict == "contradicted"


def test_event_rates_after_a_risk_reduction_are_the_studys_event_rates(lint) -> None:
    # "Events occurred in" names SELECT's event-rate measure: 6.5% and 8.0% are those rates, not
    # risk reductions carried over from the sentence before.
    findings = lint("In SELECT, semaglutide lowered the risk of cardiovascular death, heart attack or stroke by 20% "
                    "compared with placebo. Events occurred in 6.5% of people on the drug and 8.0% on placebo.")
    assert on(findings, "6.5%").verdict == "supported"
    assert on(findings, "8.0%").verdict == "supported"


def test_a_clause_naming_two_measures_is_read_as_the_one_its_figure_matches(lint) -> None:
    # The nearest cue is the risk reduction's, but the clause also names the event rate, which
    # SELECT recorded as 6.5%.
    f = on(lint("In SELECT, the primary endpoint, major adverse cardiovascular events, hit 6.5% of patients on "
                "semaglutide."), "6.5%")
    assert f.verdict == "supported"


def test_a_figure_takes_no_cue_from_the_next_figures_lead_in(lint) -> None:
    # "major cardiovascular events" leads into the 20%: the 28% (heart attacks alone) is no MACE figure.
    findings = lint("In SELECT, heart attacks fell by 28% and major cardiovascular events by 20%.")
    assert [f for f in findings if f.text == "28%" and f.verdict == "contradicted"] == []
    assert on(lint("In SELECT, heart attacks fell by 28% and major cardiovascular events by 40%."), "40%").verdict == \
        "contradicted"


def test_a_share_of_participants_by_sex_is_no_outcome(lint) -> None:
    findings = lint("In SELECT, 72% of participants were men, and cardiovascular events were 20% lower with semaglutide.")
    assert [f for f in findings if f.text == "72%"] == []


@pytest.mark.parametrize(("text", "journal", "rule"), [
    # described by phase and year, the journal named for it
    ("MDMA news: in 2021 the group published its phase 3 results in the journal Nature.", "Nature",
     "citation-wrong-journal"),
    # cited by author and year in the same sentence
    ("Mitchell et al. (2021) reported the MDMA results in the journal Science.", "Science", "citation-wrong-journal"),
    ("Mitchell et al. (2021) reported the MDMA results in the journal Nature Medicine.", "Nature Medicine", "supported"),
])
def test_the_journal_named_for_a_study(lint, text: str, journal: str, rule: str) -> None:
    f = on(lint(text), journal)
    assert f.rule == rule
    if rule == "citation-wrong-journal":
        assert "Nature Medicine" in f.message and f.severity == "warning"


def test_journal_names_compare_without_the_article() -> None:
    from factcheck.judge.citations import _same_journal

    assert _same_journal("Lancet Psychiatry", "The Lancet Psychiatry")
    assert not _same_journal("Nature", "Nature Medicine")


@pytest.mark.parametrize(("text", "flagged"), [
    # A lower bound stated of the Phase 3 trials together must hold in each of them.
    ("Lykos filed in Dec. 2023, citing Phase 3 trials in which more than 70% of participants no longer met PTSD criteria.", True),
    ("In the Phase 3 trials, more than 60% of MDMA participants no longer met PTSD criteria.", False),
    ("In its first Phase 3 trial, more than 60% of MDMA participants no longer met PTSD criteria.", False),
    ("In one Phase 3 trial, 71% of MDMA participants no longer met PTSD criteria.", False),  # one of them, not each
])
def test_a_bound_stated_of_several_trials_must_hold_in_each(lint, text: str, flagged: bool) -> None:
    wrong = [f for f in lint(text) if f.rule == "figure-wrong-value"]
    assert bool(wrong) is flagged, [(f.rule, f.text, f.message) for f in lint(text)]
    if flagged:
        assert "MAPP1" in wrong[0].message and "holds in MAPP2" in wrong[0].message


@pytest.mark.parametrize(("text", "flagged"), [
    ("Both phase 3 MDMA trials showed an effect size of 0.91.", True),  # MAPP2 reported 0.7
    ("MAPP2 repeated the MDMA result with the same effect size of 0.91.", True),  # the study named
    ("The phase 3 trials of MDMA enrolled 90 and 104 people.", False),  # a list, one figure each
    ("Both phase 3 MDMA trials together enrolled 194 participants.", False),  # a sum
])
def test_exact_figure_said_of_each_trial(lint, text: str, flagged: bool) -> None:
    assert any(f.rule in ("figure-wrong-value", "figure-wrong-study") for f in lint(text)) == flagged


def test_a_dose_from_a_retracted_paper_is_not_withdrawn(lint) -> None:
    """The pooled analysis was retracted, but the doses the trials gave are still what they gave."""
    fs = lint("Mithoefer et al. 2019 pooled six phase 2 trials; active MDMA doses ran from 75 to 125 mg.")
    assert all(f.rule != "figure-retracted" for f in fs if "mg" in f.text), [(f.rule, f.text) for f in fs]


def test_a_retracted_paper_presented_by_a_speaker_stays_a_flag(lint) -> None:
    f = on(lint("Last week the sponsor said it had published Mithoefer et al. 2019 on MDMA."), "Mithoefer et al. 2019")
    assert f.rule == "citation-retracted" and f.severity == "error" and f.message.startswith("Attributed to")
    f = on(lint("Did Mithoefer et al. 2019 on MDMA hold up?"), "Mithoefer et al. 2019")
    assert f.severity == "info"  # a question is still no assertion


def test_a_described_retracted_study_is_named_in_the_message(lint) -> None:
    f = on(lint("Researchers pooled the results of six phase 2 trials of MDMA therapy."), "pooled")
    assert f.rule == "citation-retracted" and f.message.startswith("Describes Mithoefer")


@pytest.mark.parametrize(("text", "figure", "rule"), [
    # the writer's own word for a response ("a measurable reduction") is still the response measure
    ("In MAPP2, 85.5 percent of the MDMA group saw a measurable reduction in PTSD symptoms.", "85.5 percent",
     "figure-wrong-value"),
    # losing the symptoms is a cure reading; the study reported losing the diagnosis
    ("In MAPP2, 71% of the MDMA group shed their PTSD symptoms.", "71%", "figure-wrong-measure"),
    ("In MAPP2, 71% of the MDMA group no longer showed any symptoms.", "71%", "figure-wrong-measure"),
    ("In MAPP2, 71% of the MDMA group saw their symptoms disappear.", "71%", "figure-wrong-measure"),
    # the diagnosis lost is what the study reported
    ("In MAPP2, 71.2% of the MDMA group no longer met PTSD criteria.", "71.2%", "supported"),
])
def test_measure_told_in_the_writers_words(lint, text: str, figure: str, rule: str) -> None:
    assert on(lint(text), figure).rule == rule


def test_unrecorded_arm_is_unsupported_not_wrong(lint) -> None:
    # only the MDMA arm's response rate is recorded: a placebo figure cannot be called wrong
    f = on(lint("In MAPP2, 86.5% of the MDMA group had a clinically meaningful response, "
                "against 69 percent on placebo."), "69 percent")
    assert f.rule == "unsupported-figure" and f.severity == "info"


def test_results_paragraph_after_the_paragraph_that_cited_the_paper(lint) -> None:
    # "at the first follow-up" is a time point of the cited paper, not a study of its own
    text = ("A new paper by Jerome et al. (2020) follows up MDMA patients for a year.\n\n"
            "At the first follow-up, 56% were no longer diagnosable with PTSD.")
    assert on(lint(text), "56%").rule == "figure-retracted"


def test_results_paragraph_naming_its_own_study_is_not_the_cited_paper(lint) -> None:
    text = ("A new paper by Jerome et al. (2020) follows up MDMA patients for a year.\n\n"
            "In a separate pilot study, 56% were no longer diagnosable with PTSD.")
    assert all(f.rule != "figure-retracted" for f in lint(text) if "56%" in f.text)


def test_a_threshold_the_share_passed_is_no_figure(lint) -> None:
    # "20% or more" is the bar a share of people cleared, not a mean loss to check
    assert not [f for f in lint("In MAPP2, a third of the MDMA group lost 20% or more of their symptom score.")
                if "20%" in f.text]


def test_a_figure_takes_the_phase_named_before_it(lint) -> None:
    # "three" belongs to the Phase 3 trial named before it, not to the Phase 2 trials named after
    f = on(lint("The Phase 3 trials of MDMA used three dosing sessions where the Phase 2 trials used two."), "three")
    assert f.rule == "supported"


def test_a_diagnosis_that_no_longer_applied_is_loss_of_diagnosis(lint) -> None:
    f = on(lint("In MAPP1, nearly 90% of the MDMA group responded, and for 67% a PTSD diagnosis no longer applied."), "67%")
    assert f.rule == "supported"


def test_list_items_under_a_lead_in_belong_to_its_study(lint) -> None:
    text = ("In STEP 1, people on semaglutide lost 14.9% of their weight on average. Among them:\n\n"
            "- 84% lost at least 5%\n- 66% lost at least 10%\n- over 30% lost more than a fifth of their weight\n")
    fs = lint(text)
    assert on(fs, "84%").rule == "figure-wrong-value"  # STEP 1 recorded 86.4% losing at least 5%
    # a share over a bar the pack does not record is no mean weight loss to compare
    assert not [f for f in fs if f.text.strip() in ("66%", "at least 10%", "over 30%")], [(f.rule, f.text) for f in fs]


def test_results_two_paragraphs_after_the_described_paper_are_its(lint) -> None:
    text = ("Researchers pooled six phase 2 MDMA trials for PTSD in one analysis.\n\n"
            "The trials ran at five sites; participants had two or three sessions.\n\n"
            "Two months on, 54.2% of those given MDMA had lost the PTSD diagnosis.")
    f = on(lint(text), "54.2%")
    assert f.rule == "figure-retracted" and "Mithoefer" in f.message


def test_a_phase_told_sentences_before_does_not_make_a_described_papers_doses_its_own(lint) -> None:
    text = ("The paper is one of several that led regulators to allow phase III trials of MDMA. "
            "Its authors enrolled 26 veterans. Each was assigned at random to 125, 75 or 30 mg doses.")
    flags = [f for f in lint(text) if f.rule == "protocol-mismatch" and f.severity in ("warning", "error")]
    assert flags == []


def test_a_figure_recorded_twice_is_told_once_in_the_fact(bundled_linter):
    # MAPP1's 88% response is recorded on its claim and on its study (one with a note)
    text = "# MDMA\n\nIn the MAPP1 trial, 67% of the MDMA group had a clinically meaningful response.\n"
    found = [f for f in bundled_linter.lint_text(text, "a.md").findings if f.rule == "figure-wrong-measure"]
    assert found and found[0].fact.count("88%") == 1, found and found[0].fact



def test_a_wrong_statement_passed_on_as_news_keeps_its_severity(bundled_linter) -> None:
    # Never true, and the text does not answer it: a reader is misled whoever said it first.
    (f,) = [f for f in bundled_linter.lint_text("Researchers say MDMA can cure post-traumatic stress disorder.",
                                                "a.md").findings if f.rule == "mdma/mdma-cures-ptsd"]
    assert f.severity == "warning" and f.attributed and f.message.startswith("Attributed to Researchers")


@pytest.mark.parametrize("text", [
    "Some fans say MDMA can cure post-traumatic stress disorder. In fact, no trial reported a cure.",
    "Some fans say MDMA can cure post-traumatic stress disorder. It did not cure anyone in the trials.",
])
def test_a_wrong_statement_the_text_answers_is_info(bundled_linter, text: str) -> None:
    found = [f for f in bundled_linter.lint_text(text, "a.md").findings if f.rule == "mdma/mdma-cures-ptsd"]
    assert [f.severity for f in found] == ["info"]


@pytest.mark.parametrize(("published", "flagged"), [
    (date(2025, 5, 7), False),  # a forecast naming no time, made before the approval: it came true
    (None, True),  # no page date: whether it was made in time cannot be told
    (date(2025, 9, 1), True),  # made after the approval: a pending state told as current
])
def test_a_forecast_naming_no_time_that_came_true(bundled_linter, published, flagged: bool) -> None:
    text = "If the results are confirmed, Wegovy could become a new treatment option for MASH."
    found = [f for f in bundled_linter.lint_text(text, "a.md", published=published).findings
             if f.rule == "glp1/wegovy-mash-pending" and not f.lowered]
    assert bool(found) == flagged
