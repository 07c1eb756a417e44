"""Macro expansion for pack patterns, and the literal "triggers" that let the judge skip rules.

A rule is tried on a sentence only when one of its trigger strings occurs in it. Triggers are
derived from the compiled regex itself (the literals every match must contain), so pack authors
write plain patterns and still get the speed of a substring prefilter.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812 - stdlib internals, stable across 3.11-3.13
from re import _parser

_MACRO = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_-]*)\}")


class MacroError(ValueError):
    pass


def expand_macros(pattern: str, macros: dict[str, str], _stack: tuple[str, ...] = ()) -> str:
    """Replace `{name}` with `(?:<macro>)`, recursively; `{{`/`}}` are literal braces."""

    def sub(m: re.Match[str]) -> str:
        tok = m.group(0)
        if tok == "{{":
            return r"\{"
        if tok == "}}":
            return r"\}"
        name = m.group(1)
        if name not in macros:
            raise MacroError(f"unknown macro {{{name}}}")
        if name in _stack:
            raise MacroError(f"macro {{{name}}} refers to itself")
        return "(?:" + expand_macros(macros[name], macros, (*_stack, name)) + ")"

    return _MACRO.sub(sub, pattern)


def required_literals(pattern: str) -> list[str] | None:
    """Strings of which every match of `pattern` contains at least one (lower-cased, no spaces).

    Returns None when no such set can be derived (the rule is then tried on every sentence).
    """
    try:
        parsed = _parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    found = _required(list(parsed))
    if not found:
        return None
    return sorted(found)


def _best(candidates: list[set[str]]) -> set[str] | None:
    good = [c for c in candidates if c and all(c)]
    if not good:
        return None
    # Most selective: the longest shortest-member, then the fewest alternatives.
    return max(good, key=lambda c: (min(len(s) for s in c), -len(c)))


def _required(items: list) -> set[str] | None:
    candidates: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            # Whitespace may be collapsed differently in the searched text: keep the longest word.
            words = [w for w in "".join(run).lower().split() if w]
            if words:
                candidates.append({max(words, key=len)})
            run.clear()

    for op, arg in items:
        if op is C.LITERAL:
            run.append(chr(arg))
            continue
        flush()
        if op is C.SUBPATTERN:
            sub = _required(list(arg[-1]))
            if sub:
                candidates.append(sub)
        elif op is C.BRANCH:
            union: set[str] = set()
            for branch in arg[1]:
                sub = _required(list(branch))
                if not sub:
                    union = set()
                    break
                union |= sub
            if union:
                candidates.append(union)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, _high, sub_items = arg
            if low >= 1:
                sub = _required(list(sub_items))
                if sub:
                    candidates.append(sub)
        elif op is C.ATOMIC_GROUP:
            sub = _required(list(arg))
            if sub:
                candidates.append(sub)
    flush()
    return _best(candidates)
