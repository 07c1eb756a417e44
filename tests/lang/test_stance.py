"""The stance of an event mention, read by the language layer alone (no pack, no judge).

Every sentence here is written for this test about made-up products ("Drug X", "Drug Y"); none
is taken from a corpus or a pack's rule examples.
"""

from __future__ import annotations

from datetime import date

import pytest

# (sentence, event class, expected stance)
TABLE = [
    # done: finite past, perfect, passive with agent, obtained, presupposed, attributive
    ("The regulator approved Drug X last spring.", "approval", "done"),
    ("Drug X has been approved for adults.", "approval", "done"),
    ("Drug X was approved by the agency in 2025.", "approval", "done"),
    ("Drug X received approval in March 2025.", "approval", "done"),
    ("Drug X won approval in 2024.", "approval", "done"),
    ("The maker secured one of the agency's rare approvals for Drug X.", "approval", "done"),  # "one of" between
    # a state reached by a verb done to something
    ("The agency has moved Drug X to the shortage list.", "shortage", "done"),
    ("The regulator put Drug X onto the shortage list last week.", "shortage", "done"),
    ("Since its approval, Drug X has sold well.", "approval", "done"),
    ("The agency approved the capsule for sale.", "approval", "done"),
    ("Drug X is an approved treatment.", "approval", "done"),
    ("Drug X became an FDA-approved medicine in 2025.", "approval", "done"),  # after a copula: what it is
    ("Ruritania has become the first nation in the whole world to approve Drug X.", "approval", "done"),  # a first
    ("Drug X is only weeks from approval, its maker says.", "approval", "expected"),  # nearness told in time
    ("A last safety study is the final obstacle before approval of Drug X.", "approval", "expected"),
    # an event placed before now by its adjective: neither under way nor to come
    ("The plan includes a second look at the earlier approval of Drug X.", "approval", "none"),
    # an indefinite approved product a verb acts on, or approved products as a class: no event of the subject's
    ("Pharmacies may copy an FDA-approved drug while Drug X is scarce.", "approval", "none"),
    # "can no longer": a permission or a capacity lost, not a condition
    ("Doctors can no longer prescribe Drug X.", "approval", "negated"),
    # an inverted condition ends at its comma: the main clause still forecasts
    ("The panel meets soon, and should it vote yes, Drug X could be approved within months.", "approval", "expected"),
    ("The maker can no longer keep up with the demand for Drug X.", "shortage", "current"),
    # a state held up to now, through a name with "and" in it
    ("Drug X has sat on the Food and Drug Administration's shortage list for two years.", "shortage", "current"),
    ("Drug X has remained in short supply.", "shortage", "current"),
    # "no longer" with a state: it has ended, told now or as the moment it was said to end
    ("Drug X is no longer in short supply.", "shortage", "ended"),
    ("Drug X sat on the shortage list from 2022 until mid-2023.", "shortage", "ended"),  # over at the second time
    ("During 2022–2024, Drug X sat on the shortage list.", "shortage", "ended"),  # a range of years
    # a permission held now, like "can"
    ("Doctors are allowed to prescribe Drug X.", "approval", "current"),
    ("Doctors are not allowed to prescribe Drug X.", "approval", "negated"),
    # "under" a rule or a programme is its means, not a process under way
    ("Drug X is sold under the approval pathway for rare diseases.", "approval", "current"),  # not "pending"
    ("For children, Drug X still lacks the Food and Drug Administration's approval.", "approval", "negated"),
    ("Now Drug X is nearly impossible to find.", "shortage", "current"),
    # a commitment to act is a plan to come; told in the simple past it is history
    ("The agency has agreed to approve Drug X.", "approval", "expected"),
    # a modal after the event noun and its "of" phrase
    ("Approval of the new treatment could come as early as twenty twenty seven.", "approval", "expected"),
    # an evaluative adjective on the event noun asks for nothing (not hypothetical); what its
    # subject faces is still to come
    ("Drug X faces a crucial advisory committee meeting.", "advisory-vote", "expected"),
    ("Drug X had a crucial advisory committee meeting.", "advisory-vote", "none"),
    ("It is crucial that the agency approves Drug X.", "approval", "hypothetical"),
    ("In 2024 the agency agreed to approve Drug X.", "approval", "past-forecast"),
    ("The agency declared in 2025 that Drug X was no longer in short supply.", "shortage", "ended"),
    # an end word used as an adjective is no end
    ("Drug X could be approved once the complete findings are out.", "approval", "expected"),
    ("Talk therapy helps many, and approved PTSD medicines help fewer.", "approval", "none"),
    ("After the agency approved Drug X, sales rose.", "approval", "done"),
    # pending
    ("Drug X is awaiting approval.", "approval", "pending"),
    ("The maker is seeking approval for Drug X.", "approval", "pending"),
    ("The application is under review at the agency.", "review", "pending"),
    ("The agency is reviewing the application for Drug X.", "review", "pending"),
    ("Drug X has yet to win approval.", "approval", "pending"),
    ("The agency's decision on Drug X is pending.", "decision", "pending"),
    # expected
    ("Approval of Drug X is expected next year.", "approval", "expected"),
    ("Analysts expect approval of Drug X by the end of the year.", "approval", "expected"),
    ("If all goes well, Drug X could be legally available by the end of this year.", "approval", "expected"),
    # the bare condition names the forecast's own approval, after the time it is given
    ("The filing is in, so Drug X could be available by 2029 if approved.", "approval", "expected"),
    # nearness as the predicate of the event noun, past a long "of" phrase
    ("Approval of a new therapy method built around Drug X is now very near.", "approval", "expected"),
    # a deadline for a forecast, not a frame of past time
    ("The founder predicts the agency will approve Drug X before 2023 is out.", "approval", "expected"),
    # a participle joined to a modal passive shares its modal: a sale to come, not a past one
    ("Drug X could be used in clinics and sold as a prescription drug.", "approval", "expected"),
    ("Drug X was used in clinics and sold as a prescription drug.", "approval", "done"),
    # the last requirement, named with the agency between it and the approval
    ("The grant pays for the last study needed to win Food and Drug Administration approval for Drug X.", "approval",
     "expected"),
    ("Drug X could be approved within months.", "approval", "expected"),
    ("Drug X will likely win approval in 2027.", "approval", "expected"),
    ("Drug X is poised for approval.", "approval", "expected"),
    ("Drug X is all but certain to win approval.", "approval", "expected"),
    ("The decision is expected in August.", "decision", "expected"),
    ("The maker hopes approval will come soon.", "approval", "expected"),
    # refused
    ("The agency declined to approve Drug X.", "approval", "refused"),
    ("The regulator rejected approval of Drug X.", "approval", "refused"),
    # negated
    ("Drug X is not approved.", "approval", "negated"),
    ("Drug X has never been approved anywhere.", "approval", "negated"),
    ("Drug X has not yet been approved.", "approval", "negated"),
    ("Drug X is no longer expected to win approval.", "approval", "negated"),
    ("Drug X is far from approval.", "approval", "negated"),
    # hypothetical
    ("If approved, Drug X would be the first of its kind.", "approval", "hypothetical"),
    ("Approval would require more data.", "approval", "hypothetical"),
    ("Any approval of Drug X is years off.", "approval", "hypothetical"),
    # a forecast told as history
    ("Approval of Drug X was expected in 2023.", "approval", "past-forecast"),
    ("Analysts expected approval of Drug X within a year.", "approval", "past-forecast"),
    ("In 2022, approval of Drug X seemed imminent.", "approval", "past-forecast"),
    ("Back then, investors anticipated approval of Drug X.", "approval", "past-forecast"),
    ("Drug X was then expected to win approval within the year.", "approval", "past-forecast"),
    # not a forecast: counterfactual, argument, inverted condition, a modal of another verb
    ("Approval could have turned the maker into a giant.", "approval", "hypothetical"),
    ("Drug X might have been approved with better data.", "approval", "hypothetical"),
    ("Campaigners argue that Drug X should be approved for anxiety.", "approval", "hypothetical"),
    ("The maker plans to sell Drug X widely should it be approved.", "approval", "hypothetical"),
    ("Had the agency approved Drug X, prices would have fallen.", "approval", "hypothetical"),
    ("Critics fear the public will link approval to the minister's reputation.", "approval", "none"),
    ("The label means the agency will move faster when it reviews Drug X.", "review", "none"),
    ("The maker plans to appeal the decision on Drug X.", "decision", "none"),  # the plan is the appeal
    ("The agency is about to carry out its review of Drug X.", "review", "expected"),
    ("Next comes the advisory meeting on Drug X.", "advisory-vote", "expected"),
    ("First comes the advisory meeting on Drug X.", "advisory-vote", "expected"),
    ("The minister wants to approve Drug X.", "approval", "expected"),
    ("Patients will soon have access to Drug X.", "approval", "expected"),
    ("The maker expects to hear back from the agency in August.", "decision", "expected"),
    ("The maker had hoped for approval of Drug X in 2024.", "approval", "past-forecast"),
    ("It is essential to await approval of Drug X.", "approval", "hypothetical"),  # advice
    ("The catch: the government has to legalize Drug X first.", "legalisation", "hypothetical"),  # a condition
    # a forecast with a modal of obligation and a time is still a forecast
    ("Drug X should be approved later this year.", "approval", "expected"),
    # history: a past view, a past request, the subject of a past verb, a possessive
    ("Fans, who saw Drug X as a pill that could win the agency's blessing, were let down.", "approval", "past-forecast"),
    ("Last month the maker asked the agency to approve Drug X.", "approval", "past-forecast"),
    ("The maker has asked the agency to approve Drug X.", "approval", "pending"),
    ("The goal of approval by 2021 was missed.", "approval", "past-forecast"),
    # a legal state and its change, in the event's own words or after a name
    ("Drug X is now fully legal in Ruritania.", "legalisation", "current"),
    ("Drug X became legal in Ruritania in 2025.", "legalisation", "done"),
    ("Ruritania legalized Drug X years ago.", "legalisation", "done"),
    ("Ruritania quietly went ahead and legalized Drug X.", "legalisation", "done"),
    ("Ruritania has decriminalized Drug X.", "legalisation", "done"),
    ("Ruritania became the first country to legalize Drug X.", "legalisation", "done"),
    # a past verb with its object after any noun: finite, not a participle
    ("A decree on public health legalized Drug X in the spring.", "legalisation", "done"),
    ("The new statute decriminalized it outright.", "legalisation", "done"),
    # a condition opened inside the clause
    ("Clinics may open once the capital legalizes Drug X.", "legalisation", "hypothetical"),
    ("Sales would start if the ministry approves Drug X.", "approval", "hypothetical"),
    # an infinitive of purpose takes no tense from the verb before it
    ("Campaigners are pushing to legalize Drug X.", "legalisation", "none"),
    # "once" as an adverb opens no condition
    ("Drug X was once legalized in Ruritania.", "legalisation", "done"),
    # "from X to Y": X is the state left behind
    ("From approval to withdrawal: the story of Drug X", "approval", "ended"),
    # a verb whose object is the event carries the modal: "will hold a meeting"
    ("The agency will hold a public advisory committee meeting on Drug X.", "advisory-vote", "expected"),
    # "approve or deny": a decision to come, not a refusal
    ("The agency is set to approve or deny Drug X by August.", "approval", "expected"),
    # news present of a step towards a decision: under way now; a habitual present is not
    ("Agency weighs new application for Drug X", "review", "pending"),
    ("The agency reviews hundreds of applications every year.", "review", "none"),
    # "may be used to treat" is a passive, not the habitual past "used to"
    ("The agency is expected to rule on whether Drug X may be used to treat pain.", "decision", "expected"),
    # a time relative to the event is not the event
    ("Questions could be settled with data gathered post-approval.", "approval", "hypothetical"),
    # an infinitive of purpose in a headline is no place reached
    ("Committee Passed Bill 12 to Legalize Drug X", "legalisation", "none"),
    # a negative subject negates the statement, however long the list it heads
    ("None of Drug X, Drug Y, Drug Z or Drug W is legalized anywhere.", "legalisation", "negated"),
    ("Nothing becomes legal overnight under the new decree.", "legalisation", "negated"),
    ("No therapy built on a psychedelic has so far won approval in Ruritania.", "approval", "negated"),
    ("Drug X, a drug approved Tuesday, sells well.", "approval", "none"),
    ("This makes Ruritania the first country to approve Drug X.", "approval", "done"),
    ("Drug X is now a legal, approved medicine in Ruritania.", "approval", "done"),
    ("Drug X was green lit in Ruritania.", "approval", "done"),  # a phrase ending in an irregular participle
    ("The agency's ruling followed a long review.", "decision", "none"),
    ("Drug X, a drug approved last year, sells well.", "approval", "none"),  # a participle with a time, not an object
    # a state held now
    ("The current shortage has forced pharmacies to substitute.", "shortage", "current"),
    ("Drug X is in short supply.", "shortage", "current"),
    ("Drug X remains in short supply across the country.", "shortage", "current"),
    ("Every dose of Drug X now shows as available in the agency's shortage database.", "shortage", "none"),
    # an "ongoing" event holds now, whatever the sentence forecasts about it
    ("The ongoing shortage of Drug X will ease next spring.", "shortage", "current"),
    # the event's phrase as subject of a present progressive or "under way"
    ("The review of Drug X by the agency is continuing.", "review", "pending"),  # a step to a decision
    # "than planned" compares; it forecasts nothing
    ("The review of Drug X is simply taking longer than planned.", "review", "pending"),
    ("The agency's ongoing review of Drug X has drawn criticism.", "review", "pending"),
    ("The shortage of Drug X is under way.", "shortage", "current"),
    ("The shortage of Drug X now under way in three countries worries doctors.", "shortage", "current"),
    # a perfect passive is a thing done, not a state held
    ("Drug X has been reviewed twice.", "review", "done"),
    # a medicine said not to exist is an approval said not to have happened
    ("There is no medicine that treats the cause of the illness Drug X targets.", "approval", "negated"),
    ("So far no approved treatment has been shown to do what Drug X does.", "approval", "negated"),
    # a condition opened by inversion ends at its comma, as an "if" clause does
    ("Should the next trials confirm this, Drug X will be on offer to patients as early as 2027.", "approval",
     "expected"),
    ("Had the panel agreed, Drug X would have been approved by now.", "approval", "hypothetical"),
    # the forecast reaches the ruling first; the filing it rules on already exists
    ("The agency is due to rule on the Drug X filing by March.", "decision", "expected"),
    ("A decision on the Drug X filing is expected in March.", "decision", "expected"),
    # an end before another event is that event's: the approval is what is expected
    ("Drug X is expected to complete a review and win approval in 2027.", "approval", "expected"),
    # "soon" before a past verb, and "close to" a number, tell no forecast
    ("The first approvals of Drug X soon led to approvals abroad.", "approval", "none"),
    ("Drug X, in short supply for close to two years, is now easy to find.", "shortage", "none"),
    # a condition on the clause ("only while"), and a "because" clause outside a negation
    ("Pharmacies may copy Drug X only while it is in short supply.", "shortage", "hypothetical"),
    ("Demand for Drug X has not fallen because the shortage officially ended.", "shortage", "ended"),
    ("The agency has not once approved Drug X as a therapy.", "approval", "negated"),
    # the state as the subject of a present or present-perfect verb holds now
    ("A worldwide shortage of Drug X has nonetheless shaken patients.", "shortage", "current"),
    ("Drug X shortage rattles patients", "shortage", "current"),
    ("Drug X sells well. While a shortage lasts, pharmacies may copy a drug.", "shortage", "none"),
    ("The Drug X shortage has eased.", "shortage", "none"),
    ("The Drug X shortage lasted two years.", "shortage", "none"),
    # a stage arrived at holds now
    ("Drug X has now reached the review stage.", "review", "current"),
    # a use to come, told with a word of time, is a licence to come
    ("Drug X could soon be used to treat the illness.", "approval", "expected"),
    # a delay foreseen is no forecast of the event
    ("Approval of Drug X may be slow in coming.", "approval", "none"),
    # "not since" opening a sentence counts the years since the last one; it denies nothing now
    ("Not since 2014 has the board licensed a medicine like Drug X.", "approval", "done"),
    # "would" after a past verb of saying or hoping is a reported "will"
    ("Acme said it hoped Drug X would be approved next year.", "approval", "past-forecast"),
    ("Acme said Drug X would be approved next year if the data held.", "approval", "hypothetical"),
    ("Acme had hoped Drug X would be approved next year.", "approval", "hypothetical"),
    # a name with its acronym before a past verb; a same-form past after a singular subject
    ("The Ruritanian Medicines Board (RMB) approved Drug X as a medicine.", "approval", "done"),
    ("The country put Drug X on the list of medicines approved by its regulator.", "approval", "done"),
    # a limit on a permission held forecasts nothing
    ("In Ruritania Drug X may be prescribed only for burns.", "approval", "current"),
    # a stage or state the subject of a present verb of going on holds now
    ("Clinics treat patients while the last phase of trials of Drug X goes on.", "final-stage", "current"),
    ("The shortage of Drug X persists.", "shortage", "current"),
    ("The last phase of trials of Drug X for burns run by Acme is under way.", "final-stage", "current"),
    ("The final part of the trials of Drug X is now under way.", "final-stage", "current"),
    # movement towards the event is a forecast; told in the past, history
    ("Drug X advances towards approval.", "approval", "expected"),
    ("Drug X moved toward approval in 2019.", "approval", "past-forecast"),
    ("Drug X edged closer to approval in 2019.", "approval", "past-forecast"),
    ("Drug X has edged closer to approval.", "approval", "expected"),
    # a condition that names when the event comes takes it as coming then
    ("If Drug X is approved next year, clinics will open.", "approval", "expected"),
    ("If Drug X is approved, clinics will open.", "approval", "hypothetical"),
    ("If Drug X had been approved next year, clinics would have opened.", "approval", "hypothetical"),
    # gathered for: an aim still to come; a gerund subject of a past verb tells history
    ("Data are being gathered for an application to the agency on Drug X.", "submission", "expected"),
    ("Gathering the data for the application on Drug X took eight years.", "submission", "none"),
    # "yet" after a modal is an adverb, and a possible event after a word of nearness is near
    ("The agency could yet approve Drug X, perhaps as early as August.", "approval", "expected"),
    ("With Drug X nearing possible agency approval, clinics are hiring.", "approval", "expected"),
    # permission to sell is a licence
    ("Acme will ask the agency for permission to sell Drug X.", "approval", "pending"),
    # in line for the event
    ("Drug X is in line for approval next year.", "approval", "expected"),
    # the last requirement named: the event told as near; a requirement alone is a condition
    ("The money will fund the last research needed to win approval for Drug X.", "approval", "expected"),
    ("Drug X is close to completing the clinical trials needed for approval.", "approval", "expected"),
    ("More research is needed for approval of Drug X.", "approval", "hypothetical"),
    # moved towards the event by a verb of moving something
    ("The maker is nudging the Ruritanian Medicines Board (RMB) toward approving Drug X.", "approval", "expected"),
    ("In 2019 the data pushed regulators toward approval of Drug X.", "approval", "past-forecast"),
    # a decision still to be made known: the event under "whether" waits on it
    ("The agency is expected to announce by August 11 whether it approves Drug X.", "approval", "pending"),
    ("The agency will say in August whether it will approve Drug X.", "approval", "pending"),
    # a condition opened after a semicolon ends at its comma: the main clause still forecasts
    ("A request has gone in; if it succeeds, Drug X could be approved by 2030.", "approval", "expected"),
    ("A request has gone in; if Drug X is approved, sales could start by 2030.", "approval", "hypothetical"),
]


