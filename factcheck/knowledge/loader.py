"""Load claims packs (pack.yaml, sources/, claims/), validate them and compile them for the judge.

The entry point: `load_pack` raises PackError on the first batch of errors (what `lint` needs);
`check_packs` returns every problem, errors and warnings, for `factcheck db check`. The work is
done one step a module: raw_pack (read the files), fields (typed field checks with lines),
lexicon, sources, studies, claims, rule_entries, values, references, assembled by assemble.

`Problem` and `PackError` live in problems.py; they are re-exported here (and from
factcheck.knowledge) because callers outside the package have long imported them from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from factcheck.knowledge.assemble import build_pack
from factcheck.knowledge.fields import FieldChecker
from factcheck.knowledge.model import Pack, combine
from factcheck.knowledge.packs import group
from factcheck.knowledge.problems import PackError, Problem
from factcheck.knowledge.raw_pack import read_raw_pack

__all__ = ["PackError", "Problem", "bundled_pack_root", "check_packs", "load_pack", "load_pack_cached"]


def bundled_pack_root() -> Path:
    """The pack shipped with the package: inside the wheel, or the repository root in a checkout."""
    here = Path(__file__).resolve().parent.parent
    inside = here / "_pack"
    if (inside / "claims").is_dir():
        return inside
    return here.parent


def check_packs(roots: list[Path], as_of: date | None = None) -> tuple[Pack | None, list[Problem]]:
    """Load and validate every pack under `roots`; return them combined (None if none could be
    read) and every problem found. Each pack is built on its own (its macros, terms, quantities,
    arms and topic are its own) and its rules are named `PACK/RULE`."""
    ck = FieldChecker()
    for root in roots:
        if not (root / "claims").is_dir() and not (root / "sources").is_dir():
            ck.problems.append(Problem(str(root), 0, "error", "not a claims pack: no claims/ or sources/ folder"))
    built: list[Pack] = []
    for pf in group(roots):
        raw, meta = read_raw_pack(pf, ck)
        sub = build_pack(raw, ck, as_of, pack_id=pf.id)
        sub.title = meta.get("title", pf.id)
        sub.version = meta.get("version")
        built.append(sub)
    if not built:
        return None, ck.problems
    return combine(built), ck.problems


def load_pack(extra_roots: Iterable[Path] = (), include_bundled: bool = True) -> Pack:
    """The pack the linter uses: the bundled one plus user packs (later ids override earlier)."""
    roots = ([bundled_pack_root()] if include_bundled else []) + [Path(p) for p in extra_roots]
    pack, problems = check_packs(roots)
    errors = [p for p in problems if p.level == "error"]
    if errors or pack is None:
        raise PackError(errors or [Problem(str(roots[0]), 0, "error", "no pack loaded")])
    return pack


_CACHE: dict[tuple[str, ...], Pack] = {}


def load_pack_cached(extra_roots: Iterable[Path] = (), include_bundled: bool = True) -> Pack:
    """Build the compiled pack once per process per set of roots."""
    extra = [Path(p) for p in extra_roots]
    key = (str(include_bundled), *tuple(str(p.resolve()) for p in extra))
    if key not in _CACHE:
        # Across processes: the built pack is kept on disk, keyed by its files (pack_cache).
        from factcheck.knowledge.pack_cache import load_or_build

        roots = ([bundled_pack_root()] if include_bundled else []) + extra
        _CACHE[key] = load_or_build(roots, lambda: load_pack(extra, include_bundled))
    return _CACHE[key]
