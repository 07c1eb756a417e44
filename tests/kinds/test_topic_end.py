"""Slots that say what an event is for and when it ended: `topic` (status, event-date,
jurisdiction-status), `end` and `jurisdiction` (event-date), and `unless` on status rules.

The pack is the every-kind test pack (tests/kindpack.py) with its rules replaced by the ones
below, about made-up products ("Drug X", "Drug Y") and a made-up regulator's decisions.
"""

from __future__ import annotations

import kindpack
import pytest

HEART = kindpack.rule("x-heart-pending", """\
kind: status
subject: "@drugx"
event: [approval, decision, indication]
topic: [heart, cardiovascular]
stance: [expected, pending, negated]
""", since="2025-03-10", flagged="Drug X is not approved to protect the heart.")

FIRST = kindpack.rule("x-first-pending", """\
kind: status
subject: "@drugx"
event: approval
stance: [expected, pending, negated]
unless: [heart, cardiovascular, compounded]
""", flagged="Drug X is awaiting approval.")

SHORTAGE_NOW = kindpack.rule("x-shortage-now", """\
kind: status
subject: "@drugx"
event: shortage
stance: [current]
""", since="2025-02-21", flagged="Drug X is still in shortage.")

SHORTAGE_END = kindpack.rule("x-shortage-end", """\
kind: event-date
subject: "@drugx"
event: shortage
end: true
date: "2025-02"
""", verdict="contradicted", since="null", flagged="The Drug X shortage ended in 2023.")

FIRST_DATE = kindpack.rule("x-first-date", """\
kind: event-date
subject: "@drugx"
event: approval
date: "2025-03"
jurisdiction: us
""", verdict="contradicted", since="null", flagged="Drug X was approved by the FDA in 2023.")

TEEN_DATE = kindpack.rule("x-teen-date", """\
kind: event-date
subject: "@drugx"
event: [approval, extended]
topic: [teens, adolescents]
date: "2025-12"
covers: [x-first-date]
""", verdict="contradicted", since="null", flagged="Drug X was approved for teens in 2024.")


@pytest.fixture(scope="module")
def lint(tmp_path_factory):
    claims = "claims:\n" + "".join([
        kindpack.claim("x-heart", "Drug X was approved to protect the heart in March 2025.", HEART + FIRST),
        kindpack.claim("x-shortage", "The Drug X shortage ended on 21 February 2025.", SHORTAGE_NOW + SHORTAGE_END,
                       valid_from="2025-02-21"),
        kindpack.claim("x-first", "Drug X was first approved in March 2025, for teens in December 2025.",
                       FIRST_DATE + TEEN_DATE),
    ])
    root = kindpack.write_pack(tmp_path_factory.mktemp("topics") / "test",
                               {"claims/pack.yaml": kindpack.manifest(home="us"), "claims/c.yaml": claims})
    linter = kindpack.linter_for([root])

    def run(text: str, rule: str) -> list[str]:
        return [f.text for f in kindpack.findings(linter, text, f"test/{rule}")]

    return run


@pytest.mark.parametrize(("text", "flagged"), [
    ("Drug X is not approved to protect the heart.", True),
    ("A cardiovascular indication for Drug X is expected next year.", True),
    ("Drug X is not approved for weight loss.", False),  # no topic: another use
    # The sentence names no subject: it borrows subject and topic from the one before it.
    ("Drug X lowered heart attacks in a large trial. A decision is still pending.", True),
    ("Drug X lowered heart attacks in a large trial.\n\nDrug X is awaiting a decision on its kidney use.", False),
])
def test_topic_is_what_the_event_is_for(lint, text, flagged):
    assert bool(lint(text, "x-heart-pending")) == flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("Drug X is awaiting approval.", True),
    ("Drug X is awaiting approval to protect the heart.", False),  # `unless`: another rule's use
    ("The agency does not approve compounded copies of Drug X.", False),
    ("Before March 2025, Drug X was not approved.", False),  # true of the time before the change
    ("Drug X was not approved until March 2025.", False),
])
def test_status_rules_honour_unless_and_time_framing(lint, text, flagged):
    assert bool(lint(text, "x-first-pending")) == flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("Drug X is still in shortage.", True),
    ("The Drug X shortage is not over yet.", True),
    ("The Drug X shortage is over.", False),
    ("Drug X came off the shortage list in February 2025.", False),
    ("Drug X is sold widely. Pharmacies may copy a drug that is in shortage.", False),  # a general rule
    ("Drug X has been on the shortage list since 2023.", True),
])
def test_a_state_read_as_current_or_ended(lint, text, flagged):
    assert bool(lint(text, "x-shortage-now")) == flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("The agency said the Drug X shortage was over in October 2023.", True),
    ("Drug X came off the shortage list in December 2024.", True),
    ("The agency ended the Drug X shortage in February 2025.", False),
    ("Drug X was added to the shortage list in 2023.", False),  # the start, not the end
])
def test_end_rules_read_the_date_of_the_end(lint, text, flagged):
    assert bool(lint(text, "x-shortage-end")) == flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("Drug X was approved by the FDA in 2023.", True),
    ("Drug X was approved in 2023.", True),  # no place named: the pack's home
    ("Health Canada approved Drug X in 2023.", False),  # another country's approval
    ("Drug X is the first drug the agency has approved since 2014.", False),  # a span's bound
    ("Drug X is new. Not since 2014 has the board licensed a medicine of its sort.", False),  # the same, inverted
    ("The agency approves Drug X, the first such drug since 2014.", False),  # the superlative in the object
])
def test_event_date_jurisdiction_and_since_bounds(lint, text, flagged):
    assert bool(lint(text, "x-first-date")) == flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("Drug X was approved for teens in 2024.", True),
    ("Doctors may now give Drug X to teens; the agency extended its approval in 2024.", True),
    ("Drug X was first approved in March 2025 for adults; it reached teens in December 2025.", False),
    ("Drug X was approved in March 2025.", False),  # no topic: the first approval
])
def test_event_date_topic_is_read_in_the_dated_clause(lint, text, flagged):
    assert bool(lint(text, "x-teen-date")) == flagged