def test_table_is_large_enough():
    assert len(TABLE) + len(QUESTIONS) + len(SPEAKERS) >= 40


@pytest.mark.parametrize(("sentence", "event", "stance"), TABLE, ids=[t[0][:40] for t in TABLE])
def test_stance(stance_of, sentence: str, event: str, stance: str):
    st = stance_of(sentence, event)
    assert st.stance == stance, (sentence, st)
    assert not st.question


def test_a_state_that_ended_is_not_current(stance_of):
    assert stance_of("The shortage of Drug X ended last year.", "shortage").stance != "current"


def test_participle_is_a_live_forecast_but_finite_past_is_history(stance_of):
    """"a decision expected in August" (participle, present) vs "analysts expected approval"."""
    participle = stance_of("A decision expected in August will settle the matter.", "decision")
    finite = stance_of("Analysts expected approval of Drug X within a year.")
    assert participle.stance == "expected" and finite.stance == "past-forecast"
    # The participle is the stance itself, not a report of what someone said.
    assert not participle.attributed
    assert finite.attributed and finite.attribution == "Analysts"


# (sentence, is the approval mention asked about?)
QUESTIONS = [
    ("Will Drug X be approved next year?", True),
    ("Is approval of Drug X close?", True),
    # Only the interrogative clause is a question: the opening clause still asserts a forecast.
    ("As Drug X could be approved next year, will insurers pay for it?", False),
    ("Drug X could be approved next year.", False),
]


