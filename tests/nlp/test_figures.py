import re

from factcheck.nlp.figures import _measure_names
from factcheck.regex_tools import core_pattern

CUES = [r"(?:(?:lost|lose|shed) )?(?:at least|more than|over) (?:5|five) ?(?:%|percent)",
        r"(?:5|five) ?(?:%|percent) or more", r"caps-?5"]
TEXTS = ["47% lost at least 5% of their weight and 30% shed more than five percent",
         "over 5% or more; caps5 and caps-5", "no measure is named: 12% and 5 percent", ""]


def test_measure_names_with_cores_are_those_of_the_plain_scan():
    compiled = [re.compile(c, re.IGNORECASE) for c in CUES]
    with_cores = [(c, core_pattern(c.pattern, c.flags)) for c in compiled]
    assert with_cores[0][1] is not None and with_cores[2][1] is None
    without = [(c, None) for c in compiled]
    found_any = False
    for text in TEXTS:
        assert _measure_names(text, with_cores) == _measure_names(text, without)
        found_any = found_any or bool(_measure_names(text, without))
    assert found_any
