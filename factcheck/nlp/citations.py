"""Citations of studies: an author and year, a trial name, a DOI or a registry number, mapped to
the studies the pack knows.
"""

from __future__ import annotations

import re

from factcheck.nlp.claims import Claim
from factcheck.nlp.context import Context
from factcheck.nlp.normalize import fold
from factcheck.nlp.speech import _mark_figure_speech, _retraction_noted

_YEAR_END = r"(?:(?!\d)|(?=\d+(?:\.\d+)?\s?%))"  # a year may be glued to a flattened table's numbers
CITATION = re.compile(
    r"(?P<author>[A-Z][A-Za-z\u00C0-\u024F'’\-]+)(?:\s+[A-Z]\.?)?\s+(?:et\s+al\.?|and\s+colleagues|and\s+co-?workers|&\s+[A-Z][\w'’\-]+|and\s+[A-Z][\w'’\-]+)"
    r"(?:'s?|’s?)?\s*,?\s*\(?\s*(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3},?\s+)?(?:(?P<year>(?:19|20)\d{2})[a-z]?)?" + _YEAR_END +
    r"|\((?P<pauthor>[A-Z][A-Za-z\u00C0-\u024F'’\-]+)(?:\s+et\s+al\.?|\s+and\s+colleagues|\s+(?:&|and)\s+[A-Z][\w'’\-]+)?,?\s+(?P<pyear>(?:19|20)\d{2})[a-z]?[);,]"
    r"|(?<=; )(?P<sauthor>[A-Z][A-Za-z\u00C0-\u024F'’\-]+)(?:\s+et\s+al\.?|\s+and\s+colleagues|\s+(?:&|and)\s+[A-Z][\w'’\-]+)?,?\s+(?P<syear>(?:19|20)\d{2})[a-z]?(?=[);,])"
    r"|(?P<bauthor>[A-Z][A-Za-z\u00C0-\u024F'’\-]+)\s+\((?P<byear>(?:19|20)\d{2})[a-z]?\)"
    r"|(?P<xauthor>[A-Z][A-Za-z\u00C0-\u024F\-]+)(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?P<xyear>(?:19|20)\d{2})\b"
)
# "the 2019 pooled analysis by Mithoefer and colleagues": a year shortly before an author without one.
YEAR_BEFORE = re.compile(r"\b((?:19|20)\d{2})\b(?:(?!\b(?:19|20)\d{2}\b)[^.;])*$")


def _author_key(name: str) -> str:
    return fold(name).replace("'", "").replace("’", "").replace("-", "").strip()


class CitationFinder:
    """Finds citations of known studies (mixed into Extractor)."""

    alias_study: dict[str, str]
    alias_re: re.Pattern[str] | None
    by_author: dict[str, list[tuple[int | None, str]]]

    # -- citations and study aliases -------------------------------------------------------------
    def _citations(self, ctx: Context) -> list[Claim]:
        out: list[Claim] = []
        for m in ctx.scan(CITATION, folded=False):
            author = (m.group("author") or m.group("pauthor") or m.group("sauthor") or m.group("bauthor")
                      or m.group("xauthor"))
            year = m.group("year") or m.group("pyear") or m.group("syear") or m.group("byear") or m.group("xyear")
            entries = self.by_author.get(_author_key(author), [])
            if not entries and not (m.group("pauthor") or m.group("author") or m.group("sauthor")):
                continue  # "Word (2021)" or "Word's 2021 ..." is a citation only when the author is known
            if year:
                studies = [sid for y, sid in entries if y == int(year)]
            else:
                studies = [sid for _y, sid in entries]
                sent0 = ctx.sentence_of(m.start())[0]
                before = YEAR_BEFORE.search(ctx.text, max(sent0, m.start() - 60), m.start())
                if before and len(entries) > 1:
                    dated = [sid for y, sid in entries if y == int(before.group(1))]
                    studies = dated or studies
            start = m.start()
            end = m.end()
            if m.group("year") and ctx.text[end:end + 1].isdigit():
                end = m.end("year")  # a year glued to a table's numbers
            while end > start and (ctx.text[end - 1].isspace() or ctx.text[end - 1] in ",(;"):
                end -= 1
            if not studies and not year:
                continue
            if "(" in ctx.text[start:end] and ctx.text[end - 1] != ")" and ctx.text[end:end + 1] == ")":
                end += 1  # "Mitchell et al. (2021)": keep the closing parenthesis
            if m.group("pauthor") and ctx.text[end - 1] in ";,":
                end -= 1
            out.append(Claim(type="citation", kind="citation", start=start, end=end,
                             sentence=ctx.sentence_of(start), studies=studies,
                             citation=" ".join(ctx.text[start:end].split())))
        if self.alias_re is not None:
            taken = [(c.start, c.end) for c in out]
            for m in self.alias_re.finditer(ctx.folded):
                if any(s <= m.start() < e for s, e in taken):
                    continue
                sid = self.alias_study[m.group(0)]
                out.append(Claim(type="citation", kind="citation", start=m.start(), end=m.end(),
                                 sentence=ctx.sentence_of(m.start()), studies=[sid],
                                 citation=ctx.text[m.start() : m.end()]))
        out.sort(key=lambda c: c.start)
        for c in out:
            c.retraction_noted = _retraction_noted(ctx, c)
            _mark_figure_speech(ctx, c)
        return out
