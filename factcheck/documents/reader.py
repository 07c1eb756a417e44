"""Turn bytes from a file, stdin or the web into a Document, or a one-line InputError."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from factcheck.documents.dates import dates_in_text
from factcheck.documents.errors import InputError
from factcheck.documents.model import Document
from factcheck.documents.structure import line_breaks

EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".txt": "text",
              ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html"}
MAX_BYTES = 64 * 1024 * 1024  # a 50 MB export is linted in pieces (nlp/chunks.py); larger inputs are refused, not truncated
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_HTML_SNIFF = re.compile(r"\A\s*(?:<!doctype html|<html|<head|<body|<article|<p[ >]|<div|<!--)", re.I)
# A lone surrogate (from a page's own odd charset, or JSON escapes) cannot be encoded as UTF-8 and
# crashes the tokenizer; U+FFFD has the same length, so offsets stay exact.
_SURROGATE = re.compile("[\ud800-\udfff]")


def format_for(path: str, text: str | None = None) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    if text is not None and _HTML_SNIFF.match(text[:2000]):
        return "html"
    return "markdown"  # Markdown parsing leaves plain prose untouched


def decode(data: bytes, path: str, fmt: str | None = None) -> str:
    """Decode bytes strictly: UTF-8 (with or without BOM), UTF-16 with a BOM, or an HTML charset.

    An empty file decodes to "": there is nothing wrong in it, so it has no finding."""
    if not data:
        return ""
    if len(data) > MAX_BYTES:
        raise InputError(path, _too_big(len(data), MAX_BYTES))
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(path, "not valid UTF-16 despite its byte-order mark") from None
    head = data[:8192]
    if b"\x00" in head or _control_ratio(head) > 0.1:
        raise InputError(path, "binary file, not text: only Markdown, HTML and plain text can be checked")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if fmt == "html" or (fmt is None and path.lower().endswith((".html", ".htm"))):
            m = _CHARSET.search(data[:4096])
            if m:
                try:
                    # A page's own charset may be any Python codec (unicode_escape yields lone
                    # surrogates, which no later stage can encode).
                    return _SURROGATE.sub("\ufffd", data.decode(m.group(1).decode("ascii")))
                except (LookupError, UnicodeDecodeError, ValueError, TypeError):
                    pass
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); re-save the file as UTF-8"
        ) from None


def _control_ratio(head: bytes) -> float:
    """The share of control bytes other than tab, line feed, form feed, carriage return and escape."""
    if not head:
        return 0.0
    bad = len(head.translate(None, _NOT_CONTROL))  # the bytes left once the others are deleted, in C
    return bad / len(head)


_NOT_CONTROL = bytes([9, 10, 12, 13, 27, *range(32, 256)])


def parse(text: str, path: str, fmt: str) -> Document:
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    if fmt == "html":
        from factcheck.documents.html import parse_html

        return parse_html(text, path)
    if fmt == "markdown":
        from factcheck.documents.markdown import parse_markdown

        return parse_markdown(text, path)
    return parse_text(text, path)


_DIRECTIVE_LINE = re.compile(r"^[ \t]*#[ \t]*factcheck[ \t]*:[^\n]*$", re.MULTILINE | re.IGNORECASE)


def parse_text(source: str, path: str) -> Document:
    """Plain text is its own prose; dates come from labelled lines ("Last updated: ...")."""
    text = normalize_newlines(source)
    # "# factcheck: ..." directive lines are instructions to the linter, not prose: blank them
    # (same length, so offsets into the file stay exact).
    if "factcheck" in text:
        text = _DIRECTIVE_LINE.sub(lambda m: " " * len(m.group(0)), text)
    breaks, paragraphs = line_breaks(text)
    published, updated = dates_in_text(text)
    return Document(path=path, fmt="text", source=source, text=text, breaks=breaks,
                    paragraphs=paragraphs, published=published, updated=updated)


def normalize_newlines(source: str) -> str:
    """The same text with "\\n" as the only line end and the same length: CRLF becomes " \\n" and a
    lone CR (classic Mac files) "\\n", so line logic works and offsets are unchanged."""
    if "\r" not in source:
        return source
    return source.replace("\r\n", " \n").replace("\r", "\n")


def read_bytes(path: str | Path, limit: int | None = None) -> bytes:
    """The bytes of one regular file, at most `limit` (default MAX_BYTES); InputError otherwise.

    FIFOs, devices and sockets are refused before anything is read: a FIFO would block and
    /dev/zero never ends (its st_size is 0, so only a bounded read is safe). The file is opened
    non-blocking and checked again on the open descriptor, so a swap after the check is caught."""
    name = str(path)
    cap = MAX_BYTES if limit is None else limit
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(name, "is a folder (folders are walked by the CLI)")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(name, f"not a regular file ({_kind(st.st_mode)}): only files can be checked")
        if st.st_size > cap:
            raise InputError(name, _too_big(st.st_size, cap))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise InputError(name, "not a regular file: only files can be checked")
            data = read_capped(fh, name, cap)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(name, "broken symbolic link") from None
        raise InputError(name, "no such file or folder") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(name, "symbolic link loop") from None
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    except (RuntimeError, ValueError) as exc:  # a path Python cannot even stat (NUL byte, ...)
        raise InputError(name, f"cannot read: {exc}") from None
    return data


def read_capped(stream: BinaryIO, name: str, limit: int | None = None) -> bytes:
    """Read a stream (a file or stdin) up to `limit` bytes; InputError if there is more."""
    cap = MAX_BYTES if limit is None else limit
    data = stream.read(cap + 1)
    if data is None:  # a non-blocking stream with nothing ready
        data = b""
    if len(data) > cap:
        raise InputError(name, _too_big(None, cap))
    return data


def _too_big(size: int | None, cap: int) -> str:
    what = f"file is {size / 1e6:.1f} MB, over" if size is not None else "input is over"
    return f"{what} the {cap / (1024 * 1024):g} MB limit for one article"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def read_document(path: str | Path, fmt: str | None = None) -> Document:
    """Read and parse one file; raise InputError (one line, names the file) if it cannot be."""
    name = str(path)
    data = read_bytes(path)
    text = decode(data, name, fmt)
    return parse(text, name, fmt or format_for(name, text))
