"""The language layer's own data files (data/*.yaml), read with libyaml's loader when PyYAML has it.

Why: PyYAML's pure-Python loader took 0.03 CPU s of every process start for cues.yaml alone;
libyaml's reads it ten times faster. Both loaders build the same data from these files
(tests/lang/test_datafile.py compares them on every file of data/).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_data_yaml(path: Path) -> Any:
    """`yaml.safe_load` of the file's text."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
