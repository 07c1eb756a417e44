"""Which inputs a lint run covers: files, folders walked recursively, stdin ("-") and URLs."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factcheck.documents.reader import EXTENSIONS


@dataclass(frozen=True)
class Input:
    kind: str  # "file" | "stdin" | "url" | "missing"
    name: str


def is_url(arg: str) -> bool:
    return arg.startswith(("http://", "https://"))


def expand(args: list[str], accept: Callable[[Path], bool] | None = None) -> Iterator[Input]:
    """Yield inputs in a stable order: arguments as given, folders sorted depth-first.

    Hidden files and folders are skipped inside folders (not when named explicitly); `accept`
    lets configuration exclude paths (include/exclude globs, .gitignore).
    """
    for arg in args:
        if arg == "-":
            yield Input("stdin", "-")
        elif is_url(arg):
            yield Input("url", arg)
        elif os.path.isdir(arg):
            yield from _walk(Path(arg), accept)
        elif os.path.exists(arg):
            yield Input("file", arg)
        else:
            yield Input("missing", arg)


def _walk(root: Path, accept: Callable[[Path], bool] | None) -> Iterator[Input]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            if path.suffix.lower() not in EXTENSIONS:
                continue
            if accept is not None and not accept(path):
                continue
            yield Input("file", str(path))
