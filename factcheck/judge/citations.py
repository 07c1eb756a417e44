"""Citations: a named study is known, retracted, or cited with the wrong journal."""

from __future__ import annotations

import re

from factcheck.judge.base import JudgeBase
from factcheck.models import Finding
from factcheck.nlp.claims import Claim


class CitationJudge(JudgeBase):

    def _citation(self, claim: Claim) -> Finding | None:
        if not claim.studies:
            return self._builtin("unknown-citation", claim,
                                 f"The database has no study for the citation '{claim.citation}', so its claims cannot be checked.",
                                 fact="", suggestion=None, sources=[])
        studies = [self.pack.studies[s] for s in claim.studies]
        retracted = [s for s in studies if s.status == "retracted"]
        if retracted and len(retracted) == len(studies):
            s = retracted[0]
            when = s.retracted_on.isoformat() if s.retracted_on else "an unknown date"
            fact = f"{s.label} ({s.journal or 'journal'}) was retracted on {when}."
            if s.notice:
                fact += f" Notice: {s.notice}"
            # A study the text describes rather than names: say which one the description fits.
            verb = f"Describes {s.label} ('{claim.citation}')" if claim.study_how == "description" else f"Cites {s.label}"
            f = self._builtin("citation-retracted", claim,
                              f"{verb}, which was retracted on {when}.", fact=fact,
                              suggestion="Remove the citation and the findings that rest on it, or state that the paper was retracted and why.",
                              sources=self.pack.source_refs(s.sources))
            f.claim_id = s.id
            if claim.retraction_noted:
                # The text says so itself ("... was retracted in 2024"): nothing to correct.
                f.severity = "info"
                f.message = f"Mentions {s.label} together with its retraction ({when})."
            f.since = s.retracted_on.isoformat() if s.retracted_on else None
            return f
        s = studies[0]
        # (several studies only when they share one journal: "a phase 3 study in Nature" is wrong
        # whichever of the phase's papers it means)
        if claim.journal and s.journal and len({t.journal for t in studies}) == 1 \
                and not _same_journal(claim.journal, s.journal):
            f = self._builtin("citation-wrong-journal", claim,
                              f"{s.label} appeared in {s.journal}, not in {claim.journal}.",
                              fact=f"{s.title} ({s.journal}).", suggestion=f"Write {s.journal}.",
                              sources=self.pack.source_refs(s.sources))
            f.claim_id = s.id
            return f
        if len(studies) == 1:
            return self._builtin("supported", claim, f"Cites {s.name}, a study in the database.", fact=s.title,
                                 suggestion=None, sources=self.pack.source_refs(s.sources), kind="citation")
        return None


def _same_journal(named: str, recorded: str) -> bool:
    """"Lancet Psychiatry" is "The Lancet Psychiatry"; "Nature" is not "Nature Medicine"."""
    def norm(j: str) -> str:
        return " ".join(w for w in re.sub(r"[^a-z0-9 ]+", " ", j.lower()).split() if w != "the")

    return norm(named) == norm(recorded)
