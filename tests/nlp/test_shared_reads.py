"""Reads of a document that are kept for every pack, and cues tried only where their words are:
each gives what the plain reading gives (the speed work of docs/performance.md, fourth round)."""

from __future__ import annotations

import re

import pytest

from factcheck.nlp.claims import Claim
from factcheck.nlp.context import Context, _clause
from factcheck.nlp.extract import Extractor
from factcheck.nlp.normalize import fold
from factcheck.nlp.tails import TAIL_END


def _context(text: str) -> Context:
    starts = [0] + [m.end() for m in re.finditer(r"[.!?] +", text)]
    return Context(text=text, folded=fold(text), sent_starts=starts, paragraphs=[0])


def _plain_arm(ex: Extractor, ctx: Context, claim: Claim, segment: tuple[int, int]) -> str | None:
    """The arm reading before its cues were filtered by their words (every cue, every figure)."""
    lo, hi = _clause(ctx.folded, claim.sentence, claim.start, claim.end)
    lo, hi = max(lo, segment[0]), min(hi, segment[1])
    tail = TAIL_END.search(ctx.folded, claim.end, hi)
    if tail is not None:
        hi = tail.start()
    region = ctx.folded[lo:hi]
    best: tuple[int, str] | None = None
    for arm, cues in ex.pack.arms.items():
        for cue in cues:
            for m in cue.finditer(region):
                pos = lo + m.start()
                dist = claim.start - (lo + m.end()) if pos < claim.start else pos - claim.end
                if pos >= claim.end and dist > 40:
                    continue
                if (pos >= claim.end and segment[1] < len(ctx.folded) and segment[1] - (lo + m.end()) <= 12
                        and not TAIL_END.search(ctx.folded, lo + m.end(), segment[1])):
                    continue
                if best is None or abs(dist) < best[0]:
                    best = (abs(dist), arm)
    return best[1] if best else None


