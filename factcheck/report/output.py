"""Helpers the lint command and the machine-readable formats share.

- `AtomicOutput`: `--output FILE` is written to a temporary file in the same folder and moved into
  place with `os.replace`, so a CI step never sees a half-written SARIF file (and an interrupted
  run leaves the previous report intact).
- `check_target`: `--output`, `--write-baseline` and `audit --out` files are replaced only when
  they are regular files (never a device, FIFO or symlink such as /dev/stdout) and not an input.
- `render_statistics`: `--statistics`, counts per rule like `ruff --statistics`.
- `artifact_path` / `artifact_uri`: one place that turns the path a user gave into the
  repository-relative POSIX path that SARIF, GitHub annotations, JUnit and baselines key on.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO, Any
from urllib.parse import quote

from factcheck.models import Summary

# Inputs that are not files on disk keep their name as given.
_NON_FILE_PREFIXES = ("http://", "https://", "file://")
_STDIN_NAMES = ("-", "<stdin>")


def is_remote(path: str) -> bool:
    return path.startswith(_NON_FILE_PREFIXES)


def artifact_path(path: str, base: str | os.PathLike[str] | None = None) -> str:
    """`path` relative to `base` (default: the working directory), with forward slashes.

    Paths outside `base` stay absolute (POSIX form); URLs and stdin are returned unchanged. This is
    what annotations show and what fingerprints hash, so the same file gets the same key whether
    the user ran `factcheck lint .` or `factcheck lint docs/page.md`.
    """
    if is_remote(path) or path in _STDIN_NAMES:
        return path
    base_dir = Path(base) if base is not None else Path.cwd()
    absolute = Path(os.path.abspath(path))
    try:
        rel = absolute.relative_to(os.path.abspath(base_dir))
    except ValueError:
        return absolute.as_posix()
    return rel.as_posix()


def artifact_uri(path: str, base: str | os.PathLike[str] | None = None) -> str:
    """A URI reference for SARIF's artifactLocation.uri: relative POSIX path, percent-encoded."""
    if is_remote(path):
        return path
    rel = artifact_path(path, base)
    if rel in _STDIN_NAMES:
        return "stdin"
    if rel.startswith("/"):
        return Path(rel).as_uri()
    return quote(rel, safe="/")


class OutputTargetError(Exception):
    """A path we refuse to write a report to; the message is one line naming it."""


def check_target(path: str | os.PathLike[str], inputs: tuple[str, ...] | list[str] = (),
                 option: str = "--output") -> Path:
    """Raise OutputTargetError unless `path` may be replaced by a report: its folder exists, and it
    is either absent or a regular file (not a symlink, device, FIFO or folder) that is none of
    the `inputs` (named files, or a lintable file inside a named folder). Returns the path."""
    from factcheck.documents.reader import EXTENSIONS

    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputTargetError(f"{option} {target}: folder {folder} does not exist")
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputTargetError(f"{option} {target}: {exc.strerror or exc}") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        kind = ("a symbolic link" if stat.S_ISLNK(st.st_mode) else "a folder" if stat.S_ISDIR(st.st_mode)
                else "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a device" if stat.S_ISCHR(st.st_mode)
                or stat.S_ISBLK(st.st_mode) else "not a regular file")
        raise OutputTargetError(f"{option} {target}: is {kind}; refusing to replace it (give a regular file; "
                                "for standard output leave the option out)")
    resolved = Path(os.path.realpath(target))
    for item in inputs:
        if item == "-" or is_remote(item):
            continue
        if st is not None and os.path.isfile(item) and os.path.samefile(item, target):
            raise OutputTargetError(f"{option} {target}: is an input file; refusing to overwrite it")
        if os.path.isdir(item) and resolved.suffix.lower() in EXTENSIONS:
            try:
                resolved.relative_to(os.path.realpath(item))
            except ValueError:
                continue
            raise OutputTargetError(f"{option} {target}: would overwrite a file inside the input folder {item}")
    return target


class AtomicOutput:
    """Context manager yielding a text stream for `--output`.

    `AtomicOutput(None)` (or "-") yields stdout. Otherwise the report goes to a temporary file in
    the target's folder (same filesystem, so `os.replace` is atomic) that replaces the target only
    when the block exits without an exception.
    """

    def __init__(self, path: str | os.PathLike[str] | None, encoding: str = "utf-8") -> None:
        self.path = None if path is None or str(path) == "-" else Path(path)
        self.encoding = encoding
        self._tmp: str | None = None
        self._stream: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        if self.path is None:
            return sys.stdout
        folder = self.path.parent if str(self.path.parent) else Path(".")
        check_target(self.path)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        self._stream = os.fdopen(fd, "w", encoding=self.encoding, newline="")
        return self._stream

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.path is None or self._stream is None or self._tmp is None:
            return
        try:
            self._stream.flush()
            os.fsync(self._stream.fileno())
        finally:
            self._stream.close()
        if exc_type is not None:
            os.unlink(self._tmp)
            return
        try:
            # Checked again at the end: a run is long, and the path may have changed meanwhile.
            check_target(self.path)
        except OutputTargetError:
            os.unlink(self._tmp)
            raise
        # mkstemp creates 0600; give the report the permissions a normal open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self._tmp, 0o666 & ~umask)
        os.replace(self._tmp, self.path)


@contextmanager
def atomic_write(path: str | os.PathLike[str], encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Write a whole file atomically (baselines, `--output`)."""
    out = AtomicOutput(path, encoding)
    stream = out.__enter__()
    try:
        yield stream
    except BaseException as exc:
        out.__exit__(type(exc), exc, exc.__traceback__)
        raise
    out.__exit__(None, None, None)


def render_statistics(summary: Summary, rules: list[dict[str, Any]] | None = None) -> str:
    """Counts per rule, most frequent first, like `ruff --statistics`:

        12  approval-imminent   [outdated]  Says FDA approval is near; it was declined in 2024
         3  mapp1-remission     [contradicted]

    `rules` (RunInfo.rules) supplies the verdict and one-line summary when known. Returns "" when
    there is nothing to count, so the caller prints nothing on a clean run.
    """
    if not summary.by_rule:
        return ""
    meta = {r.get("id"): r for r in rules or []}
    rows = sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    count_w = max(len(str(n)) for _, n in rows)
    rule_w = max(len(rule) for rule, _ in rows)
    lines = []
    for rule, n in rows:
        info = meta.get(rule, {})
        verdict = f"[{info['verdict']}]" if info.get("verdict") else ""
        text = str(info.get("summary") or "")
        line = f"{n:>{count_w}}  {rule:<{rule_w}}  {verdict}"
        if text:
            line = f"{line}  {text}" if verdict else f"{line}{text}"
        lines.append(line.rstrip())
    total = summary.findings or sum(summary.by_rule.values())
    noun = "finding" if total == 1 else "findings"
    lines.append(f"{total} {noun} in {len(rows)} rule{'s' if len(rows) != 1 else ''}")
    return "\n".join(lines) + "\n"
