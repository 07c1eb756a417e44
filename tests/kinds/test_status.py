"""Kind `status`: an event held in a stance the rule lists, about the rule's subject."""

from __future__ import annotations

from datetime import date

import kindpack
import pytest

RULE = "test/x-not-approved"


@pytest.mark.parametrize(("text", "span"), [
    ("Drug X is expected to be approved soon.", "is expected to be approved soon"),
    ("Drug X is awaiting approval.", "is awaiting approval"),
    ("Drug X has not yet been approved.", "has not yet been approved"),
    ("Drug X is a capsule. DX-1 could be approved within months.", "could be approved within months"),
])
def test_wrong_stance_is_flagged(hits, text: str, span: str):
    assert hits(text, RULE) == [(RULE, span, "warning")]


@pytest.mark.parametrize("text", [
    "Drug X was approved by the agency in March 2025.",  # done: what the record says
    "The agency declined to approve Drug X.",  # refused is not a listed stance
    "If approved, Drug X would be the first of its kind.",  # hypothetical
    "Will Drug X be approved soon?",  # a question asserts nothing
    "Drug Y is expected to be approved soon.",  # a rival subject
    "Drug X is sold; Drug Y is expected to be approved soon.",  # the rival holds the event's clause
])
def test_other_readings_are_not_flagged(hits, text: str):
    assert hits(text, RULE) == []


def test_subject_named_in_an_earlier_sentence(hits):
    assert hits("Drug X has had a long road. Approval is expected next year.", RULE) == \
        [(RULE, "Approval is expected next year", "warning")]


@pytest.mark.parametrize(("text", "expected"), [
    # A bare "under review" is a regulator's when the sentence before names the regulator.
    ("The agency approved Drug Z on Friday. Drug X is also under review.", [("test/x-under-review", "under review")]),
    ("Researchers published a paper. Drug X is also under review.", []),  # no regulator: not a review to flag
    # ... or when what is weighed is a licence
    ("Researchers published a paper. Drug X is also under review for an indication in burns.",
     [("test/x-under-review", "under review")]),
])
def test_a_review_is_the_regulators_when_the_sentence_before_names_it(hits, text: str, expected: list):
    assert [(r, s) for r, s, _ in hits(text, "test/x-under-review")] == expected


@pytest.mark.parametrize(("text", "flagged"), [
    # a drug studied for a use, in the passive, is research whatever country is named
    ("In the US, MDMA is currently being investigated for medical use.", False),
    ("MDMA is being examined for its potential in the United States.", False),
    # ... unless a regulator is the agent
    ("MDMA is currently being examined by the FDA for medical use.", True),
    ("The FDA is examining MDMA for medical use.", True),
])
def test_a_drug_studied_for_a_use_is_no_review(bundled_linter, text: str, flagged: bool) -> None:
    found = [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.rule == "mdma/fda-decision-pending"]
    assert bool(found) == flagged, found


@pytest.mark.parametrize(("text", "rule", "flagged"), [
    # the advisers' refusal leaves the agency's own decision to come
    ("Advisers to the FDA voted against approval of MDMA, although the agency itself will make the final decision "
     "in August.", "mdma/fda-decision-pending", True),
    # a request answered in its own clause is no longer pending
    ("The FDA has given a negative answer to Lykos' request for a licence for MDMA.", "mdma/approval-imminent", False),
    ("Lykos' request for approval of MDMA is still pending.", "mdma/approval-imminent", True),
])
def test_a_refusal_or_answer_told_first(bundled_linter, text: str, rule: str, flagged: bool) -> None:
    found = [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.rule == rule]
    assert bool(found) == flagged, found


def test_a_term_alone_does_not_bring_a_page_into_the_pack(hits):
    # DX-1 is one of the rule's subject terms, but the pack is about "Drug X": a page that never
    # names it is out of the pack's domain.
    assert hits("DX-1 could be approved within months.", RULE) == []


