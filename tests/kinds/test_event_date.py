"""Kind `event-date`: a date given for an event that does not fit when it happened (2025-03)."""

from __future__ import annotations

import kindpack
import pytest

RULE = "test/x-approval-date"


@pytest.mark.parametrize(("text", "span"), [
    ("Drug X was approved in 2023.", "approved in 2023"),
    ("The agency approved Drug X in June 2025.", "approved Drug X in June 2025"),
    ("Since its approval in 2024, Drug X has sold well.", "approval in 2024"),
    # two dates listed for a one-time event: the wrong one is the text's too
    ("Drug X was approved in 2025 and 2023.", "approved in 2025 and 2023"),
])
def test_wrong_date_is_an_error(hits, text: str, span: str):
    assert hits(text, RULE) == [(RULE, span, "error")]


@pytest.mark.parametrize("text", [
    "Drug X was approved in March 2025.",
    "Drug X was approved in 2025.",  # right at the text's own precision
    "Drug X was approved in early 2025.",
    "Drug Y was approved in 2023.",  # another product
    "Drug X was expected to be approved in 2023.",  # a forecast, not the date of the event
    "If approved in 2023, Drug X would have been first.",
    "Was Drug X approved in 2023?",
    # Another name is what the passive is about: Zykora's date, not Drug X's.
    "Zykora was approved in 2023 and approved Drug X in March 2025.",
    # A date that closes an earlier event is that event's date.
    "Drug X was reviewed in 2023 and approved soon after.",
    # A date in an aside after a comma belongs to the aside's own verb.
    "Drug X was approved, built on data from trials finished in 2023.",
    "Drug X was approved, based on the 2023 guidance.",
])
def test_fitting_or_other_dates_are_not_flagged(hits, text: str):
    assert hits(text, RULE) == []


DAY_RULE = kindpack.rule("x-approval-day", """\
kind: event-date
subject: "@drugx"
event: approval
date: "2025-03-10"
""", verdict="contradicted", since="null", severity="error", flagged="Drug X was approved on March 20, 2025.")


@pytest.mark.parametrize(("text", "flagged"), [
    ("Drug X was approved on March 20, 2025.", True),
    ("Drug X was approved on March 12, 2025.", False),  # a report's day, two days after the act
    ("Drug X was approved in March 2025.", False),  # the text's own precision
    ("Drug X was approved in April 2025.", True),
])
def test_a_day_is_judged_with_a_few_days_for_the_announcement(tmp_path, text: str, flagged: bool):
    claims = "claims:\n" + kindpack.claim("x-day", "Drug X was approved on 10 March 2025.", DAY_RULE)
    root = kindpack.write_pack(tmp_path / "test", {"claims/c.yaml": claims})
    found = kindpack.findings(kindpack.linter_for([root]), text, "test/x-approval-day")
    assert bool(found) == flagged, found


def test_a_registered_name_counts_once_between_a_date_and_its_event(bundled_linter):
    # "the U.S. Food and Drug Administration (FDA)" is one subject, as "the FDA" is
    text = "In 2018 the U.S. Food and Drug Administration (FDA) gave MDMA-assisted therapy breakthrough therapy status."
    found = [f.rule for f in bundled_linter.lint_text(text, "a.md", "markdown").findings]
    assert "mdma/breakthrough-wrong-year" in found, found


@pytest.mark.parametrize(("text", "flagged"), [
    ("On the 9th of this month the agency ruled that it would not approve MDMA.", True),
    ("On the 8th of this month the agency ruled that it would not approve MDMA.", False),
    ("On the 9th Lykos said the FDA had rejected MDMA.", False),  # the report's day
])
def test_a_day_of_the_month_alone_is_checked(bundled_linter, text: str, flagged: bool):
    found = [f.rule for f in bundled_linter.lint_text("MDMA therapy news. " + text, "a.md", "markdown").findings]
    assert ("mdma/crl-wrong-month" in found) == flagged, found


@pytest.mark.parametrize(("text", "flagged"), [
    ("On Friday federal health regulators refused to approve MDMA for PTSD.", True),  # the letter is of a Thursday
    ("On Thursday federal health regulators refused to approve MDMA for PTSD.", False),
    ("On Friday Lykos said the FDA had refused to approve MDMA for PTSD.", False),  # Friday is the report's
    ("Veterans hoping for MDMA got bad news on Friday, when the FDA refused to approve it for PTSD.", True),
    ("The FDA refused to approve MDMA for PTSD, and Friday's news hit shares hard.", False),  # a possessive  # the "when" clause's day
])
def test_a_weekday_for_an_act_of_a_known_day_is_checked(bundled_linter, text: str, flagged: bool):
    found = [f.rule for f in bundled_linter.lint_text(text, "a.md", "markdown").findings]
    assert ("mdma/crl-wrong-month" in found) == flagged, found


