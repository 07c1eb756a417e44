"""Run every rule's examples through the real linter, for `factcheck db check`.

A rule's `examples.flagged` must each produce a finding of that rule, and its `examples.accepted`
must not. It drives the engine, so it sits above it (not in knowledge/, which the engine reads):
the pack's one check that needs spaCy.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from factcheck.documents import parse
from factcheck.engine import Linter
from factcheck.knowledge.model import Pack, Rule
from factcheck.knowledge.problems import Problem
from factcheck.knowledge.yamlload import LineDict, LineList, YamlError, load_yaml
from factcheck.nlp.normalize import collapse, fold

EXAMPLE_PATH = "<example>"


def examples_as_of(pack: Pack, as_of: date) -> date:
    """A date on which every rule is in force, so a rule whose `since` lies after `as_of` is
    still tested (its examples describe what it catches once it applies)."""
    dates = [as_of]
    dates += [r.since for r in pack.rules.values() if r.since]
    dates += [c.valid_from for c in pack.claims.values() if c.valid_from]
    return max(dates)


def check_examples(pack: Pack, as_of: date) -> list[Problem]:
    """Problems for examples the linter does not treat as the rule says (one per example).

    A flagged example that no finding of the rule covers is an error, unless another rule's
    finding covers it instead (the sentence is still flagged, with another message): a warning."""
    cases: list[tuple[Rule, str, int, str]] = []  # (rule, "flagged"|"accepted", index, sentence)
    for rule in sorted(pack.rules.values(), key=lambda r: (r.origin.file, r.origin.line)):
        cases += [(rule, "flagged", i, s) for i, s in enumerate(rule.examples_flagged)]
        cases += [(rule, "accepted", i, s) for i, s in enumerate(rule.examples_accepted)]
    if not cases:
        return []
    linter = Linter(pack, examples_as_of(pack, as_of))
    reports = linter.lint_documents(parse(text, EXAMPLE_PATH, "text") for _, _, _, text in cases)
    lines = _ExampleLines()
    problems: list[Problem] = []
    for (rule, which, index, text), report in zip(cases, reports, strict=True):
        # A note the judge lowered on purpose (history, a quotation) is not a flag.
        # (or folded into a finding that says the same thing on the same words: judge.py)
        own = [f for f in report.findings if (f.rule == rule.id or rule.id in f.merged) and not f.lowered]
        others = sorted({f.rule for f in report.findings if f.rule != rule.id})
        where = lines.line(rule, which, index)
        if which == "flagged" and not own:
            norm = collapse(fold(text))[0]
            # Say which side to fix: the pattern, or what the engine does with a match.
            if rule.check != "pattern":
                why = (f"the {rule.check} rule did not read this sentence as one it corrects: check its slots "
                       f"and `factcheck explain {rule.id}`")
            elif any(p.search(norm) for p in rule.patterns):
                why = ("a pattern matches, but the engine reports no finding of this rule: check 'unless', "
                       "context, negation and overlapping figures")
            else:
                why = "no pattern matches the normalised sentence"
            if others:
                problems.append(Problem(rule.origin.file, where, "warning",
                                        f"rule {rule.id}: flagged example is reported as {', '.join(others)} "
                                        f"instead of this rule ({why}): {text!r}"))
            else:
                problems.append(Problem(rule.origin.file, where, "error",
                                        f"rule {rule.id}: flagged example is not flagged ({why}): {text!r}"))
        elif which == "accepted" and own:
            span = ", ".join(repr(f.text) for f in own)
            problems.append(Problem(rule.origin.file, where, "error",
                                    f"rule {rule.id}: accepted example is flagged (at {span}): {text!r}"))
    return problems


class _ExampleLines:
    """Line numbers of example strings, read back from the YAML (the compiled Rule keeps only
    its own line); falls back to the rule's line."""

    def __init__(self) -> None:
        # file -> {(rule id, line): node}, built by one walk per file (a walk per rule made
        # `db check` quadratic: a 10,000-rule pack took minutes).
        self._index: dict[str, dict[tuple[str, int], LineDict]] = {}

    def line(self, rule: Rule, which: str, index: int) -> int:
        node = self._rule_node(rule)
        examples = node.get("examples") if node is not None else None
        items = examples.get(which) if isinstance(examples, LineDict) else None
        if isinstance(items, LineList):
            return items.line_of(index)
        return rule.origin.line

    def _rule_node(self, rule: Rule) -> LineDict | None:
        file = rule.origin.file
        if file not in self._index:
            try:
                self._index[file] = _index(load_yaml(Path(file)))
            except YamlError:
                self._index[file] = {}
        return self._index[file].get((str(rule.id).split("/", 1)[-1], rule.origin.line))


def _index(data: Any) -> dict[tuple[str, int], LineDict]:
    """Every mapping with an `id`, keyed by (id, line); iterative, so depth cannot overflow."""
    out: dict[tuple[str, int], LineDict] = {}
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, LineDict):
            ident = item.get("id")
            if isinstance(ident, str):
                out.setdefault((ident, item.line), item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return out