def test_attributed_forecast_keeps_its_severity_and_names_the_speaker(kind_linter):
    (f,) = kindpack.findings(kind_linter, "Analysts say Drug X is expected to be approved soon.", RULE)
    assert f.severity == "warning" and f.message.startswith("Attributed to Analysts")


def test_quoted_statement_is_marked_attributed(kind_linter):
    (f,) = kindpack.findings(kind_linter, '"Drug X is expected to be approved soon," a fan wrote.', RULE)
    assert f.attributed and f.text == "is expected to be approved soon"


def test_a_myth_the_text_corrects_is_info(hits):
    assert hits("Myth: Drug X is expected to be approved soon.", RULE) == \
        [(RULE, "is expected to be approved soon", "info")]


def test_not_outdated_before_since(tmp_path):
    early = kindpack.linter_for([kindpack.write_pack(tmp_path / "test")], as_of=kindpack.date(2025, 1, 1))
    assert kindpack.findings(early, "Drug X is expected to be approved soon.", RULE) == []


def test_one_finding_per_rule_and_sentence(hits):
    # Two matches of one rule in one sentence are one statement to rewrite: one span covers both.
    assert hits("Drug X is expected to be approved soon and is awaiting approval.", RULE) == \
        [(RULE, "is expected to be approved soon and is awaiting approval", "warning")]


AU_RULE = kindpack.rule("x-au-pending", """\
kind: status
subject: "@drugx"
event: approval
stance: [expected, pending]
jurisdiction: au
""", flagged="Australia is expected to approve Drug X soon.")


@pytest.mark.parametrize(("home", "text", "flagged"), [
    ("us", "Drug X could be approved soon.", False),  # no place named: the pack's home, not Australia
    ("us", "In Australia, Drug X could be approved soon.", True),
    ("us", "Australia\n\nDrug X could be approved soon.", True),  # the page's heading names it
    ("us", "The FDA says Drug X could be approved soon.", False),  # another country's regulator
    (None, "Drug X could be approved soon.", True),  # a pack with no home: any place may be meant
])
def test_a_country_rule_needs_its_country_named_unless_it_is_home(tmp_path, home, text, flagged):
    claims = "claims:\n" + kindpack.claim("x-au", "Drug X was approved in Australia in 2025.", AU_RULE)
    root = kindpack.write_pack(tmp_path / "test", {"claims/pack.yaml": kindpack.manifest(home=home),
                                                   "claims/c.yaml": claims})
    found = kindpack.findings(kindpack.linter_for([root]), text, "test/x-au-pending")
    assert bool(found) == flagged, found


@pytest.mark.parametrize(("text", "span"), [
    ("Drug X awaits approval, which could come within the next 12 months.",
     "awaits approval, which could come within the next 12 months"),
    ("Approval of Drug X draws near, expected by August.", "Approval of Drug X draws near, expected by August"),
    # A relative clause on another noun is not part of it.
    ("The maker of Drug X is seeking approval from the agency, which asks for more data.", "is seeking approval"),
])
def test_a_comment_after_the_event_is_part_of_the_statement(hits, text: str, span: str):
    assert [h[1] for h in hits(text, RULE)] == [span]


def _pack_of_one_rule(tmp_path, rule: str, fact: str):
    """A pack holding one claim with one rule (the every-kind test pack's manifest and sources)."""
    return kindpack.write_pack(tmp_path / "test", {
        "claims/pack.yaml": kindpack.manifest(),
        "claims/c.yaml": "claims:\n" + kindpack.claim("x", fact, rule)})


@pytest.mark.parametrize(("scope", "flagged"), [("clause", True), ("sentence", False)])
def test_unless_scope_sentence_reads_past_a_semicolon(tmp_path, scope: str, flagged: bool):
    # "unless" words after a semicolon make the statement right only when the rule reads the sentence.
    rule = kindpack.rule("x-not-rejected", f"""\
kind: status
subject: "@drugx"
event: [reject]
stance: [negated]
unless: [asked for another trial]
unless_scope: {scope}
""", verdict="contradicted", since="null", flagged="The agency has not rejected Drug X.")
    linter = kindpack.linter_for([_pack_of_one_rule(tmp_path, rule, "The agency turned Drug X down.")])
    text = "The agency has not rejected Drug X; it asked for another trial."
    assert bool(kindpack.findings(linter, text, "test/x-not-rejected")) == flagged


