"""Title and publication/modification dates of an HTML page.

Sources, strongest first: JSON-LD (`datePublished`/`dateModified` of an Article-like object,
`@graph` included), meta tags (Open Graph `article:*_time`, Dublin Core, `name=date`, Parse.ly,
Sailthru, citation_*, itemprop microdata), then `<time datetime>` elements (those marked as
published/updated first, then the first one inside `<article>`). Stdlib only: `html.parser` is
tolerant of broken markup and this runs once per page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from typing import Any

# One date parser for every format (front matter, meta tags, JSON-LD, "Last updated:" lines).
from factcheck.documents.dates import parse_date
from factcheck.documents.html_safe import parser_safe


@dataclass(frozen=True)
class HtmlMeta:
    title: str | None = None
    published: date | None = None
    updated: date | None = None


# Lower-cased meta name/property/itemprop -> which date it gives. Order in each tuple = priority.
PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "publish-date",
    "publish_date",
    "publication_date",
    "pubdate",
    "date",
)
UPDATED_KEYS = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "revised",
)
TITLE_KEYS = ("og:title", "twitter:title", "parsely-title", "dc.title", "dcterms.title")
ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "medicalscholarlyarticle",
    "scholarlyarticle",
    "techarticle",
    "report",
    "medicalwebpage",
    "webpage",
    "posting",
}
# Elements with no end tag (plus <time>, which we read at its start) stay off the hint stack.
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr time".split()
)
_PUBLISHED_HINT = re.compile(r"publish|posted|created|pubdate|dateline", re.IGNORECASE)
_UPDATED_HINT = re.compile(r"updat|modif|revis|edited", re.IGNORECASE)


class _MetaParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.jsonld: list[str] = []
        self.times: list[tuple[str, str, bool]] = []  # (datetime, hints, inside <article>)
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self._in_title = False
        self._in_h1 = False
        self._h1_done = False
        self._script_jsonld: list[str] | None = None
        self._article_depth = 0
        self._hint_stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        hint = " ".join(a.get(k, "") for k in ("class", "id", "itemprop", "rel"))
        if tag == "meta":
            content = a.get("content", "").strip()
            for key in ("property", "name", "itemprop", "http-equiv"):
                name = a.get(key, "").strip().lower()
                if name and content:
                    self.meta.setdefault(name, content)
        elif tag == "title":
            self._in_title = True
        elif tag == "h1" and not self._h1_done:
            self._in_h1 = True
        elif tag == "script" and "ld+json" in a.get("type", "").lower():
            self._script_jsonld = []
        elif tag == "article":
            self._article_depth += 1
        elif tag == "time":
            dt = a.get("datetime") or ""
            if "pubdate" in a:
                hint += " pubdate"
            # The element's own markers, or those of an enclosing element (e.g. <p class=updated>).
            context = " ".join([hint, *self._hint_stack[-3:]])
            if dt:
                self.times.append((dt, context, self._article_depth > 0))
        if tag not in _VOID:
            self._hint_stack.append(hint)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "h1" and self._in_h1:
            self._in_h1 = False
            self._h1_done = True
        elif tag == "script" and self._script_jsonld is not None:
            self.jsonld.append("".join(self._script_jsonld))
            self._script_jsonld = None
        elif tag == "article" and self._article_depth:
            self._article_depth -= 1
        if tag not in _VOID and self._hint_stack:
            self._hint_stack.pop()

    def handle_data(self, data: str) -> None:
        if self._script_jsonld is not None:
            self._script_jsonld.append(data)
        elif self._in_title:
            self.title_parts.append(data)
        elif self._in_h1:
            self.h1_parts.append(data)


def _walk_jsonld(node: Any, out: list[dict[str, Any]]) -> None:
    if isinstance(node, list):
        for item in node:
            _walk_jsonld(item, out)
    elif isinstance(node, dict):
        out.append(node)
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart"):
            if key in node:
                _walk_jsonld(node[key], out)


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type", [])
    return {str(x).lower() for x in (t if isinstance(t, list) else [t])}


def _jsonld_objects(blocks: list[str]) -> list[dict[str, Any]]:
    objs: list[dict[str, Any]] = []
    for raw in blocks:
        try:
            data = json.loads(raw.strip().removeprefix("<!--").removesuffix("-->"))
            _walk_jsonld(data, objs)
        except (ValueError, RecursionError):
            continue  # broken (or absurdly deep) JSON-LD is common; other sources still apply
    # Article-like objects first, then other typed objects (WebPage before WebSite/Organization).
    return sorted(objs, key=lambda o: 0 if _types(o) & ARTICLE_TYPES else 1)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(text: str) -> str | None:
    # JSON-LD may escape a lone surrogate ("\\ud800"); it could not be written as UTF-8 later.
    t = _SURROGATE.sub("\ufffd", " ".join(text.split()))
    return t or None


def extract_html_meta(html: str) -> HtmlMeta:
    """Title, publication date and last-modified date of an HTML document (None when absent).

    Never raises: metadata is a hint, and a page with broken or hostile metadata is still linted."""
    try:
        return _extract(html)
    except (RecursionError, MemoryError, ValueError, TypeError, OverflowError):
        return HtmlMeta()


def _extract(html: str) -> HtmlMeta:
    p = _MetaParser()
    try:
        p.feed(parser_safe(html))
        p.close()
    except Exception:
        pass
    objs = _jsonld_objects(p.jsonld)

    published = updated = None
    title = None
    for o in objs:
        published = published or parse_date(_str(o.get("datePublished") or o.get("dateCreated")))
        updated = updated or parse_date(_str(o.get("dateModified")))
        title = title or _clean(_str(o.get("headline")) or "")
    for key in PUBLISHED_KEYS:
        published = published or parse_date(p.meta.get(key))
    for key in UPDATED_KEYS:
        updated = updated or parse_date(p.meta.get(key))

    # <time datetime>: explicit markers first; then the first one in <article> as publication.
    for dt, hint, _ in p.times:
        if _UPDATED_HINT.search(hint):
            updated = updated or parse_date(dt)
        elif _PUBLISHED_HINT.search(hint):
            published = published or parse_date(dt)
    if published is None:
        in_article = [
            dt for dt, hint, inside in p.times if inside and not _UPDATED_HINT.search(hint)
        ]
        if in_article:
            published = parse_date(in_article[0])
    if published is None:
        # Last resort, as page templates often do: the first dated <time> on the page.
        first = next((dt for dt, hint, _ in p.times if not _UPDATED_HINT.search(hint)), None)
        published = parse_date(first) if first else None

    meta_title = next((_clean(p.meta[k]) for k in TITLE_KEYS if p.meta.get(k)), None)
    title = meta_title or title or _clean("".join(p.title_parts)) or _clean("".join(p.h1_parts))
    if published and updated and updated < published:
        updated = None  # an "update" before publication is a template bug, not information
    return HtmlMeta(title=title, published=published, updated=updated)


def _str(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@value")
    return value if isinstance(value, str) else None


__all__ = ["HtmlMeta", "extract_html_meta", "parse_date"]
