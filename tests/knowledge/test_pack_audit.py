"""The bundled pack against the December 2026 audit (issue 13): each test fails on the pack as it
was before the matching fix. Sentences are linted through the whole linter."""

from __future__ import annotations

import re
from datetime import date

import pytest

from factcheck.knowledge import load_pack_cached

MDMA = "MDMA-assisted therapy for PTSD. "  # a topic sentence, so the pack's rules apply


@pytest.fixture(scope="module")
def pack():
    return load_pack_cached()


def texts(pack) -> list[tuple[str, str]]:
    """(where, text) for every fact, message and suggestion in the pack."""
    out = []
    for c in pack.claims.values():
        out.append((f"claim {c.id}", c.fact))
        for r in c.rules:
            out += [(f"rule {r.id} message", r.message), (f"rule {r.id} suggestion", r.suggestion or "")]
    return out


def rules_on(linter, sentence: str) -> set[str]:
    report = linter.lint_text(MDMA + sentence + "\n", "audit.md")
    return {f.rule for f in report.findings if f.severity != "info"}


# -- H1: the Complete Response Letter is dated 2024-08-08, announced 2024-08-09 -----------------


def test_crl_issue_and_announcement_dates_are_apart(pack) -> None:
    crl = pack.claims["us-fda-crl-2024"]
    assert crl.valid_from == date(2024, 8, 8)
    assert crl.announced_on == date(2024, 8, 9)
    # Rules date the change from when the public could know it.
    assert {r.since for r in crl.rules} == {date(2024, 8, 9)}


def test_no_text_dates_the_letter_to_the_announcement_day(pack) -> None:
    wrong = re.compile(r"(?:dated|decided on|declined (?:it |the (?:only )?application )?on) (?:2024-08-09|9 August 2024)"
                       r"|two days before its 2024-08-11|on 2024-08-09 and asked|on 9 August 2024 the FDA")
    bad = [(where, t) for where, t in texts(pack) if wrong.search(t)]
    assert bad == []


# -- H2: suggestions use the fact's words and forecast nothing --------------------------------


def test_suggestions_do_not_say_rejected_or_forecast(pack) -> None:
    forecast = re.compile(r"years away|at least (?:several|a few|two|three) years|will not be approved|"
                          r"is unlikely to be approved|approval will come", re.I)
    bad = [(where, t) for where, t in texts(pack)
           if where.endswith("suggestion") and (forecast.search(t) or re.search(r"\bFDA rejected\b", t))]
    assert bad == []
    assert "declined to approve" in pack.rules["mdma/approval-imminent"].suggestion


# -- H3: accurate, more precise wording about the CRL is not flagged ---------------------------


def test_not_rejected_but_crl_is_accepted(bundled_linter) -> None:
    assert "mdma/fda-has-not-rejected" not in rules_on(
        bundled_linter, "The FDA has not rejected MDMA-assisted therapy; it issued a complete response letter.")
    assert "mdma/fda-has-not-rejected" in rules_on(bundled_linter, "Contrary to some reports, the FDA has not rejected MDMA.")


def test_not_rejected_rule_does_not_recommend_rejected(pack) -> None:
    rule = pack.rules["mdma/fda-has-not-rejected"]
    assert not [s for s in rule.examples_accepted if re.search(r"\bFDA rejected\b", s)]


# -- M1: Kennedy's "within 12 months" was said at a House hearing on 2025-06-24 ----------------


def test_rfk_remark_dated_to_the_hearing(pack) -> None:
    claim = pack.claims["us-rfk-goal-2025"]
    assert claim.valid_from == date(2025, 6, 24) and pack.rules["mdma/rfk-approval-claim"].since == date(2025, 6, 24)
    rule = pack.rules["mdma/rfk-approval-claim"]
    assert "July 2025" not in rule.message + rule.suggestion + " ".join(rule.examples_accepted)


# -- M3: leadership is current: the September 2024 officers are not offered as today's ---------


def test_leadership_messages_are_current(pack) -> None:
    assert "Later leadership is not confirmed" not in pack.claims["emerson-stepped-down-2024"].fact
    for rid in ("mdma/emerson-current-ceo", "mdma/hough-ceo"):
        rule = pack.rules[rid]
        assert "June 2025" in rule.message and "June 2025" in rule.suggestion, rid
    # No suggestion tells the writer to name Mullette or Hough as holding a post now.
    current = re.compile(r"\b(?:Call|Name|Refer to)\b[^.;]*\b(?:Mullette|Hough)\b(?![^.;]*\b(?:from|in|then|was) )")
    assert [w for w, t in texts(pack) if w.endswith("suggestion") and current.search(t)] == []


# -- M4, M5: true statements about state law are not flagged; trigger laws are in the pack ------


@pytest.mark.parametrize("sentence", [
    "In Colorado, psychedelics have been decriminalized, although MDMA is not included.",
    "Colorado legalized MDMA prescriptions in 2022, contingent on FDA approval and federal rescheduling.",
])
def test_true_state_law_statements_are_not_flagged(bundled_linter, sentence: str) -> None:
    assert rules_on(bundled_linter, sentence) & {"mdma/mdma-rescheduled", "mdma/state-legalized-mdma"} == set()


