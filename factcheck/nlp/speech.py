"""How a claim is said: attribution, negation, hedges, questions, relative time and dates, and
retractions noted nearby. Pattern rules, citations and figures all read these marks.
"""

from __future__ import annotations

import re

from factcheck.nlp.claims import Claim
from factcheck.nlp.context import Context
from factcheck.nlp.tables import _after_table

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
RETRACTION_NOTED = re.compile(r"\bretract\w*|\bwithdrawn\b")  # words that note a retraction near a claim


def _retraction_noted(ctx: Context, claim: Claim) -> bool:
    """The text itself says the paper is retracted, in the claim's sentence or the one before or
    after ("... by Jerome and colleagues. The paper was retracted in 2024."), or, for a table
    row, in the paragraph right after the table ("The pooled paper in the last row was retracted")."""
    index = ctx.literals()
    if not (index.has("retract") or index.has("withdrawn")):
        return False  # every match of RETRACTION_NOTED spells one of the two
    memo = ctx.memo("retraction_noted")  # the same for every claim of every pack at this place
    key = (claim.start, claim.sentence)
    found = memo.get(key)
    if found is None:
        prev = ctx.previous_sentence(claim.start)
        lo = prev[0] if prev else claim.sentence[0]
        nxt = ctx.sentence_of(claim.sentence[1]) if claim.sentence[1] < len(ctx.text) else claim.sentence
        if RETRACTION_NOTED.search(ctx.folded, lo, nxt[1]):
            found = True
        else:
            after = _after_table(ctx, claim.start)
            found = after is not None and bool(RETRACTION_NOTED.search(ctx.folded, *after))
        memo[key] = found
    return found


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
    claim.quoted = before.count('"') % 2 == 1
    # A named speaker (not a quotation or a myth reported to correct it): see the judge's policy.
    claim.attribution = speaker
    claim.hedged = bool(HEDGE.search(before[-40:]))


def _mark_figure_speech(ctx: Context, claim: Claim) -> None:
    """Attribution, meta statements and questions for a figure or citation, read on its sentence
    as for pack rules (the folded text keeps offsets, so no mapping is needed)."""
    s0, s1 = claim.sentence
    memo = ctx.memo("figure_speech")  # the same for every claim of every pack on these words
    key = (claim.sentence, claim.start, claim.end)
    found = memo.get(key)
    if found is None:
        _mark_speech(claim, ctx.folded[s0:s1], claim.start - s0, claim.end - s0)
        if claim.attribution and claim.attribution != "a source":
            # The speaker as printed ("MAPS", not "maps"): folding keeps offsets, so find it there.
            at = ctx.folded.rfind(claim.attribution, s0, claim.start)
            if at >= 0:
                claim.attribution = ctx.text[at:at + len(claim.attribution)]
        memo[key] = (claim.question, claim.attributed, claim.attribution, claim.hedged, claim.quoted)
    else:
        claim.question, claim.attributed, claim.attribution, claim.hedged, claim.quoted = found


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