def test_a_topic_in_a_later_dated_conjunct_is_that_dates(bundled_linter):
    # "adolescents" belongs to 2022, not to the 2021 approval for adults
    text = "Wegovy was first approved by the FDA in 2021 for adults with obesity, then for adolescents in 2022."
    report = bundled_linter.lint_text(text, "a.md", "markdown")
    assert not [f for f in report.findings if f.rule == "glp1/wegovy-teens-wrong-year"]
    wrong = "Wegovy was approved by the FDA for adolescents with obesity in 2021."
    assert [f for f in bundled_linter.lint_text(wrong, "a.md", "markdown").findings if f.rule == "glp1/wegovy-teens-wrong-year"]


def test_the_end_of_a_state_told_over_a_span_is_its_second_date(bundled_linter):
    wrong = "Semaglutide sat on the shortage list from late 2022 until mid-2023."
    assert [f for f in bundled_linter.lint_text(wrong, "a.md", "markdown").findings
            if f.rule == "glp1/semaglutide-shortage-end-date"]
    right = "Semaglutide was on the shortage list from March 2022 until February 2025."
    assert not [f for f in bundled_linter.lint_text(right, "a.md", "markdown").findings
                if f.rule == "glp1/semaglutide-shortage-end-date"]


@pytest.mark.parametrize(("text", "flagged"), [
    # the day a document bears is exact; the day a decision is reported may be a few days later
    ("The FDA's complete response letter on MDMA was dated 9 August 2024.", True),
    ("The FDA's complete response letter on MDMA, issued on August 9, 2024, asked for another trial.", True),
    ("The FDA's complete response letter on MDMA was dated 8 August 2024.", False),
    ("Lykos announced on 9 August 2024 that the FDA had declined MDMA.", False),
])
def test_a_documents_own_date_is_exact(bundled_linter, text: str, flagged: bool) -> None:
    found = [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.rule == "mdma/crl-wrong-month"]
    assert bool(found) == flagged


@pytest.mark.parametrize(("text", "flagged"), [
    # A day with no year: the event happened once, so its day is checked whatever the page's year.
    ("Drug X was approved on March 20, on a page that gives no year.", True),
    ("Drug X was approved on 11 March by the agency.", False),  # within the announcement's days
    ("Drug X's approval, which came on 28 February, surprised analysts.", True),
    ("Drug X was reviewed on March 20 and approved soon after.", False),  # the review's day
])
def test_a_day_without_a_year_is_checked_on_its_own(tmp_path, text: str, flagged: bool):
    claims = "claims:\n" + kindpack.claim("x-day", "Drug X was approved on 10 March 2025.", DAY_RULE)
    root = kindpack.write_pack(tmp_path / "test", {"claims/c.yaml": claims})
    found = kindpack.findings(kindpack.linter_for([root]), text, "test/x-approval-day")
    assert bool(found) == flagged, found


@pytest.mark.parametrize(("text", "flagged"), [
    ("The complete response letter on MDMA, which was issued on August 9, asked for another trial.", True),
    ("In its complete response letter on MDMA dated August 8, the FDA asked for another trial.", False),
])
def test_a_documents_own_day_without_a_year_is_exact(bundled_linter, text: str, flagged: bool) -> None:
    found = [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.rule == "mdma/crl-wrong-month"]
    assert bool(found) == flagged


def test_a_day_without_a_year_that_dates_another_act_is_left_alone(bundled_linter) -> None:
    text = "The FDA on Sept. 4 made public its complete response letter on MDMA, with dozens of others."
    assert not [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.rule == "mdma/crl-wrong-month"]


def test_the_early_1900s_may_be_the_century(bundled_linter) -> None:
    # Merck made MDMA in 1912: "the early 1900s" fits the century's first decades
    text = "German chemists first made MDMA in the early 1900s."
    assert not [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings
                if f.rule == "mdma/mdma-synthesis-date-wrong"]


EXACT_RULE = kindpack.rule("x-approval-exact", """\
kind: event-date
subject: "@drugx"
event: approval
date: "2025-03-10"
day_tolerance: 0
""", verdict="contradicted", since="null", severity="error", flagged="Drug X was approved on March 11, 2025.")


def _exact_day_findings(tmp_path, text: str) -> list:
    """The findings of a pack whose rule judges the act's own day (no slack for the announcement)."""
    claims = "claims:\n" + kindpack.claim("x-day", "Drug X was approved on 10 March 2025.", EXACT_RULE)
    root = kindpack.write_pack(tmp_path / "test", {"claims/c.yaml": claims})
    return kindpack.findings(kindpack.linter_for([root]), text, "test/x-approval-exact")


