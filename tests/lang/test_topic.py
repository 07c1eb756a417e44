"""What a passage is about: the subject named nearest decides, then the paragraph, title, document."""

from __future__ import annotations

import pytest

from factcheck.lang.cues import CueMatcher, generic_cues
from factcheck.lang.layer import analyse
from factcheck.lang.places import places
from factcheck.lang.topic import about, in_jurisdiction, in_scope, never_about

OWN, RIVAL = {"ABOUT"}, {"RIVAL"}


@pytest.fixture(scope="module")
def read(nlp):
    lists = dict(generic_cues())
    lists["ABOUT"] = ["Drug X"]
    lists["RIVAL"] = ["Drug Y", "magic Drug Y"]  # a name inside a longer one
    for code, names in places().items():
        lists[f"JUR:{code}"] = names
    matcher = CueMatcher(nlp, lists)

    def run(text: str):
        return analyse(nlp(text), matcher, None, syntax=False)

    return run


def paragraph_start(an, text: str, event_index: int) -> int:
    """The first token of the paragraph (blank-line separated) holding the event."""
    ev = an.events[event_index]
    char = an.doc[ev.cue.start].idx
    para_char = max([0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i) and i + 2 <= char])
    return next(t.i for t in an.doc if t.idx >= para_char)


def scope(read, text: str, event_index: int = -1, default: bool = False) -> bool:
    an = read(text)
    ev = an.events[event_index]
    return in_scope(an, ev, OWN, RIVAL, paragraph_start(an, text, event_index), default)


def test_subject_in_the_clause(read):
    assert scope(read, "Drug X is expected to win approval soon.")
    assert not scope(read, "Drug Y is expected to win approval soon.")


def test_subject_in_the_clause_beats_one_elsewhere_in_the_sentence(read):
    text = "Drug X is on sale, but Drug Y is expected to win approval soon."
    assert not scope(read, text)


def test_subject_elsewhere_in_the_sentence(read):
    assert scope(read, "For Drug X, the outlook is good: approval is expected soon.")


def test_subject_earlier_in_the_paragraph(read):
    assert scope(read, "Drug X has had a long road. Approval is expected next year.")
    assert not scope(read, "Drug Y has had a long road. Approval is expected next year.")


def test_a_rival_listed_with_the_subject_does_not_take_it_away(read):
    # said of each item of the list, the subject included
    assert scope(read, "Regulators plan to approve psychedelics like Drug Y and Drug X next year.")
    assert scope(read, "Regulators plan to approve Drug Y as well as Drug X next year.")
    # a bracketed gloss on an item does not part it from the next one
    assert scope(read, "Trials of Drug X (the long chemical name) and Drug Y may lead to approval next year.")
    # a rival first, named by two cues one inside the other
    assert scope(read, "Regulators plan to approve magic Drug Y and Drug X next year.")
    # a rival named apart from the subject still decides
    assert not scope(read, "Drug X is old news; regulators plan to approve Drug Y next year.")


def test_a_subject_word_naming_something_by_likeness_is_not_the_subject(read):
    assert not scope(read, "Drug Y will get a fast review of its Drug X-like compound.")


def test_a_rival_named_more_recently_takes_the_sentence_away(read):
    text = "Drug X has had a long road. Drug Y is a different story. Approval is expected next year."
    assert not scope(read, text)
    text = "Drug Y has had a long road. Drug X is a different story. Approval is expected next year."
    assert scope(read, text)


def test_title_decides_when_the_paragraph_names_nothing(read):
    text = "Drug X explained\n\nThe maker filled many forms.\n\nSome time passed. Nobody hurried. Many waited. " \
           "Approval is expected next year."
    assert scope(read, text)
    assert not scope(read, text.replace("Drug X explained", "Drug Y explained"))


def test_document_majority_when_the_title_names_nothing(read):
    body = "Some news.\n\nA. B. C. D. Approval is expected next year.\n\nA. B. C. D. E. "
    assert scope(read, body + "Drug X sells. Drug X grows. Drug Y waits.")
    assert not scope(read, body + "Drug Y sells. Drug Y grows. Drug X waits.")


def test_default_when_the_document_names_no_subject(read):
    assert scope(read, "Approval is expected next year.", default=True)
    assert not scope(read, "Approval is expected next year.", default=False)


def test_about_reads_any_token(read):
    an = read("Drug X is here. It is expected soon.")
    s = an.sentences[1]
    assert about(an, s, s, s[0], OWN, RIVAL, 0)


