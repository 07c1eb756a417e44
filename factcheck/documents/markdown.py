"""Markdown: blank out everything that is not prose, in place, so offsets stay those of the file.

Front matter (read for date/updated/title), fenced code, inline code, HTML comments and tags,
link targets, images, reference definitions and bare URLs become spaces; line breaks stay. The
prose is therefore aligned one to one with the source and needs no offset map.
"""

from __future__ import annotations

import re

import yaml

from factcheck.documents.dates import dates_in_text, parse_date
from factcheck.documents.model import Document
from factcheck.documents.structure import line_breaks

_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK_TARGET = re.compile(r"\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)")
_REF_LINK = re.compile(r"\]\[[^\]\n]*\]")
_REF_DEF = re.compile(r"(?m)^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>")
_BARE_URL = re.compile(r"\bhttps?://[^\s<>()\[\]]+")
_HEADING = re.compile(r"(?m)^ {0,3}(#{1,6})(?=[ \t]|$)|[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"(?m)^ {0,3}(?:=+|-{2,})[ \t]*$")
_LIST = re.compile(r"(?m)^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])")
_QUOTE = re.compile(r"(?m)^[ \t]*(?:>[ \t]?)+")
_TABLE_RULE = re.compile(r"(?m)^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)+\|?[ \t]*$")
_PIPE = re.compile(r"(?<!\\)\|")
_EMPHASIS = re.compile(r"(?<![\w*])\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?![\w*])|(?<![\w_])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\w_])|~~")
_LINK_OPEN = re.compile(r"(?<![\\!])\[(?=[^\]\n]*\](?:\(|\[))")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def parse_markdown(source: str, path: str) -> Document:
    chars = list(source)
    meta: dict = {}
    m = _FRONT.match(source)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1) or "")
            if isinstance(loaded, dict):
                meta = loaded
        except yaml.YAMLError:
            meta = {}
        _blank(chars, 0, m.end())

    # Fenced code blocks: line based, so an unclosed fence runs to the end like CommonMark.
    pos = 0
    fence: str | None = None
    fence_start = 0
    for line in source.splitlines(keepends=True):
        if fence is None:
            fm = _FENCE_OPEN.match(line)
            if fm and pos >= (m.end() if m else 0):
                fence, fence_start = fm.group(1), pos
        elif line.lstrip(" ").startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
            _blank(chars, fence_start, pos + len(line))
            fence = None
        pos += len(line)
    if fence is not None:
        _blank(chars, fence_start, len(source))

    text = "".join(chars)
    text = _mask_code_spans(text)

    # Order matters: link openers are found by their "](" before the targets are blanked.
    for pattern in (_COMMENT, _IMAGE, _AUTOLINK, _REF_DEF, _LINK_OPEN, _LINK_TARGET, _REF_LINK, _TAG, _BARE_URL,
                    _TABLE_RULE, _SETEXT, _HEADING, _LIST, _QUOTE, _EMPHASIS, _PIPE):
        text = pattern.sub(lambda mm: _spaces(mm.group(0)), text)

    # Block structure (list markers, headings, table pipes) is read from the source lines,
    # before masking blanks the markers out.
    breaks, paragraphs = line_breaks(source)
    published = parse_date(meta.get("date") or meta.get("published") or meta.get("pubDate"))
    updated = parse_date(meta.get("updated") or meta.get("lastmod") or meta.get("last_modified") or meta.get("modified"))
    if published is None and updated is None:
        published, updated = dates_in_text(text)
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    return Document(path=path, fmt="markdown", source=source, text=text, breaks=breaks,
                    paragraphs=paragraphs, published=published, updated=updated, title=title)


def _spaces(s: str) -> str:
    return "".join("\n" if c == "\n" else " " for c in s)


def _mask_code_spans(text: str) -> str:
    out = []
    i = 0
    n = len(text)
    while True:
        j = text.find("`", i)
        if j < 0:
            out.append(text[i:])
            break
        k = j
        while k < n and text[k] == "`":
            k += 1
        run = text[j:k]
        close = text.find(run, k)
        # The closing run must be exactly as long and inside the same paragraph.
        while close >= 0 and close + len(run) < n and text[close + len(run)] == "`":
            close = text.find(run, close + len(run) + 1)
        if close < 0 or "\n\n" in text[k:close]:
            out.append(text[i:k])
            i = k
            continue
        out.append(text[i:j])
        out.append(_spaces(text[j : close + len(run)]))
        i = close + len(run)
    return "".join(out)
