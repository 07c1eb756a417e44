"""Kind `name`: the Federal Medicines Board (FMB), its wrong forms and wrong expansions.

Every sentence names Drug X, what the test pack is about: name rules read only such documents.
"""

from __future__ import annotations

import kindpack
import pytest

RULE = "test/board-name"


@pytest.mark.parametrize(("text", "span"), [
    ("The Federal Medicine Board met about Drug X.", "Federal Medicine Board"),
    ("The federal drugs board met about Drug X.", "federal drugs board"),  # matched whatever its case
    ("The FMB (Federal Medical Bureau) met about Drug X.", "Federal Medical Bureau"),  # acronym spelled out wrongly
    ("The Federal Medical Bureau (FMB) met about Drug X.", "Federal Medical Bureau"),
])
def test_wrong_name_is_flagged(hits, text: str, span: str):
    assert hits(text, RULE) == [(RULE, span, "warning")]


@pytest.mark.parametrize("text", [
    "The Federal Medicines Board met about Drug X.",
    "The FMB (Federal Medicines Board) met about Drug X.",
    "The Federal Medicines Board (FMB) met about Drug X.",
    "The FMB (the Federal Medicines Board) met about Drug X.",  # an alias
    "The FMB (see below) met about Drug X.",  # brackets that are no expansion of the acronym
    "The FMB met in Ottawa about Drug X.",
])
def test_right_names_are_not_flagged(hits, text: str):
    assert hits(text, RULE) == []


def test_the_name_followed_by_another_acronym_is_flagged(hits):
    assert hits("The Federal Medicines Board (FMA) met about Drug X.", RULE) == \
        [(RULE, "The Federal Medicines Board (FMA)", "warning")]  # the alias "the ..." is the longest match


MAKER = kindpack.rule("maker-name", """\
kind: name
canonical: Zykora Pharma
aliases: [Zykora]
wrong: [Zykora Pharmaceuticals]
""", verdict="contradicted", since="null", flagged="Zykora Pharmaceuticals makes Drug X.")


@pytest.mark.parametrize(("text", "flagged"), [
    ("Zykorra makes Drug X.", "Zykorra"),  # one letter added
    ("Drug X comes from Zykra.", "Zykra"),  # one letter dropped
    ("Drug X comes from Zyokra.", "Zyokra"),  # two letters swapped
    ("Zykora makes Drug X.", None),
    ("Drug X is made by Zykora Pharma.", None),
    ("Drug X is from Zagora.", None),  # two letters apart: another name
    ("Zykorra makes widgets.", None),  # a page that is not about Drug X is not read
    ("Zykora Pharmma makes Drug X.", "Zykora Pharmma"),  # the name's second word misspelt
    ("Zykora Pharmacy sells Drug X.", None),  # an English word: another business
])
def test_a_coined_name_misspelt_by_one_letter_is_flagged(tmp_path, text: str, flagged: str | None):
    claims = "claims:\n" + kindpack.claim("maker", "Drug X is made by Zykora Pharma.", MAKER, kind="organization")
    root = kindpack.write_pack(tmp_path / "test", {"claims/c.yaml": claims})
    found = [f.text for f in kindpack.findings(kindpack.linter_for([root]), text, "test/maker-name")]
    assert found == ([flagged] if flagged else []), found


RENAMED = kindpack.rule("maker-old-name", """\
kind: name
canonical: Quorvane Labs
former:
  - {names: [Zykora Pharma, Zykora], until: 2025-03-10}
  - {names: [Old Works Corp], until: 2020-01-01}
""", since="2025-03-10", flagged="Zykora Pharma (formerly Old Works Corp) makes Drug X.")


