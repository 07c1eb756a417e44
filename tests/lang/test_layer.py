from factcheck.lang.layer import analyse, sentences_of

TEXT = "Drug X is not yet approved. Approval is expected next year, analysts say."


def test_without_stances_the_cues_and_sentences_are_the_same(nlp, generic_matcher):
    full = analyse(nlp(TEXT), generic_matcher, None, syntax=False)
    bare = analyse(nlp(TEXT), generic_matcher, None, syntax=False, stances=False)
    assert full.events and not bare.events
    assert bare.cues == full.cues
    assert bare.sentences == full.sentences


def test_sentences_follow_the_sentence_starts(nlp):
    doc = nlp(TEXT)
    assert sentences_of(doc) == [(s.start, s.end) for s in doc.sents]
    assert sentences_of(nlp.make_doc(TEXT)) == [(0, len(nlp.make_doc(TEXT)))]


def test_two_packs_read_each_events_stance_once_and_alike(nlp):
    from factcheck.lang.cues import CueMatcher, generic_cues

    one = CueMatcher(nlp, {**generic_cues(), "ABOUT": ["Drug X"]})
    two = CueMatcher(nlp, {**generic_cues(), "ABOUT": ["Drug Y"], "TERM:brand": ["Brandix"]})
    doc = nlp("Drug X is not yet approved. Brandix approval is expected next year, analysts say. "
              "Drug Y was approved in 2024.")
    first = analyse(doc, one, None, syntax=False)
    read = len(doc.user_data["factcheck_stances"])
    second = analyse(doc, two, None, syntax=False)
    assert len(doc.user_data["factcheck_stances"]) == read  # nothing read again
    assert [(e.event, e.clause, e.stance) for e in first.events] == [(e.event, e.clause, e.stance) for e in second.events]
    assert all(a.stance is not b.stance for a, b in zip(first.events, second.events))  # each pack its own copy
    alone = analyse(nlp(doc.text), two, None, syntax=False)
    assert [e.stance for e in alone.events] == [e.stance for e in second.events]


def test_event_classes_kept_per_doc_are_those_read_alone(nlp):
    """A pack's event classes read through the Doc's memo (another pack read first, with other
    research, practitioner and lawmaker cues) are those of the pack's analysis of a fresh Doc."""
    from factcheck.lang.cues import CueMatcher, generic_cues

    text = ("The FDA approved a Phase 3 trial of Drug X. Licensed therapists may give Drug X. "
            "A House committee is set to vote on Drug X. Drug X requests could be met. "
            "The agency approved Drug X for PTSD in 2024, and the panel will meet in May.")
    one = CueMatcher(nlp, {**generic_cues(), "ABOUT": ["Drug X"]})
    two = CueMatcher(nlp, {**generic_cues(), "ABOUT": ["Drug X"], "RESEARCH": ["panel", "trial"],
                           "PRACT": ["requests"], "LEGIS": ["agency", "committee"]})
    read = []
    for first, then in ((one, two), (two, one)):
        doc = nlp(text)
        analyse(doc, first, None, syntax=False)
        shared = analyse(doc, then, None, syntax=False)
        alone = analyse(nlp(text), then, None, syntax=False)
        read.append([(e.event, e.cue, e.clause) for e in alone.events])
        assert [(e.event, e.cue, e.clause) for e in shared.events] == read[-1]
    assert read[0] != read[1] and {"research-approval", "legislative-vote"} <= {e for e, _c, _k in read[0]}


def test_the_events_of_some_classes_are_those_events_in_text_order(analyse_text):
    an = analyse_text("The FDA approved Drug X in 2024. A review is under way, and a decision is expected soon. "
                      "Regulators may approve it; the agency will decide and review the filing next year.")
    classes = {f"EV:{ev.event}" for ev in an.events}
    assert len(classes) >= 3
    for labels in [*({c} for c in classes), classes, {"EV:approval", "EV:decision"}, {"EV:none"}, set()]:
        assert an.events_of(labels) == [ev for ev in an.events if f"EV:{ev.event}" in labels]


def test_a_stance_shared_between_packs_is_a_copy_equal_to_the_original():
    from dataclasses import replace

    from factcheck.lang.layer import _copy
    from factcheck.lang.stance import Stance
    from factcheck.lang.timex import TimeExpr

    stance = Stance("expected", negated=True, attribution="analysts", times=[TimeExpr(1, 5, "2025", False, None, None)])
    copy = _copy(stance)
    assert copy == replace(stance, times=list(stance.times)) and copy is not stance
    assert copy.times == stance.times and copy.times is not stance.times


