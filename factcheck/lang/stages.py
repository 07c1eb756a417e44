"""The last stage of clinical testing, however a writer names it.

"the third and final phase of clinical trials", "the final, third stage of trials", "the last
stage of human testing", "the third and final scientific phase": one stage, many noun phrases.
A stage noun (phase, stage, round) with a word of lateness before it in the same noun phrase is
the `final-stage` event when the phrase says what is tested ("of clinical trials") or counts the
stage as the third (phase 3 under another name). "the final stage of the negotiations" and "the
last phase of the project" say nothing of trials and are not read.
"""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.lang.cues import Cue

FINAL_STAGE = "EV:final-stage"
# Words that place a stage at the end; "third" alone also names it (phase 3).
LATE = frozenset({"final", "last", "decisive", "concluding", "third", "3rd", "late"})
THIRD = frozenset({"third", "3rd"})
# What a stage may be "of" to be the testing of a drug. Not one trial or study: "the final phase of
# the study" is the last part of that study, not phase 3.
TESTED = frozenset({"trials", "testing", "tests", "studies", "research", "development", "evaluation", "experiments",
                    "experimentation"})
# Words allowed between "of" and what is tested: "of clinical trials", "of its human testing".
TESTING_MODIFIERS = frozenset({"clinical", "human", "scientific", "medical", "drug", "its", "their", "the", "mdma",
                               "controlled", "large", "larger", "pivotal", "efficacy", "research"})
# Words allowed inside the noun phrase before the stage noun: "the third and final scientific phase".
NP_FILLERS = frozenset({"and", ",", "the", "its", "their", "scientific", "clinical", "crucial", "critical",
                        "pivotal", "key", "big", "large", "larger", "human", "testing", "trial", "research",
                        "so-called", "all-important", "definitive", "(", ")", "-"})  # "the third (and final) phase"
# Fillers that name the testing itself, inside the phrase ("the final testing stage").
TESTED_INSIDE = frozenset({"testing", "trial", "clinical"})
MAX_BACK = 5
STAGES_ALONE = frozenset({"phase", "stage"})


def final_stage_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """`final-stage` event cues, spanning the first word of lateness to the end of the phrase."""
    out: list[Cue] = []
    for c in cues:
        if c.label != "STAGE":
            continue
        first, third = None, False  # the first word of lateness, and whether "third" is among them
        j = c.start - 1
        while j >= 0 and c.start - j <= MAX_BACK:
            w = doc[j].lower_
            if w in LATE:
                first = j
                third = third or w in THIRD
            elif w not in NP_FILLERS:
                break
            j -= 1
        if first is None:
            continue
        # "the final testing stage", "the last clinical phase": the phrase itself says what is tested.
        tested_inside = any(doc[k].lower_ in TESTED_INSIDE for k in range(first + 1, c.start))
        end = _tested_after(doc, c.end) or _tested_right_after(doc, c.end) \
            or (c.end if tested_inside or _their_stage(doc, first) else None)
        # "a third round" of what? Funding as often as trials: only a phase or stage counts alone.
        alone = third and doc[c.start].lower_ in STAGES_ALONE and not _of_something_else(doc, c.end)
        if end is None and not alone:
            continue
        out.append(Cue(FINAL_STAGE, first, end or c.end))
    return out


# Subjects whose own stage "their" or "its" names: "the trials have reached their final stages".
TESTED_SUBJECTS = frozenset({"trials", "trial", "studies", "testing", "tests", "research"})
SUBJECT_REACH = 6


def _their_stage(doc: Doc, first: int) -> bool:
    """"their final stages" after trials named as the clause's subject: the stage is of the trials
    ("the MDMA trials are in their final stages"; not "the company has reached its final stage")."""
    k = first - 1
    if k < 0 or doc[k].lower_ not in ("their", "its"):
        return False
    for j in range(k - 1, max(-1, k - SUBJECT_REACH - 1), -1):
        t = doc[j]
        if t.is_punct or t.lower_ in ("that", "which", "who", "but", "and", "while"):
            return False
        if t.lower_ in TESTED_SUBJECTS:
            return True
    return False


def _tested_after(doc: Doc, i: int) -> int | None:
    """The end of an "of clinical trials" phrase starting at token `i`, if there is one."""
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    j = i + 1
    while j < len(doc) and j - i <= 3 and doc[j].lower_ in TESTING_MODIFIERS:
        j += 1
    if j < len(doc) and doc[j].lower_ in TESTED:
        return j + 1
    # "of clinical research", "of its research": a modifier that is itself what is tested
    if j > i + 1 and doc[j - 1].lower_ in TESTED:
        return j
    return None


# What a stage may qualify as a modifier: "late-stage trials", "a final-stage clinical study", with
# up to two of the testing modifiers between (not a determiner: "at the last stage the study ...").
TESTED_AS_HEAD = TESTED | {"trial", "study", "test"}
HEAD_MODIFIERS = TESTING_MODIFIERS - {"its", "their", "the"}


def _tested_right_after(doc: Doc, i: int) -> int | None:
    """The end of "trials" right after the stage noun, as what it qualifies ("late-stage (clinical)
    trials"); not "late-stage cancer"."""
    j = i
    while j < len(doc) and j - i < 2 and doc[j].lower_ in HEAD_MODIFIERS:
        j += 1
    return j + 1 if j < len(doc) and doc[j].lower_ in TESTED_AS_HEAD else None


def _of_something_else(doc: Doc, i: int) -> bool:
    """"the third phase of the project": a stage of something that is not a trial."""
    return i < len(doc) and doc[i].lower_ == "of"
