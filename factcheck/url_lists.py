"""Lists of pages to audit: a text file of URLs, or a sitemap (index, gzip, nested), read with the
fetcher's limits and guards. XML is parsed with defusedxml (no DTD, entities or external references).
"""

from __future__ import annotations

import io
import re
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

import defusedxml
import defusedxml.ElementTree
import requests

from factcheck.fetch import FetchError, FetchLimits, _accept_xml, _fetch, shared_session


def urls_from_file(path: str | Path) -> list[str]:
    """URLs from a text file: one a line; blank lines and `#` comments (whole line, or after
    whitespace) ignored; duplicates dropped, order kept. Lines that are not http(s) URLs are
    kept, so the audit reports them as failed pages instead of silently dropping them."""
    seen: dict[str, None] = {}
    try:
        text = _read_capped(Path(path), 20_000_000).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FetchError(f"{path}: not valid UTF-8 (byte {exc.object[exc.start]:#04x} at offset {exc.start})") from None
    except OSError as exc:
        raise FetchError(f"{path}: {exc.strerror or exc}") from None
    for raw in text.splitlines():
        line = re.sub(r"\s+#.*$", "", raw).strip()
        if not line or line.startswith("#"):
            continue
        seen.setdefault(line, None)
    return list(seen)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


class UnsafeXMLError(ValueError):
    """The XML declares a DTD or entities, which sitemaps never need (billion laughs, XXE)."""


def _read_capped(path: Path, cap: int) -> bytes:
    """At most `cap + 1` bytes of a regular file (a FIFO or device would block or never end)."""
    import stat

    if not stat.S_ISREG(path.stat().st_mode):
        raise FetchError(f"{path}: not a regular file")
    with path.open("rb") as fh:
        return fh.read(cap + 1)


def parse_xml_safely(data: bytes) -> ElementTree.Element:
    """Parse XML with defusedxml, refusing any DTD, entity declaration or external reference
    (no billion laughs, no XXE, in any encoding). Raises UnsafeXMLError or ParseError."""
    try:
        return defusedxml.ElementTree.fromstring(data, forbid_dtd=True)
    except defusedxml.DefusedXmlException as exc:
        raise UnsafeXMLError(f"XML with a DTD or entity declarations is refused ({exc})") from None
    except ElementTree.ParseError as exc:
        raise ElementTree.ParseError(f"not well-formed XML: {exc}") from None


def sitemap_entries(data: bytes, truncated: bool = False) -> tuple[str, list[str]]:
    """The root element's local name and each entry's `<loc>` (a direct child of `<url>` or
    `<sitemap>`), read as a stream. When `truncated`, the XML broken off by the size cap ends
    the list instead of failing it. Raises UnsafeXMLError or ParseError."""
    kind = ""
    locs: list[str] = []
    depth = 0
    root: ElementTree.Element | None = None
    try:
        for event, elem in defusedxml.ElementTree.iterparse(
            io.BytesIO(data), events=("start", "end"), forbid_dtd=True
        ):
            if event == "start":
                depth += 1
                if depth == 1:
                    kind, root = _local(elem.tag), elem
                continue
            if depth == 3 and _local(elem.tag) == "loc" and elem.text and elem.text.strip():
                locs.append(elem.text.strip())
            elif depth == 2 and root is not None:
                root.clear()  # a finished entry: drop it, so a big sitemap is not held whole
            depth -= 1
    except defusedxml.DefusedXmlException as exc:
        raise UnsafeXMLError(f"XML with a DTD or entity declarations is refused ({exc})") from None
    except ElementTree.ParseError as exc:
        if not (truncated and kind):
            raise ElementTree.ParseError(f"not well-formed XML: {exc}") from None
    return kind, locs


def _maybe_gunzip(data: bytes, max_bytes: int) -> tuple[bytes, bool]:
    """The data, decompressed if gzipped, cut at `max_bytes`; and whether it was cut."""
    if not data.startswith(b"\x1f\x8b"):
        return data[:max_bytes], len(data) > max_bytes
    # Decompress in steps so a gzip bomb stops at the cap instead of filling memory.
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise FetchError(f"not valid gzip: {exc}") from None
    if len(out) > max_bytes or d.unconsumed_tail:
        return out[:max_bytes], True
    return out, False


def _is_http(url: str) -> bool:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port out of range
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def urls_from_sitemap(
    url: str,
    session: requests.Session | None = None,
    *,
    max_sitemaps: int = 100,
    max_urls: int = 50_000,
    errors: list[str] | None = None,
    **limits: Any,
) -> list[str]:
    """Page URLs listed by a sitemap (or sitemap index, followed breadth first).

    Raises `FetchError` when the top sitemap cannot be read at all; problems with child
    sitemaps are appended to `errors` (if given) and the rest are still read. A sitemap over the
    size cap is read up to the cap (with a note). A local file path is accepted too, which helps
    to audit a site before it is published."""
    lim = FetchLimits.from_kwargs(**limits)
    sess = session or shared_session()
    queue = [url]
    seen_maps: set[str] = set()
    pages: dict[str, None] = {}
    problems: list[str] = []
    first = True
    while queue and len(seen_maps) < max_sitemaps:
        current = queue.pop(0)
        if current in seen_maps:
            continue
        seen_maps.add(current)
        try:
            data, truncated = _read_sitemap(current, sess, lim)
            kind, locs = sitemap_entries(data, truncated)
        except (FetchError, UnsafeXMLError, ElementTree.ParseError, OSError) as exc:
            msg = f"{current}: {exc}"
            if first:
                raise FetchError(msg) from exc
            problems.append(msg)
            continue
        first = False
        if truncated:
            problems.append(f"{current}: over the {lim.max_bytes:,}-byte cap; read up to the cap")
        if kind not in ("urlset", "sitemapindex"):
            problems.append(f"{current}: not a sitemap (root element <{kind}>)")
            continue
        for loc in locs:
            if not _is_http(loc):
                problems.append(f"{current}: skipped a location that is not an http(s) URL {loc[:200]!r}")
                continue
            if kind == "sitemapindex":
                queue.append(loc)
            elif len(pages) < max_urls:
                pages.setdefault(loc, None)
    if queue:
        problems.append(f"stopped after {max_sitemaps} sitemaps; {len(queue)} not read")
    if errors is not None:
        errors.extend(problems)
    return list(pages)


def _read_sitemap(location: str, session: requests.Session, lim: FetchLimits) -> tuple[bytes, bool]:
    try:
        scheme = urlsplit(location).scheme
    except ValueError as exc:
        raise FetchError(f"malformed URL: {exc}") from None
    if scheme not in ("http", "https"):
        data = _read_capped(Path(location), lim.max_bytes)
        return _maybe_gunzip(data, lim.max_bytes)
    page, body = _fetch(location, session, lim, _accept_xml, truncate=True)
    if body is None:
        raise FetchError(page.error or "could not be read")
    data, cut = _maybe_gunzip(body, lim.max_bytes)
    return data, cut or page.truncated


__all__ = ["UnsafeXMLError", "parse_xml_safely", "sitemap_entries", "urls_from_file", "urls_from_sitemap"]