@pytest.mark.parametrize(("sentence", "asked"), QUESTIONS)
def test_questions_ask_only_about_their_own_clause(stance_of, sentence: str, asked: bool):
    st = stance_of(sentence)
    assert st.question is asked
    assert st.stance == "expected"


def _corrected(st) -> bool:
    """Reported in order to be corrected ("Myth: ..."): `meta` where the Stance has it (the lead
    split it from `quoted` in parallel), `quoted` before that."""
    return st.meta if hasattr(st, "meta") else st.quoted


# (sentence, attributed, speaker named, in quotation marks, reported to be corrected); None: not asked
# (before `meta` existed, a quotation and a myth were both `quoted`)
SPEAKERS = [
    ("The company says approval of Drug X is expected next year.", True, "The company", False, False),
    ("Drug X is expected to be approved, analysts say.", True, "analysts", False, False),
    ("Many expect approval of Drug X soon.", True, "Many", False, False),
    ("According to the maker, approval is expected soon.", True, "the maker", False, False),
    ("Approval of Drug X is expected next year.", False, None, False, False),
    ("Approval of Drug X in the United States is expected next year.", False, None, False, False),  # "States" is a name
    ('"Approval is expected next year," a spokesperson said.', False, None, True, None),
    ("Myth: Drug X is expected to be approved this year.", False, None, None, True),
    # an aside between the speaker and the verb
    ("Acme, founded in 1990, said it expects approval of Drug X next year.", True, "Acme", False, False),
    # hearsay in the passive names no speaker
    ("Drug X, which is sold abroad, said to be close to approval.", False, None, False, False),
]


