"""Reading labelled corpus cases (score.py's format), shared by the corpus tests."""

from __future__ import annotations

from pathlib import Path

import yaml


def load_cases(folder: Path) -> list[tuple[str, dict]]:
    """(name, case) for every case file of a corpus folder, in name order."""
    cases = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "text" in data:
            cases.append((path.stem, data))
    return cases


def spans_of(quote: str, text: str) -> list[tuple[int, int]]:
    """Every place the quote stands in the text."""
    found, start = [], text.find(quote)
    while start >= 0:
        found.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return found
