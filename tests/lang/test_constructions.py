"""Cues read from constructions, gathered in one call (lang/constructions.py)."""

from __future__ import annotations

from factcheck.lang.constructions import construction_cues


def test_each_reader_adds_its_cues(nlp, generic_matcher) -> None:
    text = ("Drug X could become a recognised medicine. The maker will present the results to the FDA. "
            "The agency will reach a different conclusion. The regulator put Drug X on its list of approved medicines. "
            "Drug X was classed as a medicine.")
    doc = nlp(text)
    found = {(doc[c.start:c.end].text, c.label) for c in construction_cues(doc, list(generic_matcher(doc)))}
    assert ("become a recognised medicine", "EV:approval") in found
    assert ("present", "EV:submission") in found
    assert ("reach a different conclusion", "EV:decision") in found
    assert ("put", "EV:approval") in found
    assert ("classed as a medicine", "EV:approval") in found


def _plain(doc, cues):
    """The readers in order, each handed every cue (as before the readers' cues were filtered)."""
    from factcheck.lang import constructions as k

    return (k.becoming_cues(doc, cues) + k.standing_modifier_cues(doc, cues) + k.standing_now_cues(doc, cues)
            + k.final_stage_cues(doc, cues) + k.handing_over_cues(doc, cues) + k.verdict_cues(doc, cues)
            + k.listing_cues(doc, cues) + k.classing_cues(doc, cues) + k.clearing_cues(doc, cues)
            + k.access_cues(doc, cues) + k.applying_cues(doc, cues) + k.demand_over_supply_cues(doc, cues))


def test_filtered_and_kept_per_doc_the_same_as_every_reader_on_every_cue(nlp, generic_matcher) -> None:
    """Each reader reads only its labels' cues; two packs' cue lists of one Doc (the generic cues
    the same, the terms and some other cues not) get what the readers give them one by one."""
    import random
    from pathlib import Path

    import yaml

    from factcheck.lang.cues import Cue

    rng = random.Random(11)
    texts = []
    for folder in ("corpus_dev", "corpus_glp1_dev", "corpus_real/dev"):  # development corpora only
        for path in sorted((Path(__file__).resolve().parents[1] / folder).glob("*.yaml"))[:60]:
            case = yaml.safe_load(path.read_text(encoding="utf-8"))
            if isinstance(case, dict) and isinstance(case.get("text"), str):
                texts.append(case["text"])
    assert len(texts) > 60
    found = 0
    for text in texts:
        doc = nlp(text)
        cues = list(generic_matcher(doc))
        for _pack in range(3):
            # A pack's own terms on random words, and some of its cues missing.
            mine = [c for c in cues if rng.random() > 0.1] + [
                Cue(f"TERM:{rng.choice('ab')}", i, i + 1) for i in rng.sample(range(len(doc)), min(len(doc), 5))]
            mine.sort(key=lambda c: (c.start, c.end))
            got = construction_cues(doc, mine)
            assert got == _plain(doc, mine)
            found += len(got)
    assert found > 50
