"""Citations by description: a study the text describes instead of naming ("its long-term
follow-up, which pools six Phase 2 trials", "the authors combined data from four phase 2
trials"), matched to the one study whose recorded design and title fit every feature the text
gives and none it leaves out.

A description needs the number and phase of the trials it draws on and at least one more feature
(pooled, long-term follow-up); a bare "a phase 2 study" names no study.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.knowledge.model import Pack
from factcheck.nlp.claims import Claim
from factcheck.nlp.context import Context

COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
PHASES = {"2": "2", "ii": "2", "two": "2", "3": "3", "iii": "3", "three": "3"}
TRIALS = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d)\s+"
    r"(?:(?:randomi[sz]ed|controlled|placebo-controlled|double-blind|clinical|mdma|separate|earlier|smaller|small)\s+){0,3}"
    r"phase[- ]?(?P<p>2|ii|two|3|iii|three)\s+"
    r"(?:(?:randomi[sz]ed|controlled|clinical|mdma)\s+){0,3}(?:trials|studies)\b")
# "six earlier trials": a count with no phase, matched to studies of any phase.
TRIALS_ANY_PHASE = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d)\s+"
    r"(?:(?:earlier|previous|prior|separate|completed|smaller|small|randomi[sz]ed|controlled|clinical|mdma)\s+){1,2}"
    r"(?:trials|studies)\b")
POOLED = re.compile(r"\b(?:pool(?:ed|s|ing)?|combin(?:ed|es|ing)|merg(?:ed|es|ing)|meta-?analy[sz](?:is|es|ed))\b")
FOLLOW_UP = re.compile(r"\blong[- ]term follow[- ]?ups?\b|\blongitudinal\b")
# In the text a plain "follow-up" is enough when the trials are counted beside it.
FOLLOW_UP_TOLD = re.compile(r"\b(?:long[- ]term )?follow[- ]?ups?\b|\blongitudinal\b")


@dataclass(frozen=True)
class Described:
    """What a study's record says it was: the trials it drew on and how."""

    trials: tuple[int, str]
    pooled: bool
    follow_up: bool


def design_features(pack: Pack) -> dict[str, Described]:
    """Each study whose design or title names the number and phase of the trials it drew on."""
    out: dict[str, Described] = {}
    for sid, study in pack.studies.items():
        words = " ".join(filter(None, [study.design, study.title])).lower()
        m = TRIALS.search(words)
        if m is None:
            continue
        out[sid] = Described(_trials(m), bool(POOLED.search(words)), bool(FOLLOW_UP.search(words)))
    return out


def described_citations(ctx: Context, features: dict[str, Described], cited: list[Claim]) -> list[Claim]:
    """Citation claims for the studies a sentence describes, where exactly one study fits."""
    if not features or ("trials" not in ctx.folded and "studies" not in ctx.folded):
        return []  # every description counts trials or studies
    named = {c.sentence for c in cited if c.studies}
    out: list[Claim] = []
    # Both patterns open with a count (a digit or a number word): tried only where a number starts.
    for m in [*ctx.scan_numbers(TRIALS), *ctx.scan_numbers(TRIALS_ANY_PHASE)]:
        sent = ctx.sentence_of(m.start())
        if sent in named:
            continue  # the sentence names its study: the description is of that one
        pooled = [p for p in POOLED.finditer(ctx.folded, sent[0], sent[1])]
        follow = [f for f in FOLLOW_UP_TOLD.finditer(ctx.folded, sent[0], sent[1])]
        if not pooled and not follow:
            continue
        told = Described(_trials(m), bool(pooled), bool(follow))
        # Every feature told must be the study's; of several such, the one with no feature left
        # untold ("pooled six phase 2 trials" is the pooled analysis, not its long-term follow-up).
        fits = [sid for sid, f in features.items() if _within(told, f)]
        if len(fits) > 1:
            fits = [sid for sid in fits if (features[sid].pooled, features[sid].follow_up) == (told.pooled, told.follow_up)]
        if len(fits) != 1:
            continue
        marks = [m, *pooled, *follow]
        start, end = min(x.start() for x in marks), max(x.end() for x in marks)
        out.append(Claim(type="citation", kind="citation", start=start, end=end, sentence=sent, studies=fits,
                         citation=" ".join(ctx.text[start:end].split()), study_how="description"))
        named.add(sent)
    return out


def _within(told: Described, study: Described) -> bool:
    same = told.trials == study.trials or (told.trials[1] == "" and told.trials[0] == study.trials[0])
    return same and (not told.pooled or study.pooled) and (not told.follow_up or study.follow_up)


def _trials(m: re.Match[str]) -> tuple[int, str]:
    """The count and phase of the trials ("" when the text names no phase)."""
    n = m.group("n")
    phase = m.group("p") if "p" in m.re.groupindex else None
    return (int(n) if n.isdigit() else COUNTS[n]), PHASES[phase] if phase else ""
