import re

import pytest

from factcheck.regex_tools import core_pattern

# Measure names that open with optional words, and texts that hold them or only parts of them.
OPENING_OPTIONAL = [
    r"(?:(?:lost|lose|shed) )?(?:at least|more than|over) (?:5|five) ?(?:%|percent)",
    r"(?:about )?(?:the )?(\d+) (?:weeks?|months?)",
    r"(?:very\s+)*(?<!\w)large\b",
    r"(?:a|an)?\s*(?=trial)trial(?:s)?",
]
TEXTS = [
    "They lost at least 5% of their weight; others shed more than five percent.",
    "over 5 % and OVER FIVE% and over 50%", "about the 12 weeks, 3 months", "very very large, enlarged",
    "a trial, trials, an trial", "nothing here", "", "ſhed at leaſt 5%",
]


@pytest.mark.parametrize("pattern", OPENING_OPTIONAL)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_where_the_core_is_not_found_the_pattern_does_not_match(pattern, flags):
    full = re.compile(pattern, flags)
    core = core_pattern(pattern, flags)
    assert core is not None and core.flags == full.flags
    for text in TEXTS:
        for start in range(len(text) + 1):
            piece = text[start:]
            if core.search(piece) is None:
                assert full.search(piece) is None
            m = full.search(piece)
            if m is not None:
                assert core.search(piece, m.start()) is not None  # the core lies inside the match


def test_the_core_is_the_pattern_after_its_optional_opening():
    core = core_pattern(r"(?:(?:lost|shed) )?(?:at least|over) (?:5|five) ?%", re.IGNORECASE)
    assert core is not None
    assert core.search("they LOST at least 5%").group() == "at least 5%"
    assert core.search("lost 5%") is None


@pytest.mark.parametrize("pattern", ["at least 5%", r"(?:lost )?", r"(a)?b\1", r"(x)?(?(1)a|b)c", "(?:x)*", "[("])
def test_no_core_without_an_optional_opening_or_with_a_back_reference(pattern):
    assert core_pattern(pattern) is None
