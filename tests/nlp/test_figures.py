import re

from factcheck.nlp.figures import _measure_names
from factcheck.regex_tools import core_pattern

CUES = [r"(?:(?:lost|lose|shed) )?(?:at least|more than|over) (?:5|five) ?(?:%|percent)",
        r"(?:5|five) ?(?:%|percent) or more", r"caps-?5"]
TEXTS = ["47% lost at least 5% of their weight and 30% shed more than five percent",
         "over 5% or more; caps5 and caps-5", "no measure is named: 12% and 5 percent", ""]


def test_measure_names_with_cores_are_those_of_the_plain_scan():
    compiled = [re.compile(c, re.IGNORECASE) for c in CUES]
    with_cores = [(c, core_pattern(c.pattern, c.flags)) for c in compiled]
    assert with_cores[0][1] is not None and with_cores[2][1] is None
    without = [(c, None) for c in compiled]
    found_any = False
    for text in TEXTS:
        assert _measure_names(text, with_cores) == _measure_names(text, without)
        found_any = found_any or bool(_measure_names(text, without))
    assert found_any


def test_a_figure_keeps_its_arm_study_and_measure_past_asides(bundled_linter) -> None:
    texts = [
        # "(or placebo)" is the other arm, not this dose's
        "Each dosing day began with 80 or 120 mg of MDMA (or placebo), with a half-dose later.",
        # the measure after an aside is the figure's own; the next figure's words are the next one's
        "In MAPP2, 71% of participants, who had been ill for years, no longer met the criteria for PTSD, "
        "and 86.5% saw a clinically meaningful improvement.",
        # a phase named in a later clause with its own subject is not the figure's study
        "MAPP1 was published in 2021. The trial treated 90 people with severe PTSD, and it reproduced the Phase 2 findings.",
        # each dosing session followed by three: a count per session, not the total
        "Every MDMA session is followed by three integration sessions without the drug.",
    ]
    for text in texts:
        found = [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings
                 if f.rule in ("protocol-mismatch", "figure-wrong-measure", "figure-wrong-study", "figure-wrong-value")]
        assert not found, (text, [(f.rule, f.message) for f in found])


def test_counts_comparators_and_side_effects_keep_their_own_measure(bundled_linter) -> None:
    texts = [
        # a count and its share is an event rate, not the relative reduction named after it
        "Across SELECT, cardiovascular death, heart attack or stroke hit 569 of 8803 patients (6.5%) taking "
        "semaglutide against 701 of 8801 (8.0%) in the placebo arm, meaning a hazard ratio of 0.80 and a relative reduction of 20%.",
        # a percentage about stopping for side effects does not inherit the sentence before's measure
        "In SELECT, major adverse cardiovascular events fell by 20%. More people stopped semaglutide "
        "than placebo because of side effects (16.6% vs 8.2%).",
    ]
    for text in texts:
        found = [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.severity != "info"]
        assert not found, (text, [(f.rule, f.message) for f in found])


def test_the_comparator_arm_is_not_the_figures_arm(bundled_linter) -> None:
    text = "In FLOW, kidney disease worsening, kidney failure or death fell by 24% relative to placebo."
    assert not [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.rule == "figure-wrong-arm"]


def test_the_booster_has_its_own_measure(bundled_linter) -> None:
    ok = "Each dosing session includes an optional top-up of half the starting dose about two hours later."
    assert not [f for f in bundled_linter.lint_text(ok, "a.md", "markdown").findings if f.severity != "info"]
    wrong = "In the MAPP1 trial, the top-up of half the starting dose came four hours later."
    assert [f for f in bundled_linter.lint_text(wrong, "a.md", "markdown").findings if f.rule == "protocol-mismatch"]
