"""Claim extraction over one tokenised document: pack rules, figures, citations.

Work is kept proportional to what can match: a rule is tried only on sentences that contain one of
its trigger strings (found with `str.find` on the folded text), and figures only where a digit or
number word sits next to a unit. All regexes run on the folded text, which has the same length as
the prose, so offsets need no mapping until whitespace is collapsed for rule patterns.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factcheck.knowledge.model import Pack, Rule
from factcheck.nlp.claims import Claim
from factcheck.nlp.normalize import collapse, fold
from factcheck.nlp.numbers import APPROX, APPROX_RE, FRACTIONS, NUM, RANGE_SEP, to_number

# -- generic English cues (domain words live in the pack's lexicon) ----------------------------
NEGATION = re.compile(
    r"\b(?:not|never|no longer|no|cannot|nor|neither|without|yet to|far from|fail(?:ed|s)? to|"
    r"declin(?:ed|es|ing) to|refus(?:ed|es) to|rather than|instead of|unlikely|won't|isn't|wasn't|"
    r"aren't|hasn't|haven't|hadn't|doesn't|didn't|won't|wouldn't)\b|n't\b"
)
CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|\b(?:but|although|though|while|whereas|however|yet|and)\b| - ")
ATTRIBUTION = re.compile(
    r"\b(?:says?|said|claim(?:s|ed)?|argue[sd]?|told|according to|predict(?:s|ed)?|insist(?:s|ed)?|"
    r"wrote|writes|stated?|states|believe[sd]?|hope[sd]?|touted|asserted|maintain(?:s|ed)?)\b"
)
HEDGE = re.compile(r"\b(?:may|might|could|possibly|perhaps|potentially|likely)\b")
QUOTE_CHARS = '"'

PERCENT = re.compile(
    rf"(?:\b(?P<approx>{APPROX_RE})\s+)?(?P<a>(?<![\d.])\d+(?:\.\d+)?)(?:\s*(?:-|to)\s*(?P<b>\d+(?:\.\d+)?))?\s?(?:%|\s?percent\b|\s?per cent\b)"
)
FRACTION = re.compile(r"\b(?P<f>" + "|".join(sorted((re.escape(f) for f in FRACTIONS), key=len, reverse=True)) + r")\s+(?:of|the)\b")
AMOUNT = re.compile(
    rf"(?:\b(?P<approx>{APPROX_RE})\s+)?(?<![\w.])(?P<a>{NUM})(?:{RANGE_SEP}(?P<b>{NUM}))?\s*-?\s*"
    r"(?P<unit>mg/kg|mg per kg|milligrams? per kilogram|mg\b|milligrams?\b|hours?\b|hrs?\b|minutes?\b|mins?\b|weeks?\b|months?\b)"
)
SAMPLE = re.compile(
    rf"\bn\s*=\s*(?P<n>\d+)\b|(?<![\w.%])(?P<a>{NUM})\s+(?:(?:adult|military|us|u\.s\.|american|israeli|eligible|"
    r"randomi[sz]ed|enrolled|treatment-resistant|severe|chronic|ptsd|new|veteran)\s+){0,3}"
    r"(?:participants|patients|people|subjects|volunteers|individuals|adults|veterans|couples|dyads)\b"
)
SESSIONS = re.compile(rf"(?<![\w.])(?P<a>{NUM})\s+(?P<mid>(?:[\w'-]+\s+){{0,3}}?)sessions?\b")
PHASE = re.compile(r"\bphase[- ]?(?P<p>3|iii|three|2|ii|two|1|i)\b")
CITATION = re.compile(
    r"(?P<author>[A-Z][A-Za-z\u00C0-\u024F'’\-]+)(?:\s+[A-Z]\.?)?\s+(?:et\s+al\.?|and\s+colleagues|&\s+[A-Z][\w'’\-]+|and\s+[A-Z][\w'’\-]+)"
    r"\s*,?\s*\(?\s*(?P<year>(?:19|20)\d{2})?(?!\d)"
    r"|\((?P<pauthor>[A-Z][A-Za-z\u00C0-\u024F'’\-]+)(?:\s+et\s+al\.?|\s+and\s+colleagues|\s+&\s+[A-Z][\w'’\-]+)?,?\s+(?P<pyear>(?:19|20)\d{2})[a-z]?\)"
)
UNIT_OF = {"mg": "mg", "milligram": "mg", "milligrams": "mg", "mg/kg": "mg/kg", "mg per kg": "mg/kg",
           "milligram per kilogram": "mg/kg", "milligrams per kilogram": "mg/kg", "hour": "hours", "hours": "hours",
           "hr": "hours", "hrs": "hours", "minute": "minutes", "minutes": "minutes", "min": "minutes",
           "mins": "minutes", "week": "weeks", "weeks": "weeks", "month": "months", "months": "months"}
PHASE_OF = {"3": "3", "iii": "3", "three": "3", "2": "2", "ii": "2", "two": "2", "1": "1", "i": "1", "one": "1"}
QUANTITY_UNIT_ALIASES = {"mg": ("mg",), "mg/kg": ("mg/kg",)}


@dataclass
class Context:
    """One document's text and structure, as the extractor sees it."""

    text: str
    folded: str
    sent_starts: list[int]
    paragraphs: list[int]

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