@pytest.mark.parametrize(("sentence", "attributed", "speaker", "quoted", "corrected"), SPEAKERS,
                         ids=[s[0][:40] for s in SPEAKERS])
def test_attribution_and_quotes(stance_of, sentence: str, attributed: bool, speaker: str | None,
                                quoted: bool | None, corrected: bool | None):
    st = stance_of(sentence)
    assert st.stance == "expected"
    assert st.attributed is attributed
    assert st.attribution == speaker
    if quoted is not None:
        assert st.quoted is quoted
    if corrected is not None:
        assert _corrected(st) is corrected


def test_framing_year_opens_the_clause(stance_of):
    assert stance_of("In 2022, approval of Drug X seemed imminent.").framing_year == 2022
    assert stance_of("Drug X was approved by the agency in 2025.").framing_year is None


def test_two_clauses_hold_two_judgements(analyse_text):
    an = analyse_text("Drug X is not yet approved, but approval is expected next year.")
    assert [e.stance.stance for e in an.events] == ["negated", "expected"]
    an = analyse_text("Drug Y was approved in 2024, while Drug X is still awaiting approval.")
    assert [e.stance.stance for e in an.events] == ["done", "pending"]


def test_elliptical_pronoun_takes_the_event_of_the_sentence_before(analyse_text):
    an = analyse_text("What about approval? It is expected soon.")
    assert [e.stance.stance for e in an.events][-1] == "expected"
    assert an.events[-1].event == "approval" and an.doc[an.events[-1].cue.start].text == "It"


@pytest.mark.parametrize(("sentence", "cue", "event"), [
    ("The agency gave the go-ahead for large Phase 3 clinical trials of Drug X.", "go-ahead", "research-approval"),
    ("Researchers were given the go-ahead by the agency to run a trial of Drug X.", "go-ahead", "research-approval"),
    ("The ministry has asked for applications to study Drug X.", "applications", "research-submission"),
    ("The agency has approved a new phase of testing of Drug X in 300 patients.", "approved", "research-approval"),
    ("The agency has approved the use of Drug X (a pill) in large-scale clinical trials.", "approved",
     "research-approval"),
    ("The agency has approved the use of Drug X for burns in adults.", "approved", "approval"),
    ("The agency approved Drug X after years of testing.", "approved", "approval"),
    ("The maker, which is asking the agency to approve Drug X, designed its trials poorly.", "approve", "approval"),
    ("Approval looks likely after two positive trials of Drug X.", "Approval", "approval"),
    ("A House committee is set to vote this week on the bill.", "vote", "legislative-vote"),
    ("The agency's advisory committee is set to vote on Drug X.", "advisory committee", "advisory-vote"),
])
def test_what_an_event_is_about(analyse_text, sentence: str, cue: str, event: str):
    # A trial or grant approved is not the product approved; lawmakers voting are no expert panel.
    an = analyse_text(sentence)
    found = {an.doc[e.cue.start:e.cue.end].text: e.event for e in an.events}
    assert found.get(cue) == event, found


@pytest.mark.parametrize(("sentence", "stance"), [
    # Ended: after the event ("is over", "has ended", "was resolved") or just before it ("off the list").
    ("The Drug X shortage is over.", "ended"),
    ("The agency declared the Drug X shortage over in May.", "ended"),
    ("The Drug X shortage, first listed in 2023, has ended.", "ended"),
    ("Drug X came off the shortage list in May.", "ended"),
    ("The agency removed Drug X from the shortage list.", "ended"),
    ("The agency found the shortage of Drug X resolved.", "ended"),
    # A declaring verb before "to ... over": the end pronounced, not a prospect.
    ("The agency declared the shortage of Drug X, sold under two brands, to be over.", "ended"),
    ("The FDA changed the shortage status of Drug X to resolved.", "ended"),
    # Not ended: negated or still to come, so the state holds now.
    ("The Drug X shortage is not over yet.", "current"),
    ("The Drug X shortage is expected to end soon.", "current"),
    ("The Drug X shortage is set to end next month.", "current"),
    ("The agency will declare the Drug X shortage to be over.", "current"),
    # A listing verb of now holds the state it lists.
    ("The FDA still lists several doses of Drug X and its sister brand in its drug shortage database.", "current"),
    ("The agency continues to list Drug X in shortage.", "current"),
    # "over" before the event, "end" as a time: no end of this event.
    ("Concerns over the Drug X shortage grew.", "none"),
    # Held now: perfect of a state, or a state verb right after the event noun.
    ("Drug X has been on the shortage list since 2023.", "current"),
    ("The Drug X shortage continues.", "current"),
    ("Pharmacists who worked during the shortage now face new rules.", "none"),
])
def test_a_state_ended_or_held(stance_of, sentence: str, stance: str):
    assert stance_of(sentence, "shortage").stance == stance


def test_an_end_of_a_time_is_not_the_events_end(stance_of):
    assert stance_of("The agency expects a decision by the end of the year.", "decision").stance == "expected"


def test_an_end_word_before_another_event_is_that_events(analyse_text):
    an = analyse_text("A judge struck down the agency's order ending the Drug X shortage.")
    assert [e.stance.stance for e in an.events if e.event == "shortage"] == ["ended"]


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Drug X still needs final approval from the agency.", "pending"),  # a requirement still open
    ("Drug X needs approval before it can be sold.", "hypothetical"),  # a condition, not a state
    ("Drug X may now be prescribed to teens.", "none"),  # a permission held now, not a forecast
    ("Drug X may soon be prescribed to teens.", "expected"),
])
def test_requirements_and_permissions(stance_of, sentence: str, stance: str):
    assert stance_of(sentence).stance == stance


def test_an_approval_word_before_a_practitioner_is_no_approval(analyse_text):
    an = analyse_text("State-licensed pharmacies and licensed therapists may handle Drug X.")
    assert [e.event for e in an.events if e.event == "approval"] == []
    an = analyse_text("Drug X is a licensed medicine.")
    assert [e.event for e in an.events] == ["approval"]


@pytest.mark.parametrize(("sentence", "stance"), [
    # A state a preposition governs holds when the clause's own verb does.
    ("Because of the national shortage of Drug X, pharmacies are permitted to copy it.", "current"),
    ("Pharmacies can copy Drug X during the agency's shortage listing.", "current"),
    ("Pharmacies could copy Drug X during the shortage.", "past-forecast"),
    ("Pharmacists who worked during the shortage now face new rules.", "none"),  # the relative clause's verb
    # Plain English for a shortage.
    ("Supplies of Drug X are limited, and Drug X is hard to find.", "current"),
])
def test_a_state_under_a_preposition_or_in_plain_words(stance_of, sentence: str, stance: str):
    assert stance_of(sentence, "shortage").stance == stance


def test_a_modal_that_keeps_the_event_going_forecasts_it(stance_of):
    assert stance_of("The agency will keep reviewing Drug X.", "review").stance == "expected"


def test_a_pronoun_that_expects_is_no_elliptical_forecast(analyse_text):
    # "the demand it expects": "it" is the company, not an event from the sentence before.
    an = analyse_text("The shortage of Drug X ended. The maker can now meet the demand it expects.")
    # (the second sentence's supply restored is the shortage over, not a forecast)
    assert [e.stance.stance for e in an.events if e.event == "shortage"] == ["ended", "ended"]


def test_waiting_on_a_regulator_is_waiting_for_its_decision(analyse_text):
    an = analyse_text("The maker of Drug X is waiting on the agency.")
    assert [(e.event, e.stance.stance) for e in an.events] == [("decision", "pending")]
    # The clause names the event itself: no second, implicit one.
    an = analyse_text("The maker is waiting for the agency to approve Drug X.")
    assert [(e.event, e.stance.stance) for e in an.events] == [("approval", "pending")]


