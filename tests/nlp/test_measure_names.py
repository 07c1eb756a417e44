"""Measure names searched only with the cues whose literals a text holds (docs/performance.md,
sixth round) are those of every cue."""

from factcheck.nlp.figures import _measure_names, numbered_cues

TEXTS = ["47% lost at least 5% of their weight and 30% shed more than five percent",
         "over 5% or more; caps5 and caps-5", "no measure is named: 12% and 5 percent", ""]


def test_measure_names_of_the_live_cues_are_those_of_every_cue(bundled_pack):
    """Cues none of whose literals a text holds are skipped (Context.live_cues): same stretches."""
    from factcheck.nlp.context import Context
    from factcheck.nlp.normalize import fold

    checked = 0
    for sub in bundled_pack.packs:
        cues = numbered_cues(sub)
        texts = [s for r in sub.rules.values() for s in r.examples_flagged + r.examples_accepted] + TEXTS
        texts.append("ſtill 47% lost at least 5% of their body weight")  # a case trap: every cue is searched
        for text in texts:
            ctx = Context(text=text, folded=fold(text), sent_starts=[0], paragraphs=[0])
            live = {id(c) for q in sub.quantities.values() for c, _lits in ctx.live_cues(q)}
            named = _measure_names(ctx.folded, cues, live)
            assert named == _measure_names(ctx.folded, cues)
            checked += bool(named)
    assert checked > 0
