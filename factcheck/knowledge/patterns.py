"""Compile a pack's regex patterns: expand {macros}, compile, refuse patterns that can stall.

Every pattern of a pack (rule patterns, frame parts, quantity cues, arms, topic) goes through
here, so a bad one is reported the same way wherever it sits.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.knowledge.fields import FieldChecker
from factcheck.knowledge.yamlload import short_repr
from factcheck.regex_tools import MacroError, expand_macros, nested_quantifier


def compile_pattern(pattern: str, macros: dict[str, str], ck: FieldChecker, node: Any, key: Any, what: str) -> re.Pattern[str] | None:
    """The pattern with macros expanded, case-blind; None (and a problem) when it cannot be used."""
    try:
        expanded = expand_macros(pattern, macros)
        compiled = re.compile(expanded, re.IGNORECASE)
    except MacroError as exc:
        ck.error(node, key, f"{what}{exc} in pattern {short_repr(pattern)}")
        return None
    except (re.error, RecursionError, OverflowError) as exc:
        ck.error(node, key, f"{what}pattern does not compile ({str(exc)[:200]}): {short_repr(pattern)}")
        return None
    risk = nested_quantifier(expanded)
    if risk:
        # Python's re has no time limit: such a pattern could stall every lint run on ordinary text.
        ck.error(node, key, f"{what}pattern can take exponential time ({risk}; write (a+)+ as a+, "
                            f"or give the inner part a fixed separator): {short_repr(pattern)}")
        return None
    return compiled
