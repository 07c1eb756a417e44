"""Cross-references between entries: cited source ids, study ids named by values, review dates.

Claims, studies and values cite sources by id; this keeps the set of sources that were cited, so
that a source no entry cites can be reported once every entry has been read.
"""

from __future__ import annotations

from datetime import date

from factcheck.knowledge.fields import FieldChecker
from factcheck.knowledge.model import Claim, Source, Study
from factcheck.knowledge.problems import Problem
from factcheck.knowledge.yamlload import LineDict


class References:
    """The pack's sources, which of them are cited so far, and the date reviews are judged on."""

    def __init__(self, sources: dict[str, Source], ck: FieldChecker, as_of: date | None) -> None:
        self.sources = sources
        self.used: set[str] = set()
        self.ck = ck
        self.as_of = as_of

    def check_sources(self, node: LineDict, ids: list[str], what: str) -> None:
        """Record each cited id; an error for an id no source has."""
        for sid in ids:
            self.used.add(sid)
            if sid not in self.sources:
                self.ck.error(node, "sources", f"{what}unknown source id {sid!r}")

    def check_dates(self, node: LineDict, verified: date | None, review: date | None, what: str) -> None:
        """Review dates in order, none verified in the future, and a warning once review_by has passed."""
        ck, as_of = self.ck, self.as_of
        if verified and review and review < verified:
            ck.error(node, "review_by", f"{what}review_by {review} is before verified_on {verified}")
        if verified and as_of and verified > as_of:
            ck.warn(node, "verified_on", f"{what}verified_on {verified} is in the future (as of {as_of})")
        if review and as_of and review < as_of:
            ck.warn(node, "review_by", f"{what}review_by {review} has passed (as of {as_of}): re-verify this entry")

    def check_values(self, claims: dict[str, Claim], studies: dict[str, Study]) -> None:
        """Each value's sources and study exist (checked once all studies are read)."""
        for owner in list(claims.values()) + list(studies.values()):
            for v in owner.values:
                origin = getattr(v, "_origin", owner.origin)
                for sid in v.sources:
                    self.used.add(sid)
                    if sid not in self.sources:
                        self.ck.problems.append(Problem(origin.file, origin.line, "error", f"value {v.quantity}: unknown source id {sid!r}"))
                if v.study and v.study not in studies:
                    self.ck.problems.append(Problem(origin.file, origin.line, "error", f"value {v.quantity}: unknown study {v.study!r}"))

    def warn_unused(self) -> None:
        """A warning for each source that nothing cites (call last)."""
        for sid, src in self.sources.items():
            if sid not in self.used:
                self.ck.problems.append(Problem(src.origin.file, src.origin.line, "warning", f"source {sid}: not cited by any claim or study"))
