import random
from pathlib import Path

import pytest

from factcheck.nlp import described, figures
from factcheck.nlp.normalize import fold
from factcheck.nlp.numscan import number_starts, scan_at

PATTERNS = [figures.PERCENT, figures.PERCENT_WORDS, figures.SHARE, figures.AMOUNT, figures.SAMPLE, figures.SITES, figures.SESSIONS,
            figures.POINTS, described.TRIALS, described.TRIALS_ANY_PHASE]
TRICKY = [
    "n = 90 and n=12; n\t= 7 adults, an = sign", "-5 points, a -12-point drop, 3-4 points", "x5% and 5.5% to 7 percent",
    "twenty-one participants, a hundred patients, often ten sessions, someone's two-thirds",
    "forty percent, a hundred per cent, ninety-nine percent; seventeen  percent, nineteen\npercent", "١٢ patients and ５ mg",
    "1,200 people at 14 sites; 120 mg/kg then 40 mg 2 hours later", "9 of 12 patients; nine out of ten adults",
    "v1.2.3 hours", "", "n", "-", "...5 mg", "3 preparatory, 3 dosing and 9 integration sessions",
    "two phase 3 trials, 3 randomized phase ii studies; six earlier trials, x5 earlier trials, 15 prior studies",
    "often ten separate clinical trials; seventeen smaller studies; ٣ earlier trials, 2-phase-3 trials",
]


