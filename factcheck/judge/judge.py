"""Compare extracted claims with the claims database and decide a verdict for each.

Inputs are Claims at prose offsets; outputs are Findings at prose offsets (the engine maps them to
the source file). Time-aware: "now" is `as_of`, and the document's own date says whether an
outdated statement was already outdated when written.
"""

from __future__ import annotations

from datetime import date

from factcheck.judge.base import JudgeOptions
from factcheck.judge.builtin_rules import BUILTIN_RULES
from factcheck.judge.citations import CitationJudge
from factcheck.judge.figures import FigureJudge
from factcheck.models import SEVERITY_RANK, Finding
from factcheck.nlp.claims import Claim

__all__ = ["Judge", "JudgeOptions", "resolve_overlaps"]


class Judge(FigureJudge, CitationJudge):
    def judge(self, claims: list[Claim], doc_date: date | None, resolve: bool = True) -> list[Finding]:
        """Findings for a document's claims. With `resolve=False` overlapping findings are all
        returned, so that config and suppressions can apply before they compete for a span
        (`resolve_overlaps` then picks one per span)."""
        findings: list[Finding] = []
        # One finding per rule and sentence: "bringing it to market should it be approved" is one
        # statement for the editor to rewrite, so its two matches become one span.
        by_sentence: dict[tuple[str, tuple[int, int]], Finding] = {}
        for claim in claims:
            if claim.type == "rule":
                f = self._rule(claim, doc_date)
                if f is not None:
                    f.sentence = claim.sentence
            elif claim.type == "figure":
                f = self._figure(claim)
                if f is not None:
                    self._as_pack_figure_rule(f, claim)
            elif claim.type == "candidate":
                f = self._candidate(claim)
            else:
                f = self._citation(claim)
            if f is None:
                continue
            if f.verdict == "supported" and not self.options.show_supported:
                continue
            if claim.type != "rule":
                _downgrade_speech(f, claim)
            else:
                key = (f.rule, claim.sentence)
                prev = by_sentence.get(key)
                if prev is not None and prev.severity == f.severity:
                    prev.start, prev.end = min(prev.start, f.start), max(prev.end, f.end)
                    continue
                by_sentence[key] = f
            findings.append(f)
        return _resolve_overlaps(findings) if resolve else findings

    # -- pack rules ---------------------------------------------------------------------------
    def _rule(self, claim: Claim, doc_date: date | None) -> Finding | None:
        rule = claim.rule
        assert rule is not None
        entry = self.pack.claims.get(rule.claim_id)
        as_of = self.options.as_of
        if claim.question:
            return None  # a question asserts nothing
        since = claim.since or rule.since  # a role's end date is the claim's own
        if rule.verdict == "outdated" and claim.forecast_until is not None and claim.forecast_until > as_of:
            return None  # a forecast for a time still to come ("approval by 2028") is not overtaken
        if (getattr(rule.spec, "fulfilled", False) and since and claim.forecast_until is not None
                and claim.forecast_from is not None and claim.forecast_from <= since <= claim.forecast_until):
            return None  # the forecast came true on time ("plans to file by the end of 2023"; filed in December)
        if (getattr(rule.spec, "fulfilled", False) and since and claim.forecast_open_from is not None
                and claim.forecast_open_from < since):
            return None  # a forecast with no time, made before the event, that came true
        if since and as_of < since:
            return None  # not yet outdated or wrong as of the date asked for
        if entry and entry.valid_from and as_of < entry.valid_from:
            return None
        if rule.verdict == "contradicted" and entry and entry.valid_until and as_of > entry.valid_until:
            # A contradicted rule holds only while its claim does (an outdated rule's claim is
            # history: its end is what made the statement outdated).
            return None
        message = rule.message
        if rule.verdict == "outdated" and rule.since and doc_date:
            if doc_date < rule.since:
                message += f" (correct when published on {doc_date.isoformat()}; outdated since {rule.since.isoformat()})"
            else:
                message += f" (already outdated when the page was dated {doc_date.isoformat()})"
        when = _placed_time(claim.relative_time, doc_date)
        if when:
            message += f" {when}"
        severity = rule.severity
        if (rule.verdict == "outdated" and rule.since and claim.dated_year is not None
                and claim.dated_year < rule.since.year):
            # "In 2023, approval seemed close": the text dates the statement to before it was outdated.
            severity = "info"
            message = f"Dated statement (about {claim.dated_year}); check that the article says what happened since. " + message
        elif claim.attributed and claim.attribution and rule.verdict == "outdated":
            # An overtaken forecast misleads a reader whoever made it: it keeps the rule's
            # severity, and the message says whose it was (config `attributed: info` lowers it).
            message = f"Attributed to {claim.attribution}; the text still presents it as current. " + message
        elif (claim.attributed and claim.attribution and not claim.quoted and rule.verdict == "contradicted"
              and not claim.corrected_nearby):
            # A speaker's statement that was never true, passed on in the text's own words and not
            # answered ("US scientists have found that MDMA can cure PTSD, the paper reports"):
            # it misleads a reader as the text's own would. A quotation, a myth reported to correct
            # it, or a statement the next sentences answer ("In fact, ...") stays info.
            message = f"Attributed to {claim.attribution}; the text passes it on as news. " + message
        elif claim.attributed:
            severity = "info"
            message = "Quoted statement, or one the text reports in order to correct it; add context if you keep it. " + message
        elif rule.verdict == "retracted" and claim.retraction_noted:
            # As for figures from retracted papers: the text states the retraction itself.
            severity = "info"
            message = "The text notes the retraction nearby; check that the reader cannot miss it. " + message
        if claim.outcome_noted and severity != "info":
            severity = "info"
            message = "The text reports what happened since nearby; check that the reader cannot miss it. " + message
        return Finding(
            lowered=severity != rule.severity,
            rule=rule.id, claim_id=rule.claim_id, kind=rule.kind, verdict=rule.verdict, severity=severity,
            start=claim.start, end=claim.end, text="", message=message, fact=entry.fact if entry else "",
            since=rule.since.isoformat() if rule.since else None, suggestion=rule.suggestion,
            sources=self.pack.source_refs(entry.sources if entry else []), attributed=claim.attributed,
        )

    def _as_pack_figure_rule(self, f: Finding, claim: Claim) -> None:
        """A pack's `figure` rule for this study and quantity speaks for the engine's figure check:
        its id, message and suggestion replace the generic ones."""
        if f.verdict not in ("contradicted", "outdated") or not claim.quantity:
            return
        for rule in self._figure_rules:
            spec = rule.spec
            if spec.quantity == claim.quantity and spec.study in claim.studies:  # type: ignore[attr-defined]
                f.message = f"{rule.message} ({f.message})"
                f.rule, f.claim_id, f.severity = rule.id, rule.claim_id, rule.severity
                f.suggestion = rule.suggestion or f.suggestion
                return

    # -- learned candidates ---------------------------------------------------------------------
    def _candidate(self, claim: Claim) -> Finding:
        """A sentence the candidate layer (nlp/candidates.py) reads as a claim no rule matched:
        always `info`, pointing at what the pack records for the nearest rule."""
        rule = claim.rule
        entry = self.pack.claims.get(rule.claim_id) if rule else None
        what = f"what the {self.pack.id} pack records" + (f" ({rule.summary.rstrip('.')})" if rule and rule.summary else "")
        message = (f"This sentence reads like a {claim.kind} claim the pack may correct; check it against {what}. "
                   "No rule matched it, so this is a pointer, not a verdict.")
        f = self._builtin("possible-outdated-claim", claim, message, fact=entry.fact if entry else "",
                          suggestion=None, sources=self.pack.source_refs(entry.sources) if entry else [],
                          kind=claim.kind)
        f.severity = "info"  # never a flag, whatever the builtin table says
        return f

