"""Citations of studies: an author and year, a trial name, a DOI or a registry number, mapped to
the studies the pack knows.
"""

from __future__ import annotations

import re

from factcheck.knowledge.model import Pack
from factcheck.nlp.claims import Claim
from factcheck.nlp.context import Context
from factcheck.nlp.described import Described, described_citations
from factcheck.nlp.journal_year import journal_year_citations
from factcheck.nlp.normalize import fold
from factcheck.nlp.numscan import literal_starts, scan_at
from factcheck.nlp.speech import _mark_figure_speech, _retraction_noted

_YEAR_END = r"(?:(?!\d)|(?=\d+(?:\.\d+)?\s?%))"  # a year may be glued to a flattened table's numbers
CITATION = re.compile(
    r"(?P<author>[A-Z][A-Za-z\u00C0-\u024F'’\-]+)(?:\s+[A-Z]\.?)?\s+(?:et\s+al\.?|and\s+colleagues|and\s+co-?workers|&\s+[A-Z][\w'’\-]+|and\s+[A-Z][\w'’\-]+)"
    r"(?:'s?|’s?)?\s*,?\s*\(?\s*(?:in\s+(?=(?:19|20)\d{2}))?(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3},?\s+)?(?:(?P<year>(?:19|20)\d{2})[a-z]?)?" + _YEAR_END +
    r"|\((?P<pauthor>[A-Z][A-Za-z\u00C0-\u024F'’\-]+)(?:\s+et\s+al\.?|\s+and\s+colleagues|\s+(?:&|and)\s+[A-Z][\w'’\-]+)?,?\s+(?P<pyear>(?:19|20)\d{2})[a-z]?[);,]"
    r"|(?<=; )(?P<sauthor>[A-Z][A-Za-z\u00C0-\u024F'’\-]+)(?:\s+et\s+al\.?|\s+and\s+colleagues|\s+(?:&|and)\s+[A-Z][\w'’\-]+)?,?\s+(?P<syear>(?:19|20)\d{2})[a-z]?(?=[);,])"
    r"|(?P<bauthor>[A-Z][A-Za-z\u00C0-\u024F'’\-]+)\s+\((?P<byear>(?:19|20)\d{2})[a-z]?\)"
    r"|(?P<xauthor>[A-Z][A-Za-z\u00C0-\u024F\-]+)(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?P<xyear>(?:19|20)\d{2})\b"
)
# Where a citation can start (a superset, tests/nlp/test_citation_scan.py): an opening bracket
# before a capital, or a capital opening a name that is followed by what every form of CITATION
# has after its author ("et al", "and ...", "& ...", a year, "(", "'s"). One character each, so a
# capital inside a name is a place too. It opens with a character class, which the regex engine
# skips to without trying the rest at every character.
CITATION_AT = re.compile(
    r"[A-Z(](?:(?<=\()(?=[A-Z])|(?<=[A-Z])(?=[A-Za-z\u00C0-\u024F'’\-]+"
    r"(?:(?:\s+[A-Z]\.?)?\s+(?:et\s|and\s|&\s)|,?\s+(?:19|20)\d\d|\s+\(|['’]s)))"
)
# "the 2019 pooled analysis by Mithoefer and colleagues": a year shortly before an author without one.
YEAR_BEFORE = re.compile(r"\b((?:19|20)\d{2})\b(?:(?!\b(?:19|20)\d{2}\b)[^.;])*$")


def _author_key(name: str) -> str:
    return fold(name).replace("'", "").replace("’", "").replace("-", "").strip()


# "published ... in the journal Nature", "appeared in the journal Science": the journal a text names
# for a study it describes. The word "journal" is required: a bare "in Nature" is often no citation.
JOURNAL_NAMED = re.compile(
    r"\bin (?:the )?(?:(?:medical|scientific|peer[- ]reviewed|prestigious) )?journal (?P<j>(?:The )?[A-Z][\w&-]*"
    r"(?: (?:of |and |for |in )?[A-Z][\w&-]*){0,5})")
