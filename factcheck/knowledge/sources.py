"""Read a pack's source records: what each source is, where it is, and its evidence quote."""

from __future__ import annotations

import re

from factcheck.knowledge.fields import FieldChecker
from factcheck.knowledge.model import Origin, Source
from factcheck.knowledge.raw_pack import entries_by_id
from factcheck.knowledge.schema import SOURCE_KEYS, SOURCE_KINDS, STATUSES
from factcheck.knowledge.yamlload import LineDict


def read_sources(items: list[LineDict], ck: FieldChecker) -> dict[str, Source]:
    """The pack's sources by id; a retracted one must say when and where it was retracted."""
    sources: dict[str, Source] = {}
    for sid, s in entries_by_id(items, ck, "source").items():
        what = f"source {sid}: "
        ck.known_keys(s, SOURCE_KEYS, what)
        status = ck.enum(s, "status", STATUSES, default="active", what=what) or "active"
        url = ck.string(s, "url", True, what) or ""
        if url and not re.match(r"^https?://[^\s/]+", url):
            ck.error(s, "url", f"{what}url must start with http:// or https://: {url!r}")
        evidence = ck.strings(s, "evidence", True, what)
        src = Source(
            id=sid, kind=ck.enum(s, "kind", SOURCE_KINDS, True, what=what) or "other",
            title=ck.string(s, "title", True, what) or sid, publisher=ck.string(s, "publisher", what=what),
            published=ck.when(s, "published", what=what), url=url, status=status, evidence=evidence,
            origin=Origin(s.file, s.line), doi=ck.string(s, "doi", what=what),
            authors=ck.strings(s, "authors", what=what), retracted_on=ck.when(s, "retracted_on", what=what),
            notice=ck.string(s, "notice", what=what), accessed=ck.day(s, "accessed", what=what),
            note=ck.string(s, "note", what=what),
        )
        if "published" not in s:
            ck.error(s, "id", f"{what}missing 'published' (use null when the source shows no date)")
        if status == "retracted" and (src.retracted_on is None or not src.notice):
            ck.error(s, "status", f"{what}a retracted source needs 'retracted_on' and 'notice'")
        sources[sid] = src
    return sources
