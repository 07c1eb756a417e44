"""Whole-text scans rewritten for speed (docs/performance.md, sixth round): each gives what the
plain reading gives."""

from __future__ import annotations

import random

import pytest

from factcheck.nlp import chunks
from factcheck.nlp.chunks import _SLOW_RUN, calm_symbols
from factcheck.nlp.normalize import FOLD, FOLD_PAIRS, fold


def test_no_fold_replacement_is_itself_folded() -> None:
    assert not {to for _, to in FOLD_PAIRS} & {ch for ch, _ in FOLD_PAIRS}


@pytest.mark.parametrize("seed", range(5))
def test_fold_is_translate_then_lower(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = [chr(k) for k in FOLD] + list("aZ '\"-\n.İſ") + ["\u00e9", "\u1e9e"]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert fold(text) == text.translate(FOLD).lower()
    assert fold("") == ""


def _calm_plain(text: str) -> str:
    return _SLOW_RUN.sub(lambda m: " " * len(m.group(0)), text)


@pytest.mark.parametrize("seed", range(5))
def test_calm_symbols_blanks_what_the_substitution_blanks(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ["word", "!", "-", "(", "é", "\u00a0", "\u2003", " ", "\n", "\x1c", "a" * 300, "#" * 16, "_" * 20,
              "x" * 15, "-" * 15, "https://example.org/" + "q" * 240]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        assert calm_symbols(text) == _calm_plain(text)


def test_calm_symbols_on_a_text_too_large_to_split(monkeypatch) -> None:
    monkeypatch.setattr(chunks, "_SPLIT_MAX", 10)
    for text in ("plain words only, none long", "a" * 300 + " b", "x " + "!" * 20 + " y"):
        assert calm_symbols(text) == _calm_plain(text)



def test_last_tail_end_is_the_last_finditer_match():
    """Read from the end in growing windows, against the last of a full finditer."""
    from factcheck.nlp.tails import _TAIL_WORDS, TAIL_END, last_tail_end

    assert TAIL_END.pattern == "[,;]|" + _TAIL_WORDS.pattern  # the word branch read apart after the last comma

    pieces = ["and", "vs.", "vs", "versus", "relative to", "compared", "than", "but", "while", "band", "android",
              ",", ";", "x", "figure", "\n", "  ", "whereas", "against", "thanks", "to", "relative"]
    rng = random.Random(7)
    texts = ["", "a", "and", " and", "x, y", "relative to", " relative to and", "a" * 3000 + " and" + "b" * 3000]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 400))) for _ in range(600)]
    for text in texts:
        for lo, hi in [(0, len(text)), (1, len(text)), (0, len(text) // 2), (len(text) // 3, len(text) - 1)]:
            if lo > hi:
                continue
            found = list(TAIL_END.finditer(text, lo, hi))
            assert last_tail_end(text, lo, hi) == (found[-1].start() if found else None), (text[:40], lo, hi)


def test_follow_up_search_gated_by_its_words_finds_the_same():
    """A sentence is searched for FOLLOW_UP only when it holds one of FOLLOW_UP_WORDS."""
    from factcheck.nlp.attach import FOLLOW_UP, FOLLOW_UP_WORDS

    pieces = ["this", "the", "a", "its", "at", "by", "follow-up", "followup", "extension", "sub-study", "substudy",
              "survey", "re-analysis", "reanalysis", "long", "open-label", "trial", "of", ".", "\n"]
    rng = random.Random(12)
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(4000)]
    found = 0
    for text in texts:
        gated = any(text.find(w, 0, len(text)) >= 0 for w in FOLLOW_UP_WORDS) and FOLLOW_UP.search(text, 0, len(text))
        plain = FOLLOW_UP.search(text, 0, len(text))
        assert bool(gated) is bool(plain), text
        found += bool(plain)
    assert found > 200


def test_attach_readings_kept_per_document_are_the_plain_readings():
    """`_found` keeps what `_attach` reads of a stretch (for every figure and pack of a document):
    asked in any order and again, it answers as the plain reading does."""
    from factcheck.nlp.attach import FOLLOW_UP, FOLLOW_UP_WORDS, OWN_STUDY_CUE, PHASE, PHASE_OF, _found, _list_lead_in
    from factcheck.nlp.context import Context
    from factcheck.nlp.normalize import fold

    pieces = ["this", "follow-up", "trial", "2021", "phase 3", "phase ii", "earlier", ":", "\n\n", "- item", ".",
              "studies", "the", "survey", "by contrast", "x"]
    rng = random.Random(21)
    for _ in range(200):
        text = fold(" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 60))))
        paragraphs = sorted({0} | {i + 2 for i in range(len(text)) if text.startswith("\n\n", i)})
        ctx = Context(text=text, folded=text, sent_starts=[0], paragraphs=paragraphs)
        for _ in range(30):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text))
            plain = {
                "follow_up": any(text.find(w, a, b) >= 0 for w in FOLLOW_UP_WORDS) and FOLLOW_UP.search(text, a, b) is not None,
                "own_study": OWN_STUDY_CUE.search(text, a, b) is not None,
                "list_lead_in": _list_lead_in(ctx, a),
                "phases": {PHASE_OF[m.group("p")] for m in PHASE.finditer(text, a, b)},
            }
            for name, expected in plain.items():
                assert _found(ctx, name, a, b) == expected
                assert _found(ctx, name, a, b) == expected
