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
