"""Rule kinds: each finds the claims of its kind through the language layer and the pack's terms.

`KindMatchers(nlp, pack)` compiles every typed rule of a pack once; called on a Doc it returns
Claims for the judge, exactly like the pattern rules do.
"""

from factcheck.kinds.runner import KindMatchers

__all__ = ["KindMatchers"]