def test_unknown_unless_scope_is_an_error(tmp_path):
    from factcheck.knowledge import check_packs

    rule = kindpack.rule("x-bad", "kind: status\nsubject: \"@drugx\"\nevent: approval\nstance: [pending]\n"
                                  "unless_scope: paragraph\n")
    _, problems = check_packs([_pack_of_one_rule(tmp_path, rule, "Drug X was approved.")])
    assert any("unknown unless_scope 'paragraph'" in str(p) for p in problems if p.level == "error")


def test_an_indefinite_subject_with_a_relative_clause_is_no_claim(hits):
    # any such product, not Drug X's own state
    assert hits("The law covers only a Drug X capsule that is expected to be approved soon.", RULE) == []
    assert hits("Drug X is expected to be approved soon.", RULE)  # the same words about the drug itself


def test_an_indefinite_object_right_after_the_event_is_no_claim(hits):
    # what the agency does for any drug, not what it will do for Drug X
    assert hits("Drug X is in a late trial. Soon the agency may approve a drug for sale.", RULE) == []
    assert hits("Drug X is in a late trial. Soon the agency may approve it for sale.", RULE)


@pytest.mark.parametrize(("text", "flagged"), [
    ("Drug X is still in development for adults.", True),
    ("Drug X is still in development for children.", False),  # the other use alone: the unless holds
    # one conjunct of a pair: the statement is said of the own use too
    ("Drug X is still in development for adults and for children.", True),
    ("Drug X is still in development for children and for adults.", True),
])
def test_unless_phrase_in_a_coordinated_pair_does_not_veto(tmp_path, text: str, flagged: bool):
    rule = kindpack.rule("x-in-development", """\
kind: status
subject: "@drugx"
event: [in development]
stance: [current]
unless: [for children]
""", verdict="outdated", since="2025-01-01", flagged="Drug X is still in development.")
    root = kindpack.write_pack(tmp_path / "test", {
        "claims/pack.yaml": kindpack.manifest(),
        "claims/c.yaml": "claims:\n" + kindpack.claim("x", "Drug X was approved in 2025.", rule)})
    linter = kindpack.linter_for([root])
    assert bool(kindpack.findings(linter, text, "test/x-in-development")) == flagged


def test_a_denial_told_in_the_past_is_history(bundled_linter) -> None:
    rule = "mdma/crls-never-published"
    now = "The FDA does not release complete response letters, so the MDMA letter stays private."
    assert [f for f in bundled_linter.lint_text(now, "a.md", "markdown").findings if f.rule == rule]
    then = "In September 2025 the FDA put out dozens of complete response letters that had never been released."
    assert not [f for f in bundled_linter.lint_text(then, "a.md", "markdown").findings if f.rule == rule]


def test_a_question_headline_names_the_place(bundled_linter) -> None:
    text = ("Did Canada just open the door to MDMA therapy?\n\nHealth Canada changed a programme over the holidays.\n\n"
            "The change takes effect in January. From then on, patients may be prescribed MDMA for PTSD.\n")
    assert not [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.rule == "mdma/fda-approved-mdma"]


def test_a_condition_after_the_clause_limits_it(bundled_linter) -> None:
    rule = "glp1/part-d-no-obesity-drug-coverage"
    limited = "A Part D plan does not cover Zepbound, or any drug like it, when it is used only for weight management."
    assert not [f for f in bundled_linter.lint_text(limited, "a.md", "markdown").findings if f.rule == rule]
    flat = "Medicare Part D does not cover Wegovy, even for patients with heart disease."
    assert [f for f in bundled_linter.lint_text(flat, "a.md", "markdown").findings if f.rule == rule]


