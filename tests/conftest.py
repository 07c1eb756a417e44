"""Shared fixtures: a small test pack (independent of the bundled data) and linters built once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
AS_OF = date(2026, 11, 22)


@pytest.fixture(scope="session")
def test_pack():
    from factcheck.knowledge import load_pack

    return load_pack([FIXTURES / "pack"], include_bundled=False)


@pytest.fixture(scope="session")
def test_linter(test_pack):
    from factcheck.engine import Linter

    return Linter(test_pack, AS_OF, show_supported=True)


@pytest.fixture(scope="session")
def bundled_linter():
    from factcheck.engine import Linter
    from factcheck.knowledge import load_pack_cached

    return Linter(load_pack_cached(), AS_OF)
