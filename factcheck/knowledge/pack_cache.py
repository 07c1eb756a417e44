"""A compiled-pack cache on disk, keyed by the pack's files, so a one-file run skips the build.

Building the bundled pack (YAML, validation, macro expansion, regex compilation and the
required-literal analysis of every pattern) costs about half a second, a third of a one-draft
run. The built Pack is pickled once per set of pack files; regexes are stored as source and
compiled on first use (`LazyPattern`), because most rules are tried only on sentences holding
one of their trigger words and never compile at all on a given draft. Any change to a pack
file, the loader's code, the tool or Python selects another entry; a bad entry is rebuilt.
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factcheck.gc_tuning import paused

FORMAT = "1"


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """A stand-in for `re.Pattern` that compiles on first use (same methods and attributes).

    The first access fills slots with the compiled pattern's bound methods, so later calls
    (`p.search(...)`, millions of them on a big run) cost what they cost on a real pattern."""

    __slots__ = ("_compiled", "flags", "groupindex", "groups", "pattern", *_METHODS)

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def _get(self) -> re.Pattern[str]:
        if self._compiled is None:
            compiled = re.compile(self.pattern, self.flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
            self.groupindex, self.groups = compiled.groupindex, compiled.groups
            self._compiled = compiled
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # only for slots not filled yet, and other attributes
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._get(), name)

    def __reduce__(self) -> tuple:
        return (LazyPattern, (self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (LazyPattern, re.Pattern)) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))


def _lazy(p: re.Pattern[str]) -> tuple:
    return (LazyPattern, (p.pattern, p.flags))


def cache_folder() -> Path:
    """$FACTCHECK_PACK_CACHE, else the user cache folder (XDG), never the working folder."""
    env = os.environ.get("FACTCHECK_PACK_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factcheck" / "packs"


def pack_key(roots: list[Path]) -> str:
    """Digest of every pack file (name and bytes), the knowledge code, the tool and Python."""
    from factcheck import __version__

    h = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version}".encode())
    code = Path(__file__).resolve().parent
    # The loader's code, and the regex tools it compiles patterns with (they sit one floor down).
    for path in [*sorted(code.glob("*.py")), code.parent / "regex_tools.py"]:
        st = path.stat()
        h.update(f"{path.name}:{st.st_size}:{st.st_mtime_ns};".encode())
    for root in roots:
        h.update(b"\x1e" + str(Path(root).resolve()).encode())
        for path in _yaml_under(Path(root)):
            h.update(str(path.relative_to(root)).encode() + b"\x1f")
            try:
                h.update(path.read_bytes())
            except OSError:
                h.update(b"\x00unreadable")
    return h.hexdigest()[:32]


def _yaml_under(root: Path) -> list[Path]:
    """Every YAML file under `root`, sorted, except those of its `tests` folder: a pack is read
    from `claims/` and `sources/` only (knowledge/packs.py), and in a checkout, where the root is
    the repository, the test corpora's two thousand files were read and hashed at every start."""
    found: list[Path] = []
    for child in root.iterdir():
        if child.name == "tests" and child.is_dir():
            continue
        if child.is_dir():
            found.extend(child.rglob("*.y*ml"))
        elif child.match("*.y*ml"):
            found.append(child)
    return sorted(found)


def load_or_build(roots: list[Path], build: Callable[[], Any]) -> Any:
    """The pack for `roots` from the disk cache, else `build()` (whose errors propagate) and store it."""
    if os.environ.get("FACTCHECK_NO_PACK_CACHE"):
        return build()
    try:
        key = pack_key(roots)
    except OSError:
        return build()
    entry = cache_folder() / f"{key}.pickle"
    try:
        # Unpickling makes tens of thousands of objects; automatic collections meanwhile would
        # walk the whole heap (spaCy's included) several times over for nothing.
        with open(entry, "rb") as fh, paused():
            return pickle.load(fh)
    except FileNotFoundError:
        pass
    except Exception:
        pass  # a truncated or stale entry: rebuild below and replace it
    pack = build()
    _store(entry, pack)
    return pack


def _store(entry: Path, pack: Any) -> None:
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table.copy()
    pickler.dispatch_table[re.Pattern] = _lazy
    try:
        pickler.dump(pack)
    except Exception:
        return  # something in the pack does not pickle: no cache, same result
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(buf.getvalue())
        os.replace(tmp, entry)  # atomic: readers see a whole entry or none
    except OSError:
        pass