def test_end_up_is_no_end(stance_of):
    assert stance_of("Advocates expect Drug X to end up becoming legal by 2030.", "legalisation").stance == "expected"


def test_a_contrary_opener_frames_the_writers_own_statement(stance_of):
    assert not stance_of("Contrary to some reports, the agency has not approved Drug X.").meta
    assert stance_of("It is a myth that the agency approved Drug X.").meta


def test_a_myth_in_an_earlier_coordinate_clause_does_not_reach_the_event(stance_of):
    assert not stance_of("He has worked to debunk myths about its dangers, and approval of Drug X is near.").meta
    assert stance_of("He has worked to debunk the claim that approval of Drug X is near.").meta


def test_an_infinitive_after_to_is_no_place_reached(stance_of):
    # "lobbied the agency to approve": the approval is asked for, not reached
    assert stance_of("Patients have lobbied the agency to approve Drug X.").stance != "done"


def test_a_named_scheme_after_under_is_no_pending_review(stance_of):
    st = stance_of("Patients get Drug X from doctors granted approval under the Special Access Scheme.", "approval")
    assert st.stance != "pending"


@pytest.mark.parametrize("text", [
    "The agency's requests could be met with existing data.",
    "Two thirds of patients no longer met criteria for the disorder.",
])
def test_met_in_the_passive_or_with_criteria_is_no_meeting(analyse_text, text: str):
    assert not [e for e in analyse_text(text).events if e.event == "advisory-vote"]


PAGE_DATE = date(2026, 6, 1)  # the fixtures' page date


@pytest.mark.parametrize(("sentence", "doc_date", "stance"), [
    ("On June 12 the panel meets to weigh Drug X.", PAGE_DATE, "expected"),  # a day after the page's date
    ("On June 12 the panel meets to weigh Drug X.", None, "expected"),  # no page date: read as a timetable
    ("On May 12 the panel meets to weigh Drug X.", PAGE_DATE, "none"),  # before the page's date: a story told
    ("The panel meets every June 12 to weigh drugs such as Drug X.", None, "none"),  # a habit
    ("The panel meets to weigh Drug X.", PAGE_DATE, "none"),  # no day named
])
def test_a_timetable_in_the_present_tense_is_to_come(stance_of, sentence: str, doc_date, stance: str):
    assert stance_of(sentence, "advisory-vote", doc_date=doc_date).stance == stance


def test_a_refusal_the_event_acts_on_is_not_its_stance(stance_of):
    """"review the agency's rejection": the rejection is the object, the review is still to come."""
    assert stance_of("The maker wants a court to review the agency's rejection of Drug X.", "review").stance != "refused"
    assert stance_of("The agency's decision to reject Drug X came in May.", "decision").stance == "refused"


@pytest.mark.parametrize(("sentence", "stance"), [
    ("The shortage of the tablets for Drug X drags on.", "current"),  # a state verb after "of ..."
    ("Pharmacies face shortages of Drug X.", "current"),  # a present verb of experiencing it
    ("Drug X still on backorder", "current"),  # a headline with no verb
    ("Drug X still in short supply", "current"),
    ("In 2023 pharmacies faced shortages of Drug X.", "none"),  # the past tense tells a story
])
def test_a_state_held_now_without_a_copula(stance_of, sentence: str, stance: str):
    assert stance_of(sentence, "shortage").stance == stance


@pytest.mark.parametrize(("sentence", "event", "stance"), [
    # preparing for the event: still to come, however hedged
    ("The clinics are getting ready ahead of the agency's possible approval of Drug X.", "approval", "expected"),
    ("Tempers have flared in the run-up to the decision on Drug X.", "decision", "expected"),
    ("Talks over the need for something better have at times turned sour ahead of the decision on Drug X.",
     "decision", "expected"),  # a participle after "have", and a comparative, tell no history
    ("Staff worked hard in the run-up to the decision on Drug X.", "decision", "none"),  # a simple past does
    ("Doctors fought over the pending approval of Drug X.", "approval", "hypothetical"),  # told in the past
    ("Pharmacies wait for the pending approval of Drug X.", "approval", "expected"),
    # "finish" and "complete" end a thing; a gerund at the clause's start is still working towards it
    ("The shortage of Drug X is not finished yet.", "shortage", "current"),
    ("The agency has completed its review of Drug X.", "review", "ended"),
    ("The agency nears the finish line for approval of Drug X.", "approval", "expected"),  # part of a forecast cue
    # an intention
    ("The maker is committed to seeking approval of Drug X.", "approval", "expected"),
])
def test_awaited_finished_and_intended(stance_of, sentence: str, event: str, stance: str):
    assert stance_of(sentence, event).stance == stance


@pytest.mark.parametrize(("sentence", "event", "stance"), [
    # a participle describing a noun behind a preposition is not negated by the verb before it
    ("Insurers did not pay for Drug X prescribed for pain.", "approval", "done"),
    ("Drug X is not approved for pain.", "approval", "negated"),
    ("Drug X has not been approved for pain.", "approval", "negated"),
    # an insurer's prior authorization is no regulator's authorisation
    ("The agency is preparing to approve Drug X.", "approval", "expected"),
])
def test_negation_scope_and_preparation(stance_of, sentence: str, event: str, stance: str):
    assert stance_of(sentence, event).stance == stance


def test_prior_authorization_is_no_approval_event(analyse_text):
    an = analyse_text("Plans cover Drug X only with prior authorization.")
    assert [e.event for e in an.events if e.event == "approval"] == []


def test_a_refusal_the_event_is_said_of_is_not_its_stance(stance_of):
    """"rejection letters are never approved for release": the letter is the subject."""
    st = stance_of("Rejection letters for Drug X are seldom approved for release.", "approval")
    assert st.stance == "negated"  # "seldom" negates; the refusal noun is what it is said of


@pytest.mark.parametrize(("sentence", "event", "stance"), [
    # an open question someone is to settle is pending, not a condition
    ("It is up to the agency to decide whether Drug X can be prescribed.", "approval", "pending"),
    ("Much hangs on the question of whether the agency will approve Drug X.", "approval", "pending"),
    ("It will be up to the agency to decide on Drug X.", "decision", "pending"),
    ("If the agency approves Drug X, prices will fall.", "approval", "hypothetical"),  # still a condition
])
def test_open_questions_are_pending(stance_of, sentence: str, event: str, stance: str):
    assert stance_of(sentence, event).stance == stance


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Drug X supplies remain tight, pharmacists say.", "current"),
    ("Drug X is backordered at many pharmacies.", "current"),
    ("Patients are struggling to find Drug X.", "current"),
    ("Drug X was backordered in 2023.", "done"),  # told in the past
])
def test_a_shortage_told_by_its_own_predicate(stance_of, sentence: str, stance: str):
    assert stance_of(sentence, "shortage").stance == stance


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Doctors can prescribe Drug X.", "current"),  # a permission held now
    ("Doctors cannot prescribe Drug X outside trials.", "negated"),
    ("The rules will change next month so that Drug X can be prescribed.", "expected"),  # a purpose after a future
])
def test_can_is_a_permission_held_now(stance_of, sentence: str, stance: str):
    assert stance_of(sentence, "approval").stance == stance


@pytest.mark.parametrize(("sentence", "event", "stance"), [
    ("The expected approval of Drug X is only three months away.", "approval", "expected"),  # attributive
    ("Analysts expected approval of Drug X by 2021.", "approval", "past-forecast"),  # a finite past verb
    ("The agency has 60 days to review the filing for Drug X.", "review", "pending"),  # a deadline running
    ("Before anyone sells it, the agency would have to approve Drug X.", "approval", "hypothetical"),  # a condition
])
def test_attributive_forecasts_and_deadlines(stance_of, sentence: str, event: str, stance: str):
    assert stance_of(sentence, event).stance == stance