def _same(pattern, text: str) -> None:
    expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in scan_at(pattern, text, number_starts(text))] == expected


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:30])
def test_scanning_at_number_starts_finds_what_finditer_finds(pattern):
    rng = random.Random(3)
    pieces = [w for t in TRICKY for w in t.split(" ")] + ["\n", "\n\n", "  ", "%", "mg", "weeks", "of", "(n = 4)"]
    texts = [fold(t) for t in TRICKY]
    texts += [fold(" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))) for _ in range(300)]
    for text in texts:
        _same(pattern, text)


def test_the_same_on_the_example_corpora():
    root = Path(__file__).resolve().parents[1]
    # The development corpora only (never the sealed ones).
    files = [f for d in ("corpus", "corpus_dev", "corpus_dev2", "corpus_glp1_dev", "corpus_real/dev")
             for f in sorted((root / d).glob("*.yaml"))]
    assert len(files) > 50
    for path in files:
        text = fold(path.read_text(encoding="utf-8"))
        for pattern in PATTERNS:
            _same(pattern, text)


def test_study_aliases_found_where_finditer_finds_them():
    """The citation finder's alias scan (tried where a present alias starts) against finditer."""
    from factcheck.knowledge import load_pack_cached
    from factcheck.nlp.context import Context
    from factcheck.nlp.extract import Extractor

    root = Path(__file__).resolve().parents[1]
    texts = [f.read_text(encoding="utf-8") for d in ("corpus", "corpus_dev", "corpus_real/dev")
             for f in sorted((root / d).glob("*.yaml"))]
    texts += ["MAPP1 and mapp2 (NCT04077437) in the MAPP1-extension; mapp1mapp2", ""]
    for sub in load_pack_cached().packs:
        ex = Extractor(sub)
        if ex.alias_re is None:
            continue
        for text in texts:
            ctx = Context(text=text, folded=fold(text), sent_starts=[0], paragraphs=[0])
            assert [m.span() for m in ex._alias_matches(ctx)] == [m.span() for m in ex.alias_re.finditer(ctx.folded)]


def test_effect_sizes_found_where_finditer_finds_them():
    """The effect-size scan, tried only where EFFECT_AT says one can start, against finditer."""
    from factcheck.nlp.context import Context

    tricky = ["cohen's d = 0.9, cohens d of 1.2, Cohen’s d was 0.8; d=0.7 and d: .5 d is 3", "hedges' g = 0.4, hedges g of 1",
              "effect size was large at 0.8; effect sizes of around 1.1 and 0.9%", "and d = 2, I'd = 3, d-2, x d = 4",
              "the d=0.5% rise", "d", "cohen's\nd =\n0.91", "effect size (cohen's d) was 0.91", ""]
    rng = random.Random(11)
    pieces = [w for t in tricky for w in t.split(" ")] + ["\n", "d", "=", "of", "is", "was", "0.5", "2", "%", "'"]
    texts = [fold(t) for t in tricky] + [fold(" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))))
                                         for _ in range(1500)]
    root = Path(__file__).resolve().parents[1]
    texts += [fold(f.read_text(encoding="utf-8")) for d in ("corpus", "corpus_dev", "corpus_glp1_dev", "corpus_real/dev")
              for f in sorted((root / d).glob("*.yaml"))]
    found = 0
    for text in texts:
        ctx = Context(text=text, folded=text, sent_starts=[0], paragraphs=[0])
        expected = [(m.span(), m.groupdict()) for m in figures.EFFECT.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in ctx.scan_where(figures.EFFECT, figures.EFFECT_AT)] == expected
        assert figures.effect_starts(text) == [m.start() for m in figures.EFFECT_AT.finditer(text)]
        ctx = Context(text=text, folded=text, sent_starts=[0], paragraphs=[0])
        assert [(m.span(), m.groupdict()) for m in ctx.scan_where(figures.EFFECT, figures.effect_starts)] == expected
        found += len(expected)
    assert found > 100


def test_number_starts_with_the_literal_index_are_the_same():
    """The index only spares searching for number words the text lacks."""
    from factcheck.nlp.literals import TextLiterals

    for text in [fold(t) for t in TRICKY] + ["a hundred and ninety", "often", "weightless nineteen", ""]:
        assert number_starts(text, TextLiterals(text)) == number_starts(text)


def test_fractions_found_where_finditer_finds_them():
    """The fraction scan, tried only where a fraction's words start (Context.scan_from)."""
    from factcheck.nlp.context import Context

    tricky = ["two-thirds of adults, two thirds the dose, a third of them, half of all, one-half the time",
              "nine out of ten patients; nine in ten of them; two in three the; four out of five of",
              "behalf of, a half of, halfof, a quarter the, three-quarters of", "half", "", "a third\nof"]
    rng = random.Random(5)
    pieces = [w for t in tricky for w in t.split(" ")] + ["\n", "of", "the", "half", "a", "third"]
    texts = [fold(t) for t in tricky] + [fold(" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))))
                                         for _ in range(800)]
    found = 0
    for text in texts:
        ctx = Context(text=text, folded=text, sent_starts=[0], paragraphs=[0])
        expected = [(m.span(), m.groupdict()) for m in figures.FRACTION.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in ctx.scan_from(figures.FRACTION, figures.FRACTION_STARTS)] == expected
        found += len(expected)
    assert found > 100


def test_fraction_and_site_gates_answer_as_their_plain_patterns():
    """The fraction gate's substrings and the site gate's literal-first pattern, against the
    patterns they replace, on random texts and the development corpora."""
    import re

    plain_fraction = re.compile(r"half|third|quarter| in (?:ten|three|five)| out of ")
    plain_sites = re.compile(r"\bsites?\b|clinics|cent(?:er|re)s|locations")
    pieces = ["half", "third", "quarter", "in", "ten", "three", "five", "out", "of", "site", "sites", "xsites",
              "_site", "campsite", "sitesx", "clinics", "centers", "centres", "locations", "\u00e9site", " ", "\n", "-"]
    rng = random.Random(8)
    texts = [fold(" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))).replace(" ", rng.choice(["", " "])))
             for _ in range(3000)]
    root = Path(__file__).resolve().parents[1]
    texts += [fold(f.read_text(encoding="utf-8")) for d in ("corpus", "corpus_dev", "corpus_real/dev")
              for f in sorted((root / d).glob("*.yaml"))]
    for text in texts:
        assert any(map(text.__contains__, figures.FRACTION_HINT_WORDS)) is bool(plain_fraction.search(text)), text
        assert [m.span() for m in figures.SITES_HINT.finditer(text)] == [m.span() for m in plain_sites.finditer(text)]
