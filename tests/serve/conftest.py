"""A real `factcheck serve` app on 127.0.0.1 (a free port), in a thread, shared by the tests."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest

pytest.importorskip("flask")

AS_OF = date(2026, 11, 1)


@dataclass
class Server:
    url: str
    app: object


def _run(app) -> Iterator[Server]:  # type: ignore[no-untyped-def]
    from werkzeug.serving import make_server

    srv = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{srv.server_port}", app)
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.fixture(scope="session")
def checker():  # type: ignore[no-untyped-def]
    from factcheck.editor import Checker

    return Checker(as_of=AS_OF)


@pytest.fixture(scope="session")
def server(checker) -> Iterator[Server]:  # type: ignore[no-untyped-def]
    from factcheck.serve import create_app

    yield from _run(create_app(checker, fetch_allow_hosts=("127.0.0.1",)))


@pytest.fixture(scope="session")
def server_no_fetch(checker) -> Iterator[Server]:  # type: ignore[no-untyped-def]
    from factcheck.serve import create_app

    yield from _run(create_app(checker, fetch_enabled=False))


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
