"""The language layer: generic English features every pack uses, written once.

Lemmas and cue lists (`lemmas`, `cues`), clauses (`clauses`), stance and tense of an event
(`stance`), attribution, questions and hedges (`speech`), explicit and relative time (`timex`), and
what a passage is about (`topic`). Nothing here knows a domain: packs bring their own terms.
"""
