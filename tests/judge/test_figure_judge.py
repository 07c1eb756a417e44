"""The figure judge (judge/figures.py) on whole sentences, with the bundled pack."""

from __future__ import annotations


def test_a_loose_timeline_is_a_pointer_not_a_flag(bundled_linter) -> None:
    # 18 weeks is when MAPP1's primary endpoint fell (after baseline); its treatment period was 12
    text = "After 18 weeks of treatment, the Phase 3 MDMA study found that 67% no longer had PTSD."
    found = [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.rule == "figure-wrong-measure"]
    assert [(f.text, f.severity) for f in found] == [("18 weeks", "info")]
