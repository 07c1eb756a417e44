"""The whole path on the small test pack: figures, studies, arms, citations, time, offsets."""

from __future__ import annotations

from datetime import date

from factcheck.engine import Linter


def rules(report):
    return [(f.rule, f.verdict, f.text) for f in report.findings]


def test_rule_with_negation_and_question(test_linter):
    r = test_linter.lint_text("Drug X is close to approval. Drug X is not close to approval.\n"
                              "Is Drug X close to approval?\n", "a.md")
    hits = [f for f in r.findings if f.rule == "pack/drug-x-approval-near"]
    assert len(hits) == 1 and hits[0].line == 1 and hits[0].column == 11


def test_attributed_statement_is_a_warning_naming_the_speaker(test_linter):
    r = test_linter.lint_text('Critics say Drug X is close to approval.\n', "a.md")
    (f,) = [f for f in r.findings if f.rule == "pack/drug-x-approval-near"]
    assert f.severity == "warning" and f.message.lower().startswith("attributed to critics")


def test_config_attributed_info_lowers_attributed_findings_only(test_pack):
    from datetime import date

    from factcheck.config import Config, apply_config
    from factcheck.engine import Linter

    cfg = Config(attributed="info", severity={"pack/drug-x-approval-near": "error"})
    linter = Linter(test_pack, date(2026, 11, 22), policy=lambda report, source: apply_config(report.findings, cfg))
    said = linter.lint_text("Critics say Drug X is close to approval.\n", "a.md").findings
    own = linter.lint_text("Drug X is close to approval.\n", "a.md").findings
    assert [f.severity for f in said if f.rule == "pack/drug-x-approval-near"] == ["info"]
    assert [f.severity for f in own if f.rule == "pack/drug-x-approval-near"] == ["error"]


def test_severity_override_never_raises_a_quoted_statement(test_pack):
    from datetime import date

    from factcheck.config import Config, apply_config
    from factcheck.engine import Linter

    cfg = Config(severity={"pack/drug-x-approval-near": "error"})
    linter = Linter(test_pack, date(2026, 11, 22), policy=lambda report, source: apply_config(report.findings, cfg))
    quoted = linter.lint_text('"Drug X is close to approval," a fan wrote.\n', "a.md").findings
    assert [f.severity for f in quoted if f.rule == "pack/drug-x-approval-near"] == ["info"]


def test_figure_for_the_wrong_measure(test_linter):
    r = test_linter.lint_text("In the Drug X trial (Smith et al. 2021), 60% had a clinically meaningful response.\n", "a.md")
    f = next(f for f in r.findings if f.verdict == "contradicted")
    assert f.rule == "figure-wrong-measure" and f.text.startswith("60%")
    assert "no longer met diagnostic criteria" in f.message and "85%" in f.fact


def test_figure_for_the_wrong_arm(test_linter):
    r = test_linter.lint_text("In TRIAL1 of Drug X, 30% of the drug group no longer met criteria.\n", "a.md")
    assert any(f.rule == "figure-wrong-arm" for f in r.findings), rules(r)


def test_right_figure_is_supported(test_linter):
    r = test_linter.lint_text("In TRIAL1 of Drug X, 60 percent of the drug group no longer met criteria.\n", "a.md")
    assert [f.verdict for f in r.findings if f.kind == "trial-statistic"] == ["supported"]


def test_glued_table_row_splits_into_count_and_percent(test_linter):
    r = test_linter.lint_text("Drug X results\nSmith et al. 8060%\n", "a.md")
    texts = {f.text for f in r.findings if f.verdict == "supported"}
    assert {"80", "60%"} <= texts


def test_retracted_citation(test_linter):
    r = test_linter.lint_text("A pooled analysis of Drug X (Jones et al., 2019) found large effects.\n", "a.md")
    f = next(f for f in r.findings if f.verdict == "retracted")
    assert f.rule == "citation-retracted" and f.severity == "error" and f.since == "2024-08-10"


def test_dose_no_protocol_used(test_linter):
    r = test_linter.lint_text("Drug X sessions used a dose of 300 mg.\n", "a.md")
    assert any(f.rule == "protocol-mismatch" for f in r.findings), rules(r)
    r = test_linter.lint_text("Drug X sessions used 75 to 100 milligrams.\n", "a.md")
    assert all(f.verdict == "supported" for f in r.findings)


def test_time_awareness_uses_document_date(test_pack):
    linter = Linter(test_pack, date(2026, 11, 22))
    r = linter.lint_text("---\ndate: 2023-05-04\n---\nDrug X is nearing approval.\n", "a.md")
    assert "correct when published on 2023-05-04; outdated since 2024-08-09" in r.findings[0].message
    early = Linter(test_pack, date(2024, 1, 1)).lint_text("Drug X is nearing approval.\n", "a.md")
    assert early.findings == []


def test_off_topic_document_is_not_judged(test_linter):
    r = test_linter.lint_text("Drug Y is close to approval; 60% no longer met criteria.\n", "a.md")
    assert r.findings == []


def test_html_offsets_point_into_the_raw_file(test_linter):
    src = "<p>Drug&nbsp;X is <em>close</em> to approval.</p>"
    r = test_linter.lint_text(src, "a.html", "html")
    (f,) = [f for f in r.findings if f.rule == "pack/drug-x-approval-near"]
    assert src[f.start : f.end] == f.text == "close</em> to approval"


def test_a_document_that_breaks_a_stage_fails_alone(test_linter, tmp_path, monkeypatch):
    # A bug triggered by one file is that file's error (exit 2), never a crash of the whole run.
    real = test_linter.judge.judge

    def judge(claims, as_of, **kwargs):
        if any(c.start >= 15 for c in claims):  # only file 2's claim is 5 characters further on
            raise RecursionError("deep")
        return real(claims, as_of, **kwargs)

    paths = []
    for i in range(5):
        p = tmp_path / f"{i}.md"
        p.write_text("Drug X is close to approval.\n" if i != 2 else "BOOM Drug X is close to approval.\n")
        paths.append(p)
    monkeypatch.setattr(test_linter.judge, "judge", judge)
    monkeypatch.setattr("factcheck.engine.read_document", _boom_on("3.md"))
    reports = list(test_linter.lint_paths(paths))
    assert [r.path for r in reports] == [str(p) for p in paths]
    errors = {r.path.rsplit("/", 1)[1]: r.error for r in reports if r.error}
    assert set(errors) == {"2.md", "3.md"}
    assert all("internal error" in e for e in errors.values())
    assert all(r.findings for r in reports if not r.error)


def _boom_on(name):
    from factcheck.documents import read_document

    def read(path):
        if str(path).endswith(name):
            raise ValueError("parser bug")
        return read_document(path)

    return read


def test_a_front_matter_date_reads_the_page_as_the_published_argument_does():
    """Front matter is blanked to keep offsets; its blank lines must not hide the page's title,
    which names the drug a later paragraph leaves unnamed."""
    from factcheck.knowledge import load_pack_cached

    linter = Linter(load_pack_cached(), date(2026, 11, 22))
    body = ("Maker warns of Wegovy supply gap\n\nThe maker said a plant that fills its pens had stopped work.\n\n"
            "Shares fell on the news.\n\nThe drugmaker expects the shortfall to be resolved next year.\n")
    dated = linter.lint_text("---\ndate: 2021-12-18\n---\n" + body, "a.md", "markdown")
    given = linter.lint_text(body, "a.md", "markdown", published=date(2021, 12, 18))
    assert [f.rule for f in dated.findings] == [f.rule for f in given.findings]
    assert "glp1/semaglutide-shortage-current" in [f.rule for f in dated.findings]
