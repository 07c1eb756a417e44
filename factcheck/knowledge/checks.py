"""Cross-entry checks the loader does not make, for `factcheck db check`.

The loader validates each field; these look at how fields and entries relate (dates that
contradict each other, two records of one URL, an `outdated` rule that never says since when).
"""

from __future__ import annotations

from factcheck.knowledge.model import Pack
from factcheck.knowledge.problems import Problem


def check_consistency(pack: Pack) -> list[Problem]:
    """Problems found across fields and entries of a compiled pack."""
    out: list[Problem] = []

    def add(origin: object, level: str, message: str) -> None:
        out.append(Problem(origin.file, origin.line, level, message))  # type: ignore[attr-defined]

    by_url: dict[str, str] = {}
    for s in pack.sources.values():
        if s.published and s.accessed and s.accessed < s.published:
            add(s.origin, "error", f"source {s.id}: accessed {s.accessed} is before published {s.published}")
        if s.published and s.retracted_on and s.retracted_on < s.published:
            add(s.origin, "error", f"source {s.id}: retracted_on {s.retracted_on} is before published {s.published}")
        if any(not quote.strip() for quote in s.evidence):
            add(s.origin, "error", f"source {s.id}: an evidence quote is empty")
        # Same page recorded twice: the records drift apart; cite one of them.
        key = s.url.rstrip("/").lower()
        if key and key in by_url:
            first = pack.sources[by_url[key]]
            add(s.origin, "warning", f"source {s.id}: same URL as source {first.id} ({first.origin}): {s.url}")
        else:
            by_url[key] = s.id
    for st in pack.studies.values():
        if st.published and st.retracted_on and st.retracted_on < st.published:
            add(st.origin, "error", f"study {st.id}: retracted_on {st.retracted_on} is before published {st.published}")
    for r in pack.rules.values():
        if r.verdict == "outdated" and r.since is None:
            # The judge dates an outdated statement by `since`; without it the finding cannot say
            # "correct when published" and reads as if the statement was never true.
            add(r.origin, "error", f"rule {r.id}: verdict 'outdated' without 'since' (when did it stop being "
                                   "true? if never, use verdict 'contradicted')")
        claim = pack.claims.get(r.claim_id)
        if claim and claim.announced_on and r.since and r.since < claim.announced_on:
            # A statement cannot be outdated before the public could know it had changed.
            add(r.origin, "warning", f"rule {r.id}: since {r.since} is before the claim's announced_on "
                                     f"{claim.announced_on} (use the date the public could know)")
    return out
