"""Escape sequences in article lines and file names never reach the terminal or the CI log raw."""

from __future__ import annotations

import io
from datetime import date

import pytest

from factcheck.models import FileReport, Finding, RunInfo, Summary
from factcheck.report import get_reporter
from factcheck.report.sanitize import one_line, printable

HOSTILE = "Dose \x1b]0;pwned\x07 is \x1b[2K10 mg\x9b1m \u202eevil"


def finding() -> Finding:
    return Finding(rule="dose-a", kind="dose", verdict="contradicted", severity="warning", start=0, end=5,
                   text="10 mg", message="Dose wrong \x1b[31m", fact="fact \x1b]8;;x\x07",
                   line=1, column=5, end_line=1, end_column=10, line_text=HOSTILE)


def render(fmt: str, color: bool = False) -> str:
    out = io.StringIO()
    r = get_reporter(fmt, out, color=color)
    r.start(RunInfo(tool_version="0.1.0", as_of=date(2026, 11, 22), database_claims=1,
                    database_sources=1, database_fingerprint="x"))
    reports = [FileReport(path="evil\x1b]0;title\x07.md", findings=[finding()]),
               FileReport(path="bad\x1b[2K.md", error="cannot read \x1b[2K")]
    summary = Summary()
    for rep in reports:
        r.file(rep)
        summary.add(rep)
    r.finish(summary)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["text", "github", "junit"])
def test_no_control_character_from_input_is_written(fmt: str) -> None:
    text = render(fmt)
    for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert bad not in text, (fmt, bad)
    assert "\u241b" in text  # shown as a visible ESC picture


def test_colour_escapes_of_our_own_survive() -> None:
    text = render("text", color=True)
    assert "\x1b[1;33m" in text  # our severity colour
    assert "\x1b]" not in text and "\x1b[2K" not in text


def test_caret_stays_under_the_span() -> None:
    lines = render("text").splitlines()
    i = next(n for n, line in enumerate(lines) if line.lstrip().startswith("1 |"))
    src, marks = lines[i], lines[i + 1]
    start = marks.index("^")
    assert src[start:start + 5] == one_line(HOSTILE)[4:9]


def test_printable_keeps_length_tabs_and_newlines() -> None:
    s = "a\tb\nc\x1bd\x7f\x85"
    assert len(printable(s)) == len(s) and "\t" in printable(s) and "\n" in printable(s)
    assert "\n" not in one_line(s)