TEXTS = [
    "In the MDMA group 67% responded, against 32% on placebo. Overall 71% of all participants finished. "
    "The low-dose arm saw 12% and the active doses 40%; both groups lost 5% (control group 2%).",
    "On semaglutide 2.4 mg, 15% lost weight; on the 10 mg dose 20%, the highest dose 22.5% and placebo 3%.",
    # A case trap (long s) in the text: every cue is searched.
    "Participants who received MDMA: 54%, ſugar pill 20%, sugar pill 18%, inactive 9% in total.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_arm_cues_filtered_by_their_words_find_the_same_arm(bundled_pack, text: str) -> None:
    ctx = _context(text)
    seen = 0
    for sub in bundled_pack.packs:
        ex = Extractor(sub)
        for m in re.finditer(r"\d+(?:\.\d+)?%", text):
            claim = Claim(type="figure", kind="trial-statistic", start=m.start(), end=m.end(),
                          sentence=ctx.sentence_of(m.start()), unit="percent")
            for segment in [(0, len(text)), (max(0, m.start() - 30), min(len(text), m.end() + 20))]:
                got = ex._arm(ctx, claim, segment)
                assert got == _plain_arm(ex, ctx, claim, segment)
                seen += got is not None
    assert seen  # the texts name arms


def test_design_cues_without_studies_of_that_design_decide_nothing(bundled_pack) -> None:
    for sub in bundled_pack.packs:
        ex = Extractor(sub)
        for cue, studies in ex._designs():
            assert studies and all(sub.studies[s].design and cue.search(sub.studies[s].design.lower()) for s in studies)


def test_time_points_are_read_once_per_stretch_of_text(bundled_pack) -> None:
    text = "One year after treatment, 67% no longer met criteria."
    ctx = _context(text)
    claim = Claim(type="figure", kind="trial-statistic", start=text.index("67%"), end=text.index("67%") + 3,
                  sentence=(0, len(text)), unit="percent")
    for sub in bundled_pack.packs:
        Extractor(sub)._timepoint(ctx, claim, (0, len(text)))
        assert claim.timepoint_weeks == 52.0 and claim.timepoint_anchor == "treatment"
    assert list(ctx.memo("timepoints").values()) == [(52.0, "treatment")]


FIGURE_TEXTS = [
    "# MDMA\n\nIn MAPP1, 67% of the MDMA group no longer met PTSD criteria, against 32% on placebo. "
    "Sessions lasted about eight hours; the integration session lasts 90 minutes. MDMA trials gave 80 to 120 mg, "
    "with a supplemental dose of 40 mg. A pooled analysis found 54% remission at the long-term follow-up.",
    "# Wegovy\n\nOn semaglutide 2.4 mg, people lost 14.9% of their body weight at 68 weeks, versus 2.4% on "
    "placebo; at least 5% weight loss was reached by 86%. Tirzepatide 15 mg gave 20.9%.",
    "# MDMA\n\nThe ſtudy enrolled 90 participants in 15 sites; 88% of the MDMA arm responded.",
]


@pytest.mark.parametrize("text", FIGURE_TEXTS)
def test_measure_and_design_cues_filtered_by_their_words_read_the_same(run_doc, monkeypatch, text: str) -> None:
    """Every figure's measure, arm, study and time point are the same when every cue is searched
    in every stretch (the literal tests switched off)."""
    from factcheck.nlp import attach
    from factcheck.nlp.pipeline import claims_of

    def read() -> list[tuple]:
        doc, _d = run_doc(text)
        return [(c.start, c.end, c.unit, c.low, c.high, c.quantity, c.other_quantities, c.arm, c.studies,
                 c.study_how, c.timepoint_weeks, c.pack) for c in claims_of(doc) if c.type == "figure"]

    filtered = read()
    monkeypatch.setattr(attach, "may_match", lambda *args, **kwargs: True)
    live_cues, arm_cues = Context.live_cues, attach.FigureAttacher._arm_cues
    monkeypatch.setattr(Context, "live_cues", lambda self, q: [(c, None) for c, _l in live_cues(self, q)])
    monkeypatch.setattr(attach.FigureAttacher, "_arm_cues", lambda self, ctx: [(a, c, None) for a, c, _l in arm_cues(self, ctx)])
    assert read() == filtered
    assert any(f[5] for f in filtered)  # some figure has its measure


def test_study_aliases_looked_up_by_their_longest_word_find_the_same_citations(run_doc, bundled_pack, monkeypatch):
    from factcheck.nlp.citations import CitationFinder
    from factcheck.nlp.pipeline import claims_of

    aliases = [a for sub in bundled_pack.packs for st in sub.studies.values() for a in st.aliases if a]
    text = "# MDMA and semaglutide\n\n" + " ".join(f"In {a}, results held; see {a.upper()} and x{a}y." for a in aliases)

    def read() -> list[tuple]:
        doc, _d = run_doc(text)
        return [(c.start, c.end, c.studies, c.pack) for c in claims_of(doc) if c.type == "citation"]

    keyed = read()
    original = CitationFinder._alias_keys
    monkeypatch.setattr(CitationFinder, "_alias_keys", lambda self: [(a, None) for a, _k in original(self)])
    assert read() == keyed
    assert len(keyed) >= len(aliases) // 2


def test_how_a_figure_is_said_and_a_retraction_noted_are_read_once_per_place() -> None:
    from factcheck.nlp.speech import _mark_figure_speech, _retraction_noted

    text = "Critics say 67% responded. The paper was retracted in 2024. Is it 54%?"
    ctx = _context(text)
    for covering, said, asked, retracted in [("67%", True, False, True), ("54%", False, True, True)]:
        start = text.index(covering)
        first, second = (Claim(type="figure", kind="trial-statistic", start=start, end=start + len(covering),
                               sentence=ctx.sentence_of(start), unit="percent") for _ in range(2))
        for claim in (first, second):  # the second reads what the first worked out
            _mark_figure_speech(ctx, claim)
            assert (claim.attributed, claim.question) == (said, asked)
            assert _retraction_noted(ctx, claim) is retracted
        assert (first.attribution, first.hedged) == (second.attribution, second.hedged)
    plain = _context("Critics say 67% responded.")
    claim = Claim(type="figure", kind="trial-statistic", start=12, end=15, sentence=(0, 26), unit="percent")
    assert _retraction_noted(plain, claim) is False


@pytest.mark.parametrize("text", [*FIGURE_TEXTS, "# MDMA\n\nA pooled analysis of phase 2 trials found 54% remission; 54.5% in one arm."])
def test_percentages_without_a_measure_are_dropped_as_before(run_doc, monkeypatch, text: str) -> None:
    """A percentage naming no measure is looked up against retracted studies only when it is exact
    and the pack has a retracted study's percentage: the same figures as looking it up always."""
    from factcheck.nlp import attach
    from factcheck.nlp.pipeline import claims_of

    def read() -> list[tuple]:
        doc, _d = run_doc(text)
        return [(c.start, c.end, c.quantity, c.studies, c.study_how, c.pack) for c in claims_of(doc) if c.type == "figure"]

    shortcut = read()
    monkeypatch.setattr(attach.FigureAttacher, "_retracted_percentages", lambda self: True)
    assert read() == shortcut


def test_live_cues_of_a_list_of_quantities_are_each_ones_live_cues_in_order(bundled_pack) -> None:
    quantities = [q for sub in bundled_pack.packs for q in sub.quantities.values()]
    ctx = _context("Participants lost weight: 15% of body weight, 3 sessions of 8 hours, 120 mg, "
                   "a CAPS-5 score fell by 24 points over 18 weeks; the ſtudy ran.")
    plain = [(q, cue, lits) for q in quantities for cue, lits in ctx.live_cues(q)]
    assert ctx.live_cues_of(quantities) == plain and plain
    assert ctx.live_cues_of(quantities) is ctx.live_cues_of(quantities)  # read once per list
    assert ctx.live_cues_of(quantities[:3]) == [t for t in plain if any(t[0] is q for q in quantities[:3])]