def test_false_state_law_statements_are_still_flagged(bundled_linter) -> None:
    assert "mdma/mdma-rescheduled" in rules_on(bundled_linter, "MDMA has been rescheduled, so doctors can now prescribe it.")
    assert "mdma/state-legalized-mdma" in rules_on(bundled_linter, "Texas also legalized MDMA therapy for veterans.")


def test_trigger_laws_are_recorded(pack) -> None:
    fact = pack.claims["us-state-trigger-laws-2022"].fact
    assert "HB22-1344" in fact and "S8618" in fact and "23 December 2022" in fact
    assert "trigger" in pack.rules["mdma/state-legalized-mdma"].message


# -- M6: "the first psychedelic has been approved" is false only while no psilocybin is approved


def test_first_psychedelic_rule_is_time_bounded(pack) -> None:
    from factcheck.engine import Linter

    claim = pack.claims["us-no-psychedelic-approved-2026"]
    assert claim.valid_until is not None and claim.review_by <= claim.valid_until
    assert claim.review_by < date(2027, 2, 22)  # reviewed sooner than the rest of the regulatory facts
    sentence = MDMA + "The first psychedelic has been FDA-approved, and MDMA is next.\n"

    def found(as_of: date) -> bool:
        return any(f.rule == "mdma/first-psychedelic-approved"
                   for f in Linter(pack, as_of).lint_text(sentence, "a.md").findings)

    assert found(date(2026, 12, 6))
    assert not found(claim.valid_until.replace(year=claim.valid_until.year + 1))


def test_first_psychedelic_rule_leaves_psilocybin_alone(bundled_linter) -> None:
    assert "mdma/first-psychedelic-approved" not in rules_on(
        bundled_linter, "Compass's psilocybin became the first FDA-approved psychedelic.")


# -- L9, L10, L11: study records ----------------------------------------------------------------


def test_feduccia_title_date_and_no_subgroup_as_sample_size(pack) -> None:
    st = pack.studies["feduccia-2021-taper"]
    assert st.title.startswith("Discontinuation of medications classified as reuptake inhibitors")
    assert st.published == date(2020, 11, 21)
    assert not [v for v in st.values if v.quantity == "sample-size" and v.low in (16, 34)]


def test_hedges_g_is_not_stored_as_cohens_d(pack) -> None:
    assert not [v for v in pack.studies["wolfson-2020"].values if v.unit == "d"]


def test_sessions_fit_the_weeks(pack) -> None:
    # L12: the ~12-week treatment period was preceded by the three preparatory sessions.
    rule = pack.rules["mdma/just-three-sessions"]
    assert "over roughly 12 weeks" not in rule.suggestion and "over about 12 weeks" not in rule.message
    assert "preceded" in pack.claims["phase3-session-structure"].fact


# -- L13-L16: narrow false positives ------------------------------------------------------------


@pytest.mark.parametrize(("rule", "sentence"), [
    ("mdma/wolfson-2020-significant",
     "In Wolfson 2020, MDMA produced a significant reduction in anxiety within the MDMA group."),
    ("mdma/effects-last-eight-hours", "The effects of MDMA can last about 8 hours when a supplemental dose is given."),
    ("mdma/mdma-synthesis-date-wrong", "MDMA's therapeutic effects were discovered in the 1970s by psychotherapists."),
])
def test_narrow_false_positives_are_gone(bundled_linter, rule: str, sentence: str) -> None:
    assert rule not in rules_on(bundled_linter, sentence)


def test_sixty_seven_percent_message_describes_a_mislabel(bundled_linter) -> None:
    # The judge, not a pattern rule, says which measure 67% belongs to.
    findings = bundled_linter.lint_text("MDMA-assisted therapy cured 67% of patients with PTSD.\n", "a.md").findings
    (f,) = [f for f in findings if f.rule == "figure-wrong-measure"]
    assert "67% is the MAPP1" in f.message and "no longer met PTSD diagnostic criteria" in f.message
    assert "not for 'cured" in f.message


# -- L17: Right to Try is not expanded access; EO 14401's direction is recorded -----------------


def test_right_to_try_is_not_answered_with_expanded_access(bundled_linter, pack) -> None:
    got = rules_on(bundled_linter, "Patients can now receive MDMA outside of clinical trials through Right to Try.")
    assert "mdma/expanded-access-available" not in got
    assert "Right to Try Act" in pack.claims["us-eo-14401-2026"].fact


# -- Missing facts ------------------------------------------------------------------------------


def test_ricaurte_2002_is_a_retracted_study(bundled_linter, pack) -> None:
    st = pack.studies["ricaurte-2002"]
    assert st.status == "retracted" and st.retracted_on.isoformat() == "2003-09"
    report = bundled_linter.lint_text(MDMA + "Ricaurte et al. 2002 showed that MDMA destroys dopamine neurons.\n", "r.md")
    assert "citation-retracted" in {f.rule for f in report.findings}


def test_va_study_and_transcend_otsuka_are_recorded(pack) -> None:
    va = pack.claims["us-va-mdma-study-2024"]
    assert va.valid_from == date(2024, 12, 3) and "$1.5 million" in va.fact
    tr = pack.claims["transcend-methylone-2026"]
    assert "Otsuka" in tr.fact and "not FDA-approved" in tr.fact
    assert all(pack.sources[s].evidence for s in va.sources + tr.sources)
