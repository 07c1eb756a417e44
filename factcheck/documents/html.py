"""HTML: the visible text, with a map from every prose character back to its source offset.

Uses the standard library's tokenizing parser (exact source positions for every tag, entity and
text run). Script, style, navigation and other non-article parts are skipped; block elements
become paragraph breaks; entities are decoded while keeping their source span.
"""

from __future__ import annotations

import html
import re
from array import array
from collections import Counter
from html.parser import HTMLParser

from factcheck.documents.html_meta import extract_html_meta
from factcheck.documents.html_safe import parser_safe
from factcheck.documents.model import Document

SKIP = {"script", "style", "noscript", "template", "svg", "math", "nav", "aside", "footer", "form",
        "button", "select", "iframe", "object", "canvas", "head"}
BLOCK = {"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
         "li", "table", "thead", "tbody", "tfoot", "tr", "blockquote", "pre", "figure", "figcaption", "dl",
         "dt", "dd", "hr", "br", "address", "details", "summary", "caption", "title", "body", "html"}
CELL = {"td", "th"}
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}


_IRREGULAR_SPACE = re.compile(r"\s{2,}|[^\S ]")
_MAIN_HINT = re.compile(r"<(?:article|main)\b|\brole\s*=\s*[\"']?main\b", re.I)


class _Extractor(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        # On a page that marks its article (<article>, <main>, role=main), only that text is prose:
        # related-links boxes, cookie banners and comment threads around it are not the article.
        self.main_only = bool(_MAIN_HINT.search(source))
        self.main_stack: list[str] = []
        self.line_starts = [0]
        i = source.find("\n")
        while i >= 0:
            self.line_starts.append(i + 1)
            i = source.find("\n", i + 1)
        self.out: list[str] = []
        self.starts = array("l")
        self.ends = array("l")
        self.skip_depth = 0
        self.stack: list[str] = []
        # How often each tag is on the stack: "is this end tag open?" in O(1), so stray end tags
        # cost nothing (scanning the stack for each made a 1 MB page take minutes).
        self.open_count: Counter[str] = Counter()
        self.in_title = False
        self.title_parts: list[str] = []
        self.breaks: list[int] = [0]
        self.paragraphs: list[int] = [0]
        self.need_space = False

    # -- positions -------------------------------------------------------------------------
    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, start: int, end: int) -> None:
        self.out.append(text)
        for _ in text:
            self.starts.append(start)
            self.ends.append(end)

    def _last_char(self) -> str:
        return self.out[-1][-1] if self.out and self.out[-1] else "\n"

    def _block_break(self, pos: int, paragraph: bool = True) -> None:
        if self._last_char() == "\n":
            return
        self._emit("\n\n" if paragraph else "\n", pos, pos)
        n = len(self.starts)
        self.breaks.append(n)
        if paragraph:
            self.paragraphs.append(n)

    # -- parser callbacks ------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pos = self._offset()
        if tag == "meta":
            return
        if tag == "title":
            self.in_title = True
        if tag in ("article", "main") or (dict(attrs).get("role") or "").lower() == "main":
            self.main_stack.append(tag)
        if tag in SKIP and not (tag == "head"):
            if tag not in VOID:
                self.skip_depth += 1
                self._push(tag)
            return
        if tag in VOID and tag not in ("br", "hr"):
            return
        if tag in BLOCK:
            self._block_break(pos, paragraph=tag not in ("br", "li", "tr", "dt", "dd"))
        elif tag in CELL and self._last_char() not in "\n\t":
            self._emit("\t", pos, pos)
        if tag not in VOID:
            self._push(tag)

    def _push(self, tag: str) -> None:
        self.stack.append(tag)
        self.open_count[tag] += 1

    def _pop(self) -> str:
        top = self.stack.pop()
        self.open_count[top] -= 1
        return top

    def handle_endtag(self, tag: str) -> None:
        pos = self._offset()
        if self.main_stack and self.main_stack[-1] == tag:
            self.main_stack.pop()
        if tag == "title":
            self.in_title = False
        if tag in SKIP and tag != "head":
            if self.open_count[tag] > 0:
                while self.stack:
                    top = self._pop()
                    if top in SKIP and top != "head":
                        self.skip_depth -= 1
                    if top == tag:
                        break
            return
        if self.open_count[tag] > 0:
            while self.stack and self._pop() != tag:
                pass
        if tag in BLOCK and self.skip_depth == 0:
            self._block_break(pos, paragraph=tag not in ("li", "tr", "dt", "dd"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr") and self.skip_depth == 0:
            self._block_break(self._offset(), paragraph=tag == "hr")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip_depth or (self.main_only and not self.main_stack):
            return
        start = self._offset()
        # Text goes out in whole segments; only whitespace that is not a single space (runs,
        # newlines, tabs) is collapsed to one space, so the Python work is per run, not per char.
        pos = 0
        for m in _IRREGULAR_SPACE.finditer(data):
            self._segment(data[pos : m.start()], start + pos)
            if self._last_char() not in " \n\t":
                self._emit(" ", start + m.start(), start + m.start() + 1)
            pos = m.end()
        self._segment(data[pos:], start + pos)

    def _segment(self, text: str, start: int) -> None:
        if text[:1] == " " and self._last_char() in " \n\t":
            text, start = text[1:], start + 1
        if not text:
            return
        self.out.append(text)
        self.starts.extend(range(start, start + len(text)))
        self.ends.extend(range(start + 1, start + len(text) + 1))

    def _entity(self, raw: str, text: str) -> None:
        if self.in_title:
            self.title_parts.append(text)
            return
        if self.skip_depth or (self.main_only and not self.main_stack):
            return
        start = self._offset()
        end = start + len(raw)
        if self.source.startswith(raw + ";", start):
            end += 1
        if text.isspace() or text == "\xa0":
            if self._last_char() not in " \n\t":
                self._emit(" ", start, end)
            return
        self._emit(text, start, end)

    def handle_entityref(self, name: str) -> None:
        self._entity("&" + name, html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._entity("&#" + name, html.unescape(f"&#{name};"))



def parse_html(source: str, path: str) -> Document:
    ex = _Extractor(source)
    ex.feed(parser_safe(source))
    ex.close()
    text = "".join(ex.out)
    title = " ".join("".join(ex.title_parts).split()) or None
    n = len(text)
    breaks = sorted({b for b in ex.breaks if b < n})
    paragraphs = sorted({p for p in ex.paragraphs if p < n}) or [0]
    # Close each map with a sentinel so an empty span at the very end maps too.
    ex.starts.append(len(source))
    ex.ends.append(len(source))
    # Dates and the title come from one place that knows meta tags, JSON-LD and <time>.
    meta = extract_html_meta(source)
    return Document(path=path, fmt="html", source=source, text=text, src_start=ex.starts, src_end=ex.ends,
                    breaks=breaks, paragraphs=paragraphs, published=meta.published, updated=meta.updated,
                    title=title or meta.title)
