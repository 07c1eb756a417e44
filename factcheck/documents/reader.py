"""Turn bytes from a file, stdin or the web into a Document, or a one-line InputError."""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from factcheck.documents.dates import dates_in_text
from factcheck.documents.errors import InputError
from factcheck.documents.model import Document
from factcheck.documents.structure import line_breaks

EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".txt": "text",
              ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html"}
MAX_BYTES = 20 * 1024 * 1024  # an article is far smaller; larger inputs are refused, not truncated
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_HTML_SNIFF = re.compile(r"\A\s*(?:<!doctype html|<html|<head|<body|<article|<p[ >]|<div|<!--)", re.I)


def format_for(path: str, text: str | None = None) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    if text is not None and _HTML_SNIFF.match(text[:2000]):
        return "html"
    return "markdown"  # Markdown parsing leaves plain prose untouched


def decode(data: bytes, path: str, fmt: str | None = None) -> str:
    """Decode bytes strictly: UTF-8 (with or without BOM), UTF-16 with a BOM, or an HTML charset."""
    if not data:
        raise InputError(path, "empty file: nothing to check")
    if len(data) > MAX_BYTES:
        raise InputError(path, f"file is {len(data) / 1e6:.1f} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit for one article")
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
                    return data.decode(m.group(1).decode("ascii"))
                except (LookupError, UnicodeDecodeError):
                    pass
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); re-save the file as UTF-8"
        ) from None


def _control_ratio(head: bytes) -> float:
    if not head:
        return 0.0
    bad = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bad / len(head)


def parse(text: str, path: str, fmt: str) -> Document:
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
    # Carriage returns become spaces so that line logic sees "\n" only; offsets are unchanged.
    text = source.replace("\r", " ") if "\r" in source else source
    # "# factcheck: ..." directive lines are instructions to the linter, not prose: blank them
    # (same length, so offsets into the file stay exact).
    if "factcheck" in text:
        text = _DIRECTIVE_LINE.sub(lambda m: " " * len(m.group(0)), text)
    breaks, paragraphs = line_breaks(text)
    published, updated = dates_in_text(text)
    return Document(path=path, fmt="text", source=source, text=text, breaks=breaks,
                    paragraphs=paragraphs, published=published, updated=updated)


def read_document(path: str | Path, fmt: str | None = None) -> Document:
    """Read and parse one file; raise InputError (one line, names the file) if it cannot be."""
    name = str(path)
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(name, "is a folder (folders are walked by the CLI)")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(name, f"file is {size / 1e6:.1f} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit for one article")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file or folder") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    text = decode(data, name, fmt)
    return parse(text, name, fmt or format_for(name, text))