def test_a_label_named_in_a_span_as_the_spans_cues_say(analyse_text):
    an = analyse_text("Drug X was not approved; Drug Y is expected to be approved by the FDA soon, analysts say. "
                      "No decision on Drug X has been made, and it may never be approved in Australia.")
    labels = sorted({c.label for c in an.cues})
    assert len(labels) > 5
    n = len(an.doc)
    for start in range(n + 1):
        for end in range(start, n + 2):
            for chosen in ([], labels[:1], labels[2:5], labels, ["NONE"]):
                assert an.names_in(chosen, start, end) == any(c.label in chosen for c in an.cues_in(start, end))


LAZY_TEXT = ("Drug X is not yet approved, but approval is expected next year, analysts say. "
             "The FDA rejected Drug Y in 2024. Is a decision on Drug X close? A review began in March 2025.")


def test_a_stance_is_read_only_when_asked_and_as_it_would_be_at_once(nlp, generic_matcher):
    from factcheck.lang.layer import LazyEventMention, _sentence_times
    from factcheck.lang.stance import read_stance

    doc = nlp(LAZY_TEXT)
    an = analyse(doc, generic_matcher, None, syntax=False)
    assert len(an.events) >= 4 and all(isinstance(e, LazyEventMention) for e in an.events)
    slots = [slot for _clause, slot in doc.user_data["factcheck_stances"].values()]
    assert not any(s.done for s in slots)  # nothing read before a rule asks
    first = an.events[0]
    assert first.stance is first.stance  # read once, then kept
    assert sum(s.done for s in slots) == 1
    for ev in an.events:
        in_sent = [c for c in an.cues if ev.sentence[0] <= c.start < ev.sentence[1]]
        at_once = read_stance(doc, ev.sentence, ev.clause, ev.cue, in_sent,
                              _sentence_times(doc, doc.text, ev.sentence, None), None)
        assert ev.stance == at_once


def test_lazy_mentions_of_one_reading_get_copies_of_their_own(nlp, generic_matcher):
    doc = nlp(LAZY_TEXT)
    first = analyse(doc, generic_matcher, None, syntax=False)
    second = analyse(doc, generic_matcher, None, syntax=False)
    for a, b in zip(first.events, second.events):
        assert a.stance == b.stance and a.stance is not b.stance
        assert a.stance.times == b.stance.times and a.stance.times is not b.stance.times
    first.events[0].stance = replaced = first.events[1].stance
    assert first.events[0].stance is replaced


def test_with_the_parser_on_stances_are_read_at_once(nlp, generic_matcher, monkeypatch):
    from factcheck.lang import layer

    monkeypatch.setattr(layer, "_parse_candidates", lambda doc, sentences, ev_cues: None)
    an = analyse(nlp(LAZY_TEXT), generic_matcher, None, syntax=True)
    assert an.events and not any(isinstance(e, layer.LazyEventMention) for e in an.events)


def test_longest_keeps_what_the_pairwise_test_keeps():
    import random

    from factcheck.lang.cues import Cue
    from factcheck.lang.layer import _longest

    def pairwise(cues):
        out = []
        for c in sorted(cues, key=lambda c: (c.start, -(c.end - c.start))):
            if any(o.label == c.label and o.start <= c.start and c.end <= o.end for o in out):
                continue
            out.append(c)
        return sorted(out, key=lambda c: c.start)

    rng = random.Random(7)
    for _ in range(400):
        cues = []
        for _ in range(rng.randint(0, 14)):
            start = rng.randint(0, 12)
            cues.append(Cue(rng.choice(["EV:approval", "EV:review", "EV:rule:x"]), start, start + rng.randint(1, 4)))
        assert _longest(cues) == pairwise(cues)


def test_cues_by_label_or_prefix_are_those_a_pass_over_every_cue_finds(analyse_text):
    an = analyse_text("Drug X was not approved; Drug Y is expected to be approved by the FDA soon, analysts say. "
                      "No decision on Drug X has been made, and it may never be approved in Australia.")
    labels = sorted({c.label for c in an.cues})
    assert len(labels) > 5
    for chosen in ([], labels[:1], labels[2:5], labels, ["NONE"], {labels[0], labels[-1]}):
        assert an.cues_labelled(chosen) == [c for c in an.cues if c.label in chosen]
    for prefix in ("", "EV:", "ST:", "NEG", "JUR:", "NONE:"):
        assert an.cues_prefixed(prefix) == [c for c in an.cues if c.label.startswith(prefix)]


