import gc

from factcheck.gc_tuning import long_lived, paused


def test_paused_stops_collection_and_restores_the_setting():
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_long_lived_freezes_what_was_built():
    before = gc.get_freeze_count()
    try:
        with long_lived():
            kept = [[i] for i in range(1000)]
            assert not gc.isenabled()
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(kept)
    finally:
        gc.unfreeze()


def test_for_documents_raises_only_the_first_threshold_and_keeps_a_higher_one():
    from factcheck.gc_tuning import DOCUMENT_THRESHOLD, for_documents

    saved = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        for_documents()
        assert gc.get_threshold() == (DOCUMENT_THRESHOLD, 10, 10)
        gc.set_threshold(DOCUMENT_THRESHOLD * 2, 5, 5)
        for_documents()
        assert gc.get_threshold() == (DOCUMENT_THRESHOLD * 2, 5, 5)
        gc.set_threshold(0, 10, 10)  # 0: automatic collection off, left so
        for_documents()
        assert gc.get_threshold() == (0, 10, 10)
    finally:
        gc.set_threshold(*saved)


def test_lint_runs_its_documents_with_the_raised_threshold(tmp_path, monkeypatch):
    """The CLI sets it once the engine is built (forked workers inherit it)."""
    from click.testing import CliRunner

    from factcheck.cli import main
    from factcheck.gc_tuning import DOCUMENT_THRESHOLD

    seen = []
    import factcheck.engine as engine

    real = engine.Linter.lint_paths

    def spy(self, *args, **kwargs):
        seen.append(gc.get_threshold()[0])
        return real(self, *args, **kwargs)

    monkeypatch.setattr(engine.Linter, "lint_paths", spy)
    saved = gc.get_threshold()
    try:
        (tmp_path / "a.md").write_text("MDMA therapy was approved by the FDA in 2024.\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["lint", "--no-cache", "--jobs", "1", "--fail-on", "never", str(tmp_path)])
        assert result.exit_code == 0, result.output
        assert seen and seen[0] >= DOCUMENT_THRESHOLD
    finally:
        gc.set_threshold(*saved)
