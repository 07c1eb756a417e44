"""Kind `ingredient`: a product tied to another product's active substance."""

from __future__ import annotations

import kindpack
import pytest

SUBSTANCES = """\
kind: ingredient
substances:
  - {name: [zetamab], products: [Zorvia, Zentra]}
  - {name: [kappavir], products: [Kolvex]}
"""


@pytest.fixture(scope="module")
def linter(tmp_path_factory):
    rule = kindpack.rule("brand-substance", SUBSTANCES, verdict="contradicted", since="null",
                         flagged="Kolvex (zetamab) is taken daily.")
    root = kindpack.write_pack(tmp_path_factory.mktemp("ingredient") / "test", {
        "claims/pack.yaml": kindpack.manifest(about=("Zorvia", "Kolvex", "zetamab", "kappavir")),
        "claims/c.yaml": "claims:\n" + kindpack.claim("x", "Zorvia and Zentra contain zetamab; Kolvex contains kappavir.",
                                                      rule)})
    return kindpack.linter_for([root])


def hits(linter, text: str) -> list[str]:
    return [f.text for f in kindpack.findings(linter, text, "test/brand-substance")]


@pytest.mark.parametrize("text", [
    "Kolvex (zetamab) is taken daily.",                              # a parenthesis after the product
    "Zetamab (Zorvia, Kolvex) is taken daily.",                      # ... or after the substance
    "Patients on zetamab drugs such as Zorvia and Kolvex gain weight.",  # a list after the substance
    "Zetamab, sold as Kolvex, is taken daily.",
    "Kolvex, a once-weekly zetamab injection, is taken daily.",      # an apposition before a head noun
    "Kolvex is a zetamab drug.",                                     # a copula
    "Zorvia and Kolvex contain zetamab.",                            # a verb of containing
    "The active ingredient in Kolvex is zetamab.",
    "Kolvex's active ingredient is zetamab.",
    "Zetamab, the active ingredient in Kolvex, is taken daily.",
])
def test_a_product_tied_to_another_substance_is_flagged(linter, text: str) -> None:
    found = hits(linter, text)
    assert len(found) == 1 and "Kolvex" in found[0], found


@pytest.mark.parametrize("text", [
    "Kolvex (kappavir) is taken daily.",
    "Zorvia and Kolvex (zetamab and kappavir) are taken daily.",     # a group with each one's substance
    "Zetamab, sold as Zorvia and Zentra, is taken daily.",
    "Kolvex works differently from zetamab.",                        # a comparison binds nothing
    "Patients switched from Zorvia to kappavir.",
    "Kolvex is not a zetamab drug.",                                 # a denial
    "Unlike zetamab, Kolvex is taken daily.",
    "Zetamab drugs such as Zorvia are weekly; kappavir, sold as Kolvex, is daily.",
])
def test_right_or_unbound_pairs_are_left_alone(linter, text: str) -> None:
    assert hits(linter, text) == []
