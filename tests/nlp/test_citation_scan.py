"""The citation scan is tried only where CITATION_AT says a citation can start: the same matches as
CITATION.finditer over the whole text, on tricky strings and on the development corpora."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from factcheck.nlp.citations import CITATION, _citation_matches
from factcheck.nlp.context import Context
from factcheck.nlp.normalize import fold

TRICKY = [
    "Mitchell et al. 2021 and Mitchell et al. (2023) and Mitchell et al., 2021", "(Mitchell 2021); (Smith and Jones, 2020)",
    "as shown (Smith et al., 2019; Jones 2020) and (Lee & Park, 2018; Kim, 2017).", "O'Brien's 2019 pilot, O’Brien et al 2019",
    "McDonald and colleagues (2020), MacLeod & Brown 2021", "Mithoefer (2018) and Mithoefer\t(2019)", "Müller et al. 2020",
    "Ölz and Bauer 2020, St. John A. et al. 2019", "Smith J. et al. 2019; Smith J et al 2019", "Jones's 2017 analysis",
    "A and B, C & D (E 2020) F's 2021 G’s review of 2022", "(A", "(", "A", "", "et al. 2019", "Doe-Ray and co-workers 2018",
    "The 2019 pooled analysis by Mithoefer and colleagues", "Wolfson, 2020;Wolfson 2020) (Wolfson,2020)",
]


def _same(text: str) -> None:
    ctx = Context(text=text, folded=fold(text), sent_starts=[0], paragraphs=[0])
    expected = [(m.span(), m.groupdict()) for m in CITATION.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in _citation_matches(ctx)] == expected


def test_tricky_strings_and_random_mixes_of_them():
    rng = random.Random(5)
    pieces = [w for t in TRICKY for w in t.split(" ")] + ["\n", " ", "  ", "(", ")", ";", ",", "et", "al.", "and", "&",
                                                          "2019", "1999", "'s", "’s", "X", "Ab"]
    texts = TRICKY + [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(1500)]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(500)]
    found = 0
    for text in texts:
        _same(text)
        found += bool(CITATION.search(text))
    assert found > 300


@pytest.mark.parametrize("folder", ["corpus", "corpus_dev", "corpus_dev2", "corpus_glp1_dev", "corpus_real/dev"])
def test_the_same_on_the_development_corpora(folder: str):
    # The development corpora only (never the sealed ones).
    files = sorted((Path(__file__).resolve().parents[1] / folder).glob("*.yaml"))
    assert files
    for path in files:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(case, dict) and isinstance(case.get("text"), str):
            _same(case["text"])