def _downgrade_speech(f: Finding, claim: Claim) -> None:
    """Figures and citations follow the policy of pack rules: a question, a quoted or attributed
    statement, or a meta statement ("a common error is to say ...") is not the text's own
    assertion, so a problem found in it is information for the editor, not a flag."""
    if f.verdict in ("supported", "unsupported") or not (claim.attributed or claim.question):
        return
    if claim.type == "citation" and not claim.question and f.verdict == "contradicted" and f.rule == "citation-wrong-journal":
        return  # "according to a study in the journal Nature": the journal is the text's own citation
    if claim.type == "citation" and claim.attribution and not claim.question and f.verdict == "retracted":
        # "MAPS said it had published its long-term follow-up": a retracted paper presented to the
        # reader stays a flag whoever presents it, as an overtaken forecast does.
        f.message = f"Attributed to {claim.attribution}; the text still presents the paper. " + f.message
        return
    f.severity = "info"
    f.lowered = True
    lead = "Question" if claim.question else "Attributed, quoted or corrected statement"
    f.message = f"{lead}; add context if you keep it. " + f.message
# Relative time words an outdated statement may carry, placed on the page's date for the message.
CURRENT_WORDS = {"recently", "currently", "now", "today", "at present", "soon", "so far", "to date", "yet"}
YEAR_OFFSETS = {"this year": 0, "later this year": 0, "within the year": 0, "next year": 1, "last year": -1}


