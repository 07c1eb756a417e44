"""Kind `indication`: a licence said to cover a condition it does not cover (made-up products)."""

from __future__ import annotations

import kindpack
import pytest

INDICATION = """\
kind: indication
subject: ["@drugx"]
indications: [wilting syndrome]
conditions: [dry cough, night fever, grey rash]
event: [approval, prescribe, allow]
companions:
  - {subject: [Drug Z], indications: [dry cough]}
"""


@pytest.fixture(scope="module")
def linter(tmp_path_factory):
    rule = kindpack.rule("x-indication", INDICATION, verdict="contradicted", since="null",
                         flagged="Drug X was approved for dry cough.")
    root = kindpack.write_pack(tmp_path_factory.mktemp("indication") / "test", {
        "claims/c.yaml": "claims:\n" + kindpack.claim(
            "x-for", "Drug X is approved for wilting syndrome; Drug Z for dry cough.", rule)})
    return kindpack.linter_for([root])


def hits(linter, text: str) -> list[str]:
    return [f.text for f in kindpack.findings(linter, text, "test/x-indication")]


@pytest.mark.parametrize(("text", "span"), [
    ("Drug X was approved for dry cough.", "Drug X was approved for dry cough"),
    ("Doctors may now prescribe Drug X to treat wilting syndrome and night fever.",
     "Drug X to treat wilting syndrome and night fever"),
    # Each product covered for none of the listed conditions it is bound to.
    ("The board approved Drug Z and Drug X for dry cough.", "Drug Z and Drug X for dry cough"),
    # A list opened by "such as", several words after the purpose word.
    ("The board allows Drug X for conditions such as grey rash.", "Drug X for conditions such as grey rash"),
])
def test_a_condition_the_licence_does_not_cover(linter, text: str, span: str):
    assert hits(linter, text) == [span]


@pytest.mark.parametrize("text", [
    "Drug X was approved for wilting syndrome.",
    # Each product for its own condition, told one by one or together.
    "Doctors may prescribe Drug X for wilting syndrome and Drug Z for dry cough.",
    "The board approved Drug X and Drug Z for wilting syndrome and dry cough.",
    # Denied, asked, or a list with no product before it in its clause.
    "Drug X was not approved for dry cough.",
    "Was Drug X approved for dry cough?",
    "Drug X was approved for wilting syndrome, and researchers are testing it for dry cough.",
    "The board reclassified Drug X and Drug Z so that doctors may prescribe Drug Z for dry cough.",
    # No licence or permission in the sentence: research, not a claim about the licence.
    "Drug X is being studied for dry cough.",
])
def test_right_or_unrelated_statements_are_left_alone(linter, text: str):
    assert hits(linter, text) == []
