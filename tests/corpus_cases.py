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


def write_cases(folder: Path, tmp: Path) -> dict[str, tuple[str, dict, int]]:
    """Each case as a Markdown file in `tmp`, as score.py writes it (a front-matter `date` when the
    case has `published`); returns {path: (name, case, offset of the text in the file)}."""
    files: dict[str, tuple[str, dict, int]] = {}
    for name, case in load_cases(folder):
        published = case.get("published")
        if isinstance(published, dict):
            published = published.get("date")
        head = f"---\ndate: {published}\n---\n" if published else ""
        path = tmp / f"{name}.md"
        path.write_text(head + case["text"], encoding="utf-8")
        files[str(path)] = (name, case, len(head))
    return files
