"""A worker that dies while the executor does not notice: the run raises BrokenProcessPool itself
(engine.result_or_broken), so the rest is linted in process instead of waiting for ever."""

from __future__ import annotations

from concurrent.futures import TimeoutError as FuturesTimeout
from concurrent.futures.process import BrokenProcessPool

import pytest

from factcheck.engine import result_or_broken


class _NeverDone:
    def result(self, timeout=None):
        raise FuturesTimeout()


class _Done:
    def result(self, timeout=None):
        return ["report"]


class _Proc:
    def __init__(self, exitcode):
        self.exitcode = exitcode


class _Writer:
    closed = False

    def close(self) -> None:
        self.closed = True


class _Queue:
    def __init__(self) -> None:
        self._writer = _Writer()


class _Executor:
    def __init__(self, procs) -> None:
        self._processes = {i: p for i, p in enumerate(procs)}
        self._result_queue = _Queue()


def test_a_dead_worker_whose_result_never_comes_breaks_the_run() -> None:
    dead = _Proc(-9)
    executor = _Executor([_Proc(None), dead])
    with pytest.raises(BrokenProcessPool):
        result_or_broken(_NeverDone(), executor, [], poll=0.01, grace=0.05)
    assert executor._result_queue._writer.closed  # the manager thread's wait is ended too


def test_a_result_comes_back_as_it_is() -> None:
    assert result_or_broken(_Done(), _Executor([_Proc(None)]), [], poll=0.01, grace=0.05) == ["report"]


def test_live_workers_are_waited_for() -> None:
    class _Later:
        calls = 0

        def result(self, timeout=None):
            self.calls += 1
            if self.calls < 5:
                raise FuturesTimeout()
            return ["late"]

    assert result_or_broken(_Later(), _Executor([_Proc(None), _Proc(None)]), [], poll=0.01, grace=0.05) == ["late"]
