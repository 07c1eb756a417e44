"""Rules the engine itself applies (pack rules come from `corrects` entries in claims/).

Each has the metadata `explain`, SARIF and the docs need: summary, what it catches and why.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BuiltinRule:
    id: str
    kind: str
    verdict: str
    severity: str
    summary: str
    description: str


BUILTIN_RULES: dict[str, BuiltinRule] = {r.id: r for r in [
    BuiltinRule("citation-retracted", "citation", "retracted", "error",
                "Cites a retracted publication",
                "The text cites a study whose paper has been retracted. Readers take a citation as support; a "
                "retracted paper no longer supports anything. Remove the citation or say that it was retracted, "
                "when and why."),
    BuiltinRule("citation-wrong-journal", "citation", "contradicted", "warning",
                "Names the wrong journal for a study",
                "The text names a journal for a study it cites or describes (by author and year, or by phase "
                "and year), and the study appeared in another journal ('Nature' for a paper in 'Nature "
                "Medicine'). A reader who looks it up will not find it there."),
    BuiltinRule("figure-retracted", "trial-statistic", "retracted", "error",
                "Quotes a figure from a retracted publication",
                "A figure attached to a retracted study. The figure may still be printed in the paper, but the "
                "paper no longer stands; quote it only with the retraction."),
    BuiltinRule("figure-wrong-measure", "trial-statistic", "contradicted", "warning",
                "A trial figure quoted for the wrong outcome",
                "The number is a real result, but of a different outcome (for example 'no longer met PTSD "
                "criteria' quoted as 'clinically meaningful improvement'). Outcomes are not interchangeable: "
                "name the outcome the figure measured, or quote the figure for the outcome you mean."),
    BuiltinRule("figure-wrong-study", "trial-statistic", "contradicted", "warning",
                "A trial figure attributed to the wrong study",
                "The number was reported, but by another study than the one the text attaches it to."),
    BuiltinRule("figure-wrong-arm", "trial-statistic", "contradicted", "warning",
                "A trial figure attributed to the wrong arm",
                "The number belongs to the other arm of the trial (for example the placebo group's figure "
                "given for the MDMA group)."),
    BuiltinRule("figure-wrong-timepoint", "trial-statistic", "contradicted", "warning",
                "A trial figure given for the wrong time point",
                "The number is a real result, but measured at another time (for example the 18-week primary "
                "endpoint quoted as a one-year result). Say when the outcome was measured."),
    BuiltinRule("figure-wrong-value", "trial-statistic", "contradicted", "warning",
                "A trial figure that differs from what the study reported",
                "The study the text names reported a different number for this outcome."),
    BuiltinRule("protocol-mismatch", "protocol", "contradicted", "warning",
                "A protocol detail (sessions, durations, doses) that no trial protocol used",
                "The database records every protocol of the trials it covers; the stated number of sessions, "
                "duration or dose matches none of them."),
    BuiltinRule("unsupported-figure", "trial-statistic", "unsupported", "info",
                "A figure the database cannot confirm",
                "A checkable number of a known kind (a trial outcome, a sample size) that matches nothing the "
                "database records. It may be right; an editor should check it against its source."),
    BuiltinRule("unknown-citation", "citation", "unsupported", "info",
                "A citation the database does not know",
                "An author-year citation that matches no study in the database, so its claims cannot be "
                "checked. Add the study to a claims pack to check it."),
    BuiltinRule("possible-outdated-claim", "other", "unsupported", "info",
                "A sentence that reads like a claim the pack may correct",
                "This sentence reads like a claim of a kind the pack corrects (a status, forecast, date or "
                "figure), but no rule matched it. A small classifier trained on the pack's rule examples "
                "proposes it; check it against what the pack records. It is never a warning."),
    BuiltinRule("supported", "other", "supported", "info",
                "A claim that agrees with the database",
                "Shown with --show-supported, so editors can see what was checked and found right."),
]}
