"""Read a pack's study entries: citation, design, size, status and the figures they report."""

from __future__ import annotations

from datetime import date

from factcheck.knowledge.fields import FieldChecker
from factcheck.knowledge.model import Origin, Quantity, Study
from factcheck.knowledge.raw_pack import entries_by_id
from factcheck.knowledge.references import References
from factcheck.knowledge.schema import STATUSES, STUDY_KEYS
from factcheck.knowledge.values import read_values
from factcheck.knowledge.yamlload import LineDict


def read_studies(items: list[LineDict], quantities: dict[str, Quantity], refs: References,
                 ck: FieldChecker) -> dict[str, Study]:
    """The pack's studies by id; a retracted study may take its retraction from a retracted source."""
    sources = refs.sources
    studies: dict[str, Study] = {}
    for sid, s in entries_by_id(items, ck, "study").items():
        what = f"study {sid}: "
        ck.known_keys(s, STUDY_KEYS, what)
        cit = s.get("citation") or {}
        author = year = None
        if isinstance(cit, LineDict):
            author = ck.string(cit, "author", what=what)
            y = cit.get("year")
            if y is not None and not (isinstance(y, int) and 1900 < y < 2100):
                ck.error(cit, "year", f"{what}citation year must be a 4-digit year, got {y!r}")
            elif y is not None:
                year = y
        elif cit:
            ck.error(s, "citation", f"{what}'citation' must be a mapping {{author, year}}")
        ids = ck.strings(s, "sources", True, what)
        refs.check_sources(s, ids, what)
        verified, review = ck.day(s, "verified_on", True, what), ck.day(s, "review_by", True, what)
        refs.check_dates(s, verified, review, what)
        status = ck.enum(s, "status", STATUSES, default="active", what=what) or "active"
        retracted_on, notice = ck.when(s, "retracted_on", what=what), ck.string(s, "notice", what=what)
        if status == "retracted" and not retracted_on:
            # Take the retraction from a retracted source record when the study itself does not say.
            rs = next((sources[i] for i in ids if i in sources and sources[i].status == "retracted"), None)
            if rs:
                retracted_on, notice = rs.retracted_on, notice or rs.notice
            else:
                ck.error(s, "status", f"{what}a retracted study needs 'retracted_on' (or a retracted source)")
        n = s.get("n")
        if n is not None and (isinstance(n, bool) or not isinstance(n, int)):
            ck.error(s, "n", f"{what}'n' must be a whole number")
            n = None
        phase = s.get("phase")
        studies[sid] = Study(
            id=sid, title=ck.string(s, "title", True, what) or sid, aliases=ck.strings(s, "aliases", what=what),
            author=author, year=year, journal=ck.string(s, "journal", what=what),
            published=ck.when(s, "published", what=what), design=ck.string(s, "design", what=what),
            phase=str(phase) if phase is not None else None, indication=ck.string(s, "indication", what=what),
            n=n, status=status, retracted_on=retracted_on, notice=notice, sources=ids,
            values=read_values(s, sid, sid, quantities, ck, what), verified_on=verified or date.min,
            review_by=review or date.max, origin=Origin(s.file, s.line),
            registry=ck.string(s, "registry", what=what), doi=ck.string(s, "doi", what=what),
        )
    return studies
