"""One linter on the every-kind test pack (tests/kindpack.py), built once per session."""

from __future__ import annotations

from collections.abc import Callable

import kindpack  # tests/ is on sys.path (rootdir-relative imports, as for packtexts)
import pytest


@pytest.fixture(scope="session")
def kind_linter(tmp_path_factory):
    root = kindpack.write_pack(tmp_path_factory.mktemp("kinds") / "test")
    return kindpack.linter_for([root])


@pytest.fixture(scope="session")
def hits(kind_linter) -> Callable:
    """Text -> [(rule id, span text, severity)] of the findings of one rule (or all)."""

    def run(text: str, rule_id: str | None = None, **kwargs) -> list[tuple[str, str, str]]:
        return [(f.rule, f.text, f.severity) for f in kindpack.findings(kind_linter, text, rule_id, **kwargs)]

    return run