def test_an_ethics_committees_approval_is_no_licence(bundled_linter) -> None:
    text = "Last week the hospital's medical ethics committee gave its approval to the MDMA study."
    assert not [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.rule == "mdma/fda-approved-mdma"]


def test_a_past_verb_with_a_date_in_the_window_is_no_forecast(bundled_linter) -> None:
    text = ("In 2017 the FDA granted MDMA therapy Breakthrough Therapy Designation and signed off on the design "
            "of two Phase 3 trials, which began in 2018.")
    assert not [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.rule == "mdma/approval-by-2021"]


@pytest.mark.parametrize(("text", "flagged"), [
    # the event noun is what a past verb acted on: history, not a forecast
    ("---\ndate: 2024-09-01\n---\nThe agency sided with advisers who in June argued against approval of MDMA.", False),
    ("---\ndate: 2024-09-01\n---\nThe agency sided with advisers who in June spoke out against MDMA approval.", False),
    # a bare time still makes the noun a forecast
    ("---\ndate: 2024-03-01\n---\nMDMA approval in August, analysts say.", True),
])
def test_a_timed_event_noun_after_a_past_verb_is_history(bundled_linter, text: str, flagged: bool) -> None:
    found = [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings
             if f.rule == "mdma/approval-expected-2024" and f.severity == "warning"]
    assert bool(found) == flagged, found


@pytest.mark.parametrize(("text", "flagged"), [
    # a forecast passed on in the past tense of someone's words, counted from the page: news to the reader
    ("---\ndate: 2023-09-15\n---\nMAPS, which Doblin set up in 1986, said it hoped the FDA would approve MDMA therapy "
     "next year.", True),
    ("---\ndate: 2023-09-15\n---\nLykos said it expected MDMA to be approved later this year.", True),
    # history: a year frames the report, or the hope is in the past perfect
    ("---\ndate: 2023-09-15\n---\nIn 2019 MAPS said it hoped MDMA would be approved within two years.", False),
    ("---\ndate: 2023-09-15\n---\nMAPS had hoped MDMA would be approved next year.", False),
])
def test_a_reported_forecast_counted_from_the_page(bundled_linter, text: str, flagged: bool) -> None:
    found = [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings
             if f.rule.startswith("mdma/approval-") and f.severity == "warning"]
    assert bool(found) == flagged, found
    # the founding year in the aside dates MAPS, not the forecast: no "approval by 2021" reading
    assert all(f.rule != "mdma/approval-by-2021" for f in found)


def test_answers_kept_per_mention_are_those_read_afresh():
    """The per-mention checks the rules share (lang.layer.per_mention) and the topic memo answer
    as reading each question afresh does, for every mention in the bundled packs' examples (read
    a few at a time, so that mentions meet earlier subjects and places)."""
    from factcheck.kinds import licences, status
    from factcheck.knowledge import load_pack_cached
    from factcheck.lang import topic
    from factcheck.nlp.pipeline import get_pipeline, pipe_texts

    pack = load_pack_cached()
    nlp = get_pipeline(pack)
    components = [nlp.get_pipe(n) for n in nlp.pipe_names if n.startswith("factcheck_claims")]
    examples = [s for p in pack.packs for r in p.rules.values() for s in r.examples_flagged + r.examples_accepted]
    texts = [" ".join(examples[i:i + 4]) for i in range(0, len(examples), 4)]
    assert len(texts) > 20
    checked = 0
    for text in texts:
        next(pipe_texts(nlp, [(text, [], [0])]))
        for kinds in (c.kinds for c in components):
            an = kinds.last_analysis
            for rule in kinds.status:
                for ev in an.events_of(rule.events):
                    assert status._generic(an, ev, rule.own) == status._generic.__wrapped__(an, ev, rule.own)
                    assert licences.regulatory(an, ev) == licences.regulatory.__wrapped__(an, ev)
                    assert licences.by_an_ethics_body(an, ev) == licences.by_an_ethics_body.__wrapped__(an, ev)
                    for code in ("us", "au", "ca"):
                        assert topic.in_jurisdiction(an, ev, code, 0, default=True) == \
                            topic.in_jurisdiction.__wrapped__(an, ev, code, 0, default=True)
                    subjects = topic._Subjects.of(an, rule.own, rule.rivals)
                    if subjects.has_own:
                        args = (ev.clause, ev.sentence, ev.cue.start, rule.own, rule.rivals, 0, True)
                        assert topic.about(an, *args) == topic._about(an, *args, subjects)
                        checked += 1
    assert checked > 200