@pytest.mark.parametrize(("text", "flagged"), [
    ("Drug X comes from Old Works Corp, now called Zykora.", "Zykora"),  # "now called OLD"
    ("Drug X comes from Old Works Corp (now Zykora Pharma).", "Zykora Pharma"),
    ("Zykora Pharma, formerly Old Works Corp, makes Drug X.", "Zykora Pharma"),  # OLD (formerly OLDER)
    ("Today Zykora makes Drug X.", "Zykora"),  # a present-day clause with OLD as subject
    ("Now, Old Works Corp owns Drug X.", "Old Works Corp"),
    ("We at Zykora believe in Drug X.", "Zykora"),  # the bearer speaking of itself under OLD
    ("Quorvane Labs, formerly Zykora, makes Drug X.", None),  # the current name given beside it
    ("Old Works Corp, later Zykora and now Quorvane Labs, makes Drug X.", None),
    ("Old Works Corp renamed itself Zykora in 2020 and kept Drug X.", None),  # the rename as history
    ("Drug X was then sold by Zykora.", None),
    ("Today Zykora was mentioned beside Drug X.", None),  # no present-tense verb after the name
    ("\"We at Zykora are proud of Drug X,\" she said.", None),  # a quoted remark
    # a relative clause saying what the bearer is now, under the old name
    ("Zykora Pharma (ZP), which describes itself as a clinical-stage company, makes Drug X.", "Zykora Pharma"),
    ("Zykora Pharma, which is a small company, makes Drug X.", "Zykora Pharma"),
    ("Zykora Pharma, which is asking for approval, makes Drug X.", None),  # an auxiliary, not a copula
    ("Zykora Pharma, which uses Drug X, raised money.", None),  # any present verb is not enough
    # the bearer described, or acting, in the present tense under the old name
    ("Zykora is a spin-off of a research charity that tests Drug X.", "Zykora"),
    ("Zykora Pharma remains the sponsor of Drug X.", "Zykora Pharma"),
    ("Drug X is being developed by Zykora Pharma.", "Zykora Pharma"),
    ("Drug X is made by the small company Zykora.", "Zykora"),
    ("Drug X, capsules made by the company Zykora Pharma, is given in three sessions.", "Zykora Pharma"),
    ("The treatment is a capsule form of Drug X made by the company Zykora Pharma.", "Zykora Pharma"),
    ("The treatment was a capsule form of Drug X made by the company Zykora Pharma.", None),
    ("The sponsor of Drug X, Zykora Pharma, a company that develops psychedelics, says it will appeal.", "Zykora Pharma"),
    ("The sponsor of Drug X, Zykora Pharma, a company that develops psychedelics, said it would appeal.", None),  # past
    ("The paper calls the sponsor, Zykora Pharma, a firm developing Drug X.", "Zykora Pharma"),
    ("Zykora is asking for approval of Drug X.", None),  # news told in the present progressive
    ("Zykora is expected to file for approval of Drug X.", None),  # a passive: what others expect
    ("Drug X was developed by Zykora Pharma.", None),  # a past passive
    ("Drug X, made by Zykora, was given in three sessions.", None),  # a past sentence
    ("Zykora Pharma, the company behind Drug X, said it would appeal.", None),  # no tense in the apposition
    ("Drug X was then made by Zykora.", None),
    ("The trial of Drug X was run by Zykora Pharma, a company developing psychedelics.", None),  # told in the past
    ("An investor has turned to a disputed takeover of Zykora, a biotech developing Drug X.", "Zykora"),
    ("Regulators asked Zykora Pharma, the company seeking approval of Drug X, for a new trial.", None),
    ("Drug X came from Old Works Corp, as its own lab that Zykora owned.", None),  # a name after "that"
    # found in review: the old name's own past acts, a name inside a phrase, a rename, a past verb after
    ("The evidence for Drug X is two trials sponsored by Zykora Pharma.", None),
    ("A study sponsored by Zykora Pharma is the largest trial of Drug X so far.", None),
    ("The company formerly known as Zykora Pharma is a spin-off of a charity that tests Drug X.", None),
    ("Zykora Pharma, a company developing Drug X, was renamed in 2025.", None),
    ("Zykora Pharma, a company developing Drug X, filed its application in 2023.", None),
    # a participle of purpose in the apposition; a present act marked "now" by the subject
    ("An investor leads the restructuring of Zykora Pharma, a company devoted to research into Drug X.",
     "Zykora Pharma"),
    ("Zykora Pharma grew out of a charity and now leads the work on Drug X.", "Zykora Pharma"),
    ("Zykora Pharma grew out of a charity and then led the work on Drug X.", None),
])
def test_a_former_name_given_as_the_current_one_is_flagged(tmp_path, text: str, flagged: str | None):
    claims = "claims:\n" + kindpack.claim("maker", "Zykora Pharma is now Quorvane Labs.", RENAMED, kind="organization")
    root = kindpack.write_pack(tmp_path / "test", {"claims/c.yaml": claims})
    found = [f.text for f in kindpack.findings(kindpack.linter_for([root]), text, "test/maker-old-name")]
    assert found == ([flagged] if flagged else []), found


