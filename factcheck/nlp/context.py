"""One document's text and structure as the extractor sees it, and the clause and look-back
windows every part of the extractor shares.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from factcheck.knowledge.model import Quantity
from factcheck.nlp.literals import CASE_TRAPS, TextLiterals, literal_index, live_patterns, pattern_literals
from factcheck.nlp.numscan import literal_starts, number_starts, scan_at


@dataclass
class Context:
    """One document's text and structure, as the extractor sees it."""

    text: str
    folded: str
    sent_starts: list[int]
    paragraphs: list[int]
    trigger_sentences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    present_triggers: set[str] | None = None
    table_notes: dict[int, tuple[int, int] | None] = field(default_factory=dict)
    # Whole-text scans of module-level patterns, by pattern and text: every pack's extractor reads
    # the same document, so the pipeline hands all of them one dict per Doc.
    scans: dict[tuple[re.Pattern[str], bool], list[re.Match[str]]] = field(default_factory=dict)

    # A quantity's cues that may match in this document, by the quantity object (live_cues).
    live: dict[int, list[tuple[re.Pattern[str], tuple[str, ...] | None]]] = field(default_factory=dict)
    # The same for a list of quantities, by the list (live_cues_of).
    live_by_list: dict[int, tuple[list[Quantity], list[tuple[Quantity, re.Pattern[str], tuple[str, ...] | None]]]] = \
        field(default_factory=dict)
    # Where the folded text's literal index is kept: the pipeline hands every pack the Doc's
    # user_data, so the index is built once per document.
    store: dict[str, object] = field(default_factory=dict)

    def names_topic(self, topic: list[re.Pattern[str]]) -> bool:
        """Does the folded text match one of a pack's topic patterns? Asked twice per pack (the
        extractor and the component decide "in domain" from it): searched once per document."""
        key = f"factcheck_topic_{id(topic)}"  # the pack's list: alive as long as the Doc's run
        found = self.store.get(key)
        if found is None:
            # A pattern none of whose required literals the text holds is not searched.
            live = live_patterns(topic, [pattern_literals(t) for t in topic], self.folded, self.literals())
            found = self.store[key] = any(t.search(self.folded) for t in live)
        return bool(found)

    def memo(self, name: str) -> dict[Any, Any]:
        """A dict kept as long as the document's Doc (its user_data, which the pipeline hands every
        pack): what one pack's extractor read from the text alone, the next one reuses."""
        table = self.store.get(f"factcheck_memo_{name}")
        if not isinstance(table, dict):
            table = self.store[f"factcheck_memo_{name}"] = {}
        return table

    def literals(self) -> TextLiterals:
        """`lit in folded` for many literals (factcheck/nlp/literals.py)."""
        return literal_index(self.store, self.folded)
    @cached_property
    def flat(self) -> str:
        """The folded text with line breaks as spaces (same length): a measure's words wrapped
        across lines ("clinically\nmeaningful") still name it."""
        return self.folded.replace("\n", " ")

    def live_cues(self, quantity: Quantity) -> list[tuple[re.Pattern[str], tuple[str, ...] | None]]:
        """The quantity's cues, less those none of whose literals the text holds, each with its
        literals, all ASCII (None: no literal test may skip it, as in a text holding a case trap)."""
        found = self.live.get(id(quantity))
        if found is None:
            # Literals have no whitespace (required_literals splits on it), so the index of the
            # folded text answers for the flat text too.
            live = {id(c) for c in live_patterns(quantity.cues, quantity.cue_triggers, self.flat, self.literals())}
            testable = len(quantity.cue_triggers) == len(quantity.cues) and not any(c in self.flat for c in CASE_TRAPS)
            lits = quantity.cue_triggers if testable else [None] * len(quantity.cues)
            # Only literals all in ASCII are tested (may_match's rule): any other cue is searched.
            found = self.live[id(quantity)] = [
                (c, tuple(lit) if lit is not None and all(map(str.isascii, lit)) else None)
                for c, lit in zip(quantity.cues, lits) if id(c) in live]
        return found

    def live_cues_of(self, quantities: list[Quantity]) -> list[tuple[Quantity, re.Pattern[str], tuple[str, ...] | None]]:
        """`(q, cue, literals)` for each of `live_cues(q)`, q in `quantities` in order: one list
        per document and list (a pack's measures of one unit), read for every figure of that unit."""
        # By the list's id, with the list kept beside its answer (so that its id stays its own).
        entry = self.live_by_list.get(id(quantities))
        if entry is None or entry[0] is not quantities:
            entry = self.live_by_list[id(quantities)] = (
                quantities, [(q, cue, lits) for q in quantities for cue, lits in self.live_cues(q)])
        return entry[1]

    def scan(self, pattern: re.Pattern[str], folded: bool = True) -> list[re.Match[str]]:
        """`pattern.finditer` over the folded text (or the text), run once per document."""
        key = (pattern, folded)
        found = self.scans.get(key)
        if found is None:
            found = self.scans[key] = list(pattern.finditer(self.folded if folded else self.text))
        return found

    def scan_where(self, pattern: re.Pattern[str], where: re.Pattern[str] | Callable[[str], list[int]],
                   folded: bool = True) -> list[re.Match[str]]:
        """`scan(pattern, folded)` for a pattern that matches no empty string and whose every
        match starts where `where` matches (one character each: a superset of the places), tried
        only there (factcheck/nlp/numscan.py's `scan_at`). `where` may also be a function giving
        those places, sorted."""
        key = (pattern, folded)
        found = self.scans.get(key)
        if found is None:
            text = self.folded if folded else self.text
            starts = [m.start() for m in where.finditer(text)] if isinstance(where, re.Pattern) else where(text)
            found = self.scans[key] = scan_at(pattern, text, starts)
        return found

    def scan_numbers(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """`scan(pattern)` for a pattern whose matches start at a number (factcheck/nlp/numscan.py):
        the same matches, tried only where a number starts."""
        key = (pattern, True)
        found = self.scans.get(key)
        if found is None:
            starts = self.store.get("factcheck_number_starts")
            if not isinstance(starts, list):
                starts = self.store["factcheck_number_starts"] = number_starts(self.folded, self.literals())
            found = self.scans[key] = scan_at(pattern, self.folded, starts)
        return found

    def scan_from(self, pattern: re.Pattern[str], literals: tuple[str, ...]) -> list[re.Match[str]]:
        """`scan(pattern)` for a pattern that matches no empty string and whose every match opens
        with one of `literals` (non-empty), tried only where one of them starts."""
        key = (pattern, True)
        found = self.scans.get(key)
        if found is None:
            found = self.scans[key] = scan_at(pattern, self.folded, literal_starts(self.folded, literals))
        return found

    def sentence_of(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, offset) - 1
        start = self.sent_starts[i] if i >= 0 else 0
        end = self.sent_starts[i + 1] if i + 1 < len(self.sent_starts) else len(self.text)
        return start, end

    def previous_sentence(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.sent_starts, offset) - 1
        if i <= 0:
            return None
        return self.sent_starts[i - 1], self.sent_starts[i]

    def paragraph_of(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.paragraphs, offset) - 1
        start = self.paragraphs[i] if i >= 0 else 0
        end = self.paragraphs[i + 1] if i + 1 < len(self.paragraphs) else len(self.text)
        return start, end


def _clause(folded: str, sent: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): bounded by ';' or the sentence's ends."""
    lo = folded.rfind(";", sent[0], start) + 1 or sent[0]
    lo = max(lo, sent[0])
    hi = folded.find(";", end, sent[1])
    if hi < 0:
        hi = sent[1]
    return lo, hi


def _lookback(ctx: Context, sent: tuple[int, int], sentences: int = 3) -> int:
    """Where the few sentences before this one start (blank ones not counted), across paragraphs:
    a heading, a list's lead-in or the paragraph above still frame what this sentence says."""
    at, seen = sent[0], 0
    while seen < sentences:
        prev = ctx.previous_sentence(at)
        if prev is None:
            break
        at = prev[0]
        seen += bool(ctx.text[prev[0]:prev[1]].strip())
    return at
