"""Shared fixtures: a small test pack (independent of the bundled data) and linters built once."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

import pytest

# The lint command caches results in the working folder by default; tests that want the cache
# name a --cache-dir (which still uses it), the rest never read or leave one.
os.environ.setdefault("FACTCHECK_NO_CACHE", "1")
# The compiled-pack cache lives in the user's cache folder; tests use a fresh one of their own
# (still exercised: the first load stores the pack, later processes read it back).
os.environ.setdefault("FACTCHECK_PACK_CACHE", tempfile.mkdtemp(prefix="factcheck-packs-"))

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