def _era_linter(tmp_path, era: str = "true"):
    rule = kindpack.rule("x-launch-to-come", f"""\
kind: status
subject: "@drugx"
event: launch
stance: [expected, pending]
forecast: {{after: "2019", before: "2020", era: {era}}}
""", since="2021-01-01", flagged="Drug X will be launched in 2020.")
    return kindpack.linter_for([_pack_of_one_rule(tmp_path, rule, "Drug X was launched in 2021.")])


@pytest.mark.parametrize(("text", "published", "flagged"), [
    # an undated page naming no year after the window: a forecast with no time is of the window's time
    ("Acme began work on Drug X in 2016. Its launch is coming soon.", None, True),
    # an undated page that names a later year is later than the window
    ("Acme began work on Drug X in 2016 and again in 2024. Its launch is coming soon.", None, False),
    # a page with no year at all gives no era
    ("Acme began work on Drug X long ago. Its launch is coming soon.", None, False),
    # a dated page is read by its date
    ("Acme began work on Drug X in 2016. Its launch is coming soon.", date(2019, 5, 1), True),
    ("Acme began work on Drug X in 2016. Its launch is coming soon.", date(2023, 5, 1), False),
])
def test_a_forecast_naming_no_time_is_read_by_the_pages_era(tmp_path, text: str, published, flagged: bool):
    linter = _era_linter(tmp_path)
    assert bool(kindpack.findings(linter, text, "test/x-launch-to-come", published=published)) == flagged


def test_without_era_an_undated_forecast_naming_no_time_is_not_in_the_window(tmp_path):
    linter = _era_linter(tmp_path, era="false")
    assert kindpack.findings(linter, "Acme began work on Drug X in 2016. Its launch is coming soon.",
                             "test/x-launch-to-come") == []


def test_a_forecast_era_that_is_not_true_or_false_is_an_error(tmp_path):
    from factcheck.knowledge import check_packs

    rule = kindpack.rule("x-bad", "kind: status\nsubject: \"@drugx\"\nevent: launch\nstance: [expected]\n"
                                  "forecast: {before: \"2020\", era: sometimes}\n")
    _, problems = check_packs([_pack_of_one_rule(tmp_path, rule, "Drug X was launched in 2021.")])
    assert any("'forecast.era' must be true or false" in str(p) for p in problems if p.level == "error")


@pytest.mark.parametrize(("text", "rules"), [
    # a stage named as the source of results: a forecast read on it is the results' own
    ("Phase III results for MDMA published this week could soon open a new era.", set()),
    ("Late-stage trial data on MDMA will come out next year.", {"mdma/phase3-still-running"}),
    # the stage itself still to come
    ("MDMA will enter Phase 3 trials in 2017.", {"mdma/phase3-yet-to-begin"}),
])
def test_a_stage_named_as_the_source_of_results(bundled_linter, text: str, rules: set) -> None:
    found = {f.rule for f in bundled_linter.lint_text(text, "a.md", "markdown").findings
             if f.rule in ("mdma/phase3-still-running", "mdma/phase3-yet-to-begin")}
    assert found == rules


def test_a_participle_of_completion_opening_an_aside_is_done(bundled_linter) -> None:
    # the hope is for what the study will do; its publication is told as done
    text = "The researchers hope the new MDMA study, published this week in Nature Medicine, will help patients."
    assert not [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings
                if f.rule == "mdma/phase3-paper-still-to-come"]
    text = "The researchers hope the MDMA study will be published in Nature Medicine."
    assert [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings
            if f.rule == "mdma/phase3-paper-still-to-come"]


