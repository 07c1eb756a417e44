"""Time expressions, explicit and relative, read against a document date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from factcheck.lang.timex import find_times, is_future

DOC = date(2026, 6, 1)


def only(text: str, doc_date: date | None = DOC):
    times = find_times(text, doc_date)
    assert len(times) == 1, times
    return times[0]


@pytest.mark.parametrize(("text", "span", "first", "last"), [
    ("It happened on March 3, 2024 at noon.", "March 3, 2024", date(2024, 3, 3), date(2024, 3, 3)),
    ("It happened on 3 March 2024.", "3 March 2024", date(2024, 3, 3), date(2024, 3, 3)),
    ("It happened in August 2023.", "August 2023", date(2023, 8, 1), date(2023, 8, 31)),
    ("It happened in Feb. 2024.", "Feb. 2024", date(2024, 2, 1), date(2024, 2, 29)),
    ("It happened in late 2019.", "late 2019", date(2019, 1, 1), date(2019, 12, 31)),
    ("It happened in 2021.", "2021", date(2021, 1, 1), date(2021, 12, 31)),
    ("It happened in the 1970s.", "1970s", date(1970, 1, 1), date(1979, 12, 31)),
    ("It happened in the late 1980s.", "late 1980s", date(1986, 1, 1), date(1989, 12, 31)),
])
def test_explicit_dates_and_their_period(text: str, span: str, first: date, last: date):
    t = only(text)
    assert (t.text, t.first, t.last, t.relative) == (span, first, last, False)
    assert text[t.start:t.end] == span


def test_a_number_that_is_not_a_year_is_no_date():
    assert find_times("The trial enrolled 2019 people.", DOC) == []
    assert find_times("A dose of 2000 mg.", DOC) == []


@pytest.mark.parametrize(("text", "span", "first", "last"), [
    ("Approval may come next year.", "next year", date(2027, 1, 1), date(2027, 12, 31)),
    ("It rose last year.", "last year", date(2025, 1, 1), date(2025, 12, 31)),
    ("It should come later this year.", "later this year", date(2026, 1, 1), date(2026, 12, 31)),
    ("A decision is due by the end of the year.", "by the end of the year", date(2026, 1, 1), date(2026, 12, 31)),
])
def test_relative_years_against_the_document_date(text: str, span: str, first: date, last: date):
    t = only(text)
    assert (t.text, t.relative, t.first, t.last) == (span, True, first, last)


def test_relative_time_without_a_document_date_names_no_period():
    t = only("Approval may come next year.", None)
    assert t.relative and t.first is None and t.year is None


def test_longest_expression_wins_and_order_is_textual():
    times = find_times("In early 2024, it said approval would come within the next few months.", DOC)
    assert [t.text for t in times] == ["early 2024", "within the next few months"]


@pytest.mark.parametrize(("text", "future"), [
    ("Approval may come next year.", True),
    ("It will happen soon.", True),
    ("Within months, it will be approved.", True),
    ("It rose last year.", False),
    ("It is currently sold.", False),
    ("It happened in 2025.", False),
    ("It should happen in 2027.", True),
    ("It happened in May 2026.", False),
    ("It happens in June 2026.", True),  # the document's own month: not over on its first day
    ("It happens in July 2026.", True),
])
def test_is_future(text: str, future: bool):
    assert is_future(only(text), DOC) is future


def test_explicit_date_without_a_document_date_is_not_future():
    assert is_future(only("It should happen in 2099."), None) is False


def test_literal_gate_changes_no_result(monkeypatch):
    """Patterns are skipped on text without their required literals; the times found are exactly
    those of searching with every pattern (also with the case traps and upper case)."""
    from factcheck.lang import timex

    texts = ["Approval is EXPECTED by the end of next year.", "The FDA decided in June 2024, soon after.",
             "Results came in the late 1990s and in Q3 2021.", "Nothing here but words.",
             "A decision is due on AUGUST 11, within weeks.", "Launch ſoon in ſpring 2025?",
             "Two years ago, and again last month.", "By 12 March, or from July."]
    gated = [timex.find_times(t, date(2024, 5, 20)) for t in texts]
    monkeypatch.setattr(timex, "_LITERALS", [None] * len(timex._PATTERNS))
    assert gated == [timex.find_times(t, date(2024, 5, 20)) for t in texts]
    assert any(gated)


def test_months_and_weeks_about_the_page_date_are_resolved():
    from datetime import date

    from factcheck.lang.timex import find_times

    page = date(2025, 3, 10)  # a Monday
    got = {t.text.lower(): (t.first, t.last) for t in find_times("Last month, next month and last week.", page)}
    assert got["last month"] == (date(2025, 2, 1), date(2025, 2, 28))
    assert got["next month"] == (date(2025, 4, 1), date(2025, 4, 30))
    first, last = got["last week"]
    assert first <= date(2025, 3, 3) and last >= date(2025, 3, 9) and last <= page
    assert all(t.first is None for t in find_times("Last month.", None))  # no page date, no period


@pytest.mark.parametrize(("text", "page", "first", "last"), [
    # either hemisphere's season: in August the southern spring comes first, the northern one next year
    ("Trials start next spring.", date(2016, 8, 25), date(2016, 9, 1), date(2017, 5, 31)),
    ("Trials start next spring.", date(2024, 1, 10), date(2024, 3, 1), date(2024, 11, 30)),
    ("A ruling is due this summer.", date(2024, 1, 10), date(2024, 6, 1), date(2025, 2, 28)),
    ("It was filed last winter.", date(2024, 5, 10), date(2023, 6, 1), date(2024, 2, 29)),
])
def test_seasons_about_the_page_date_are_resolved(text: str, page: date, first: date, last: date):
    t = only(text, page)
    assert (t.first, t.last) == (first, last)
    assert only(text, None).first is None


def test_patterns_skipped_for_any_missing_literal_set_find_the_same_times(monkeypatch):
    """A pattern is skipped in a sentence lacking any literal set it requires; testing only the
    one set `required_literals` chose (as before) finds the same times, whatever the sentence."""
    import random

    from factcheck.lang import timex

    pieces = ["in", "by", "the", "end", "of", "next", "this", "year", "month", "march", "may", "2024", "1970s", "mid",
              "early", "soon", "q3", "ago", "two", "weeks", "within", "days", "later", "that", "from", "july", "4", ",",
              "since", "fall", "summer", "of", "2019", "19", "the coming", "before", "decade", "now", "last"]
    rng = random.Random(7)
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    texts += [t.capitalize() for t in texts[:300]] + ["In the 1970s, and from July 2021, by June 4"]

    def read() -> list:
        return [timex.find_times(t, date(2024, 5, 20)) for t in texts]

    every_set = read()
    chosen = [(timex._SETS.index(lits),) if lits is not None else () for lits in timex._LITERALS]
    monkeypatch.setattr(timex, "_REQUIRES", chosen)
    assert read() == every_set
    assert sum(map(bool, every_set)) > 1000


@pytest.mark.parametrize(("text", "year"), [
    ("approval could come as early as twenty twenty two", 2022),
    ("back in twenty nineteen", 2019),
    ("by twenty-twenty-one", 2021),
    ("in twenty twenty", 2020),
])
def test_a_year_said_in_words(text: str, year: int) -> None:
    (t,) = find_times(text)
    assert t.first == date(year, 1, 1) and t.last == date(year, 12, 31) and not t.relative


def test_twenty_of_something_is_no_year() -> None:
    assert find_times("twenty people took part") == []


@pytest.mark.parametrize(("text", "month"), [
    ("The journal will carry the paper in May.", 5),  # after "in", May is the month
    ("Sales should pick up by May, the maker says.", 5),
    ("This may take longer than planned.", None),  # a modal
    ("Next may be a second trial.", None),
])
def test_may_after_a_preposition_is_the_month(text: str, month: int | None):
    found = [t.first.month for t in find_times(text, date(2026, 3, 2)) if t.first]
    assert found == ([month] if month else [])


@pytest.mark.parametrize(("text", "month", "day"), [
    ("On August 9th the FDA must decide", 8, 9),
    ("by June 4th", 6, 4),
    ("the 21st February meeting", 2, 21),
])
def test_a_day_written_as_an_ordinal(text: str, month: int, day: int) -> None:
    from factcheck.lang.timex import days_without_year

    assert [(m, d) for _s, _e, m, d in days_without_year(text)] == [(month, day)]


@pytest.mark.parametrize(("text", "days"), [
    ("the FDA decided on the 9th not to approve it", [9]),
    ("on the 9th of this month the agency ruled", [9]),
    ("met on the 4th.", [4]),
    ("the office on the 9th floor", []),  # a noun after the ordinal
    ("on the 20th anniversary of the study", []),
])
def test_days_of_a_known_month(text: str, days: list[int]):
    from factcheck.lang.timex import days_of_known_month

    assert [d for _, _, d in days_of_known_month(text)] == days


@pytest.mark.parametrize(("text", "found"), [
    ("By the middle of next August the agency should decide.", "next August"),
    ("The panel meets on August 11.", "August 11"),
])
def test_an_undated_page_keeps_a_month_or_day_without_its_dates(text: str, found: str):
    # the year is unknown, but the words still tell a reader when within it
    times = find_times(text, None)
    assert [t.text for t in times] == [found]
    assert times[0].relative and times[0].first is None and times[0].last is None


def test_the_modal_may_is_no_month_on_an_undated_page():
    assert not any("may" in t.text.lower() for t in find_times("This may change soon.", None))


def test_inside_a_span_is_a_time_to_come() -> None:
    t = only("Regulators should clear it inside two years.", None)
    assert t.text == "inside two years" and t.relative and is_future(t, None)


@pytest.mark.parametrize(("text", "span", "days"), [
    ("Regulators should clear it within two years.", "within two years", 732),
    ("Approval is only a couple of years away.", "a couple of years away", 732),
    ("A decision is 18 months away.", "18 months away", 558),
])
def test_a_counted_span_runs_from_the_page_date(text: str, span: str, days: int) -> None:
    t = only(text)
    assert (t.text, t.relative, t.first, t.last) == (span, True, DOC, DOC + timedelta(days=days))
    assert is_future(t, DOC)


def test_the_coming_months_reach_about_half_a_year():
    """"in the coming months" names no count: read as the half year after the page's date, so a
    forecast that came true five months later is seen as one that came true on time."""
    from datetime import date

    from factcheck.lang.timex import _period

    first, last = _period("the coming months", True, date(2025, 11, 6))
    assert first == date(2025, 11, 6) and date(2026, 4, 1) < last < date(2026, 6, 1)
    first, last = _period("over the next few weeks", True, date(2025, 11, 6))
    assert last is not None and last < date(2026, 1, 15)


def test_a_month_of_next_year():
    """"in March next year" is one expression, in the page's next year; "next March" is the first
    March after the page's date."""
    from datetime import date

    from factcheck.lang.timex import find_times

    times = find_times("The patent expires in March next year. It ends next March.", date(2025, 12, 13))
    assert [(t.text, t.first) for t in times] == [("in March next year", date(2026, 3, 1)),
                                                  ("next March", date(2026, 3, 1))]
    assert find_times("It ends next August.", date(2025, 2, 13))[0].first == date(2025, 8, 1)