def test_a_former_name_is_outdated_from_its_own_until(tmp_path):
    """The older name's claim carries its own end, not the rule's: before the later rename it is
    already outdated, after the earlier one."""
    from datetime import date

    claims = "claims:\n" + kindpack.claim("maker", "Zykora Pharma is now Quorvane Labs.", RENAMED, valid_from="null",
                                          kind="organization")
    root = kindpack.write_pack(tmp_path / "test", {"claims/c.yaml": claims})
    linter = kindpack.linter_for([root], as_of=date(2023, 6, 1))
    assert [f.text for f in kindpack.findings(linter, "Now, Old Works Corp owns Drug X.", "test/maker-old-name")] \
        == ["Old Works Corp"]
    assert kindpack.findings(linter, "Today Zykora makes Drug X.", "test/maker-old-name") == []


NOT_FORMER = kindpack.rule("maker-not-formerly-foundation", """\
kind: name
canonical: Zykora Pharma
aliases: [Zykora, Zykora Trust Labs]
not_former: [Zykora Trust, Society for Drug X Research]
""", verdict="contradicted", since="null", flagged="Zykora Pharma (formerly Zykora Trust) makes Drug X.")


@pytest.mark.parametrize(("text", "flagged"), [
    ("Zykora Pharma, formerly known as the Society for Drug X Research, makes Drug X.",
     "formerly known as the Society for Drug X Research"),
    ("Zykora (previously Zykora Trust) makes Drug X.", "previously Zykora Trust"),
    ("The Society for Drug X Research, now Zykora Pharma, makes Drug X.", "Society for Drug X Research, now Zykora Pharma"),
    ("In 2020 Zykora Trust renamed itself Zykora Pharma and kept Drug X.", "Zykora Trust renamed itself Zykora Pharma"),
    ("Zykora Pharma, formerly Zykora Trust Labs, makes Drug X.", None),  # the bearer's own earlier name
    ("Zykora Trust Labs, now Zykora Pharma, makes Drug X.", None),  # "Zykora Trust" inside a longer name
    ("Zykora Trust, the charity, set up Zykora Pharma to make Drug X.", None),  # two bodies, no rename
    ("Zykora Trust still funds research on Drug X.", None),
])
def test_another_bodys_name_given_as_the_former_name_is_flagged(tmp_path, text: str, flagged: str | None):
    claims = "claims:\n" + kindpack.claim("maker", "Zykora Pharma was Zykora Trust Labs.", NOT_FORMER, kind="organization")
    root = kindpack.write_pack(tmp_path / "test", {"claims/c.yaml": claims})
    found = [f.text for f in kindpack.findings(kindpack.linter_for([root]), text, "test/maker-not-formerly-foundation")]
    assert found == ([flagged] if flagged else []), found


def test_name_shaped_tokens_read_by_spelling_as_token_by_token():
    """`_title_words` (a test kept per spelling across documents) against the per-token reading."""
    import random

    import spacy

    from factcheck.kinds.names import _title_words

    nlp = spacy.blank("en")
    pieces = ["Lycos", "Lykos", "MDMA", "Xa12", "X-Ray", "Éclair", "ÉCLAIR", "Ab", "Abc", "Abcd", "ǅungla", "Σίγμα",
              "Ⅻabc", "lycos", "Mc'Donald", "O'Neil", "Zoë", "İstanbul", "Foo—bar", "Ab1-2", "the", "\n", ",", "It's"]
    rng = random.Random(3)
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        doc = nlp(text)
        plain = [(t.i, t.text) for t in doc if len(t.text) >= 4 and t.text[0].isupper() and t.text[1:].islower()]
        assert _title_words(doc) == plain, text