# "published in Nature", "appeared in JAMA": without the word "journal", only names of well-known
# journals count (a bare "published in" is followed by months, places and outlets as often).
KNOWN_JOURNALS = ("Nature Medicine", "Nature", "Science", "JAMA Psychiatry", "JAMA", "The Lancet Psychiatry",
                  "Lancet Psychiatry", "The Lancet", "Lancet", "The New England Journal of Medicine",
                  "New England Journal of Medicine", "NEJM", "BMJ", "Psychopharmacology", "Neuropsychopharmacology",
                  "Scientific Reports", "The American Journal of Psychiatry", "American Journal of Psychiatry")
_TOLD_IN = ("published", "appeared", "appearing", "reported", "described")
KNOWN_JOURNAL_NAMED = re.compile(
    r"\b(?:" + "|".join(_TOLD_IN) + r") (?:\w+ ){0,2}?in (?P<j>"
    + "|".join(re.escape(j) for j in KNOWN_JOURNALS) + r")(?![\w-])")
PHASE_NAMED = re.compile(r"\bphase[- ]?(?P<p>3|iii|three|2|ii|two)\b", re.I)
PHASE_NUMBER = {"3": "3", "iii": "3", "three": "3", "2": "2", "ii": "2", "two": "2"}
_RUN = re.compile(r"[a-z0-9]+")
YEAR_ANY = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def _citation_matches(ctx: Context) -> list[re.Match[str]]:
    """`CITATION.finditer(text)`, tried only where CITATION_AT says a citation can start (the
    pattern, a branch opening with a look-behind, was tried at every character)."""
    return ctx.scan_where(CITATION, CITATION_AT, folded=False)


def _told_in_starts(text: str) -> list[int]:
    """Where KNOWN_JOURNAL_NAMED can start: wherever one of its verbs does."""
    return literal_starts(text, _TOLD_IN)