class Extractor:
    """Turns a document's text into Claims using the compiled pack. Built once per process."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.rules = list(pack.rules.values())
        # Aliases and author names, folded, for citation and study attachment.
        self.aliases: list[tuple[str, re.Pattern[str], str]] = []
        for study in pack.studies.values():
            for alias in study.aliases:
                a = fold(alias)
                self.aliases.append((a.split()[0] if a.split() else a, re.compile(r"(?<!\w)" + re.escape(a) + r"(?!\w)"), study.id))
        self.by_author: dict[str, list[tuple[int | None, str]]] = {}
        for study in pack.studies.values():
            if study.author:
                self.by_author.setdefault(_author_key(study.author), []).append((study.year, study.id))
        self.by_phase: dict[str, list[str]] = {}
        for study in pack.studies.values():
            if study.phase:
                self.by_phase.setdefault(PHASE_OF.get(str(study.phase).lower(), str(study.phase)), []).append(study.id)
        self.units: dict[str, list] = {}
        for q in pack.quantities.values():
            self.units.setdefault(q.unit, []).append(q)

    # ------------------------------------------------------------------------------------------
    def extract(self, ctx: Context) -> list[Claim]:
        if self.pack.topic and not any(t.search(ctx.folded) for t in self.pack.topic):
            in_domain = False
        else:
            in_domain = True
        claims: list[Claim] = []
        claims.extend(self._rules(ctx, in_domain))
        if in_domain:
            citations = self._citations(ctx)
            claims.extend(citations)
            claims.extend(self._figures(ctx, citations))
        return claims

    # -- pack rules ----------------------------------------------------------------------------
    def _rules(self, ctx: Context, in_domain: bool) -> list[Claim]:
        out: list[Claim] = []
        folded = ctx.folded
        collapsed_cache: dict[tuple[int, int], tuple[str, list[int]]] = {}
        for rule in self.rules:
            if not rule.context and not in_domain:
                continue
            sentences = self._candidate_sentences(rule, ctx)
            for sent in sentences:
                if sent not in collapsed_cache:
                    collapsed_cache[sent] = collapse(folded[sent[0] : sent[1]], sent[0])
                norm, offsets = collapsed_cache[sent]
                out.extend(self._match_rule(rule, ctx, sent, norm, offsets))
        return out

    def _candidate_sentences(self, rule: Rule, ctx: Context) -> list[tuple[int, int]]:
        folded = ctx.folded
        if rule.triggers is None:
            starts = ctx.sent_starts or [0]
            return [ctx.sentence_of(s) for s in starts]
        found: set[tuple[int, int]] = set()
        for trig in rule.triggers:
            i = folded.find(trig)
            while i >= 0:
                sent = ctx.sentence_of(i)
                found.add(sent)
                i = folded.find(trig, sent[1])
        return sorted(found)

    def _match_rule(self, rule: Rule, ctx: Context, sent: tuple[int, int], norm: str, offsets: list[int]) -> list[Claim]:
        out: list[Claim] = []
        seen: set[tuple[int, int]] = set()
        for pattern in rule.patterns:
            for m in pattern.finditer(norm):
                if m.end() == m.start():
                    continue
                s, e = (m.span("span") if "span" in pattern.groupindex and m.group("span") is not None else m.span())
                if (s, e) in seen:
                    continue
                if any(u.search(norm) for u in rule.unless):
                    return out
                if rule.context and not self._context_ok(rule, ctx, sent, norm):
                    continue
                negated = rule.negatable and _negated(norm, s)
                if negated:
                    continue
                seen.add((s, e))
                start, end = offsets[s], offsets[e - 1] + 1
                claim = Claim(type="rule", kind=rule.kind, start=start, end=end, sentence=sent, rule=rule)
                _mark_speech(claim, norm, s, e, ctx, sent)
                out.append(claim)
        return out

    def _context_ok(self, rule: Rule, ctx: Context, sent: tuple[int, int], norm: str) -> bool:
        if rule.context_scope == "sentence":
            scope = norm
        elif rule.context_scope == "paragraph":
            p = ctx.paragraph_of(sent[0])
            scope = ctx.folded[p[0] : p[1]]
        else:
            scope = ctx.folded
        return any(c.search(scope) for c in rule.context)

    # -- citations and study aliases -------------------------------------------------------------
    def _citations(self, ctx: Context) -> list[Claim]:
        out: list[Claim] = []
        for m in CITATION.finditer(ctx.text):
            author = m.group("author") or m.group("pauthor")
            year = m.group("year") or m.group("pyear")
            entries = self.by_author.get(_author_key(author), [])
            if year:
                studies = [sid for y, sid in entries if y == int(year)]
            else:
                studies = [sid for _y, sid in entries]
            end = m.end()
            while end > m.start() and ctx.text[end - 1] in " \t\n,(":
                end -= 1
            if not studies and not year:
                continue
            out.append(Claim(type="citation", kind="citation", start=m.start(), end=end,
                             sentence=ctx.sentence_of(m.start()), studies=studies,
                             citation=" ".join(ctx.text[m.start() : end].split())))
        for first, pattern, sid in self.aliases:
            if first not in ctx.folded:
                continue
            for m in pattern.finditer(ctx.folded):
                if any(c.start <= m.start() < c.end for c in out):
                    continue
                out.append(Claim(type="citation", kind="citation", start=m.start(), end=m.end(),
                                 sentence=ctx.sentence_of(m.start()), studies=[sid],
                                 citation=ctx.text[m.start() : m.end()]))
        out.sort(key=lambda c: c.start)
        return out

    # -- figures ---------------------------------------------------------------------------------
    def _figures(self, ctx: Context, citations: list[Claim]) -> list[Claim]:
        folded = ctx.folded
        out: list[Claim] = []
        taken: list[tuple[int, int]] = []
        cite_starts = [c.start for c in citations]

        def add(claim: Claim) -> None:
            if claim.quantity is None:
                return
            self._attach(claim, ctx, citations, cite_starts)
            out.append(claim)
            taken.append((claim.start, claim.end))

        for m in PERCENT.finditer(folded):
            a = float(m.group("a"))
            b = float(m.group("b")) if m.group("b") else a
            approx = APPROX.get(m.group("approx") or "", (0.0, 0.0))
            start = m.start("a") if not m.group("approx") else m.start()
            if a > 100 and not m.group("b"):
                out.extend(self._glued(ctx, m, citations, cite_starts))
                continue
            claim = self._figure(ctx, start, m.end(), "percent", a, b, approx)
            add(claim)
        for m in FRACTION.finditer(folded):
            v = FRACTIONS[m.group("f")]
            claim = self._figure(ctx, m.start(), m.end("f"), "percent", v, v, (-1.5, 1.5))
            add(claim)
        for m in AMOUNT.finditer(folded):
            a, b = to_number(m.group("a")), to_number(m.group("b")) if m.group("b") else None
            if a is None:
                continue
            unit = UNIT_OF.get(m.group("unit"), m.group("unit"))
            start = m.start("a") if not m.group("approx") else m.start()
            approx = APPROX.get(m.group("approx") or "", (0.0, 0.0))
            add(self._figure(ctx, start, m.end(), unit, a, b if b is not None else a, approx))
        for m in SAMPLE.finditer(folded):
            n = to_number(m.group("n") or m.group("a") or "")
            if n is None or n < 2:
                continue
            claim = self._figure(ctx, m.start(), m.end(), "count", n, n, (0.0, 0.0))
            claim.quantity = "sample-size" if "sample-size" in self.pack.quantities else claim.quantity
            add(claim)
        for m in SESSIONS.finditer(folded):
            n = to_number(m.group("a"))
            if n is None:
                continue
            claim = self._figure(ctx, m.start(), m.end(), "sessions", n, n, (0.0, 0.0), cue_window=(m.start("mid"), m.end()))
            add(claim)
        return out

    def _figure(self, ctx: Context, start: int, end: int, unit: str, low: float, high: float,
                approx: tuple[float, float], cue_window: tuple[int, int] | None = None) -> Claim:
        sent = ctx.sentence_of(start)
        claim = Claim(type="figure", kind=_kind_for(unit), start=start, end=end, sentence=sent, unit=unit,
                      low=min(low, high), high=max(low, high), approx=approx)
        claim.quantity = self._quantity(ctx, claim, cue_window)
        claim.arm = self._arm(ctx, claim)
        return claim

    def _quantity(self, ctx: Context, claim: Claim, cue_window: tuple[int, int] | None) -> str | None:
        candidates = self.units.get(claim.unit or "", [])
        if not candidates:
            return None
        if len(candidates) == 1 and claim.unit in ("mg", "mg/kg"):
            return candidates[0].id
        folded = ctx.folded
        if cue_window is not None:
            # Session counts: the type words stand between the number and "sessions".
            lo, hi = cue_window
            region, base, limit = folded[lo : min(hi + 40, claim.sentence[1])], lo, hi
        else:
            lo, hi = _clause(folded, claim.sentence, claim.start, claim.end)
            region, base, limit = folded[lo:hi], lo, hi
        best: tuple[int, int, str] | None = None
        for q in candidates:
            for cue in q.cues:
                for m in cue.finditer(region):
                    pos = base + m.start()
                    if cue_window is not None and pos >= limit - len("sessions"):
                        continue
                    length = m.end() - m.start()
                    dist = abs(pos - claim.start)
                    key = (length, -dist, q.id)
                    if best is None or key[:2] > best[:2]:
                        best = key
        return best[2] if best else None

    def _arm(self, ctx: Context, claim: Claim) -> str | None:
        if not self.pack.arms:
            return None
        lo, hi = _clause(ctx.folded, claim.sentence, claim.start, claim.end, wide=True)
        region = ctx.folded[lo:hi]
        best: tuple[int, str] | None = None
        for arm, cues in self.pack.arms.items():
            for cue in cues:
                for m in cue.finditer(region):
                    pos = lo + m.start()
                    dist = claim.end - pos if pos < claim.start else pos - claim.end
                    # A cue after a figure counts only in the same parenthesis or just after it.
                    if pos >= claim.end and dist > 40:
                        continue
                    if best is None or abs(dist) < best[0]:
                        best = (abs(dist), arm)
        return best[1] if best else None

    def _attach(self, claim: Claim, ctx: Context, citations: list[Claim], cite_starts: list[int]) -> None:
        """Which study a figure belongs to: citation in the sentence, the previous one, the paragraph."""
        s0, s1 = claim.sentence
        in_sentence = [c for c in citations if s0 <= c.start < s1 and c.studies]
        if in_sentence:
            before = [c for c in in_sentence if c.start <= claim.start]
            pick = before[-1] if before else in_sentence[0]
            claim.studies, claim.study_how, claim.citation = list(pick.studies), "sentence", pick.citation
            return
        prev = ctx.previous_sentence(claim.start)
        if prev:
            p_c = [c for c in citations if prev[0] <= c.start < prev[1] and c.studies]
            if p_c:
                claim.studies, claim.study_how, claim.citation = list(p_c[-1].studies), "previous sentence", p_c[-1].citation
                return
        p0, _p1 = ctx.paragraph_of(claim.start)
        para = [c for c in citations if p0 <= c.start < claim.start and c.studies]
        if para:
            claim.studies, claim.study_how, claim.citation = list(para[-1].studies), "paragraph", para[-1].citation
            return
        phases = list(PHASE.finditer(ctx.folded, s0, s1))
        if phases:
            m = phases[-1]
            phase = PHASE_OF[m.group("p")]
            claim.phase = phase
            if phase in self.by_phase:
                claim.studies, claim.study_how = list(self.by_phase[phase]), "phase"

    def _glued(self, ctx: Context, m: re.Match[str], citations: list[Claim], cite_starts: list[int]) -> list[Claim]:
        """A flattened table glues a count to a percentage ("10471.2%" = 104 and 71.2%).
        Split it only where both halves agree with one study in the database."""
        digits = m.group("a")
        whole, _, frac = digits.partition(".")
        start = m.start("a")
        probe = Claim(type="figure", kind="trial-statistic", start=start, end=m.end(), sentence=ctx.sentence_of(start))
        self._attach(probe, ctx, citations, cite_starts)
        studies = probe.studies or list(self.pack.studies)
        for k in range(1, len(whole)):
            if whole[k] == "0":
                continue
            n = float(whole[:k])
            pct = float(whole[k:] + ("." + frac if frac else ""))
            if pct > 100:
                continue
            for sid in studies:
                st = self.pack.studies[sid]
                if st.n is not None and st.n == n and any(v.unit == "percent" and v.matches(pct, pct) for v in st.values):
                    row = ctx.text[start : m.end()]
                    cut = start + k
                    n_claim = Claim(type="figure", kind="trial-statistic", start=start, end=cut, sentence=probe.sentence,
                                    unit="count", low=n, high=n, quantity="sample-size", studies=[sid], study_how="table row",
                                    citation=probe.citation)
                    p_claim = self._figure(ctx, cut, m.end(), "percent", pct, pct, (0.0, 0.0))
                    p_claim.studies, p_claim.study_how, p_claim.citation = [sid], "table row", probe.citation
                    if p_claim.quantity is None:
                        # The table header named the measure; use the study's value for this number.
                        p_claim.quantity = next(v.quantity for v in st.values if v.unit == "percent" and v.matches(pct, pct))
                    del row
                    return [n_claim, p_claim]
        return []


def _author_key(name: str) -> str:
    return fold(name).replace("'", "").replace("-", "").strip()


def _kind_for(unit: str) -> str:
    if unit in ("mg", "mg/kg"):
        return "dose"
    if unit in ("sessions", "hours", "minutes", "weeks", "months"):
        return "protocol"
    return "trial-statistic"


def _clause(folded: str, sent: tuple[int, int], start: int, end: int, wide: bool = False) -> tuple[int, int]:
    """The clause around [start, end): bounded by ; or sentence ends (and commas unless wide)."""
    stops = ";"
    lo = sent[0]
    for i in range(start - 1, sent[0] - 1, -1):
        if folded[i] in stops:
            lo = i + 1
            break
    hi = sent[1]
    for i in range(end, sent[1]):
        if folded[i] in stops:
            hi = i
            break
    return lo, hi


def _negated(norm: str, span_start: int) -> bool:
    """A negation cue before the span, in the same clause and within a few words of it."""
    window_start = max(0, span_start - 60)
    head = norm[window_start:span_start]
    cut = 0
    for m in CLAUSE_BREAK.finditer(head):
        cut = m.end()
    return bool(NEGATION.search(head[cut:]))


def _mark_speech(claim: Claim, norm: str, s: int, e: int, ctx: Context, sent: tuple[int, int]) -> None:
    """Questions, reported speech and quotations are not the article's own assertions."""
    sentence = norm.strip()
    claim.question = sentence.endswith("?") or sentence.rstrip("\"' )").endswith("?")
    before = norm[:s]
    claim.attributed = bool(ATTRIBUTION.search(norm)) or before.count('"') % 2 == 1
    claim.hedged = bool(HEDGE.search(before[-40:]))
