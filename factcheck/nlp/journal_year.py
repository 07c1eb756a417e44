"""Studies cited by journal and year, or by year alone, without an author: "published in Nature
Medicine in 2021", "a 2023 paper in Nature Medicine", "in the 2023 trial". A figure in the same or
the next sentence then belongs to that study (nlp/attach.py), and the citation itself is judged
(a retracted paper cited this way is still cited)."""

from __future__ import annotations

import re

from factcheck.knowledge.model import Pack
from factcheck.nlp.claims import Claim
from factcheck.nlp.context import Context
from factcheck.nlp.numscan import literal_starts

YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
YEAR_REACH = 40  # characters between a journal's name and its year ("in Nature Medicine in 2021")
# "the 2023 trial", "the 2021 Phase 3 study": a study the text has already brought in, by its year.
DEFINITE_YEAR = re.compile(r"\bthe (?P<y>(?:19|20)\d{2}) (?:phase[- ]?(?:3|iii|2|ii|three|two) )?"
                           r"(?P<noun>trial|study|paper|publication)\b", re.I)


SAME_JOURNAL = re.compile(r"\b(?:the|that) same journal\b", re.I)
# Where DEFINITE_YEAR can start: "the" in any case (no other character matches t, h or e under
# re.I), a space and a year's first two digits; two of these cannot overlap.
_DEFINITE_YEAR_AT = re.compile(r"[Tt][Hh][Ee] (?:19|20)")


def _journal_key(name: str) -> str:
    return name.removeprefix("The ").removeprefix("the ").strip()


def _journal_pattern(pack: Pack) -> tuple[re.Pattern[str] | None, dict[str, list[str]], tuple[str, ...] | None]:
    """The pack's journal names (longest first, so "Journal of Psychopharmacology" is not read as
    "Psychopharmacology") and the studies each published; worked out once per pack."""
    memo = pack.__dict__.get("_journal_year")
    if memo is None:
        by_journal: dict[str, list[str]] = {}
        for sid, study in pack.studies.items():
            if study.journal:
                by_journal.setdefault(_journal_key(study.journal), []).append(sid)
        names = sorted(by_journal, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:(?:[Tt]he )?(?:" + "|".join(map(re.escape, names)) + r"))(?![\w-])") \
            if names else None
        # Every match opens with one of these (an empty name would match nowhere in particular).
        openings = tuple(f"{the}{n}" for n in names for the in ("", "The ", "the ")) if all(names) else None
        memo = pack.__dict__["_journal_year"] = (pattern, by_journal, openings)
    return memo


def _journal_mentions(ctx: Context, pack: Pack) -> list[tuple[re.Match[str], str | None]]:
    """The pack's journal names and "the same journal" in the text, in order. Both patterns open
    with a look-behind or `\\b`, which the regex engine tries at every character: the names are
    tried only where one of them starts, "the same journal" only in a text that holds its words."""
    pattern, _by_journal, openings = _journal_pattern(pack)
    if pattern is None:
        return []
    if openings is None:
        named = list(pattern.finditer(ctx.text))
    else:
        named = ctx.scan_where(pattern, lambda text: literal_starts(text, openings), folded=False)
    # (re.I lets only ASCII letters match these, so their lower case is in the folded text)
    same = ctx.scan(SAME_JOURNAL, folded=False) if "ame journal" in ctx.folded else []
    return sorted([(m, _journal_key(m.group(0))) for m in named] + [(m, None) for m in same],
                  key=lambda x: x[0].start())


def _nearest_year(text: str, start: int, end: int, sent: tuple[int, int]) -> int | None:
    """The year closest to the journal's name within its sentence and YEAR_REACH characters."""
    lo, hi = max(sent[0], start - YEAR_REACH), min(sent[1], end + YEAR_REACH)
    best: tuple[int, int] | None = None
    for m in YEAR.finditer(text, lo, hi):
        dist = start - m.end() if m.end() <= start else m.start() - end
        if best is None or dist < best[0]:
            best = (dist, int(m.group(1)))
    return best[1] if best else None


def journal_year_citations(ctx: Context, pack: Pack, by_phase: dict[str, list[str]], cited: list[Claim]) -> list[Claim]:
    out: list[Claim] = []
    taken = [(c.start, c.end) for c in cited]
    text = ctx.text
    _pattern, by_journal, _openings = _journal_pattern(pack)
    if _pattern is not None:
        last_journal: str | None = None
        for m, named in _journal_mentions(ctx, pack):
            # "the follow-up, in the same journal in 2023": the journal named last.
            journal = named or last_journal
            last_journal = journal
            if journal is None or any(s < m.end() and m.start() < e for s, e in taken):
                continue
            sent = ctx.sentence_of(m.start())
            year = _nearest_year(text, m.start(), m.end(), sent)
            if year is None:
                continue
            studies = [sid for sid in by_journal.get(journal, []) if pack.studies[sid].year == year]
            if len(studies) == 1:
                out.append(Claim(type="citation", kind="citation", start=m.start(), end=m.end(), sentence=sent,
                                 studies=studies, citation=f"{journal} {year}", journal=journal))
                taken.append((m.start(), m.end()))
    # (a match puts "the 19" or "the 20" in the folded text: re.I lets only ASCII letters match)
    if ("the " in text or "The " in text) and ("the 19" in ctx.folded or "the 20" in ctx.folded):
        trials = {sid for sids in by_phase.values() for sid in sids}
        for m in ctx.scan_where(DEFINITE_YEAR, _DEFINITE_YEAR_AT, folded=False):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            year = int(m.group("y"))
            studies = [sid for sid in sorted(trials) if pack.studies[sid].year == year]
            if m.group("noun").lower() == "trial" and len(studies) > 1:
                # "the 2021 trial" is the year's trial, not an analysis that pooled earlier ones
                studies = [sid for sid in studies if "trial" in (pack.studies[sid].design or "")
                           and "analysis" not in (pack.studies[sid].design or "")]
            if len(studies) == 1:
                out.append(Claim(type="citation", kind="citation", start=m.start(), end=m.end(),
                                 sentence=ctx.sentence_of(m.start()), studies=studies, citation=m.group(0)))
    return out