def test_the_stance_memo_in_a_docs_user_data_holds_no_reference_back_to_the_doc(nlp, generic_matcher):
    """A Doc whose user_data refers to the Doc again is freed only by the garbage collector: a
    long run would hold many Docs at once."""
    import gc

    doc = nlp(LAZY_TEXT)
    an = analyse(doc, generic_matcher, None, syntax=False)
    assert an.events and doc.user_data["factcheck_stances"]

    def refers_to_doc(obj, depth=0) -> bool:
        if obj is doc:
            return True
        if depth > 4:
            return False
        return any(refers_to_doc(r, depth + 1) for r in gc.get_referents(obj) if not isinstance(r, (str, int, type)))

    assert not refers_to_doc(doc.user_data["factcheck_stances"])
    assert an.events[0].stance is not None  # reading one later still works


def test_sort_by_span_orders_as_the_start_and_longest_first_key_did():
    """Two sorts keyed in C: the same order as one keyed (start, -end), cues on one span included."""
    import random

    from factcheck.lang.cues import Cue
    from factcheck.lang.layer import sort_by_span

    rng = random.Random(3)
    for _ in range(200):
        cues = []
        for _ in range(rng.randrange(0, 40)):
            s = rng.randrange(0, 12)
            cues.append(Cue(rng.choice(["A", "B", "C"]), s, s + rng.randrange(1, 4)))
        want = sorted(cues, key=lambda c: (c.start, -c.end))
        got = sort_by_span(list(cues))
        assert got == want and all(a is b for a, b in zip(got, want))


def test_per_mention_answers_once_per_mention_and_arguments():
    from factcheck.lang.cues import Cue
    from factcheck.lang.layer import Analysis, EventMention, per_mention
    from factcheck.lang.stance import Stance

    calls = []

    @per_mention
    def ask(an, ev, labels, code, default=True):
        calls.append((ev.cue.start, frozenset(labels), code, default))
        return len(calls)

    an = Analysis(doc=None, cues=[], events=[], sentences=[])
    one, two = (EventMention("approval", Cue("EV:approval", i, i + 1), (0, 5), (0, 5), Stance("done")) for i in (1, 3))
    assert ask(an, one, {"A", "B"}, "us") == ask(an, one, {"B", "A"}, "us") == 1  # an equal set: the same question
    assert ask(an, two, {"A", "B"}, "us") == 2
    assert ask(an, one, {"A"}, "us") == 3
    assert ask(an, one, {"A"}, "us", default=False) == 4
    assert ask(an, one, {"A"}, "us", default=False) == 4
    other = Analysis(doc=None, cues=[], events=[], sentences=[])
    assert ask(other, one, {"A", "B"}, "us") == 5  # each Analysis its own memo
    assert ask.__wrapped__(an, one, {"A"}, "au") == 6


def test_packs_analysing_one_doc_read_its_sentences_once(nlp, generic_matcher):
    """The second analysis of a Doc takes the sentence spans the first read (a list of its own)."""
    from factcheck.lang.layer import analyse, sentences_of

    doc = nlp("Drug X was approved in 2024. Drug Y is expected to follow. It is not yet filed.")
    one = analyse(doc, generic_matcher, None, syntax=False)
    two = analyse(doc, generic_matcher, None, syntax=False)
    assert one.sentences == two.sentences == sentences_of(doc) and len(one.sentences) == 3
    assert one.sentences is not two.sentences


def test_analyse_hands_its_analysis_cues_sorted_as_the_analysis_would_sort_them(nlp, generic_matcher):
    """`analyse` sorts the cues before reading events and builds its Analysis with presorted=True:
    they are already in the order the Analysis's own sort would give (it is not repeated)."""
    from factcheck.lang.layer import Analysis

    texts = [TEXT, "Drug X could become a treatment. The FDA is waiting on Drug Y, which it expects to approve.",
             "It is the last stage of clinical testing; approval of Drug X is not expected, and Drug Y was approved."]
    for text in texts:
        for stances in (True, False):
            an = analyse(nlp(text), generic_matcher, None, syntax=False, stances=stances)
            again = Analysis(an.doc, list(an.cues), an.events, an.sentences)
            assert again.cues == an.cues and all(a is b for a, b in zip(again.cues, an.cues))


def test_words_that_name_no_event_leave_no_event_cue(analyse_text) -> None:
    # "is considered likely" is thought so, not weighed by a regulator: no review, and the
    # forecast word is the meeting's
    an = analyse_text("An advisory committee meeting on Drug X is considered likely.")
    assert not [c for c in an.cues if c.label == "EV:review"]
    assert {e.event: e.stance.stance for e in an.events}.get("advisory-vote") == "expected"


def test_meeting_criteria_is_no_committee_meeting(analyse_text) -> None:
    an = analyse_text("Within 18 weeks most patients on Drug X had stopped meeting the diagnostic criteria.")
    assert [e.event for e in an.events if e.event == "advisory-vote"] == []
