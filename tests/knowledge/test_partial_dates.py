"""Partial dates (`2025-06`, `2025`) in the pack: parsed with their precision, compared by the
period they span, printed as written; and a claim's announcement date kept apart from its start."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from packtexts import CLAIMS, write_pack

from factcheck.knowledge import check_packs
from factcheck.knowledge.checks import check_consistency
from factcheck.knowledge.model import PartialDate


def test_partial_date_compares_by_its_period() -> None:
    june = PartialDate.parse("2025-06")
    assert (june.precision, june.isoformat(), str(june)) == ("month", "2025-06", "2025-06")
    assert (june.first, june.last) == (date(2025, 6, 1), date(2025, 6, 30))
    # A day inside the month is neither before nor after it.
    assert not date(2025, 6, 15) < june and not date(2025, 6, 15) > june
    assert not june < date(2025, 6, 15) and not june > date(2025, 6, 15)
    assert date(2025, 5, 31) < june < date(2025, 7, 1)
    assert date(2025, 7, 1) > june and june > date(2025, 5, 31)
    # A month is not its first day.
    assert june != date(2025, 6, 1) and june == PartialDate(2025, 6)
    year = PartialDate.parse("2024")
    assert (year.precision, year.isoformat(), year.last) == ("year", "2024", date(2024, 12, 31))
    assert year < june and not year < PartialDate.parse("2024-12")


@pytest.mark.parametrize("bad", ["2025-13", "25-06", "2025-6"])
def test_partial_date_rejects_bad_text(bad: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(bad)


def _pack(tmp_path: Path, claims: str) -> tuple[object, list[str]]:
    write_pack(tmp_path, {"claims/c.yaml": claims})
    pack, problems = check_packs([tmp_path], date(2026, 12, 6))
    return pack, [f"{p.level}: {p.message}" for p in problems]


def test_loader_keeps_partial_dates_as_given(tmp_path: Path) -> None:
    claims = CLAIMS.replace("    valid_from: 2024-08-09\n", "    valid_from: 2024-08\n").replace(
        "        since: 2024-08-09\n", "        since: 2024\n")
    pack, problems = _pack(tmp_path, claims)
    assert not [p for p in problems if p.startswith("error")], problems
    claim = pack.claims["fact-a"]  # type: ignore[attr-defined]
    assert isinstance(claim.valid_from, PartialDate) and claim.valid_from.isoformat() == "2024-08"
    assert claim.rules[0].since.isoformat() == "2024"


def test_loader_rejects_a_month_that_does_not_exist(tmp_path: Path) -> None:
    _, problems = _pack(tmp_path, CLAIMS.replace("valid_from: 2024-08-09", "valid_from: 2024-13"))
    assert any("not a real month" in p for p in problems), problems


def test_announced_on_is_kept_and_checked(tmp_path: Path) -> None:
    claims = CLAIMS.replace("    valid_from: 2024-08-09\n",
                            "    valid_from: 2024-08-08\n    announced_on: 2024-08-09\n").replace(
        "        since: 2024-08-09\n", "        since: 2024-08-08\n")
    pack, problems = _pack(tmp_path, claims)
    assert not [p for p in problems if p.startswith("error")], problems
    assert pack.claims["fact-a"].announced_on == date(2024, 8, 9)  # type: ignore[attr-defined]
    # The rule's since predates the announcement: the public could not know yet.
    msgs = [p.message for p in check_consistency(pack)]  # type: ignore[arg-type]
    assert any("before the claim's announced_on 2024-08-09" in m for m in msgs), msgs
    _, problems = _pack(tmp_path, CLAIMS.replace("    valid_from: 2024-08-09\n",
                                                 "    valid_from: 2024-08-09\n    announced_on: 2024-08-01\n"))
    assert any("announced_on 2024-08-01 is before valid_from 2024-08-09" in p for p in problems), problems


def test_outdated_rule_without_since_is_an_error(tmp_path: Path) -> None:
    pack, _ = _pack(tmp_path, CLAIMS.replace("        since: 2024-08-09\n", "        since: null\n"))
    got = [(p.level, p.message) for p in check_consistency(pack)]  # type: ignore[arg-type]
    assert any(level == "error" and "verdict 'outdated' without 'since'" in m for level, m in got), got
