"""Jurisdiction codes and the names that point to each (data/places.yaml).

Kept apart from the topic logic so that the pack loader can check a rule's `jurisdiction:` code
without importing spaCy."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.lang.datafile import load_data_yaml

if TYPE_CHECKING:
    from spacy.tokens import Doc

PLACES_FILE = Path(__file__).parent / "data" / "places.yaml"


@lru_cache(maxsize=1)
def places() -> dict[str, list[str]]:
    """Code -> names and regulators ("au" -> Australia, TGA, ...)."""
    data = load_data_yaml(PLACES_FILE)
    return {str(k): [str(p) for p in v] for k, v in data.items()}


# A federation's own level: under `us-federal` a sentence that names a US state is about that
# state ("Colorado legalized it"), while under `us` a state name leaves a federal fact in force.
FEDERAL_LEVELS = {"us-federal": ("us", "us-state")}


def jurisdiction_codes() -> set[str]:
    """Every code a rule may name."""
    return set(places()) | set(FEDERAL_LEVELS)


def country_of(code: str | None) -> str | None:
    """The country a code belongs to (`us-federal` -> `us`)."""
    return FEDERAL_LEVELS[code][0] if code in FEDERAL_LEVELS else code


# The country's short name in lower case is the pronoun ("Novo informed us that stock is short"):
# the phrase matcher reads lower-case tokens, so the written case decides here.
_PRONOUN_US = {"us", "Us"}


def without_pronoun_us(doc: Doc, cues: list) -> list:
    """`cues` without a `JUR:us` cue on the pronoun "us" (only "US" names the country)."""
    if not any(c[0] == "JUR:us" for c in cues):
        return cues
    return [c for c in cues if not (c[0] == "JUR:us" and c[2] - c[1] == 1 and doc[c[1]].text in _PRONOUN_US)]