def jurisdiction(read, text: str, code: str) -> bool:
    an = read(text)
    return in_jurisdiction(an, an.events[-1], code, paragraph_start(an, text, len(an.events) - 1))


def test_jurisdiction_named_in_the_sentence(read):
    assert jurisdiction(read, "Drug X is approved in Australia.", "au")
    assert not jurisdiction(read, "Drug X is approved in Australia.", "us")
    assert jurisdiction(read, "The U.S. regulator approved Drug X.", "us")


def test_a_place_named_by_its_adjective(read):
    text = "Drug X has been sold on prescription at French chemists since 2024."
    assert jurisdiction(read, text, "fr") and not jurisdiction(read, text, "us")


def test_places_listed_together_each_hold_the_statement(read):
    text = "Regulators in the U.S. and Canada are weighing applications for Drug X."
    assert jurisdiction(read, text, "us") and jurisdiction(read, text, "ca")
    assert not jurisdiction(read, "Regulators in Canada are weighing applications for Drug X.", "us")


def test_federal_level_treats_a_named_state_as_another_jurisdiction(read):
    text = "Colorado legalized Drug X last year."
    assert jurisdiction(read, text, "us")  # a state leaves a federal fact (an FDA approval) in force
    assert not jurisdiction(read, text, "us-federal")  # but a state law is not federal law
    assert jurisdiction(read, "Congress legalized Drug X last year.", "us-federal")


def test_no_place_named_means_any_jurisdiction(read):
    assert jurisdiction(read, "Drug X is approved.", "us")


def test_jurisdiction_read_back_through_the_paragraph(read):
    text = "Drug X is sold in Canada. The drug was approved there last year."
    assert jurisdiction(read, text, "ca") and not jurisdiction(read, text, "us")


def test_jurisdiction_does_not_cross_into_another_paragraph(read):
    text = "Drug X is sold in Canada.\n\nThe drug was approved last year."
    an = read(text)
    ev = an.events[-1]
    para = next(t.i for t in an.doc if t.text == "The")
    assert in_jurisdiction(an, ev, "us", para)


def test_a_us_state_is_still_the_us(read):
    assert jurisdiction(read, "Drug X was approved in Oregon.", "us")


def test_reading_only_the_subject_cues_decides_as_reading_every_cue(read, monkeypatch):
    """`about` and `in_jurisdiction` read a span's cues naming own or rival subjects (places) from
    a list kept per Analysis; reading every cue of the span (as before) gives the same answer
    everywhere."""
    import random

    from factcheck.lang import topic

    rng = random.Random(4)
    words = ["Drug X", "Drug Y", "it", "was", "approved", "in", "Australia", ",", "and", "like", "LSD", "-", "like",
             "psilocybin", "or", "expected", "soon", ".", "The", "FDA", "decision", "\n\n", "Drug", "X", "Y"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 40))) for _ in range(120)]

    def answers() -> list[bool]:
        out = []
        for text in texts:
            an = read(text)
            for s in an.sentences:
                for at in range(s[0], s[1]):
                    for default in (False, True):
                        out.append(about(an, (s[0], min(s[1], at + 3)), s, at, OWN, RIVAL, 0, default))
                        out.append(about(an, s, s, at, {"ABOUT", "JUR:au"}, RIVAL | {"JUR:us"}, s[0], default))
            for ev in an.events:
                for code in ("au", "us", "us-federal", "ca"):
                    for default in (False, True):
                        out.append(in_jurisdiction(an, ev, code, ev.sentence[0], default))
        return out

    kept = answers()

    class Every:
        def __init__(self, an):
            self.cues_in = an.cues_in
            self.cues = an.cues
            self.has_own = True  # no shortcut: every step read

    monkeypatch.setattr(topic._Subjects, "of", staticmethod(lambda an, own, rival: Every(an)))
    assert answers() == kept
    assert len(kept) > 2000 and any(kept) and not all(kept)


def test_a_rival_in_brackets_glossing_the_subject_is_the_subject(read):
    # "Drug X (Drug Y)": the same medicine named again, not another one nearer the event
    assert scope(read, "Regulators accepted the filing for Drug X (Drug Y), which is awaiting approval.")
    # a gloss of another noun ("the older drug (Drug Y)") is still the rival
    assert not scope(read, "Drug X works faster than the older drug (Drug Y), which is awaiting approval.")