@pytest.mark.parametrize(("text", "flagged"), [
    # a day of no year on an undated page: in the year its sentence names, a forecast that came true
    ("On 3 February 2023 the TGA announced that from 1 July authorised psychiatrists in Australia will be able to "
     "prescribe MDMA.", False),
    ("The TGA ruled in 2021 that MDMA stays banned. From 1 July psychiatrists in Australia will be able to "
     "prescribe MDMA.", True),
])
def test_a_yearless_day_of_a_fulfilled_forecast_takes_its_year(bundled_linter, text: str, flagged: bool):
    found = [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings
             if f.rule == "mdma/australia-prescribing-upcoming"]
    assert bool(found) is flagged


def test_unless_and_topic_shortcuts_answer_as_the_plain_reading():
    """blocked_here and names_topic answer at once on a page holding none of the rule's `unless`
    or topic phrases; the same answers as reading every span, for every status rule and mention
    in the bundled packs' examples (pages with and without those phrases)."""
    from factcheck.kinds import common
    from factcheck.knowledge import load_pack_cached
    from factcheck.nlp.pipeline import get_pipeline, pipe_texts

    pack = load_pack_cached()
    nlp = get_pipeline(pack)
    components = [nlp.get_pipe(n) for n in nlp.pipe_names if n.startswith("factcheck_claims")]
    examples = [s for p in pack.packs for r in p.rules.values() for s in r.examples_flagged + r.examples_accepted]
    texts = [" ".join(examples[i:i + 4]) for i in range(0, len(examples), 4)]
    seen = {"unless": set(), "topic": set()}
    for text in texts:
        next(pipe_texts(nlp, [(text, [], [0])]))
        for kinds in (c.kinds for c in components):
            an = kinds.last_analysis
            for rule in kinds.status:
                r = rule.rule
                unless = bool(an.cue_index().get(f"UNLESS:{r.id}"))
                topic = bool(an.cue_index().get(f"TOPIC:rule:{r.id}"))
                for ev in an.events_of(rule.events):
                    for para in (None, 0):
                        assert common.blocked_here(an, r, ev, rule.own, para) == \
                            common._blocked_here_read(an, r, ev, rule.own, para)
                    seen["unless"].add(unless)
                    if getattr(r.spec, "topic", None):
                        for whole, back in ((True, True), (False, True), (True, False)):
                            assert common.names_topic(an, r, ev, rule.own, 0, whole, back) == \
                                common._names_topic_read(an, r, ev, rule.own, 0, whole, back)
                        seen["topic"].add(topic)
    assert seen == {"unless": {True, False}, "topic": {True, False}}


@pytest.mark.parametrize(("text", "span"), [
    # The forecast's verb group and its time, after the event noun's own words.
    ("Approval of Drug X for use in adults could be granted in March 2024.",
     "Approval of Drug X for use in adults could be granted in March 2024"),
    # A clause break between them: the time is not the event's.
    ("Drug X awaits approval for adults; in March 2024, a panel met.", "awaits approval"),
    # The time closing the event noun's own group, past its agent ("the Federal Medicines Board").
    ("The maker of Drug X hopes for approval from the Federal Medicines Board for adults by 2024.",
     "hopes for approval from the Federal Medicines Board for adults by 2024"),
])
def test_a_noun_events_forecast_runs_to_its_time(hits, text: str, span: str):
    assert [h[1] for h in hits(text, RULE)] == [span]


@pytest.mark.parametrize("text", [
    "MDMA- and psilocybin-assisted therapies are nearing FDA approval.",
    "With psilocybin- and MDMA-assisted therapy nearing FDA approval, clinics are hiring.",
])
def test_a_suspended_hyphen_lists_the_subject(bundled_linter, text: str) -> None:
    # Said of both items: the other drug named beside MDMA does not take the statement away.
    found = [f for f in bundled_linter.lint_text(text, "a.md", "markdown").findings if f.rule == "mdma/approval-imminent"]
    assert found