def test_an_event_prevented_is_negated(stance_of):
    st = stance_of("The rules prevent doctors from prescribing Drug X to teens.", "approval")
    assert st.stance == "negated" and st.negated


@pytest.mark.parametrize(("sentence", "event", "stance"), [
    ("The department is working very hard to approve Drug X within 12 months.", "approval", "expected"),
    ("The agency has set a timeline for approving Drug X.", "approval", "expected"),
    ("Campaigners want Drug X made legal.", "legalisation", "none"),  # advocacy is no forecast
])
def test_efforts_and_timelines_are_forecasts(stance_of, sentence: str, event: str, stance: str):
    assert stance_of(sentence, event).stance == stance


@pytest.mark.parametrize(("sentence", "stance"), [
    # supply restored is a shortage ended: to come, the shortage holds; done, it is over
    ("The maker expects to meet demand for Drug X in the second half of next year.", "current"),
    ("The maker expects Drug X supply to be stable early next year.", "current"),
    ("Drug X is back in stock at most pharmacies.", "ended"),
    ("The maker can now meet demand for Drug X.", "ended"),
])
def test_supply_restored_is_a_shortage_ended(stance_of, sentence: str, stance: str):
    assert stance_of(sentence, "shortage").stance == stance


def test_a_subject_of_two_names_takes_the_plural_news_present(stance_of):
    assert stance_of("The agency and the ministry review Drug X for liver disease", "review").stance == "pending"


def test_a_refusal_that_the_event_acts_on_is_not_the_events_refusal():
    # "contest the agency's 9 August letter", "Appeal of MDMA Rejection": the refusal is the object
    from factcheck.lang.cues import Cue
    from factcheck.lang.readings import _object_of

    words = "lykos will contest the agency's 9 august complete response letter".split()
    assert _object_of(words, Cue("EV", 2, 3), Cue("ST:refused", 7, 10))
    words = "lykos appeal of mdma rejection".split()
    assert _object_of(words, Cue("EV", 1, 2), Cue("ST:refused", 4, 5))
    words = "lykos will contest it after the rejection".split()
    assert not _object_of(words, Cue("EV", 2, 3), Cue("ST:refused", 6, 7))


@pytest.mark.parametrize(("sentence", "attributed"), [
    # a report after the event speaks for it only when it trails the clause
    ("Drug X won approval in June, analysts said.", True),
    ("Drug X won approval in June, the company said on Monday.", True),
    ("Drug X won approval in June, according to the maker.", True),
    # a later coordinated clause has its own speaker
    ("Drug X won approval in June, yet sales were slow, and analysts expect that they will pick up.", False),
    # a reporting verb with its own clause after it reports that clause, not the words before it
    ("In its approval letter of June 4, the agency said the data were strong.", False),
])
def test_a_report_after_the_event_speaks_for_it_only_when_trailing(stance_of, sentence: str, attributed: bool):
    st = stance_of(sentence, "approval")
    assert st.attributed is attributed, (sentence, st)


@pytest.mark.parametrize(("sentence", "stance"), [
    # a permission to come: the future modal reaches the event through "be allowed to" and "let"
    ("From July, psychiatrists will be allowed to prescribe Drug X.", "expected"),
    ("The regulator will let authorised psychiatrists prescribe Drug X.", "expected"),
    ("The agency will allow doctors to prescribe Drug X.", "expected"),
    ("Psychiatrists are allowed to prescribe Drug X.", "current"),
])
def test_a_permission_to_come_is_expected(stance_of, sentence: str, stance: str):
    st = stance_of(sentence, "approval")
    assert st.stance == stance, (sentence, st)


@pytest.mark.parametrize(("sentence", "event", "stance"), [
    # a permission held since a date is held now, not to come
    ("Since 2023, psychiatrists may prescribe Drug X.", "approval", "current"),
    ("Since July 1, authorised psychiatrists may prescribe Drug X.", "approval", "current"),
    ("Since the agency may approve Drug X in 2027, investors are keen.", "approval", "expected"),  # a reason
    # "may" after a practitioner is what they are allowed to do, unless a time or condition says to come
    ("Under the new rules, authorised psychiatrists may prescribe Drug X.", "approval", "current"),
    ("Psychiatrists may soon prescribe Drug X.", "approval", "expected"),
    ("Psychiatrists may prescribe Drug X from July.", "approval", "expected"),
    # a time clause before a colon frames what came before it, not the permission after it
    ("The rules came in when the year began: psychiatrists there may prescribe Drug X.", "approval", "current"),
    # what practitioners "can apply for" is open to them now, not a request waiting on an answer
    ("Psychiatrists can apply for permission to prescribe Drug X.", "approval", "current"),
    ("The maker can apply for approval of Drug X next year.", "submission", "expected"),  # a filing to come
    # a forecast noun after the event that aims at another event forecasts that one
    ("Drug X is now entering phase 3, with the goal of approval in 2030.", "approval", "expected"),
    # an event in a "having ..." opener is done before the main verb's forecast
    ("Having won approval abroad, Drug X is set to spread.", "approval", "done"),
    ("Having failed to win approval, the maker will run another trial.", "approval", "none"),
    # "not ... until" says when, not whether
    ("The review of Drug X is not due until August 11.", "review", "expected"),
    # how the process usually runs is no forecast for this case
    ("If the file is complete, the agency normally aims to decide within ten months.", "decision", "hypothetical"),
    # one more of its kind: neither the one under way nor a forecast
    ("The regulator asked for another review of Drug X.", "review", "hypothetical"),
    ("The review of Drug X is under way.", "review", "pending"),
])
def test_held_since_habitual_and_further_ones(stance_of, sentence: str, event: str, stance: str):
    st = stance_of(sentence, event)
    assert st.stance == stance, (sentence, st)


@pytest.mark.parametrize(("sentence", "stance"), [
    # a negator in an aside closed by a comma does not reach the event after it
    ("Drug X, which has no accepted medical use, could be approved next year.", "expected"),
    ("Drug X has not yet been approved, though trials continue.", "negated"),
    # the event as the outcome the modal's verb leads to
    ("The sponsor hopes the results will lead to approval of Drug X.", "expected"),
    ("The data could pave the way for approval of Drug X.", "expected"),
])
def test_asides_and_outcomes(stance_of, sentence: str, stance: str):
    st = stance_of(sentence, "approval")
    assert st.stance == stance, (sentence, st)


@pytest.mark.parametrize(("sentence", "event", "stance"), [
    ("The agency has approved Drug X neither for pain nor for sleep.", "approval", "negated"),
    ("The measure will have to wait until January, after the vote, to be approved.", "approval", "pending"),
])
def test_neither_nor_and_waiting(stance_of, sentence: str, event: str, stance: str):
    assert stance_of(sentence, event).stance == stance


def test_an_event_in_the_possessive_names_whose_date_it_is(stance_of) -> None:
    # "the application's PDUFA date is in August": nothing is said of the application itself
    assert stance_of("The application's goal date for Drug X is in August.", "submission").stance == "none"
    assert stance_of("The application for Drug X is expected in August.", "submission").stance == "expected"


