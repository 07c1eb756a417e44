"""The readable article text of a page, cut into pieces at each flagged span, for the HTML view.

Findings index the decoded source (for HTML, the raw markup), so the view keeps source offsets
while it drops tags and non-article parts. Pieces are plain strings: the template escapes them.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass, field

from factcheck.models import SEVERITY_RANK, Finding

_ATTRS = r"""(?:"[^"]*"|'[^']*'|[^'">])*"""
_SKIP = "script|style|noscript|template|svg|math|head|nav|aside|footer|form|select|button|iframe"
_HTML_TOKEN = re.compile(
    rf"<!--.*?(?:-->|\Z)|<({_SKIP})\b{_ATTRS}>.*?(?:</\1\s*>|\Z)|<!\[CDATA\[.*?\]\]>|<![^>]*>"
    rf"|<\?[^>]*>|</?([a-zA-Z][a-zA-Z0-9:-]*){_ATTRS}/?>",
    re.S | re.I,
)
_BLOCK = frozenset(
    "p div section article main header h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table "
    "tr td th caption figure figcaption hr br address details summary body html title".split()
)


@dataclass
class Piece:
    text: str
    marks: list[int] = field(default_factory=list)  # indexes of findings covering this piece
    starts: list[int] = field(default_factory=list)  # findings whose span starts with this piece
    ends: list[int] = field(default_factory=list)  # findings whose span ends with this piece
    severity: str = ""  # the most severe of `marks`, for colour


@dataclass
class TextView:
    paragraphs: list[list[Piece]]
    hidden: list[int]  # findings whose span is not in the shown text (e.g. inside a <nav>)
    headings: set[int] = field(default_factory=set)  # indexes of paragraphs that are headings


def _runs_html(source: str) -> list[tuple[int, int] | None]:
    """Text runs as source spans; None marks a paragraph break."""
    from factcheck.documents.html_safe import parser_safe

    out: list[tuple[int, int] | None] = []
    pos = 0
    # Each "<" after the last ">" made _ATTRS scan to the end: 60 KB of "<a " took 34 s.
    for m in _HTML_TOKEN.finditer(parser_safe(source)):
        if m.start() > pos:
            out.append((pos, m.start()))
        tag = (m.group(2) or "").lower()
        if m.group(1) or tag in _BLOCK:
            out.append(None)
        pos = m.end()
    if pos < len(source):
        out.append((pos, len(source)))
    return out


_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n.*?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)


def _runs_text(source: str) -> list[tuple[int, int] | None]:
    out: list[tuple[int, int] | None] = []
    # YAML front matter is metadata, shown in the page header instead.
    fm = _FRONT_MATTER.match(source)
    pos = fm.end() if fm else 0
    for m in re.compile(r"\n[ \t]*\n\s*").finditer(source, pos):
        out.append((pos, m.start()))
        out.append(None)
        pos = m.end()
    out.append((pos, len(source)))
    return out


def _without_comments(source: str, runs: list[tuple[int, int] | None]) -> list[tuple[int, int] | None]:
    """Markdown runs minus HTML comments: a comment is a note to editors, not article text."""
    comments: list[tuple[int, int]] = []
    i = source.find("<!--")
    while i >= 0:
        j = source.find("-->", i + 4)
        end = len(source) if j < 0 else j + 3
        comments.append((i, end))
        i = source.find("<!--", end)
    if not comments:
        return runs
    out: list[tuple[int, int] | None] = []
    k = 0
    for run in runs:
        if run is None:
            out.append(None)
            continue
        a, b = run
        while k < len(comments) and comments[k][1] <= a:
            k += 1
        j = k
        while j < len(comments) and comments[j][0] < b:
            ca, cb = comments[j]
            if ca > a:
                out.append((a, ca))
            a = max(a, cb)
            j += 1
        if a < b:
            out.append((a, b))
    return out


def build_view(source: str, fmt: str | None, findings: list[Finding]) -> TextView:
    is_html = fmt == "html"
    runs = _runs_html(source) if is_html else _runs_text(source)
    if fmt == "markdown":
        runs = _without_comments(source, runs)
    bounds = sorted({b for f in findings for b in (f.start, f.end)})
    paragraphs: list[list[Piece]] = [[]]
    shown: set[int] = set()
    last_piece: dict[int, Piece] = {}
    for run in runs:
        if run is None:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        a, b = run
        cuts = [a] + [x for x in bounds if a < x < b] + [b]
        for s, e in itertools.pairwise(cuts):
            raw = source[s:e]
            text = re.sub(r"\s+", " ", html.unescape(raw)) if is_html else raw
            if not text:
                continue
            marks = [k for k, f in enumerate(findings) if f.start < e and f.end > s]
            piece = Piece(text=text, marks=marks)
            if marks:
                piece.severity = max(
                    (findings[k].severity for k in marks), key=lambda v: SEVERITY_RANK.get(v, -1)
                )
                for k in marks:
                    if k not in shown:
                        piece.starts.append(k)
                    last_piece[k] = piece
                    shown.add(k)
            paragraphs[-1].append(piece)
    for k, piece in last_piece.items():
        piece.ends.append(k)
    cleaned = []
    for para in paragraphs:
        # Trim the whitespace HTML indentation leaves at paragraph edges.
        while para and not para[0].marks and not para[0].text.strip():
            para.pop(0)
        while para and not para[-1].marks and not para[-1].text.strip():
            para.pop()
        if para:
            if not para[0].marks:
                para[0].text = para[0].text.lstrip()
            if not para[-1].marks:
                para[-1].text = para[-1].text.rstrip()
            cleaned.append(para)
    hidden = [k for k in range(len(findings)) if k not in shown]
    view = TextView(paragraphs=cleaned, hidden=hidden)
    if not is_html:
        for i, para in enumerate(cleaned):
            m = re.match(r"#{1,6}[ \t]+", para[0].text)
            if m and "\n" not in "".join(p.text for p in para):
                view.headings.add(i)
                if not para[0].marks:
                    para[0].text = para[0].text[m.end() :]
    return view
