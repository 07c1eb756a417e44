"""Markdown: a CommonMark parse, then everything that is not prose is blanked out in place.

markdown-it-py (with the front-matter and footnote plugins of mdit-py-plugins) finds the structure;
the prose is the source itself with only the characters of text runs kept, so it stays aligned one
to one with the file and needs no offset map. Front matter (read for date/updated/title), code
blocks (fenced and indented), HTML comments, `<script>`/`<style>` content, link targets, images,
reference definitions, markers and bare URLs are therefore blank; footnotes are prose.

Every step is linear in the input: markdown-it-py's rules avoid catastrophic backtracking, and each
text run is located with a forward search from a cursor that only moves on.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from factcheck.documents.dates import dates_in_text, parse_date
from factcheck.documents.front_matter import front_matter
from factcheck.documents.md_inline import RULES, plain_inline
from factcheck.documents.model import Document
from factcheck.documents.structure import line_breaks

# A bare URL: "http" after no word character (what "\bhttps?://" says). Written to open with a
# literal, which the regex engine skips to; a leading "\b" made it try every character.
_BARE_URL = re.compile(r"h(?<!\wh)ttps?://[^\s<>()\[\]]+")
_NOT_NEWLINE = re.compile(r"[^\n]")


def _blank(text: str) -> str:
    """`text` with every character but a newline turned into a space (what `_NOT_NEWLINE.sub(" ",
    text)` gives, without a regex substitution per character: 20 times faster)."""
    return "\n".join(" " * len(line) for line in text.split("\n"))
_RAW_TEXT_TAG = re.compile(r"<(script|style|textarea)\b", re.I)
_TEXTAREA = re.compile(r"[ \t]*<textarea\b", re.I)
# "4. Next point" after a paragraph line is text to CommonMark (only "1." may interrupt a
# paragraph), but the writer numbered an item: the number is markup, not a figure.
_ITEM_NUMBER = re.compile(r"(?m)^[ \t]*\d{1,3}[.)](?=[ \t])")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # markdown-it stops parsing the whole rest of a document at maxNesting (20 in the commonmark
    # preset: a list nested 9 deep hid every paragraph after it). 100 levels stay far below
    # Python's recursion limit (a quote 100,000 deep and a list 500 deep parse without error).
    # The options markdown-it's rules read with `options.get(name, default)` are given their default
    # here: its options are a Mapping whose `get` raises and catches a KeyError for a missing one,
    # and the strikethrough rule asks for one on every inline run (1.5% of lint on some corpora).
    defaults = {"strikethrough_single_tilde": False, "tasklists": False, "store_labels": False,
                "inline_definitions": False, "alerts": False}
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": 100, **defaults}).use(front_matter_plugin).use(
        footnote_plugin)
    md.enable(["table", "strikethrough"])
    # Raw text runs, not joined with escapes and entities: each is then a verbatim slice of the source.
    md.disable("text_join", ignoreInvalid=True)
    # Nothing is rendered, so any link target is fine; refusing data: or javascript: targets would
    # turn a whole image (a 1 MB data URI) into prose.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    # Plain-text runs need no inline parse (factcheck/documents/md_inline.py), as long as the
    # inline rules are the ones its shortcut was written for.
    if tuple(r.name for r in md.inline.ruler.__rules__ if r.enabled) == RULES:
        md.core.ruler.at("inline", plain_inline)
    return md


def parse_markdown(source: str, path: str) -> Document:
    # Same length as the source: one kind of line end, no NUL, no BOM (markdown-it changes all three).
    norm = source.replace("\r\n", " \n").replace("\r", "\n").replace("\0", "\ufffd")
    if norm.startswith("\ufeff"):
        norm = " " + norm[1:]
    env: dict[str, Any] = {}
    tokens = _parser().parse(norm, env)
    prose = _Prose(norm)
    meta: dict = {}
    for tok in tokens:
        if tok.type == "front_matter":
            meta = front_matter(tok.content)
        elif tok.type == "inline" and tok.map is not None:
            prose.inline(tok, env)
        elif tok.type == "html_block" and tok.map is not None:
            prose.html_block(tok.map)
    for m in _ITEM_NUMBER.finditer(norm):
        prose.chars[m.start() : m.end()] = _blank(m.group(0))
    text = _BARE_URL.sub(lambda m: " " * len(m.group(0)), "".join(prose.chars))

    # Block structure (list markers, headings, table pipes) is read from the source lines,
    # before masking blanks the markers out.
    breaks, paragraphs = line_breaks(norm)
    published = parse_date(meta.get("date") or meta.get("published") or meta.get("pubDate"))
    updated = parse_date(meta.get("updated") or meta.get("lastmod") or meta.get("last_modified") or meta.get("modified"))
    if published is None and updated is None:
        published, updated = dates_in_text(text)
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    return Document(path=path, fmt="markdown", source=source, text=text, breaks=breaks,
                    paragraphs=paragraphs, published=published, updated=updated, title=title)


class _Prose:
    """Blank text (newlines kept) into which the source's prose characters are copied back."""

    def __init__(self, norm: str) -> None:
        self.src = norm
        self.chars = list(_blank(norm))
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", norm))]
        self.cursor = 0
        self.block_start = 0
        self.end = 0
        self.raw_text_tag: str | None = None  # inside inline <script>/<style>: not prose

    def _range(self, map_: list[int]) -> tuple[int, int]:
        starts, n = self.line_starts, len(self.src)
        a = starts[map_[0]] if map_[0] < len(starts) else n
        b = starts[map_[1]] if map_[1] < len(starts) else n
        return a, b

    def inline(self, tok: Token, env: dict[str, Any]) -> None:
        start, self.end = self._range(tok.map)  # type: ignore[arg-type]
        # Blocks come in source order except footnote definitions, which markdown-it moves last.
        if start < self.block_start or start > self.cursor:
            self.cursor = start
        self.block_start = start
        self.raw_text_tag = None
        self._walk(tok.children or [], env, copy=True)

    def _find(self, needle: str) -> int:
        return self.src.find(needle, self.cursor, self.end) if needle else -1

    def _keep(self, start: int, end: int) -> None:
        self.chars[start:end] = self.src[start:end]

    def _walk(self, children: list[Token], env: dict[str, Any], copy: bool) -> None:
        skip_link = False
        for c in children:
            t = c.type
            if skip_link:  # the text of an autolink is its URL
                if t == "link_close":
                    skip_link = False
                continue
            if t == "text":
                p = self._find(c.content)
                if p < 0:
                    continue
                if copy and self.raw_text_tag is None:
                    self._keep(p, p + len(c.content))
                self.cursor = p + len(c.content)
            elif t == "text_special":  # an escape (\*) or an entity (&amp;): the character it stands for
                p = self._find(c.markup)
                if p < 0:
                    continue
                if copy and self.raw_text_tag is None and len(c.content) == 1:
                    self.chars[p + len(c.markup) - 1 if c.info == "escape" else p] = (
                        " " if c.content.isspace() else c.content)
                self.cursor = p + len(c.markup)
            elif t == "html_inline":
                p = self._find(c.content)
                if p < 0:
                    continue
                self.cursor = p + len(c.content)
                m = _RAW_TEXT_TAG.match(c.content)
                if m:
                    self.raw_text_tag = m.group(1).lower()
                elif self.raw_text_tag and c.content.lower().startswith("</" + self.raw_text_tag):
                    self.raw_text_tag = None
            elif t == "code_inline":
                self._skip_code_span(c.markup)
            elif t == "link_open" and c.markup == "autolink":
                p = self._find("<")
                q = self.src.find(">", p, self.end) if p >= 0 else -1
                if q >= 0:
                    self.cursor = q + 1
                skip_link = True
            elif t == "link_close":
                self._skip_link_tail()
            elif t == "image":  # not prose, alt text included
                p = self._find("![")
                if p >= 0:
                    self.cursor = p + 2
                self._walk(c.children or [], env, copy=False)
                self._skip_link_tail()
            elif t == "footnote_ref":
                self._footnote_ref(c, env, copy)

    def _skip_code_span(self, markup: str) -> None:
        p = self._find(markup)
        if p < 0:
            return
        i = p + len(markup)
        while True:
            q = self.src.find(markup, i, self.end)
            if q < 0:
                return
            run_end = q
            while run_end < self.end and self.src[run_end] == "`":
                run_end += 1
            if run_end - q == len(markup):
                self.cursor = run_end
                return
            i = run_end

    def _skip_link_tail(self) -> None:
        """Step over `](target "title")`, `][ref]` or `]` after a link's or image's text."""
        src, i, end = self.src, self.cursor, self.end
        while i < end and src[i] in " \t":
            i += 1
        if i >= end or src[i] != "]":
            return
        i += 1
        if i < end and src[i] == "[":
            q = src.find("]", i, end)
            self.cursor = q + 1 if q >= 0 else i
            return
        if i >= end or src[i] != "(":
            self.cursor = i
            return
        depth, quote, j = 0, "", i
        while j < end:
            ch = src[j]
            if ch == "\\":
                j += 2
                continue
            if quote:
                if ch == quote:
                    quote = ""
            elif ch in "\"'" and src[j - 1] in " \t\n":
                quote = ch
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    self.cursor = j + 1
                    return
            j += 1
        self.cursor = i

    def _footnote_ref(self, c: Token, env: dict[str, Any], copy: bool) -> None:
        if "label" in (c.meta or {}):  # [^label]
            p = self._find("[^")
            q = self.src.find("]", p, self.end) if p >= 0 else -1
            if q >= 0:
                self.cursor = q + 1
            return
        # ^[an inline footnote]: its text is prose, parsed by the plugin into env.
        p = self._find("^[")
        if p < 0:
            return
        self.cursor = p + 2
        try:
            note = env["footnotes"]["list"][c.meta["id"]]
        except (KeyError, IndexError, TypeError):
            return
        self._walk(note.get("tokens") or [], env, copy)
        if self.src.startswith("]", self.cursor):
            self.cursor += 1

    def html_block(self, map_: list[int]) -> None:
        """Raw HTML between Markdown blocks: its text is prose, as in an HTML page (comments,
        script and style are not)."""
        from factcheck.documents.html import parse_html

        a, b = self._range(map_)
        block = self.src[a:b]
        if _TEXTAREA.match(block):  # form content, not article text (script/style: parse_html skips)
            return
        doc = parse_html(block, "")
        assert doc.src_start is not None and doc.src_end is not None
        for i, ch in enumerate(doc.text):
            s = doc.src_start[i]
            if doc.src_end[i] - s == 1 and block[s] == ch:
                self.chars[a + s] = ch