@pytest.mark.parametrize(("sentence", "stance"), [
    # a time clause that sets a condition, not a forecast's time
    ("The bill makes Drug X legal as soon as the agency approves it.", "hypothetical"),
    ("Drug X could be approved as soon as 2027.", "expected"),
    # approval as the condition of a plan is not presupposed done
    ("Lawmakers pass a bill to legalize Drug X after federal approval.", "none"),
    ("Following approval in 2023, sales of Drug X rose.", "done"),
])
def test_conditions_of_time(stance_of, sentence: str, stance: str):
    st = stance_of(sentence, "approval")
    assert st.stance == stance, (sentence, st)


def test_a_negative_object_denies_the_act(stance_of) -> None:
    assert stance_of("At present the agency has approved no product that contains Drug X.", "approval").stance == "negated"


@pytest.mark.parametrize("sentence", [
    "Pharmacies are rationing Drug X.",
    "The maker is still sending limited amounts of Drug X to wholesalers.",
    "The 5 mg pens of Drug X are short because demand has risen.",
])
def test_more_ways_to_say_a_shortage(stance_of, sentence: str) -> None:
    assert stance_of(sentence, "shortage").stance == "current"


def test_a_negator_in_the_main_clause_stops_at_that(stance_of) -> None:
    assert stance_of("It cannot be ruled out that the agency will still approve Drug X.", "approval").stance == "expected"


def test_a_goal_for_something_else_is_no_fact(stance_of) -> None:
    assert stance_of("The group wants Drug X to become a registered medicine.", "approval").stance == "none"


def test_what_whoever_wants_is_a_condition_not_a_forecast(stance_of) -> None:
    assert stance_of("Doctors who want to prescribe Drug X must register first.", "approval").stance != "expected"
    assert stance_of("The minister who wants to approve Drug X spoke today.", "approval").stance == "expected"


def test_a_negative_existential_denies_the_noun_phrase(events_read) -> None:
    read = events_read("There are still no officially approved medicines containing Drug X or Drug Y on the market.",
                       "approval")
    assert ("on the market", "negated") in read


@pytest.mark.parametrize("sentence", [
    "The agency is due to rule on the Drug X filing by March.",
    "A decision on the Drug X filing is expected in March.",
    "The agency is expected to approve the maker's new filing for Drug X.",
])
def test_a_filing_that_another_event_acts_on_is_not_forecast(stance_of, sentence: str):
    assert stance_of(sentence, "submission").stance != "expected"


def test_a_filing_still_to_come_keeps_the_forecast(stance_of):
    assert stance_of("The maker plans to submit its filing for Drug X in May.", "submission").stance == "expected"


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Should Drug X be approved?", "hypothetical"),  # a question, not a condition
    ("Should the trials succeed, Drug X could be approved in 2027.", "expected"),
])
def test_inverted_openers(analyse_text, sentence: str, stance: str):
    ev = next(e for e in analyse_text(sentence).events if e.event == "approval")
    assert ev.stance.stance == stance


def test_a_stance_word_inside_the_event_name_says_nothing(nlp):
    """"final phase" forecasts ("in the final phase before approval"), but not when it is the event's
    own name: "its final phase of testing is under way" runs now."""
    from factcheck.lang.cues import CueMatcher, generic_cues
    from factcheck.lang.layer import analyse

    lists = dict(generic_cues())
    lists["ABOUT"] = ["Drug X"]
    lists["EV:rule:x/late-phase"] = ["final phase of testing"]
    an = analyse(nlp("Drug X's final phase of testing is under way."), CueMatcher(nlp, lists), date(2026, 6, 1),
                 syntax=False)
    ev = next(e for e in an.events if e.event == "rule:x/late-phase")
    assert ev.stance.stance == "current"


def test_a_year_opening_a_coordinated_clause_frames_it(stance_of):
    st = stance_of("Acme lobbies hard, and in 2021 a paper wrote that many expected Drug X to win approval this year.")
    assert st.framing_year == 2021


def test_a_past_verb_after_a_time_phrase_sets_the_tense(stance_of):
    st = stance_of("During the shortage of Drug X pharmacies offered a cheaper copy, but they must stop now.", "shortage")
    assert st.stance != "current"



@pytest.mark.parametrize(("sentence", "stance"), [
    ("Whether to approve Drug X, a burn cream, for children is now before the regulator.", "pending"),
    ("It is up to the regulator whether Drug X is approved.", "pending"),
    ("Whether Drug X would be approved was up to the regulator in 2024.", "hypothetical"),  # told as history
    ("Whether Drug X is approved matters little to its users.", "hypothetical"),  # nobody is to settle it
    # a step described by what follows it is no open question (whether it forecasts the event is
    # the stance reader's ordinary business: writers label "the last step before approval" both ways)
    ("A larger trial is the final hurdle before the regulator decides whether to approve Drug X.", "hypothetical"),
    # what a weighing under way is about
    ("The regulator is considering approving Drug X for children.", "pending"),
    ("Shares rose as the agency weighs approving Drug X.", "pending"),
])
def test_a_question_that_lies_with_someone_is_pending(stance_of, sentence: str, stance: str):
    assert stance_of(sentence, "approval").stance == stance


@pytest.mark.parametrize(("text", "stance"), [
    ("Drug X scarce at Mercia pharmacies", "current"),  # a headline's dropped "is"
    ("Drug X still scarce, maker says", "current"),
    ("Drug X was scarce last year", "past-forecast"),  # a verb of its own: read as usual
    ("Drug X shortage: what patients should know", "none"),  # a compound noun names a topic
])
def test_a_headline_state_without_a_verb_holds_now(stance_of, text: str, stance: str):
    assert stance_of(text, "shortage").stance == stance


def test_a_hope_brought_after_a_comma_is_no_forecast(stance_of):
    st = stance_of("Last week the regulator approved Drug X, bringing new hope to people with burns.", "approval")
    assert st.stance == "done"


def test_an_author_year_in_brackets_is_no_time_of_the_event(stance_of):
    st = stance_of("Roe and colleagues (2026) reported the approval of Drug X last month.", "approval")
    assert st.stance != "expected"


@pytest.mark.parametrize(("text", "event", "stance"), [
    # a participle of completion after the event's noun: the act is done, whatever the verb forecasts
    ("The application filed by the maker in December aims to win a licence for Drug X.", "submission", "done"),
    ("The application submitted last month is expected to bring Drug X to market.", "submission", "done"),
])
def test_a_participle_of_completion_after_the_event_says_it_is_done(stance_of, text: str, event: str, stance: str):
    assert stance_of(text, event).stance == stance


@pytest.mark.parametrize(("text", "event"), [
    ("The application expected by the agency in 2027 would bring Drug X to market.", "submission"),
    ("The maker hopes to have an application filed by 2027 for Drug X.", "submission"),  # a deadline
])
def test_other_participles_after_the_event_do_not_say_it_is_done(stance_of, text: str, event: str):
    assert stance_of(text, event).stance != "done"


def test_until_now_is_a_time_not_a_condition(stance_of):
    text = "Drug X, until now known mainly as a party drug, could become a registered medicine by 2030."
    assert stance_of(text).stance == "expected"
    assert stance_of("Until the agency approves it, Drug X stays a research drug.").stance == "hypothetical"


def test_reaching_a_conclusion_is_a_decision(stance_of):
    assert stance_of("The agency is expected to reach its own conclusion on Drug X in August.", "decision").stance \
        == "expected"


def test_an_event_acted_on_is_not_forecast_but_one_owned_is(stance_of):
    # "the agency will rule on the application": the ruling is to come, the application exists
    assert stance_of("The agency will rule on the application for Drug X by August.", "submission").stance == "none"
    # "the advisory panel's verdict, due by August": the verdict is the panel's own, and still to come
    assert stance_of("The advisory panel's verdict on Drug X, due by August 11, could open the door.",
                     "decision").stance == "expected"


