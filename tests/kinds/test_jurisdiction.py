"""Kind `jurisdiction-status`: approved in Canada (since 2025-06), not approved in Japan."""

from __future__ import annotations

import kindpack
import pytest

RULE = "test/x-places"


@pytest.mark.parametrize(("text", "span"), [
    ("Drug X is not approved in Canada.", "is not approved in Canada"),
    ("Drug X is approved in Japan.", "is approved in Japan"),
    ("Drug X still awaits approval from Canadian regulators.", "still awaits approval from Canadian"),
])
def test_wrong_state_for_a_place(hits, text: str, span: str):
    assert hits(text, RULE) == [(RULE, span, "warning")]


@pytest.mark.parametrize("text", [
    "Drug X is approved in Canada.",
    "Drug X is not approved in Japan.",
    "Drug X is not approved in Germany.",  # a place the rule does not know
    "Drug Y is not approved in Canada.",  # another product
    "Is Drug X approved in Japan?",
])
def test_right_or_unknown_states_are_not_flagged(hits, text: str):
    assert hits(text, RULE) == []


def test_since_date_of_the_place_is_honoured(tmp_path):
    early = kindpack.linter_for([kindpack.write_pack(tmp_path / "test")], as_of=kindpack.date(2025, 4, 1))
    assert kindpack.findings(early, "Drug X is not approved in Canada.", RULE) == []
    assert kindpack.findings(early, "Drug X is approved in Japan.", RULE)


@pytest.mark.parametrize(("text", "rule", "flagged"), [
    # a statement about every country at once is the world's: its own rule reads it ...
    ("MDMA cannot be legally prescribed anywhere in the world.", "mdma/mdma-medical-use-nowhere", True),
    # ... only in its own sentence: the next one is about a place again
    ("Australia became the first nation anywhere to recognise MDMA as medicine. Not everyone can prescribe MDMA "
     "there, however.", "mdma/mdma-medical-use-nowhere", False),
    # "anywhere" within a country, or a world with a country named beside it, is not the world
    ("Doctors cannot prescribe MDMA anywhere in the United States.", "mdma/mdma-medical-use-nowhere", False),
    ("MDMA cannot be prescribed anywhere in the world except in Australia and Switzerland.",
     "mdma/mdma-medical-use-nowhere", False),
    ("MDMA is not approved for medical use anywhere in the world.", "mdma/mdma-medical-use-nowhere", False),  # true
    # and the world is no rival of a country: a worldwide shortage is one in the US too
    ("Worldwide Ozempic shortage rattles people with diabetes.", "glp1/semaglutide-shortage-current", True),
])
def test_the_world_as_a_jurisdiction(bundled_linter, text: str, rule: str, flagged: bool) -> None:
    found = [f.rule for f in bundled_linter.lint_text(text, "a.md", "markdown").findings]
    assert (rule in found) == flagged, found


@pytest.mark.parametrize(("text", "severity"), [
    # Passed on in the text's own words, unanswered: it misleads as the text's own would.
    ("Analysts say Drug X is not approved in Canada.", "warning"),
    ("Analysts say Drug X is not approved in Canada. Sales are slow.", "warning"),
    # A quotation, a myth the text names as such, or a statement the next sentence answers.
    ('"Drug X is not approved in Canada," a fan wrote.', "info"),
    ("Myth: Drug X is not approved in Canada.", "info"),
    ("Analysts say Drug X is not approved in Canada. In fact, Canada approved it in June 2025.", "info"),
    ("Analysts say Drug X is not approved in Canada. The agency approved it in June 2025.", "info"),
])
def test_someone_elses_wrong_statement(hits, text: str, severity: str):
    assert [h[2] for h in hits(text, RULE)] == [severity]


def test_an_unanswered_statement_names_its_speaker(kind_linter):
    (f,) = kindpack.findings(kind_linter, "Analysts say Drug X is not approved in Canada.", RULE)
    assert f.message.startswith("Attributed to Analysts; the text passes it on as news.")


def _launch_linter(tmp_path, stance: str):
    launch = kindpack.rule("x-launch", f"""\
kind: jurisdiction-status
subject: "@drugx"
event: [launch]
stance: {stance}
jurisdictions:
  - {{names: [Canada, Canadian], status: done, since: 2025-06-01}}
""", since="2025-06-01", flagged="Drug X has not been launched in Canada.")
    root = kindpack.write_pack(tmp_path / "test", {
        "claims/pack.yaml": kindpack.manifest(about=("Drug X",), terms={"drugx": ["Drug X"]}),
        "claims/c.yaml": "claims:\n" + kindpack.claim("x", "Drug X went on sale in Canada in June 2025.", launch)})
    return kindpack.linter_for([root])


def test_a_rule_may_leave_forecasts_alone(tmp_path):
    """A launch rule reads only a denial or a launch still pending: "will launch in Canada in
    June" mostly came true on time."""
    linter = _launch_linter(tmp_path, "[negated, pending]")
    assert kindpack.findings(linter, "Drug X has not yet been launched in Canada.", "test/x-launch")
    assert kindpack.findings(linter, "The maker will launch Drug X in Canada next month.", "test/x-launch") == []
    # the launch told as it happens, and a denial told as history
    assert kindpack.findings(linter, "The maker is launching Drug X in Canada.", "test/x-launch") == []
    assert kindpack.findings(linter, "In June the maker made news by launching Drug X in Canada.", "test/x-launch") == []
    assert kindpack.findings(linter, "Drug X had not been launched in Canada until June.", "test/x-launch") == []


def test_a_rule_stance_outside_the_three_is_an_error(tmp_path):
    from factcheck.knowledge import check_packs

    root = kindpack.write_pack(tmp_path / "bad" / "test", {
        "claims/pack.yaml": kindpack.manifest(about=("Drug X",), terms={"drugx": ["Drug X"]}),
        "claims/c.yaml": "claims:\n" + kindpack.claim("x", "Drug X went on sale.", kindpack.rule("x-launch", """\
kind: jurisdiction-status
subject: "@drugx"
event: [launch]
stance: [done]
jurisdictions:
  - {names: [Canada], status: done, since: 2025-06-01}
"""))})
    _, problems = check_packs([root])
    assert any("stance lists only negated, pending or expected" in str(p) for p in problems if p.level == "error")
