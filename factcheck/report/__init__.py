"""Formatters: one module per output format, all rendering the same Finding/FileReport objects.

`get_reporter(name, stream, **options)` imports only the formatter asked for, so adding a format is
one new module plus one line in FORMATS.
"""

from __future__ import annotations

import importlib
from typing import IO, Any

from factcheck.report.base import Reporter

# format name -> "module:class"
FORMATS: dict[str, str] = {
    "text": "factcheck.report.text:TextReporter",
    "json": "factcheck.report.json_report:JsonReporter",
    "sarif": "factcheck.report.sarif:SarifReporter",
    "github": "factcheck.report.github:GithubReporter",
    "junit": "factcheck.report.junit:JunitReporter",
    "gitlab": "factcheck.report.gitlab:GitlabReporter",
}


def get_reporter(name: str, stream: IO[str], **options: Any) -> Reporter:
    module_name, _, class_name = FORMATS[name].partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls(stream, **options)


__all__ = ["FORMATS", "Reporter", "get_reporter"]
