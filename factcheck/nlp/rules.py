"""Pack pattern rules and frames: which sentences a rule is tried on, and how its patterns or
frame match there.
"""

from __future__ import annotations

import re

from factcheck.knowledge.model import Frame, Rule
from factcheck.nlp.claims import Claim
from factcheck.nlp.context import Context, _lookback
from factcheck.nlp.literals import CASE_TRAPS
from factcheck.nlp.normalize import collapse
from factcheck.nlp.speech import (
    CLAUSE_BREAK,
    NEGATION,
    PLAIN_NOT,
    _dated_year,
    _mark_speech,
    _negated,
    _relative_time,
    _retraction_noted,
)

# The parts of a frame must not be split by a clause that turns the sense ("approval was expected;
# instead the FDA ...", "close, but ...").
FRAME_BARRIER = re.compile(r"[;?!]|\b(?:but|however|although|though|whereas|instead|yet)\b| - ")


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


def pattern_checks(rule: Rule) -> list[tuple[int, tuple[str, ...]]]:
    """The rule's patterns a substring test can rule out (factcheck/nlp/literals.py): each one's
    index and its literals, worked out once per pack."""
    return [(i, tuple(lits)) for i, lits in enumerate(rule.pattern_triggers)
            if lits and all(lit.isascii() for lit in lits)]


def required_sets(rule: Rule) -> list[tuple[tuple[str, ...], ...]]:
    """For each of the rule's patterns, the literal sets it requires that a substring test can
    check (ASCII only: case-insensitive matching equates some other letters); computed once per pack."""
    requires = rule.pattern_requires or [[lits] if lits else [] for lits in rule.pattern_triggers]
    if len(requires) != len(rule.patterns):
        return [() for _ in rule.patterns]  # unknown: no pattern can be ruled out
    return [tuple(tuple(lits) for lits in sets if all(map(str.isascii, lits))) for sets in requires]


def _absent_patterns(checks: list[tuple[int, tuple[str, ...]]], norm: str) -> set[int]:
    """The patterns that cannot match this sentence (lower-case): none of their literals is in it."""
    if not checks or any(c in norm for c in CASE_TRAPS):
        return set()
    has = norm.__contains__
    return {i for i, lits in checks if not any(map(has, lits))}  # map: no Python frame per literal


class RuleMatcher:
    """Matches the pack's pattern rules and frames (mixed into Extractor)."""

    rules: list[Rule]
    pattern_checks: dict[str, list[tuple[int, tuple[str, ...]]]]
    rule_triggers: dict[str, frozenset[str]]
    all_triggers: frozenset[str]
    required: dict[str, list[tuple[tuple[str, ...], ...]]]

    # -- pack rules ----------------------------------------------------------------------------
    def _rules(self, ctx: Context, in_domain: bool) -> list[Claim]:
        out: list[Claim] = []
        folded = ctx.folded
        collapsed_cache: dict[tuple[int, int], tuple[str, list[int]]] = {}
        # A text holding a case trap is read as before: every candidate sentence, every pattern.
        sift = not any(c in folded for c in CASE_TRAPS)
        for rule in self.rules:
            if not rule.context and not in_domain:
                continue
            sentences = self._candidate_sentences(rule, ctx)
            if sentences and sift and rule.frame is None:
                sentences = self._possible(rule, ctx, sentences)
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

    def _possible(self, rule: Rule, ctx: Context, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Of the rule's candidate sentences, those where one of its patterns may match: a sentence
        holding a string of each literal set the pattern requires. Elsewhere no pattern matches,
        so trying the rule there finds nothing (a rule with a frame is tried on all of them)."""
        required = self.required[rule.id]
        if not all(required):
            return sentences  # a pattern no literal test can rule out
        # A literal the document lacks is in none of its sentences: each set keeps only those the
        # document holds (the literal index answers), and a pattern with a set left empty is
        # dropped. The same sentences pass, with fewer substring searches in each.
        held_in_doc = ctx.literals().held
        live: list[list[tuple[str, ...]]] = []
        for sets in required:
            kept: list[tuple[str, ...]] = []
            for lits in sets:
                held = held_in_doc(lits)
                if not held:
                    break
                kept.append(held)
            else:
                live.append(kept)
        if not live:
            return []
        folded = ctx.folded
        out: list[tuple[int, int]] = []
        for sent in sentences:
            has = folded[sent[0] : sent[1]].__contains__
            # Plain loops: generators nested per sentence and pattern cost more than the tests.
            for sets in live:
                for lits in sets:
                    if not any(map(has, lits)):
                        break
                else:
                    out.append(sent)  # every set of this pattern is held
                    break
        return out

    def _sentences_holding(self, ctx: Context, trig: str) -> list[tuple[int, int]]:
        """The sentences where `trig` starts, in text order, once per document."""
        cache = ctx.trigger_sentences
        sents = cache.get(trig)
        if sents is None:
            folded = ctx.folded
            sents = []
            i = folded.find(trig)
            while i >= 0:
                sent = ctx.sentence_of(i)
                sents.append(sent)
                i = folded.find(trig, sent[1])
            cache[trig] = sents
        return sents

    def _candidate_sentences(self, rule: Rule, ctx: Context) -> list[tuple[int, int]]:
        if rule.triggers is None:
            starts = ctx.sent_starts or [0]
            return [ctx.sentence_of(s) for s in starts]
        present = ctx.present_triggers
        if present is None:
            # One membership test per distinct trigger per document; most rules then drop out
            # with a set operation.
            index = ctx.literals()
            present = ctx.present_triggers = set(index.held(self.all_triggers))
        hits = self.rule_triggers[rule.id] & present
        if not hits:
            return []
        found: set[tuple[int, int]] = set()
        for trig in hits:
            found.update(self._sentences_holding(ctx, trig))
        return sorted(found)

    def _match_rule(self, rule: Rule, ctx: Context, sent: tuple[int, int], norm: str, offsets: list[int]) -> list[Claim]:
        out: list[Claim] = []
        seen: set[tuple[int, int]] = set()
        skip = _absent_patterns(self.pattern_checks[rule.id], norm)
        for i, pattern in enumerate(rule.patterns):
            if i in skip:
                continue
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
