r"""Macro expansion for pack patterns, and the literal "triggers" that let the judge skip rules.

A rule is tried on a sentence only when one of its trigger strings occurs in it. Triggers are
derived from the compiled regex itself (the literals every match must contain), so pack authors
write plain patterns and still get the speed of a substring prefilter.

Also the guards a user pack needs: a macro expansion cap (macros that each double the previous
one would expand exponentially) and `nested_quantifier`, which refuses the patterns whose
matching time can explode on ordinary text (`(a+)+$`, `(\w+\s?)+$`): Python's `re` has no
time limit, so such a pattern is refused when the pack loads.

It stands on the ground floor: the pack loader, the extractor's prefilters and the language
layer's time patterns all use it.
"""

from __future__ import annotations

import re
import sys

# Characters whose case folding makes a lower-case literal test unsafe (long s, dotless i): a text
# holding one skips the literal prefilters.
CASE_TRAPS = ("\u017f", "\u0131")

# The regex parser is internal to the stdlib: `re._parser`/`re._constants` since 3.11, the
# (deprecated there) `sre_parse`/`sre_constants` modules on 3.10. Same data structures.
if sys.version_info >= (3, 11):
    from re import _compiler, _parser
    from re import _constants as C  # noqa: N812
else:  # pragma: no cover - exercised by CI's Python 3.10 run
    import sre_compile as _compiler
    import sre_constants as C  # noqa: N812
    import sre_parse as _parser

_POSSESSIVE = getattr(C, "POSSESSIVE_REPEAT", None)  # 3.11+
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)  # 3.11+
_REPEATS = tuple(op for op in (C.MAX_REPEAT, C.MIN_REPEAT, _POSSESSIVE) if op is not None)

_MACRO = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_-]*)\}")

# Longest pattern a macro expansion may produce; the bundled lexicon's longest is a few KB.
MAX_EXPANDED = 100_000


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

    out = _MACRO.sub(sub, pattern)
    if len(out) > MAX_EXPANDED:
        # Raised at the first level that passes the cap, so doubling macros stop early.
        raise MacroError(f"macros expand to more than {MAX_EXPANDED:,} characters")
    return out


def nested_quantifier(pattern: str) -> str | None:
    """A short description of an unbounded repeat inside another unbounded repeat (`(a+)+`,
    `(\\w+\\s?)*`), the shape that backtracks exponentially; None when there is none or the
    pattern does not parse. Possessive and atomic parts cannot backtrack and are ignored."""
    try:
        parsed = _parser.parse(pattern, re.IGNORECASE)
    except (re.error, RecursionError, OverflowError):
        return None
    return _nested(list(parsed), False)


def _nested(items: list, inside: bool) -> str | None:
    for op, arg in items:
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            _low, high, sub_items = arg
            unbounded = high == C.MAXREPEAT
            if unbounded and inside and _can_vary(list(sub_items)):
                return "a repeated group that contains another unbounded repeat"
            # An outer repeat whose body also needs a fixed piece (`(?:\\d+,)+`, `(?:word[ ,]+)+`)
            # cannot re-split the same text many ways; one made only of repeats can.
            risky = unbounded and _can_vary(list(sub_items)) and not _has_fixed(list(sub_items))
            found = _nested(list(sub_items), inside or risky)
            if found:
                return found
        elif op is C.SUBPATTERN:
            found = _nested(list(arg[-1]), inside)
            if found:
                return found
        elif op is C.BRANCH:
            for branch in arg[1]:
                found = _nested(list(branch), inside)
                if found:
                    return found
        elif op in (C.ASSERT, C.ASSERT_NOT):
            found = _nested(list(arg[1]), inside)
            if found:
                return found
    return None


def _has_fixed(items: list) -> bool:
    """True when the items include something that must match and is not itself a repeat."""
    for op, arg in items:
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY, C.CATEGORY):
            return True
        if op is C.SUBPATTERN and _has_fixed(list(arg[-1])):
            return True
        if op is C.BRANCH and all(_has_fixed(list(b)) for b in arg[1]):
            return True
    return False


def _can_vary(items: list) -> bool:
    """True when the items can match something non-empty (so repeating them can re-split text)."""
    return any(op not in (C.AT,) for op, _ in items)


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


def required_literal_sets(pattern: str) -> list[list[str]]:
    """Every set `required_literals` chooses from: for each, every match of `pattern` contains at
    least one of its strings (lower-cased, no spaces). A text lacking all of one set's strings
    cannot match, so the sets together rule out more than the one chosen. [] when none."""
    try:
        parsed = _parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return []
    return [sorted(c) for c in _candidates(list(parsed)) if c and all(c)]


def _best(candidates: list[set[str]]) -> set[str] | None:
    good = [c for c in candidates if c and all(c)]
    if not good:
        return None
    # Most selective: the longest shortest-member, then the fewest alternatives.
    return max(good, key=lambda c: (min(len(s) for s in c), -len(c)))


def _required(items: list) -> set[str] | None:
    return _best(_candidates(items))


def _candidates(items: list) -> list[set[str]]:
    """Sets of strings one of which every match of the sequence `items` contains (each item that
    must match gives one)."""
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
        elif op in _REPEATS:
            low, _high, sub_items = arg
            if low >= 1:
                sub = _required(list(sub_items))
                if sub:
                    candidates.append(sub)
        elif _ATOMIC is not None and op is _ATOMIC:
            sub = _required(list(arg))
            if sub:
                candidates.append(sub)
    flush()
    return candidates


def core_pattern(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """`pattern` without the optional items it opens with ("(?:lost )?at least 5%" -> "at least
    5%"), compiled with the same flags; None when it opens with none, is nothing else, or refers
    back to a group. Every match of `pattern` holds a match of its core, so a text where the core
    is not found holds no match; the core is cheaper to search for, as the regex engine can skip
    to where its first item may start (an optional opening makes it try every position)."""
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    items = list(parsed)
    k = 0
    while k < len(items) and items[k][0] in _REPEATS and items[k][1][0] == 0:
        k += 1
    if k == 0 or k == len(items) or _refers_back(items):
        return None
    return _compiler.compile(_parser.SubPattern(parsed.state, items[k:]), flags)


def _refers_back(items: list) -> bool:
    """Does the parsed sequence hold a back reference (`\\1`, `(?(1)...)`) anywhere?"""
    for op, arg in items:
        if op is C.GROUPREF or op is C.GROUPREF_EXISTS:
            return True
        for sub in _children(op, arg):
            if _refers_back(sub):
                return True
    return False


def _children(op, arg) -> list[list]:  # type: ignore[no-untyped-def]
    """The item sequences nested in one parsed item."""
    if op is C.SUBPATTERN or op in _REPEATS or (_ATOMIC is not None and op is _ATOMIC):
        return [list(arg[-1])]
    if op is C.BRANCH:
        return [list(b) for b in arg[1]]
    if op in (C.ASSERT, C.ASSERT_NOT):
        return [list(arg[1])]
    return []