class CitationFinder:
    """Finds citations of known studies (mixed into Extractor)."""

    pack: Pack
    alias_study: dict[str, str]
    alias_re: re.Pattern[str] | None
    by_author: dict[str, list[tuple[int | None, str]]]
    by_phase: dict[str, list[str]]
    design_features: dict[str, Described]

    # -- citations and study aliases -------------------------------------------------------------
    def _citations(self, ctx: Context) -> list[Claim]:
        out: list[Claim] = []
        for m in _citation_matches(ctx):
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
            for m in self._alias_matches(ctx):
                if any(s <= m.start() < e for s, e in taken):
                    continue
                sid = self.alias_study[m.group(0)]
                out.append(Claim(type="citation", kind="citation", start=m.start(), end=m.end(),
                                 sentence=ctx.sentence_of(m.start()), studies=[sid],
                                 citation=ctx.text[m.start() : m.end()]))
        out.extend(self._journals_named(ctx, out))
        out.extend(journal_year_citations(ctx, self.pack, self.by_phase, out))
        out.extend(described_citations(ctx, self.design_features, out))
        out.sort(key=lambda c: c.start)
        for c in out:
            c.retraction_noted = _retraction_noted(ctx, c)
            _mark_figure_speech(ctx, c)
        return out

    def _alias_matches(self, ctx: Context) -> list[re.Match[str]]:
        """`alias_re.finditer(folded)`, tried only where one of the aliases the document holds
        starts (factcheck/nlp/numscan.py's `scan_at`): the alternation of every alias, behind a
        look-behind, was tried at every character of every document."""
        assert self.alias_re is not None
        folded, index = ctx.folded, ctx.literals()
        if "" in self.alias_study:  # an empty alias matches everywhere: scan_at needs non-empty matches
            return list(self.alias_re.finditer(folded))
        starts: set[int] = set()
        for alias, key in self._alias_keys():
            # The alias's longest word first: a look-up among the text's words, where the alias
            # itself (spaces, dots, a DOI) would be searched for in the whole text.
            if (key is None or index.has(key)) and index.has(alias):
                i = folded.find(alias)
                while i >= 0:
                    starts.add(i)
                    i = folded.find(alias, i + 1)
        return scan_at(self.alias_re, folded, sorted(starts))

    def _alias_keys(self) -> list[tuple[str, str | None]]:
        """Each alias with its longest run of [a-z0-9] (None when it has none), in alias order;
        worked out once per pack. An alias in the text puts that run in it too."""
        found: list[tuple[str, str | None]] | None = self.__dict__.get("_keyed_aliases")
        if found is None:
            found = [(a, max(runs, key=len) if (runs := _RUN.findall(a)) else None) for a in self.alias_study]
            self.__dict__["_keyed_aliases"] = found
        return found

    def _journals_named(self, ctx: Context, cited: list[Claim]) -> list[Claim]:
        """A journal named for a study, which the sentence cites or describes by phase and year
        ("In May 2021 it published phase-three results in the journal Nature")."""
        out: list[Claim] = []
        # (each pattern needs a word the text may lack: most documents are spared both scans)
        matches = list(JOURNAL_NAMED.finditer(ctx.text)) if "journal" in ctx.text else []
        if " in " in ctx.text and ("published" in ctx.text or "appear" in ctx.text or "reported" in ctx.text
                                   or "described" in ctx.text):
            # (opening with `\\b`, the pattern is tried only where one of its verbs starts)
            matches += ctx.scan_where(KNOWN_JOURNAL_NAMED, _told_in_starts, folded=False)
        seen: set[int] = set()
        for m in sorted(matches, key=lambda m: m.start("j")):
            if m.start("j") in seen:
                continue
            seen.add(m.start("j"))
            sent = ctx.sentence_of(m.start())
            studies = {sid for c in cited if c.sentence == sent and len(c.studies) == 1 for sid in c.studies}
            if not studies and (not self.pack.topic or ctx.names_topic(self.pack.topic)):
                # (a phase and a year name this pack's studies only on a page about its topic:
                # "MDMA trials published in Nature Medicine in 2023" are no GLP-1 trial of 2023)
                studies = self._by_phase_and_year(ctx, sent)
            if not studies:
                continue
            journals = {self.pack.studies[sid].journal for sid in studies}
            if len(studies) > 1 and (len(journals) != 1 or None in journals):
                continue  # which of the phase's studies is meant decides the journal
            out.append(Claim(type="citation", kind="citation", start=m.start("j"), end=m.end("j"), sentence=sent,
                             studies=sorted(studies), citation=m.group("j"), journal=m.group("j")))
        return out

    def _by_phase_and_year(self, ctx: Context, sent: tuple[int, int]) -> set[str]:
        """The phase's studies of the year the sentence names; with no year, all the phase's studies
        (the caller keeps them only when they share one journal). The phase may be named in the
        sentence or the one after it ("... a study in the journal Nature. The leaders of the
        clinical trial (phase 3) say ...")."""
        phases = {PHASE_NUMBER[p.group("p").lower()] for p in PHASE_NAMED.finditer(ctx.text, sent[0], sent[1])}
        if not phases:
            nxt = ctx.sentence_of(sent[1]) if sent[1] < len(ctx.text) else None
            if nxt is not None and nxt != sent:
                phases = {PHASE_NUMBER[p.group("p").lower()] for p in PHASE_NAMED.finditer(ctx.text, nxt[0], nxt[1])}
        if len(phases) != 1:
            return set()
        years = {int(y) for y in YEAR_ANY.findall(ctx.text, sent[0], sent[1])}
        studies = set(self.by_phase.get(phases.pop(), []))
        if years:
            studies = {sid for sid in studies if self.pack.studies[sid].year in years}
        return studies
