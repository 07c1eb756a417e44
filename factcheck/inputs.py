"""Which inputs a lint run covers: files, folders walked recursively, stdin ("-") and URLs."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factcheck.documents.reader import EXTENSIONS


@dataclass(frozen=True)
class Input:
    kind: str  # "file" | "stdin" | "url" | "missing" | "error" (cannot be checked: see reason)
    name: str
    reason: str = ""


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
        elif os.path.lexists(arg):
            yield Input("error", arg, _unreachable(arg))
        else:
            yield Input("missing", arg)


def _unreachable(path: str) -> str:
    """Why a path that exists as a name cannot be opened: a link loop or a dangling link."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno == errno.ENOENT:
            return "broken symbolic link"
        return f"cannot read: {exc.strerror or exc}"
    return "cannot read"


def _walk(root: Path, accept: Callable[[Path], bool] | None) -> Iterator[Input]:
    # os.walk drops folders it cannot list; collect them so they are named and set exit 2.
    failed: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=failed.append):
        yield from _failed(failed)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            if path.suffix.lower() not in EXTENSIONS:
                continue
            if not os.path.exists(path):
                # A link loop or dangling link: the path filter cannot resolve it, the reader could not open it.
                yield Input("error", str(path), _unreachable(str(path)))
                continue
            if accept is not None and not accept(path):
                continue
            yield Input("file", str(path))
    yield from _failed(failed)


def _failed(errors: list[OSError]) -> Iterator[Input]:
    while errors:
        exc = errors.pop(0)
        reason = "permission denied" if isinstance(exc, PermissionError) else f"cannot read: {exc.strerror or exc}"
        yield Input("error", str(exc.filename), f"folder not readable ({reason}); its files were not checked")