@pytest.mark.parametrize(("text", "stance"), [
    # a consequence dated by its earliest time is a forecast
    ("Trials should end in 2022, which would let the agency approve Drug X as early as 2023.", "expected"),
    ("The agency would approve Drug X as soon as next year.", "expected"),
    # without one, "would" supposes
    ("The agency would approve Drug X only with more data.", "hypothetical"),
])
def test_would_with_an_earliest_date_forecasts(stance_of, text: str, stance: str):
    assert stance_of(text).stance == stance


@pytest.mark.parametrize(("text", "year"), [
    ("The maker expects trials to wrap up in 2022, which could bring approval of Drug X.", None),  # the forecast's year
])
def test_a_year_dates_a_report_only_right_after_it(analyse_text, text: str, year):
    an = analyse_text(text)
    ev = next(e for e in an.events if e.event == "approval")
    assert ev.stance.framing_year == year


@pytest.mark.parametrize(("between", "dates"), [
    (" in ", True), (" on 5 May ", True), (" told reporters in ", True), (" back in ", True),
    (" Phase 3 to wrap up in ", False),  # the year is the forecast's
    (" in a statement about the plan in ", False),
])
def test_what_may_stand_between_a_report_and_its_year(between: str, dates: bool):
    from factcheck.lang.stance import _dates_the_report

    assert _dates_the_report(between) == dates


@pytest.mark.parametrize("text", [
    "The maker will have the application for Drug X filed in 2027.",  # a plan
    "The maker hopes to see the application for Drug X filed in December.",  # a wish
    "There is no application for Drug X filed in Europe so far.",  # a denial
])
def test_a_completion_participle_in_a_plan_wish_or_denial_is_not_done(stance_of, text: str):
    assert stance_of(text, "submission").stance != "done"


def test_would_have_with_an_earliest_date_is_a_counterfactual(stance_of):
    assert stance_of("Without the scandal, the agency would have approved Drug X as early as 2024.").stance \
        == "hypothetical"


def test_a_duty_with_a_deadline_under_a_condition_is_the_rule_of_the_process(stance_of):
    # With a date still to come the duty is a forecast; after "if ...," it is how the process runs.
    assert stance_of("The agency must decide on Drug X within six months.", "decision").stance == "expected"
    st = stance_of("Acme asked for a fast review; if that is granted, the agency must decide on Drug X within six months.",
                   "decision")
    assert st.stance == "hypothetical"


def test_a_condition_naming_a_year_on_an_undated_page_is_a_forecast(stance_of):
    assert stance_of("If Drug X is approved in 2030, clinics will open.", "approval", doc_date=None).stance == "expected"
    assert stance_of("If Drug X had been approved in 2020, clinics would have opened.", "approval",
                     doc_date=None).stance == "hypothetical"


def test_a_possible_event_with_its_earliest_time_and_a_duty_dated_on_an_undated_page(stance_of):
    assert stance_of("The step opens the way to possible approval of Drug X as early as 2030.", "approval",
                     doc_date=None).stance == "expected"
    assert stance_of("Any possible approval of Drug X would need another trial.", "approval",
                     doc_date=None).stance == "hypothetical"
    assert stance_of("The makers say the agency should approve Drug X in 2030.", "approval",
                     doc_date=None).stance == "expected"
    assert stance_of("In 2020 the agency said it should approve Drug X.", "approval", doc_date=None).stance != "expected"


@pytest.mark.parametrize(("sentence", "ended"), [
    ("Last week the board listed products such as Drug X never approved before, with reasons.", True),
    ("Drug X was not approved until now.", True),
    ("Drug X has never been approved before.", False),  # a present perfect holds up to now
])
def test_a_state_denied_until_a_point_passed_has_ended(stance_of, sentence: str, ended: bool) -> None:
    assert (stance_of(sentence, "approval").stance == "ended") is ended


@pytest.mark.parametrize(("sentence", "stance"), [
    ("The odds that the agency will approve Drug X have become very slim.", "negated"),
    ("The chances are growing that Drug X will be approved.", "expected"),
])
def test_what_is_said_of_the_odds_is_the_stance(stance_of, sentence: str, stance: str) -> None:
    assert stance_of(sentence, "approval").stance == stance


def test_a_decision_that_takes_effect_later_is_made(stance_of) -> None:
    assert stance_of("The decision on Drug X will come into force within six months.", "decision").stance == "done"
    assert stance_of("A decision on Drug X is expected within six months.", "decision").stance == "expected"


def test_a_coming_foretold_in_a_relative_clause_is_expected(stance_of) -> None:
    text = "If Drug X is approved, in a decision that could arrive as early as August, it will be the first."
    assert stance_of(text, "decision").stance == "expected"


def test_a_stage_told_as_under_way_in_a_reduced_relative_is_current(stance_of) -> None:
    assert stance_of("Research has led to the final phase of clinical trials of Drug X now under way.",
                     "final-stage").stance == "current"


def test_a_negative_subject_of_the_matrix_clause_leaves_its_complement_alone(stance_of) -> None:
    assert stance_of("Nobody should be surprised that the agency refused to approve Drug X.",
                     "approval").stance != "negated"


def test_a_belief_of_the_past_is_a_past_forecast(stance_of) -> None:
    assert stance_of("The agency was thought to be close to approving Drug X.", "approval").stance == "past-forecast"
    assert stance_of("The agency is thought to be close to approving Drug X.", "approval").stance == "expected"


@pytest.mark.parametrize("sentence", [
    "Once the agency gives its anticipated approval of Drug X, clinicians will be trained.",  # a forecast word on it
    "Should Drug X win approval, which may come next year, patients could benefit.",  # its coming foretold
    "The approval of Drug X, which some people think might happen as soon as August, would be a first.",
])
def test_a_forecast_told_on_the_events_noun_holds_inside_a_condition(stance_of, sentence: str) -> None:
    assert stance_of(sentence, "approval").stance == "expected"


def test_a_headline_participle_after_the_maker_is_under_way(stance_of) -> None:
    assert stance_of("Agency Assessing Maker's Application for Drug X", "review").stance == "pending"


def test_a_rumour_of_a_forecast_is_no_report_made_to_correct_it(stance_of) -> None:
    st = stance_of("There is now a rumour that in 2031 Drug X will be formally approved as a treatment.", "approval")
    assert st.stance == "expected" and not st.meta


def test_an_undated_page_reads_a_year_after_a_modal_predicate_as_to_come(stance_of) -> None:
    text = "If all goes well, agency approval for use of Drug X could be granted in August 2031."
    assert stance_of(text, "approval", None).stance == "expected"
    # a year told of the past on an undated page stays as it was
    assert stance_of("Agency approval of Drug X was granted in August 2021.", "approval", None).stance != "expected"


@pytest.mark.parametrize(("sentence", "stance"), [
    # A present verb after "before" or "until": the act is still to come (a step before it is a forecast).
    ("Patients may get Drug X early, before it is formally approved.", "hypothetical"),
    ("The trial is the last step before Drug X is approved.", "expected"),
    # The goal of a struggle: the struggle goes on, the event is not under way.
    ("The long fight for approval of Drug X continues.", "none"),
    # A later date the act came before is a deadline it beat, not its time.
    ("The agency has approved Drug X six weeks before its June 26 deadline.", "done"),
])
def test_acts_to_come_goals_and_beaten_deadlines(stance_of, sentence: str, stance: str):
    assert stance_of(sentence, "approval", doc_date=date(2022, 5, 13)).stance == stance


def test_a_share_price_close_is_no_prospect(stance_of):
    st = stance_of("Shares rose 5% as Drug X went on sale in pharmacies, closing at $55.", "approval")
    assert st.stance != "expected"
