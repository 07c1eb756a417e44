import re

from factcheck.knowledge import load_pack_cached
from factcheck.nlp.literals import CASE_TRAPS, live_patterns, may_match
from factcheck.nlp.normalize import fold


def test_a_pattern_may_match_when_one_of_its_literals_is_there():
    assert may_match(["approv", "legal"], "it was approved")
    assert not may_match(["approv", "legal"], "nothing here")
    assert may_match(None, "anything")
    assert may_match(["caf\u00e9"], "plain text")  # a non-ASCII literal is never ruled out


def test_the_case_traps_are_the_only_lower_case_letters_that_match_other_ascii_letters():
    # Every character that a case-insensitive ASCII letter matches, other than the letter itself,
    # is either upper case (gone from folded text) or one of the traps.
    traps = set()
    for cp in [*range(0x80, 0x2000), 0x212A]:
        c = chr(cp)
        for a in "abcdefghijklmnopqrstuvwxyz":
            if c.lower() == c and re.fullmatch(a, c, re.IGNORECASE):
                traps.add(c)
    assert traps == set(CASE_TRAPS)


def test_live_patterns_keep_order_and_give_up_on_traps():
    a, b, c = re.compile("x"), re.compile("y"), re.compile("z")
    assert live_patterns([a, b, c], [["lost"], ["weight"], None], "weight loss") == [b, c]
    assert live_patterns([a, b, c], [["lost"], ["weight"], None], "weight lo\u017ft") == [a, b, c]
    assert live_patterns([a, b], [], "anything") == [a, b]  # not computed: every pattern


def test_every_quantity_cue_that_matches_a_pack_example_holds_one_of_its_literals():
    checked = 0
    for sub in load_pack_cached().packs:
        texts = [fold(s) for r in sub.rules.values() for s in r.examples_flagged + r.examples_accepted]
        for q in sub.quantities.values():
            assert len(q.cue_triggers) == len(q.cues)
            for cue, lits in zip(q.cues, q.cue_triggers):
                for text in texts:
                    if cue.search(text):
                        assert may_match(lits, text), (q.id, cue.pattern)
                        checked += 1
    assert checked > 20


def test_text_literals_answer_as_a_substring_search_does():
    """Whole words, parts of words, literals across a space or with punctuation, absent ones."""
    from factcheck.nlp.literals import TextLiterals

    text = "the fda approved mdma-assisted therapy in 2024; n = 90 (phase 3), 67% no longer met criteria."
    index = TextLiterals(text)
    for lit in ["approv", "approved", "fda approved", "mdma-assisted", "assist", "2024", "024", "n = 90", "67%",
                "phase 3", "criteria.", "legal", "approval", "x", "", "therapyin", "ed mdma"]:
        assert index.has(lit) is (lit in text), lit
        assert index.has(lit) is (lit in text), lit  # the kept answer too


def test_pattern_literals_of_a_compiled_pattern():
    import re

    from factcheck.nlp.literals import pattern_literals

    assert pattern_literals(re.compile(r"(?<![\w-])wegovy(?![\w-])")) == ("wegovy",)
    assert pattern_literals(re.compile(r"\b(?:mdma|ecstasy)\b", re.I)) == ("ecstasy", "mdma")
    assert pattern_literals(re.compile(r"\d+")) is None


def test_text_literals_kept_across_documents_answer_for_each_document():
    """The word entries kept across documents answer as a substring search of each document,
    for literals learnt before, during and after a document is read, and in very long words."""
    from factcheck.nlp.literals import TextLiterals

    texts = ["semaglutide was approved in 2021; the trial enrolled 90 adults",
             "no approval yet: tirzepatide trials continue in 2024",
             "x" * 70 + "approvedzz and a word with 2021 in it: ab2021cd",
             ""]
    asked = ["approv", "approved", "2021", "021", "trial", "trials", "tirzepatide", "semaglutide",
             "adult", "continue", "zz", "xxxx", "ab2021cd", "b2021c", "missing", "9"]
    for _ in range(2):  # the second pass answers from the kept entries
        for text in texts:
            index = TextLiterals(text)
            for i, lit in enumerate(asked):
                assert index.has(lit) is (lit in text), (lit, text[:20])
                if i == 3:  # a literal first asked in the middle of a document
                    assert index.has("trialsz") is ("trialsz" in text)


def test_run_words_are_the_runs_the_regex_finds():
    """The words of the literal index, read through bytes: the same set as `[a-z0-9]+` finds,
    on texts with capitals, accents, other scripts, symbols and a lone surrogate."""
    import random

    from factcheck.nlp.literals import _RUN, run_words

    rng = random.Random(5)
    alphabet = "abcxyz0189 ABZ\t\n-.,'’éüßİıſK中文\U0001f600\ud800_%"
    texts = ["", " ", "abc", "ABC", "a-b c_d", "naïve café 2024", "x\ud800y"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(60))) for _ in range(2000)]
    for text in texts:
        assert run_words(text) == set(_RUN.findall(text)), repr(text)
