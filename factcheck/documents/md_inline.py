"""markdown-it's core `inline` step with a shortcut for runs of plain text.

Most inline runs of an article (a paragraph, a heading, a table cell) hold no character any
inline rule of the parser starts on: markdown-it then walks them through every rule at each
stop character (":", "-", "%"...) only to leave them as one text token, and runs its pairing
passes over nothing. Such a run is given that one token directly; any other run is parsed as
before. The set below is the first characters of every inline rule `_parser` enables
(newline, escape, backticks, strikethrough, emphasis, link, image, footnote_inline,
footnote_ref, autolink, html_inline, entity); tests/documents/test_md_inline.py compares the two
on every character markdown-it treats specially.
"""

from __future__ import annotations

import re

from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token

# What one of the enabled inline rules can start on; without any, every rule but `text` fails
# at every place and the run parses to a single text token (empty: none).
RULE_STARTS = re.compile(r"[\n\\`~*_\[\]!^<&]")
# The rules the set above was written for: `plain_inline` is used only when these are exactly
# the enabled ones.
RULES = ("text", "newline", "escape", "backticks", "strikethrough", "emphasis", "link", "image",
         "footnote_inline", "footnote_ref", "autolink", "html_inline", "entity")


def plain_inline(state: StateCore) -> None:
    """markdown-it's `inline` core rule: each inline token's children, a run without markup
    characters as one text token."""
    md, env = state.md, state.env
    for token in state.tokens:
        if token.type == "inline":
            if token.children is None:
                token.children = []
            content = token.content
            if RULE_STARTS.search(content) is None:
                if content:
                    text = Token("text", "", 0)
                    text.content = content
                    token.children.append(text)
            else:
                md.inline.parse(content, md, env, token.children)
