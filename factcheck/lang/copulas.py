"""Copulas and verbs of state by tense, read by the stance and attribution readers alike."""

from __future__ import annotations

PRESENT_BE = {"is", "are", "am", "'s", "remains", "remain", "stays", "stay", "seems", "seem", "looks", "look",
              "appears", "appear", "sits", "sit", "becomes", "become", "now", "feels", "sounds"}
PAST_BE = {"was", "were", "seemed", "looked", "appeared", "remained", "stayed", "became", "sat", "felt", "sounded"}
