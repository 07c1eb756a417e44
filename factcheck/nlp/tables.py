"""Tables in prose: flattened rows, their cells and column headers, and digits a flattened table
glued together.
"""

from __future__ import annotations

import re

from factcheck.knowledge.model import Pack
from factcheck.knowledge.numbers import split_glued
from factcheck.nlp.claims import Claim
from factcheck.nlp.context import Context

TABLE_LOOKBACK = 3
CELL_LOOKBACK = 8
# A row: tab- or pipe-separated cells, or (Markdown tables as the parser blanks them) an indented
# line of cells separated by runs of spaces.
TABLE_ROW = re.compile(r"^(?:[^\n]*(?:\t|\|[^\n]*\|)[^\n]*| +\S[^\n]*?\S {2,}\S[^\n]*?\S {2,}\S[^\n]*)$", re.M)
_SPACE_CELL = re.compile(r"[^ \n](?:[^ \n]| (?! ))*")
TABLE_RULE = re.compile(r"[\s|:\-]+")
NUMERIC_CELL = re.compile(r"\s*(?P<n>\d+(?:\.\d+)?)\s?(?P<pct>%)?\s*")
COUNT_HEADER = re.compile(r"\b(?:n|participants|patients|people|subjects|sample(?: size)?|enrolled|randomi[sz]ed)\b")  # cells above a bare table cell that may hold its column header


def _after_table(ctx: Context, offset: int) -> tuple[int, int] | None:
    """When `offset` is in a table row: the paragraph that follows the table (its notes)."""
    text = ctx.text
    line_start = text.rfind("\n", 0, offset) + 1
    memo = ctx.table_notes
    if line_start in memo:
        return memo[line_start]
    rows: list[int] = []
    pos = line_start
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if not (TABLE_ROW.fullmatch(line) or (line.strip() and TABLE_RULE.fullmatch(line.strip()))):
            break
        rows.append(pos)
        pos = end + 1
    notes: tuple[int, int] | None = None
    if rows:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos < len(text):
            notes = ctx.paragraph_of(pos)
    for r in rows or [line_start]:
        memo[r] = notes
    return notes


def _cells(folded: str, start: int, end: int, sep: str) -> list[tuple[int, int]]:
    """Spans of a row's cells (outer pipes of a Markdown row dropped)."""
    if sep == "  ":
        return [(m.start(), m.end()) for m in _SPACE_CELL.finditer(folded, start, end)]
    out: list[tuple[int, int]] = []
    pos = start
    while True:
        cut = folded.find(sep, pos, end)
        out.append((pos, end if cut < 0 else cut))
        if cut < 0:
            break
        pos = cut + 1
    if sep == "|":
        out = [c for c in out if folded[c[0]:c[1]].strip() or (c[0] != start and c[1] != end)]
    return out


def _bare(ctx: Context, claim: Claim) -> bool:
    """The figure is all its sentence holds (a table cell, a bare list value)."""
    s0, s1 = claim.sentence
    return not ctx.folded[s0:claim.start].strip(" |*_:-") and not ctx.folded[claim.end:s1].strip(" |*_.:-")


def split_confirmed(counts: set[float], n: float) -> bool:
    return n in counts


def _read_tables(ctx: Context) -> tuple[dict[int, tuple[int, int]], list[tuple[int, int, float]]]:
    """Each numeric cell's column header span, by the cell's start, and the whole counts (2 or
    more) under a count header as (start, end, n): what every pack's TableReader reads."""
    folded = ctx.folded
    counts: list[tuple[int, int, float]] = []
    text = ctx.text  # folding turns tabs into spaces; cells are cut on the raw text
    headers: dict[int, tuple[int, int]] = {}
    header_cells: list[tuple[int, int]] | None = None
    last_end = -1
    for row in TABLE_ROW.finditer(text):
        line = row.group(0)
        sep = "\t" if "\t" in line else "|" if "|" in line else "  "
        cells = _cells(text, row.start(), row.end(), sep)
        if last_end < 0 or text[last_end:row.start()].strip(" \t\n|:-"):
            header_cells = None  # prose in between: a new table starts
        last_end = row.end()
        if TABLE_RULE.fullmatch(row.group(0).strip()):
            continue
        if header_cells is None or not any(NUMERIC_CELL.fullmatch(folded[a:b]) for a, b in cells):
            if header_cells is None:
                header_cells = cells
            continue
        if len(cells) != len(header_cells):
            continue
        for (a, b), head in zip(cells, header_cells, strict=True):
            m = NUMERIC_CELL.fullmatch(folded[a:b])
            if not m:
                continue
            start = a + m.start("n")
            headers[start] = head
            if not m.group("pct") and COUNT_HEADER.search(folded, head[0], head[1]):
                n = float(m.group("n"))
                if n.is_integer() and n >= 2:
                    counts.append((start, a + m.end("n"), n))
    return headers, counts


