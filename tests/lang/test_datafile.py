"""The language layer's data files read by libyaml's loader give what PyYAML's own gives."""

from __future__ import annotations

from pathlib import Path

import yaml

from factcheck.lang.datafile import load_data_yaml

DATA = Path(__file__).resolve().parents[2] / "factcheck" / "lang" / "data"


def test_every_data_file_loads_alike() -> None:
    files = sorted(DATA.glob("*.yaml"))
    assert len(files) >= 2
    for path in files:
        expected = yaml.safe_load(path.read_text(encoding="utf-8"))
        got = load_data_yaml(path)
        assert got == expected
        # the same types too (a date, a number or a boolean read otherwise would still compare)
        assert repr(got) == repr(expected)