def test_a_name_in_an_aside_is_not_what_the_sentence_is_about(read):
    # "Drug Y" sits in a relative clause that does not hold the event
    assert scope(read, "Drug X, which competes with Drug Y, is awaiting approval.")
    assert scope(read, "Drug X (a rival of Drug Y) is awaiting approval.")
    # a name outside any aside still decides
    assert not scope(read, "Drug X is old; Drug Y is awaiting approval.")


def test_an_appositive_glossing_a_rival_is_the_rival(read):
    # "Drug Y, the cousin of Drug X, ...": the own name inside the appositive is Drug Y's gloss
    assert not scope(read, "Drug Y, the cousin of Drug X, is awaiting approval.")
    assert scope(read, "Drug X, the cousin of Drug Y, is awaiting approval.")


def test_the_title_is_read_once_per_analysis(read):
    from factcheck.lang.topic import title_sentence

    an = read("\n\nDrug X news. The FDA approved it. Drug Y waits.")
    first = title_sentence(an)
    assert first is not None and an.doc[first[0]:first[1]].text.strip().startswith("Drug X news")
    an.sentences[:] = []  # a second reading would find none
    assert title_sentence(an) == first
    blank = read("\n\n  \n")
    assert title_sentence(blank) is None and title_sentence(blank) is None


def test_about_without_an_own_subject_in_the_page_is_the_step_by_step_answer(read):
    from factcheck.lang.topic import _about, _Subjects, about

    text = ("Drug Y news\n\nThe FDA approved Drug Y in 2024. Drug Y and Drug X may follow; approval is near. "
            "A decision is expected. Regulators in Australia approved it in 2023.")
    an = read(text)
    assert an.events
    label_sets = [{"ABOUT"}, {"RIVAL"}, {"NOPE"}, {"JUR:au"}, {"ABOUT", "RIVAL"}, set()]
    shortcut = 0
    for own in label_sets:
        for rival in label_sets:
            for default in (False, True):
                for ev in an.events:
                    subjects = _Subjects.of(an, own, rival)
                    shortcut += not subjects.has_own
                    for para in (0, ev.sentence[0]):
                        expected = _about(an, ev.clause, ev.sentence, ev.cue.start, own, rival, para, default, subjects)
                        assert about(an, ev.clause, ev.sentence, ev.cue.start, own, rival, para, default) == expected
    assert shortcut


def test_never_about_means_no_passage_is_about_own(read):
    from factcheck.lang.topic import about, never_about

    an = read("Drug Y news\n\nThe FDA approved Drug Y in 2024. Drug X may follow. A decision is expected.")
    label_sets = [{"ABOUT"}, {"RIVAL"}, {"NOPE"}, {"ABOUT", "RIVAL"}, set()]
    seen = set()
    for own in label_sets:
        for rival in label_sets:
            for default in (False, True):
                never = never_about(an, own, rival, default)
                seen.add(never)
                answers = {about(an, s, s, at, own, rival, s[0], default)
                           for s in an.sentences for at in range(s[0], s[1])}
                if never:
                    assert answers == {False}
    assert seen == {True, False}


def test_never_about_read_from_the_index_is_about_false_everywhere(read):
    """`never_about` answers from the index by label; where it says True, `about` is False at
    every token of the page (whatever the paragraph start), and it agrees with the reading it
    replaced (no own subject named; a rival, or no default)."""
    import random

    from factcheck.lang.topic import _Subjects

    rng = random.Random(11)
    words = ["Drug X", "Drug Y", "magic Drug Y", "it", "was", "approved", "in", "Australia", ".", "The", "FDA", "\n\n"]
    pairs = [(OWN, RIVAL), ({"ABOUT", "JUR:au"}, RIVAL), (OWN, set()), (set(), RIVAL), ({"NONE"}, {"JUR:us"})]
    seen = set()
    for _ in range(150):
        an = read(" ".join(rng.choice(words) for _ in range(rng.randint(1, 25))))
        for own, rival in pairs:
            for default in (False, True):
                never = never_about(an, own, rival, default)
                subjects = _Subjects(an, own, rival)
                assert never == (not subjects.has_own and (bool(subjects.cues) or not default))
                if never:
                    assert not any(about(an, s, s, at, own, rival, s[0], default)
                                   for s in an.sentences for at in range(s[0], s[1]))
                seen.add(never)
    assert seen == {False, True}
