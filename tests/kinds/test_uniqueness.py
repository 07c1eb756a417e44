"""Kind `uniqueness`: the first or the only one of a category, held against the order its members
joined it."""

from __future__ import annotations

import kindpack
import pytest

TERMS = {"drugx": ["Drug X"], "drugz": ["Drug Z"]}
MEMBERS = """\
members:
  - {subject: ["@drugx"], since: 2020-01-10}
  - {subject: ["@drugz"], since: 2025-03-10}
"""


@pytest.fixture(scope="module")
def linter(tmp_path_factory):
    only = kindpack.rule("x-only-pill", "kind: uniqueness\nsays: only\ncategory: [oral blocker, blocker pill]\n" + MEMBERS,
                         since="2025-03-10", flagged="Drug X is the only oral blocker.")
    first = kindpack.rule("z-first-pill", "kind: uniqueness\nsays: first\ncategory: [oral blocker, blocker pill]\n" + MEMBERS,
                          verdict="contradicted", since="null", flagged="Drug Z is the first blocker pill.")
    root = kindpack.write_pack(tmp_path_factory.mktemp("uniq") / "test", {
        "claims/pack.yaml": kindpack.manifest(about=("Drug X", "Drug Z"), terms=TERMS),
        "claims/c.yaml": "claims:\n" + kindpack.claim("x", "Drug X came first; Drug Z followed in 2025.", only + first)})
    return kindpack.linter_for([root])


def hits(linter, text: str) -> list[str]:
    return sorted({f.rule for f in kindpack.findings(linter, text)})


@pytest.mark.parametrize(("text", "rules"), [
    ("Drug X is the only oral blocker.", ["test/x-only-pill"]),
    ("Drug X, the first and only blocker pill, is taken daily.", ["test/x-only-pill"]),
    ("The only blocker pill is Drug X, taken daily.", ["test/x-only-pill"]),
    ("Drug Z is the first oral blocker.", ["test/z-first-pill"]),
    # "it" names the member of the sentence before
    ("The agency cleared Drug Z on Monday. That makes it the first blocker pill.", ["test/z-first-pill"]),
    # "the pill" named in the title only
    ("Drug Z is here\n\nIt costs little. Most such drugs are injected. Now the pill is the first oral blocker.",
     ["test/z-first-pill"]),
])
def test_a_wrong_first_or_only_is_flagged(linter, text: str, rules: list[str]) -> None:
    assert hits(linter, text) == rules


@pytest.mark.parametrize("text", [
    "Drug X was the first oral blocker.",                           # the first one called the first
    "Until 2025, Drug X was the only oral blocker.",                # a state that held then
    "Drug Z is the first oral blocker for children.",               # a narrower category
    "Drug Z is the first oral blocker made for children.",
    "Drug Z is the first oral blocker both for adults and for children.",  # narrowed past a linking word
    "If it is cleared, Drug Z will be the first blocker pill.",     # a condition asserts nothing
    "Drug X is an oral blocker.",                                   # no first or only
    "Drug Z is one of the first oral blockers.",                    # one of several
    "Drug Z is one of the very first oral blockers.",
])
def test_other_statements_are_left_alone(linter, text: str) -> None:
    assert hits(linter, text) == []


@pytest.mark.parametrize(("slots", "problem"), [
    ("says: most\ncategory: [oral blocker]\n", "'says' must be 'only' or 'first'"),
    ("says: only\ncategory: [oral blocker]\nfacets:\n  - [oral]\n", "'facets' needs two or more features"),
])
def test_the_kind_reads_its_slots(tmp_path, slots: str, problem: str) -> None:
    from factcheck.knowledge import check_packs

    bad = kindpack.rule("x-bad", "kind: uniqueness\n" + slots + MEMBERS)
    root = kindpack.write_pack(tmp_path / "test", {
        "claims/pack.yaml": kindpack.manifest(about=("Drug X", "Drug Z"), terms=TERMS),
        "claims/c.yaml": "claims:\n" + kindpack.claim("x", "Drug X came first.", bad)})
    _, problems = check_packs([root])
    assert any(problem in str(p) for p in problems if p.level == "error")


def test_a_first_told_with_the_perfect_infinitive(bundled_linter) -> None:
    text = "Australia became the first nation anywhere to have legalised MDMA for therapy."
    assert [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.rule == "mdma/australia-first-country"]


@pytest.mark.parametrize(("text", "flagged"), [
    # a pro-form stands for the act told before it: only one of the category's acts counts
    ("Australia has legalised MDMA for therapy. It is the first country in the world to do so.", True),
    ("Australia has recognised MDMA as a medicine, the first country in the world to have taken such a step.", True),
    ("Australia now lets psychiatrists prescribe MDMA. It is the first country in the world to do so.", False),
])
def test_a_first_told_with_a_pro_form_of_the_act(bundled_linter, text: str, flagged: bool) -> None:
    found = [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings
             if f.rule == "mdma/australia-first-country"]
    assert bool(found) is flagged


@pytest.fixture(scope="module")
def facet_linter(tmp_path_factory):
    facets = "facets:\n  - [oral, pill, tablet, by mouth, swallow]\n  - [sleep, insomnia]\n"
    only = kindpack.rule("x-only-sleep-pill", "kind: uniqueness\nsays: only\ncategory: [sleep pill]\n" + facets + MEMBERS,
                         since="2025-03-10", flagged="Drug X is the only sleep pill.")
    root = kindpack.write_pack(tmp_path_factory.mktemp("facets") / "test", {
        "claims/pack.yaml": kindpack.manifest(about=("Drug X", "Drug Z"), terms=TERMS),
        "claims/c.yaml": "claims:\n" + kindpack.claim("x", "Drug X came first; Drug Z followed in 2025.", only)})
    return kindpack.linter_for([root])


@pytest.mark.parametrize(("text", "flagged"), [
    # the category told by its features, in any order and with any words between
    ("Drug X is the only drug for insomnia that is swallowed as a pill.", True),
    ("Drug X is the first and only blocker tablet approved specifically to treat insomnia.", True),
    ("Drug X went on sale today. No other drug taken by mouth is approved for sleep.", True),
    # an adverb "only", a feature past the end of the phrase, a feature missing, a state of then
    ("Only 5% of people on Drug X pills lost sleep.", False),
    ("Drug X is the only pill its maker sells, and it helps sleep.", False),
    ("Drug X is the only oral blocker its maker sells.", False),
    ("Until 2025 Drug X was the only drug for insomnia swallowed as a pill.", False),
])
def test_a_category_told_by_its_facets(facet_linter, text: str, flagged: bool) -> None:
    assert bool(hits(facet_linter, text)) is flagged
