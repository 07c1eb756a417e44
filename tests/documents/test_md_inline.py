"""The plain-text shortcut of markdown-it's inline step gives the tokens the full parse gives."""

from __future__ import annotations

import random
import string

import pytest
from markdown_it import MarkdownIt, rules_core

from factcheck.documents.markdown import _parser
from factcheck.documents.md_inline import RULE_STARTS, plain_inline


def _full_parser() -> MarkdownIt:
    """The same parser with markdown-it's own inline step."""
    md = _parser.__wrapped__()
    md.core.ruler.at("inline", rules_core.inline)
    return md


FULL = _full_parser()


def _tokens(md: MarkdownIt, text: str) -> list:
    env: dict = {}
    out = [t.as_dict() for t in md.parse(text, env)]
    # The footnote plugin's reference rule, tried at stop characters, leaves an empty record of
    # footnotes in env; the shortcut tries no rule. Nothing reads an empty one (the plugin's
    # tail step then moves no token either).
    if env.get("footnotes") == {"refs": {}, "list": {}}:
        del env["footnotes"]
    return [out, repr(env)]


def test_the_shortcut_is_in_use() -> None:
    assert any(r.fn is plain_inline for r in _parser().core.ruler.__rules__)


@pytest.mark.parametrize("seed", range(4))
def test_runs_give_the_tokens_of_the_full_inline_parse(seed: int) -> None:
    rng = random.Random(seed)
    # Every ASCII punctuation character (markdown-it's stop characters among them), words,
    # spaces and a few non-ASCII letters and spaces.
    alphabet = [*string.punctuation, "word", "MDMA", "12", " ", "  ", "é", "\u00a0", "—", "“"]
    for _ in range(400):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 25)))
        for text in (line, "Para: " + line, "# " + line, "| a | " + line + " |\n|---|---|\n| x | y |",
                     "- " + line + "\n\n> " + line + "\n\n[^1]: " + line):
            assert _tokens(_parser(), text) == _tokens(FULL, text), text


def test_plain_runs_take_the_shortcut() -> None:
    assert RULE_STARTS.search("A plain sentence: 45% of 90 people (n = 90), 3-4 mg; #1 {ok} $5 @x + y = z.") is None
    for ch in "\n\\`~*_[]!^<&":
        assert RULE_STARTS.search(f"a {ch} b") is not None