@pytest.mark.parametrize(("text", "flagged"), [
    ("Drug X was approved on March 11, 2025.", True),  # the next day: no slack for this rule
    ("On March 11, 2025 Drug X was approved.", True),  # a day that opens the clause
    ("On March 11 Drug X was approved.", True),  # the same without a year
    ("Drug X was approved on March 10, 2025.", False),
    ("On March 11 the maker said the agency had approved Drug X.", False),  # the day of the saying
])
def test_a_rule_may_judge_the_acts_own_day(tmp_path, text: str, flagged: bool):
    found = _exact_day_findings(tmp_path, text)
    assert bool(found) == flagged, found


@pytest.mark.parametrize("value", [-1, 40, "two", True])
def test_day_tolerance_must_be_a_small_whole_number(tmp_path, value):
    rule = kindpack.rule("x-bad", f"""\
kind: event-date
subject: "@drugx"
event: approval
date: "2025-03-10"
day_tolerance: {value!r}
""".replace("True", "true").replace("'two'", "two"), verdict="contradicted", since="null", severity="error",
        flagged="Drug X was approved on March 11, 2025.")
    claims = "claims:\n" + kindpack.claim("x-day", "Drug X was approved on 10 March 2025.", rule)
    root = kindpack.write_pack(tmp_path / "test", {"claims/c.yaml": claims})
    with pytest.raises(Exception, match="day_tolerance"):
        kindpack.linter_for([root])


def test_an_aside_between_a_day_and_its_act_is_skipped(bundled_linter) -> None:
    text = ("On 9 August the Food and Drug Administration (FDA), the US agency that regulates drugs, "
            "decided not to approve MDMA therapy.")
    found = [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.rule == "mdma/crl-wrong-month"]
    assert found


@pytest.mark.parametrize(("text", "flagged"), [
    # a verb joined by "and" to the one the day opens shares its day
    ("On March 11 Drug X cleared its last review and was approved.", True),
    ("On March 11 Drug X followed its rival's path and was approved.", True),
    ("On March 10 Drug X cleared its last review and was approved.", False),
    # the first verb is one of saying: the day is the saying's
    ("On March 11 Drug X's maker said the drug had passed and was approved.", False),
    # another clause opens between them
    ("On March 11 Drug X, which had waited a year, heard that it passed and was approved.", False),
    # a clause after the day that tells what happened on it
    ("Shares jumped on March 11, the day Drug X was approved.", True),
    ("Shares jumped on March 11, when Drug X was approved.", True),
    ("Shares jumped on March 11, and a week later Drug X was approved.", False),
])
def test_a_day_reaches_a_coordinated_verb_and_a_clause_that_tells_it(tmp_path, text: str, flagged: bool):
    found = _exact_day_findings(tmp_path, text)
    assert bool(found) == flagged, found


def test_a_refusal_by_the_advisers_is_not_the_agencys(bundled_linter) -> None:
    # the panel's vote is another event, with its own day
    text = "An FDA advisory committee said no to MDMA on June 4."
    assert not [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.rule == "mdma/crl-wrong-month"]


def test_a_day_before_a_past_verb_with_the_event_in_its_relative_clause_is_not_the_events(bundled_linter):
    text = ("On 5 March 2019 a court turned down a request that would have barred the FDA from approving MDMA "
            "as a breakthrough therapy.")
    found = [f.rule for f in bundled_linter.lint_text(text, "a.md", "markdown").findings]
    assert "mdma/breakthrough-wrong-year" not in found, found


def test_an_event_in_the_sentence_before_does_not_close_a_day(bundled_linter):
    text = ("Lykos said in a statement that the FDA had refused approval. On the 9th the agency rejected the "
            "application to use MDMA for PTSD.")
    found = [f.rule for f in bundled_linter.lint_text(text, "a.md", "markdown").findings]
    assert "mdma/crl-wrong-month" in found, found


ELSEWHERE = """\
kind: event-date
subject: "@drugx"
event: approval
date: "2025-03"
jurisdiction: us
elsewhere:
  - {date: "2026-01", where: eu}
"""


@pytest.fixture(scope="module")
def elsewhere_linter(tmp_path_factory):
    rule = kindpack.rule("x-us-date", ELSEWHERE, verdict="contradicted", since="null",
                         flagged="Drug X was approved in 2023.")
    root = kindpack.write_pack(tmp_path_factory.mktemp("elsewhere") / "test", {
        "claims/c.yaml": "claims:\n" + kindpack.claim("x-dated", "Drug X was approved in the US in March 2025.", rule)})
    return kindpack.linter_for([root])


@pytest.mark.parametrize(("text", "flagged"), [
    ("Drug X was approved in 2023.", True),
    # The EU's date, told with no place: the writer may mean it.
    ("Drug X was approved in January 2026.", False),
    # ... but not when the sentence names the rule's own jurisdiction.
    ("The FDA approved Drug X in January 2026.", True),
])
def test_another_jurisdictions_date(elsewhere_linter, text: str, flagged: bool):
    found = kindpack.findings(elsewhere_linter, text, "test/x-us-date")
    assert bool(found) == flagged