def _placed_time(phrase: str | None, doc_date: date | None) -> str | None:
    """Say what a relative time word meant on the page's date ("'next year' is 2024")."""
    if not phrase:
        return None
    key = "this year" if ("end of" in phrase or phrase.startswith("this ")) and not phrase.endswith("month") else phrase
    is_month = phrase.endswith("month")
    if key not in YEAR_OFFSETS and not is_month:
        if doc_date is not None and phrase in CURRENT_WORDS:
            return f"('{phrase}' as of the page's date, {doc_date.isoformat()}.)"
        return None
    if doc_date is None:
        return f"('{phrase}' cannot be placed: the page has no date.)"
    if is_month:
        step = 1 if phrase.startswith("next") else -1 if phrase.startswith("last") else 0
        index = doc_date.year * 12 + doc_date.month - 1 + step
        return f"('{phrase}' is {index // 12}-{index % 12 + 1:02d} by the page's date.)"
    return f"('{phrase}' is {doc_date.year + YEAR_OFFSETS[key]} by the page's date.)"


def resolve_overlaps(findings: list[Finding], covers: dict[str, set[str]] | None = None) -> list[Finding]:
    """One finding per span (public: the engine calls it after config and suppressions, so a rule
    turned off there covers nothing). `covers`: rule id -> the rules its finding makes redundant."""
    return _resolve_overlaps(findings, covers)


def _resolve_overlaps(findings: list[Finding], covers: dict[str, set[str]] | None = None) -> list[Finding]:
    """One finding per span: curated rules beat engine figures, problems beat confirmations.

    Two curated rules on the same words both stay, except where they say one thing twice: the
    same correcting fact (the editor rewrites one statement once), or a rule the other `covers`.
    The finding kept then spans the words of both."""
    covers = covers or {}

    def rank(f: Finding) -> tuple[int, int, int]:
        curated = 0 if f.rule in BUILTIN_RULES else 1
        problem = 0 if f.verdict in ("supported", "unsupported") else 1
        return (problem, SEVERITY_RANK[f.severity], curated)

    kept: list[Finding] = []

    def fold(twin: Finding, f: Finding) -> None:
        keep = _keeper(twin, f, covers)
        keep.start, keep.end = min(twin.start, f.start), max(twin.end, f.end)
        gone = f if keep is twin else twin
        keep.merged += [gone.rule, *gone.merged]
        if keep is f:
            kept[next(i for i, k in enumerate(kept) if k is twin)] = f

    for f in sorted(findings, key=rank, reverse=True):
        # A rule that covers another covers it anywhere in the same sentence: "recently published
        # Phase 3 results, the final stage before submitting an application" is one statement.
        sibling = next((k for k in kept if _one_sentence(k, f) and k.severity == f.severity and k.rule != f.rule
                        and (f.rule in covers.get(k.rule, ()) or k.rule in covers.get(f.rule, ()))), None)
        if sibling is not None:
            fold(sibling, f)
            continue
        clash = next((k for k in kept if k.start < f.end and f.start < k.end), None)
        if clash is None:
            kept.append(f)
            continue
        # Different curated rules on the same words may both say something true; keep both.
        if f.rule not in BUILTIN_RULES and clash.rule not in BUILTIN_RULES and f.rule != clash.rule:
            twin = next((k for k in kept if k.start < f.end and f.start < k.end and k.rule not in BUILTIN_RULES
                         and _says_the_same(k, f, covers)), None)
            if twin is None:
                kept.append(f)
                continue
            fold(twin, f)
    kept.sort(key=lambda f: (f.start, f.end, f.rule))
    return kept


def _one_sentence(a: Finding, b: Finding) -> bool:
    """Each finding lies in the other's sentence (the kinds may end a sentence a character apart)."""
    if a.sentence is None or b.sentence is None:
        return False
    return a.sentence[0] <= b.start and b.end <= a.sentence[1] and b.sentence[0] <= a.start and a.end <= b.sentence[1]


def _says_the_same(a: Finding, b: Finding, covers: dict[str, set[str]]) -> bool:
    if a.severity != b.severity:
        return False
    same_fact = a.claim_id is not None and a.claim_id == b.claim_id
    return same_fact or b.rule in covers.get(a.rule, ()) or a.rule in covers.get(b.rule, ())


def _keeper(a: Finding, b: Finding, covers: dict[str, set[str]]) -> Finding:
    """The covering rule's finding; between two on one fact, the one on more words (then the
    first rule by id, so the choice never depends on the order the rules ran in)."""
    if b.rule in covers.get(a.rule, ()):
        return a
    if a.rule in covers.get(b.rule, ()):
        return b
    return min((a, b), key=lambda f: (-(f.end - f.start), f.rule))
