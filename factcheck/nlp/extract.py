"""Claim extraction over one tokenised document: pack rules, figures, citations.

Work is kept proportional to what can match: a rule is tried only on sentences that contain one of
its trigger strings (found with `str.find` on the folded text), and figures only where a digit or
number word sits next to a unit. All regexes run on the folded text, which has the same length as
the prose, so offsets need no mapping until whitespace is collapsed for rule patterns.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from factcheck.knowledge.model import Frame, Pack, Rule
from factcheck.knowledge.notes import dose_role_near, dose_role_of_note  # noqa: F401 (re-exported)
from factcheck.nlp.claims import Claim
from factcheck.nlp.normalize import collapse, fold
from factcheck.knowledge.numbers import (
    APPROX,
    APPROX_RE,
    FRACTIONS,
    NUM,
    RANGE_SEP,
    WORD_NUM,
    find_timepoint,
    parse_timepoint,
    split_glued,
    to_number,
)

# -- generic English cues (domain words live in the pack's lexicon) ----------------------------
NEGATION = re.compile(
    r"\b(?:not|never|no longer|no|cannot|nor|neither|without|yet to|far from|fail(?:ed|s)? to|"
    r"declin(?:ed|es|ing) to|refus(?:ed|es) to|rather than|instead of|unlikely|won't|isn't|wasn't|"
    r"aren't|hasn't|haven't|hadn't|doesn't|didn't|won't|wouldn't)\b|n't\b"
)
PLAIN_NOT = re.compile(r"\b(?:not|never)\b|n't\b")
# "yet" breaks a clause only as a conjunction (", yet"), not in "has not yet".
CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|\b(?:but|although|though|while|whereas|however|and)\b| - ")
# Reporting verbs. Not "states" (the United States) nor "expected" (a prediction the text makes itself).
REPORTING = re.compile(
    r"\b(?:says?|said|saying|claim(?:s|ed|ing)?|argue[sd]?|arguing|told|tells|predict(?:s|ed|ing)?|insist(?:s|ed|ing)?|"
    r"wrote|writes|stated|believe[sd]?|hope[sd]?|touted|touts|assert(?:s|ed)|maintain(?:s|ed)|contend(?:s|ed)|"
    r"suggest(?:s|ed)|announced|promised|promises|think|thinks|thought|estimated|estimates|reckons?|"
    r"declared|boasted|warned|cautioned|noted|added|explained|remarked|quipped)\b"
)
# A relative clause ("..., who has promised a resubmission") reports nothing about the main clause.
TRAILING_REPORT = re.compile(r"[^;]*?[,\"]\s*(?!(?:who|whom|whose|which|that|and|but)\b)(?:[\w.'-]+\s+){0,5}?" + REPORTING.pattern + r"(?:\s+[\w.'-]+){0,4}\s*[.!\"]*\s*$")
SUBORDINATE = re.compile(r"\b(?:after|when|since|before|because|although|though|while|once|until|if|whereas)\b")
ACCORDING = re.compile(r"\baccording to\b|\bin the (?:words|view|opinion) of\b")
# Reported speech whose subject is the press or other people, not a study: "some outlets reported
# that 88% ..." ("the trial reported 67%" is the study's own result, which the text asserts).
MEDIA_REPORT = re.compile(
    r"\b(?:outlets?|media|headlines?|newspapers?|press|journalists?|reporters?|articles?|websites?|blogs?|"
    r"commentators?|pundits|posts?|tabloids?|coverage|stories|some|others|many)\b"
    r"(?:(?!\b(?:trials?|study|studies|analysis|analyses|paper|researchers|authors|investigators)\b)[^;.,])*?"
    r"\b(?:report(?:ed|ing)|reports\s+that)\b"
)
# Meta statements: the sentence names an error or myth, it does not assert it ("a common error is
# to say ...", "it is wrong to say that ...", "contrary to claims that ...").
META_ERROR = re.compile(
    r"\b(?:a|an|one|the)\s+(?:[\w-]+\s+){0,2}?(?:error|mistake|myth|misconception|misunderstanding|misreading|"
    r"misstatement|falsehood)s?\s+(?:is|was|are)\s*(?::|to\s+[\w-]+|that)"
    r"|\b(?:it\s+is|it's|it\s+was)\s+(?:\w+\s+)?(?:wrong|false|incorrect|untrue|misleading|a\s+myth|a\s+mistake|"
    r"an\s+error)\s+(?:to\s+(?:say|claim|write|think|suggest|assume|report|believe|state)|that)\b"
    r"|\b(?:myth|misconception|false claim|error)\s*:"
)
CONTRARY = re.compile(r"\bcontrary\s+to\b")
FIRST_PERSON = re.compile(r"\b(?:i|we)\s+(?:\w+\s+)?$")
HEDGE = re.compile(r"\b(?:may|might|could|possibly|perhaps|potentially|likely)\b")
# An explicit past anchor at the start of a clause: "In 2023, ...", "Back in March 2022 ...".
DATED = re.compile(
    r"(?:^|[,;:(]\s*)(?:back\s+)?(?:in|during|as of|at the (?:start|end) of)\s+"
    r"(?:(?:early|late|mid-?|the (?:spring|summer|autumn|fall|winter) of|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|spring|summer|autumn|fall|winter)\s+)?(?P<year>(?:19|20)\d{2})\b(?!\s*(?:-|to)\s*\d)"
)
# Time words read against the page's date (or, undated, left unplaced).
RELATIVE_TIME = re.compile(
    r"\b(?:later this year|this year|next year|last year|this month|next month|last month|"
    r"(?:by |before |near |towards? |at )?the end of (?:the|this) year|within the year|"
    r"this (?:spring|summer|autumn|fall|winter)|next (?:spring|summer|autumn|fall|winter)|"
    r"recently|currently|soon|now|today|at present|so far|to date|yet)\b"
)
# Words after which a number is a label, not a count ("Phase 3 participants", "Table 2 patients").
LABEL_WORD = re.compile(r"(?:phase|stage|table|figure|schedule|study|trial|cohort|group|part|step|level|grade)[ -]$")
# The label check runs on matches only (see _is_label): lookbehinds at every position cost.

# Patterns start with what is cheapest to reject (a digit, a word start); an approximation before
# a figure ("nearly 70%") is read afterwards from the few characters before it.
PERCENT = re.compile(
    r"(?P<a>(?<![\d.])\d+(?:\.\d+)?)(?:\s*(?:-|to)\s*(?P<b>\d+(?:\.\d+)?))?\s?(?:%|\s?percent\b|\s?per cent\b)"
)
PERCENT_WORDS = re.compile(
    rf"\b(?P<a>{WORD_NUM})\s+(?:percent|per cent)\b"
)
FRACTION = re.compile(
    r"\b(?P<f>"
    + "|".join(sorted((re.escape(f) for f in FRACTIONS), key=len, reverse=True))
    + r")\s+(?:of|the)\b"
)
# "10 of 12 participants", "nine out of ten patients"
SHARE = re.compile(
    rf"(?<![\w.])(?P<a>{NUM})\s+(?:of|out of|in)\s+(?:the\s+|all\s+)?(?P<b>{NUM})\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:participants|patients|people|subjects|volunteers|veterans|adults)\b"
)
AMOUNT = re.compile(
    rf"(?<![\w.])(?P<a>{NUM})(?:\s*(?:±|\+/-|\+-)\s*(?P<sd>\d+(?:\.\d+)?))?(?:{RANGE_SEP}(?P<b>{NUM}))?\s*-?\s*"
    r"(?P<unit>mg/kg|mg per kg|milligrams? per kilogram|mg\b|milligrams?\b|hours?\b|hrs?\b|h\b|minutes?\b|mins?\b|weeks?\b|months?\b)"
)
SAMPLE = re.compile(
    rf"\bn\s*=\s*(?P<n>\d+)\b|(?<![\w.%])(?P<a>{NUM})\s+(?:(?:adult|military|us|u\.s\.|american|israeli|eligible|"
    r"randomi[sz]ed|enrolled|treatment-resistant|severe|chronic|ptsd|new|veteran|more|other|additional)\s+){0,3}"
    r"(?:participants|patients|people|subjects|volunteers|individuals|adults|veterans|couples|dyads)\b"
)
SITES = re.compile(rf"(?<![\w.%])(?P<a>{NUM})\s+(?:[\w-]+\s+){{0,2}}?(?:sites?|clinics|centers|centres|locations)\b")
# Words between the count and "sessions" (or "appointments") name the type; a unit there ("125 mg
# per session") means it is no count, and a number there is the count ("14 people two sessions").
SESSIONS = re.compile(
    rf"(?<![\w.])(?P<a>{NUM})\s+(?P<mid>(?:(?!(?:mg|milligrams?|hours?|minutes?|per|a|an|each|every|of)\b|(?:{WORD_NUM}|\d[\d.,]*)\s)[\w'-]+\s+){{0,3}}?)"
    r"(?:sessions?|appointments?)\b"
)
EFFECT = re.compile(
    r"(?:\b(?:cohen'?s\s+)?(?<![\w'])d|\bhedges'?\s+g)\s*(?:=|:|of|was|is)\s*(?P<a>-?\d*\.\d+|\d+)(?![\d.]*\s*%)"
    r"|\beffect sizes?\s+(?:(?:\(?(?:cohen'?s\s+)?d\)?|was|were|of|is|=|:|around|about|approximately|roughly|nearly|only|"
    r"just|a|an|large|moderate|small|very|between-group|within-group|the same)\s*){1,4}(?P<e>\d*\.\d+|\d+)(?![\d.]*\s*%)"
)
POINTS = re.compile(rf"(?<![\w.])(?P<a>-?{NUM})[- ]?points?\b")
PHASE = re.compile(r"\bphase[- ]?(?P<p>3|iii|three|2|ii|two|1|i)\b")
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
UNIT_OF = {"mg": "mg", "milligram": "mg", "milligrams": "mg", "mg/kg": "mg/kg", "mg per kg": "mg/kg",
           "milligram per kilogram": "mg/kg", "milligrams per kilogram": "mg/kg", "hour": "hours", "hours": "hours",
           "hr": "hours", "hrs": "hours", "h": "hours", "minute": "minutes", "minutes": "minutes", "min": "minutes",
           "mins": "minutes", "week": "weeks", "weeks": "weeks", "month": "months", "months": "months"}
PHASE_OF = {"3": "3", "iii": "3", "three": "3", "2": "2", "ii": "2", "two": "2", "1": "1", "i": "1", "one": "1"}
# Units one can be read as the other, with the factor from the first to the second.
CONVERT = {("hours", "minutes"): 60.0, ("minutes", "hours"): 1 / 60, ("weeks", "months"): 12 / 52, ("months", "weeks"): 52 / 12}
TABLE_LOOKBACK = 3
CELL_LOOKBACK = 8
# A row: tab- or pipe-separated cells, or (Markdown tables as the parser blanks them) an indented
# line of cells separated by runs of spaces.
TABLE_ROW = re.compile(r"^(?:[^\n]*(?:\t|\|[^\n]*\|)[^\n]*| +\S[^\n]*?\S {2,}\S[^\n]*?\S {2,}\S[^\n]*)$", re.M)
_SPACE_CELL = re.compile(r"[^ \n](?:[^ \n]| (?! ))*")
TABLE_RULE = re.compile(r"[\s|:\-]+")
NUMERIC_CELL = re.compile(r"\s*(?P<n>\d+(?:\.\d+)?)\s?(?P<pct>%)?\s*")
COUNT_HEADER = re.compile(r"\b(?:n|participants|patients|people|subjects|sample(?: size)?|enrolled|randomi[sz]ed)\b")  # cells above a bare table cell that may hold its column header
TIME_POINT_AFTER = re.compile(r"\s+(?:after|later|post|following|before|from|since|ago|earlier|apart|into)\b")
FRACTION_HINT = re.compile(r"half|third|quarter| in (?:ten|three|five)| out of ")
SITES_HINT = re.compile(r"\bsites?\b|clinics|cent(?:er|re)s|locations")
LIST_BREAK = re.compile(r"[,;]|\band\b")
TAIL_END = re.compile(r"[,;]|\s(?:vs\.?|versus|compared|and|while|whereas|against|but|than)\b")
# A sentence that opens by pointing back at a figure ("That outcome was measured ...", "These
# results came a year after ...").
ANAPHOR = re.compile(
    r"(?:that|this|these|those|the|both|all)\s+(?:(?:primary|main|headline|\w+-week)\s+)?(?:outcome|result|figure|finding|"
    r"number|rate|endpoint|measurement|response|percentage|benefit|effect)s?\b(?:\s+(?:\w+\s+){0,3}?"
    r"(?:was|were|is|are|came|comes|had been|has been|held|applied|refer\w*))\b"
)
ANAPHOR_LOOKBACK = 2
# Between the pointer and the time point, words that hand the time point to something else.
ANAPHOR_BREAK = re.compile(r"[;:]|\b(?:which|who|whom|whose|than|unlike|compared|whereas|while|but|other|another|earlier|previous)\b")
# A sentence that names a study, a year or a contrast of its own ("Earlier, the pilot enrolled 20
# people") does not take the phase of the sentence before.
OWN_STUDY_CUE = re.compile(
    r"\b(?:pilot|trials?|stud(?:y|ies)|analys[ie]s|experiments?|(?:19|20)\d{2}|earlier|previously|before that|"
    r"by contrast|in contrast|unlike|meanwhile|separately)\b"
)
# Approximation words widen percentages and score points by the table's points; other units in
# proportion, the table's 3 points ("about") standing for 10% of the figure.
ABSOLUTE_APPROX_UNITS = {"percent", "points"}
APPROX_PER_TEN_PERCENT = 3.0
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# A sentence that introduces another study with an indefinite phrase ("A pilot of couples therapy",
# "Another small trial"): its figures do not belong to the study the text named before.
NEW_STUDY = re.compile(
    r"[\s*_#>-]*(?:(?:meanwhile|separately|elsewhere|in addition|also|and|but),?\s+)?"
    r"(?:a|an|another|one|a second|a third|a separate|a different)\s+(?:[\w-]+\s+){0,3}?(?:pilot|trial|study|experiment)\b"
)
# The parts of a frame must not be split by a clause that turns the sense ("approval was expected;
# instead the FDA ...", "close, but ...").
FRAME_BARRIER = re.compile(r"[;?!]|\b(?:but|however|although|though|whereas|instead|yet)\b| - ")
RETRACTION_NOTED = re.compile(r"\bretract\w*|\bwithdrawn\b")  # rows above a table row that may hold its header


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
        # Typed rules without patterns are matched by factcheck/kinds, not here.
        self.rules = [r for r in pack.rules.values() if r.patterns or r.frame]
        self.rule_triggers: dict[str, frozenset[str]] = {r.id: frozenset(r.triggers or ()) for r in self.rules}
        self.all_triggers: frozenset[str] = frozenset().union(*self.rule_triggers.values()) if self.rules else frozenset()
        # All aliases in one pattern, longest first, so the text is scanned once.
        self.alias_study: dict[str, str] = {}
        for study in pack.studies.values():
            # A DOI or a registry number names a study as surely as its trial name.
            for alias in [*study.aliases, study.doi or "", study.registry or ""]:
                if alias:
                    self.alias_study.setdefault(" ".join(fold(alias).split()), study.id)
        names = sorted(self.alias_study, key=len, reverse=True)
        self.alias_re = (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in names) + r")(?!\w)")
                         if names else None)
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
        citations = self._citations(ctx)
        # A document is about the pack's topic when it names it, or cites a study the pack knows
        # (a table of "Mitchell et al. 2021" rows need not say "MDMA").
        in_domain = (not self.pack.topic or any(t.search(ctx.folded) for t in self.pack.topic)
                     or any(c.studies for c in citations))
        claims: list[Claim] = []
        claims.extend(self._rules(ctx, in_domain))
        if in_domain:
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
        # A frame is the fallback: where another rule's pattern already flags the words, it adds
        # only a second message on them.
        patterned = [(c.start, c.end, c.rule) for c in out if not c.by_frame]
        return [c for c in out if not c.by_frame
                or not any(s < c.end and c.start < e and r is not c.rule for s, e, r in patterned)]

    def _candidate_sentences(self, rule: Rule, ctx: Context) -> list[tuple[int, int]]:
        folded = ctx.folded
        if rule.triggers is None:
            starts = ctx.sent_starts or [0]
            return [ctx.sentence_of(s) for s in starts]
        present = ctx.present_triggers
        if present is None:
            # One membership test per distinct trigger per document; most rules then drop out
            # with a set operation.
            present = ctx.present_triggers = {t for t in self.all_triggers if t in folded}
        hits = self.rule_triggers[rule.id] & present
        if not hits:
            return []
        found: set[tuple[int, int]] = set()
        cache = ctx.trigger_sentences
        for trig in hits:
            sents = cache.get(trig)
            if sents is None:
                sents = []
                i = folded.find(trig)
                while i >= 0:
                    sent = ctx.sentence_of(i)
                    sents.append(sent)
                    i = folded.find(trig, sent[1])
                cache[trig] = sents
            found.update(sents)
        return sorted(found)

    def _match_rule(self, rule: Rule, ctx: Context, sent: tuple[int, int], norm: str, offsets: list[int]) -> list[Claim]:
        out: list[Claim] = []
        seen: set[tuple[int, int]] = set()
        for pattern in rule.patterns:
            for m in pattern.finditer(norm):
                if m.end() == m.start():
                    continue
                s, e = (m.span("span") if "span" in pattern.groupindex and m.group("span") is not None else m.span())
                if any(s < te and ts < e for ts, te in seen):
                    continue  # one finding for words two patterns of the rule both cover
                if any(u.search(norm) for u in rule.unless):
                    return out
                if rule.context and not self._context_ok(rule, ctx, sent, norm):
                    continue
                # Negation before the claim, or a plain "not" inside it ("Canada has not legalized
                # MDMA"; "no later than", "said no" are no negation of the claim).
                if rule.negatable and (_negated(norm, s) or PLAIN_NOT.search(norm, s, e)):
                    continue
                seen.add((s, e))
                start, end = offsets[s], offsets[e - 1] + 1
                claim = Claim(type="rule", kind=rule.kind, start=start, end=end, sentence=sent, rule=rule)
                if rule.verdict == "retracted":
                    claim.retraction_noted = _retraction_noted(ctx, claim)
                _mark_speech(claim, norm, s, e)
                claim.dated_year = _dated_year(norm, m.start())
                claim.relative_time = _relative_time(norm, m.start(), m.end())
                out.append(claim)
        if rule.frame is not None:
            out.extend(self._match_frame(rule, ctx, sent, norm, offsets, seen))
        return out

    def _match_frame(self, rule: Rule, ctx: Context, sent: tuple[int, int], norm: str, offsets: list[int],
                     seen: set[tuple[int, int]]) -> list[Claim]:
        """Event and stance cues close together in one clause, with the subject in view."""
        frame = rule.frame
        assert frame is not None
        events = sorted({m.span() for p in frame.event for m in p.finditer(norm) if m.end() > m.start()})
        if not events:
            return []
        stances = sorted({m.span() for p in frame.stance for m in p.finditer(norm) if m.end() > m.start()})
        if not stances or any(u.search(norm) for u in rule.unless):
            return []
        if rule.context and not self._context_ok(rule, ctx, sent, norm):
            return []
        subjects = sorted({m.span() for p in frame.subject for m in p.finditer(norm) if m.end() > m.start()})
        earlier = bool(frame.subject) and self._subject_earlier(frame, ctx, sent)
        out: list[Claim] = []
        taken = [*seen]
        for es, ee in events:
            best: tuple[int, int, int] | None = None
            for ss, se in stances:
                if ss < ee and es < se:
                    continue  # the same words cannot be both event and stance
                gap = norm[ee:ss] if ss >= ee else norm[se:es]
                if FRAME_BARRIER.search(gap):
                    continue
                words = len(gap.split())
                if words <= frame.near and (best is None or words < best[0]):
                    best = (words, ss, se)
            if best is None:
                continue
            s, e = min(es, best[1]), max(ee, best[2])
            # The frame catches what the patterns miss: not the same words, nor the same clause.
            if any((s < te and ts < e) or not CLAUSE_BREAK.search(norm[min(e, te):max(s, ts)]) for ts, te in taken):
                continue
            if frame.subject and not earlier and not _in_clause(norm, subjects, s, e):
                continue
            # Negation before the frame or between its parts ("approval is not expected"); a cue
            # may hold its own ("a question of when, not if").
            gap = norm[ee:best[1]] if best[1] >= ee else norm[best[2]:es]
            if rule.negatable and (_negated(norm, s) or NEGATION.search(gap)):
                continue
            taken.append((s, e))
            claim = Claim(type="rule", kind=rule.kind, start=offsets[s], end=offsets[e - 1] + 1,
                          sentence=sent, rule=rule, by_frame=True)
            if rule.verdict == "retracted":
                claim.retraction_noted = _retraction_noted(ctx, claim)
            _mark_speech(claim, norm, s, e)
            claim.dated_year = _dated_year(norm, s)
            claim.relative_time = _relative_time(norm, s, e)
            out.append(claim)
        return out

    def _subject_earlier(self, frame: Frame, ctx: Context, sent: tuple[int, int]) -> bool:
        """The subject named before this sentence: earlier in its paragraph ("The company filed in
        December. Approval is expected by August.") or in the three sentences before (a heading, a
        list's lead-in, the items above)."""
        if frame.subject_scope == "sentence":
            return False
        start = min(ctx.paragraph_of(sent[0])[0], _lookback(ctx, sent))
        return any(p.search(ctx.folded, start, sent[0]) for p in frame.subject)

    def _context_ok(self, rule: Rule, ctx: Context, sent: tuple[int, int], norm: str) -> bool:
        if rule.context_scope == "sentence":
            scope = norm
        elif rule.context_scope == "paragraph":
            p = ctx.paragraph_of(sent[0])
            scope = ctx.folded[p[0] : p[1]]
        elif rule.context_scope == "nearby":
            p = ctx.paragraph_of(sent[0])
            scope = ctx.folded[min(p[0], _lookback(ctx, sent)) : p[1]]
        else:
            scope = ctx.folded
        return any(c.search(scope) for c in rule.context)

    # -- citations and study aliases -------------------------------------------------------------
    def _citations(self, ctx: Context) -> list[Claim]:
        out: list[Claim] = []
        for m in CITATION.finditer(ctx.text):
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

    # -- figures ---------------------------------------------------------------------------------
    def _figures(self, ctx: Context, citations: list[Claim]) -> list[Claim]:
        """Find every number with a unit, then decide what each measures, in which arm and study.

        Cues are read in the figure's own stretch of the sentence (up to the neighbouring figures),
        so "71% no longer met criteria, and 86% responded" gives each number its own measure."""
        folded = ctx.folded
        raw: list[Claim] = []
        glued: list[Claim] = []
        windows: dict[int, tuple[int, int]] = {}

        def figure(start: int, end: int, unit: str, low: float, high: float,
                   approx: tuple[float, float] = (0.0, 0.0), quantity: str | None = None) -> Claim:
            if unit not in ABSOLUTE_APPROX_UNITS and approx != (0.0, 0.0):
                approx = _relative_approx(approx, min(low, high), max(low, high))
            c = Claim(type="figure", kind=_kind_for(unit), start=start, end=end, sentence=ctx.sentence_of(start),
                      unit=unit, low=min(low, high), high=max(low, high), approx=approx, quantity=quantity)
            raw.append(c)
            return c

        def approx_of(start: int) -> tuple[int, tuple[float, float]]:
            word = _approx_before(folded, start)
            if not word:
                return start, (0.0, 0.0)
            return folded.rfind(word, 0, start), APPROX[word]

        if "%" in folded or "percent" in folded or "per cent" in folded:
            for m in PERCENT.finditer(folded):
                a = float(m.group("a"))
                b = float(m.group("b")) if m.group("b") else a
                if a > 100 and not m.group("b"):
                    glued.extend(self._glued(ctx, m, citations))
                    continue
                start, approx = approx_of(m.start("a"))
                figure(start, m.end(), "percent", a, b, approx)
            if "percent" in folded or "per cent" in folded:
                for m in PERCENT_WORDS.finditer(folded):
                    v = to_number(m.group("a"))
                    if v is not None:
                        start, approx = approx_of(m.start())
                        figure(start, m.end(), "percent", v, v, approx)
        if FRACTION_HINT.search(folded):
            for m in FRACTION.finditer(folded):
                v = FRACTIONS[m.group("f")]
                start, extra = approx_of(m.start())
                figure(start, m.end("f"), "percent", v, v, (-1.5 + extra[0], 1.5 + extra[1]))
        for m in SHARE.finditer(folded):
            a, b = to_number(m.group("a")), to_number(m.group("b"))
            if a is not None and b and a <= b:
                pct = 100.0 * a / b
                figure(m.start(), m.end(), "percent", pct, pct, (-0.6, 0.6))
        for m in AMOUNT.finditer(folded):
            a = to_number(m.group("a"))
            b = to_number(m.group("b")) if m.group("b") else None
            if a is None:
                continue
            unit = UNIT_OF.get(m.group("unit"), m.group("unit"))
            if unit in ("weeks", "months") and TIME_POINT_AFTER.match(folded, m.end()):
                continue  # "two months after treatment" is a follow-up time point, not a length
            start, approx = approx_of(m.start("a"))
            if m.group("sd") and b is None:
                b = a  # "4.2 ± 1.3 hours" states the mean
            figure(start, m.end(), unit, a, b if b is not None else a, approx)
        for m in SAMPLE.finditer(folded):
            if m.group("a") and _is_label(folded, m.start()):
                continue
            n = to_number(m.group("n") or m.group("a") or "")
            if n is None or n < 2:
                continue
            start, approx = approx_of(m.start()) if m.group("a") else (m.start(), (0.0, 0.0))
            figure(start, m.end(), "count", n, n, approx,
                   quantity="sample-size" if "sample-size" in self.pack.quantities else None)
        if "study-sites" in self.pack.quantities and SITES_HINT.search(folded):
            for m in SITES.finditer(folded):
                n = to_number(m.group("a"))
                if n is not None and n >= 1 and not _is_label(folded, m.start()):
                    start, approx = approx_of(m.start())
                    figure(start, m.end(), "count", n, n, approx, quantity="study-sites")
        if "session" in folded or "appointment" in folded:
            for m in SESSIONS.finditer(folded):
                n = to_number(m.group("a"))
                if n is None or _is_label(folded, m.start()):
                    continue
                c = figure(m.start(), m.end(), "sessions", n, n)
                windows[id(c)] = (m.start("mid"), m.end())  # the type words between count and "sessions"
        if "effect size" in folded or "d " in folded or "d=" in folded or "hedges" in folded:
            for m in EFFECT.finditer(folded):
                g = "a" if m.group("a") else "e"
                v = float(m.group(g))
                figure(m.start(g), m.end(g), "d", abs(v), abs(v))
        if "point" in folded:
            for m in POINTS.finditer(folded):
                v = to_number(m.group("a").lstrip("-"))
                if v is not None:
                    start, approx = approx_of(m.start("a"))
                    figure(start, m.end(), "points", v, v, approx)

        text = ctx.text
        table = self._table_columns(ctx, raw) if ("\t" in text or "|" in text or "\n  " in text) else {}
        figures = _dedupe(raw)
        for i, c in enumerate(figures):
            seg_lo = 0
            if i > 0 and figures[i - 1].end <= c.start:
                # The words right after a figure ("9% of the MDMA arm") are its own, up to a
                # comparison or conjunction ("vs. 4% of the placebo arm").
                prev = figures[i - 1]
                t = TAIL_END.search(folded, prev.end, c.start)
                seg_lo = t.start() if t else prev.end
            seg_hi = figures[i + 1].start if i + 1 < len(figures) and figures[i + 1].start >= c.end else len(folded)
            window = windows.get(id(c))
            if window is not None:
                # The type may also stand just before the count ("each followed by three ..."),
                # but not across a list's comma or "and" ("3 preparatory, 3 dosing and 9 ...").
                lo = max(seg_lo, c.sentence[0], c.start - 30)
                cuts = [m.end() for m in LIST_BREAK.finditer(folded, lo, c.start)]
                window = (cuts[-1] if cuts else lo, window[1])
            if c.quantity is None:
                self._quantity(ctx, c, window, (seg_lo, seg_hi))
            c.arm = self._arm(ctx, c, (seg_lo, seg_hi))
            if c.unit in ("mg", "mg/kg"):
                hi = min(seg_hi, c.sentence[1], c.end + 25)
                tail = TAIL_END.search(folded, c.end, hi)
                lo = max(seg_lo, c.sentence[0], c.start - 40)
                c.role = dose_role_near(folded[lo:tail.start() if tail else hi], c.start - lo)
            self._timepoint(ctx, c, (seg_lo, seg_hi))
        self._inherit(ctx, figures)
        for c in figures:
            header = table.get(c.start)
            if header is not None and c.quantity is None:
                # A table cell: its column header names the measure and the arm.
                probe = Claim(type="figure", kind=c.kind, start=header[0], end=header[0], sentence=header, unit=c.unit)
                self._quantity(ctx, probe, None, header)
                c.quantity = probe.quantity
                c.arm = c.arm or self._arm(ctx, probe, header)
            if c.quantity is None and c.unit == "percent" and _bare(ctx, c):
                self._from_header(ctx, c)
        out: list[Claim] = []
        for c in figures:
            if c.quantity is None:
                continue
            self._attach(c, ctx, citations)
            c.retraction_noted = _retraction_noted(ctx, c)
            out.append(c)
        out.extend(glued)
        if "after" in folded or "later" in folded or "post" in folded or "following" in folded:
            out.extend(self._anaphoric_timepoints(ctx, out))
        for c in out:
            _mark_figure_speech(ctx, c)
        return out

    def _anaphoric_timepoints(self, ctx: Context, figures: list[Claim]) -> list[Claim]:
        """"67% no longer met criteria. That outcome was measured a full year after the last dose."
        A sentence that points back at the figures before it and gives a time point: each outcome
        figure of the previous sentences (same paragraph) is claimed again at that time point."""
        folded = ctx.folded
        out: list[Claim] = []
        outcomes = [c for c in figures if c.unit in ("percent", "points", "d")]
        if not outcomes:
            return out
        for m in ANAPHOR.finditer(folded):
            sent = ctx.sentence_of(m.start())
            if folded[sent[0]:m.start()].strip(" \n*_#-") not in ("", "but", "and", "however,", "yet"):
                continue
            tp = find_timepoint(folded[sent[0]:sent[1]])
            if tp is None:
                continue
            weeks, anchor, t0, t1 = tp
            if sent[0] + t0 < m.end() or ANAPHOR_BREAK.search(folded, m.end(), sent[0] + t0):
                continue  # "This rate is lower than in trials that ran a year after treatment"
            para = ctx.paragraph_of(sent[0])
            lo = sent[0]
            for _ in range(ANAPHOR_LOOKBACK):
                prev = ctx.previous_sentence(lo)
                if prev is None or prev[0] < para[0]:
                    break
                lo = prev[0]
            for c in outcomes:
                if lo <= c.start < sent[0]:
                    out.append(replace(c, start=sent[0] + t0, end=sent[0] + t1, sentence=sent, timepoint_weeks=weeks,
                                       timepoint_anchor=anchor, timepoint_only=True))
        return out

    def _quantity(self, ctx: Context, claim: Claim, cue_window: tuple[int, int] | None,
                  segment: tuple[int, int]) -> None:
        """Pick the measure whose cue stands nearest the figure, within its clause and segment.
        Units that convert (hours/minutes) compete too; the figure is converted to the winner's unit."""
        unit = claim.unit or ""
        candidates = list(self.units.get(unit, []))
        for (a, b), _f in CONVERT.items():
            if a == unit:
                candidates.extend(self.units.get(b, []))
        if not candidates:
            return
        if len(candidates) == 1 and unit in ("mg", "mg/kg"):
            claim.quantity = candidates[0].id
            return
        folded = ctx.folded
        if cue_window is not None:
            # Session counts: the type words stand between the number and "sessions" (or just after).
            lo, hi = cue_window
            regions = [(lo, min(hi + 40, claim.sentence[1], segment[1]), hi)]
        else:
            lo, hi = _clause(folded, claim.sentence, claim.start, claim.end)
            lo, hi = max(lo, segment[0]), min(hi, segment[1])
            regions = [(lo, hi, None)]
            c_lo, c_hi = _clause(folded, claim.sentence, claim.start, claim.end)
            if (c_lo, c_hi) != (lo, hi):
                regions.append((c_lo, c_hi, None))  # fall back to the whole clause
        for lo, hi, limit in regions:
            best: tuple[int, int, int, str] | None = None
            converted: tuple[int, int, int, str] | None = None
            region = folded[lo:hi]
            for q in candidates:
                for cue in q.cues:
                    for m in cue.finditer(region):
                        pos, end = lo + m.start(), lo + m.end()
                        if limit is not None and pos >= limit - len("sessions"):
                            continue
                        if pos < claim.end and end > claim.start and q.unit == unit and unit in ("mg", "mg/kg"):
                            gap = 0
                        elif end <= claim.start:
                            gap = claim.start - end
                        elif pos >= claim.end:
                            gap = pos - claim.end
                        else:
                            gap = 0
                        if q.unit != unit and gap > 12:
                            continue  # another unit's measure ("three hours" for a 90-minute session) only when named right there
                        if claim.unit == "sessions" and limit is not None:
                            gap = 0 if pos < limit else gap  # words between number and "sessions" name the type
                        # Nearest first; at the same distance the words before the figure (its
                        # subject: "effects that last 8 hours") beat those after; then the longer cue.
                        before = 1 if end <= claim.start else 0
                        key = (-gap // 12 if limit is None else 0, before, m.end() - m.start(), q.id)
                        if q.unit != unit:
                            if converted is None or key[:3] > converted[:3]:
                                converted = key
                        elif best is None or key[:3] > best[:3]:
                            best = key
            # A measure in another unit wins only with a more specific cue than any in the
            # figure's own unit ("integration session lasts three hours" vs "sessions last").
            if converted is not None and (best is None or converted[2] > best[2]):
                best = converted
            if best is not None:
                q = self.pack.quantities[best[3]]
                claim.quantity = q.id
                if q.unit != unit and (unit, q.unit) in CONVERT:
                    f = CONVERT[(unit, q.unit)]
                    claim.low, claim.high = claim.low * f, claim.high * f
                    claim.approx = (claim.approx[0] * f, claim.approx[1] * f)
                    claim.unit = q.unit
                return

    def _table_columns(self, ctx: Context, raw: list[Claim]) -> dict[int, tuple[int, int]]:
        """Tables written as rows of tab- or pipe-separated cells: map each numeric cell to its
        column header's span, and add bare counts under a count header ("Participants", "n")."""
        folded = ctx.folded
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
                    if n.is_integer() and n >= 2 and "sample-size" in self.pack.quantities:
                        raw.append(Claim(type="figure", kind="trial-statistic", start=start, end=a + m.end("n"),
                                         sentence=ctx.sentence_of(start), unit="count", low=n, high=n,
                                         quantity="sample-size"))
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

    def _inherit(self, ctx: Context, figures: list[Claim]) -> None:
        """A percentage with no cue of its own ("the placebo figure was 21%") measures what the
        previous sentence's percentage measured."""
        for i, c in enumerate(figures):
            if c.quantity is not None or c.unit != "percent":
                continue
            prev = ctx.previous_sentence(c.start)
            if prev is None:
                continue
            before = [f for f in figures[:i] if f.unit == c.unit and f.quantity and prev[0] <= f.start < prev[1]]
            if before:
                c.quantity = before[-1].quantity

    def _arm(self, ctx: Context, claim: Claim, segment: tuple[int, int]) -> str | None:
        if not self.pack.arms:
            return None
        lo, hi = _clause(ctx.folded, claim.sentence, claim.start, claim.end)
        lo, hi = max(lo, segment[0]), min(hi, segment[1])
        # Words after the figure are its own only up to a conjunction or comparison
        # ("46 were randomized to MDMA and 44 to placebo").
        tail = TAIL_END.search(ctx.folded, claim.end, hi)
        if tail is not None:
            hi = tail.start()
        region = ctx.folded[lo:hi]
        best: tuple[int, str] | None = None
        for arm, cues in self.pack.arms.items():
            for cue in cues:
                for m in cue.finditer(region):
                    pos = lo + m.start()
                    dist = claim.start - (lo + m.end()) if pos < claim.start else pos - claim.end
                    # A cue after a figure counts only in the same parenthesis or just after it.
                    if pos >= claim.end and dist > 40:
                        continue
                    # ... and not when it labels the next figure ("67% (placebo 32%)").
                    if (pos >= claim.end and segment[1] < len(ctx.folded) and segment[1] - (lo + m.end()) <= 12
                            and not TAIL_END.search(ctx.folded, lo + m.end(), segment[1])):
                        continue
                    if best is None or abs(dist) < best[0]:
                        best = (abs(dist), arm)
        return best[1] if best else None

    def _timepoint(self, ctx: Context, claim: Claim, segment: tuple[int, int]) -> None:
        """A time point in the figure's clause ("one year after treatment, 67% ...")."""
        if claim.unit not in ("percent", "points", "d"):
            return
        lo, hi = _clause(ctx.folded, claim.sentence, claim.start, claim.end)
        # Only the words up to the next figure: "67% at 18 weeks, 80% one year later" are two time points.
        region = ctx.folded[lo:min(hi, max(segment[1], claim.end))]
        tp = parse_timepoint(region)
        if tp is not None:
            claim.timepoint_weeks, claim.timepoint_anchor = tp

    def _attach(self, claim: Claim, ctx: Context, citations: list[Claim]) -> None:
        """Which study a figure belongs to: a citation in its sentence, a phase named in it, a
        citation in the previous sentence, then the last one earlier in the paragraph."""
        s0, s1 = claim.sentence
        in_sentence = [c for c in citations if s0 <= c.start < s1 and c.studies]
        if in_sentence:
            before = [c for c in in_sentence if c.start <= claim.start]
            pick = before[-1] if before else in_sentence[0]
            claim.studies, claim.study_how, claim.citation = list(pick.studies), "sentence", pick.citation
            return
        # Not a phase named in a side clause ("10 sites, while Phase 3 research continues").
        phases = [m for m in PHASE.finditer(ctx.folded, s0, s1) if not _side_clause(ctx.folded, s0, m, claim)]
        if phases:
            m = phases[-1]
            phase = PHASE_OF[m.group("p")]
            claim.phase = phase
            if phase in self.by_phase:
                studies = list(self.by_phase[phase])
                years = {int(y) for y in YEAR.findall(ctx.folded, s0, s1)}
                if years:
                    # "Pooled phase 2 | 2019 | 103": the year says which of the phase's studies,
                    # or that it is none the database files under that phase.
                    studies = [sid for sid in studies if self.pack.studies[sid].year in years]
                    if not studies:
                        return
                claim.studies, claim.study_how = studies, "phase"
                return
        if NEW_STUDY.match(ctx.folded, s0, claim.start):
            return  # "A pilot of couples therapy involved six couples": not the study named before
        prev = ctx.previous_sentence(claim.start)
        if prev:
            p_c = [c for c in citations if prev[0] <= c.start < prev[1] and c.studies]
            if p_c:
                claim.studies, claim.study_how, claim.citation = list(p_c[-1].studies), "previous sentence", p_c[-1].citation
                return
            if prev[0] >= ctx.paragraph_of(claim.start)[0] and not OWN_STUDY_CUE.search(ctx.folded, s0, s1):
                # "In the phase 3 programme, each session began with 80 mg. Later, a top-up of
                # 62.5 mg ...": the phase of the sentence before, in the same paragraph.
                p_ph = list(PHASE.finditer(ctx.folded, prev[0], prev[1]))
                phase = PHASE_OF[p_ph[-1].group("p")] if p_ph else None
                if phase in self.by_phase and len({PHASE_OF[m.group("p")] for m in p_ph}) == 1:
                    claim.phase = phase
                    claim.studies, claim.study_how = list(self.by_phase[phase]), "previous sentence phase"
                    return
        p0, _p1 = ctx.paragraph_of(claim.start)
        para = [c for c in citations if p0 <= c.start < claim.start and c.studies]
        if para:
            claim.studies, claim.study_how, claim.citation = list(para[-1].studies), "paragraph", para[-1].citation

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


def _relative_approx(approx: tuple[float, float], low: float, high: float) -> tuple[float, float]:
    """The approximation table is in percentage points ("about 70%" is 67-73%). For other units
    the same words widen in proportion: "about eight hours" is about 7.2-8.8 hours (10%), not
    5-11; "up to 8 hours" goes down to zero."""
    lo = max(approx[0] / APPROX_PER_TEN_PERCENT * 0.1 * low, -low)
    hi = approx[1] / APPROX_PER_TEN_PERCENT * 0.1 * high
    return lo, hi


def split_confirmed(counts: set[float], n: float) -> bool:
    return n in counts


def _retraction_noted(ctx: Context, claim: Claim) -> bool:
    """The text itself says the paper is retracted, in the claim's sentence or the one before or
    after ("... by Jerome and colleagues. The paper was retracted in 2024."), or, for a table
    row, in the paragraph right after the table ("The pooled paper in the last row was retracted")."""
    prev = ctx.previous_sentence(claim.start)
    lo = prev[0] if prev else claim.sentence[0]
    nxt = ctx.sentence_of(claim.sentence[1]) if claim.sentence[1] < len(ctx.text) else claim.sentence
    if RETRACTION_NOTED.search(ctx.folded, lo, nxt[1]):
        return True
    after = _after_table(ctx, claim.start)
    return after is not None and bool(RETRACTION_NOTED.search(ctx.folded, *after))


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


def _dedupe(figures: list[Claim]) -> list[Claim]:
    """Keep the longest of overlapping figures ("about 90 minutes" over "90 minutes")."""
    figures.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Claim] = []
    for c in figures:
        if out and c.start < out[-1].end:
            if (c.end - c.start) > (out[-1].end - out[-1].start):
                out[-1] = c
            continue
        out.append(c)
    return out


_APPROX_TAIL = re.compile(rf"\b({APPROX_RE})\s+$")


def _approx_before(folded: str, start: int) -> str:
    """The approximation word right before a figure ("nearly", "just over"), or ""."""
    if start == 0 or folded[start - 1] not in " \n":
        return ""
    m = _APPROX_TAIL.search(folded, max(0, start - 20), start)
    return m.group(1) if m else ""


def _is_label(folded: str, start: int) -> bool:
    """"Phase 3 participants", "Table 2 patients": the number names something, it counts nothing."""
    return bool(LABEL_WORD.search(folded, max(0, start - 10), start))


def _author_key(name: str) -> str:
    return fold(name).replace("'", "").replace("’", "").replace("-", "").strip()


def _kind_for(unit: str) -> str:
    if unit in ("mg", "mg/kg"):
        return "dose"
    if unit in ("sessions", "hours", "minutes", "weeks", "months"):
        return "protocol"
    return "trial-statistic"


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


SIDE_CLAUSE = re.compile(r"\b(?:while|whereas|unlike|alongside|besides|outside of|separate from)\b")


def _side_clause(folded: str, s0: int, m: re.Match[str], claim: Claim) -> bool:
    if m.start() >= claim.end:
        return bool(SIDE_CLAUSE.search(folded, claim.end, m.start()))
    # "While Phase 3 research continues, up to 50 patients ...": the phase sits in a side clause
    # that a comma closes before the figure.
    return bool(SIDE_CLAUSE.search(folded, s0, m.start())) and "," in folded[m.end():claim.start]


def _in_clause(norm: str, subjects: list[tuple[int, int]], s: int, e: int) -> bool:
    """A subject in the frame's own clause: inside its span, or with no turn between them
    ("Czechia legalised psilocybin; MDMA remains illegal" names MDMA in another clause)."""
    for ss, se in subjects:
        if ss < e and s < se:
            return True
        gap = norm[se:s] if se <= s else norm[e:ss]
        if not FRAME_BARRIER.search(gap):
            return True
    return False


def _negated(norm: str, span_start: int) -> bool:
    """A negation cue before the span, in the same clause and within a few words of it."""
    window_start = max(0, span_start - 60)
    head = norm[window_start:span_start]
    cut = 0
    for m in CLAUSE_BREAK.finditer(head):
        cut = m.end()
    return bool(NEGATION.search(head[cut:]))


def _mark_speech(claim: Claim, norm: str, s: int, e: int) -> None:
    """Questions, reported speech and quotations are not the article's own assertions.

    Attributed: a reporting verb before the span in the same clause chain ("critics say it is
    close"), "according to" anywhere in the sentence, a trailing ", the CEO said", or the span
    inside quotation marks; also a meta statement that names the span as an error or myth ("a
    common error is to say ...") and press reports ("some outlets reported that ..."). Not attributed: the span is the reporter itself ("CEO Amy Emerson
    says ..."), or the writer speaks ("I think", "we believe")."""
    sentence = norm.strip()
    claim.question = sentence.rstrip("\"' )*_").endswith("?")
    before, after = norm[:s], norm[e:]
    attributed = False
    head = before[before.rfind(";") + 1:]
    speaker: str | None = None
    if (m_acc := ACCORDING.search(norm)):
        attributed = True
        speaker = " ".join(norm[m_acc.end():].split()[:3]).strip(" ,.") or "a source"
    elif before.count('"') % 2 == 1:
        attributed = True
    elif META_ERROR.search(head) or MEDIA_REPORT.search(head):
        attributed = True
    elif any("," not in head[m.end():] for m in CONTRARY.finditer(head)):
        attributed = True  # "contrary to claims that 88% ..., only 67% did": only up to the comma
    else:
        for m in REPORTING.finditer(head):
            if FIRST_PERSON.search(head[: m.start()]):
                continue
            if "," in head[m.end():] and SUBORDINATE.search(head[head.rfind(",", 0, m.start()) + 1 : m.start()]):
                continue  # "After the FDA said no, Lykos is trying to rebuild": the report is a subordinate clause's
            attributed = True
            speaker = " ".join(head[: m.start()].split(",")[-1].split()[-4:]) or "a source"
        if not attributed:
            # "Approval is close, the chief executive said." / "..., said Doblin."
            if TRAILING_REPORT.match(after):
                attributed = True
                speaker = "a source"
    claim.attributed = attributed
    # A named speaker (not a quotation or a myth reported to correct it): see the judge's policy.
    claim.attribution = speaker
    claim.hedged = bool(HEDGE.search(before[-40:]))


def _mark_figure_speech(ctx: Context, claim: Claim) -> None:
    """Attribution, meta statements and questions for a figure or citation, read on its sentence
    as for pack rules (the folded text keeps offsets, so no mapping is needed)."""
    s0, s1 = claim.sentence
    _mark_speech(claim, ctx.folded[s0:s1], claim.start - s0, claim.end - s0)


def _relative_time(norm: str, start: int, end: int) -> str | None:
    """The time word of the match's clause nearest the match ("next year", "currently")."""
    lo = norm.rfind(";", 0, start) + 1
    hi = norm.find(";", end)
    hi = len(norm) if hi < 0 else hi
    best: tuple[int, str] | None = None
    for m in RELATIVE_TIME.finditer(norm, lo, hi):
        dist = 0 if start <= m.start() < end else min(abs(m.start() - end), abs(start - m.end()))
        if best is None or dist < best[0]:
            best = (dist, m.group(0))
    return best[1] if best else None


def _dated_year(norm: str, match_start: int) -> int | None:
    """The year of an explicit past anchor opening the match's clause ("In 2023, approval seemed close")."""
    head = norm[:match_start]
    best = None
    for m in DATED.finditer(head):
        best = int(m.group("year"))
    return best