class TableReader:
    """Reads figures out of table rows and their headers (mixed into Extractor)."""

    pack: Pack

    def _table_columns(self, ctx: Context, raw: list[Claim]) -> dict[int, tuple[int, int]]:
        """Tables written as rows of tab- or pipe-separated cells: map each numeric cell to its
        column header's span, and add bare counts under a count header ("Participants", "n").
        The table is read once per document for every pack (the returned map is shared: read it only)."""
        memo = ctx.memo("table_columns")
        if "read" not in memo:
            memo["read"] = _read_tables(ctx)
        headers, counts = memo["read"]
        if "sample-size" in self.pack.quantities:
            for start, end, n in counts:
                raw.append(Claim(type="figure", kind="trial-statistic", start=start, end=end,
                                 sentence=ctx.sentence_of(start), unit="count", low=n, high=n, quantity="sample-size"))
        return headers

    def _from_header(self, ctx: Context, claim: Claim) -> None:
        """A table cell holding only a percentage: its column header, a few cells above, names
        the measure. Taken only when the rows above name exactly one measure (and arm)."""
        quantities: set[str] = set()
        arms: set[str] = set()
        sent = claim.sentence
        for _ in range(CELL_LOOKBACK):
            prev = ctx.previous_sentence(sent[0])
            if prev is None:
                break
            sent = prev
            probe = Claim(type="figure", kind="trial-statistic", start=prev[0], end=prev[0], sentence=prev, unit="percent")
            self._quantity(ctx, probe, None, prev)
            if probe.quantity:
                quantities.add(probe.quantity)
            arm = self._arm(ctx, probe, prev)
            if arm:
                arms.add(arm)
        if len(quantities) == 1:
            claim.quantity = quantities.pop()
            claim.arm = arms.pop() if len(arms) == 1 else None

    def _glued(self, ctx: Context, m: re.Match[str], citations: list[Claim]) -> list[Claim]:
        """A flattened table glues a row's cells together ("Mitchell et al. 202310471.2%" is a
        citation, n = 104 and 71.2%). Split where the cited study's sample size says, or where only
        one split leaves a two-digit percentage."""
        digits = m.group("a")
        start = m.start("a")
        sent = ctx.sentence_of(start)
        row_cites = [c for c in citations if sent[0] <= c.start < start and c.studies]
        if row_cites and row_cites[-1].end == start + 4 and digits[:4].isdigit():
            start += 4  # the citation's year is glued on
            digits = digits[4:]
        elif row_cites and row_cites[-1].end == start and not row_cites[-1].citation:
            pass
        if not digits or digits[0] == ".":
            return []
        studies = row_cites[-1].studies if row_cites else []
        counts: set[float] = set()
        for sid in studies:
            st = self.pack.studies[sid]
            if st.n is not None:
                counts.add(float(st.n))
            counts.update(v.low for v in st.values if v.quantity == "sample-size" and v.low == v.high)
        split = split_glued(digits, counts)
        if split is None:
            return []
        n, pct, cut = split
        n_claim = Claim(type="figure", kind="trial-statistic", start=start, end=start + cut, sentence=sent,
                        unit="count", low=n, high=n,
                        quantity="sample-size" if "sample-size" in self.pack.quantities else None)
        p_claim = Claim(type="figure", kind="trial-statistic", start=start + cut, end=m.end(), sentence=sent,
                        unit="percent", low=pct, high=pct)
        self._quantity(ctx, p_claim, None, (sent[0], sent[1]))
        p_claim.arm = self._arm(ctx, p_claim, (sent[0], sent[1]))
        # The header row names the measure and arm; it stands a few rows above.
        header = sent
        for _ in range(TABLE_LOOKBACK):
            if p_claim.quantity is not None and p_claim.arm is not None:
                break
            prev = ctx.previous_sentence(header[0])
            if prev is None:
                break
            header = prev
            probe = Claim(type="figure", kind="trial-statistic", start=prev[0], end=prev[0], sentence=prev, unit="percent")
            if p_claim.quantity is None:
                self._quantity(ctx, probe, None, prev)
                p_claim.quantity = probe.quantity
            if p_claim.arm is None:
                p_claim.arm = self._arm(ctx, probe, prev)
        if p_claim.quantity is None and studies and split_confirmed(counts, n):
            # No header names the measure, but the row's count confirmed the study: read the
            # percentage as that study's figure with this value, if it has one.
            p_claim.quantity = next((v.quantity for sid in studies for v in self.pack.studies[sid].values
                                     if v.unit == "percent" and v.matches(pct, pct)), None)
        out = []
        for c in (n_claim, p_claim):
            if c.quantity is None:
                continue
            if row_cites:
                c.studies, c.study_how, c.citation = list(studies), "table row", row_cites[-1].citation
            else:
                self._attach(c, ctx, citations)
            out.append(c)
        return out
