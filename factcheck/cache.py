"""A content-hash cache of lint results, so a re-run over unchanged files skips the NLP work.

One entry per (file bytes, file name) under a folder keyed by everything else that can change a
result: the tool version, the claims pack fingerprint, the effective config, the as-of date and
the run's flags. Changing any of those selects another folder, so nothing stale is ever read.
Entries are written atomically (temporary file + rename); an entry that cannot be read or
unpickled is treated as a miss. Like ruff's `.ruff_cache`, the folder holds a `.gitignore`.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from factcheck.models import FileReport

DEFAULT_DIR = ".factcheck_cache"
FORMAT = "v1"  # bump when the entry layout changes
BLOCK = 256  # paths looked up together before the misses go to the linter (bounds memory)


def default_cache_dir() -> Path:
    """`FACTCHECK_CACHE_DIR`, else `.factcheck_cache` in the working folder (as ruff does)."""
    return Path(os.environ.get("FACTCHECK_CACHE_DIR") or DEFAULT_DIR)


def run_key(*parts: Any) -> str:
    """A short digest of everything besides the file that decides its findings."""
    h = hashlib.sha256()
    for p in parts:
        h.update(repr(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:24]


def code_fingerprint() -> str:
    """Size and mtime of every module and data file of the package (cue lists, places, shipped
    models): an edited checkout (same version number) never reads results an older build of the
    code or its language data wrote. Costs a stat per file."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    files = [p for p in root.rglob("*") if p.suffix in (".py", ".yaml", ".json", ".gz", ".cfg") or p.name == "model"]
    for path in sorted(files):
        try:
            st = path.stat()
        except OSError:
            continue
        h.update(f"{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()[:16]


class ResultCache:
    """Findings per file content for one run key; `get`/`put` never raise for a bad entry."""

    def __init__(self, root: str | Path, key: str) -> None:
        self.root = Path(root)
        self.dir = self.root / FORMAT / key
        self.hits = 0
        self.misses = 0
        self._ready = False

    @staticmethod
    def entry_key(path: str, data: bytes) -> str:
        # The name is part of the key: it sets the format (by extension) and the report's path.
        return hashlib.sha256(path.encode("utf-8") + b"\x00" + data).hexdigest()

    def _file(self, key: str) -> Path:
        return self.dir / key[:2] / key

    def get(self, key: str) -> FileReport | None:
        try:
            with open(self._file(key), "rb") as fh:
                report = pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # a truncated or foreign file: a miss, rewritten below
            return None
        return report if isinstance(report, FileReport) else None

    def put(self, key: str, report: FileReport) -> None:
        if report.error:
            return  # an unreadable input is re-tried next time
        target = self._file(key)
        try:
            self._prepare(target.parent)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(report, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, target)  # atomic: a reader sees the old entry or the new one
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # a read-only or full disk costs speed, never a result

    def _prepare(self, folder: Path) -> None:
        if not self._ready:
            self.root.mkdir(parents=True, exist_ok=True)
            ignore = self.root / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Created by factcheck automatically.\n*\n", encoding="utf-8")
            tag = self.root / "CACHEDIR.TAG"
            if not tag.exists():
                tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n"
                               "# This file is a cache directory tag created by factcheck.\n", encoding="utf-8")
            self._ready = True
        folder.mkdir(parents=True, exist_ok=True)


def cached_lint_paths(linter: Any, paths: Iterable[str], jobs: int, cache: ResultCache) -> Iterator[FileReport]:
    """`linter.lint_paths` with the cache in front: hits come from disk, misses are linted (in
    parallel when jobs > 1) and stored; reports keep the input order."""
    block: list[str] = []
    for p in paths:
        block.append(str(p))
        if len(block) >= BLOCK:
            yield from _block(linter, block, jobs, cache)
            block = []
    if block:
        yield from _block(linter, block, jobs, cache)


def _block(linter: Any, paths: list[str], jobs: int, cache: ResultCache) -> Iterator[FileReport]:
    found: list[FileReport | None] = []
    keys: list[str | None] = []
    for p in paths:
        try:
            key = cache.entry_key(p, Path(p).read_bytes())
        except OSError:
            key = None  # the linter reports why it cannot be read
        hit = cache.get(key) if key else None
        found.append(hit)
        keys.append(key)
    misses = [p for p, hit in zip(paths, found) if hit is None]
    cache.hits += len(paths) - len(misses)
    cache.misses += len(misses)
    fresh = linter.lint_paths(misses, jobs=jobs) if misses else iter(())
    for hit, key in zip(found, keys):
        if hit is not None:
            yield hit
            continue
        report = next(fresh)
        if key:
            source, report.source_text = report.source_text, None  # never stored: findings only
            cache.put(key, report)
            report.source_text = source
        yield report
