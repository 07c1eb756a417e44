"""Jurisdiction codes and the names that point to each (data/places.yaml).

Kept apart from the topic logic so that the pack loader can check a rule's `jurisdiction:` code
without importing spaCy."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.lang.datafile import load_data_yaml

if TYPE_CHECKING:  # (the loader reads the codes without spaCy)
    from spacy.tokens import Doc

    from factcheck.lang.cues import Cue

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


# Acronyms among the place names ("US", "NICE", "FDA") name a place only as written: the phrase
# matcher reads lower-case tokens, and in lower case two of them are words ("Novo informed us that
# stock is short", "a nice result").
@lru_cache(maxsize=1)
def _written_acronyms() -> frozenset[str]:
    return frozenset(n.lower() for names in places().values() for n in names
                     if n.replace(".", "").isalpha() and n.replace(".", "").isupper())


def as_written_places(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """`cues` without a place cue on an acronym written in lower or title case ("us", "Nice")."""
    acronyms = _written_acronyms()
    keep = [c for c in cues if not (c.label.startswith("JUR:") and _lowered_acronym(doc, c, acronyms))]
    return keep if len(keep) < len(cues) else cues


def _lowered_acronym(doc: Doc, c: Cue, acronyms: frozenset[str]) -> bool:
    text = doc[c.start:c.end].text
    return text.lower() in acronyms and not text.isupper()
